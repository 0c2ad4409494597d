"""Small catalogues built through the real store, for the search tests to read like stories."""

from __future__ import annotations

from pathlib import Path

from frontdesk.core.areas import LocalAuthority, PostcodeArea
from frontdesk.core.catalogue import (
    Organization,
    Service,
    ServiceArea,
    Tier,
)
from frontdesk.core.feed import LgslTier, ParsedFeed
from frontdesk.search.index import ensure_index
from frontdesk.store.catalogue import CatalogueStore

COUNTY = "E10000027"  # Somerset-like county
DISTRICT = "E07000187"  # a district inside it
UNITARY = "E06000023"  # a unitary elsewhere
WARD = "E05000001"


def service(
    sid: str,
    name: str,
    description: str = "",
    *,
    org: str = "o1",
    areas: tuple[str, ...] = (),
    **extra: object,
) -> Service:
    return Service(
        id=sid,
        name=name,
        organization_id=org,
        description=description or None,
        service_areas=tuple(ServiceArea(code, code) for code in areas),
        **extra,  # type: ignore[arg-type]
    )


def feed(*services: Service, orgs: tuple[Organization, ...] = ()) -> ParsedFeed:
    parsed = ParsedFeed(path=Path("test-feed.json"), format="test")
    parsed.catalogue.services = list(services)
    parsed.catalogue.organizations = list(orgs) or [Organization("o1", "Helpful Agency")]
    parsed.records_read = len(services)
    return parsed


def geography() -> ParsedFeed:
    """A two-tier area (county + district) and a unitary, one postcode in each."""
    parsed = ParsedFeed(path=Path("areas.csv"), format="test")
    parsed.authorities = [
        LocalAuthority(COUNTY, "Shire County Council", Tier.COUNTY, "shire"),
        LocalAuthority(DISTRICT, "Vale District Council", Tier.DISTRICT, "vale", parent_gss=COUNTY),
        LocalAuthority(UNITARY, "Bristol City Council", Tier.UNITARY, "bristol"),
    ]
    parsed.postcodes = [
        PostcodeArea("TA1 1AA", DISTRICT, ward_gss=WARD),
        PostcodeArea("BS1 5TR", UNITARY),
    ]
    parsed.lgsl_tiers = [
        LgslTier("524", "Bin collection", Tier.DISTRICT),
        LgslTier("1", "Adult social care", Tier.COUNTY),
    ]
    return parsed


def open_store(tmp_path: Path) -> CatalogueStore:
    """A catalogue opened the way the import command opens it: index first."""
    store = CatalogueStore.open(tmp_path / "catalogue.db")
    ensure_index(store.engine)
    return store
