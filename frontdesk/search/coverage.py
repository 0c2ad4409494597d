"""Who serves a caller's address: postcode -> ward and council -> county -> country.

Search uses it to keep services that cover the caller; the detail panel uses it to say
which council is responsible there. In a two-tier area the county and the district
split council services between them: GOV.UK's providing tier for the service's LGSL
code says which, so a county-tier service is the county's job and a district-tier one
the district's. Elsewhere the single (unitary) council does both.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text

from frontdesk.core.areas import normalise_postcode
from frontdesk.core.catalogue import Tier

# Areas wider than a council that a national service may name, by the first letter of
# the council's GSS code: the country, then Great Britain / England and Wales / the UK.
WIDER = {
    "E": ("E92000001", "K04000001", "K03000001", "K02000001"),
    "W": ("W92000004", "K04000001", "K03000001", "K02000001"),
    "S": ("S92000003", "K03000001", "K02000001"),
    "N": ("N92000002", "K02000001"),
}


@dataclass(frozen=True, slots=True)
class Place:
    """Where a postcode is, as far as routing needs to know."""

    postcode: str
    la_gss: str
    la_name: str | None
    ward_gss: str | None
    county_gss: str | None
    county_name: str | None

    @property
    def two_tier(self) -> bool:
        return self.county_gss is not None

    def areas(self) -> frozenset[str]:
        """Every area code a service covering this address might name."""
        found = {self.la_gss, *WIDER.get(self.la_gss[:1], ())}
        found.update(code for code in (self.ward_gss, self.county_gss) if code)
        return frozenset(found)

    def areas_for(self, providing_tier: Tier | str | None) -> frozenset[str]:
        """The areas that count for a council service of this providing tier: in a
        two-tier area only the council whose job it is."""
        tier = _tier(providing_tier)
        if not self.two_tier or tier not in (Tier.COUNTY, Tier.DISTRICT):
            return self.areas()
        if tier is Tier.COUNTY:
            return frozenset({self.county_gss or self.la_gss})
        return frozenset(code for code in (self.la_gss, self.ward_gss) if code)

    def responsible_council(self, providing_tier: Tier | str | None) -> tuple[str, str | None]:
        """(GSS code, name) of the council that delivers a service of this tier here."""
        if self.two_tier and _tier(providing_tier) is Tier.COUNTY:
            return self.county_gss or self.la_gss, self.county_name
        return self.la_gss, self.la_name


def _tier(value: Tier | str | None) -> Tier | None:
    if value is None or isinstance(value, Tier):
        return value
    try:
        return Tier(value)
    except ValueError:
        return None


def find_place(conn: Connection, postcode: str) -> Place | None:
    """The place a postcode is in, or None when it is malformed or not in the lookup."""
    normalised = normalise_postcode(postcode)
    if normalised is None:
        return None
    row = conn.execute(
        text(
            "SELECT p.postcode, p.la_gss, coalesce(la.name, p.la_name) AS la_name, p.ward_gss,"
            " county.gss AS county_gss, county.name AS county_name"
            " FROM postcodes p"
            " LEFT JOIN local_authorities la ON la.gss = p.la_gss"
            " LEFT JOIN local_authorities county"
            "   ON county.gss = la.parent_gss AND county.tier = :county"
            " WHERE p.postcode = :postcode"
        ),
        {"postcode": normalised, "county": Tier.COUNTY.value},
    ).first()
    if row is None:
        return None
    return Place(
        postcode=row.postcode,
        la_gss=row.la_gss,
        la_name=row.la_name,
        ward_gss=row.ward_gss,
        county_gss=row.county_gss,
        county_name=row.county_name,
    )
