"""Open Referral HSDS 3.0 JSON, and its Open Referral UK 3.0 profile, into the catalogue.

Reads what an HSDA API returns: one service (`/services/{id}`), a page of services
(`contents`, `total_items`, `page_number`...) or a bare array of services. The UK profile is
a subset of HSDS 3.0 with a few vendor extensions (Placecube's `pc_*`), so one reader and
one format name ("hsds3") cover both.

The objects inside a record are mapped by `hsds_objects` and `hsds_schedules`, which the
ORUK v1 reader shares: v1 is an older dialect of the same model.

Personal data stays out: `assurer_email`, `pc_metadata.assured_by` and `metadata[]` (who
changed what) are never imported, and an e-mail equal to one of those staff addresses is
dropped wherever else it appears.
"""

from __future__ import annotations

import datetime as dt
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

FORMAT = "hsds3"

# The taxonomy frontdesk's HSDS export uses to carry each record's original id.
SOURCE_ID_TAXONOMY = "frontdesk-source-id"


def sniff(path: Path, head: bytes) -> bool:
    """True for JSON whose keys look like HSDS 3 / ORUK 3 rather than ORUK v1.

    See `jsonfeed.feed_generation` for the rule: for example `contents`/`total_items`,
    `schedules`, `attributes`, `last_modified` or `organization_id` say HSDS 3.
    """
    return feed_generation(head) == FORMAT


def read(path: Path) -> ParsedFeed:
    """Every service in the file, or `FeedError` naming the record and field that is wrong."""
    return assemble(load_feed(path), FORMAT, map_service)


def map_service(record: Fields, service_id: str, name: str) -> ServiceRecord:
    """One HSDS 3.0 / ORUK 3 service record."""
    metadata = record.obj("pc_metadata")
    assured_by = metadata.text("assured_by") if metadata else None
    staff = staff_emails(record.text("assurer_email"), assured_by)
    org_fields = record.obj("organization")
    organization = map_organization(org_fields, staff) if org_fields else None
    terms, term_ids = _attribute_terms(record)
    modified = _modified(record, metadata)
    service = Service(
        id=service_id,
        name=name,
        organization_id=clean_line(record.text("organization_id"))
        or (clean_line(org_fields.text("id")) if org_fields else None),
        description=clean_text(record.text("description")),
        url=clean_url(record.text("url")),
        email=public_email(record.text("email"), staff),
        status=service_status(record.text("status")),
        eligibility=clean_text(record.text("eligibility_description")),
        application_process=clean_text(record.text("application_process")),
        fees=clean_text(record.text("fees_description"))
        or clean_text(record.text("fees"))
        or cost_summary(record),
        minimum_age=optional_int(record.text("minimum_age")),
        maximum_age=optional_int(record.text("maximum_age")),
        lgsl_code=first_lgsl_code(terms),
        keywords=merge_tags([*audience_tags(record), *(term.name for term in terms)]),
        phones=service_phones(record),
        contacts=service_contacts(record, staff),
        locations=service_locations(record, service_id),
        schedules=service_schedules(record),
        service_areas=service_areas(record),
        taxonomy_term_ids=term_ids,
        last_assured=parse_date(record.text("assured_date"))
        or (parse_date(metadata.text("date_assured")) if metadata else None),
        last_modified=modified,
    )
    return ServiceRecord(record.index, service, modified, organization, terms)


def _modified(record: Fields, metadata: Fields | None) -> dt.datetime | None:
    """When the publisher last changed the record: `last_modified`, else Placecube's
    `date_modified`, else the latest `metadata[].last_action_date`."""
    modified = parse_datetime(record.text("last_modified"))
    if modified is None and metadata is not None:
        modified = parse_datetime(metadata.text("date_modified"))
    if modified is None:
        actions = (parse_datetime(m.text("last_action_date")) for m in record.objs("metadata"))
        modified = max((when for when in actions if when is not None), default=None)
    return modified


def _attribute_terms(record: Fields) -> tuple[tuple[TaxonomyTerm, ...], tuple[str, ...]]:
    """Terms attached through `attributes[]`, and the ids of every attached term (an
    attribute may give only `taxonomy_term_id`, the term itself being published apart)."""
    terms: list[TaxonomyTerm] = []
    ids: list[str] = []
    for attribute in record.objs("attributes"):
        nested = attribute.obj("taxonomy_term")
        term = map_term(nested) if nested else None
        if term is not None and SOURCE_ID_TAXONOMY in (term.vocabulary, term.code):
            continue  # frontdesk's own export note of the original id, not a subject term
        if term is not None:
            terms.append(term)
        term_id = term.id if term else clean_line(attribute.text("taxonomy_term_id"))
        if term_id:
            ids.append(term_id)
    return tuple(unique(terms, key=lambda term: term.id)), tuple(unique(ids))
