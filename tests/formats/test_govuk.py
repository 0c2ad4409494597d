"""GOV.UK's two routing tables: which tier of council provides each LGSL service, and the
register of councils with their tier and parent county."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from frontdesk.core.areas import LocalAuthority
from frontdesk.core.catalogue import Tier
from frontdesk.formats import govuk_tiers, local_authorities
from frontdesk.formats.base import FeedError

AUTHORITIES_HEADER = (
    "id,gss,snac,local_custodian_code,tier_id,parent_local_authority_id,slug,country_name,"
    "homepage_url,name\n"
)


@pytest.fixture(scope="module")
def tiers_file(shared_data: Path) -> Path:
    return shared_data / "govuk-local-services-lgsl-tiers" / "local_services.csv"


@pytest.fixture(scope="module")
def authorities_file(shared_data: Path) -> Path:
    return shared_data / "govuk-local-authorities" / "local-authorities.csv"


@pytest.fixture(scope="module")
def councils(authorities_file: Path) -> dict[str, LocalAuthority]:
    return {
        council.gss: council for council in local_authorities.read(authorities_file).authorities
    }


# Providing tiers ---------------------------------------------------------------------


def test_every_listed_service_has_its_providing_tier(tiers_file: Path) -> None:
    feed = govuk_tiers.read(tiers_file)
    assert feed.format == "govuk-lgsl-tiers"
    assert feed.records_read == len(feed.lgsl_tiers) == 117
    assert Counter(tier.tier for tier in feed.lgsl_tiers) == {
        Tier.COUNTY: 51,  # county/unitary
        Tier.DISTRICT: 50,  # district/unitary
        None: 16,  # all
    }


def test_labels_are_tidied_and_codes_kept_as_text(tiers_file: Path) -> None:
    labels = {tier.code: tier.label for tier in govuk_tiers.read(tiers_file).lgsl_tiers}
    assert labels["57"] == "Find out more about council tax"  # published with a double space
    assert "1788" in labels  # newer than the 2015 esd list


def test_an_unknown_tier_is_skipped_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "local_services.csv"
    path.write_text("LGSL,Description,Providing Tier\n1,Schools,county/unitary\n2,Moon,parish\n")
    feed = govuk_tiers.read(path)
    assert [tier.code for tier in feed.lgsl_tiers] == ["1"]
    assert feed.skipped[0].record_id == "2" and "parish" in feed.skipped[0].reason


def test_sniff_tells_the_two_govuk_files_apart(tiers_file: Path, authorities_file: Path) -> None:
    tiers_head, authorities_head = tiers_file.read_bytes(), authorities_file.read_bytes()[:65536]
    assert govuk_tiers.sniff(tiers_file, tiers_head)
    assert not govuk_tiers.sniff(authorities_file, authorities_head)
    assert local_authorities.sniff(authorities_file, authorities_head)
    assert not local_authorities.sniff(tiers_file, tiers_head)


# Local authorities -------------------------------------------------------------------


def test_every_council_is_imported(authorities_file: Path) -> None:
    feed = local_authorities.read(authorities_file)
    assert feed.format == "govuk-local-authorities"
    assert feed.records_read == len(feed.authorities) == 382
    assert Counter(council.tier for council in feed.authorities)[Tier.COUNTY] == 21


def test_a_metropolitan_borough_is_unitary(councils: dict[str, LocalAuthority]) -> None:
    trafford = councils["E08000009"]
    assert trafford.name == "Trafford Metropolitan Borough Council"
    assert trafford.tier is Tier.UNITARY  # tier_id 3 in the register
    assert trafford.parent_gss is None
    assert trafford.slug == "trafford"


def test_a_district_points_at_its_county_by_gss(councils: dict[str, LocalAuthority]) -> None:
    adur = next(council for council in councils.values() if council.slug == "adur")
    assert adur.tier is Tier.DISTRICT
    assert adur.parent_gss == "E10000032"
    assert councils["E10000032"].name == "West Sussex County Council"
    districts = [council for council in councils.values() if council.tier is Tier.DISTRICT]
    assert all(councils[d.parent_gss].tier is Tier.COUNTY for d in districts if d.parent_gss)


def test_councils_without_a_snac_code_are_kept(councils: dict[str, LocalAuthority]) -> None:
    assert any(council.slug == "buckinghamshire" for council in councils.values())


def test_a_parent_missing_from_the_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "local-authorities.csv"
    path.write_text(AUTHORITIES_HEADER + '3,E07000223,45UB,3805,2,400,adur,England,,"Adur"\n')
    with pytest.raises(FeedError) as error:
        local_authorities.read(path)
    assert (error.value.index, error.value.field) == (1, "parent_local_authority_id")


def test_councils_without_gss_or_known_tier_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "local-authorities.csv"
    path.write_text(
        AUTHORITIES_HEADER
        + '1,,00QA,1,3,,nowhere,Scotland,,"No Code Council"\n'
        + '2,E06000001,00EB,2,9,,hartlepool,England,,"Hartlepool"\n'
        + '3,E06000002,00EC,3,3,,middlesbrough,England,www.middlesbrough.gov.uk,"Middlesbrough"\n'
    )
    feed = local_authorities.read(path)
    assert [council.gss for council in feed.authorities] == ["E06000002"]
    assert feed.authorities[0].homepage_url == "https://www.middlesbrough.gov.uk"
    assert [note.index for note in feed.skipped] == [1, 2]
