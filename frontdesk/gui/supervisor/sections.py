"""The period report as the sections the window shows and the PDF prints: each a title,
a table (header and rows, the numbers a chart draws) and, where a picture helps, what
its chart draws. Every key of the report is optional: a section whose figures are
absent is left out (a desk's report has no estate; an older hub has no weekly trend).

Words go through Qt's translation (context "Supervisor"); the stored values (channels,
outcomes, reason codes) are shown with the words the adviser's form uses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from frontdesk.core.enquiry import Channel, Outcome
from frontdesk.gui.enquiry.reasons import builtin_labels
from frontdesk.gui.enquiry.vocabulary import channel_labels, outcome_labels

Cell = str | int | float
LONDON = ZoneInfo("Europe/London")
#: Open referrals waiting longer than this many days are past the agreed time.
AGREED_DAYS = 7
TOP = 10
_AGE_LOW = {"0-2": 0, "3-7": 3, "8-30": 8, "over-30": 31}


@dataclass(frozen=True, slots=True)
class Chart:
    """What a chart draws: "stacked" bars (one series per key), "bars" or a "line"."""

    kind: str
    categories: list[str]
    series: dict[str, list[float]]
    percent: bool = False


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    title: str
    header: list[str]
    rows: list[list[Cell]]
    chart: Chart | None = None
    #: Rows to stand out (past the agreed time, a stale desk): bold and said in words.
    flagged: set[int] = field(default_factory=set)


def sections(report: Mapping[str, Any], names: Mapping[str, str]) -> list[Section]:
    built = [
        _summary(report),
        _by_time(
            report,
            "by_hour",
            QCoreApplication.translate("Supervisor", "Enquiries by hour of day"),
            QCoreApplication.translate("Supervisor", "Hour"),
            _hours,
        ),
        _by_time(
            report,
            "by_weekday",
            QCoreApplication.translate("Supervisor", "Enquiries by day of the week"),
            QCoreApplication.translate("Supervisor", "Day"),
            _days,
        ),
        _counted(
            report,
            "by_reason",
            QCoreApplication.translate("Supervisor", "Top reasons"),
            QCoreApplication.translate("Supervisor", "Reason"),
            _reason,
        ),
        _counted(
            report,
            "by_service",
            QCoreApplication.translate("Supervisor", "Top services"),
            QCoreApplication.translate("Supervisor", "Service"),
            names.get,
        ),
        _counted(
            report,
            "by_outcome",
            QCoreApplication.translate("Supervisor", "Outcomes"),
            QCoreApplication.translate("Supervisor", "Outcome"),
            _outcome,
        ),
        _fcr_trend(report),
        _counted(
            report,
            "referrals_by_agency",
            QCoreApplication.translate("Supervisor", "Referrals by agency"),
            QCoreApplication.translate("Supervisor", "Agency"),
            names.get,
        ),
        _ageing(report),
        _counted(
            report,
            "by_adviser",
            QCoreApplication.translate("Supervisor", "Enquiries by adviser"),
            QCoreApplication.translate("Supervisor", "Adviser"),
            _same,
        ),
        _counted(
            report,
            "by_device",
            QCoreApplication.translate("Supervisor", "Enquiries by desk"),
            QCoreApplication.translate("Supervisor", "Desk"),
            _same,
        ),
        _messages(report),
        _estate(report),
    ]
    return [s for s in built if s is not None]


def _same(key: str) -> str:
    return key


def _channel(value: str) -> str:
    try:
        return channel_labels()[Channel(value)]
    except ValueError:
        return value


def _outcome(value: str) -> str:
    if value == "none":
        return QCoreApplication.translate("Supervisor", "No outcome yet")
    try:
        return outcome_labels()[Outcome(value)]
    except ValueError:
        return value


def _reason(code: str) -> str:
    return (
        QCoreApplication.translate("Supervisor", "No reason given")
        if code == "none"
        else builtin_labels().get(code, code)
    )


def _hours() -> list[tuple[str, str]]:
    return [(str(h), f"{h:02d}:00") for h in range(24)]


def _days() -> list[tuple[str, str]]:
    words = (
        QCoreApplication.translate("Supervisor", "Mon"),
        QCoreApplication.translate("Supervisor", "Tue"),
        QCoreApplication.translate("Supervisor", "Wed"),
        QCoreApplication.translate("Supervisor", "Thu"),
        QCoreApplication.translate("Supervisor", "Fri"),
        QCoreApplication.translate("Supervisor", "Sat"),
        QCoreApplication.translate("Supervisor", "Sun"),
    )
    return [(str(n), words[n - 1]) for n in range(1, 8)]


def _percent(rate: Any) -> str:
    return "–" if rate is None else f"{float(rate) * 100:.1f} %"


def _seconds(value: Any) -> str:
    if value is None:
        return "–"
    minutes, seconds = divmod(int(value), 60)
    return f"{minutes}:{seconds:02d}"


def _summary(report: Mapping[str, Any]) -> Section | None:
    rows: list[list[Cell]] = []
    if "enquiries" in report:
        rows.append(
            [QCoreApplication.translate("Supervisor", "Enquiries"), int(report["enquiries"])]
        )
    fcr = report.get("first_contact_resolution")
    if fcr:
        rows.append(
            [
                QCoreApplication.translate("Supervisor", "Resolved at first contact"),
                int(fcr.get("resolved", 0)),
            ]
        )
        rows.append(
            [
                QCoreApplication.translate("Supervisor", "Enquiries with an outcome"),
                int(fcr.get("with_outcome", 0)),
            ]
        )
        rows.append(
            [
                QCoreApplication.translate("Supervisor", "First-contact resolution rate"),
                _percent(fcr.get("rate")),
            ]
        )
    for key, what in (
        ("duration_seconds", QCoreApplication.translate("Supervisor", "Handling time")),
        ("wrap_up_seconds", QCoreApplication.translate("Supervisor", "Wrap-up")),
    ):
        spread = report.get(key)
        if spread:
            if "mean" in spread:
                rows.append(
                    [
                        QCoreApplication.translate("Supervisor", "%1: average (min:sec)").replace(
                            "%1", what
                        ),
                        _seconds(spread["mean"]),
                    ]
                )
            rows.append(
                [
                    QCoreApplication.translate("Supervisor", "%1: median (min:sec)").replace(
                        "%1", what
                    ),
                    _seconds(spread.get("p50")),
                ]
            )
            rows.append(
                [
                    QCoreApplication.translate(
                        "Supervisor", "%1: 90th percentile (min:sec)"
                    ).replace("%1", what),
                    _seconds(spread.get("p90")),
                ]
            )
    repeat = report.get("repeat_callers")
    if repeat:
        rows.append(
            [
                QCoreApplication.translate("Supervisor", "Repeat callers"),
                int(repeat.get("callers", 0)),
            ]
        )
        rows.append(
            [
                QCoreApplication.translate("Supervisor", "Enquiries from repeat callers"),
                int(repeat.get("enquiries", 0)),
            ]
        )
    if not rows:
        return None
    return Section(
        "summary",
        QCoreApplication.translate("Supervisor", "Summary"),
        [
            QCoreApplication.translate("Supervisor", "Figure"),
            QCoreApplication.translate("Supervisor", "Value"),
        ],
        rows,
    )


def _by_time(
    report: Mapping[str, Any], key: str, title: str, first: str, slots: Any
) -> Section | None:
    data: Mapping[str, Mapping[str, int]] | None = report.get(key)
    if data is None:
        return None
    channels = sorted({c for counts in data.values() for c in counts})
    labels = [_channel(c) for c in channels]
    rows: list[list[Cell]] = []
    categories = []
    for slot, label in slots():
        counts = data.get(slot, {})
        values = [int(counts.get(c, 0)) for c in channels]
        rows.append([label, *values, sum(values)])
        categories.append(label)
    series = {label: [float(row[i + 1]) for row in rows] for i, label in enumerate(labels)}
    chart = Chart("stacked", categories, series)
    return Section(
        key, title, [first, *labels, QCoreApplication.translate("Supervisor", "Total")], rows, chart
    )


def _counted(
    report: Mapping[str, Any], key: str, title: str, first: str, label_of: Any
) -> Section | None:
    data: Mapping[str, int] | None = report.get(key)
    if data is None:
        return None
    ranked = sorted(data.items(), key=lambda kv: (-int(kv[1]), kv[0]))
    rows: list[list[Cell]] = [[label_of(k) or k, int(n)] for k, n in ranked]
    shown = rows[:TOP]
    chart = Chart(
        "bars",
        [str(r[0]) for r in shown],
        {QCoreApplication.translate("Supervisor", "Enquiries"): [float(r[1]) for r in shown]},
    )
    if key == "referrals_by_agency":
        chart = Chart(
            "bars",
            chart.categories,
            {
                QCoreApplication.translate("Supervisor", "Referrals"): chart.series[
                    QCoreApplication.translate("Supervisor", "Enquiries")
                ]
            },
        )
    return Section(
        key, title, [first, QCoreApplication.translate("Supervisor", "Number")], rows, chart
    )


def _fcr_trend(report: Mapping[str, Any]) -> Section | None:
    weeks = report.get("fcr_by_week")
    if weeks is None:
        return None
    rows: list[list[Cell]] = [
        [str(w["week_start"]), int(w["resolved"]), int(w["with_outcome"]), _percent(w["rate"])]
        for w in weeks
    ]
    rates = [float(w["rate"] or 0) * 100 for w in weeks]
    chart = Chart(
        "line",
        [str(w["week_start"]) for w in weeks],
        {QCoreApplication.translate("Supervisor", "Rate (%)"): rates},
        True,
    )
    header = [
        QCoreApplication.translate("Supervisor", "Week from"),
        QCoreApplication.translate("Supervisor", "Resolved at first contact"),
        QCoreApplication.translate("Supervisor", "With an outcome"),
        QCoreApplication.translate("Supervisor", "Rate"),
    ]
    return Section(
        "fcr_by_week",
        QCoreApplication.translate("Supervisor", "First-contact resolution by week"),
        header,
        rows,
        chart,
    )


def _ageing(report: Mapping[str, Any]) -> Section | None:
    ages = report.get("open_referrals_by_age_days")
    if ages is None:
        return None
    rows: list[list[Cell]] = []
    flagged = set()
    for bucket, low in _AGE_LOW.items():
        if bucket not in ages:
            continue
        over = low > AGREED_DAYS
        if over and int(ages[bucket]):
            flagged.add(len(rows))
        label = (
            QCoreApplication.translate("Supervisor", "over 30 days")
            if bucket == "over-30"
            else QCoreApplication.translate("Supervisor", "%1 days").replace(
                "%1", bucket.replace("-", "–")
            )
        )
        rows.append(
            [
                label,
                int(ages[bucket]),
                QCoreApplication.translate("Supervisor", "Yes: past the agreed time")
                if over
                else QCoreApplication.translate("Supervisor", "No"),
            ]
        )
    chart = Chart(
        "bars",
        [str(r[0]) for r in rows],
        {QCoreApplication.translate("Supervisor", "Open referrals"): [float(r[1]) for r in rows]},
    )
    header = [
        QCoreApplication.translate("Supervisor", "Waiting"),
        QCoreApplication.translate("Supervisor", "Open referrals"),
        QCoreApplication.translate("Supervisor", "Over %1 days").replace("%1", str(AGREED_DAYS)),
    ]
    return Section(
        "ageing",
        QCoreApplication.translate("Supervisor", "Open referrals by days waiting"),
        header,
        rows,
        chart,
        flagged,
    )


def _messages(report: Mapping[str, Any]) -> Section | None:
    messages = report.get("messages")
    if messages is None:
        return None
    names = {
        "sms": QCoreApplication.translate("Supervisor", "Texts"),
        "email": QCoreApplication.translate("Supervisor", "E-mails"),
    }
    rows: list[list[Cell]] = []
    flagged = set()
    for channel in sorted(messages):
        m = messages[channel]
        if int(m.get("failed", 0)):
            flagged.add(len(rows))
        rows.append(
            [names.get(channel, channel)]
            + [int(m.get(k, 0)) for k in ("sent", "delivered", "failed", "pending")]
        )
    header = [
        QCoreApplication.translate("Supervisor", "Sent by"),
        QCoreApplication.translate("Supervisor", "Sent"),
        QCoreApplication.translate("Supervisor", "Delivered"),
        QCoreApplication.translate("Supervisor", "Failed"),
        QCoreApplication.translate("Supervisor", "Waiting"),
    ]
    series = {header[i]: [float(r[i]) for r in rows] for i in (2, 3, 4)}
    chart = Chart("stacked", [str(r[0]) for r in rows], series)
    return Section(
        "messages",
        QCoreApplication.translate("Supervisor", "Texts and e-mails to callers"),
        header,
        rows,
        chart,
        flagged,
    )


def _estate(report: Mapping[str, Any]) -> Section | None:
    estate = report.get("estate")
    if estate is None:
        return None
    rows: list[list[Cell]] = []
    flagged = set()
    for desk in estate.get("desks", []):
        if desk.get("stale"):
            flagged.add(len(rows))
        rows.append(
            [
                str(desk.get("device_id", "")),
                str(desk.get("organization_id") or ""),
                _when(desk.get("last_push_at")),
                _when(desk.get("last_pull_at")),
                "–" if desk.get("outbox_waiting") is None else int(desk["outbox_waiting"]),
                _when(desk.get("catalogue_pulled_at")),
                QCoreApplication.translate("Supervisor", "Yes: not seen lately")
                if desk.get("stale")
                else QCoreApplication.translate("Supervisor", "No"),
            ]
        )
    header = [
        QCoreApplication.translate("Supervisor", "Desk"),
        QCoreApplication.translate("Supervisor", "Organisation"),
        QCoreApplication.translate("Supervisor", "Last sent"),
        QCoreApplication.translate("Supervisor", "Last fetched"),
        QCoreApplication.translate("Supervisor", "Waiting to send"),
        QCoreApplication.translate("Supervisor", "Catalogue fetched"),
        QCoreApplication.translate("Supervisor", "Stale"),
    ]
    return Section(
        "estate", QCoreApplication.translate("Supervisor", "Desks"), header, rows, None, flagged
    )


def _when(value: Any) -> str:
    """An instant from the hub as London reads it (to the minute)."""
    if not value:
        return "–"
    try:
        moment = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    if moment.tzinfo is not None:
        moment = moment.astimezone(LONDON)
    return moment.strftime("%Y-%m-%d %H:%M")
