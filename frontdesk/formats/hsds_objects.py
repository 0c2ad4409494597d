"""The objects inside an HSDS 3.0 or ORUK v1 service record, mapped to the catalogue's.

Organisations, phones, contacts, addresses and locations, service areas, taxonomy terms
(and the LGSL code one may carry), Placecube's target audiences and cost options. Both JSON
readers use these: v1 is an older dialect of the same model, and where the two name a
thing differently (`physical_addresses`, v1's `taxonomy`) the mappers accept both.
Opening times are `hsds_schedules`' work.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable
from typing import Any, TypeVar

from frontdesk.core.areas import normalise_postcode
from frontdesk.core.catalogue import (
    Address,
    Contact,
    Location,
    Organization,
    Phone,
    ServiceArea,
    ServiceStatus,
    TaxonomyTerm,
)
from frontdesk.formats.hygiene import clean_line, clean_phone, clean_text, clean_url
from frontdesk.formats.jsonfeed import Fields, public_email

T = TypeVar("T")
_GSS = re.compile(r"(?<![A-Za-z0-9])([EWSNKLM][0-9]{8})(?![0-9])")
_STATUSES = {status.value: status for status in ServiceStatus}
_LGSL_VOCABULARIES = frozenset(("esd", "esdservice", "esdservices", "localgovernmentservicelist"))
_AUDIENCE_KEYS = ("pc_targetAudience", "targetAudience", "target_audience")


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
    for holder in holders(record):
        phones.extend(map_phones(holder))
        for contact in holder.objs("contacts"):
            phones.extend(map_phones(contact))
    return tuple(unique(phones, key=lambda phone: phone.number))


def holders(record: Fields) -> list[Fields]:
    """The record and each of its service-at-location links: both carry contacts,
    phones and schedules."""
    return [record, *record.objs("service_at_locations")]


def service_contacts(record: Fields, staff: frozenset[str]) -> tuple[Contact, ...]:
    contacts = (
        map_contact(contact, staff)
        for holder in holders(record)
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


def service_areas(record: Fields) -> tuple[ServiceArea, ...]:
    areas = (map_area(item) for item in record.objs("service_areas"))
    return tuple(unique(area for area in areas if area))
