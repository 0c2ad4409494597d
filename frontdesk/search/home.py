"""The desk's own area, for ordering services when the caller gives no postcode.

A desk's catalogue is mostly its own council's services, with some from neighbours
(a county and a district, or the next borough: the demo holds Trafford's services and
Lancashire's). With a postcode, search knows whose services cover the caller
(coverage.py). Without one, a service that names only areas the desk does not serve is
the less likely answer: "Report a street light fault" before "Report a street light
fault in Lancashire". The desk's own areas are read from the catalogue, not configured:
the council areas that the most services name (any with at least HOME_SHARE of the
largest count), with the wider areas (country, Great Britain, the UK) round them.
A catalogue spread evenly over many councils (more than HOME_MOST alike: a regional
or national directory) has no home either, nor has one that names no areas (the
Bristol feed, LGSL alone): nothing changes for them.
"""

from __future__ import annotations

from sqlalchemy import Connection

from frontdesk.search.coverage import WIDER
from frontdesk.search.filters import Clause

HOME_SHARE = 0.5
HOME_MOST = 12


def home_areas(conn: Connection) -> frozenset[str]:
    """The GSS codes of the desk's own areas, or none when services name no areas."""
    wider = {code for codes in WIDER.values() for code in codes}
    counts = [
        (str(gss), int(n))
        for gss, n in conn.exec_driver_sql(
            "SELECT gss, count(*) FROM service_areas GROUP BY gss ORDER BY 2 DESC"
        )
        if gss not in wider
    ]
    if not counts:
        return frozenset()
    top = counts[0][1]
    own = {gss for gss, n in counts if n >= HOME_SHARE * top}
    if len(own) > HOME_MOST:
        return frozenset()
    return frozenset(own | {code for gss in own for code in WIDER.get(gss[:1], ())})


def home_expression(areas: frozenset[str]) -> Clause:
    """0 when a service names areas and none of them is the desk's own, else NULL."""
    marks = ", ".join("?" for _ in areas)
    sql = (
        "(CASE WHEN EXISTS (SELECT 1 FROM service_areas a WHERE a.service_rowid = s.rowid)"
        " AND NOT EXISTS (SELECT 1 FROM service_areas a WHERE a.service_rowid = s.rowid"
        f" AND a.gss IN ({marks})) THEN 0 END)"
    )
    return Clause([sql], sorted(areas))
