"""The demo catalogue in resources/demo/ is valid HSDS 3.0 and safe to ship.

Every service must validate against the HSDS 3.0 compiled service schema, every phone
number must sit in an Ofcom drama range, every council service must carry a real LGSL
code, and the checked-in JSON must be exactly what the generator writes.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

REPO = Path(__file__).resolve().parent.parent
DEMO = REPO / "resources" / "demo"
CATALOGUE = DEMO / "catalogue.json"
GENERATOR = REPO / "scripts" / "build_demo_catalogue.py"  # and its tables, not shipped

COUNCILS = {"Trafford Council", "Lancashire County Council", "Lancaster City Council"}
# Ofcom's numbers reserved for drama: 01632 960xxx, 0113 496 0xxx, 020 7946 0xxx, 0808 157 0xxx.
FICTIONAL_NUMBER = re.compile(r"^(01632 960\d{3}|0113 496 0\d{3}|020 7946 0\d{3}|0808 157 0\d{3})$")
RESERVED_DOMAIN = re.compile(r"(^|\.)(example\.(org|com|net|org\.uk)|[a-z0-9-]+\.invalid)$")
GSS_URI = re.compile(r"^http://statistics\.data\.gov\.uk/id/statistical-geography/E\d{8}$")


@pytest.fixture(scope="module")
def catalogue() -> list[dict[str, Any]]:
    data = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return data


@pytest.fixture(scope="module")
def service_validator(shared_data: Path) -> jsonschema.protocols.Validator:
    """The 2.3 MB compiled schema is built into a validator once for the whole module."""
    schema_path = shared_data / "hsds-3.0-specification" / "schema" / "compiled" / "service.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator_class = jsonschema.Draft202012Validator  # the schema has no $schema key
    validator_class.check_schema(schema)
    return validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)


@pytest.fixture(scope="module")
def lgsl_codes(shared_data: Path) -> dict[str, str | None]:
    """LGSL code -> GOV.UK providing tier (None when only the esd-standards list has it)."""
    codes: dict[str, str | None] = {}
    esd = shared_data / "lgsl-esd-services-2015" / "services.csv"
    with esd.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            codes[row["Identifier"].strip()] = None
    govuk = shared_data / "govuk-local-services-lgsl-tiers" / "local_services.csv"
    with govuk.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            codes[row["LGSL"].strip()] = row["Providing Tier"].strip()
    return codes


def lgsl_of(service: dict[str, Any]) -> list[str]:
    return [
        attribute["taxonomy_term"]["code"]
        for attribute in service.get("attributes", [])
        if attribute.get("taxonomy_term", {}).get("taxonomy") == "LGSL"
    ]


def all_phones(node: Any) -> Iterator[dict[str, Any]]:
    """Every phone object anywhere in a service (service, location, contact, organisation)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "phones":
                yield from value
            yield from all_phones(value)
    elif isinstance(node, list):
        for item in node:
            yield from all_phones(item)


def test_every_service_validates_against_hsds_3(
    catalogue: list[dict[str, Any]], service_validator: jsonschema.protocols.Validator
) -> None:
    problems = []
    for service in catalogue:
        for error in service_validator.iter_errors(service):
            where = "/".join(str(part) for part in error.absolute_path)
            problems.append(f"{service.get('name')}: {where}: {error.message}")
    assert not problems, "\n".join(problems[:20])


def test_size_and_spread(catalogue: list[dict[str, Any]]) -> None:
    assert len(catalogue) >= 280
    organisations = {service["organization"]["id"] for service in catalogue}
    assert len(organisations) >= 10
    ids = [service["id"] for service in catalogue]
    assert len(ids) == len(set(ids))
    names = {service["organization"]["name"] for service in catalogue}
    assert names >= COUNCILS


def test_every_phone_number_is_in_a_drama_range(catalogue: list[dict[str, Any]]) -> None:
    numbers = [phone["number"] for service in catalogue for phone in all_phones(service)]
    assert numbers
    assert [number for number in numbers if not FICTIONAL_NUMBER.match(number)] == []


def test_emails_and_websites_use_reserved_domains(catalogue: list[dict[str, Any]]) -> None:
    def domain_ok(domain: str) -> bool:
        return bool(RESERVED_DOMAIN.search(domain.lower()))

    for service in catalogue:
        organisation = service["organization"]
        for email in (service.get("email"), service.get("assurer_email"), organisation["email"]):
            assert email and domain_ok(email.rsplit("@", 1)[1]), email
        for url in (service.get("url"), organisation["website"]):
            assert url and url.startswith("https://"), url
            assert domain_ok(url.split("/")[2]), url


def test_every_council_service_has_a_real_lgsl_code(
    catalogue: list[dict[str, Any]], lgsl_codes: dict[str, str | None]
) -> None:
    council_services = [s for s in catalogue if s["organization"]["name"] in COUNCILS]
    assert len(council_services) >= 150
    for service in council_services:
        codes = lgsl_of(service)
        assert codes, f"{service['name']} has no LGSL code"
        for code in codes:
            assert code in lgsl_codes, f"{service['name']}: unknown LGSL {code}"


def test_two_tier_councils_only_offer_their_own_tier(
    catalogue: list[dict[str, Any]], lgsl_codes: dict[str, str | None]
) -> None:
    allowed = {
        "Lancashire County Council": {"county/unitary", "all"},
        "Lancaster City Council": {"district/unitary", "all"},
    }
    for service in catalogue:
        tiers = allowed.get(service["organization"]["name"])
        if tiers is None:
            continue
        for code in lgsl_of(service):
            tier = lgsl_codes[code]
            assert tier is None or tier in tiers, f"{service['name']}: LGSL {code} is {tier}"


def test_service_areas_are_gss_uris(catalogue: list[dict[str, Any]]) -> None:
    for service in catalogue:
        assert service["service_areas"], service["name"]
        for area in service["service_areas"]:
            assert area["name"]
            assert GSS_URI.match(area["uri"]), area["uri"]
    trafford = "http://statistics.data.gov.uk/id/statistical-geography/E08000009"
    assert sum(any(a["uri"] == trafford for a in s["service_areas"]) for s in catalogue) >= 150


def test_demo_exercises_filters_and_staleness(catalogue: list[dict[str, Any]]) -> None:
    statuses = [service["status"] for service in catalogue]
    assert 2 <= statuses.count("inactive") <= 10
    dates = sorted(dt.date.fromisoformat(service["assured_date"]) for service in catalogue)
    stale = [d for d in dates if d < dates[-1] - dt.timedelta(days=365)]
    assert 5 <= len(stale) <= len(dates) // 4
    categories = {
        attribute["taxonomy_term"]["name"]
        for service in catalogue
        for attribute in service["attributes"]
        if attribute["taxonomy_term"]["taxonomy"] == "frontdesk-category"
    }
    assert len(categories) == 10
    with_address = [s for s in catalogue if s["service_at_locations"]]
    assert len(with_address) >= 30


def test_catalogue_matches_its_generator(tmp_path: Path) -> None:
    built = tmp_path / "catalogue.json"
    done = subprocess.run(
        [sys.executable, str(GENERATOR), "--out", str(built)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert built.read_bytes() == CATALOGUE.read_bytes(), (
        "resources/demo/catalogue.json is stale: run python scripts/build_demo_catalogue.py"
    )


@pytest.mark.parametrize(
    ("old", "new", "refusal"),
    [
        ("lgsl = 524\n", "lgsl = 524\nopening = true\n", "unknown keys ['opening']"),
        ("lgsl = 524\n", "", "council service without an LGSL code"),
        ("Find your bin collection day", "Report a missed bin collection", "share a name"),
    ],
)
def test_the_generator_refuses_a_bad_row(tmp_path: Path, old: str, new: str, refusal: str) -> None:
    tables = tmp_path / "demo_catalogue"
    shutil.copytree(GENERATOR.parent / "demo_catalogue", tables)
    trafford = tables / "services" / "trafford.toml"
    text = trafford.read_text(encoding="utf-8")
    assert old in text
    trafford.write_text(text.replace(old, new, 1), encoding="utf-8")
    spec = importlib.util.spec_from_file_location("build_demo_catalogue", GENERATOR)
    assert spec and spec.loader
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    with pytest.raises(ValueError, match=re.escape(refusal)):
        generator.render(tables)


# -- the demo's routing data: councils, postcodes and LGSL tiers --------------------------

LANCASTER = "E07000121"
LANCASHIRE = "E10000017"
TRAFFORD = "E08000009"
LANCASTER_POSTCODE = "LA1 1QD"  # the demo's Lancaster Town Hall address
TRAFFORD_POSTCODE = "M33 7AL"  # the demo's Sale Waterside access point


def test_reference_files_are_recognised_and_read_like_any_import() -> None:
    """`frontdesk import` would take each file by its header, with nothing skipped."""
    from frontdesk.core.catalogue import Tier
    from frontdesk.formats.registry import read_feed

    councils = read_feed(DEMO / "councils.csv")
    assert councils.format == "govuk-local-authorities"
    by_gss = {a.gss: a for a in councils.authorities}
    assert len(by_gss) == 14
    greater_manchester = {f"E0800000{n}" for n in range(1, 10)} | {"E08000010"}
    assert {g for g, a in by_gss.items() if a.tier is Tier.UNITARY} == greater_manchester
    assert by_gss[LANCASHIRE].tier is Tier.COUNTY
    districts = {g for g, a in by_gss.items() if a.tier is Tier.DISTRICT}
    assert districts == {LANCASTER, "E07000123", "E07000128"}
    assert {by_gss[g].parent_gss for g in districts} == {LANCASHIRE}

    postcodes = read_feed(DEMO / "postcodes.csv")
    assert postcodes.format == "postcodes"
    assert len(postcodes.postcodes) == 39
    assert {p.la_gss for p in postcodes.postcodes} <= set(by_gss)

    tiers = read_feed(DEMO / "lgsl_tiers.csv")
    assert tiers.format == "govuk-lgsl-tiers"
    assert len(tiers.lgsl_tiers) == 66
    for feed in (councils, postcodes, tiers):
        assert feed.skipped == [] and feed.duplicates == []


def test_every_address_in_the_catalogue_has_a_routable_postcode(
    catalogue: list[dict[str, Any]],
) -> None:
    from frontdesk.formats import postcodes

    known = {p.postcode for p in postcodes.read(DEMO / "postcodes.csv").postcodes}
    used = {
        address["postal_code"]
        for service in catalogue
        for link in service["service_at_locations"]
        for address in link["location"].get("addresses", [])
    }
    assert used and used <= known


def test_two_tier_services_have_a_providing_tier_that_agrees_with_govuk(
    catalogue: list[dict[str, Any]], lgsl_codes: dict[str, str | None]
) -> None:
    """Every LGSL code Lancashire or Lancaster uses is in the demo's tier list, and where
    GOV.UK's list has the code, the demo gives the same tier."""
    from frontdesk.formats import govuk_tiers

    demo_tiers = {
        t.code: (t.tier.value + "/unitary") if t.tier else "all"
        for t in govuk_tiers.read(DEMO / "lgsl_tiers.csv").lgsl_tiers
    }
    two_tier = {"Lancashire County Council", "Lancaster City Council"}
    used = {c for s in catalogue if s["organization"]["name"] in two_tier for c in lgsl_of(s)}
    assert used <= set(demo_tiers)
    disagree = {
        code: (tier, lgsl_codes[code])
        for code, tier in demo_tiers.items()
        if lgsl_codes.get(code) and lgsl_codes[code] != tier
    }
    assert disagree == {}


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """catalogue.db with the whole demo imported the way the app imports it."""
    from frontdesk.formats.demo import DEMO_SOURCE, read_demo_feeds
    from frontdesk.search.index import ensure_index
    from frontdesk.store.catalogue import CatalogueStore

    store = CatalogueStore.open(tmp_path_factory.mktemp("demo") / "catalogue.db")
    ensure_index(store.engine)
    reports = store.apply_imports(read_demo_feeds())
    assert [r.source for r in reports if r.added] == [DEMO_SOURCE]
    yield store
    store.close()


def hits_for(store: Any, text: str, postcode: str) -> list[Any]:
    from frontdesk.search.api import SearchEngine
    from frontdesk.search.filters import Filters

    result = SearchEngine(store).search(text, Filters(postcode=postcode))
    assert result.place is not None, f"{postcode} is not in the demo's postcodes"
    return list(result.hits)


def responsible_at(store: Any, postcode: str, lgsl_code: str | None) -> str | None:
    from sqlalchemy import text

    from frontdesk.search.coverage import find_place

    with store.engine.connect() as conn:
        place = find_place(conn, postcode)
        tier = conn.scalar(
            text("SELECT tier FROM lgsl_tiers WHERE code = :code"), {"code": lgsl_code}
        )
    assert place is not None
    return place.responsible_council(tier)[1]


def test_bins_at_a_lancaster_address_are_the_district_councils(demo_store: Any) -> None:
    hits = hits_for(demo_store, "bins", LANCASTER_POSTCODE)
    bins = [h for h in hits if h.lgsl_code in {"524", "528", "530", "533"}]
    assert bins and {h.organization for h in bins} == {"Lancaster City Council"}
    assert all(h.covers is True for h in bins)
    assert "Trafford Council" not in {h.organization for h in hits}
    assert responsible_at(demo_store, LANCASTER_POSTCODE, "524") == "Lancaster City Council"


@pytest.mark.parametrize(("words", "lgsl"), [("school admissions", "13"), ("pothole", "557")])
def test_county_services_at_a_lancaster_address_are_the_county_councils(
    demo_store: Any, words: str, lgsl: str
) -> None:
    hits = hits_for(demo_store, words, LANCASTER_POSTCODE)
    council = [h for h in hits if h.lgsl_code == lgsl]
    assert council and {h.organization for h in council} == {"Lancashire County Council"}
    assert all(h.covers is True for h in council)
    assert responsible_at(demo_store, LANCASTER_POSTCODE, lgsl) == "Lancashire County Council"


def test_a_trafford_address_is_covered_by_trafford_services(demo_store: Any) -> None:
    hits = hits_for(demo_store, "bins", TRAFFORD_POSTCODE)
    trafford = [h for h in hits if h.organization == "Trafford Council"]
    assert trafford and all(h.covers is True for h in trafford)
    assert not {"Lancaster City Council", "Lancashire County Council"} & {
        h.organization for h in hits
    }
    # A unitary council does both tiers' work.
    assert responsible_at(demo_store, TRAFFORD_POSTCODE, "13") == "Trafford Council"


@pytest.mark.parametrize(
    "postcode",
    [
        "M33 7ZZ",  # the search filter's placeholder and the GUI tests' caller
        "M33 7ZG",  # the README's `frontdesk search --postcode` example
    ],
)
def test_the_example_postcodes_shown_to_users_route_to_trafford(
    demo_store: Any, postcode: str
) -> None:
    """An example the app or the README offers must not answer "We do not know the postcode"."""
    assert hits_for(demo_store, "bins", postcode)
    assert responsible_at(demo_store, postcode, None) == "Trafford Council"
