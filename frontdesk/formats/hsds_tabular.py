"""Open Referral HSDS 3.0 (and the UK profile) as a tabular data package: CSVs + datapackage.json.

Smaller directories publish their catalogue as a folder of CSV files, one per HSDS table,
described by a Frictionless `datapackage.json`. This reader joins those tables back into
whole services: organisation, phones, contacts, opening times, service areas, locations
with addresses, and taxonomy terms, an LGSL term giving the service its LGSL code.

Finding the tables and reading their rows is `hsds_package`'s work; joining a service
with its phones, contacts, locations and opening times is `hsds_tabular_services`'. Only
the services table is required. A table the package lists but does not contain is treated
as empty, because publishers often reuse the full HSDS descriptor unchanged.

Not imported: `assurer_email` and the other metadata about who maintains a record; the
tables frontdesk has no place for (programs, funding, cost options, languages, ...).
`records_read` counts the data rows of every table that was read.
"""

from __future__ import annotations

import re
from pathlib import Path

from frontdesk.core.catalogue import Organization, TaxonomyTerm
from frontdesk.formats.base import ParsedFeed
from frontdesk.formats.csvfeed import CsvRow, keep_last
from frontdesk.formats.hsds_package import (
    DESCRIPTOR,
    Tables,
    conventional_file,
    file_head,
    named_records,
    stub_target,
    table_files,
)
from frontdesk.formats.hsds_tabular_services import joined_services, phones_of
from frontdesk.formats.hygiene import clean_email, clean_url

FORMAT = "hsds3-tabular"
_LGSL_TAXONOMY = re.compile(
    r"\blgsl\b|local government service list|esd.?service|id\.esd\.org\.uk/service", re.I
)
_TRAILING_NUMBER = re.compile(r"(?:^|[/:#=])(\d{1,5})/?$")


def sniff(path: Path, head: bytes) -> bool:
    """A folder with a descriptor or a services table, or a descriptor naming services.csv."""
    if path.is_dir():
        return (path / DESCRIPTOR).is_file() or conventional_file(path, "service") is not None
    if path.suffix.lower() != ".json":
        return False
    stub = stub_target(path, head)
    if stub is not None:
        return stub.is_file() and sniff(stub, file_head(stub))
    return b'"resources"' in head and (
        b'"services.csv"' in head or re.search(rb'"name"\s*:\s*"service"', head) is not None
    )


def read(path: Path) -> ParsedFeed:
    """Services joined from the package's tables, plus its organisations and taxonomy terms."""
    feed = ParsedFeed(path=path, format=FORMAT)
    tables = Tables.load(feed, table_files(path))
    terms = _taxonomy_terms(feed, tables)
    organizations = _organizations(feed, tables)
    services = joined_services(feed, tables, {term.id: term for term in terms})
    feed.catalogue.taxonomy_terms.extend(terms)
    feed.catalogue.organizations.extend(organizations)
    feed.catalogue.services.extend(services)
    return feed


def _taxonomy_terms(feed: ParsedFeed, tables: Tables) -> list[TaxonomyTerm]:
    vocabularies = {row.line("id"): row for row in tables.all("taxonomy")}
    terms = (
        (row, term_id, _term(row, term_id, name, vocabularies.get(row.line("taxonomy_id"))))
        for row, term_id, name in named_records(feed, tables.all("taxonomy_term"))
    )
    kept, duplicates = keep_last(terms)
    feed.duplicates.extend(duplicates)
    return kept


def _term(row: CsvRow, term_id: str, name: str, taxonomy: CsvRow | None) -> TaxonomyTerm:
    vocabulary = row.line("taxonomy") or (taxonomy.line("name") if taxonomy else None)
    uri = taxonomy.raw("uri") if taxonomy else None
    about = " ".join(filter(None, (vocabulary, row.raw("term_uri"), uri)))
    code = row.line("code")
    if _LGSL_TAXONOMY.search(about):
        vocabulary = "LGSL"
        code = _lgsl_number(code, row.raw("term_uri"), name, term_id)
    return TaxonomyTerm(
        id=term_id,
        name=name,
        vocabulary=vocabulary,
        code=code,
        parent_id=row.line("parent_id"),
        description=row.text("description"),
    )


def _lgsl_number(*candidates: str | None) -> str | None:
    """The LGSL number in the first candidate that ends in one (`372`, `.../service/372`)."""
    for candidate in candidates:
        match = _TRAILING_NUMBER.search((candidate or "").strip())
        if match:
            return match.group(1)
    return None


def _organizations(feed: ParsedFeed, tables: Tables) -> list[Organization]:
    phones = tables.by("phone", "organization_id")
    organizations = (
        (row, org_id, _organization(row, org_id, name, phones.get(org_id, [])))
        for row, org_id, name in named_records(feed, tables.all("organization"))
    )
    kept, duplicates = keep_last(organizations)
    feed.duplicates.extend(duplicates)
    return kept


def _organization(row: CsvRow, org_id: str, name: str, phones: list[CsvRow]) -> Organization:
    return Organization(
        id=org_id,
        name=name,
        description=row.text("description"),
        url=clean_url(row.raw("website") or row.raw("url")),
        email=clean_email(row.raw("email")),
        phones=phones_of(phones),
    )
