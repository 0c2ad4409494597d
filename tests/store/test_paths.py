"""The data folder: --data-dir beats FRONTDESK_HOME beats the platform default."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontdesk.store.paths import data_paths


def test_the_explicit_folder_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTDESK_HOME", str(tmp_path / "env"))
    assert data_paths(tmp_path / "arg").root == tmp_path / "arg"


def test_frontdesk_home_is_used_when_no_folder_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FRONTDESK_HOME", str(tmp_path / "env"))
    paths = data_paths(None)
    assert paths.catalogue_db == tmp_path / "env" / "catalogue.db"
    assert paths.desk_db == tmp_path / "env" / "desk.db"


def test_the_platform_user_data_folder_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FRONTDESK_HOME", raising=False)
    assert data_paths(None).root.name == "frontdesk"
