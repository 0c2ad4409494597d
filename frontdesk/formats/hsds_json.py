"""Open Referral HSDS 3.0 JSON, and its Open Referral UK 3.0 profile, into the catalogue.

Reads what an HSDA API returns: one service (`/services/{id}`), a page of services
(`contents`, `total_items`, `page_number`...) or a bare array of services. The UK profile is
a subset of HSDS 3.0 with a few vendor extensions (Placecube's `pc_*`), so one reader and
one format name ("hsds3") cover both.

The object mappers here (phones, contacts, locations, schedules, service areas, taxonomy
terms, Placecube extensions) also serve the ORUK v1 reader: v1 is an older dialect of the
same model, and where the two name a thing differently (`regular_schedules`,
`physical_addresses`) the mappers accept both.

Personal data stays out: `assurer_email`, `pc_metadata.assured_by` and `metadata[]` (who
changed what) are never imported, and an e-mail equal to one of those staff addresses is
dropped wherever else it appears.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Hashable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from frontdesk.core.areas import normalise_postcode
from frontdesk.core.catalogue import (
    Address,
    Contact,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceStatus,
    TaxonomyTerm,
)
from frontdesk.formats.base import ParsedFeed
from frontdesk.formats.hygiene import (
    clean_line,
    clean_phone,
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
    load_feed,
    public_email,
    staff_emails,
)

FORMAT = "hsds3"

T = TypeVar("T")

_GSS = re.compile(r"(?<![A-Za-z0-9])([EWSNKLM][0-9]{8})(?![0-9])")
_BYDAY = re.compile(r"^([+-]?[0-9]{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")
_DAY_SPLIT = re.compile(r"[\s,;/]+")
_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_WEEK = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Full and short English names, and ISO numbers (1 is Monday), to RFC 5545 codes.
_DAY_NAMES = {
    **{name: code for name, code in zip(_WEEK, _DAYS, strict=True)},
    **{name[:3]: code for name, code in zip(_WEEK, _DAYS, strict=True)},
    **{str(number): code for number, code in enumerate(_DAYS, start=1)},
    "tues": "TU",
    "weds": "WE",
    "thur": "TH",
    "thurs": "TH",
}
_CLOCK = re.compile(
    r"^(?P<hour>[0-9]{1,2})(?:[:.]?(?P<minute>[0-9]{2}))?(?::[0-9]{2}(?:\.[0-9]+)?)?"
    r"\s*(?P<half>[ap]\.?m\.?)?\s*(?:Z|[+-][0-9]{2}:?[0-9]{2})?$",
    re.IGNORECASE,
)
_STATUSES = {status.value: status for status in ServiceStatus}
_LGSL_VOCABULARIES = frozenset(("esd", "esdservice", "esdservices", "localgovernmentservicelist"))
_AUDIENCE_KEYS = ("pc_targetAudience", "targetAudience", "target_audience")


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


# --- shared with the ORUK v1 reader -------------------------------------------------------


def unique(items: Iterable[T], key: Callable[[T], Hashable] | None = None) -> list[T]:
    """Items in first-seen order without repeats (by `key(item)` when given)."""
    seen: set[Hashable] = set()
    kept: list[T] = []
    for item in items:
        marker = key(item) if key else item
        if marker not in seen:
            seen.add(marker)
            kept.append(item)
    return kept


def service_status(value: str | None) -> ServiceStatus:
    """The feed's status; anything unrecognised (or missing) counts as active, because
    hiding a live service from advisers is worse than showing a closed one."""
    key = " ".join((value or "").casefold().replace("_", " ").replace("-", " ").split())
    return _STATUSES.get(key, ServiceStatus.ACTIVE)


def map_organization(fields: Fields, staff: frozenset[str]) -> Organization | None:
    """An organisation needs an id and a name; HSDS 3 calls its web address `website`,
    v1 `url` (`uri` is an identifier, not a page to visit)."""
    org_id = clean_line(fields.text("id"))
    name = clean_line(fields.text("name"))
    if org_id is None or name is None:
        return None
    return Organization(
        id=org_id,
        name=name,
        description=clean_text(fields.text("description")),
        url=clean_url(fields.text("website")) or clean_url(fields.text("url")),
        email=public_email(fields.text("email"), staff),
        phones=tuple(map_phones(fields)),
    )


def map_phone(fields: Fields) -> Phone | None:
    number = clean_phone(fields.text("number"))
    if number is None:
        return None
    description = clean_text(fields.text("description"))
    extension = clean_line(fields.text("extension"))
    if extension:
        description = f"Extension {extension}." + (f" {description}" if description else "")
    return Phone(number=number, type=clean_line(fields.text("type")), description=description)


def map_phones(fields: Fields) -> list[Phone]:
    return [phone for item in fields.objs("phones") if (phone := map_phone(item))]


def map_contact(fields: Fields, staff: frozenset[str]) -> Contact | None:
    contact = Contact(
        name=clean_line(fields.text("name")),
        title=clean_line(fields.text("title")) or clean_line(fields.text("department")),
        email=public_email(fields.text("email"), staff),
        phones=tuple(map_phones(fields)),
    )
    return None if contact == Contact() else contact


def map_address(fields: Fields) -> Address | None:
    postcode = clean_line(fields.text("postal_code"))
    address = Address(
        address_1=clean_line(fields.text("address_1")),
        address_2=clean_line(fields.text("address_2")),
        city=clean_line(fields.text("city")),
        region=clean_line(fields.text("region")) or clean_line(fields.text("state_province")),
        postal_code=(normalise_postcode(postcode) or postcode) if postcode else None,
        country=clean_line(fields.text("country")),
    )
    return None if address == Address() else address


def map_location(fields: Fields, fallback_id: str) -> Location | None:
    """A location with something an adviser can use (a name, address or position); the
    physical address is preferred over a postal one."""
    candidates = fields.objs("addresses") + fields.objs("physical_addresses")
    candidates.sort(key=lambda item: (item.text("address_type") or "physical") != "physical")
    address = next((a for item in candidates if (a := map_address(item))), None)
    latitude, longitude = _coordinates(fields)
    location = Location(
        id=clean_line(fields.text("id")) or fallback_id,
        name=clean_line(fields.text("name")),
        description=clean_text(fields.text("description")),
        address=address,
        latitude=latitude,
        longitude=longitude,
    )
    return None if location == Location(location.id) else location


def _coordinates(fields: Fields) -> tuple[float | None, float | None]:
    """Latitude and longitude, or neither: a position out of range or at (0, 0) is a
    placeholder, and half a position is no position."""
    try:
        latitude = float(fields.text("latitude") or "nan")
        longitude = float(fields.text("longitude") or "nan")
    except ValueError:
        return None, None
    # NaN (a missing half) fails these comparisons too.
    if not (abs(latitude) <= 90 and abs(longitude) <= 180) or latitude == longitude == 0:
        return None, None
    return latitude, longitude


def clock_time(value: str | None) -> str | None:
    """'HH:MM' from '10:00:00', '9:30', '0930', '4.30pm', '10:00:00Z'; None if unreadable."""
    match = _CLOCK.match((value or "").strip())
    if match is None:
        return None
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    if match["half"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match["half"][0].lower() == "p" else 0)
    if hour > 24 or minute > 59 or (hour == 24 and minute):
        return None
    return f"{hour:02d}:{minute:02d}"


def weekdays(fields: Fields, key: str) -> list[str]:
    """RFC 5545 BYDAY codes from "MO,TU", ["Monday", "Tuesday"], "Mon" or ISO 1-7.

    An ordinal prefix (`1MO`: the first Monday) is kept; unknown words are ignored.
    """
    raw = fields.raw(key)
    values = fields.items(key) if isinstance(raw, list) else [fields.text(key)]
    codes: list[str] = []
    for position, value in enumerate(values):
        if isinstance(value, dict | list | bool):
            raise fields.error(f"{key}[{position}]", "expected a day of the week")
        for token in _DAY_SPLIT.split(str(value or "")):
            code = token.upper() if _BYDAY.match(token.upper()) else _DAY_NAMES.get(token.lower())
            if code:
                codes.append(code)
    return unique(codes)


def map_schedule(fields: Fields) -> Schedule | None:
    notes = [clean_text(fields.text("description")), clean_text(fields.text("notes"))]
    schedule = Schedule(
        byday=tuple(unique(weekdays(fields, "byday") + weekdays(fields, "weekday"))),
        opens_at=clock_time(fields.text("opens_at")),
        closes_at=clock_time(fields.text("closes_at")),
        description="\n\n".join(note for note in notes if note) or None,
    )
    return None if schedule == Schedule() else schedule


def gss_code(*values: Any) -> str | None:
    """The first ONS GSS code (E08000009 and the like) found in the given texts."""
    for value in values:
        match = _GSS.search(value) if isinstance(value, str) else None
        if match:
            return match.group(1)
    return None


def map_area(fields: Fields) -> ServiceArea | None:
    """A service area, with its GSS code when the uri, extent or name carries one."""
    name = clean_line(fields.text("name")) or clean_line(fields.text("service_area"))
    code = gss_code(fields.raw("uri"), fields.raw("extent"), name)
    if name is None and code is None:
        return None
    return ServiceArea(
        name=name or str(code),
        gss_code=code,
        description=clean_text(fields.text("description")),
    )


def _name_or_object(fields: Fields, key: str, inner: str) -> str | None:
    """A value given as text or as an embedded object (whose `inner` field is wanted)."""
    if isinstance(fields.raw(key), dict):
        nested = fields.obj(key)
        return clean_line(nested.text(inner)) if nested else None
    return clean_line(fields.text(key))


def map_term(fields: Fields) -> TaxonomyTerm | None:
    """A taxonomy term (HSDS 3 `taxonomy_term`, v1 `taxonomy`); it needs an id and a name.
    The vocabulary is the HSDS 3 `taxonomy` name, `taxonomy_detail.name` or v1 `vocabulary`."""
    term_id = clean_line(fields.text("id"))
    name = clean_line(fields.text("name"))
    if term_id is None or name is None:
        return None
    detail = fields.obj("taxonomy_detail")
    vocabulary = (
        _name_or_object(fields, "taxonomy", "name")
        or (clean_line(detail.text("name")) if detail else None)
        or clean_line(fields.text("vocabulary"))
    )
    return TaxonomyTerm(
        id=term_id,
        name=name,
        vocabulary=vocabulary,
        code=clean_line(fields.text("code")),
        parent_id=_name_or_object(fields, "parent_id", "id")
        or _name_or_object(fields, "parent", "id"),
        description=clean_text(fields.text("description")),
    )


def lgsl_code(term: TaxonomyTerm) -> str | None:
    """The LGSL code a term from the Local Government Service List carries.

    The vocabulary is recognised case-insensitively, ignoring punctuation: anything starting
    "lgsl", "esd" (the LGA's esd standards) or "Local Government Service List". The code is
    the trailing number of the term's code or id, so "LGSL:1234" and
    "http://id.esd.org.uk/service/1234" both give "1234".
    """
    vocabulary = re.sub(r"[^a-z]", "", (term.vocabulary or "").casefold())
    if not (vocabulary.startswith("lgsl") or vocabulary in _LGSL_VOCABULARIES):
        return None
    for candidate in (term.code, term.id):
        match = re.search(r"([0-9]+)$", candidate or "")
        if match:
            return str(int(match.group(1)))
    return None


def first_lgsl_code(terms: Iterable[TaxonomyTerm]) -> str | None:
    return next((code for term in terms if (code := lgsl_code(term))), None)


def audience_tags(record: Fields) -> list[str]:
    """Target-audience labels (Placecube's `pc_targetAudience` and look-alikes): plain
    strings or objects whose label is `audienceType` (its `id` is sometimes a number)."""
    tags: list[str] = []
    for key in _AUDIENCE_KEYS:
        for position, item in enumerate(record.items(key)):
            if isinstance(item, str):
                tags.append(item)
            elif isinstance(item, dict):
                label = record.child(item, f"{key}[{position}].")
                text = label.text("audienceType") or label.text("name") or label.text("label")
                tags.extend([text] if text else [])
            elif item is not None:
                raise record.error(f"{key}[{position}]", "expected a label or an object")
    return tags


def cost_summary(record: Fields) -> str | None:
    """`cost_options[]` as lines like "Under 18s: £35 per session", when no fees text exists."""
    lines = []
    for option in record.objs("cost_options"):
        label = clean_line(option.text("option"))
        amount = _money(option.text("amount"), clean_line(option.text("currency")))
        per = clean_line(option.text("amount_description"))
        rest = " ".join(part for part in (amount, per) if part)
        lines.append(f"{label}: {rest}" if label and rest else label or rest)
    return "\n".join(line for line in lines if line) or None


def _money(amount: str | None, currency: str | None) -> str | None:
    if amount is None:
        return None
    try:
        value = float(amount)
    except ValueError:
        return clean_line(amount)
    figure = f"{value:.0f}" if value.is_integer() else f"{value:.2f}"
    if currency is None or currency.upper() == "GBP":
        return f"£{figure}"
    return f"{figure} {currency.upper()}"


def service_phones(record: Fields) -> tuple[Phone, ...]:
    """Every number for the service: its own, its contacts', and those at its locations."""
    phones = map_phones(record)
    for holder in _holders(record):
        phones.extend(map_phones(holder))
        for contact in holder.objs("contacts"):
            phones.extend(map_phones(contact))
    return tuple(unique(phones, key=lambda phone: phone.number))


def _holders(record: Fields) -> list[Fields]:
    """The record and each of its service-at-location links: both carry contacts,
    phones and schedules."""
    return [record, *record.objs("service_at_locations")]


def service_contacts(record: Fields, staff: frozenset[str]) -> tuple[Contact, ...]:
    contacts = (
        map_contact(contact, staff)
        for holder in _holders(record)
        for contact in holder.objs("contacts")
    )
    return tuple(unique(contact for contact in contacts if contact))


def service_locations(record: Fields, service_id: str) -> tuple[Location, ...]:
    """Locations from `service_at_locations[].location` and a plain `locations[]` list.

    A location without an id gets one made from the service id and its position, so its
    address is not lost; a link with only a `location_id` carries nothing to show.
    """
    found: list[Location] = []
    links = record.objs("service_at_locations")
    candidates = [(link.obj("location"), clean_line(link.text("id"))) for link in links]
    candidates += [(item, None) for item in record.objs("locations")]
    for position, (fields, link_id) in enumerate(candidates):
        if fields is None:
            continue
        location = map_location(fields, link_id or f"{service_id}#location-{position + 1}")
        if location is not None:
            found.append(location)
    return tuple(unique(found, key=lambda location: location.id))


def service_schedules(record: Fields) -> tuple[Schedule, ...]:
    """Opening times of the service and of the service at each of its locations."""
    schedules = [
        schedule
        for holder in _holders(record)
        for key in ("schedules", "regular_schedules")
        for item in holder.objs(key)
        if (schedule := map_schedule(item))
    ]
    return tuple(unique(schedules))


def service_areas(record: Fields) -> tuple[ServiceArea, ...]:
    areas = (map_area(item) for item in record.objs("service_areas"))
    return tuple(unique(area for area in areas if area))
