"""Where a supervisor's period report comes from: the hub, for a desk signed in with a
supervisor's (or admin's) account; otherwise this desk's own log.

The hub's figures are the organisation's, every desk's; the desk's are its own. When the
hub cannot be asked (offline, signed out, an adviser's account, a hub without the
report), the desk's own figures are shown with a note saying why, so a supervisor is
never left with nothing and never mistakes one desk for the whole centre.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from frontdesk.store.catalogue import CatalogueStore
from frontdesk.store.desk import DeskStore
from frontdesk.store.desk_report import desk_report
from frontdesk.sync.credentials import TokenStore
from frontdesk.sync.errors import HubRefused, HubUnreachable, NotSignedIn, SyncError
from frontdesk.sync.session import connect

log = logging.getLogger("frontdesk.sync")

HUB, DESK = "hub", "desk"
#: Why the hub's figures are not shown (`PeriodReport.why`), with the English the CLI prints.
WHY = {
    "signed_out": "Not signed in to the hub",
    "offline": "The hub cannot be reached",
    "not_supervisor": "The hub gives this report to supervisors only",
    "refused": "The hub refused the report",
}


@dataclass(frozen=True, slots=True)
class PeriodReport:
    """The figures, where they came from (HUB or DESK), why the hub's were not used (a
    WHY key; empty when they were, or when the desk is standalone) with the error's own
    words, and display names for the services and organisations the figures name by id."""

    figures: dict[str, Any]
    source: str
    why: str = ""
    detail: str = ""
    names: dict[str, str] = field(default_factory=dict)

    def note(self) -> str:
        """The reason in English, for the command line and the log."""
        if not self.why:
            return ""
        return (
            f"{WHY[self.why]} ({self.detail}): this desk's own figures."
            if self.detail
            else (f"{WHY[self.why]}: this desk's own figures.")
        )


@dataclass(frozen=True, slots=True)
class HubAnswer:
    """What asking the hub gave: its figures, or why not (a WHY key, or "" when the desk
    is not signed in at all) and the error's words."""

    figures: dict[str, Any] | None
    why: str = ""
    detail: str = ""


def ask_hub(
    desk: DeskStore,
    since: dt.date,
    until: dt.date,
    *,
    org: str | None = None,
    tokens: TokenStore | None = None,
) -> HubAnswer:
    """The hub's report for a desk signed in as a supervisor. Network only (and the
    desk's sign-in state): the GUI runs it on the runner's network lane."""
    if until < since:
        raise ValueError("--until is before --since")
    try:
        _, client = connect(desk, tokens)
    except NotSignedIn:
        return HubAnswer(None)  # standalone, or never signed in: no note
    except SyncError as error:
        return HubAnswer(None, "signed_out", str(error))
    try:
        with client:
            return HubAnswer(client.supervisor_report(since.isoformat(), until.isoformat(), org))
    except HubUnreachable as error:
        return HubAnswer(None, "offline", str(error))
    except HubRefused as error:
        if error.status in (403, 404):
            return HubAnswer(None, "not_supervisor")
        return HubAnswer(None, "refused", str(error))


def complete(
    answer: HubAnswer,
    desk: DeskStore,
    since: dt.date,
    until: dt.date,
    *,
    catalogue: CatalogueStore | None = None,
    now: dt.datetime | None = None,
) -> PeriodReport:
    """The report to show: the hub's figures if it gave them, else the desk's own, with
    names from the catalogue. SQLite only: the GUI runs it on the database lane."""
    if answer.figures is not None:
        return PeriodReport(answer.figures, HUB, names=_names(catalogue, answer.figures))
    if answer.why:
        log.info("period report from the desk's own log: %s", answer.why)
    agency_of = None if catalogue is None else _agency_lookup(catalogue)
    figures = desk_report(desk, since, until, agency_of=agency_of, now=now)
    return PeriodReport(figures, DESK, answer.why, answer.detail, _names(catalogue, figures))


def fetch_report(
    desk: DeskStore,
    since: dt.date,
    until: dt.date,
    *,
    catalogue: CatalogueStore | None = None,
    org: str | None = None,
    tokens: TokenStore | None = None,
    now: dt.datetime | None = None,
) -> PeriodReport:
    """Both steps in one (the command line): blocking, never on a GUI thread."""
    answer = ask_hub(desk, since, until, org=org, tokens=tokens)
    return complete(answer, desk, since, until, catalogue=catalogue, now=now)


def _agency_lookup(catalogue: CatalogueStore) -> Any:
    def agency_of(services: Iterable[str]) -> dict[str, str]:
        return {
            s.catalogue_id: s.service.organization_id
            for s in catalogue.get_many(services)
            if s.service.organization_id
        }

    return agency_of


def _names(catalogue: CatalogueStore | None, figures: dict[str, Any]) -> dict[str, str]:
    """Names for the service and organisation ids in the figures, from the catalogue."""
    if catalogue is None:
        return {}
    services = list(figures.get("by_service") or {})
    names = {s.catalogue_id: s.service.name for s in catalogue.get_many(services)}
    wanted = set(figures.get("referrals_by_agency") or {})
    names.update({o.id: o.name for o in catalogue.organizations() if o.id in wanted})
    return names
