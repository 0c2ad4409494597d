"""The period report's enquiries by linked service, counted the way the exports list them
(`reports.services_of`: links added in order, an amendment's list replacing them).

At a million enquiries, rebuilding every enquiry's list in Python was most of the
report's time. An enquiry never amended has as its services exactly the distinct services
its link events name, so on PostgreSQL those are counted in SQL, and only the few amended
enquiries are rebuilt by `services_of`. SQLite (the embedded hub, one office) keeps the
one path for all.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import Connection, case, cast, func, select
from sqlalchemy.dialects import postgresql

from frontdesk.core.enquiry import EventKind
from frontdesk.hub import schema as t
from frontdesk.hub.enquiries.reports import services_of

_BATCH = 5000


def _rebuilt(conn: Connection, ids: list[str], counts: Counter[str]) -> None:
    for start in range(0, len(ids), _BATCH):
        linked = services_of(conn, ids[start : start + _BATCH])
        counts.update(s for services in linked.values() for s in services)


def linked_services(conn: Connection, ids: Any, *, in_sql: bool | None = None) -> dict[str, int]:
    """Enquiries (of the `ids` subquery) by each service they are linked to now."""
    if in_sql is None:
        in_sql = conn.dialect.name == "postgresql"
    counts: Counter[str] = Counter()
    if not in_sql:
        _rebuilt(conn, [i for (i,) in conn.execute(select(ids.c.id))], counts)
        return dict(counts)
    ev = t.enquiry_events.c
    mine = ev.enquiry_id.in_(select(ids.c.id))
    amended = select(ev.enquiry_id).where(ev.kind == EventKind.AMENDED.value, mine).distinct()
    _rebuilt(conn, [i for (i,) in conn.execute(amended)], counts)
    value = cast(ev.data, postgresql.JSON)["service_id"]
    # The type test is in the SELECT, not the WHERE, and links that are not text are
    # dropped below, not in SQL: as a filter, PostgreSQL parsed the JSON of every link
    # of the kind before joining them to the period's enquiries.
    service = case((func.json_typeof(value) == "string", value.astext))
    links = (
        select(ev.enquiry_id, service.label("service"))
        .where(
            ev.kind == EventKind.SERVICE_LINKED.value,
            mine,
            ev.enquiry_id.not_in(amended.scalar_subquery()),
        )
        .distinct()
        .subquery()
    )
    rows = conn.execute(select(links.c.service, func.count()).group_by(links.c.service))
    counts.update({str(name): int(n) for name, n in rows if name is not None})
    return dict(counts)
