"""A feed with what a first sync meets besides plain inserts, for the tests of building a
catalogue and its index elsewhere (`index_build`, `fill`)."""

from __future__ import annotations

from frontdesk.core.catalogue import Organization, Service, TaxonomyTerm
from frontdesk.store.catalogue_changes import (
    ORGANIZATION,
    SERVICE,
    TAXONOMY_TERM,
    CatalogueChange,
)

WORDS = ("housing", "debt", "food", "bins", "carers", "benefits", "youth", "café", "parks")


def service(i: int, version: int = 1) -> CatalogueChange:
    word, other = WORDS[i % len(WORDS)], WORDS[(i * 7 + version) % len(WORDS)]
    record = Service(
        id=f"s{i}",
        name=f"{word.title()} help {i}",
        organization_id=f"o{i % 3}",
        description=f"Advice on {word} and {other}, version {version}.",
        keywords=(other, f"kw{i % 11}"),
        taxonomy_term_ids=(f"t{i % 4}",),
    )
    return CatalogueChange(SERVICE, f"src:s{i}", "src", record)


def org(i: int, name: str) -> CatalogueChange:
    return CatalogueChange(ORGANIZATION, f"src:o{i}", "src", Organization(id=f"o{i}", name=name))


def term(i: int) -> CatalogueChange:
    record = TaxonomyTerm(id=f"t{i}", name=f"Theme {WORDS[i]}")
    return CatalogueChange(TAXONOMY_TERM, f"src:t{i}", "src", record)


def changing_feed() -> list[list[CatalogueChange]]:
    """A feed with what a first sync meets besides plain inserts: services changed and
    deleted after they were written, one deleted and then added again, and a renamed
    organisation (which rewrites the searchable text of its services)."""
    reference = [org(i, f"Agency {i}") for i in range(3)] + [term(i) for i in range(4)]
    first = [service(i) for i in range(200)]
    second = [service(i) for i in range(200, 400)]
    changes = [service(i, version=2) for i in range(0, 400, 5)]
    deletes = [CatalogueChange(SERVICE, f"src:s{i}") for i in range(1, 400, 9)]
    return [reference, first, second, changes, deletes, [org(1, "Renamed Trust"), service(1)]]
