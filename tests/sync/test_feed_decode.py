"""A sync page's services stay codec dicts: checked like decoding would, stored like an import."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from frontdesk.core.catalogue import Service, ServiceArea, ServiceStatus, Tier
from frontdesk.core.codec import service_to_dict
from frontdesk.store.catalogue_rows import RowContext, check_service_dict
from frontdesk.sync.feed import decode_page

SERVICE = Service(
    id="s1",
    name="Bulky waste",
    organization_id="o1",
    status=ServiceStatus.ACTIVE,
    providing_tier=Tier.DISTRICT,
    keywords=("sofa", "fridge"),
    service_areas=(ServiceArea("Leeds", "E08000035"),),
    taxonomy_term_ids=("t1",),
    last_assured=dt.date(2025, 1, 2),
)


def entry(doc: Any) -> dict[str, Any]:
    return {
        "kind": "service",
        "id": "src:s1",
        "op": "upsert",
        "data": {"source": "src", "service": doc},
    }


def test_a_well_formed_service_passes_as_its_dict() -> None:
    page = decode_page([entry(service_to_dict(SERVICE))])
    assert page.skipped == 0
    assert page.catalogue[0].record == service_to_dict(SERVICE)


@pytest.mark.parametrize(
    "change",
    [
        {"status": "sleeping"},
        {"providing_tier": "galactic"},
        {"last_assured": "yesterday"},
        {"name": None},
        {"keywords": [1]},
        {"service_areas": [{"gss_code": "E08000035"}]},
        {"phones": ["0113"]},
    ],
)
def test_a_service_decoding_would_refuse_is_skipped(change: dict[str, Any]) -> None:
    page = decode_page([entry({**service_to_dict(SERVICE), **change})])
    assert page.skipped == 1 and not page.catalogue


def test_not_an_object_is_refused() -> None:
    with pytest.raises((TypeError, KeyError)):
        check_service_dict(["s1"])


def test_one_row_definition_for_import_and_sync() -> None:
    context = RowContext(org_names={"src:o1": "Leeds"}, term_names={"src:t1": "Waste"}, tiers={})
    row = context.row("src", service_to_dict(SERVICE))
    assert row["organization_name"] == "Leeds" and row["taxonomy"] == "Waste"
    assert row["providing_tier"] == "district" and row["keywords"] == "sofa\nfridge"


GUIDANCE_DATA = {
    "service_id": "src:s1",
    "organization_id": None,
    "version": 2,
    "author": "sue",
    "updated_at": "2026-12-07T10:00:00+00:00",
    "body": "Ask for ID",
}


def test_a_guidance_note_is_keyed_by_service_and_organisation() -> None:
    shared = {"kind": "guidance", "id": "src:s1", "op": "upsert", "data": GUIDANCE_DATA}
    own = {**shared, "data": {**GUIDANCE_DATA, "organization_id": "leeds"}}
    page = decode_page([shared, own])
    assert page.skipped == 0
    assert len({change.id for change in page.catalogue}) == 2  # both notes survive a page
    assert page.catalogue[0].record == GUIDANCE_DATA


@pytest.mark.parametrize(
    "bad",
    [{"version": 0}, {"version": "2"}, {"body": None}, {"organization_id": 5}, {"author": ["x"]}],
)
def test_a_malformed_guidance_note_is_skipped(bad: dict[str, Any]) -> None:
    change = {"kind": "guidance", "id": "src:s1", "op": "upsert", "data": {**GUIDANCE_DATA, **bad}}
    page = decode_page([change])
    assert (page.skipped, page.catalogue) == (1, [])


def test_a_safeguarding_prompt_is_read_and_a_malformed_one_skipped() -> None:
    data = {"organization_id": None, "version": 1, "words": ["suicide"], "prompt": "Call 999."}
    good = {"kind": "safeguarding", "id": "prompt", "op": "upsert", "data": data}
    bad = {**good, "data": {**data, "words": "suicide"}}
    empty = {**good, "data": {**data, "prompt": " "}}
    page = decode_page([good, bad, empty])
    assert page.skipped == 2
    assert [(c.kind, c.id) for c in page.catalogue] == [("safeguarding", "")]
