"""Reference geography: councils, their tiers and parents, and postcode → ward → council.

Routing a caller starts here: a postcode gives a local authority (GSS code); the register
gives that council's tier and its county, so a council service can be pinned to the
council that delivers it at that address.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from frontdesk.core.catalogue import Tier

_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})$")


def normalise_postcode(text: str) -> str | None:
    """The ONS 'pcds' form (outward code, one space, inward code), or None if not a postcode."""
    match = _POSTCODE.match(text.strip().upper())
    if match is None:
        return None
    return f"{match.group(1)} {match.group(2)}"


@dataclass(frozen=True, slots=True)
class LocalAuthority:
    gss: str
    name: str
    tier: Tier
    slug: str
    parent_gss: str | None = None
    country: str | None = None
    homepage_url: str | None = None


@dataclass(frozen=True, slots=True)
class PostcodeArea:
    postcode: str
    la_gss: str
    ward_gss: str | None = None
    ward_name: str | None = None
    la_name: str | None = None
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True, slots=True)
class Ward:
    gss: str
    name: str
    la_gss: str
    la_name: str | None = None
