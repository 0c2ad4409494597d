"""The second pass: who a service is for, one provider crowding the list, decades."""

from __future__ import annotations

from dataclasses import dataclass

from frontdesk.search.rerank import CROWD, Audiences, _group, _near, _uncrowd
from frontdesk.search.stemming import stem


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
