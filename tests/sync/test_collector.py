"""While pages are applied the garbage collector waits longer, and gets its settings back."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from frontdesk.sync.collector import RELAXED_THRESHOLD, fewer_collections


@pytest.fixture(autouse=True)
def _default_thresholds() -> Iterator[None]:
    saved = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*saved)


def test_the_young_generation_waits_longer_and_the_settings_come_back() -> None:
    with fewer_collections():
        assert gc.get_threshold() == (RELAXED_THRESHOLD, 10, 10)
        assert gc.isenabled()  # relaxed, never switched off
    assert gc.get_threshold() == (700, 10, 10)


def test_nested_and_overlapping_uses_restore_only_when_the_last_ends() -> None:
    inside, release = threading.Event(), threading.Event()

    def other_pull() -> None:
        with fewer_collections():
            inside.set()
            release.wait(5)

    thread = threading.Thread(target=other_pull)
    with fewer_collections():
        thread.start()
        assert inside.wait(5)
    assert gc.get_threshold()[0] == RELAXED_THRESHOLD  # the other pull is still going
    release.set()
    thread.join()
    assert gc.get_threshold() == (700, 10, 10)


def test_a_failure_inside_still_restores_the_settings() -> None:
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("a page could not be applied")
    assert gc.get_threshold() == (700, 10, 10)
