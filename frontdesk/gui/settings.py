"""Every setting of the desk, declared once with its type, default and translatable title,
and read through typed accessors over QSettings.

The settings dialog and the rest of the GUI both work from `ALL`, so adding a setting here
is all it takes to show it, store it and give it a default. A setting with a `machine` name
also takes the machine-wide configuration's value (`store.machine_config`) where the
adviser has set nothing, and that value alone where the file locks it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from frontdesk.gui import style
from frontdesk.store import machine_config
from frontdesk.store.machine_config import MachineConfig, Source

T = TypeVar("T", str, int)
_BASE_SIZE = "frontdesk_base_point_size"
_GEOMETRY = "ui/window_geometry"

LANGUAGES: dict[str, str] = {
    "en_GB": str(QT_TRANSLATE_NOOP("Settings", "English (UK)")),
    "cy": str(QT_TRANSLATE_NOOP("Settings", "Welsh (Cymraeg)")),
}


@dataclass(frozen=True, slots=True)
class Setting(Generic[T]):
    """One setting: where QSettings keeps it, its type and default, and what people call it."""

    key: str
    kind: type[T]
    default: T
    # English source text with the label's access key (&); translate with
    # `translated_title()`; `plain_title()` is the same words without the key.
    title: str
    help: str = ""
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()
    restart: bool = False  # takes effect the next time frontdesk starts
    machine: str = ""  # its name in the machine-wide configuration, if it has one

    def translated_title(self) -> str:
        return QCoreApplication.translate("Settings", self.title)

    def plain_title(self) -> str:
        return self.translated_title().replace("&", "")

    def translated_help(self) -> str:
        return QCoreApplication.translate("Settings", self.help) if self.help else ""

    def clean(self, value: object) -> T:
        """`value` as this setting's type, inside its range; the default when unusable."""
        if self.kind is int:
            try:
                number = int(str(value))
            except ValueError:
                return self.default
            if self.minimum is not None:
                number = max(number, self.minimum)
            if self.maximum is not None:
                number = min(number, self.maximum)
            return self.kind(number)
        text = str(value).strip()
        if self.choices and text not in self.choices:
            return self.default
        return self.kind(text)


HUB_ADDRESS = Setting(
    "sync/hub_address",
    str,
    "",
    str(QT_TRANSLATE_NOOP("Settings", "&Hub address")),
    str(QT_TRANSLATE_NOOP("Settings", "Leave empty to work standalone from local imports.")),
    restart=True,
    machine="hub_url",
)
DATA_FOLDER = Setting(
    "storage/data_folder",
    str,
    "",
    str(QT_TRANSLATE_NOOP("Settings", "&Data folder")),
    str(QT_TRANSLATE_NOOP("Settings", "Where catalogue.db and desk.db live. Empty: the default.")),
    restart=True,
)
RETENTION_DAYS = Setting(
    "privacy/retention_days",
    int,
    365,
    str(QT_TRANSLATE_NOOP("Settings", "&Keep caller details for (days)")),
    minimum=1,
    maximum=3650,
)
LANGUAGE = Setting(
    "ui/language",
    str,
    "en_GB",
    str(QT_TRANSLATE_NOOP("Settings", "&Language")),
    choices=tuple(LANGUAGES),
    restart=True,
    machine="language",
)
TEXT_SIZE = Setting(
    "ui/text_size_percent",
    int,
    100,
    str(QT_TRANSLATE_NOOP("Settings", "&Text size (%)")),
    minimum=100,
    maximum=200,
    machine="text_size",
)

ALL: tuple[Setting[str] | Setting[int], ...] = (
    HUB_ADDRESS,
    DATA_FOLDER,
    RETENTION_DAYS,
    LANGUAGE,
    TEXT_SIZE,
)


class Settings:
    """Typed access to the declared settings, stored in `QSettings`, over the machine-wide
    configuration (both injectable for tests)."""

    def __init__(
        self, store: QSettings | None = None, machine: MachineConfig | None = None
    ) -> None:
        self._store = store if store is not None else QSettings("frontdesk", "frontdesk")
        self.machine = machine if machine is not None else machine_config.load()

    def get(self, setting: Setting[T]) -> T:
        return setting.clean(self.resolve(setting)[0])

    def set(self, setting: Setting[T], value: T) -> None:
        self.set_value(setting, value)

    def get_value(self, setting: Setting[str] | Setting[int]) -> str | int:
        """For code that handles every setting alike (the dialog)."""
        return setting.clean(self.resolve(setting)[0])

    def set_value(self, setting: Setting[str] | Setting[int], value: object) -> None:
        """Store the adviser's value. A locked setting is not theirs to store; a value equal
        to the one already in force from the machine file or the default is not stored
        either, so a later change to that file or default still reaches this desk."""
        clean = setting.clean(value)
        value_now, source = self.resolve(setting)
        if source is Source.LOCKED:
            return
        if source is not Source.ADVISER and clean == setting.clean(value_now):
            return
        self._store.setValue(setting.key, clean)

    def resolve(self, setting: Setting[str] | Setting[int]) -> tuple[str | int, Source]:
        """The value in force and where it came from (`frontdesk status` and the dialog)."""
        raw = self._store.value(setting.key)
        own = None if raw is None else setting.clean(raw)
        if setting.machine:
            return self.machine.resolve(setting.machine, own, setting.default)
        return (setting.default, Source.DEFAULT) if own is None else (own, Source.ADVISER)

    def is_locked(self, setting: Setting[str] | Setting[int]) -> bool:
        return bool(setting.machine) and self.machine.is_locked(setting.machine)

    def sync(self) -> None:
        self._store.sync()

    @property
    def hub_address(self) -> str:
        return self.get(HUB_ADDRESS)

    @property
    def data_folder(self) -> str:
        return self.get(DATA_FOLDER)

    @property
    def retention_days(self) -> int:
        return self.get(RETENTION_DAYS)

    @property
    def language(self) -> str:
        return self.get(LANGUAGE)

    @property
    def text_size(self) -> int:
        return self.get(TEXT_SIZE)

    # Not a declared setting: nobody types it, the window keeps it (see window_size.py).
    @property
    def window_geometry(self) -> bytes:
        raw = self._store.value(_GEOMETRY)
        if isinstance(raw, QByteArray):
            return bytes(raw.data())
        return raw if isinstance(raw, bytes) else b""

    @window_geometry.setter
    def window_geometry(self, value: bytes) -> None:
        self._store.setValue(_GEOMETRY, QByteArray(value))


def apply_text_size(percent: int) -> None:
    """Scale the application font from the system's size (so 200% means twice the system)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    base = app.property(_BASE_SIZE)
    if base is None:
        base = app.font().pointSizeF()
        app.setProperty(_BASE_SIZE, base)
    # Check boxes, icons and arrows first: the font change makes every widget measure again.
    style.set_text_scale(percent / 100)
    font = app.font()
    font.setPointSizeF(float(base) * percent / 100)
    app.setFont(font)
