"""The Local Government Service List (LGSL) as exported by the LGA's esd-standards site.

`services.csv` gives every council service its LGSL code, label and scope note. Imported,
it lets an adviser find the council service a caller describes; the council responsible
is worked out later from the caller's postcode, so no service here has an organisation.
Labels the list used before are mined from the history notes as search keywords, so a
caller's older wording ("Vehicles - abandoned ...") still finds "Abandoned vehicles".

The export is messy: text encoded two or three times over (`lessÃ‚Â than`), RDF
literals leaking into cells (`"..."@en` with the inner quotes doubled), HTML entities.
All of it is cleaned here.

`functions.csv`, the esd function hierarchy, is accepted too and becomes taxonomy terms
(vocabulary "LGSL function", parent from `Parent identifiers`). The export does not say
which service sits under which function, so these terms only give a browsable outline;
importing them is harmless and keeps the door open for a service-to-function mapping.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from frontdesk.core.catalogue import Service, TaxonomyTerm
from frontdesk.formats.base import ParsedFeed
from frontdesk.formats.csvfeed import CsvRow, keep_last, named_rows, open_csv, sniff_header
from frontdesk.formats.hygiene import clean_line, clean_text, merge_tags

FORMAT = "lgsl"
FUNCTION_VOCABULARY = "LGSL function"

# 'Label' after "from"/"to"/"and" in "Term name changed from 'X' to 'Y' in version 3.00";
# the closing quote must be followed by a word or punctuation that ends a name, so
# apostrophes inside a label ("Children's centres") do not cut it short.
_QUOTED_LABEL = re.compile(
    r"\b(?:from|to|and)\s*'+(?P<label>.+?)'(?=\s+(?:to|in|and|for)\b|[\s.,;]*$|[.,;])"
)
_DOUBLED_QUOTES = re.compile(r'"{2,}')
_LITERAL_TAG = re.compile(r"@en\s*$")


def sniff(path: Path, head: bytes) -> bool:
    """An esd export: its header starts `Identifier, Label, Description`."""
    columns = sniff_header(head)
    return columns[:3] == ("identifier", "label", "description") and (
        "history_notes" in columns or "parent_identifiers" in columns
    )


def read(path: Path) -> ParsedFeed:
    """Services from `services.csv`, or taxonomy terms from `functions.csv`."""
    feed = ParsedFeed(path=path, format=FORMAT)
    with open_csv(path, required=("identifier", "label")) as table:
        if "parent_identifiers" in table.columns:
            _read_functions(feed, table)
        else:
            _read_services(feed, table)
    return feed


def _named_rows(feed: ParsedFeed, rows: Iterable[CsvRow]) -> Iterator[tuple[CsvRow, str, str]]:
    return named_rows(
        feed,
        rows,
        key=lambda row: row.line("identifier"),
        name=lambda row: esd_line(row.raw("label")),
    )


def _read_services(feed: ParsedFeed, rows: Iterable[CsvRow]) -> None:
    services, feed.duplicates = keep_last(
        (row, code, _service(row, code, label)) for row, code, label in _named_rows(feed, rows)
    )
    feed.catalogue.services.extend(services)


def _service(row: CsvRow, code: str, label: str) -> Service:
    return Service(
        id=code,
        name=label,
        description=esd_text(row.raw("description")),
        lgsl_code=code,
        keywords=former_labels(row.raw("history_notes"), label),
    )


def _read_functions(feed: ParsedFeed, rows: Iterable[CsvRow]) -> None:
    terms, feed.duplicates = keep_last(
        (row, code, _function(row, code, label)) for row, code, label in _named_rows(feed, rows)
    )
    feed.catalogue.taxonomy_terms.extend(terms)


def _function(row: CsvRow, code: str, label: str) -> TaxonomyTerm:
    # The column is plural but every function has one parent; the first one is kept.
    parents = re.split(r"[,;|]", row.raw("parent_identifiers"))
    return TaxonomyTerm(
        id=code,
        name=label,
        vocabulary=FUNCTION_VOCABULARY,
        code=code,
        parent_id=clean_line(parents[0]),
        description=esd_text(row.raw("description")),
    )


def former_labels(history: str, label: str) -> tuple[str, ...]:
    """The quoted labels in a history note other than the current one, oldest first."""
    current = label.casefold()
    found = (match.group("label") for match in _QUOTED_LABEL.finditer(esd_line(history) or ""))
    return tuple(name for name in merge_tags(list(found)) if name.casefold() != current)


def esd_text(value: str) -> str | None:
    """Cleaned esd text, with the RDF literal wrapper and its doubled inner quotes undone."""
    text = clean_text(value)
    if text is None:
        return None
    text = _LITERAL_TAG.sub("", text)  # some history notes lose the quotes but keep the tag
    return _DOUBLED_QUOTES.sub('"', text).strip() or None


def esd_line(value: str) -> str | None:
    text = esd_text(value)
    return None if text is None else " ".join(text.split())
