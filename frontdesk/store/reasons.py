"""Enquiry reasons: what a call was about, apart from how it ended (the outcome).

A short controlled list per service category, so reports can count "missed bin
collections" whatever the adviser typed in the notes. The built-in list is the same on
every desk; an organisation adds its own reasons in `reasons.toml` in the data folder
(docs/decisions.md, "Enquiry reasons"). A reason is stored and sent to the hub by its
code, which never changes; its label is what the adviser reads.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from frontdesk.core.reason_codes import MAX_CODE, is_reason_code

#: The categories of the catalogue's service directory, in the order they are shown.
CATEGORIES: Final = (
    "Housing",
    "Money",
    "Health",
    "Safety",
    "Family",
    "Work",
    "Environment",
    "Transport",
    "Education",
    "Community",
    "General",
)
FILE_NAME: Final = "reasons.toml"
MAX_LABEL = 100


@dataclass(frozen=True, slots=True)
class Reason:
    code: str  # what is stored and pushed: lower-case words joined by hyphens
    category: str  # one of CATEGORIES
    label: str  # English, as the adviser reads it
    label_cy: str | None = None  # Welsh, for an organisation's own reasons
    builtin: bool = True


def _r(code: str, category: str, label: str) -> Reason:
    return Reason(code, category, label)


BUILTIN: Final = (
    _r("repair-request", "Housing", "Repair to a home"),
    _r("homelessness", "Housing", "Homeless or at risk of homelessness"),
    _r("council-tax-bill", "Money", "Council tax bill or payment"),
    _r("benefits-claim", "Money", "Benefits claim or payment"),
    _r("debt-advice", "Money", "Debt or money worries"),
    _r("care-support", "Health", "Care and support at home"),
    _r("mental-health", "Health", "Mental health support"),
    _r("report-crime", "Safety", "Report a crime or antisocial behaviour"),
    _r("safeguarding-concern", "Safety", "Safeguarding concern"),
    _r("childcare", "Family", "Childcare or children's services"),
    _r("bereavement", "Family", "Bereavement"),
    _r("job-seeking", "Work", "Looking for work or training"),
    _r("missed-collection", "Environment", "Missed bin collection"),
    _r("fly-tipping", "Environment", "Fly-tipping or litter"),
    _r("pest-control", "Environment", "Pests or noise"),
    _r("road-fault", "Transport", "Pothole, street light or road fault"),
    _r("parking", "Transport", "Parking permit or fine"),
    _r("school-admission", "Education", "School place or admission"),
    _r("send-support", "Education", "Special educational needs"),
    _r("registration", "Community", "Birth, death or marriage registration"),
    _r("library", "Community", "Library services"),
    _r("general-information", "General", "General information"),
    _r("complaint", "General", "Complaint or compliment"),
)


class ReasonsFileError(ValueError):
    """The organisation's reasons file cannot be used; the message names file and entry."""


@dataclass(frozen=True, slots=True)
class ReasonList:
    """The reasons a desk offers: the built-in ones, then the organisation's."""

    reasons: tuple[Reason, ...]

    def get(self, code: str) -> Reason | None:
        return next((r for r in self.reasons if r.code == code), None)

    def codes(self) -> tuple[str, ...]:
        return tuple(r.code for r in self.reasons)

    def check(self, code: str) -> str:
        """`code` if it is on the list; else ValueError naming the field and the choices."""
        wanted = code.strip().lower()
        if self.get(wanted) is None:
            raise ValueError(
                f"--reason: '{code}' is not a reason on this desk's list; choose one of: "
                + ", ".join(self.codes())
            )
        return wanted

    def by_category(self) -> list[tuple[str, list[Reason]]]:
        """The reasons grouped by category, categories in the catalogue's order."""
        order = {c: i for i, c in enumerate(CATEGORIES)}
        groups: dict[str, list[Reason]] = {}
        for reason in self.reasons:
            groups.setdefault(reason.category, []).append(reason)
        return sorted(groups.items(), key=lambda item: order.get(item[0], len(order)))


def load_reasons(data_dir: Path | None) -> ReasonList:
    """The built-in reasons plus those in `data_dir/reasons.toml`, if there is one.

    Raises ReasonsFileError when the file cannot be read or an entry is malformed, so a
    mistake in it is reported rather than silently dropping the organisation's reasons.
    """
    path = data_dir / FILE_NAME if data_dir is not None else None
    if path is None or not path.is_file():
        return ReasonList(BUILTIN)
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ReasonsFileError(f"{path}: cannot be read ({error})") from error
    entries = document.get("reason", [])
    if not isinstance(entries, list):
        raise ReasonsFileError(f"{path}: write each reason as a [[reason]] table")
    taken = {r.code for r in BUILTIN}
    added: list[Reason] = []
    for index, entry in enumerate(entries, start=1):
        reason = _entry(path, index, entry)
        if reason.code in taken:
            raise ReasonsFileError(f"{path}: reason {index}: code '{reason.code}' is used twice")
        taken.add(reason.code)
        added.append(reason)
    return ReasonList((*BUILTIN, *added))


def _entry(path: Path, index: int, entry: Any) -> Reason:
    where = f"{path}: reason {index}"
    if not isinstance(entry, dict):
        raise ReasonsFileError(f"{where}: must be a table with code, category and label")
    values: dict[str, str] = {}
    for key in ("code", "category", "label"):
        text = entry.get(key)
        if not isinstance(text, str) or not text.strip():
            raise ReasonsFileError(f"{where}: '{key}' must be given as text")
        values[key] = text.strip()
    code = values["code"]
    if not is_reason_code(code):
        raise ReasonsFileError(
            f"{where}: code '{code}' must be lower-case words joined by hyphens "
            f"(at most {MAX_CODE} characters), like 'fly-tipping-private-land'"
        )
    if values["category"] not in CATEGORIES:
        raise ReasonsFileError(
            f"{where}: category '{values['category']}' is not one of: " + ", ".join(CATEGORIES)
        )
    label_cy = entry.get("label_cy")
    if label_cy is not None and not isinstance(label_cy, str):
        raise ReasonsFileError(f"{where}: 'label_cy' must be text")
    for key, text in (("label", values["label"]), ("label_cy", label_cy or "")):
        if len(text.strip()) > MAX_LABEL:
            raise ReasonsFileError(f"{where}: '{key}' is longer than {MAX_LABEL} characters")
    welsh = label_cy.strip() if label_cy and label_cy.strip() else None
    return Reason(code, values["category"], values["label"], welsh, builtin=False)
