"""One encoding of a service for the desk cache, the change feed and sync payloads: every
field survives the round trip, and equal services encode to equal dicts."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given
from hypothesis import strategies as st

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
    Tier,
)
from frontdesk.core.codec import (
    organization_from_dict,
    organization_to_dict,
    service_from_dict,
    service_to_dict,
    taxonomy_term_from_dict,
    taxonomy_term_to_dict,
)

FULL = Service(
    id="trafford:123",
    name="Report a missed bin",
    organization_id="trafford:council",
    description="Tell us if your bin was not emptied.",
    url="https://www.trafford.gov.uk/bins",
    email="bins@trafford.gov.uk",
    status=ServiceStatus.TEMPORARILY_CLOSED,
    eligibility="Trafford residents",
    application_process="Online or by phone",
    fees="Free",
    minimum_age=16,
    maximum_age=99,
    lgsl_code="524",
    providing_tier=Tier.DISTRICT,
    keywords=("bins", "waste"),
    phones=(Phone("0161 912 2000", type="voice", description="Contact centre"),),
    contacts=(Contact(name="Waste team", title="Team", email="w@t.gov.uk", phones=(Phone("1"),)),),
    locations=(
        Location(
            id="loc-1",
            name="Town Hall",
            description="Main entrance",
            address=Address(address_1="Talbot Road", city="Stretford", postal_code="M32 0TH"),
            latitude=53.45,
            longitude=-2.3,
        ),
    ),
    schedules=(Schedule(byday=("MO", "TU"), opens_at="09:00", closes_at="17:00"),),
    service_areas=(ServiceArea(name="Trafford", gss_code="E08000009"),),
    taxonomy_term_ids=("t-waste",),
    last_assured=dt.date(2025, 1, 31),
    last_modified=dt.datetime(2025, 2, 1, 9, 30, tzinfo=dt.UTC),
)


def test_every_field_of_a_service_survives_the_round_trip() -> None:
    assert service_from_dict(service_to_dict(FULL)) == FULL


def test_the_encoding_is_plain_json() -> None:
    encoded = json.dumps(service_to_dict(FULL))
    assert service_from_dict(json.loads(encoded)) == FULL


def test_empty_values_are_left_out_so_equal_services_encode_equally() -> None:
    bare = Service(id="s", name="Bare", description="", keywords=())
    assert service_to_dict(bare) == {"id": "s", "name": "Bare", "status": "active"}
    assert service_from_dict(service_to_dict(bare)) == Service(id="s", name="Bare")


def test_organisations_and_taxonomy_terms_round_trip() -> None:
    org = Organization(id="o", name="Trafford Council", url="https://t", phones=(Phone("1"),))
    term = TaxonomyTerm(id="t", name="Waste", vocabulary="v", code="c", parent_id="p")
    assert organization_from_dict(organization_to_dict(org)) == org
    assert taxonomy_term_from_dict(taxonomy_term_to_dict(term)) == term


text = st.text(min_size=1, max_size=20)


@given(
    name=text,
    description=st.none() | text,
    keywords=st.lists(text, max_size=3).map(tuple),
    phones=st.lists(st.builds(Phone, number=text, type=st.none() | text), max_size=2).map(tuple),
    status=st.sampled_from(ServiceStatus),
    tier=st.none() | st.sampled_from(Tier),
)
def test_any_service_round_trips(
    name: str,
    description: str | None,
    keywords: tuple[str, ...],
    phones: tuple[Phone, ...],
    status: ServiceStatus,
    tier: Tier | None,
) -> None:
    service = Service(
        id="s",
        name=name,
        description=description,
        keywords=keywords,
        phones=phones,
        status=status,
        providing_tier=tier,
    )
    assert service_from_dict(service_to_dict(service)) == service
