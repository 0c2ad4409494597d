"""A service's details as simple, escaped HTML for the detail panel's text browser.

Headings and lists rather than tables or colour, so screen readers and 200% text read it
well. Every word the adviser sees goes through Qt's translation (context "ServiceDetail").
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from frontdesk.core.catalogue import Schedule, Service
from frontdesk.core.hours import DAY_CODES
from frontdesk.gui.detail.guidance import guidance_section
from frontdesk.search.catalogue_access import ServiceDetail


def day_names() -> dict[str, str]:
    names = (
        QCoreApplication.translate("ServiceDetail", "Monday"),
        QCoreApplication.translate("ServiceDetail", "Tuesday"),
        QCoreApplication.translate("ServiceDetail", "Wednesday"),
        QCoreApplication.translate("ServiceDetail", "Thursday"),
        QCoreApplication.translate("ServiceDetail", "Friday"),
        QCoreApplication.translate("ServiceDetail", "Saturday"),
        QCoreApplication.translate("ServiceDetail", "Sunday"),
    )
    return dict(zip(DAY_CODES, names, strict=True))


def _section(title: str, body: str) -> str:
    return f"<h3>{escape(title)}</h3>{body}" if body else ""


def _para(text: str | None) -> str:
    return f"<p>{escape(text)}</p>" if text else ""


def _items(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>" if items else ""


def _hours(schedules: tuple[Schedule, ...]) -> list[str]:
    names = day_names()
    lines = []
    for s in schedules:
        days = ", ".join(names.get(d, d) for d in s.byday)
        if s.opens_at and s.closes_at:
            lines.append(escape(f"{days}: {s.opens_at}–{s.closes_at}"))
        elif s.description:
            lines.append(escape(s.description))
    return lines


def _phones(service: Service) -> list[str]:
    phones = list(service.phones) + [p for c in service.contacts for p in c.phones]
    return [
        escape(p.number) + (f" — {escape(p.description)}" if p.description else "") for p in phones
    ]


def first_phone(service: Service) -> str | None:
    for phone in list(service.phones) + [p for c in service.contacts for p in c.phones]:
        if phone.number:
            return phone.number
    return None


def _open_line(detail: ServiceDetail) -> str:
    state = detail.open_now
    if state.is_open is True:
        return QCoreApplication.translate("ServiceDetail", "● Open now, until {0}").format(
            state.until or ""
        )
    if state.is_open is False:
        return QCoreApplication.translate("ServiceDetail", "○ Closed now")
    return QCoreApplication.translate("ServiceDetail", "Opening hours not published")


def _responsible(detail: ServiceDetail) -> str:
    if detail.postcode_unknown:
        return QCoreApplication.translate(
            "ServiceDetail",
            "We do not know the caller's postcode, so cannot say who is responsible.",
        )
    r = detail.responsible
    if r is None:
        return QCoreApplication.translate(
            "ServiceDetail", "Enter the caller's postcode to see who is responsible there."
        )
    if r.council is None:
        return QCoreApplication.translate(
            "ServiceDetail", "At {0}: the council is not in the catalogue."
        ).format(r.postcode)
    return QCoreApplication.translate(
        "ServiceDetail", "At {0}: {1} is responsible for council services like this."
    ).format(r.postcode, r.council)


def _checked(detail: ServiceDetail) -> str:
    assured = detail.service.last_assured
    if assured is None:
        return QCoreApplication.translate(
            "ServiceDetail", "⚠ Warning: the publisher has never said when this was last checked."
        )
    text = QCoreApplication.translate("ServiceDetail", "Last checked {0}.").format(
        # The locale's month names: "17 May 2026", "17 Mai 2026".
        QLocale().toString(QDate(assured.year, assured.month, assured.day), "d MMMM yyyy")
    )
    if detail.stale:
        text = (
            QCoreApplication.translate(
                "ServiceDetail", "⚠ Warning: not checked for over 12 months."
            )
            + " "
            + text
        )
    return text


def render(detail: ServiceDetail) -> str:
    s = detail.service
    phone = QCoreApplication.translate("ServiceDetail", "Phone")
    contact: list[str] = [f"{phone}: {p}" for p in _phones(s)]
    if s.email:
        e = escape(s.email)
        label = QCoreApplication.translate("ServiceDetail", "E-mail")
        contact.append(f'{label}: <a href="mailto:{e}">{e}</a>')
    if s.url:
        u = escape(s.url)
        label = QCoreApplication.translate("ServiceDetail", "Website")
        contact.append(f'{label}: <a href="{u}">{u}</a>')
    locations = [
        escape(
            " — ".join(x for x in (loc.name, loc.address.one_line() if loc.address else "") if x)
        )
        for loc in s.locations
    ]
    parts = [
        f"<h2>{escape(s.name)}</h2>",
        _para(detail.organization),
        _para(s.description),
        _section(
            QCoreApplication.translate("ServiceDetail", "Who it is for"), _para(s.eligibility)
        ),
        _section(
            QCoreApplication.translate("ServiceDetail", "How to get it"),
            _para(s.application_process),
        ),
        _section(QCoreApplication.translate("ServiceDetail", "Fees"), _para(s.fees)),
        guidance_section(detail.guidance),  # what to ask and say, before how to reach them
        _section(QCoreApplication.translate("ServiceDetail", "Contact"), _items(contact)),
        _section(
            QCoreApplication.translate("ServiceDetail", "Opening hours"),
            _para(_open_line(detail)) + _items(_hours(s.schedules)),
        ),
        _section(
            QCoreApplication.translate("ServiceDetail", "Where"),
            _items([x for x in locations if x]),
        ),
        _section(
            QCoreApplication.translate("ServiceDetail", "Areas covered"),
            _para(", ".join(a.name for a in s.service_areas)),
        ),
        _section(
            QCoreApplication.translate(
                "ServiceDetail", "Who is responsible at the caller's address"
            ),
            _para(_responsible(detail)),
        ),
        _section(
            QCoreApplication.translate("ServiceDetail", "How up to date"), _para(_checked(detail))
        ),
        # The feed it came from, in words; the catalogue id is for the command line and
        # support, not for reading out to a caller (it stays in the accessible description).
        _section(QCoreApplication.translate("ServiceDetail", "Source"), _para(detail.source)),
    ]
    return "".join(parts)
