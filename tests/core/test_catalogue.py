"""Catalogue records are keyed by source and their own id, so sources never collide."""

from __future__ import annotations

from frontdesk.core.catalogue import Address, catalogue_id


def test_the_same_id_from_two_sources_names_two_records() -> None:
    assert catalogue_id("bristol", "123") != catalogue_id("trafford", "123")
    assert catalogue_id("bristol", "123") == "bristol:123"


def test_an_address_on_one_line_leaves_out_missing_parts() -> None:
    address = Address(address_1="Trafford Town Hall", city="Stretford", postal_code="M32 0TH")
    assert address.one_line() == "Trafford Town Hall, Stretford, M32 0TH"
    assert Address().one_line() == ""
