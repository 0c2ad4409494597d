"""What a hand-out says, and its page as HTML for Qt's text layout.

Plain structure (headings, lists, no tables or colour) in a sans-serif face: it prints
clearly on a library counter's printer and reads well in large print (18 pt, following
clear-print guidance), where the layout simply grows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from html import escape

from PySide6.QtCore import QDate

from frontdesk.core.catalogue import Service
from frontdesk.core.guidance import Guidance, what_to_bring
from frontdesk.core.hours import DAY_CODES
from frontdesk.gui.handout import words as w
from frontdesk.gui.handout.words import Words

QR_URL = "frontdesk-handout:qr"
NORMAL_PT, LARGE_PT = 12.0, 18.0


@dataclass(frozen=True, slots=True)
class Handout:
    """One service's hand-out, ready to lay out: `a5` for library counter printers,
    `large` for large print, `language` "en" or "cy"."""

    service: Service
    organization: str | None
    notes: tuple[Guidance, ...] = ()
    day: dt.date = field(default_factory=dt.date.today)
    language: str = "en"
    large: bool = False
    a5: bool = False

    @property
    def point_size(self) -> float:
        return LARGE_PT if self.large else NORMAL_PT


def handout_html(handout: Handout, words: Words, qr_width: int) -> str:
    """The page; `qr_width` is the QR code's width in the device's pixels (0: none)."""
    s = handout.service
    parts = [
        f"<p>{escape(words(w.TITLE))}</p>",
        f"<h1>{escape(s.name)}</h1>",
    ]
    if handout.organization:
        parts.append(_line(words(w.AGENCY), handout.organization))
    if s.description:
        parts.append(f"<p>{escape(s.description)}</p>")
    phones = list(s.phones) + [p for c in s.contacts for p in c.phones]
    for phone in phones:
        extra = f" ({phone.description})" if phone.description else ""
        parts.append(_line(words(w.PHONE), f"{phone.number}{extra}", strong=True))
    if s.email:
        parts.append(_line(words(w.EMAIL), s.email))
    hours = _hours(handout, words)
    if hours:
        parts.append(_list(words(w.HOURS), hours))
    addresses = [
        " — ".join(x for x in (loc.name, loc.address.one_line() if loc.address else "") if x)
        for loc in s.locations
    ]
    if any(addresses):
        parts.append(_list(words(w.ADDRESS), [a for a in addresses if a]))
    if s.url:
        qr = ""
        if qr_width:
            # Beside the address and its explanation rather than below: it saves a third
            # of an A5 page.
            alt = escape(words(w.QR_NAME))
            size = f'width="{qr_width}" height="{qr_width}"'
            qr = f'<img src="{QR_URL}" {size} alt="{alt}" align="right">'
        parts.append(f"<h3>{escape(words(w.WEB))}</h3>{qr}<p><b>{escape(s.url)}</b></p>")
        if qr_width:
            parts.append(f'<p>{escape(words(w.QR))}</p><br clear="all">')
    bring = what_to_bring(handout.notes)
    if bring:
        parts.append(_list(words(w.BRING), bring))
    day = QDate(handout.day.year, handout.day.month, handout.day.day)
    parts.append(f"<p>{escape(words(w.GIVEN).format(words.date(day)))}</p>")
    return "".join(parts)


def _line(label: str, value: str, *, strong: bool = False) -> str:
    text = f"<b>{escape(value)}</b>" if strong else escape(value)
    return f"<p>{escape(label)}: {text}</p>"


def _list(title: str, items: list[str]) -> str:
    body = "".join(f"<li>{escape(i)}</li>" for i in items)
    return f"<h3>{escape(title)}</h3><ul>{body}</ul>"


def _hours(handout: Handout, words: Words) -> list[str]:
    names = dict(zip(DAY_CODES, (words(d) for d in w.DAYS), strict=True))
    lines = []
    for schedule in handout.service.schedules:
        days = ", ".join(names.get(d, d) for d in schedule.byday)
        if schedule.opens_at and schedule.closes_at:
            lines.append(f"{days}: {schedule.opens_at}–{schedule.closes_at}")
        elif schedule.description:
            lines.append(schedule.description)
    return lines
