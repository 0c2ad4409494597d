"""Build frontdesk's demo catalogue, ``resources/demo/catalogue.json``, from the tables in
``scripts/demo_catalogue/`` (see its README for what each file holds).

The demo catalogue lets frontdesk open a working app on a fresh machine with nothing
configured. Everything in it is fictional-for-demo (resources/demo/README.md says how);
the output is an Open Referral HSDS 3.0 JSON array of full service objects, in the shape
of the specification's ``examples/service_full.json``.

The build is deterministic: ids are uuid5 values from fixed names and the only
"randomness" (the spread of assured dates) comes from a seeded generator. It uses only
the standard library, and neither it nor its tables ship with frontdesk.

Run from the repository root:

    python scripts/build_demo_catalogue.py              # rewrites catalogue.json
    python scripts/build_demo_catalogue.py --check      # fails if catalogue.json is stale
    python scripts/build_demo_catalogue.py --out PATH   # writes the catalogue elsewhere
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import re
import sys
import tomllib
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TABLES = ROOT / "scripts" / "demo_catalogue"
OUTPUT = ROOT / "resources" / "demo" / "catalogue.json"

# Every id in the catalogue is uuid5(NAMESPACE, "<kind>/<stable name>").
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://frontdesk.example.org/demo-catalogue")

# Seed for the spread of assured dates, and the window they fall in. Roughly one service
# in ten is "stale" (checked more than a year before the catalogue was last built).
SEED = 20261125
FRESH_ASSURED = (dt.date(2025, 12, 1), dt.date(2026, 11, 20))
STALE_ASSURED = (dt.date(2025, 1, 6), dt.date(2025, 10, 31))
STALE_SHARE = 0.1

# Ofcom keeps these number ranges for drama; nothing in the catalogue uses any other.
PHONE_RANGES = {
    "drama-01632": "01632 960{:03d}",
    "drama-0113": "0113 496 0{:03d}",
    "drama-020": "020 7946 0{:03d}",
    "drama-0808": "0808 157 0{:03d}",
}
FREEPHONE_START = 100  # freephone numbers are handed out in order from 0808 157 0100

CATEGORY_TAXONOMY = "frontdesk-category"
GSS_URI = "http://statistics.data.gov.uk/id/statistical-geography/"
ASSURER_EMAIL = "catalogue-team@frontdesk.example.org"
LGSL_TERM_URI = "http://id.esd.org.uk/service/{}"

# A service row holds these keys, and nothing else (see the tables' README).
REQUIRED = {"name", "categories", "description"}
OPTIONS = {
    "lgsl", "hours", "area", "at", "freephone", "textphone", "min_age", "max_age",
    "eligibility", "application", "fees", "email", "alert", "status",
}  # fmt: skip


class Tables:
    """The hand-written tables, read from their files."""

    def __init__(self, folder: Path) -> None:
        self.categories = {
            row["category"]: row["description"] for row in _csv(folder, "categories")
        }
        self.lgsl = {int(row["lgsl"]): row["label"] for row in _csv(folder, "lgsl")}
        self.areas: dict[str, list[tuple[str, str]]] = {}
        for row in _csv(folder, "areas"):
            self.areas.setdefault(row["area"], []).append((row["name"], row["gss"]))
        self.locations = {row["location"]: row for row in _csv(folder, "locations")}
        self.hours: dict[str, Any] = _toml(folder / "hours.toml")
        self.organisations: dict[str, Any] = _toml(folder / "organisations.toml")
        self.services = {
            key: _toml(folder / "services" / f"{key}.toml")["service"] for key in self.organisations
        }


def _csv(folder: Path, name: str) -> Iterator[dict[str, str]]:
    with (folder / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def _toml(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def make_id(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(str(part) for part in parts)))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def random_date(rng: random.Random, window: tuple[dt.date, dt.date]) -> dt.date:
    start, end = window
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def phone(service_id: str, kind: str, number: str, description: str) -> dict[str, Any]:
    return {
        "id": make_id("phone", service_id, kind),
        "number": number,
        "type": kind,
        "description": description,
    }


def schedules(tables: Tables, service_id: str, hours_key: str) -> list[dict[str, Any]]:
    hours = tables.hours[hours_key]
    return [
        {
            "id": make_id("schedule", service_id, index),
            "freq": "WEEKLY",
            "wkst": "MO",
            "byday": byday,
            "opens_at": opens,
            "closes_at": closes,
            "description": hours["words"],
        }
        for index, (byday, opens, closes) in enumerate(hours["slots"])
    ]


def service_areas(tables: Tables, service_id: str, area_key: str) -> list[dict[str, Any]]:
    return [
        {"id": make_id("service-area", service_id, gss), "name": name, "uri": GSS_URI + gss}
        for name, gss in tables.areas[area_key]
    ]


def service_at_location(tables: Tables, service_id: str, key: str) -> dict[str, Any]:
    place = tables.locations[key]
    address = {
        "id": make_id("address", key),
        "address_1": place["address"],
        "city": place["town"],
        "region": place["region"],
        "state_province": place["county"],
        "postal_code": place["postcode"],
        "country": "GB",
        "address_type": "physical",
    }
    location = {
        "id": make_id("location", key),
        "location_type": "physical",
        "name": place["name"],
        "latitude": float(place["latitude"]),
        "longitude": float(place["longitude"]),
        "addresses": [address],
    }
    return {"id": make_id("service-at-location", service_id, key), "location": location}


def term_attribute(
    service_id: str,
    taxonomy: str,
    code: str,
    name: str,
    description: str,
    term_uri: str | None = None,
) -> dict[str, Any]:
    term = {
        "id": make_id("taxonomy-term", taxonomy, code),
        "code": code,
        "name": name,
        "description": description,
        "taxonomy": taxonomy,
    }
    if term_uri:
        term["term_uri"] = term_uri
    return {
        "id": make_id("attribute", service_id, taxonomy, code),
        "link_id": service_id,
        "link_entity": "service",
        "taxonomy_term_id": term["id"],
        "taxonomy_term": term,
    }


def organization(org: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": make_id("organization", org["name"]),
        "name": org["name"],
        "description": org["description"],
        "email": org["email"],
        "website": org["website"],
    }


def build(tables: Tables) -> list[dict[str, Any]]:
    rng = random.Random(SEED)
    orgs = tables.organisations
    next_number = {key: org["first_number"] for key, org in orgs.items()}
    next_freephone = FREEPHONE_START
    used_numbers: set[str] = set()
    catalogue = []

    def take_number(org_key: str, freephone: bool = False) -> str:
        nonlocal next_freephone
        if freephone:
            number = PHONE_RANGES["drama-0808"].format(next_freephone)
            next_freephone += 1
        else:
            number = PHONE_RANGES[orgs[org_key]["phone_range"]].format(next_number[org_key])
            next_number[org_key] += 1
        if number in used_numbers or len(number.replace(" ", "")) != 11:
            raise ValueError(f"phone block exhausted or shared: {number} ({org_key})")
        used_numbers.add(number)
        return number

    for org_key, rows in tables.services.items():
        org = orgs[org_key]
        for row in rows:
            name = row.get("name", "?")
            if REQUIRED - set(row) or set(row) - REQUIRED - OPTIONS:
                wrong = sorted((REQUIRED - set(row)) | (set(row) - REQUIRED - OPTIONS))
                raise ValueError(f"{org_key}: {name}: missing or unknown keys {wrong}")
            service_id = make_id("service", org["name"], name)
            hours_key = row.get("hours", org["hours"])
            hours_words = tables.hours[hours_key]["words"]

            stale = rng.random() < STALE_SHARE
            assured = random_date(rng, STALE_ASSURED if stale else FRESH_ASSURED)
            modified = dt.datetime.combine(
                assured, dt.time(8 + rng.randrange(10), rng.randrange(60))
            )

            service: dict[str, Any] = {
                "id": service_id,
                "name": name,
                "description": row["description"],
                "url": f"{org['website']}/services/{slug(name)}",
                "email": row.get("email", org["email"]),
                "status": row.get("status", "active"),
            }
            optional = {
                "application_process": "application",
                "fees_description": "fees",
                "eligibility_description": "eligibility",
                "minimum_age": "min_age",
                "maximum_age": "max_age",
                "alert": "alert",
            }
            for field, option in optional.items():
                if option in row:
                    service[field] = row[option]
            service["assured_date"] = assured.isoformat()
            service["assurer_email"] = ASSURER_EMAIL
            service["last_modified"] = modified.isoformat() + "Z"

            free = row.get("freephone", False)
            phones = [
                phone(
                    service_id,
                    "voice",
                    take_number(org_key, free),
                    ("Freephone, free from mobiles and landlines. " if free else "")
                    + f"Lines open: {hours_words}.",
                )
            ]
            if row.get("textphone"):
                phones.append(
                    phone(
                        service_id,
                        "textphone",
                        take_number(org_key),
                        "Textphone for deaf, hard of hearing and speech-impaired callers.",
                    )
                )
            service["phones"] = phones
            service["schedules"] = schedules(tables, service_id, hours_key)
            service["service_areas"] = service_areas(
                tables, service_id, row.get("area", org["area"])
            )
            service["service_at_locations"] = [
                service_at_location(tables, service_id, key) for key in row.get("at", ())
            ]
            service["organization"] = organization(org)

            attributes = []
            if "lgsl" in row:
                code = row["lgsl"]
                label = tables.lgsl[code]
                attributes.append(
                    term_attribute(
                        service_id,
                        "LGSL",
                        str(code),
                        label,
                        f"Local Government Service List service {code}: {label}",
                        LGSL_TERM_URI.format(code),
                    )
                )
            elif org.get("council"):
                raise ValueError(f"council service without an LGSL code: {name}")
            for category in row["categories"]:
                attributes.append(
                    term_attribute(
                        service_id,
                        CATEGORY_TAXONOMY,
                        slug(category),
                        category,
                        tables.categories[category],
                    )
                )
            service["attributes"] = attributes
            catalogue.append(service)

    ids = [service["id"] for service in catalogue]
    if len(ids) != len(set(ids)):
        raise ValueError("two services share a name within one organisation")
    return catalogue


def render(folder: Path = TABLES) -> str:
    return json.dumps(build(Tables(folder)), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the output is stale")
    parser.add_argument("--out", type=Path, default=OUTPUT, help=f"default: {OUTPUT}")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        if not args.out.is_file() or args.out.read_text(encoding="utf-8") != text:
            print(f"{args.out} is out of date: run {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {len(json.loads(text))} services to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
