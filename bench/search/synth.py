"""A synthetic but plausible catalogue for measuring search at 10k–200k services.

Names, descriptions, organisations, LGSL codes and coverage areas are composed from a
vocabulary of UK public-service words with a skewed (Zipf-like) choice, so common words
such as "council", "support" and "advice" are as frequent as in real feeds and the
benchmark meets the large match sets a real adviser's first keystrokes meet.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from frontdesk.core.areas import LocalAuthority, PostcodeArea
from frontdesk.core.catalogue import (
    Organization,
    Service,
    ServiceArea,
    ServiceStatus,
    TaxonomyTerm,
    Tier,
)
from frontdesk.core.feed import LgslTier, ParsedFeed

TOPICS = (
    "council tax",
    "housing benefit",
    "rent arrears",
    "bulky waste",
    "refuse collection",
    "recycling",
    "garden waste",
    "street cleaning",
    "pothole repairs",
    "street lighting",
    "parking permits",
    "blue badge",
    "school admissions",
    "free school meals",
    "adult social care",
    "children's centre",
    "family support",
    "youth club",
    "mental health",
    "drug and alcohol",
    "debt advice",
    "food bank",
    "homelessness",
    "rough sleeping",
    "domestic abuse",
    "bereavement support",
    "carers support",
    "employment support",
    "universal credit",
    "benefits advice",
    "library",
    "adult learning",
    "planning applications",
    "building control",
    "noise nuisance",
    "pest control",
    "fly tipping",
    "graffiti removal",
    "dog fouling",
    "licensing",
    "trading standards",
    "registering a birth",
    "registering a death",
    "marriage ceremonies",
    "electoral register",
    "disabled facilities grant",
    "home adaptations",
    "meals on wheels",
    "befriending",
    "dementia support",
    "hearing loss",
    "sight loss",
    "stop smoking",
    "weight management",
    "sexual health",
    "gp registration",
    "dental care",
    "pharmacy",
    "fire safety check",
    "crime reporting",
    "victim support",
    "anti-social behaviour",
    "tenancy support",
    "energy advice",
    "warm home discount",
    "cost of living",
    "welfare rights",
    "immigration advice",
    "english classes",
    "volunteering",
    "community transport",
    "bus passes",
    "allotments",
    "parks and open spaces",
    "leisure centres",
    "swimming",
    "foster care",
    "adoption",
    "special educational needs",
    "child protection",
    "safeguarding adults",
    "occupational therapy",
    "respite care",
    "home care",
    "care homes",
    "hospital discharge",
    "falls prevention",
    "loneliness",
    "lgbt support",
    "refugee support",
    "gambling support",
    "legal advice",
    "credit union",
    "furniture reuse",
)
KINDS = (
    "service",
    "team",
    "group",
    "drop-in",
    "helpline",
    "clinic",
    "project",
    "scheme",
    "hub",
    "advice line",
    "outreach",
    "partnership",
    "network",
    "café",
    "programme",
)
PLACES = (
    "Bristol",
    "Bath",
    "Somerset",
    "Devon",
    "Exeter",
    "Plymouth",
    "Cornwall",
    "Dorset",
    "Gloucester",
    "Cheltenham",
    "Swindon",
    "Wiltshire",
    "Taunton",
    "Yeovil",
    "Weston",
    "Kingswood",
    "Keynsham",
    "Clevedon",
    "Portishead",
    "Frome",
    "Wells",
    "Bridgwater",
    "Stroud",
    "Tewkesbury",
    "Cirencester",
    "Salisbury",
    "Chippenham",
    "Trowbridge",
    "Barnstaple",
    "Torquay",
    "Paignton",
    "Newton Abbot",
    "Truro",
    "Falmouth",
    "Poole",
)
FILLER = (
    "we",
    "offer",
    "free",
    "confidential",
    "support",
    "advice",
    "information",
    "for",
    "residents",
    "people",
    "families",
    "who",
    "need",
    "help",
    "with",
    "and",
    "the",
    "a",
    "local",
    "community",
    "our",
    "trained",
    "staff",
    "volunteers",
    "can",
    "you",
    "your",
    "appointments",
    "available",
    "weekdays",
    "call",
    "visit",
    "online",
    "referral",
    "needed",
    "open",
    "to",
    "all",
    "ages",
    "adults",
    "children",
    "young",
    "older",
    "council",
    "services",
    "area",
    "in",
    "on",
    "of",
    "telephone",
    "face",
    "drop",
    "in",
    "weekly",
    "sessions",
    "practical",
    "emotional",
    "guidance",
    "partners",
    "including",
    "nhs",
    "charity",
    "housing",
    "health",
    "money",
    "work",
    "home",
    "safe",
    "wellbeing",
)
ORG_KINDS = (
    "Council",
    "City Council",
    "District Council",
    "NHS Trust",
    "Citizens Advice",
    "Community Trust",
    "Housing Association",
    "Fire and Rescue Service",
    "Police",
    "Foundation",
    "Mind",
    "Age UK",
    "Carers Centre",
    "Food Bank",
    "CIC",
)


_CUMULATIVE: dict[tuple[int, float], list[float]] = {}


def _zipf(rng: random.Random, items: tuple[str, ...], s: float = 1.1, k: int = 1) -> list[str]:
    """`k` picks where the i-th item is about 1/i^s as likely as the first."""
    key = (len(items), s)
    if key not in _CUMULATIVE:
        total, cum = 0.0, []
        for i in range(len(items)):
            total += 1.0 / (i + 1) ** s
            cum.append(total)
        _CUMULATIVE[key] = cum
    return rng.choices(items, cum_weights=_CUMULATIVE[key], k=k)


def synthetic_feed(size: int, seed: int = 7) -> ParsedFeed:
    """`size` services over ~size/50 organisations, 60 councils and their postcodes."""
    rng = random.Random(seed)
    feed = ParsedFeed(path=Path(f"synthetic-{size}"), format="synthetic")
    counties = [f"E1000{i:04d}" for i in range(10)]
    districts = [f"E0700{i:04d}" for i in range(40)]
    unitaries = [f"E0600{i:04d}" for i in range(20)]
    for i, gss in enumerate(counties):
        feed.authorities.append(LocalAuthority(gss, f"{PLACES[i]} County", Tier.COUNTY, gss))
    for i, gss in enumerate(districts):
        feed.authorities.append(
            LocalAuthority(gss, f"District {i}", Tier.DISTRICT, gss, parent_gss=counties[i % 10])
        )
    for i, gss in enumerate(unitaries):
        feed.authorities.append(LocalAuthority(gss, f"Unitary {i}", Tier.UNITARY, gss))
    for i in range(2000):
        la = rng.choice(districts + unitaries)
        feed.postcodes.append(
            PostcodeArea(
                f"BS{i // 100 + 1} {i % 10}{'ABCDEFGHJK'[i // 10 % 10]}X",
                la,
                ward_gss=f"E0500{i % 500:04d}",
            )
        )
    for i, topic in enumerate(TOPICS):
        tier = (Tier.COUNTY, Tier.DISTRICT, None)[i % 3]
        feed.lgsl_tiers.append(LgslTier(str(100 + i), topic.capitalize(), tier))
    terms = [TaxonomyTerm(f"t{i}", topic.title(), "synthetic") for i, topic in enumerate(TOPICS)]
    feed.catalogue.taxonomy_terms = terms
    orgs = []
    for i in range(max(20, size // 50)):
        name = f"{rng.choice(PLACES)} {_zipf(rng, ORG_KINDS, 0.8)[0]}"
        orgs.append(Organization(f"o{i}", name))
    feed.catalogue.organizations = orgs
    areas = counties + districts + unitaries
    today = dt.date(2025, 6, 1)
    for i in range(size):
        t = (
            rng.randrange(len(TOPICS))
            if rng.random() < 0.3
            else TOPICS.index(_zipf(rng, TOPICS)[0])
        )
        topic = TOPICS[t]
        name = f"{topic.capitalize()} {_zipf(rng, KINDS)[0]}"
        if rng.random() < 0.5:
            name = f"{rng.choice(PLACES)} {name.lower()}"
        words = _zipf(rng, FILLER, 0.7, rng.randrange(20, 70))
        words[rng.randrange(len(words))] = topic
        org = orgs[
            min(len(orgs) - 1, int(rng.paretovariate(1.2)) - 1 + rng.randrange(len(orgs)) // 3)
        ]
        is_council = "Council" in org.name
        coverage = rng.random()
        service_areas: tuple[ServiceArea, ...] = ()
        if coverage < 0.6:
            service_areas = (ServiceArea("area", rng.choice(areas)),)
        elif coverage < 0.7:
            service_areas = (ServiceArea("England", "E92000001"),)
        feed.catalogue.services.append(
            Service(
                id=f"s{i}",
                name=name,
                organization_id=org.id,
                description=" ".join(words).capitalize() + ".",
                status=ServiceStatus.ACTIVE if rng.random() < 0.9 else ServiceStatus.INACTIVE,
                lgsl_code=str(100 + t) if is_council else None,
                minimum_age=rng.choice((None, None, 0, 16, 18, 65)),
                keywords=(*rng.sample(FILLER, 2), topic),
                service_areas=service_areas,
                taxonomy_term_ids=(f"t{t}",),
                last_assured=today - dt.timedelta(days=rng.randrange(900)),
            )
        )
    feed.records_read = size
    return feed
