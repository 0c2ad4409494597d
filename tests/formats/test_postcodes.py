"""ONS postcode and ward lookups: the first step of routing a caller to their council."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontdesk.core.areas import PostcodeArea
from frontdesk.formats import postcodes, ward_lookup
from frontdesk.formats.base import FeedError, ParsedFeed


@pytest.fixture(scope="module")
def onspd(shared_data: Path) -> Path:
    return shared_data / "postcodes-trafford-onspd"


@pytest.fixture(scope="module")
def trafford(onspd: Path) -> ParsedFeed:
    return postcodes.read(onspd / "trafford_postcodes.csv")


def test_every_trafford_postcode_is_imported_in_trafford(trafford: ParsedFeed) -> None:
    assert trafford.format == "postcodes"
    assert trafford.records_read == len(trafford.postcodes) == 11264
    assert {area.la_gss for area in trafford.postcodes} == {"E08000009"}
    assert trafford.skipped == [] and trafford.duplicates == []


def test_a_postcode_gives_ward_council_and_centroid(trafford: ParsedFeed) -> None:
    area = next(area for area in trafford.postcodes if area.postcode == "M15 4AB")
    assert area == PostcodeArea(
        postcode="M15 4AB",
        la_gss="E08000009",
        ward_gss="E05015247",
        ward_name="Gorse Hill & Cornbrook",
        la_name="Trafford",
        latitude=53.465578,
        longitude=-2.26046,
    )


def test_the_wards_are_listed_once_each(trafford: ParsedFeed) -> None:
    assert len(trafford.wards) == 21
    assert {ward.la_gss for ward in trafford.wards} == {"E08000009"}
    assert len({ward.gss for ward in trafford.wards}) == 21


def test_a_full_onspd_extract_reads_by_its_own_column_names(tmp_path: Path) -> None:
    path = tmp_path / "ONSPD_FEB_2025_UK.csv"
    path.write_text(
        "pcd,pcd2,pcds,doterm,osward,oslaua,lat,long\n"
        "M15 4AB,M15  4AB,M15 4AB,,E05015247,E08000009,53.465578,-2.26046\n"
        "GY1 1AA,GY1  1AA,GY1 1AA,,L99999999,L99999999,99.999999,0.000000\n"
        "BS1  4DJ,BS1  4DJ,bs14dj,,E05010892,E06000023,99.999999,0.000000\n"
    )
    assert postcodes.sniff(path, path.read_bytes())
    feed = postcodes.read(path)
    assert [(a.postcode, a.la_gss, a.ward_gss) for a in feed.postcodes] == [
        ("M15 4AB", "E08000009", "E05015247"),
        ("BS1 4DJ", "E06000023", "E05010892"),
    ]
    assert feed.postcodes[1].latitude is None  # ONSPD's "no grid reference"
    assert feed.skipped[0].index == 2  # Guernsey: no local authority
    assert feed.wards == []  # ONSPD has no ward names


def test_postcodes_that_are_not_postcodes_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "lookup.csv"
    path.write_text("postcode,la_code\nM15 4AB,E08000009\nNOT A CODE,E08000009\n")
    feed = postcodes.read(path)
    assert len(feed.postcodes) == 1
    assert "NOT A CODE" in feed.skipped[0].reason


def test_a_garbled_coordinate_is_refused_naming_row_and_column(tmp_path: Path) -> None:
    path = tmp_path / "lookup.csv"
    path.write_text(
        "postcode,la_code,lat,lon\nM15 4AB,E08000009,53.4,-2.2\nM15 4AD,E08000009,x,y\n"
    )
    with pytest.raises(FeedError) as error:
        postcodes.read(path)
    assert (error.value.index, error.value.record_id, error.value.field) == (2, "M15 4AD", "lat")


def test_a_lookup_without_a_council_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lookup.csv"
    path.write_text("postcode,ward_code\nM15 4AB,E05015247\n")
    with pytest.raises(FeedError) as error:
        postcodes.read(path)
    assert error.value.field == "la_code"


# Ward lookups ------------------------------------------------------------------------


def test_the_greater_manchester_ward_lookup(onspd: Path) -> None:
    path = onspd / "gm_ward_to_la_lookup_2021.csv"
    assert ward_lookup.sniff(path, path.read_bytes())
    assert not postcodes.sniff(path, path.read_bytes())
    feed = ward_lookup.read(path)
    assert feed.format == "ward-lookup"
    assert feed.records_read == len(feed.wards) == 215
    assert sum(ward.la_gss == "E08000009" for ward in feed.wards) == 21


def test_ward_codes_of_different_vintages_are_stored_as_given(
    onspd: Path, trafford: ParsedFeed
) -> None:
    lookup = ward_lookup.read(onspd / "gm_ward_to_la_lookup_2021.csv")
    older = {ward.gss for ward in lookup.wards if ward.la_gss == "E08000009"}
    newer = {ward.gss for ward in trafford.wards}
    assert len(older) == len(newer) == 21
    assert older.isdisjoint(newer)  # redrawn boundaries, new code series: never joined here
    assert any(ward.name == "Altrincham" for ward in lookup.wards)


def test_any_vintage_of_ward_lookup_is_read(tmp_path: Path) -> None:
    path = tmp_path / "wards.csv"
    path.write_text(
        "WD24CD,WD24NM,LAD24CD,LAD24NM\nE05015247,Gorse Hill & Cornbrook,E08000009,Trafford\n"
    )
    assert ward_lookup.sniff(path, path.read_bytes())
    ward = ward_lookup.read(path).wards[0]
    assert (ward.gss, ward.name, ward.la_gss, ward.la_name) == (
        "E05015247",
        "Gorse Hill & Cornbrook",
        "E08000009",
        "Trafford",
    )


def test_a_ward_lookup_without_council_codes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "wards.csv"
    path.write_text("wd22cd,wd22nm\nE05000819,Altrincham\n")
    with pytest.raises(FeedError, match="ladNNcd"):
        ward_lookup.read(path)
