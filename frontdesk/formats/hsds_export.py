"""Export the catalogue as an HSDS 3.0 service list, so another directory can take it in.

The output is the document an HSDS 3.0 API returns for ``GET /services?full=true``: one page
(``total_items`` ... ``contents``) holding every service fully nested (organization, phones,
contacts, schedules, service areas, service-at-locations with their locations and
addresses, attributes with their taxonomy terms). It validates against the specification's
compiled ``service.json`` item by item and against the ``/services`` response in its
``openapi.json`` as a whole.

Decisions, and why:

- **Ids.** HSDS wants a UUID on almost every object; feeds give us any string, and many
  sub-records (phones, schedules...) have no id at all. Each id is a UUID 5 over
  `FRONTDESK_NAMESPACE` and the record's identity: kind + source + source id for services,
  organizations, locations and taxonomy terms; the parent's UUID + kind + position for
  the rest. The same catalogue therefore always exports the same bytes, and a re-export
  keeps ids a consumer may already have stored. Existing UUIDs are not reused: two
  sources may share one, and one rule is easier to reason about.
- **Original ids.** They stay discoverable as an HSDS attribute whose taxonomy term is
  in the ``frontdesk-source-id`` taxonomy and whose ``value`` is the catalogue id
  (``source:id``, or the bare id when no source is known). Attributes are the HSDS
  extension point meant for facts that have no column; ``url`` and ``alternate_name`` are
  shown to the public and would mislead if overloaded. Services, organizations and
  locations carry one. A taxonomy term without a code of its own gets its original id in
  ``code``, which HSDS defines as the term's identifier within its taxonomy.
- **LGSL.** ``Service.lgsl_code`` becomes an attribute whose term is in taxonomy
  ``LGSL`` with the code in ``code`` and the esd URI in ``term_uri``. LGSL term UUIDs
  depend on the code only (it is one national list), so catalogue terms in the LGSL
  vocabulary with the same code merge with it instead of appearing twice.
- **Keywords** (HSDS has no field for them) become one term each in the
  ``frontdesk-keyword`` taxonomy, named by the keyword, so a consumer that shows or indexes
  term names (as most do, frontdesk's own reader included) gets the keywords back. The
  GOV.UK providing tier is not exported: frontdesk derives it from the LGSL code, which is.
- **GSS codes** become the service area's ``uri``: the ONS linked-data URI of the area,
  which HSDS describes as "a persistent identifier to identify an area".
- **Schedules.** ``byday`` is written as ``"MO,TU"`` with ``freq: WEEKLY``; times stay
  ``HH:MM`` (the schema's own description; it sets no format). No time-zone suffix is
  added: the catalogue's times are UK wall-clock times, which no fixed UTC offset
  describes all year.
- **Missing values** are omitted, never written as null (the schema allows no nulls),
  and so are empty lists. Text the schema requires but the catalogue lacks (an
  organization's description, an address line) is written as an empty string rather
  than invented; an address with no country is taken to be in the UK (``GB``).
- **Dates.** ``last_modified`` is RFC 3339 in UTC with milliseconds, as the schema asks;
  a naive datetime is taken to be UTC already.
- **Order.** Services are sorted by (source, id) so the output does not depend on the
  order a store happened to return them in; lists inside a service keep their order,
  which the publisher chose (first phone first).
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Callable, Iterable
from pathlib import Path

from frontdesk.core.catalogue import Catalogue, Organization, Service, TaxonomyTerm
from frontdesk.formats.hsds_export_objects import (
    FRONTDESK_NAMESPACE,
    Exporter,
    JsonObject,
    export_uid,
)

__all__ = [
    "FRONTDESK_NAMESPACE",
    "catalogue_to_hsds3",
    "hsds_uid",
    "organization_to_hsds3",
    "service_to_hsds3",
    "taxonomy_term_to_hsds3",
    "taxonomy_uid",
    "write_hsds3",
]


def catalogue_to_hsds3(
    catalogue: Catalogue, *, source_of: Callable[[Service], str] | None = None
) -> JsonObject:
    """Build the HSDS 3.0 service-list page for the whole catalogue.

    `source_of` names the source each service came from; it scopes ids so two sources that
    reuse an id never share a UUID. Without it every record is treated as from one source.
    """
    exporter = Exporter(catalogue, source_of)
    return exporter.page()


def hsds_uid(kind: str, source: str, record_id: str) -> str:
    """The exported UUID of one record (kind is ``service``, ``organization``, ``location``,
    ``taxonomy_term``...): what an HSDS consumer sees as its ``id``."""
    return export_uid(kind, source, record_id)


def taxonomy_uid(vocabulary: str) -> str:
    """The UUID of a taxonomy (a vocabulary of terms) as an HSDS API lists it."""
    return export_uid("taxonomy", vocabulary)


def service_to_hsds3(
    service: Service,
    source: str = "",
    *,
    organizations: Iterable[Organization] = (),
    taxonomy_terms: Iterable[TaxonomyTerm] = (),
) -> JsonObject:
    """One service as a full HSDS 3.0 object, for an API that renders services one page at
    a time. `organizations` and `taxonomy_terms` need hold only what the service refers to,
    with ids as the service uses them (the source's own)."""
    lookups = Catalogue(organizations=list(organizations), taxonomy_terms=list(taxonomy_terms))
    return Exporter(lookups, None).service(service, source)


def organization_to_hsds3(organization: Organization, source: str = "") -> JsonObject:
    """One organization as an HSDS 3.0 object (without its services)."""
    return Exporter(Catalogue(), None).organization(organization, source)


def taxonomy_term_to_hsds3(term: TaxonomyTerm, source: str = "") -> JsonObject:
    """One taxonomy term as an HSDS 3.0 object; LGSL terms get their national UUID."""
    return Exporter(Catalogue(taxonomy_terms=[term]), None).term(term.id, source)


def write_hsds3(
    catalogue: Catalogue, out: Path, *, source_of: Callable[[Service], str] | None = None
) -> int:
    """Write the export to `out` and return how many services it holds.

    The file is written beside `out` under a temporary name, flushed to disk and then
    renamed over `out`, so a crash or a full disk leaves either the old file or the new
    one, never half of one.
    """
    document = catalogue_to_hsds3(catalogue, source_of=source_of)
    data = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    _write_atomically(Path(out), data)
    return len(document["contents"])


def _write_atomically(out: Path, data: bytes) -> None:
    temp = out.parent / f".{out.name}.{secrets.token_hex(8)}.tmp"
    # os.open with 0o666 lets the user's umask decide the permissions, as for any new file
    # (mkstemp would leave the export readable by its owner only).
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(temp, flags, 0o666)
    try:
        with open(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, out)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_directory(out.parent)


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable. Best effort: Windows cannot open a directory, and
    some network file systems refuse to sync one; the file is complete either way."""
    if os.name == "nt":
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
