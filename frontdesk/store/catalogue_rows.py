"""How catalogue.db's rows are built and written, shared by an import
(`store.catalogue_import`) and a sync page (`store.catalogue_changes`), so a service looks
the same in catalogue.db and in the search index whichever way it arrived.

Also the bulk-insert helpers both paths use: a first sync writes 200,000 services, and
the way rows reach the driver decides how long that takes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import operator
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Connection, delete, func, insert, select

from frontdesk.core.catalogue import Organization, ServiceStatus, TaxonomyTerm, Tier, catalogue_id
from frontdesk.core.codec import JSON, organization_to_dict
from frontdesk.core.feed import ParsedFeed
from frontdesk.store import catalogue_schema as t
from frontdesk.store.jsontext import dumps_sorted

_T = TypeVar("_T")


@dataclass(slots=True)
class RowContext:
    """Lookups a service row needs from the rest of its feed and the reference tables.

    Organisation and term names are keyed by catalogue id, so one context serves a feed
    of one source (an import) or pages mixing many sources (a sync).
    """

    org_names: dict[str, str]
    term_names: dict[str, str]
    tiers: dict[str, tuple[str, str | None]]

    @classmethod
    def load(cls, conn: Connection, feed: ParsedFeed, source: str) -> RowContext:
        return cls(
            org_names={catalogue_id(source, o.id): o.name for o in feed.catalogue.organizations},
            term_names={catalogue_id(source, x.id): x.name for x in feed.catalogue.taxonomy_terms},
            tiers=_tiers(conn),
        )

    @classmethod
    def from_catalogue(cls, conn: Connection) -> RowContext:
        """Names as catalogue.db holds them now: what a sync page's services refer to."""
        o, x = t.organizations.c, t.taxonomy_terms.c
        return cls(
            org_names={r.id: r.name for r in conn.execute(select(o.id, o.name))},
            term_names={r.id: r.name for r in conn.execute(select(x.id, x.name))},
            tiers=_tiers(conn),
        )

    def row(self, source: str, doc: JSON) -> dict[str, Any]:
        """The `services` row for one service given as its codec dict (`service_to_dict`).

        Why a dict and not a `Service`: a sync page already holds the codec dict, and
        turning 200,000 of them into dataclasses and back only to read a dozen fields was
        about 40 % of a first sync's Python time. An import converts its dataclasses with
        `service_to_dict` first, so both paths build rows here, identically.
        """
        encoded = dumps_sorted(doc)
        get = doc.get
        lgsl = get("lgsl_code")
        label, tier = self.tiers.get(lgsl or "", ("", None))
        providing = get("providing_tier") or tier
        org_id = get("organization_id")
        org_key = catalogue_id(source, org_id) if org_id else None
        org_name = self.org_names.get(org_key) if org_key else None
        terms = self.term_names
        source_id = doc["id"]
        return {
            "id": catalogue_id(source, source_id),
            "source": source,
            "source_id": source_id,
            "name": doc["name"],
            "organization_id": org_key,
            "organization_name": org_name,
            "description": get("description"),
            "status": get("status", _ACTIVE),
            "lgsl_code": lgsl,
            "providing_tier": Tier(providing).value if providing else None,
            "minimum_age": get("minimum_age"),
            "maximum_age": get("maximum_age"),
            "last_assured": get("last_assured"),
            "last_modified": get("last_modified"),
            "keywords": "\n".join(get("keywords", ())),
            "taxonomy": "\n".join(
                terms[key]
                for key in (catalogue_id(source, i) for i in get("taxonomy_term_ids", ()))
                if key in terms
            ),
            "lgsl_labels": label,
            "document": encoded,
            "content_hash": hashlib.sha256(
                (encoded + "\x00" + (org_name or "")).encode()
            ).hexdigest(),
        }


_ACTIVE = ServiceStatus.ACTIVE.value


def check_service_dict(doc: Any) -> JSON:
    """`doc` if `service_from_dict` would accept it, else ValueError/KeyError/TypeError.

    Why not simply decode it: a first sync stores the hub's codec dicts as they are (see
    `RowContext.row`); this rejects the same malformed records decoding would, at a
    fraction of the cost, so nothing is stored that `StoredService` cannot read back.
    """
    if not isinstance(doc, dict) or not isinstance(doc["id"], str):
        raise TypeError("a service is an object with a string id")
    if not isinstance(doc["name"], str):
        raise TypeError("a service's name is a string")
    get = doc.get
    ServiceStatus(get("status", _ACTIVE))
    tier, assured, modified = get("providing_tier"), get("last_assured"), get("last_modified")
    if tier:
        Tier(tier)
    if assured:
        dt.date.fromisoformat(assured)
    if modified:
        dt.datetime.fromisoformat(modified)
    for key in ("keywords", "taxonomy_term_ids"):
        if not all(isinstance(x, str) for x in get(key, ())):
            raise TypeError(f"{key} must be strings")
    for key, required in _NESTED_REQUIRED:
        for item in get(key, ()):
            if required:
                item[required]  # a KeyError (or TypeError) here is the check
            elif not isinstance(item, dict):
                raise TypeError(f"{key} must be objects")
    for contact in get("contacts", ()):
        for phone in contact.get("phones", ()):
            phone["number"]
    return doc


# Nested lists and the key `service_from_dict` requires in each item ("" for none).
_NESTED_REQUIRED = (
    ("phones", "number"),
    ("contacts", ""),
    ("locations", "id"),
    ("schedules", ""),
    ("service_areas", "name"),
)


def _tiers(conn: Connection) -> dict[str, tuple[str, str | None]]:
    return {r.code: (r.label, r.tier) for r in conn.execute(select(t.lgsl_tiers))}


def bulk_insert(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    """Insert many rows (dicts with the same keys) with one prepared statement.

    The rows go straight to the driver's `executemany` on the transaction's own
    connection, as tuples: the driver binds a named value by looking its name up in the
    row, once per value, which made inserting a first sync's 200,000 services (20 columns
    each) take about twice as long as with positional values (bench/sync, round 5).
    """
    if not rows:
        return
    columns = list(rows[0])
    if len(columns) == 1:
        (column,) = columns
        insert_tuples(conn, table, columns, [(row[column],) for row in rows])
        return
    insert_tuples(conn, table, columns, list(map(operator.itemgetter(*columns), rows)))


def insert_tuples(
    conn: Connection, table: Any, columns: Sequence[str], rows: list[tuple[Any, ...]]
) -> None:
    """Insert many rows given as tuples in `columns` order (see `bulk_insert`)."""
    if not rows:
        return
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    statement = f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})'
    driver_connection(conn).executemany(statement, rows)


def driver_connection(conn: Connection) -> Any:
    """The sqlite3 connection under `conn`, inside the same transaction."""
    return conn.connection.driver_connection


def chunks(items: list[_T], size: int) -> Iterator[list[_T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def write_meta(conn: Connection, values: dict[str, str | None]) -> None:
    for key, value in values.items():
        conn.execute(delete(t.meta).where(t.meta.c.key == key))
        if value is not None:
            conn.execute(insert(t.meta).values(key=key, value=value))


def next_service_rowid(conn: Connection) -> int:
    """The rowid the next new service gets. New rows are given their rowids explicitly
    (inside the writer's transaction nobody else inserts), so their coverage and taxonomy
    links need no query to find them."""
    return int(conn.scalar(select(func.max(t.services.c.rowid))) or 0) + 1


def insert_links(conn: Connection, source: str, touched: dict[str, tuple[int, JSON]]) -> None:
    """Coverage areas and taxonomy links for services just added or changed, given as
    (rowid, codec dict) by source id."""
    areas: list[tuple[int, str]] = []
    terms: list[tuple[int, str]] = []
    prefix = catalogue_id(source, "")
    for rowid, doc in touched.values():
        service_areas = doc.get("service_areas")
        if service_areas:
            gss_codes = {a.get("gss_code") for a in service_areas}
            areas.extend((rowid, gss) for gss in sorted(code for code in gss_codes if code))
        term_ids = doc.get("taxonomy_term_ids")
        if term_ids:
            terms.extend((rowid, prefix + term) for term in dict.fromkeys(term_ids))
    insert_tuples(conn, t.service_areas, ("service_rowid", "gss"), areas)
    insert_tuples(conn, t.service_taxonomy, ("service_rowid", "term_id"), terms)


def organization_row(source: str, org: Organization) -> dict[str, Any]:
    """An `organizations` row, for an import and for a sync page alike."""
    return {
        "id": catalogue_id(source, org.id),
        "source": source,
        "source_id": org.id,
        "name": org.name,
        "document": json.dumps(organization_to_dict(org), sort_keys=True),
    }


def taxonomy_term_row(source: str, term: TaxonomyTerm) -> dict[str, Any]:
    """A `taxonomy_terms` row, for an import and for a sync page alike."""
    return {
        "id": catalogue_id(source, term.id),
        "source": source,
        "name": term.name,
        "vocabulary": term.vocabulary,
        "code": term.code,
        "parent_id": catalogue_id(source, term.parent_id) if term.parent_id else None,
    }
