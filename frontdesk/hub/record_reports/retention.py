"""Retention for record reports: a report's free text may hold what the hub's filter did
not recognise as personal (a name, say), so the retention purge blanks the problem and
suggested value of reports whose group closed before the cutoff. The group, its counts
and dates stay for the data-quality figures."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, select, update

from frontdesk.hub import schema as t

#: What a purged report's problem reads.
PURGED = ""


def forget_closed_report_texts(conn: Connection, cutoff: dt.datetime) -> int:
    """Inside the purge's transaction; returns how many reports lost their text."""
    g, r = t.record_report_groups.c, t.record_reports.c
    closed_before = select(g.id).where(g.open_key.is_(None), g.closed_at < cutoff)
    result = conn.execute(
        update(t.record_reports)
        .where(r.group_id.in_(closed_before))
        .where((r.problem != PURGED) | r.suggested.is_not(None))
        .values(problem=PURGED, suggested=None)
    )
    return int(result.rowcount)
