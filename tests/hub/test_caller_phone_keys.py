"""The hub's subject-access matching against the numbers desks now store (E.164)."""

from __future__ import annotations

import pytest

from frontdesk.hub.enquiries.callers import phone_key
from frontdesk.store.caller_details import normalise_phone


@pytest.mark.parametrize(
    ("typed_at_the_desk", "searched_at_the_hub"),
    [
        ("0161 912 2000", "0161 912 2000"),
        ("0161 912 2000", "01619122000"),
        ("+44 161 912 2000", "0161 912 2000"),
        ("07700 900123", "07700 900123"),
        ("07700 900123", "+44 7700 900123"),
    ],
)
def test_a_number_stored_as_e164_is_found_by_a_search_in_national_format(
    typed_at_the_desk: str, searched_at_the_hub: str
) -> None:
    stored = normalise_phone(typed_at_the_desk)
    assert stored is not None and stored.startswith("+44")
    assert phone_key(stored) == phone_key(searched_at_the_hub)


@pytest.mark.postgres
def test_the_hub_accepts_an_e164_caller_and_a_national_search_finds_it(hub) -> None:  # type: ignore[no-untyped-def]
    from tests.helpers.referral_world import make_world

    world = make_world(hub)
    stored = normalise_phone("0161 912 2000")
    world.enquiry("enq-e164", caller={"name": "Joan O'Neill", "phone": stored})  # all applied
    response = world.hub.client.post(
        "/admin/v1/subject/export", json={"phone": "0161 912 2000"}, headers=world.headers["admin"]
    )
    assert response.status_code == 200
    [enquiry] = response.json()["enquiries"]
    assert enquiry["id"] == "enq-e164" and enquiry["caller"]["phone"] == "+441619122000"
