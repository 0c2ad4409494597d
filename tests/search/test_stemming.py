"""Forms of one word meet at query time; words that only look alike stay apart."""

from __future__ import annotations

from pathlib import Path

from frontdesk.search.api import SearchEngine
from frontdesk.search.stemming import stem
from tests.search.catalogue import open_store, service
from tests.search.test_intent import OTHERS, own_org


def test_inflections_meet_and_lookalikes_stay_apart() -> None:
    assert stem("emptied") == stem("empty")
    assert stem("evicting") == stem("eviction")
    assert stem("rats") != stem("rates")
    assert stem("50s") == "50"


def test_the_noun_and_verb_of_a_council_task_meet() -> None:
    assert stem("register") == stem("registration") == stem("registering")
    assert stem("apply") == stem("application")
    assert stem("licence") == stem("license") == stem("licensing")
    assert stem("marriage") == stem("married")
    assert stem("children") == stem("child")
    # a registrar is a person, not the act of registering
    assert stem("registrar") != stem("register")


def test_register_a_death_finds_death_registration_first(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    services = [
        service("reg", "Death registration", "Tell the registrar about a death within 5 days."),
        service("old", "Death - historical searches", "Search old records of a death."),
        *OTHERS,
    ]
    store.apply_imports([("council", own_org(services))])
    hits = SearchEngine(store).search("register a death", typing=False).hits
    assert hits[0].name == "Death registration"
