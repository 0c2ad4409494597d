"""Test configuration shared by the whole suite."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("FRONTDESK_SHARED_DATA", REPO.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real published feeds and schemas kept beside the repository in ../shared/data."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"reference data folder {SHARED_DATA} is absent (it sits beside the repo)")
    return SHARED_DATA


@pytest.fixture(autouse=True)
def _no_machine_config(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Tests never read the machine-wide configuration of the PC they run on; a test that
    wants one points FRONTDESK_MACHINE_CONFIG at its own file."""
    missing = tmp_path_factory.getbasetemp() / "no-machine-config.toml"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FRONTDESK_MACHINE_CONFIG", str(missing))
        yield
