"""The second pass: who a service is for, one provider crowding the list, decades."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from frontdesk.search import rerank as rerank_module
from frontdesk.search.api import SearchEngine
from frontdesk.search.rerank import CROWD, Audiences, _group, _near, _uncrowd
from frontdesk.search.stemming import stem
from tests.search.catalogue import feed, open_store, service
from tests.search.test_intent import OTHERS, own_org


@dataclass(frozen=True)
class Row:
    id: str
    name: str
    organization_name: str | None
    lgsl_code: str | None = None


def test_audience_words_name_the_group_services_use() -> None:
    audiences = Audiences.parse("son, daughter, my little one => children, families\n")
    assert audiences.wanted(["help", "for", "my", "sons"])
    assert audiences.wanted(["my", "little", "one"])
    assert not audiences.wanted(["my", "mum"])


def test_bundled_audiences_know_older_people_and_veterans() -> None:
    audiences = Audiences.bundled()
    assert any(("older", "peopl") in g for g in audiences.wanted(["my", "nan"]))
    assert audiences.wanted(["ex", "army"])


def test_later_listings_of_one_provider_give_way() -> None:
    rows = [
        (Row("1", "Group at venue A", "Big charity"), 10.0),
        (Row("2", "Group at venue B", "Big charity"), 9.9),
        (Row("3", "Local advice", "Small charity"), 9.0),
        (Row("4", "Council service type", None, "123"), 8.0),
        (Row("5", "Another service type", None, "124"), 7.9),
    ]
    out = _uncrowd(rows, _group)
    ranked = sorted(out, key=lambda pair: -pair[1])
    assert [r.id for r, _ in ranked][:3] == ["1", "3", "4"]
    assert dict((r.id, s) for r, s in out)["2"] == 9.9 * CROWD


def test_two_concepts_side_by_side() -> None:
    text = tuple(stem(w) for w in ["free", "computer", "classes", "for", "the", "over", "50s"])
    assert _near(text, [frozenset({stem("computer")}), frozenset({"50"})])
    far = tuple(("computer " + "x " * 10 + "50").split())
    assert not _near(far, [frozenset({"computer"}), frozenset({"50"})])


def test_decades_meet_their_number() -> None:
    assert stem("50s") == stem("50") == "50"
    assert stem("1960s") == "1960"
    assert stem("rats") != stem("rates")


def test_a_local_provider_comes_before_the_national_service_type_of_the_same_need(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An LGSL record says councils do this; it names no provider and no way to reach one.
    store = open_store(tmp_path)
    services = [
        service(
            "type", "Stop smoking support", "Support to stop smoking.", org=None, lgsl_code="1"
        ),
        service("local", "Stop smoking support", "Support to stop smoking at a weekly clinic."),
        *OTHERS,
    ]
    store.apply_imports([("council", own_org([s for s in services if s.id != "type"]))])
    store.apply_imports([("lgsl", feed(services[0]))])
    engine = SearchEngine(store)
    hits = engine.search("stop smoking", typing=False).hits
    assert [h.source_id for h in hits[:2]] == ["local", "type"]
    assert hits[1].organization is None and hits[1].lgsl_code == "1"
    # on the words alone the service type's shorter text would have come first
    monkeypatch.setattr(rerank_module, "TYPE_ONLY", 1.0)
    hits = engine.search("stop smoking", typing=False).hits
    assert [h.source_id for h in hits[:2]] == ["type", "local"]
