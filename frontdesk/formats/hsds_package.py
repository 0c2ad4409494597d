"""An HSDS 3.0 tabular data package on disk: which file holds each table, and its rows.

The path may be the folder or its `datapackage.json`. The descriptor's resource paths
decide which file holds which table; a folder without one is read by the conventional
file names; a descriptor that is only a relative path (a symbolic link as git checks it
out on Windows) is followed. A resource must sit inside the package: nothing is
downloaded. `hsds_tabular` turns the rows into records.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from frontdesk.formats import limits
from frontdesk.formats.base import FeedError, ParsedFeed
from frontdesk.formats.csvfeed import CsvRow, named_rows, read_whole

DESCRIPTOR = "datapackage.json"
# Each HSDS table and the file names it goes by when there is no descriptor.
TABLE_FILES = {
    "service": ("services.csv", "service.csv"),
    "organization": ("organizations.csv", "organization.csv"),
    "phone": ("phones.csv", "phone.csv"),
    "contact": ("contacts.csv", "contact.csv"),
    "schedule": ("schedules.csv", "schedule.csv"),
    "service_area": ("service_areas.csv", "service_area.csv"),
    "service_at_location": ("service_at_location.csv", "service_at_locations.csv"),
    "location": ("locations.csv", "location.csv"),
    "address": ("addresses.csv", "address.csv"),
    "attribute": ("attributes.csv", "attribute.csv"),
    "taxonomy_term": ("taxonomy_terms.csv", "taxonomy_term.csv"),
    "taxonomy": ("taxonomies.csv", "taxonomy.csv"),
}
# The tables whose rows become catalogue records (the rest only add detail to them).
RECORD_TABLES = ("service", "organization", "taxonomy_term")


def table_files(path: Path) -> dict[str, Path]:
    """Which file holds each HSDS table this reader uses."""
    folder, descriptor = (path, path / DESCRIPTOR) if path.is_dir() else (path.parent, path)
    if not descriptor.is_file():
        if not path.is_dir():
            raise FeedError(path, "no such data package descriptor")
        files = {name: conventional_file(folder, name) for name in TABLE_FILES}
        found = {name: file for name, file in files.items() if file is not None}
    else:
        found = _resource_files(descriptor, folder)
    if "service" not in found:
        raise FeedError(path, "the data package has no services table (services.csv)")
    return found


def conventional_file(folder: Path, table: str) -> Path | None:
    candidates = (folder / name for name in TABLE_FILES[table])
    return next((file for file in candidates if file.is_file()), None)


def file_head(path: Path) -> bytes:
    """The first 64 KiB of a file, for detection: never the whole of it."""
    with path.open("rb") as stream:
        return stream.read(65536)


def stub_target(path: Path, head: bytes) -> Path | None:
    """The file a symbolic-link stub points to: a descriptor that is just a relative path."""
    text = head.decode("utf-8", errors="replace").strip()
    if not text.endswith(".json") or "\n" in text or text.startswith(("{", "[")):
        return None
    return path.parent / text


def _resource_files(descriptor: Path, folder: Path) -> dict[str, Path]:
    files: dict[str, Path] = {}
    for position, resource in enumerate(_load_resources(descriptor)):
        if not isinstance(resource, dict) or resource.get("name") not in TABLE_FILES:
            continue
        file = _local_path(descriptor, position, resource.get("path"), folder)
        if file.is_file():
            files[str(resource["name"])] = file
        elif resource["name"] == "service":
            raise FeedError(file, f"the services table named in {descriptor.name} is missing")
    return files


def _load_resources(descriptor: Path, *, follow: bool = True) -> list[object]:
    raw = limits.read_bytes(descriptor)
    stub = stub_target(descriptor, bytes(raw)) if len(raw) < 1024 else None
    if stub is not None and follow and stub.is_file():
        return _load_resources(stub, follow=False)
    try:
        package = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FeedError(descriptor, f"not a readable data package descriptor: {exc}") from exc
    resources = package.get("resources") if isinstance(package, dict) else None
    if not isinstance(resources, list):
        raise FeedError(descriptor, "a data package descriptor needs a 'resources' list")
    return resources


def _local_path(descriptor: Path, position: int, value: object, folder: Path) -> Path:
    """A resource's file, which must sit inside the package: nothing is downloaded."""
    where = f"resources[{position}].path"
    if not isinstance(value, str) or not value:
        raise FeedError(descriptor, "a resource needs one file path", field=where)
    problem = limits.field_problem(where, value, one_line=True)
    if problem is not None:
        raise FeedError(descriptor, problem, field=where)
    if "://" in value or value.startswith("/") or ".." in Path(value).parts:
        raise FeedError(descriptor, f"resource file {value!r} is outside the package", field=where)
    return folder / value


@dataclass(slots=True)
class Tables:
    """Every row of each table the package has, by table name."""

    rows: dict[str, list[CsvRow]] = field(default_factory=dict)

    @classmethod
    def load(cls, feed: ParsedFeed, files: dict[str, Path]) -> Tables:
        tables = cls()
        for name, file in files.items():
            required = ("id", "name") if name == "service" else ()
            _, tables.rows[name] = read_whole(file, required=required)
            if name not in RECORD_TABLES:  # records are counted as they are built
                feed.records_read += len(tables.rows[name])
        return tables

    def all(self, table: str) -> list[CsvRow]:
        return self.rows.get(table, [])

    def by(self, table: str, column: str) -> dict[str, list[CsvRow]]:
        """The table's rows grouped by the value in `column` (a foreign key)."""
        groups: dict[str, list[CsvRow]] = defaultdict(list)
        for row in self.all(table):
            key = row.line(column)
            if key is not None:
                groups[key].append(row)
        return groups


def named_records(feed: ParsedFeed, rows: Iterable[CsvRow]) -> Iterator[tuple[CsvRow, str, str]]:
    """Rows with an id and a name (a taxonomy term's may be `term`); the others are noted."""
    return named_rows(feed, rows, key=lambda row: row.line("id"), name=_name)


def _name(row: CsvRow) -> str | None:
    return row.line("name") or row.line("term")
