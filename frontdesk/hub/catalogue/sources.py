"""What the hub's catalogue is made of: each source, when it last arrived, and how its
last harvest went (`frontdesk hub sources`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, Row, func, select

from frontdesk.hub import schema as t
from frontdesk.hub.db import reading


@dataclass(frozen=True, slots=True)
class LastHarvest:
    finished_at: dt.datetime
    succeeded: bool
    pages: int
    records: int
    added: int
    updated: int
    removed: int
    error: str | None


@dataclass(frozen=True, slots=True)
class SourceInfo:
    name: str
    format: str
    location: str
    imported_at: dt.datetime | None  # None: only ever failed to harvest
    services: int
    last_harvest: LastHarvest | None

    def as_dict(self) -> dict[str, Any]:
        harvest = self.last_harvest
        return {
            "name": self.name,
            "format": self.format,
            "location": self.location,
            "imported_at": self.imported_at.isoformat() if self.imported_at else None,
            "services": self.services,
            "last_harvest": None
            if harvest is None
            else {
                "finished_at": harvest.finished_at.isoformat(),
                "succeeded": harvest.succeeded,
                "pages": harvest.pages,
                "records": harvest.records,
                "added": harvest.added,
                "updated": harvest.updated,
                "removed": harvest.removed,
                "error": harvest.error,
            },
        }


def list_sources(engine: Engine) -> list[SourceInfo]:
    """Every imported or harvested source, by name, with its latest harvest attempt."""
    h = t.catalogue_harvests.c
    latest = select(func.max(h.id)).group_by(h.source).scalar_subquery()
    with reading(engine) as conn:
        sources = {r.name: r for r in conn.execute(select(t.catalogue_sources))}
        harvests = {
            r.source: r for r in conn.execute(select(t.catalogue_harvests).where(h.id.in_(latest)))
        }
    return [
        _info(name, sources.get(name), harvests.get(name))
        for name in sorted(sources.keys() | harvests.keys())
    ]


def _info(name: str, src: Row[Any] | None, last: Row[Any] | None) -> SourceInfo:
    harvest = None
    if last is not None:
        harvest = LastHarvest(
            last.finished_at,
            last.succeeded,
            last.pages,
            last.records,
            last.added,
            last.updated,
            last.removed,
            last.error,
        )
    if src is None:
        assert last is not None
        return SourceInfo(name, last.format, last.url, None, 0, harvest)
    return SourceInfo(name, src.format, src.location, src.imported_at, src.services, harvest)
