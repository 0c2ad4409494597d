"""Build frontdesk's demo catalogue: ``resources/demo/catalogue.json``.

The demo catalogue lets frontdesk open a working app on a fresh machine with nothing
configured. It is written by hand for frontdesk, centred on Trafford (a metropolitan
borough in Greater Manchester, one unitary council) plus Lancashire County Council and
Lancaster City Council (a two-tier area) so county-versus-district routing can be shown.

Everything here is fictional-for-demo: organisation contact details, phone numbers
(Ofcom's drama ranges only), e-mail addresses and web sites (the reserved example.org
domain), street addresses and the people-facing wording. Public bodies (the councils,
NHS, police, fire, DWP) are named as themselves so the routing makes sense, but none of
their contact details are real. Small charities have invented names marked "(demo)".

The output is an Open Referral HSDS 3.0 JSON array of full service objects, in the shape
of the specification's ``examples/service_full.json``.

The script is deterministic: ids are uuid5 values from fixed names and the only
"randomness" (the spread of assured dates) comes from a seeded generator.

Run from the repository root:

    python resources/demo/build_demo_catalogue.py          # rewrites catalogue.json
    python resources/demo/build_demo_catalogue.py --check  # fails if catalogue.json is stale
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import sys
import uuid
from pathlib import Path
from typing import Any


def S(name: str, lgsl: int | None, categories: str, description: str, **options: Any) -> dict:
    """One row of a service table (see OPTIONS below for the keyword options)."""
    return {
        "name": name,
        "lgsl": lgsl,
        "categories": categories.split(),
        "description": description,
        **options,
    }


# Keyword options a service row may carry (anything else is an error):
#   hours       key of HOURS (default: the organisation's hours)
#   area        key of AREAS (default: the organisation's area)
#   at          tuple of LOCATIONS keys where the service is delivered face to face
#   freephone   True: the service's number comes from the 0808 157 0xxx range
#   textphone   True: also list a textphone number
#   min_age, max_age, eligibility, application, fees, email, alert
#   status      "inactive" for the few withdrawn services kept to exercise filters
OPTIONS = {
    "hours", "area", "at", "freephone", "textphone", "min_age", "max_age",
    "eligibility", "application", "fees", "email", "alert", "status",
}  # fmt: skip

# ---------------------------------------------------------------------------------------
# Reference tables
# ---------------------------------------------------------------------------------------

# The tables below are laid out by hand for reading, so the formatter leaves them alone.
# fmt: off
OUTPUT = Path(__file__).with_name("catalogue.json")

# Every id in the catalogue is uuid5(NAMESPACE, "<kind>/<stable name>").
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://frontdesk.example.org/demo-catalogue")

# Seed for the spread of assured dates, and the window they fall in.  Roughly one service
# in ten is "stale" (checked more than a year before the catalogue was last built).
SEED = 20261125
FRESH_ASSURED = (dt.date(2025, 12, 1), dt.date(2026, 11, 20))
STALE_ASSURED = (dt.date(2025, 1, 6), dt.date(2025, 10, 31))
STALE_SHARE = 0.1

CATEGORY_TAXONOMY = "frontdesk-category"
CATEGORIES = {
    "Housing": "Homes, homelessness, tenancies, repairs and housing costs",
    "Money": "Council tax, benefits, debt, grants and help with living costs",
    "Health": "Physical and mental health, care and support",
    "Safety": "Crime, abuse, fire, safeguarding and community safety",
    "Family": "Children, young people, parents, carers and bereavement",
    "Work": "Jobs, training, employment rights and business",
    "Environment": "Bins, recycling, street scene, pollution, pests and parks",
    "Transport": "Roads, pavements, parking, travel passes and transport",
    "Education": "Schools, early years, special educational needs and learning",
    "Community": "Libraries, registration, voting, licensing and local groups",
}

# LGSL codes used below, with their labels from the LGA's Local Government Service List
# (labels as in the esd-standards export; 1788 is newer and labelled as GOV.UK words it).
LGSL = {
    1: "Home schooling",
    2: "School clothing grants/vouchers",
    3: "School transport - additional support",
    4: "Free school meals",
    9: "Special educational needs assessment",
    13: "Primary school places",
    14: "Secondary school places",
    18: "School holiday schemes",
    27: "Adult education courses",
    35: "School attendance and truancy",
    36: "School term and holiday dates",
    40: "Special educational needs transport",
    48: "Child performance licences",
    53: "Children's centres",
    55: "Business rate relief",
    56: "Business rates account enquiries",
    58: "Council tax account enquiries",
    59: "Council tax discount",
    60: "Council tax exemptions",
    63: "Council tax benefit new claim",
    69: "Housing benefit new claim",
    88: "Mutual home exchange",
    92: "Registering for a council property",
    107: "Sheltered housing",
    112: "Homelessness support",
    116: "Rent arrears",
    137: "Disabled facilities grant",
    141: "Housing repairs",
    151: "Right to buy your home",
    159: "Fostering",
    160: "Adoption",
    178: "Disabled people - home adaptations and aids",
    189: "Welfare rights advice",
    190: "Benefits advice and assessment",
    209: "Care needs assessment",
    225: "Adult carers",
    260: "Respite care for children and young people",
    266: "Child protection",
    272: "Community transport",
    273: "Older people's bus pass",
    274: "Disabled people - parking bays",
    279: "Disabled people - parking permits",
    280: "Disabled people - bus passes",
    287: "Direct payments",
    292: "Adult residential care",
    296: "Community and day centres",
    312: "Out of hours social care",
    313: "Community alarms and Telecare",
    315: "Mobile meals",
    319: "Birth registration",
    321: "Death registration",
    329: "Municipal funerals",
    343: "Employment and training initiatives",
    353: "Complaints procedure",
    358: "Councillors directory",
    364: "Electoral register",
    372: "Abandoned vehicles",
    390: "Food business registration",
    407: "Food safety enforcement",
    412: "Noise pollution",
    413: "Air quality",
    416: "Nuisances",
    428: "Syringe disposal",
    431: "Pest control",
    432: "Dog wardens",
    437: "Library facilities",
    442: "Library computers and the internet",
    451: "Sports facilities",
    461: "Parks and open spaces",
    471: "Street parking enforcement",
    474: "Parking permits",
    477: "Dropped kerbs",
    487: "Full planning applications",
    498: "Town centre CCTV",
    499: "Building control",
    505: "Tree management",
    508: "Tree preservation orders",
    510: "Allotments",
    517: "Commercial waste collection",
    521: "Skip permits",
    524: "Household waste collection",
    526: "Household waste containers",
    528: "Bulky household waste collections",
    530: "Household garden waste",
    531: "Household waste disposal sites",
    533: "Recycling bags and containers",
    537: "Pavement maintenance",
    541: "Street name plates",
    550: "Road obstructions",
    555: "Drain and gully clearance",
    557: "Road maintenance",
    561: "Road gritting",
    564: "Street lighting",
    567: "Traffic lights",
    570: "Road closures and diversions",
    571: "Speed limits",
    576: "Dead animal removal",
    577: "Dog fouling",
    580: "Litter removal",
    584: "Graffiti removal",
    587: "Flytipping",
    588: "Flyposting",
    600: "Dangerous structures",
    601: "Environmental health - out of hours emergencies",
    615: "Grants for voluntary organisations",
    634: "Private hire drivers licence",
    652: "Private housing advice",
    663: "Copy certificates",
    664: "Drainage",
    705: "School admission appeals",
    731: "Safeguarding vulnerable adults",
    787: "Consumer advice",
    833: "Leaving hospital",
    837: "Children and young people - preventative services",
    850: "Hazardous waste collection",
    852: "Citizenship ceremonies",
    854: "Household waste assisted collection",
    859: "Clinical household waste",
    860: "Premises licence",
    876: "Notice of marriage or civil partnership",
    898: "Homes in multiple occupancy licence",
    913: "Empty residential properties",
    1013: "Postal voting",
    1133: "Hate crime",
    1148: "Discretionary Housing Payment",
    1307: "Current emergency situations - weather",
    1485: "Anti-social behaviour - neighbour nuisance",
    1538: "Cemeteries and crematoria",
    1552: "Energy efficiency grants",
    1579: "Family information services",
    1580: "Street parties permission",
    1714: "Hostels and emergency accommodation",
    1737: "Planning pre-application advice",
    1741: "Early education for 2 year olds",
    1743: "Care Act 2014 implementation",
    1746: "Stopping smoking",
    1747: "Health checks",
    1788: "Support for children who have difficulties with speech, language or communication",
}

GSS_URI = "http://statistics.data.gov.uk/id/statistical-geography/"
GREATER_MANCHESTER = [
    ("Bolton", "E08000001"), ("Bury", "E08000002"), ("Manchester", "E08000003"),
    ("Oldham", "E08000004"), ("Rochdale", "E08000005"), ("Salford", "E08000006"),
    ("Stockport", "E08000007"), ("Tameside", "E08000008"), ("Trafford", "E08000009"),
    ("Wigan", "E08000010"),
]
AREAS = {
    "trafford": [("Trafford", "E08000009")],
    "greater-manchester": GREATER_MANCHESTER,
    "lancashire": [("Lancashire", "E10000017")],
    "lancaster": [("Lancaster", "E07000121")],
    "trafford+lancaster": [("Trafford", "E08000009"), ("Lancaster", "E07000121")],
    "england": [("England", "E92000001")],
}

WEEKDAYS = "MO,TU,WE,TH,FR"
EVERY_DAY = "MO,TU,WE,TH,FR,SA,SU"
# key: (words an adviser reads out, [(byday, opens_at, closes_at), ...])
HOURS = {
    "office": ("Monday to Friday, 9am to 5pm", [(WEEKDAYS, "09:00", "17:00")]),
    "contact-centre": (
        "Monday to Friday 8am to 6pm, Saturday 9am to 1pm",
        [(WEEKDAYS, "08:00", "18:00"), ("SA", "09:00", "13:00")],
    ),
    "24/7": ("24 hours a day, 7 days a week", [(EVERY_DAY, "00:00", "23:59")]),
    "out-of-hours": (
        "Weekday evenings and nights from 5pm to 9am, and all weekend",
        [(WEEKDAYS, "17:00", "23:59"), (WEEKDAYS, "00:00", "09:00"), ("SA,SU", "00:00", "23:59")],
    ),
    "library": (
        "Monday, Tuesday, Thursday and Friday 9am to 7pm; Saturday 10am to 4pm",
        [("MO,TU,TH,FR", "09:00", "19:00"), ("SA", "10:00", "16:00")],
    ),
    "library-small": (
        "Tuesday and Thursday 10am to 5pm; Saturday 10am to 1pm",
        [("TU,TH", "10:00", "17:00"), ("SA", "10:00", "13:00")],
    ),
    "helpline": (
        "Monday to Friday 8am to 8pm, Saturday 9am to 5pm",
        [(WEEKDAYS, "08:00", "20:00"), ("SA", "09:00", "17:00")],
    ),
    "dwp": ("Monday to Friday, 8am to 6pm", [(WEEKDAYS, "08:00", "18:00")]),
    "evenings": ("Monday to Friday, 6pm to 10pm", [(WEEKDAYS, "18:00", "22:00")]),
    "crisis-cafe": ("Friday, Saturday and Sunday, 6pm to 11pm", [("FR,SA,SU", "18:00", "23:00")]),
    "drop-in": ("Drop-in Tuesday and Thursday, 10am to 1pm", [("TU,TH", "10:00", "13:00")]),
    "clinic": (
        "Monday to Friday 9am to 7pm; Saturday 10am to 1pm",
        [(WEEKDAYS, "09:00", "19:00"), ("SA", "10:00", "13:00")],
    ),
    "recycling-centre": ("Every day, 8am to 6pm", [(EVERY_DAY, "08:00", "18:00")]),
    "weekend": ("Saturday and Sunday, 10am to 4pm", [("SA,SU", "10:00", "16:00")]),
    "youth-evenings": (
        "Monday, Wednesday and Friday, 4pm to 9pm",
        [("MO,WE,FR", "16:00", "21:00")],
    ),
    "food-tu": ("Tuesday 10am to 12 noon", [("TU", "10:00", "12:00")]),
    "food-we": ("Wednesday 1pm to 3pm", [("WE", "13:00", "15:00")]),
    "food-th": ("Thursday 10am to 12 noon", [("TH", "10:00", "12:00")]),
    "food-fr": ("Friday 12 noon to 2pm", [("FR", "12:00", "14:00")]),
    "food-sa": ("Saturday 10am to 12 noon", [("SA", "10:00", "12:00")]),
    "food-mo-eve": ("Monday 5pm to 7pm", [("MO", "17:00", "19:00")]),
}

GM = ("Greater Manchester", "North West England")
LANCS = ("Lancashire", "North West England")
# key: (name, address line, town, postcode, (county, region), latitude, longitude)
LOCATIONS = {
    "trafford-civic": ("Trafford Civic Centre (demo)",
        "1 Civic Way", "Stretford", "M32 0AL", GM, 53.451232, -2.312984),
    "sale-access": ("Sale Waterside Access Point (demo)",
        "24 Ashfield Parade", "Sale", "M33 7AL", GM, 53.425767, -2.316725),
    "sale-library": ("Sale Library (demo)",
        "3 Tatton Walk", "Sale", "M33 3AF", GM, 53.422177, -2.317842),
    "stretford-library": ("Stretford Library (demo)",
        "10 Kingsway Parade", "Stretford", "M32 0AF", GM, 53.456463, -2.309815),
    "altrincham-library": ("Altrincham Library and Access Point (demo)",
        "8 Regent Walk", "Altrincham", "WA14 1AL", GM, 53.386453, -2.347449),
    "urmston-library": ("Urmston Library (demo)",
        "5 Meadowbank Walk", "Urmston", "M41 0AN", GM, 53.448321, -2.351373),
    "partington-hub": ("Partington Community Hub (demo)",
        "14 Lindale Row", "Partington", "M31 4AL", GM, 53.430217, -2.397428),
    "old-trafford-centre": ("Old Trafford Community Centre (demo)",
        "40 Cornbrook Terrace", "Old Trafford", "M16 0BE", GM, 53.451532, -2.271095),
    "timperley-hub": ("Timperley Family Hub (demo)",
        "2 Brookfield Walk", "Timperley", "WA15 7AG", GM, 53.393629, -2.317944),
    "hale-rooms": ("Hale Community Rooms (demo)",
        "9 Ashley Mews", "Hale", "WA15 9AG", GM, 53.379067, -2.346682),
    "trafford-park-hwrc": ("Trafford Park Household Waste Recycling Centre (demo)",
        "Unit 4, Wharfside Works", "Trafford Park", "M17 1AP", GM, 53.465027, -2.310404),
    "urmston-advice": ("Urmston Advice Centre (demo)",
        "17 Station Parade", "Urmston", "M41 5AL", GM, 53.448321, -2.360452),
    "trafford-police": ("Trafford Police Station front counter (demo)",
        "6 Tennyson Parade", "Old Trafford", "M16 0DD", GM, 53.45999, -2.286857),
    "sale-jobcentre": ("Sale Jobcentre (demo)",
        "30 Ashfield Parade", "Sale", "M33 7AF", GM, 53.429756, -2.320532),
    "sale-clinic": ("Trafford Sexual Health Clinic (demo)",
        "Suite 2, 15 Tatton Walk", "Sale", "M33 3AL", GM, 53.421202, -2.319354),
    "davyhulme-utc": ("Trafford Urgent Treatment Centre (demo)",
        "1 Moorside Walk", "Davyhulme", "M41 0AF", GM, 53.458133, -2.354962),
    "lancaster-csc": ("Lancaster Customer Service Centre (demo)",
        "10 Castle View Walk", "Lancaster", "LA1 1QD", LANCS, 54.0477, -2.8007),
    "morecambe-access": ("Morecambe Access Point (demo)",
        "4 Marine Walk", "Morecambe", "LA4 5AF", LANCS, 54.0712, -2.8636),
    "lancaster-library": ("Lancaster Library (demo)",
        "6 Market Gate", "Lancaster", "LA1 1HT", LANCS, 54.0489, -2.8024),
    "morecambe-library": ("Morecambe Library (demo)",
        "21 Promenade Walk", "Morecambe", "LA4 4DB", LANCS, 54.0717, -2.868),
    "lancaster-register": ("Lancaster Register Office (demo)",
        "3 Queen Street Mews", "Lancaster", "LA1 1RS", LANCS, 54.0465, -2.8015),
    "lancaster-hwrc": ("Lancaster Household Waste Recycling Centre (demo)",
        "Unit 7, Riverside Works", "Lancaster", "LA1 5PX", LANCS, 54.0583, -2.8155),
    "lancaster-jobcentre": ("Lancaster Jobcentre (demo)",
        "12 Mitre Walk", "Lancaster", "LA1 1EY", LANCS, 54.0482, -2.7995),
    "lancaster-clinic": ("Lancaster Sexual Health Clinic (demo)",
        "2 Bowerham Mews", "Lancaster", "LA1 4RP", LANCS, 54.0443, -2.7974),
}

# Ofcom keeps these number ranges for drama; nothing in the catalogue uses any other.
PHONE_RANGES = {
    "drama-01632": "01632 960{:03d}",
    "drama-0113": "0113 496 0{:03d}",
    "drama-020": "020 7946 0{:03d}",
    "drama-0808": "0808 157 0{:03d}",
}
FREEPHONE_START = 100  # freephone numbers are handed out in order from 0808 157 0100

# key: name, description, website, e-mail, (phone range, first number), area, hours, council
ORGANISATIONS: dict[str, dict[str, Any]] = {
    "trafford": dict(
        name="Trafford Council",
        description="The unitary council for the Metropolitan Borough of Trafford in Greater "
        "Manchester. It delivers every council service in Trafford, from bins and council "
        "tax to schools and social care. Contact details in this demo are fictional.",
        website="https://trafford-council.example.org",
        email="contact@trafford-council.example.org",
        phones=("drama-01632", 100),
        area="trafford",
        hours="contact-centre",
        council=True,
    ),
    "lancashire": dict(
        name="Lancashire County Council",
        description="The county council for Lancashire. In two-tier districts such as Lancaster "
        "it runs county services: roads, schools, social care, libraries, registration, "
        "blue badges and recycling centres. Contact details in this demo are fictional.",
        website="https://lancashire-cc.example.org",
        email="enquiries@lancashire-cc.example.org",
        phones=("drama-0113", 100),
        area="lancashire",
        hours="contact-centre",
        council=True,
    ),
    "lancaster": dict(
        name="Lancaster City Council",
        description="The district council for Lancaster, Morecambe, Carnforth and the "
        "surrounding villages. It runs district services such as bin collections, council "
        "tax, housing, planning and environmental health. Contact details here are fictional.",
        website="https://lancaster-city.example.org",
        email="customerservices@lancaster-city.example.org",
        phones=("drama-0113", 300),
        area="lancaster",
        hours="office",
        council=True,
    ),
    "nhs-england": dict(
        name="NHS England",
        description="The national body that leads the NHS in England. In this demo it stands for "
        "national NHS services such as NHS 111 and GP registration; all contact details are "
        "fictional.",
        website="https://nhs.example.org",
        email="enquiries@nhs.example.org",
        phones=("drama-020", 300),
        area="england",
        hours="24/7",
    ),
    "nhs-gm": dict(
        name="NHS Greater Manchester",
        description="The NHS integrated care board for Greater Manchester, which plans and buys "
        "local health services in the ten boroughs. Contact details in this demo are fictional.",
        website="https://nhs-gm.example.org",
        email="enquiries@nhs-gm.example.org",
        phones=("drama-01632", 400),
        area="greater-manchester",
        hours="office",
    ),
    "nhs-lsc": dict(
        name="NHS Lancashire and South Cumbria",
        description="The NHS integrated care board for Lancashire and South Cumbria, which plans "
        "local health services. Contact details in this demo are fictional.",
        website="https://nhs-lsc.example.org",
        email="enquiries@nhs-lsc.example.org",
        phones=("drama-0113", 500),
        area="lancashire",
        hours="office",
    ),
    "gmp": dict(
        name="Greater Manchester Police",
        description="The police force for the ten boroughs of Greater Manchester. In an "
        "emergency always call 999. Contact details in this demo are fictional.",
        website="https://gmp.example.org",
        email="contact@gmp.example.org",
        phones=("drama-01632", 300),
        area="greater-manchester",
        hours="24/7",
    ),
    "lancs-police": dict(
        name="Lancashire Constabulary",
        description="The police force for Lancashire. In an emergency always call 999. Contact "
        "details in this demo are fictional.",
        website="https://lancashire-police.example.org",
        email="contact@lancashire-police.example.org",
        phones=("drama-0113", 550),
        area="lancashire",
        hours="24/7",
    ),
    "gmfrs": dict(
        name="Greater Manchester Fire and Rescue Service",
        description="The fire and rescue service for Greater Manchester. Besides emergencies it "
        "gives free home fire safety advice and checks. Contact details here are fictional.",
        website="https://gmfrs.example.org",
        email="safety@gmfrs.example.org",
        phones=("drama-01632", 360),
        area="greater-manchester",
        hours="office",
    ),
    "lancs-fire": dict(
        name="Lancashire Fire and Rescue Service",
        description="The fire and rescue service for Lancashire, including free home fire safety "
        "checks. Contact details in this demo are fictional.",
        website="https://lancashire-fire.example.org",
        email="safety@lancashire-fire.example.org",
        phones=("drama-0113", 600),
        area="lancashire",
        hours="office",
    ),
    "dwp": dict(
        name="Department for Work and Pensions (Jobcentre Plus)",
        description="The government department responsible for benefits, pensions and child "
        "maintenance, and for Jobcentre Plus offices. Contact details here are fictional.",
        website="https://dwp.example.org",
        email="enquiries@dwp.example.org",
        phones=("drama-020", 100),
        area="england",
        hours="dwp",
    ),
    "citizens-advice": dict(
        name="Citizens Advice Trafford (demo)",
        description="A demo entry for a local independent advice charity giving free, "
        "confidential advice on money, benefits, debt, housing, work and consumer problems. "
        "Its details are fictional.",
        website="https://citizens-advice-trafford.example.org",
        email="advice@citizens-advice-trafford.example.org",
        phones=("drama-01632", 450),
        area="trafford",
        hours="office",
    ),
    "food-bank": dict(
        name="Trafford Community Food Bank Network (demo)",
        description="A fictional network of community food banks and pantries across Trafford, "
        "run by volunteers from churches, mosques and community centres.",
        website="https://trafford-foodbank.example.org",
        email="hello@trafford-foodbank.example.org",
        phones=("drama-01632", 500),
        area="trafford",
        hours="office",
    ),
    "mersey-bank": dict(
        name="Mersey Bank Homes (demo)",
        description="A fictional housing association with around 9,000 homes for social and "
        "affordable rent in Trafford.",
        website="https://merseybankhomes.example.org",
        email="tenants@merseybankhomes.example.org",
        phones=("drama-01632", 550),
        area="trafford",
        hours="contact-centre",
    ),
    "lune-irwell": dict(
        name="Lune and Irwell Housing Group (demo)",
        description="A fictional housing association with homes for rent, retirement living and "
        "shared ownership in Trafford and in the Lancaster district.",
        website="https://lune-irwell.example.org",
        email="customers@lune-irwell.example.org",
        phones=("drama-01632", 800),
        area="trafford+lancaster",
        hours="office",
    ),
    "safe-haven": dict(
        name="Safe Haven Domestic Abuse Service (demo)",
        description="A fictional specialist domestic abuse charity for Trafford offering a "
        "helpline, refuge, and support for adults and children affected by abuse.",
        website="https://safehaven-trafford.example.org",
        email="support@safehaven-trafford.example.org",
        phones=("drama-01632", 600),
        area="trafford",
        hours="office",
    ),
    "carers": dict(
        name="Trafford Carers Together (demo)",
        description="A fictional carers' centre supporting unpaid carers of all ages who look "
        "after a family member or friend.",
        website="https://traffordcarers.example.org",
        email="hello@traffordcarers.example.org",
        phones=("drama-01632", 630),
        area="trafford",
        hours="office",
    ),
    "clearway": dict(
        name="Clearway Recovery Trafford (demo)",
        description="A fictional free and confidential drug and alcohol service for adults, "
        "young people and families in Trafford.",
        website="https://clearway-recovery.example.org",
        email="referrals@clearway-recovery.example.org",
        phones=("drama-01632", 660),
        area="trafford",
        hours="office",
    ),
    "open-door": dict(
        name="Open Door Mental Health Trafford (demo)",
        description="A fictional local mental health charity offering peer support, wellbeing "
        "courses and out-of-hours crisis support.",
        website="https://opendoor-mh.example.org",
        email="hello@opendoor-mh.example.org",
        phones=("drama-01632", 690),
        area="trafford",
        hours="office",
    ),
    "silver-threads": dict(
        name="Silver Threads Trafford (demo)",
        description="A fictional charity for older people in Trafford: advice, befriending, "
        "lunch clubs, help at home and activities.",
        website="https://silverthreads.example.org",
        email="info@silverthreads.example.org",
        phones=("drama-01632", 720),
        area="trafford",
        hours="office",
    ),
    "youth-compass": dict(
        name="Youth Compass Trafford (demo)",
        description="A fictional youth charity for young people aged 11 to 25: youth clubs, "
        "counselling, and help into education, training and work.",
        website="https://youthcompass.example.org",
        email="hello@youthcompass.example.org",
        phones=("drama-01632", 750),
        area="trafford",
        hours="office",
    ),
    "welcome-house": dict(
        name="Welcome House Refugee Support (demo)",
        description="A fictional charity welcoming refugees and people seeking asylum in "
        "Greater Manchester with advice, English classes and community.",
        website="https://welcomehouse.example.org",
        email="advice@welcomehouse.example.org",
        phones=("drama-01632", 780),
        area="greater-manchester",
        hours="office",
    ),
    "clear-path": dict(
        name="Clear Path Debt Advice (demo)",
        description="A fictional national debt advice charity offering free, impartial debt "
        "advice by phone and online across England.",
        website="https://clearpath-debt.example.org",
        email="help@clearpath-debt.example.org",
        phones=("drama-020", 400),
        area="england",
        hours="helpline",
    ),
    "forget-me-not": dict(
        name="Forget-me-not Bereavement Support (demo)",
        description="A fictional bereavement charity supporting adults, children and families "
        "in Trafford after someone has died.",
        website="https://forgetmenot-bereavement.example.org",
        email="support@forgetmenot-bereavement.example.org",
        phones=("drama-01632", 850),
        area="trafford",
        hours="office",
    ),
}

# ---------------------------------------------------------------------------------------
# Services, by organisation: S(name, LGSL code or None, categories, description, **options)
# ---------------------------------------------------------------------------------------

TRAFFORD = [
    # Bins, recycling and the street scene
    S("Report a missed bin collection", 524, "Environment",
      "Tell us if your black, blue, brown or green bin was not emptied on your collection day. "
      "Report it within two working days and the crew will come back to empty it. Leave the bin "
      "out at the kerb until it has been collected."),
    S("Find your bin collection day", 524, "Environment",
      "Find out which day your bins are collected and which bin goes out each week. Collection "
      "days can change after bank holidays and at Christmas, and we can send you a reminder by "
      "e-mail or text."),
    S("Order a new or replacement bin", 526, "Environment",
      "Order a new, extra or replacement wheelie bin or recycling box if yours is lost, stolen or "
      "broken, or you have just moved into a new-build home. There is a delivery charge for most "
      "new bins."),
    S("Bulky waste collection", 528, "Environment",
      "Book a collection of large household items such as sofas, beds, mattresses, fridges, "
      "washing machines and furniture. You pay per item when you book, with a reduced price for "
      "people on some benefits.",
      fees="From £25 for up to three items; reduced price for people on means-tested benefits."),
    S("Garden waste collection subscription", 530, "Environment",
      "Pay for a yearly subscription to have your green garden waste bin emptied every two weeks. "
      "Grass cuttings, hedge trimmings, leaves and small branches can go in it."),
    S("Recycling: what goes in which bin", 533, "Environment",
      "Check what can be recycled in your blue, brown and black bins, including glass, cans, "
      "plastic bottles, paper, cardboard and food waste. You can also ask for extra recycling bags "
      "or food caddies."),
    S("Assisted bin collection", 854, "Environment Health",
      "If you cannot put your bin out because of age, disability or illness and no one in your "
      "home can help, the crew can collect it from your property and return it. You can apply by "
      "phone or online.",
      eligibility="Residents who cannot move their bins and have no one at home who can help."),
    S("Household waste recycling centre, Trafford Park", 531, "Environment",
      "Take household rubbish, garden waste, DIY waste, electrical items and recycling to the tip "
      "yourself. Residents need to book a time slot, and vans and trailers need a permit.",
      hours="recycling-centre", at=("trafford-park-hwrc",)),
    S("Clinical waste collection at home", 859, "Environment Health",
      "Free collection of clinical waste from people treated at home, such as needles, dressings "
      "and dialysis waste. A health professional usually needs to confirm the request."),
    S("Hazardous waste disposal", 850, "Environment",
      "Advice and collections for hazardous household waste such as asbestos sheets, gas bottles, "
      "chemicals, paint and oil. Do not put these in your bins."),
    S("Report fly-tipping", 587, "Environment Safety",
      "Report rubbish that has been dumped illegally on streets, alleys, parks or open land. Tell "
      "us what it is and exactly where, and any details of who dumped it or vehicle registrations. "
      "We clear it and investigate offenders."),
    S("Report litter or request street cleaning", 580, "Environment",
      "Report litter, broken glass, overflowing litter bins or streets that need sweeping. We also "
      "clear leaves and mud from pavements and roads."),
    S("Report dog fouling", 577, "Environment",
      "Report dog mess on pavements, parks and playing fields so we can clean it up and patrol the "
      "area. You can report people who do not pick up after their dog."),
    S("Report graffiti", 584, "Environment Safety",
      "Report graffiti on public buildings, walls, bus shelters and street furniture. Offensive or "
      "racist graffiti is removed within one working day."),
    S("Report fly-posting", 588, "Environment",
      "Report illegal posters and stickers on lamp posts, walls, bridges and utility boxes so we "
      "can remove them and take action against the people responsible. Posters for events and "
      "businesses on street furniture are usually illegal."),
    S("Dead animal removal", 576, "Environment",
      "Report dead animals such as foxes, cats, dogs, badgers or birds on roads, pavements and "
      "public land so we can remove them. If a pet has died we will try to contact the owner if "
      "the animal is microchipped."),
    S("Report an abandoned vehicle", 372, "Environment Transport",
      "Report a car or van that looks abandoned, for example with flat tyres, no number plates, "
      "broken windows or no tax. We check it and can remove it from the road."),
    S("Discarded needles and syringes", 428, "Environment Safety Health",
      "Report needles, syringes or drug paraphernalia found in public places. Do not touch them: "
      "we aim to remove them within two hours during working hours."),
    S("Noise complaints", 412, "Environment Safety Housing",
      "Complain about noise from neighbours, loud music, parties, barking dogs, alarms, building "
      "work or businesses. We can investigate, monitor the noise and serve an abatement notice "
      "where it is a statutory nuisance."),
    S("Pest control", 431, "Environment Health Housing",
      "Book a visit to treat rats, mice, cockroaches, bedbugs, wasps and fleas in your home or "
      "garden. There is a charge for most treatments, with discounts for people on some benefits.",
      fees="Charges apply; rats and mice are treated free for people on means-tested benefits."),
    S("Stray dogs and dog warden", 432, "Environment Safety",
      "Report a stray or lost dog, or a dangerous or nuisance dog. The dog warden collects strays, "
      "reunites lost dogs with their owners and gives advice on responsible dog ownership."),
    S("Bonfires, smoke and smells nuisance", 416, "Environment Health",
      "Complain about smoke from bonfires, smells from businesses or drains, dust, or light "
      "shining into your home. Environmental health can investigate and take action."),
    S("Air quality and pollution", 413, "Environment Health",
      "Information about air pollution in Trafford, smoke control areas and wood burners, and how "
      "to report industrial pollution or vehicles idling outside schools. You can also ask for "
      "advice on asthma-friendly routes and clean air at home."),
    S("Report a food hygiene problem", 407, "Environment Health",
      "Complain about dirty restaurants or takeaways, food poisoning, out-of-date food or pests in "
      "food shops. Food safety officers inspect businesses and can close them if there is a "
      "serious risk."),
    S("Register a food business", 390, "Work Environment",
      "Register a new food business, home bakery, market stall or food van at least 28 days before "
      "you start trading. Registration is free and you will get advice on food hygiene."),
    S("Environmental health out-of-hours emergencies", 601, "Environment Safety",
      "Out-of-hours help for environmental health emergencies such as serious noise, dangerous "
      "dogs, loss of water or heating in rented homes and major food safety problems. For urgent "
      "problems with a private landlord or a dangerous dog at night, call this line.",
      hours="out-of-hours"),
    S("Blocked drains and sewers advice", 664, "Environment Housing",
      "Advice on blocked drains, sewer smells and flooding from drains, including who is "
      "responsible: you, your landlord, the water company or the council. If sewage is coming into "
      "your home, contact the water company straight away."),
    S("Allotments", 510, "Environment Community",
      "Apply for an allotment plot, join the waiting list or report a problem on a council "
      "allotment site. Half plots are available for beginners."),
    S("Parks, playgrounds and open spaces", 461, "Environment Community",
      "Information about Trafford's parks, playgrounds, green spaces and events, and how to report "
      "damaged play equipment, benches or paths in a park. You can also book a pitch or ask about "
      "holding an event in a park."),
    S("Council trees and tree preservation orders", 508, "Environment",
      "Report a dangerous or overhanging tree on council land or a street, or ask whether a tree "
      "is protected by a tree preservation order before you prune or fell it. Trees on private "
      "land are the owner's responsibility."),
    S("Commercial waste collection", 517, "Work Environment",
      "Waste and recycling collections for shops, offices, pubs and other businesses. Businesses "
      "must not use household bins and must have a waste contract."),
    # Roads, pavements, parking and transport
    S("Report a pothole", 557, "Transport Safety",
      "Report potholes, cracks and sunken road surfaces on council roads. Tell us where it is and "
      "how big it is; dangerous potholes are made safe within 24 hours."),
    S("Report a damaged pavement", 537, "Transport Safety",
      "Report broken, uneven or loose paving slabs, trip hazards and damaged kerbs on pavements "
      "and footpaths. If you have tripped and been injured, you can also ask how to make a claim."),
    S("Report a street light fault", 564, "Transport Safety",
      "Report a street light that is out, flickering, on during the day or damaged. Each lamp post "
      "has a number on it that helps us find it."),
    S("Report a traffic light fault", 567, "Transport Safety",
      "Report traffic lights or pedestrian crossing lights that are not working, stuck or damaged. "
      "Faults that make a junction dangerous are fixed as an emergency."),
    S("Winter gritting and snow", 561, "Transport Safety",
      "Find out which roads are gritted in ice and snow, ask for a grit bin to be refilled and get "
      "advice on clearing snow outside your home. Main roads, bus routes and routes to hospitals "
      "and schools are gritted first."),
    S("Road flooding and blocked gullies", 555, "Transport Environment",
      "Report flooding on roads and pavements or blocked roadside drains and gullies. If water is "
      "entering your home call the emergency number."),
    S("Skips and scaffolding on the road", 521, "Transport",
      "Apply for a permit to put a skip, scaffolding or building materials on the road or "
      "pavement, or report one that is blocking the road or has no lights. Skips on the road must "
      "be lit at night and have a permit displayed."),
    S("Report a road obstruction", 550, "Transport Safety",
      "Report anything blocking a road or pavement, such as fallen trees, overgrown hedges, "
      "building materials or vehicles parked on the pavement. If the obstruction is dangerous, "
      "such as a fallen tree across the road, call us straight away."),
    S("Apply for a dropped kerb", 477, "Transport Housing",
      "Apply for a dropped kerb (vehicle crossing) so you can drive onto your property. We check "
      "the site first and there are fees for the survey and the works."),
    S("Blue Badge parking permit", 279, "Transport Health",
      "Apply for or renew a Blue Badge if you have a disability or health condition that makes it "
      "hard to walk or get around. Badge holders can park closer to where they need to go.",
      eligibility="People with mobility problems, hidden disabilities, or who get certain "
      "disability benefits.",
      fees="£10 for a new or renewed badge."),
    S("Disabled parking bay outside your home", 274, "Transport Health Housing",
      "Ask for a disabled parking bay on the street outside your home if you have a Blue Badge and "
      "no off-street parking. Bays are advisory, so other Blue Badge holders can also use them.",
      eligibility="Blue Badge holders without a drive or garage."),
    S("Residents' parking permits", 474, "Transport",
      "Apply for a residents' or visitors' parking permit if you live in a permit zone, such as "
      "the streets near the football and cricket grounds. Permits are checked by civil enforcement "
      "officers and there is a yearly charge."),
    S("Pay or challenge a parking fine", 471, "Transport Money",
      "Pay a penalty charge notice (parking ticket) or challenge it if you think it was issued "
      "unfairly. You pay half if you pay within 14 days."),
    S("Older person's bus pass", 273, "Transport",
      "Apply for a free concessionary bus pass when you reach state pension age. It gives free "
      "off-peak bus travel across England.",
      min_age=66,
      eligibility="People who have reached state pension age and live in Trafford."),
    S("Disabled person's bus pass", 280, "Transport Health",
      "Apply for a free bus pass if you have a disability, for example you are blind or partially "
      "sighted, cannot drive on medical grounds or get certain disability benefits. Some passes "
      "also allow a companion to travel free."),
    S("Road closures and roadworks", 570, "Transport",
      "Find out about planned road closures, diversions and roadworks, or report roadworks that "
      "are unsafe or overrunning. Utility companies must tell us about their works, and we can "
      "take action if they overrun."),
    S("Street name signs", 541, "Transport",
      "Report a missing, damaged or dirty street name sign, or ask about naming a new street or "
      "numbering a new property. New streets and buildings must be named and numbered through the "
      "council."),
    S("Road safety and speed limits", 571, "Transport Safety",
      "Raise concerns about speeding traffic, ask for a speed limit review or traffic calming, or "
      "find out about road safety training for children. We look at collision records before "
      "deciding on new measures."),
    S("Community transport (demo dial-a-ride)", 272, "Transport Health Community",
      "Door-to-door minibus transport for people who cannot use ordinary buses because of age, "
      "disability or where they live. Trips to shops, appointments and day centres must be booked "
      "in advance."),
    # Housing
    S("Homelessness advice and prevention", 112, "Housing",
      "Get help if you are homeless, sleeping rough, have been told to leave, or are worried about "
      "losing your home because of eviction, arrears or relationship breakdown. We will assess "
      "your situation and help you keep your home or find somewhere else.",
      at=("trafford-civic",)),
    S("Emergency homelessness out of hours", 1714, "Housing Safety",
      "If you are homeless tonight and have nowhere safe to stay, call the out-of-hours "
      "homelessness line. We can arrange emergency accommodation for people in priority need.",
      hours="out-of-hours", freephone=True),
    S("Join the housing register", 92, "Housing",
      "Apply to join the housing register to bid for social housing from housing associations in "
      "Trafford. Your application is given a band based on your housing need.",
      eligibility="Adults with a local connection to Trafford, subject to immigration status."),
    S("Housing Benefit", 69, "Money Housing",
      "Help to pay your rent if you are on a low income and pension age, or live in supported or "
      "temporary accommodation. Most working-age people claim help with rent through Universal "
      "Credit instead."),
    S("Discretionary Housing Payment", 1148, "Money Housing",
      "Extra short-term help with rent if you get Housing Benefit or the housing element of "
      "Universal Credit and still cannot afford your rent, for example because of the bedroom tax "
      "or benefit cap. It can also help with a deposit or rent in advance when you move to a "
      "cheaper home."),
    S("Disabled facilities grant", 137, "Housing Health",
      "A grant to pay for adaptations to your home if you or someone you live with is disabled, "
      "such as a stairlift, level-access shower, ramp or wider doors. An occupational therapist "
      "assesses what you need."),
    S("Private renting: disrepair and landlord problems", 652, "Housing",
      "Advice for private tenants about damp and mould, disrepair, unsafe gas or electrics, "
      "illegal eviction and harassment by a landlord. We can inspect your home and make landlords "
      "do repairs."),
    S("Houses in multiple occupation (HMO) licensing", 898, "Housing",
      "Landlords must license larger shared houses (HMOs). Tenants can check whether a shared "
      "house is licensed and report overcrowding or poor conditions."),
    S("Report an empty home", 913, "Housing Environment",
      "Tell us about a home that has been empty for a long time or is attracting vandalism and "
      "rubbish. Owners can get advice and help to bring empty homes back into use."),
    S("Sheltered and supported housing", 107, "Housing Health",
      "Information about sheltered housing and extra care schemes for older people and supported "
      "housing for people with disabilities or support needs. Most schemes have a warden or scheme "
      "manager and a community alarm.",
      min_age=55),
    S("Home energy and warm homes grants", 1552, "Housing Money Environment",
      "Grants and advice to make your home warmer and cheaper to heat, including insulation, new "
      "boilers and heat pumps for people on low incomes or with health conditions. Advisers can "
      "also help if you are struggling to pay energy bills or have a cold, damp home."),
    # Council tax, benefits and money
    S("Pay council tax or ask about your bill", 58, "Money",
      "Pay your council tax, set up a Direct Debit, tell us you have moved home, or ask about your "
      "council tax bill and band. You can also ask to spread payments over 12 months instead of "
      "10."),
    S("Council tax arrears and payment plans", 58, "Money",
      "If you are behind with council tax or have received a reminder, summons or enforcement "
      "letter, contact us as soon as possible to agree an affordable payment plan and stop further "
      "action. If you miss payments you can lose the right to pay by instalments, so it is best to "
      "call early."),
    S("Council tax discounts, including single person discount", 59, "Money",
      "Apply for a 25% single person discount if you are the only adult in your home, or other "
      "discounts for carers, people with a severe mental impairment and disabled people whose home "
      "has been adapted. Tell us straight away if someone moves in or out of your home."),
    S("Council tax exemptions", 60, "Money",
      "Find out if your property is exempt from council tax, for example if everyone is a "
      "full-time student, the owner has died, or the home is empty because the owner is in care or "
      "hospital. Homes lived in only by people with a severe mental impairment may also be "
      "exempt."),
    S("Council Tax Support", 63, "Money",
      "Help to pay your council tax if you are on a low income or claim benefits. You can get up "
      "to 100% off your bill if you are of pension age."),
    S("Business rates", 56, "Money Work",
      "Pay business rates, ask about your bill, or tell us you have moved into or out of business "
      "premises. You can also ask for a bill to be paid in 12 monthly instalments."),
    S("Business rates relief", 55, "Money Work",
      "Apply for small business rate relief, charity relief, retail relief or hardship relief to "
      "reduce your business rates bill. Relief can reduce the bill for small businesses to "
      "nothing."),
    S("Welfare rights advice", 189, "Money",
      "Free help to check which benefits you are entitled to, fill in forms for PIP, Attendance "
      "Allowance and Universal Credit, and challenge benefit decisions at mandatory "
      "reconsideration and appeal. Advisers can visit people at home if they cannot get out."),
    S("Household Support Fund and crisis help", 190, "Money Health",
      "Emergency help for households who cannot afford food, energy or essential items, such as "
      "supermarket vouchers, fuel top-ups and white goods. Apply by phone or through a support "
      "worker.",
      eligibility="Trafford residents in financial crisis, usually on a low income or benefits."),
    S("Free school meals", 4, "Education Money Family",
      "Apply for free school meals for your child if you get Universal Credit (with low earnings) "
      "or certain other benefits. Infants in reception to year 2 get free meals automatically.",
      min_age=4, max_age=18),
    S("School uniform grant", 2, "Education Money Family",
      "Help with the cost of school uniform for children starting secondary school whose families "
      "get free school meals. The grant is paid once, in the summer before year 7.",
      min_age=10, max_age=12),
    # Schools, children and families
    S("Primary school admissions", 13, "Education Family",
      "Apply for a reception place at primary school for a child starting school in September. "
      "Applications open in the autumn and close on 15 January.",
      min_age=3, max_age=5),
    S("Secondary school admissions", 14, "Education Family",
      "Apply for a year 7 secondary school place, including grammar schools. Apply by 31 October "
      "in the year before your child starts; the closing date for the Trafford grammar school test "
      "is earlier.",
      min_age=10, max_age=11),
    S("In-year school transfers", 14, "Education Family",
      "Apply for a school place outside the normal admission round, for example if you move into "
      "Trafford or want to change your child's school during the school year. We will tell you "
      "which schools have places and how long it will take.",
      min_age=4, max_age=16),
    S("School admission appeals", 705, "Education Family",
      "Appeal if your child has been refused a place at a school you applied for. An independent "
      "panel hears the appeal."),
    S("Free early education and childcare for 2, 3 and 4 year olds", 1741, "Education Family Money",
      "Find out about free nursery and childcare hours for 2 year olds from families on lower "
      "incomes and for all 3 and 4 year olds, plus extra hours for working parents. You need a "
      "code to give to your childcare provider, and you must reconfirm it every three months.",
      min_age=0, max_age=4),
    S("Home to school transport", 3, "Education Transport Family",
      "Apply for free or help with school transport if your child lives beyond walking distance of "
      "their nearest suitable school or cannot walk there safely. This may be a bus pass, a seat "
      "on a school bus or a mileage allowance.",
      min_age=4, max_age=16),
    S("School transport for children with SEND", 40, "Education Transport Family",
      "Transport to school or college for children and young people with special educational needs "
      "and disabilities who cannot travel independently. Transport is arranged as part of your "
      "child's education, health and care plan or SEN support.",
      min_age=4, max_age=25),
    S("Education, health and care needs assessment (EHCP)", 9, "Education Family Health",
      "Ask for an education, health and care needs assessment if your child has special "
      "educational needs and needs more support than their school or nursery can give. Parents, "
      "schools and young people can request one.",
      min_age=0, max_age=25),
    S("SEND local offer and speech and language support", 1788, "Education Family Health",
      "Information about support for children and young people with special educational needs and "
      "disabilities, including help with speech, language and communication. It covers nurseries, "
      "schools, short breaks, health services and preparing for adulthood.",
      min_age=0, max_age=25),
    S("Elective home education", 1, "Education Family",
      "Advice for parents who want to educate their child at home or take them out of school, and "
      "what the council must check. An adviser can visit to talk about your plans and resources."),
    S("School attendance support", 35, "Education Family",
      "Help if your child is missing school, refusing to go or being excluded, and information "
      "about fines for unauthorised absence and term-time holidays. An education welfare officer "
      "can work with you and the school."),
    S("School term dates", 36, "Education Family",
      "Term dates, holidays and training days for community schools in Trafford. Academies and "
      "faith schools may set their own dates, so check with the school."),
    S("Family information service", 1579, "Family Education",
      "Free information for parents and carers about childcare, nurseries, childminders, "
      "after-school clubs, activities for children and help with childcare costs. It also keeps "
      "the directory of registered childminders and nurseries."),
    S("Worried about a child (children's social care)", 266, "Family Safety",
      "Contact children's social care if you are worried that a child is being abused, neglected "
      "or is at risk of harm. If a child is in immediate danger call 999.",
      freephone=True),
    S("Children's social care out of hours", 312, "Family Safety",
      "The emergency duty team deals with urgent concerns about children's and adults' safety "
      "outside office hours, at night, at weekends and on bank holidays. If a child or adult is in "
      "immediate danger, call 999.",
      hours="out-of-hours", freephone=True),
    S("Fostering with Trafford", 159, "Family",
      "Find out about becoming a foster carer, the support and allowances you get and how to "
      "apply. We need carers for teenagers, brothers and sisters and short breaks.",
      min_age=21),
    S("Adoption", 160, "Family",
      "Find out about adopting a child, who can adopt, the assessment process and support after "
      "adoption. Single people, couples, same-sex couples and people who rent can all adopt.",
      min_age=21),
    S("Family hubs and children's centres", 53, "Family Health",
      "Family hubs offer stay-and-play sessions, baby clinics, parenting courses, breastfeeding "
      "support and early help for families with children aged 0 to 19. Anyone with a child can "
      "drop in, and staff can link you with midwives and health visitors.",
      at=("timperley-hub", "partington-hub", "old-trafford-centre"), max_age=19),
    S("Early help for families", 837, "Family",
      "Support for families who are struggling with issues such as parenting, behaviour, school "
      "attendance, money or housing before problems get worse. A family worker agrees a plan with "
      "you."),
    S("Short breaks for disabled children", 260, "Family Health",
      "Short breaks and activities for disabled children and young people that give parents and "
      "carers a break from caring. A social worker or family worker will talk with you about what "
      "would help.",
      max_age=18),
    S("Child performance and employment licences", 48, "Family Work",
      "Licences for children who perform in shows, films or modelling, and work permits for "
      "children with part-time jobs. Schools and employers must make sure a licence or permit is "
      "in place.",
      max_age=16),
    S("Holiday activities and food programme", 18, "Family Education Money",
      "Free holiday clubs with a healthy meal during the Easter, summer and Christmas holidays for "
      "children who get free school meals. Places are booked online through the school or the "
      "council.",
      min_age=5, max_age=16),
    S("Youth service", 837, "Family Community",
      "Youth clubs, detached youth workers and activities for young people aged 11 to 19 (up to 25 "
      "with a disability). Youth workers can also help with relationships, sexual health and "
      "staying safe.",
      hours="youth-evenings", min_age=11, max_age=25),
    # Adult social care and health
    S("Adult social care needs assessment", 209, "Health",
      "Ask for an assessment if you or someone you know needs help with daily living, such as "
      "washing, dressing, eating or getting about at home. We look at what support you need and "
      "whether you are eligible for council help.",
      min_age=18),
    S("Carer's assessment", 225, "Health Family",
      "An assessment for unpaid carers looking after a relative or friend, to find out what "
      "support could help, such as breaks from caring or equipment. You can have an assessment "
      "even if the person you care for does not get council services.",
      min_age=18),
    S("Report abuse of an adult (safeguarding)", 731, "Safety Health",
      "Tell us if you are worried that an adult with care and support needs is being abused, "
      "neglected or exploited, including financial abuse and self-neglect. In an emergency call "
      "999.",
      freephone=True),
    S("Equipment and adaptations for daily living", 178, "Health Housing",
      "Equipment such as grab rails, bath seats, raised toilet seats and hoists to help disabled "
      "and older people stay independent at home. An occupational therapist may visit."),
    S("Community alarms and telecare", 313, "Health Safety",
      "A personal alarm pendant or sensors that call for help if you fall or become unwell at "
      "home, monitored 24 hours a day. There is a weekly charge.",
      fees="Weekly charge; free for six weeks after a hospital stay."),
    S("Direct payments for care", 287, "Health Money",
      "Receive money from the council to arrange and pay for your own care and support instead of "
      "having services arranged for you. You can use them to employ a personal assistant or pay an "
      "agency."),
    S("Day centres for adults", 296, "Health Community",
      "Day services for older people and adults with learning or physical disabilities, offering "
      "activities, meals and company. Transport to and from the centre can sometimes be arranged."),
    S("Meals at home", 315, "Health",
      "Hot or frozen meals delivered to people who cannot cook for themselves because of age, "
      "illness or disability. Special diets, including halal, vegetarian and soft food, can be "
      "provided."),
    S("Help to return home from hospital", 833, "Health",
      "Short-term reablement support at home after a hospital stay to help you regain confidence "
      "and independence, usually free for up to six weeks. Hospital staff usually make the "
      "referral before you are discharged."),
    S("Paying for care and financial assessments", 1743, "Health Money",
      "Find out how much you may have to pay towards care at home or in a care home, and ask for a "
      "financial assessment. Your savings, income and property are taken into account."),
    S("Care homes and residential care", 292, "Health Housing",
      "Information about choosing a care home or nursing home, how placements are arranged and how "
      "they are paid for. We can also give advice about paying for a care home and what happens to "
      "your home.",
      min_age=18),
    S("Stop smoking service", 1746, "Health",
      "Free support to stop smoking or vaping, with advice from a trained adviser and nicotine "
      "replacement products or vapes. Support is available face to face, by phone or online, and "
      "pregnant women get extra help.",
      min_age=12),
    S("NHS Health Check", 1747, "Health",
      "A free health check for adults aged 40 to 74 to spot early signs of heart disease, stroke, "
      "diabetes and kidney disease. Your GP surgery will usually invite you, but you can also ask "
      "for one.",
      min_age=40, max_age=74),
    # Registration, democracy, libraries and community
    S("Register a birth", 319, "Community Family",
      "Book an appointment to register a baby's birth within 42 days. Both parents should attend "
      "if they are not married or in a civil partnership.",
      at=("sale-access",), hours="office"),
    S("Register a death", 321, "Community Family",
      "Book an appointment to register a death within five days, after the doctor has issued the "
      "medical certificate. We can tell other council services through Tell Us Once.",
      at=("sale-access",), hours="office"),
    S("Give notice of marriage or civil partnership", 876, "Community",
      "Book an appointment to give notice of marriage or civil partnership at least 29 days before "
      "the ceremony, and find out about ceremonies. Both partners must attend and bring proof of "
      "identity, address and nationality.",
      at=("sale-access",)),
    S("Citizenship ceremonies", 852, "Community",
      "Book your British citizenship ceremony after your application has been approved by the Home "
      "Office. Private ceremonies can also be booked for a fee."),
    S("Copies of birth, death and marriage certificates", 663, "Community",
      "Order copies of birth, death, marriage and civil partnership certificates for events "
      "registered in Trafford. You need a certified copy for passports, pensions and probate."),
    S("Register to vote and the electoral register", 364, "Community",
      "Register to vote, update your details on the electoral register, or ask about the yearly "
      "household canvass. You need to be registered to vote in elections and it can help your "
      "credit rating."),
    S("Postal and proxy votes", 1013, "Community",
      "Apply to vote by post or by proxy if you cannot get to your polling station. Applications "
      "must reach us before the deadline for each election."),
    S("Find your councillor", 358, "Community",
      "Find out who your local councillors are, how to contact them and when they hold surgeries. "
      "Councillors can help with problems with council services in your ward."),
    S("Complaints about the council", 353, "Community",
      "Make a complaint about a council service, give a compliment, or take a complaint further if "
      "you are unhappy with our answer. If you are still unhappy you can go to the Local "
      "Government and Social Care Ombudsman."),
    S("Sale Library", 437, "Community Education",
      "Borrow books, e-books and audiobooks, use free computers and Wi-Fi, and join children's "
      "rhyme times and reading groups. Library staff can help with council enquiries.",
      hours="library", at=("sale-library",)),
    S("Stretford Library", 437, "Community Education",
      "Books, free computers and Wi-Fi, printing, homework help and children's activities in "
      "Stretford. Library staff can also help with council enquiries.",
      hours="library", at=("stretford-library",)),
    S("Altrincham Library", 437, "Community Education",
      "Books, study space, free computers and Wi-Fi, local history and a council access point in "
      "Altrincham town centre. You can also get help with council tax, benefits and bin enquiries "
      "at the access point.",
      hours="library", at=("altrincham-library",)),
    S("Urmston Library", 437, "Community Education",
      "Books, free computers and Wi-Fi, printing and activities for children and adults in "
      "Urmston. Join for free with proof of address.",
      hours="library-small", at=("urmston-library",)),
    S("Home library service", 437, "Community Health",
      "Free delivery of library books, audiobooks and large-print books to people who cannot get "
      "to a library because of age, illness, disability or caring responsibilities. Volunteers "
      "deliver books every few weeks."),
    S("Digital help at the library", 442, "Community Education Work",
      "Free one-to-one help to get online, use e-mail, apply for jobs and claim Universal Credit "
      "online, using library computers or your own device. Sessions are free and no booking is "
      "needed.",
      hours="library", at=("sale-library", "stretford-library")),
    S("Anti-social behaviour team", 1485, "Safety Housing",
      "Report ongoing anti-social behaviour such as nuisance neighbours, intimidation, street "
      "drinking or groups causing trouble. The team works with the police and housing providers."),
    S("Hate crime reporting centre", 1133, "Safety Community",
      "Report a hate incident or crime based on race, religion, disability, sexual orientation or "
      "gender identity, without going to the police if you prefer. Staff will support you and pass "
      "it on with your agreement.",
      at=("trafford-civic",)),
    S("CCTV footage requests", 498, "Safety",
      "Ask whether council CCTV cameras recorded an incident and how the police or insurers can "
      "request footage. You can also ask to see footage of yourself under data protection law."),
    S("Premises and alcohol licences", 860, "Work Community",
      "Apply for a premises licence to sell alcohol, serve late-night food or hold events, or "
      "object to an application near you. Temporary event notices are needed for one-off events "
      "such as parties selling alcohol."),
    S("Taxi and private hire licensing", 634, "Work Transport",
      "Apply for a taxi or private hire driver, vehicle or operator licence, or complain about a "
      "licensed taxi driver. If you have left something in a taxi, contact the taxi company "
      "first."),
    S("Street party permission", 1580, "Community",
      "Ask for permission to close your road for a street party or community event. Apply at least "
      "six weeks before the event; there is no charge for residents' parties."),
    S("Trading standards and consumer complaints", 787, "Money Safety",
      "Report rogue traders, doorstep crime, scams, fake goods and unsafe products. For consumer "
      "advice about a purchase, contact the consumer helpline first."),
    S("Planning applications and advice", 487, "Housing Community",
      "Apply for planning permission, comment on a neighbour's planning application, or report "
      "building work without planning permission. You can also check whether you need planning "
      "permission for an extension, fence or outbuilding."),
    S("Pre-application planning advice", 1737, "Housing Work",
      "Get advice from a planning officer before you submit a planning application. There is a fee "
      "for this service.",
      fees="Fees depend on the size of the scheme."),
    S("Building control", 499, "Housing Safety",
      "Building regulations approval for extensions, loft conversions and structural work, and "
      "inspections while the work is done. You can also report dangerous building work or building "
      "without approval."),
    S("Dangerous buildings and structures", 600, "Safety Housing",
      "Report a building, wall or structure that looks dangerous or likely to collapse. Building "
      "control officers respond 24 hours a day.",
      hours="24/7"),
    S("Community grants", 615, "Community",
      "Small grants for voluntary and community groups running local projects in Trafford. Groups "
      "can get help with funding applications."),
    S("Severe weather and emergencies", 1307, "Safety Community",
      "Updates on council services affected by snow, floods or other emergencies, and how to "
      "prepare your household for an emergency. In a life-threatening emergency always call 999."),
    S("Leisure centres and swimming", 451, "Health Community",
      "Swimming pools, gyms, classes and sports halls, with discounted leisure passes for people "
      "on low incomes, carers and disabled people. Swimming lessons for children and adults are "
      "available at every pool."),
    S("Adult learning courses", 27, "Education Work",
      "Courses for adults in English, maths, ESOL, digital skills, and hobbies, many free for "
      "people on benefits or low wages. Courses run in libraries, community centres and online.",
      min_age=19),
    S("Employment and skills support (demo Trafford Works)", 343, "Work",
      "Free help to find work, write a CV, prepare for interviews and find training or "
      "apprenticeships, for Trafford residents aged 16 and over. Advisers can also help people "
      "with disabilities or health conditions get into work.",
      min_age=16),
    S("Cemeteries, burials and cremations", 1538, "Community Family",
      "Book a burial or cremation, buy a grave, arrange memorials and find out about cemetery "
      "opening times and fees. Funeral directors usually make the booking for you."),
    S("Public health funerals", 329, "Family Money",
      "The council arranges a simple funeral when someone dies and there is no one able or willing "
      "to make funeral arrangements. The cost may be recovered from the person's estate."),
    S("Cost of living hub (2023 pilot)", 190, "Money",
      "A temporary drop-in offering cost of living advice in 2023. This pilot has ended; see the "
      "Household Support Fund and welfare rights advice instead.",
      status="inactive", at=("partington-hub",)),
]

# Lancashire County Council: county-tier services only (GOV.UK "county/unitary" or "all").
LANCASHIRE = [
    S("Report a pothole in Lancashire", 557, "Transport Safety",
      "Report potholes and damaged road surfaces anywhere in Lancashire, including Lancaster and "
      "Morecambe. The county council looks after roads; the city council does not."),
    S("Report a damaged pavement in Lancashire", 537, "Transport Safety",
      "Report broken or uneven pavements, loose slabs and trip hazards on footways in Lancashire. "
      "If you have been injured after a fall, you can ask how to make a claim."),
    S("Report a street light fault in Lancashire", 564, "Transport Safety",
      "Report street lights that are out, flickering or damaged on Lancashire roads. Give the "
      "number on the lamp post if you can."),
    S("Winter gritting in Lancashire", 561, "Transport Safety",
      "Find gritting routes and grit bins, and report icy roads or an empty grit bin. Main roads "
      "and bus routes are gritted first."),
    S("Road flooding and blocked gullies in Lancashire", 555, "Transport Environment",
      "Report flooding on roads and blocked roadside gullies and drains. If water is entering your "
      "home, call the emergency number."),
    S("Dropped kerbs in Lancashire", 477, "Transport Housing",
      "Apply for a dropped kerb so you can park on your drive. The county council checks the site "
      "and there is a fee."),
    S("Road safety and speed limits in Lancashire", 571, "Transport Safety",
      "Ask about speed limits, speeding concerns, school crossing patrols and road safety "
      "education. In two-tier areas road safety is a county council service."),
    S("Blue Badge in Lancashire", 279, "Transport Health",
      "Apply for or renew a Blue Badge disabled parking permit. In Lancashire badges are issued by "
      "the county council, not the district council.",
      eligibility="People with mobility problems, hidden disabilities, or who get certain "
      "disability benefits."),
    S("Older person's bus pass in Lancashire", 273, "Transport",
      "Apply for a free bus pass when you reach state pension age. The pass gives free off-peak "
      "bus travel across England.",
      min_age=66),
    S("Disabled person's bus pass in Lancashire", 280, "Transport Health",
      "Apply for a free bus pass if you have a disability that stops you driving or makes travel "
      "difficult. Apply to the county council, not Lancaster City Council."),
    S("Primary school admissions in Lancashire", 13, "Education Family",
      "Apply for a reception place at a primary school in Lancashire. Applications close on 15 "
      "January for a place the following September.",
      min_age=3, max_age=5),
    S("Secondary school admissions in Lancashire", 14, "Education Family",
      "Apply for a year 7 place at a secondary school in Lancashire, including Lancaster's grammar "
      "schools. Apply by 31 October in the year before your child starts.",
      min_age=10, max_age=11),
    S("Free school meals in Lancashire", 4, "Education Money Family",
      "Apply for free school meals if you get Universal Credit with low earnings or other "
      "qualifying benefits. All infants in reception to year 2 get free meals automatically.",
      min_age=4, max_age=18),
    S("School transport in Lancashire", 3, "Education Transport Family",
      "Apply for help with transport to school if your child lives too far to walk. Children with "
      "special educational needs may get extra help.",
      min_age=4, max_age=16),
    S("SEND assessments in Lancashire", 9, "Education Family Health",
      "Request an education, health and care needs assessment for a child or young person with "
      "special educational needs. Parents, schools and young people can request an assessment.",
      min_age=0, max_age=25),
    S("Free childcare and early education in Lancashire", 1741, "Education Family Money",
      "Funded childcare hours for eligible 2 year olds and all 3 and 4 year olds. You need a code "
      "to give your childcare provider.",
      min_age=0, max_age=4),
    S("Lancashire school term dates", 36, "Education Family",
      "Term and holiday dates for Lancashire community schools. Academies may set their own "
      "dates."),
    S("Lancashire family information service", 1579, "Family Education",
      "Information about childcare, activities and support for families in Lancashire. It covers "
      "childcare costs, nurseries, childminders and holiday clubs."),
    S("Children's social care in Lancashire", 266, "Family Safety",
      "Report concerns that a child is being harmed or neglected. If a child is in immediate "
      "danger call 999.",
      hours="24/7", freephone=True),
    S("Fostering for Lancashire", 159, "Family",
      "Find out about becoming a foster carer for Lancashire County Council. Foster carers get "
      "training, support and an allowance.",
      min_age=21),
    S("Adult social care in Lancashire", 209, "Health",
      "Ask for a care needs assessment for help at home with washing, dressing, meals or getting "
      "about. In Lancashire adult social care is a county council service.",
      min_age=18),
    S("Carers' support in Lancashire", 225, "Health Family",
      "Carer's assessments and support for unpaid carers in Lancashire. Support can include breaks "
      "from caring and help in an emergency.",
      min_age=18),
    S("Safeguarding adults in Lancashire", 731, "Safety Health",
      "Report abuse or neglect of an adult with care and support needs. In an emergency call 999.",
      freephone=True),
    S("Equipment and adaptations in Lancashire", 178, "Health Housing",
      "Equipment and minor adaptations to help disabled and older people live safely at home. An "
      "occupational therapist may visit to assess what you need."),
    S("Direct payments in Lancashire", 287, "Health Money",
      "Arrange your own care and support with money from the county council. You can use them to "
      "employ a personal assistant."),
    S("Paying for care in Lancashire", 1743, "Health Money",
      "Find out what you may pay towards your care and ask for a financial assessment. Your income "
      "and savings are taken into account."),
    S("Lancaster Library", 437, "Community Education",
      "Books, computers, Wi-Fi, study space and children's activities in Lancaster city centre. "
      "Libraries in Lancashire are run by the county council.",
      hours="library", at=("lancaster-library",)),
    S("Morecambe Library", 437, "Community Education",
      "Books, computers, Wi-Fi and activities on the seafront in Morecambe. Join for free with "
      "proof of address.",
      hours="library-small", at=("morecambe-library",)),
    S("Register a birth in Lancashire", 319, "Community Family",
      "Book an appointment to register a birth at Lancaster Register Office within 42 days. Both "
      "parents should attend if they are not married.",
      at=("lancaster-register",), hours="office"),
    S("Register a death in Lancashire", 321, "Community Family",
      "Book an appointment to register a death at Lancaster Register Office. You need the medical "
      "certificate of cause of death from the doctor.",
      at=("lancaster-register",), hours="office"),
    S("Citizenship ceremonies in Lancashire", 852, "Community",
      "Book a British citizenship ceremony in Lancashire. Ceremonies are held at Lancaster "
      "Register Office."),
    S("Lancaster household waste recycling centre", 531, "Environment",
      "Take household rubbish, garden waste and recycling to the tip. In Lancashire the county "
      "council runs recycling centres while Lancaster City Council empties bins.",
      hours="recycling-centre", at=("lancaster-hwrc",)),
    S("Lancashire trading standards", 787, "Money Safety",
      "Report rogue traders, doorstep crime, scams and unsafe goods in Lancashire. Trading "
      "standards is a county council service in Lancashire."),
]

# Lancaster City Council: district-tier services only (GOV.UK "district/unitary" or "all").
LANCASTER = [
    S("Report a missed bin in Lancaster", 524, "Environment",
      "Report a bin that was not emptied on collection day in Lancaster, Morecambe, Carnforth or "
      "the villages. Bins are emptied by Lancaster City Council; leave the bin out until it has "
      "been collected."),
    S("Bin collection days in Lancaster", 524, "Environment",
      "Find out your bin and recycling collection days. Collection days change after bank "
      "holidays."),
    S("Bulky waste collection in Lancaster", 528, "Environment",
      "Book a collection of furniture, beds and large electrical items. Charges apply."),
    S("Garden waste collection in Lancaster", 530, "Environment",
      "Subscribe to the fortnightly green garden waste collection. There is a yearly charge for "
      "the green bin."),
    S("Recycling in Lancaster", 533, "Environment",
      "What goes in your recycling boxes and bins, and how to order more. Glass, cans, plastic "
      "bottles, paper and cardboard can all be recycled at home."),
    S("Report fly-tipping in Lancaster", 587, "Environment Safety",
      "Report rubbish dumped on streets, back alleys or open land. Give as many details as you can "
      "about the waste and who dumped it."),
    S("Street cleaning in Lancaster", 580, "Environment",
      "Report litter, broken glass or streets that need sweeping. We also clear leaves and empty "
      "litter bins."),
    S("Report dog fouling in Lancaster", 577, "Environment",
      "Report dog mess in streets and parks. Officers can fine people who do not clean up after "
      "their dog."),
    S("Report graffiti in Lancaster", 584, "Environment Safety",
      "Report graffiti on public property. Offensive graffiti is removed quickly."),
    S("Report an abandoned vehicle in Lancaster", 372, "Environment Transport",
      "Report a vehicle that looks abandoned on a street or council land. Signs include flat "
      "tyres, no tax and broken windows."),
    S("Noise complaints in Lancaster", 412, "Environment Safety Housing",
      "Complain about noisy neighbours, parties, barking dogs or alarms. The city council's "
      "environmental health team investigates."),
    S("Pest control in Lancaster", 431, "Environment Health Housing",
      "Book treatment for rats, mice, wasps, bedbugs or fleas. Charges apply."),
    S("Dog warden in Lancaster", 432, "Environment Safety",
      "Report stray dogs or dog nuisance. The dog warden also reunites lost dogs with their "
      "owners."),
    S("Food hygiene complaints in Lancaster", 407, "Environment Health",
      "Complain about hygiene at a restaurant, takeaway or food shop. Food safety officers inspect "
      "businesses and can close them."),
    S("Pay council tax in Lancaster", 58, "Money",
      "Pay council tax, ask about your bill, or tell us you have moved. Council tax is collected "
      "by Lancaster City Council for the city, county, police and fire."),
    S("Council tax arrears in Lancaster", 58, "Money",
      "Get help if you are behind with council tax and agree a payment plan. Call early to stop a "
      "summons or enforcement agents."),
    S("Council tax discounts in Lancaster", 59, "Money",
      "Apply for single person discount and other council tax discounts. You may get 25% off if "
      "you live alone."),
    S("Council Tax Support in Lancaster", 63, "Money",
      "Help with council tax if you are on a low income. Pension-age residents can get up to 100% "
      "off their bill."),
    S("Housing Benefit in Lancaster", 69, "Money Housing",
      "Help with rent for pension-age tenants and people in supported housing. Most working-age "
      "people claim help with rent through Universal Credit instead."),
    S("Discretionary Housing Payment in Lancaster", 1148, "Money Housing",
      "Short-term extra help with rent if you get Housing Benefit or Universal Credit housing "
      "costs. It can help with the bedroom tax, the benefit cap or moving costs."),
    S("Homelessness advice in Lancaster", 112, "Housing",
      "Help if you are homeless or at risk of losing your home in the Lancaster district. Housing "
      "and homelessness are city council services.",
      at=("lancaster-csc",)),
    S("Apply for council housing in Lancaster", 92, "Housing",
      "Join the housing register to bid for council and housing association homes. Applications "
      "are banded by housing need."),
    S("Council housing repairs in Lancaster", 141, "Housing",
      "Council tenants can report repairs such as leaks, broken heating and damp. Emergency "
      "repairs are dealt with 24 hours a day.",
      hours="24/7"),
    S("Council home swaps in Lancaster", 88, "Housing",
      "Council tenants can swap homes with another social tenant through a mutual exchange. You "
      "need the landlord's permission before you move."),
    S("Right to Buy in Lancaster", 151, "Housing Money",
      "Council tenants may be able to buy their home at a discount. The discount depends on how "
      "long you have been a tenant."),
    S("Disabled facilities grant in Lancaster", 137, "Housing Health",
      "Grants for adaptations such as stairlifts, ramps and level-access showers. In two-tier "
      "areas this grant is run by the district council."),
    S("Planning applications in Lancaster", 487, "Housing Community",
      "Apply for planning permission or comment on a planning application. You can also report "
      "building work without permission."),
    S("Building control in Lancaster", 499, "Housing Safety",
      "Building regulations approval and inspections. Officers also deal with dangerous "
      "structures."),
    S("Tree preservation orders in Lancaster", 508, "Environment",
      "Check if a tree is protected and apply to carry out work on it. Trees in conservation areas "
      "are also protected."),
    S("Electoral registration in Lancaster", 364, "Community",
      "Register to vote and update the electoral register in the Lancaster district. You can also "
      "apply for a postal vote."),
    S("Premises licences in Lancaster", 860, "Work Community",
      "Apply for an alcohol or entertainment licence. Residents can comment on licence "
      "applications near them."),
    S("Taxi licensing in Lancaster", 634, "Work Transport",
      "Taxi and private hire driver, vehicle and operator licences. You can also complain about a "
      "licensed taxi driver."),
    S("Parks and open spaces in Lancaster", 461, "Environment Community",
      "Parks, playgrounds, beaches and promenades looked after by the city council. You can report "
      "damaged play equipment or benches."),
    S("Allotments in Lancaster", 510, "Environment Community",
      "Apply for an allotment in the Lancaster district. There may be a waiting list for popular "
      "sites."),
    S("Business rates in Lancaster", 56, "Money Work",
      "Pay business rates and apply for relief. Small businesses may get their bill reduced to "
      "nothing."),
    S("Morecambe council access point", 353, "Community",
      "Face-to-face help with council tax, benefits and housing enquiries in Morecambe, and how to "
      "make a complaint about a city council service. Appointments are not always needed.",
      at=("morecambe-access",)),
]

NHS_ENGLAND = [
    S("NHS 111: urgent medical help", None, "Health",
      "Get urgent medical help or advice when it is not a 999 emergency: call 111 or use 111 "
      "online. A trained adviser can arrange a call back from a nurse or doctor, an urgent "
      "appointment, or an emergency dental or mental health service.",
      freephone=True),
    S("Register with a GP surgery", None, "Health",
      "Anyone in England can register with a GP surgery for free; you do not need proof of "
      "address, immigration status or an NHS number. Ask the surgery for a registration form or "
      "register online.",
      hours="office"),
    S("Pharmacy First: minor illnesses at a pharmacy", None, "Health",
      "Pharmacists can assess and treat common conditions such as sore throat, earache, sinusitis, "
      "urinary tract infections, impetigo and shingles without a GP appointment. Many pharmacies "
      "are open in the evening and at weekends.",
      hours="helpline"),
    S("Find an NHS dentist and urgent dental care", None, "Health",
      "Help to find a dentist taking NHS patients, and urgent dental treatment for severe "
      "toothache, swelling or dental injury. For urgent dental problems out of hours, call NHS "
      "111.",
      hours="helpline"),
    S("Help with health costs", None, "Health Money",
      "Help with prescription charges, dental treatment, glasses and travel to hospital if you are "
      "on a low income, including the NHS Low Income Scheme and prescription prepayment "
      "certificates. People on Universal Credit with low earnings, pension credit or income-based "
      "benefits usually get free prescriptions.",
      hours="office"),
    S("Covid-19 vaccination walk-in clinics", None, "Health",
      "Walk-in Covid-19 vaccination clinics. The seasonal programme has finished; check with your "
      "GP or pharmacy about current vaccines.",
      status="inactive"),
]

NHS_GM = [
    S("Greater Manchester mental health crisis line", None, "Health Safety",
      "Call any time if you or someone you care about is in a mental health crisis, feeling "
      "suicidal or unable to cope. Trained staff will talk things through and can arrange urgent "
      "support. In an emergency call 999.",
      hours="24/7", freephone=True, min_age=16),
    S("Trafford talking therapies", None, "Health",
      "Free NHS talking therapies for anxiety, depression, stress, panic, OCD and low mood. You "
      "can refer yourself without seeing your GP.",
      area="trafford", hours="clinic", min_age=16),
    S("Trafford sexual health clinic", None, "Health",
      "Free confidential sexual health services: STI testing and treatment, contraception, "
      "emergency contraception and HIV prevention. Book or walk in.",
      area="greater-manchester", hours="clinic", at=("sale-clinic",), min_age=13),
    S("Trafford urgent treatment centre", None, "Health",
      "Treatment for minor injuries and illnesses such as sprains, cuts, minor burns and suspected "
      "broken bones. Call 111 first to book a time slot.",
      area="trafford", hours="24/7", at=("davyhulme-utc",)),
    S("Health visiting service in Trafford", None, "Health Family",
      "Health visitors support families with babies and children under 5 with feeding, sleep, "
      "development checks, and parents' wellbeing. You can call the duty health visitor for "
      "advice.",
      area="trafford", max_age=5),
    S("School nursing in Trafford", None, "Health Family Education",
      "School nurses support children aged 5 to 19 with health worries, emotional wellbeing, "
      "sleep, bedwetting and immunisations. Young people can text a school nurse confidentially.",
      area="trafford", min_age=5, max_age=19),
    S("Children and young people's mental health (CAMHS) Trafford", None, "Health Family",
      "Specialist NHS mental health support for children and young people up to 18 with "
      "significant emotional, behavioural or mental health difficulties. Referral is usually "
      "through a GP, school or health professional.",
      area="trafford", max_age=18),
    S("Community mental health team Trafford", None, "Health",
      "Assessment, treatment and care for adults with severe or long-term mental illness, usually "
      "after a GP referral. The team includes nurses, psychiatrists, psychologists and social "
      "workers.",
      area="trafford", min_age=18),
    S("District nursing in Trafford", None, "Health",
      "Nurses who visit people at home who are housebound, for wound care, injections, catheter "
      "care and end-of-life care. Referral is through your GP or hospital.",
      area="trafford"),
    S("Wheelchair service Greater Manchester", None, "Health Transport",
      "Assessment and supply of wheelchairs and pressure cushions for people with long-term "
      "mobility needs, after referral by a health professional. Wheelchair repairs can also be "
      "reported to the service."),
]

NHS_LSC = [
    S("Lancashire mental health crisis line", None, "Health Safety",
      "Round-the-clock support for people in Lancashire in mental health crisis or feeling "
      "suicidal. In an emergency call 999.",
      hours="24/7", freephone=True, min_age=16),
    S("Lancaster talking therapies", None, "Health",
      "Free NHS talking therapies for anxiety, depression and stress in the Lancaster district. "
      "Refer yourself online or by phone.",
      area="lancaster", min_age=16),
    S("Lancaster sexual health clinic", None, "Health",
      "Free, confidential STI testing, contraception and advice. Book an appointment or walk in.",
      area="lancaster", hours="clinic", at=("lancaster-clinic",), min_age=13),
]

GMP = [
    S("Report a crime to the police (non-emergency 101)", None, "Safety",
      "Report a crime that has already happened or is not an emergency, such as theft, criminal "
      "damage or a break-in with no one in danger, by calling 101 or online. In an emergency or if "
      "a crime is happening now, call 999."),
    S("Report hate crime to the police", None, "Safety Community",
      "Report crimes targeted at someone because of their race, religion, disability, sexual "
      "orientation or transgender identity. You can also report through a third-party reporting "
      "centre."),
    S("Report anti-social behaviour to the police", None, "Safety",
      "Report anti-social behaviour such as intimidating groups, drug dealing, nuisance "
      "motorbikes, or rowdy and threatening behaviour in your area. If anyone is in danger, call "
      "999."),
    S("Domestic abuse: police support", None, "Safety Family",
      "The police can protect people experiencing domestic abuse, arrest offenders and arrange "
      "protection orders. In an emergency call 999; if you cannot speak, press 55."),
    S("Domestic violence disclosure scheme (Clare's Law)", None, "Safety Family",
      "Ask the police whether a partner, or someone a friend or relative is seeing, has a history "
      "of abuse or violence. The police will check records and may share information to help keep "
      "you safe."),
    S("Report a missing person", None, "Safety Family",
      "Report someone who is missing or whose whereabouts is unknown and you are worried about. "
      "There is no need to wait 24 hours; call 999 if they are in immediate danger."),
    S("Trafford neighbourhood policing team", None, "Safety Community",
      "Contact your local neighbourhood officers and PCSOs about ongoing problems in your area, "
      "and find out about beat meetings. Officers work with the council and housing associations "
      "on local problems.",
      area="trafford", hours="office"),
    S("Trafford police station front counter", None, "Safety",
      "Visit in person to report a crime, hand in found property such as bank cards, or produce "
      "documents. Opening hours are limited.",
      area="trafford", hours="office", at=("trafford-police",)),
    S("Report a road traffic collision", None, "Safety Transport",
      "Report a collision where no one is injured, or provide dash-cam footage of dangerous "
      "driving. If anyone is injured or the road is blocked, call 999."),
    S("Firearms licensing", None, "Safety",
      "Apply for or renew a firearm or shotgun certificate. Applicants need a medical check and "
      "references.",
      hours="office"),
]

LANCS_POLICE = [
    S("Report a crime in Lancashire (non-emergency 101)", None, "Safety",
      "Report a non-emergency crime in Lancaster, Morecambe or elsewhere in Lancashire by calling "
      "101 or online. In an emergency call 999."),
    S("Report anti-social behaviour in Lancashire", None, "Safety",
      "Report anti-social behaviour to Lancashire Constabulary. Call 101 or report online; in an "
      "emergency call 999."),
    S("Report hate crime in Lancashire", None, "Safety Community",
      "Report hate incidents and hate crime to Lancashire Constabulary. Anyone can report, "
      "including witnesses."),
]

GMFRS = [
    S("Home fire safety assessment (Safe and Well visit)", None, "Safety Housing Health",
      "Free home visit to check fire risks, fit smoke alarms and give advice on cooking, smoking, "
      "electrics and escape plans. Priority for older people, disabled people and people who live "
      "alone or smoke in bed."),
    S("Smoke alarms for deaf and hard of hearing people", None, "Safety Health",
      "Specialist smoke alarms with flashing lights and vibrating pads for people who are deaf or "
      "hard of hearing. Fitting is free after a home fire safety visit.",
      textphone=True),
    S("Fire-setting intervention for children", None, "Safety Family",
      "Confidential support for children and young people who play with fire or have set fires, "
      "working with the family. Referrals come from parents, schools and social workers.",
      max_age=17),
    S("Fire safety advice for businesses and landlords", None, "Safety Work Housing",
      "Advice on fire risk assessments for businesses, shared houses and blocks of flats, and how "
      "to report a fire safety concern. Fire safety officers can inspect premises and take "
      "enforcement action."),
    S("Fire cadets", None, "Family Community",
      "Weekly fire cadet groups where young people learn fire safety, first aid and team skills. "
      "Cadets can gain qualifications and volunteering awards.",
      hours="youth-evenings", min_age=13, max_age=17),
    S("Support after a fire", None, "Safety Housing",
      "Practical advice after a fire at home: making the property safe, insurance, and where to "
      "get emergency help with housing. Firefighters can also fit new smoke alarms after a fire."),
]

LANCS_FIRE = [
    S("Home fire safety check in Lancashire", None, "Safety Housing",
      "Free home fire safety check and smoke alarms for residents of Lancashire, with priority for "
      "people most at risk. Older people, disabled people and people who smoke are prioritised."),
]

DWP = [
    S("Universal Credit: make a new claim", None, "Money Work",
      "Universal Credit is a monthly payment for people on a low income or out of work, including "
      "help with rent and childcare. Claim online; if you cannot, call the helpline for a phone "
      "claim or home visit.",
      min_age=18),
    S("Universal Credit helpline (existing claims)", None, "Money",
      "Call about an existing Universal Credit claim, payments, deductions, an advance payment or "
      "changes of circumstances. Most changes can also be reported through your online journal.",
      freephone=True),
    S("Personal Independence Payment (PIP)", None, "Money Health",
      "PIP helps with extra living costs for people aged 16 to state pension age with a long-term "
      "physical or mental health condition or disability. Call to start a claim.",
      freephone=True, min_age=16),
    S("Pension Credit", None, "Money",
      "Extra money for people over state pension age on a low income; it can also unlock help with "
      "rent, council tax, heating and a free TV licence for over-75s. Claims can be backdated by "
      "up to three months.",
      freephone=True, min_age=66),
    S("State Pension", None, "Money",
      "Claim your State Pension, check your forecast or ask about payments. You can claim up to "
      "four months before you reach state pension age.",
      min_age=60),
    S("Attendance Allowance", None, "Money Health",
      "Extra money for people over state pension age who need help or supervision because of "
      "illness or disability. It is not means-tested.",
      freephone=True, min_age=66),
    S("Carer's Allowance", None, "Money Family",
      "Money for people who care for someone for at least 35 hours a week who gets certain "
      "disability benefits. You can earn a limited amount and still get it.",
      min_age=16),
    S("New Style Jobseeker's Allowance", None, "Money Work",
      "A fortnightly payment while you look for work, based on the National Insurance you have "
      "paid in recent years. It is not affected by your partner's income or savings.",
      min_age=18),
    S("New Style Employment and Support Allowance", None, "Money Health Work",
      "Payment if you are too ill or disabled to work and have paid enough National Insurance. You "
      "need a fit note from your doctor.",
      min_age=16),
    S("Access to Work", None, "Work Health",
      "Grants for practical support at work if you have a disability or health condition, such as "
      "special equipment, travel to work or a support worker. You can apply once you have a job "
      "offer."),
    S("Funeral Expenses Payment", None, "Money Family",
      "Help to pay for a funeral if you get certain benefits and are responsible for the "
      "arrangements. Claim within six months of the funeral."),
    S("Bereavement Support Payment", None, "Money Family",
      "Payments for people whose husband, wife or civil partner has died. Claim within three "
      "months to get the full amount."),
    S("Child Maintenance Service", None, "Money Family",
      "Arrange and collect child maintenance when parents cannot agree it between themselves. "
      "There is a fee to apply, which is waived for victims of domestic abuse."),
    S("Sale Jobcentre", None, "Work Money",
      "Face-to-face appointments for Universal Credit and Jobseeker's Allowance, and help from a "
      "work coach to find a job. Please attend at your appointment time.",
      area="trafford", hours="office", at=("sale-jobcentre",)),
    S("Lancaster Jobcentre", None, "Work Money",
      "Appointments with work coaches for people claiming Universal Credit or Jobseeker's "
      "Allowance in the Lancaster district. You can also get help with job applications and "
      "training.",
      area="lancaster", hours="office", at=("lancaster-jobcentre",)),
]

CITIZENS_ADVICE = [
    S("Citizens Advice Trafford adviceline", None, "Money Housing Work",
      "Free, confidential advice by phone on benefits, debt, housing, employment, consumer "
      "problems and family matters. Interpreters can be arranged.",
      freephone=True, hours="helpline"),
    S("Citizens Advice drop-in, Sale", None, "Money Housing Work",
      "Walk in to see an adviser about benefits, debt, housing, work and consumer problems. Bring "
      "any letters you have received.",
      hours="drop-in", at=("sale-access",)),
    S("Citizens Advice drop-in, Urmston", None, "Money Housing Work",
      "Walk-in advice sessions in Urmston for money, housing and work problems. Bring any letters "
      "you have received.",
      hours="drop-in", at=("urmston-advice",)),
    S("Debt advice (Citizens Advice)", None, "Money",
      "Specialist advice if you are struggling with debts such as council tax arrears, rent "
      "arrears, energy bills, credit cards and loans, including Debt Relief Orders and bankruptcy. "
      "Advisers can negotiate with creditors and bailiffs for you."),
    S("Help to Claim Universal Credit", None, "Money Work",
      "Free help to make a Universal Credit claim, from the online application to your first "
      "payment. Advisers can help by phone, webchat or face to face.",
      freephone=True),
    S("Energy advice and fuel debt", None, "Money Housing Environment",
      "Help with high energy bills, prepayment meters, fuel debt and grants for energy costs. "
      "Advisers can also help you switch tariffs and apply for warm home discounts."),
    S("Employment rights advice", None, "Work",
      "Advice about unfair dismissal, redundancy, unpaid wages, holiday pay and problems with your "
      "employer. Advisers can explain ACAS early conciliation and employment tribunals."),
    S("Benefits and tribunal appeals advice", None, "Money",
      "Help to challenge benefit decisions, including PIP and Universal Credit mandatory "
      "reconsiderations and tribunal appeals. Advisers can help you prepare for the hearing."),
    S("Immigration and EU Settlement Scheme advice", None, "Community",
      "Regulated advice on immigration status, the EU Settlement Scheme and rights to benefits and "
      "housing for people from abroad. Advisers can help with applications and late applications."),
]

FOOD_BANK = [
    S("Emergency food parcels: how to get a referral", None, "Money Health",
      "If you cannot afford food, a referral agency such as Citizens Advice, a GP, a school or the "
      "council can give you a food bank voucher for three days of emergency food. Call us and we "
      "will tell you how to get one.",
      hours="office"),
    S("Sale food bank", None, "Money Health",
      "Food parcels, toiletries and a warm drink for people with a food bank referral. Volunteers "
      "can signpost to debt and benefits help.",
      hours="food-tu", at=("sale-access",)),
    S("Stretford food bank", None, "Money Health",
      "Emergency food parcels for people with a referral, in Stretford. Volunteers can also help "
      "you find debt and benefits advice.",
      hours="food-we", at=("stretford-library",)),
    S("Altrincham food bank", None, "Money Health",
      "Emergency food parcels for people with a referral, in Altrincham. Please bring your "
      "voucher.",
      hours="food-th", at=("altrincham-library",)),
    S("Partington community pantry", None, "Money Health Community",
      "A membership food pantry: pay a small weekly fee and choose groceries worth much more. No "
      "referral needed for Partington residents.",
      hours="food-fr", at=("partington-hub",), fees="£5 a week membership."),
    S("Old Trafford food bank", None, "Money Health",
      "Emergency food parcels for people with a referral, with halal and vegetarian food "
      "available. Please bring your voucher.",
      hours="food-sa", at=("old-trafford-centre",)),
    S("Urmston evening food bank", None, "Money Health Work",
      "An evening food bank session for people who work during the day. Please bring your voucher "
      "or referral e-mail.",
      hours="food-mo-eve", at=("urmston-advice",), status="inactive",
      alert="Evening sessions are paused while we look for new premises."),
    S("Baby bank", None, "Family Money",
      "Free baby clothes, nappies, cots, prams and baby equipment for families in need, referred "
      "by a health visitor, midwife or support worker. Items are collected by appointment.",
      hours="food-th", at=("timperley-hub",)),
]

MERSEY_BANK = [
    S("Report a repair (Mersey Bank Homes tenants)", None, "Housing",
      "Tenants can report repairs such as leaks, broken boilers, faulty electrics, doors and "
      "windows. Emergency repairs are answered 24 hours a day.",
      hours="24/7"),
    S("Report damp and mould (Mersey Bank Homes tenants)", None, "Housing Health",
      "Tell us about damp, condensation or black mould in your home so a surveyor can inspect it "
      "and arrange treatment and repairs. Damp and mould can harm your health, so please do not "
      "wait."),
    S("Rent payments and arrears support (Mersey Bank Homes)", None, "Housing Money",
      "Pay your rent, set up a payment plan if you are in arrears, and get help claiming housing "
      "costs through Universal Credit. Talk to us early if you are worried about paying your "
      "rent."),
    S("Tenancy sustainment and money advice (Mersey Bank Homes)", None, "Housing Money",
      "Support for tenants who are struggling to manage their tenancy, bills or budgeting, to help "
      "them stay in their home. Support workers can also help with furniture, utilities and "
      "benefits."),
    S("Anti-social behaviour on estates (Mersey Bank Homes)", None, "Housing Safety",
      "Report anti-social behaviour, noise or neighbour disputes involving Mersey Bank Homes "
      "tenants or estates. In an emergency call 999."),
    S("Apply for a Mersey Bank home", None, "Housing",
      "Homes are let through the Trafford housing register. Find out how to apply and bid for our "
      "properties."),
    S("Home swaps for Mersey Bank tenants", None, "Housing",
      "Swap your home with another social housing tenant through a mutual exchange. You need our "
      "permission before you move."),
    S("Adaptations for Mersey Bank tenants", None, "Housing Health",
      "Minor adaptations such as grab rails and ramps, and help applying for major adaptations for "
      "disabled tenants. An occupational therapist may need to assess you."),
    S("Mersey Bank employment support", None, "Work",
      "Free help for tenants and their families to find work, training and apprenticeships. "
      "Support includes CVs, interviews and work experience.",
      min_age=16),
]

LUNE_IRWELL = [
    S("Report a repair (Lune and Irwell tenants)", None, "Housing",
      "Report repairs in your Lune and Irwell home; emergency repairs 24 hours a day. Report by "
      "phone, online or through the tenant app.",
      hours="24/7"),
    S("Report damp and mould (Lune and Irwell tenants)", None, "Housing Health",
      "Report damp, condensation and mould for inspection and treatment. A surveyor will arrange "
      "treatment and repairs."),
    S("Retirement living (Lune and Irwell)", None, "Housing Health",
      "Independent retirement flats with a scheme manager and community alarm for people aged 55 "
      "and over. Schemes are in Trafford and the Lancaster district.",
      min_age=55),
    S("Shared ownership homes (Lune and Irwell)", None, "Housing Money",
      "Buy a share of a new home and pay rent on the rest if you cannot afford to buy outright. "
      "You can buy more shares later."),
    S("Rent and money advice (Lune and Irwell)", None, "Housing Money",
      "Help to pay your rent, manage arrears and claim benefits. Talk to us early if you are "
      "worried about arrears."),
]

SAFE_HAVEN = [
    S("Domestic abuse helpline", None, "Safety Family",
      "Free, confidential support for anyone experiencing domestic abuse, including physical, "
      "emotional, sexual, financial or coercive control. We can help you make a safety plan and "
      "find refuge. In an emergency call 999.",
      hours="24/7", freephone=True),
    S("Domestic abuse refuge", None, "Safety Housing Family",
      "Safe, confidential emergency accommodation for women and their children escaping domestic "
      "abuse. Refer through the helpline.",
      hours="24/7", freephone=True),
    S("Independent domestic violence advisers (IDVA)", None, "Safety",
      "Specialist advisers supporting people at high risk of serious harm from domestic abuse "
      "through the police, courts and housing processes. Referrals come from the police, MARAC and "
      "other agencies."),
    S("Children and young people affected by domestic abuse", None, "Safety Family",
      "Group work and one-to-one support for children who have lived with domestic abuse. Support "
      "is also offered to the parent who is not abusive.",
      min_age=4, max_age=18),
    S("Support for men experiencing domestic abuse", None, "Safety",
      "Confidential support and advocacy for men experiencing domestic abuse. Men can also use the "
      "helpline."),
    S("Sanctuary scheme: extra home security", None, "Safety Housing",
      "Extra locks, door chains and security measures so that people experiencing domestic abuse "
      "can stay safely in their own home. Referrals come from the council, police or our "
      "advisers."),
]

CARERS = [
    S("Carers' information and support line", None, "Family Health",
      "Information, advice and emotional support for unpaid carers looking after someone who is "
      "ill, disabled, elderly or has mental health or addiction problems. We can also help with a "
      "carer's assessment and benefits for carers."),
    S("Young carers service", None, "Family Education",
      "Support, trips and activities for children and young people who help look after a family "
      "member. We also work with schools to support young carers.",
      min_age=8, max_age=18),
    S("Carers' breaks and wellbeing", None, "Family Health",
      "Short breaks, pamper days, peer support groups and counselling for unpaid carers. Some "
      "carers can get a small grant for a break."),
    S("Carers' emergency card", None, "Family Safety",
      "A card that tells people you are a carer so that the person you look after gets help if you "
      "are taken ill or have an accident. The card is free."),
]

CLEARWAY = [
    S("Drug and alcohol support for adults", None, "Health",
      "Free, confidential help to cut down or stop drinking or using drugs, including detox, "
      "prescribing, counselling and recovery groups. Refer yourself.",
      min_age=18),
    S("Young people's drug and alcohol service", None, "Health Family",
      "Confidential support for young people worried about their own or someone else's drinking or "
      "drug use. Young people can refer themselves.",
      min_age=11, max_age=24),
    S("Needle exchange and harm reduction", None, "Health Safety",
      "Free clean needles, safe disposal, naloxone and blood-borne virus testing. No appointment "
      "needed.",
      min_age=18),
    S("Support for families affected by addiction", None, "Health Family",
      "Support groups and one-to-one help for family members and friends of people who drink or "
      "use drugs. You do not need your relative to be in treatment."),
]

OPEN_DOOR = [
    S("Evening crisis café", None, "Health Safety",
      "A calm, safe place to go in the evening if you are struggling with your mental health or "
      "feeling overwhelmed. No appointment needed.",
      hours="crisis-cafe", at=("stretford-library",), min_age=18),
    S("Mental health peer support groups", None, "Health Community",
      "Friendly groups run by people with lived experience of anxiety, depression and other mental "
      "health problems. No referral needed."),
    S("Wellbeing courses", None, "Health Education",
      "Free courses on managing stress, sleep, anxiety and low mood. Courses run online and in "
      "person."),
    S("Evening listening line", None, "Health",
      "Someone to talk to in the evening if you feel lonely, anxious or low. Calls are "
      "confidential.",
      hours="evenings", freephone=True),
]

SILVER_THREADS = [
    S("Information and advice for older people", None, "Money Health",
      "Advice for people aged 60 and over on benefits, care, housing, and paying for care, "
      "including help filling in Attendance Allowance forms. We can also visit you at home.",
      min_age=60),
    S("Befriending for older people", None, "Health Community",
      "Regular visits or phone calls from a volunteer for older people who feel lonely or "
      "isolated. Volunteers are trained and checked.",
      min_age=60),
    S("Lunch clubs for older people", None, "Health Community",
      "Weekly lunch clubs with a hot meal, company and activities. Transport can be arranged.",
      at=("hale-rooms", "urmston-advice"), min_age=60),
    S("Handyperson service", None, "Housing Safety",
      "Small repairs, fitting grab rails and key safes, and home safety checks for older and "
      "disabled people. You pay for materials.",
      min_age=60),
    S("Digital skills for older people", None, "Education Community",
      "Friendly help with tablets, smartphones, video calls and online shopping. Tablets can be "
      "borrowed.",
      min_age=60, status="inactive",
      alert="This project's funding has ended."),
]

YOUTH_COMPASS = [
    S("Youth clubs and activities", None, "Family Community",
      "Open-access youth clubs with sports, music, cooking and trips. Clubs are free.",
      hours="youth-evenings", at=("old-trafford-centre", "partington-hub"), min_age=11, max_age=19),
    S("Youth counselling", None, "Health Family",
      "Free confidential counselling for young people dealing with stress, anxiety, self-harm, "
      "bullying, family problems or bereavement. Young people can refer themselves.",
      min_age=11, max_age=25),
    S("Help into education, training and work for 16 to 24s", None, "Work Education",
      "One-to-one support for young people who are not in education, employment or training to "
      "find courses, apprenticeships or jobs. Support includes CVs, interviews and travel costs.",
      min_age=16, max_age=24),
    S("LGBTQ+ youth group", None, "Family Community",
      "A safe social group for lesbian, gay, bisexual, trans and questioning young people. Young "
      "people can come along without being out.",
      min_age=13, max_age=19),
]

WELCOME_HOUSE = [
    S("Refugee and asylum drop-in", None, "Community Housing Money",
      "Advice for refugees and people seeking asylum on asylum support, housing, benefits, health "
      "and finding your way around. Interpreters available.",
      hours="drop-in", at=("old-trafford-centre",)),
    S("English classes (ESOL)", None, "Education Community",
      "Free English classes for refugees and asylum seekers at all levels, with a creche. Classes "
      "are free.",
      min_age=16),
    S("Refugee family reunion support", None, "Community Family",
      "Help for refugees to apply for family members to join them in the UK. Applications are free "
      "with our support."),
    S("Newly recognised refugee move-on support", None, "Housing Money Community",
      "Help for people granted refugee status to claim Universal Credit, find housing and open a "
      "bank account before asylum support ends. Asylum support usually ends 28 days after a "
      "decision."),
]

CLEAR_PATH = [
    S("Free debt advice helpline", None, "Money",
      "Free, confidential debt advice by phone and webchat. An adviser will look at your budget, "
      "deal with creditors and bailiffs, and find the best debt solution.",
      freephone=True),
    S("Breathing Space debt respite", None, "Money",
      "Help to apply for Breathing Space, which pauses most enforcement action and freezes "
      "interest and charges for 60 days while you get debt advice. Only a debt adviser can apply "
      "for you."),
    S("Debt Relief Orders", None, "Money",
      "Advice and help to apply for a Debt Relief Order if you have low income, few assets and "
      "debts under the limit. A Debt Relief Order usually lasts a year and writes off qualifying "
      "debts."),
    S("Budgeting coaching", None, "Money",
      "Online and phone coaching to build a budget, prioritise bills and save money. Coaching is "
      "free."),
]

FORGET_ME_NOT = [
    S("Adult bereavement counselling", None, "Health Family",
      "One-to-one counselling for adults struggling after the death of someone close. Sessions are "
      "free.",
      min_age=18),
    S("Child and family bereavement support", None, "Family Health",
      "Support for children and young people after the death of a parent, brother, sister or "
      "someone important, and advice for parents. Support can be at home, at school or in our "
      "centre.",
      min_age=4, max_age=18),
    S("Suicide bereavement support group", None, "Health Family",
      "A monthly peer support group for people bereaved by suicide. You do not need to book.",
      min_age=18),
    S("Baby loss support", None, "Health Family",
      "Support for parents after miscarriage, stillbirth or the death of a baby. Partners and "
      "grandparents are also welcome."),
]

SERVICES = {
    "trafford": TRAFFORD,
    "lancashire": LANCASHIRE,
    "lancaster": LANCASTER,
    "nhs-england": NHS_ENGLAND,
    "nhs-gm": NHS_GM,
    "nhs-lsc": NHS_LSC,
    "gmp": GMP,
    "lancs-police": LANCS_POLICE,
    "gmfrs": GMFRS,
    "lancs-fire": LANCS_FIRE,
    "dwp": DWP,
    "citizens-advice": CITIZENS_ADVICE,
    "food-bank": FOOD_BANK,
    "mersey-bank": MERSEY_BANK,
    "lune-irwell": LUNE_IRWELL,
    "safe-haven": SAFE_HAVEN,
    "carers": CARERS,
    "clearway": CLEARWAY,
    "open-door": OPEN_DOOR,
    "silver-threads": SILVER_THREADS,
    "youth-compass": YOUTH_COMPASS,
    "welcome-house": WELCOME_HOUSE,
    "clear-path": CLEAR_PATH,
    "forget-me-not": FORGET_ME_NOT,
}

# fmt: on

# ---------------------------------------------------------------------------------------
# Code: turn the tables into HSDS 3.0 service objects
# ---------------------------------------------------------------------------------------

ASSURER_EMAIL = "catalogue-team@frontdesk.example.org"
LGSL_TERM_URI = "http://id.esd.org.uk/service/{}"


def make_id(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(str(part) for part in parts)))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def random_date(rng: random.Random, window: tuple[dt.date, dt.date]) -> dt.date:
    start, end = window
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def phone(service_id: str, kind: str, number: str, description: str) -> dict:
    return {
        "id": make_id("phone", service_id, kind),
        "number": number,
        "type": kind,
        "description": description,
    }


def schedules(service_id: str, hours_key: str) -> list[dict]:
    words, slots = HOURS[hours_key]
    return [
        {
            "id": make_id("schedule", service_id, index),
            "freq": "WEEKLY",
            "wkst": "MO",
            "byday": byday,
            "opens_at": opens,
            "closes_at": closes,
            "description": words,
        }
        for index, (byday, opens, closes) in enumerate(slots)
    ]


def service_areas(service_id: str, area_key: str) -> list[dict]:
    return [
        {"id": make_id("service-area", service_id, gss), "name": name, "uri": GSS_URI + gss}
        for name, gss in AREAS[area_key]
    ]


def service_at_location(service_id: str, key: str) -> dict:
    name, street, town, postcode, (county, region), lat, lon = LOCATIONS[key]
    address = {
        "id": make_id("address", key),
        "address_1": street,
        "city": town,
        "region": region,
        "state_province": county,
        "postal_code": postcode,
        "country": "GB",
        "address_type": "physical",
    }
    location = {
        "id": make_id("location", key),
        "location_type": "physical",
        "name": name,
        "latitude": lat,
        "longitude": lon,
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
) -> dict:
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


def organization(key: str) -> dict:
    org = ORGANISATIONS[key]
    return {
        "id": make_id("organization", org["name"]),
        "name": org["name"],
        "description": org["description"],
        "email": org["email"],
        "website": org["website"],
    }


def build() -> list[dict]:
    rng = random.Random(SEED)
    next_number = {key: ORGANISATIONS[key]["phones"][1] for key in ORGANISATIONS}
    next_freephone = FREEPHONE_START
    used_numbers: set[str] = set()
    catalogue = []

    def take_number(org_key: str, freephone: bool = False) -> str:
        nonlocal next_freephone
        if freephone:
            number = PHONE_RANGES["drama-0808"].format(next_freephone)
            next_freephone += 1
        else:
            range_key = ORGANISATIONS[org_key]["phones"][0]
            number = PHONE_RANGES[range_key].format(next_number[org_key])
            next_number[org_key] += 1
        if number in used_numbers or len(number.replace(" ", "")) != 11:
            raise ValueError(f"phone block exhausted or shared: {number} ({org_key})")
        used_numbers.add(number)
        return number

    for org_key, rows in SERVICES.items():
        org = ORGANISATIONS[org_key]
        for row in rows:
            name = row["name"]
            unknown = set(row) - {"name", "lgsl", "categories", "description"} - OPTIONS
            if unknown:
                raise ValueError(f"{name}: unknown options {sorted(unknown)}")
            service_id = make_id("service", org["name"], name)
            hours_key = row.get("hours", org["hours"])
            hours_words = HOURS[hours_key][0]

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
            service["schedules"] = schedules(service_id, hours_key)
            service["service_areas"] = service_areas(service_id, row.get("area", org["area"]))
            service["service_at_locations"] = [
                service_at_location(service_id, key) for key in row.get("at", ())
            ]
            service["organization"] = organization(org_key)

            attributes = []
            if row["lgsl"] is not None:
                code = row["lgsl"]
                attributes.append(
                    term_attribute(
                        service_id,
                        "LGSL",
                        str(code),
                        LGSL[code],
                        f"Local Government Service List service {code}: {LGSL[code]}",
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
                        CATEGORIES[category],
                    )
                )
            service["attributes"] = attributes
            catalogue.append(service)

    ids = [service["id"] for service in catalogue]
    if len(ids) != len(set(ids)):
        raise ValueError("two services share a name within one organisation")
    return catalogue


def render() -> str:
    return json.dumps(build(), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        if OUTPUT.read_text(encoding="utf-8") != text:
            print(f"{OUTPUT} is out of date: run {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {len(json.loads(text))} services to {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
