"""The period report's two figures PostgreSQL computes in SQL at scale — handling-time
percentiles (percentile_disc) and enquiries by linked service — give exactly what the
path SQLite uses gives: the nearest-rank value, and `services_of`'s rebuilt lists."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import Integer, column, select, values

from frontdesk.hub import schema as t
from frontdesk.hub.enquiries.monthly_report import nearest_rank, percentiles
from frontdesk.hub.enquiries.report_services import linked_services
from tests.helpers.hub import Hub
from tests.helpers.referral_world import make_world


@pytest.fixture
def db_url(pg_url: str) -> str:
    """PostgreSQL only: these SQL paths are PostgreSQL's; SQLite always takes the other one."""
    return pg_url


pytestmark = pytest.mark.postgres


@pytest.mark.parametrize("count", [0, 1, 2, 3, 9, 10, 11, 19, 20, 21, 99, 100, 101, 1000])
def test_percentile_disc_picks_the_nearest_rank(hub: Hub, count: int) -> None:
    rng = random.Random(count)
    numbers = [rng.randrange(0, 50) for _ in range(count)]  # many ties
    rows = [(n,) for n in numbers] + [(None,)] * 3  # calls with no duration are left out
    facts = values(column("value", Integer), name="facts").data(rows)
    with hub.engine.connect() as conn:
        in_sql = percentiles(conn, select(facts).subquery(), in_sql=True)
        in_python = percentiles(conn, select(facts).subquery(), in_sql=False)
    assert in_sql == in_python
    ordered = sorted(numbers)
    assert in_sql == {
        "calls": count,
        "p50": nearest_rank(ordered, 50),
        "p90": nearest_rank(ordered, 90),
    }


def test_services_counted_in_sql_match_the_rebuilt_lists(hub: Hub) -> None:
    world = make_world(hub)
    a, b, c = "kirklees:svc-0", "kirklees:svc-1", "kirklees:svc-2"
    world.enquiry("plain", services=(a, b))
    world.enquiry("twice", services=(a, a, c))  # linked twice: counted once
    world.enquiry("amended", services=(a,))
    world.amend("amended", {"service_ids": [b, c]})  # the amendment's list replaces it
    world.enquiry("cleared", services=(b,))
    world.amend("cleared", {"service_ids": []})
    world.enquiry("none")
    ids = select(t.enquiries.c.id).subquery()
    with hub.engine.connect() as conn:
        in_sql = linked_services(conn, ids, in_sql=True)
        rebuilt = linked_services(conn, ids, in_sql=False)
    assert in_sql == rebuilt == {a: 2, b: 2, c: 2}
