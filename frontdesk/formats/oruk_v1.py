"""Open Referral UK v1 (HSDS-UK 1.0, `/ServiceDirectoryService/v2`) feeds into the catalogue.

Many councils' directories still publish only this older API. A file is a Spring-style page
(`content`, `totalElements`...), an HSDA-style page (`contents`, `total_items`...) or a bare
array of services, either the summary list view (Bristol's is all that) or full records
with contacts, locations, `regular_schedules`, `service_areas`, `service_taxonomys`,
`eligibilitys` and `cost_options`.

v1 names some things differently from HSDS 3 and carries a few things HSDS 3 has no
field for; this module maps those and leaves the shared shapes to `hsds_objects` and
`hsds_schedules`:

- `eligibilitys[]` → eligibility text and the widest age range;
- `attending_access`, `attending_type` and Placecube's `pc_attendingAccess_additionalInfo`
  → how to access the service (application process);
- `deliverable_type` ("Advice", "Counselling"...) and taxonomy names → keywords;
- the modification date for duplicate resolution is `pc_metadata.date_modified`.

Placecube's `pc_metadata.assured_by` is a staff e-mail address: it is never imported.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from frontdesk.core.catalogue import Service, TaxonomyTerm
from frontdesk.formats.base import ParsedFeed
from frontdesk.formats.hsds_objects import (
    audience_tags,
    cost_summary,
    first_lgsl_code,
    map_organization,
    map_term,
    service_areas,
    service_contacts,
    service_locations,
    service_phones,
    service_status,
    unique,
)
from frontdesk.formats.hsds_schedules import service_schedules
from frontdesk.formats.hygiene import (
    clean_line,
    clean_text,
    clean_url,
    merge_tags,
    optional_int,
    parse_date,
    parse_datetime,
)
from frontdesk.formats.jsonfeed import (
    Fields,
    ServiceRecord,
    assemble,
    feed_generation,
    public_email,
    staff_emails,
)
from frontdesk.formats.jsonload import load_feed

FORMAT = "oruk1"

_ACCESS = {
    "referral": "By referral",
    "appointment": "By appointment",
    "membership": "Membership required",
    "drop-in": "Drop in",
    "drop in": "Drop in",
}
_ATTENDING = {
    "phone": "By phone",
    "online": "Online",
    "venue": "In person at a venue",
    "home visit": "Home visit",
}


def sniff(path: Path, head: bytes) -> bool:
    """True for JSON whose keys look like ORUK v1 rather than HSDS 3.

    See `jsonfeed.feed_generation` for the rule: for example `content`/`totalElements`,
    `service_taxonomys`, `regular_schedules`, `physical_addresses` or the v1 enums
    `deliverable_type`/`attending_type`/`attending_access` say v1.
    """
    return feed_generation(head) == FORMAT


def read(path: Path) -> ParsedFeed:
    """Every service in the file, or `FeedError` naming the record and field that is wrong."""
    return assemble(load_feed(path), FORMAT, map_service)


def map_service(record: Fields, service_id: str, name: str) -> ServiceRecord:
    """One ORUK v1 service record."""
    metadata = record.obj("pc_metadata")
    assured_by = metadata.text("assured_by") if metadata else None
    staff = staff_emails(assured_by, record.text("assurer_email"))
    org_fields = record.obj("organization")
    organization = map_organization(org_fields, staff) if org_fields else None
    terms = _taxonomy_terms(record)
    eligibility, minimum_age, maximum_age = _eligibility(record)
    modified = parse_datetime(metadata.text("date_modified")) if metadata else None
    service = Service(
        id=service_id,
        name=name,
        organization_id=clean_line(org_fields.text("id")) if org_fields else None,
        description=clean_text(record.text("description")),
        url=clean_url(record.text("url")),
        email=public_email(record.text("email"), staff),
        status=service_status(record.text("status")),
        eligibility=eligibility,
        application_process=_access(record),
        fees=clean_text(record.text("fees")) or cost_summary(record),
        minimum_age=minimum_age,
        maximum_age=maximum_age,
        lgsl_code=first_lgsl_code(terms),
        keywords=merge_tags(
            [*audience_tags(record), record.text("deliverable_type"), *(t.name for t in terms)]
        ),
        phones=service_phones(record),
        contacts=service_contacts(record, staff),
        locations=service_locations(record, service_id),
        schedules=service_schedules(record),
        service_areas=service_areas(record),
        taxonomy_term_ids=tuple(term.id for term in terms),
        last_assured=parse_date(record.text("assured_date"))
        or (parse_date(metadata.text("date_assured")) if metadata else None),
        last_modified=modified,
    )
    return ServiceRecord(record.index, service, modified, organization, terms)


def _taxonomy_terms(record: Fields) -> tuple[TaxonomyTerm, ...]:
    """`service_taxonomys[].taxonomy` ({id, name, vocabulary, parent}) as terms."""
    links = record.objs("service_taxonomys")
    terms = (map_term(taxonomy) for link in links if (taxonomy := link.obj("taxonomy")))
    return tuple(unique((term for term in terms if term), key=lambda term: term.id))


def _eligibility(record: Fields) -> tuple[str | None, int | None, int | None]:
    """`eligibilitys[]` as one line of groups ("adult, family") and the widest age range
    they allow between them."""
    entries = record.objs("eligibilitys")
    groups = unique(group for entry in entries if (group := clean_line(entry.text("eligibility"))))
    minimums = [optional_int(entry.text("minimum_age")) for entry in entries]
    maximums = [optional_int(entry.text("maximum_age")) for entry in entries]
    return (", ".join(groups) or None), _widest(minimums, min), _widest(maximums, max)


def _widest(limits: list[int | None], pick: Callable[[list[int]], int]) -> int | None:
    """The loosest of the entries' limits; one entry without a limit means there is none."""
    known = [limit for limit in limits if limit is not None]
    return pick(known) if known and len(known) == len(limits) else None


def _access(record: Fields) -> str | None:
    """How a caller gets to the service: "By appointment; In person at a venue", then any
    free-text access notes."""
    modes = []
    for key, labels in (("attending_access", _ACCESS), ("attending_type", _ATTENDING)):
        value = clean_line(record.text(key))
        if value:
            modes.append(labels.get(value.casefold(), value))
    notes = clean_text(record.text("pc_attendingAccess_additionalInfo"))
    parts = ["; ".join(modes), notes or ""]
    return "\n\n".join(part for part in parts if part) or None
