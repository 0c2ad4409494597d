"""Where the desk keeps its files: `--data-dir`, else `FRONTDESK_HOME`, else the platform's
per-user data folder (so an adviser's enquiries survive reinstalls of the program)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "frontdesk"
HOME_VARIABLE = "FRONTDESK_HOME"


@dataclass(frozen=True, slots=True)
class DataPaths:
    root: Path

    @property
    def catalogue_db(self) -> Path:
        return self.root / "catalogue.db"

    @property
    def desk_db(self) -> Path:
        return self.root / "desk.db"

    @property
    def sync_lock(self) -> Path:
        """Held (an OS lock, not the file's existence) by whichever process syncs the desk."""
        return self.root / "sync.lock"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    def ensure(self) -> DataPaths:
        self.root.mkdir(parents=True, exist_ok=True)
        return self


def data_paths(data_dir: str | os.PathLike[str] | None = None) -> DataPaths:
    """The data folder in force: the explicit argument wins over the environment."""
    if data_dir:
        return DataPaths(Path(data_dir).expanduser())
    env = os.environ.get(HOME_VARIABLE)
    if env:
        return DataPaths(Path(env).expanduser())
    return DataPaths(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))
