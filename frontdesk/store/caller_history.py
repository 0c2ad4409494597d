"""A consented caller's earlier enquiries on this desk: "rang 2 times in the last 30 days".

A caller is recognised by any one of their telephone number, e-mail address, or name and
postcode together, each compared in a normal form (E.164; the address case-folded; the
name case-folded with spaces collapsed and the postcode in ONS form), so "0161 912 2000"
finds "+44 161 912 2000". Only details kept with consent are ever stored, and the
retention purge removes them, so a caller who did not consent or whose details were
purged is not found. Works offline: it reads desk.db alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, or_, select

from frontdesk.core.areas import normalise_postcode
from frontdesk.core.enquiry import Caller, Enquiry, Outcome, ReferralStatus
from frontdesk.store import desk_schema as t
from frontdesk.store.caller_details import normalise_email, normalise_phone, problem_text
from frontdesk.store.desk import DeskStore
from frontdesk.store.enquiry_rules import (
    CallerInvalidError,
    enquiry_from,
    stamp,
    state_from_row,
)

#: The window the enquiry panel counts calls in.
RECENT_DAYS = 30


def name_key(name: str) -> str:
    """A name as it is compared: case-folded, runs of spaces as one."""
    return " ".join(name.casefold().split())


def email_key(email: str) -> str:
    normalised = normalise_email(email.strip()) or email.strip()
    return normalised.casefold()


@dataclass(frozen=True, slots=True)
class CallerQuery:
    """Who to look for, in stored forms. Any one identifier that matches is enough; a name
    counts only together with a postcode (many people share a name, few share both)."""

    phone: str | None = None  # E.164
    email: str | None = None  # case-folded
    name: str | None = None  # name_key
    postcode: str | None = None  # ONS form

    @classmethod
    def typed(
        cls,
        *,
        phone: str | None = None,
        email: str | None = None,
        name: str | None = None,
        postcode: str | None = None,
    ) -> CallerQuery:
        """The query for details as typed. Raises CallerInvalidError naming each field
        that cannot be a telephone number, e-mail address or postcode."""
        problems: dict[str, str] = {}
        values: dict[str, str | None] = {}
        checks = {
            "phone": normalise_phone,
            "email": normalise_email,
            "postcode": normalise_postcode,
        }
        typed = {"phone": phone, "email": email, "postcode": postcode}
        for field, check in checks.items():
            text = (typed[field] or "").strip()
            values[field] = check(text) if text else None
            if text and values[field] is None:
                problems[field] = problem_text(field, text)
        if problems:
            raise CallerInvalidError(problems)
        return cls(
            phone=values["phone"],
            email=values["email"].casefold() if values["email"] else None,
            name=name_key(name) if name and name.strip() else None,
            postcode=values["postcode"],
        )

    @classmethod
    def of_caller(cls, caller: Caller) -> CallerQuery | None:
        """The query for what the adviser has typed, or None while it identifies nobody
        yet (no consent, or details still being typed)."""
        if not caller.consent:
            return None
        try:
            query = cls.typed(
                phone=caller.phone, email=caller.email, name=caller.name, postcode=caller.postcode
            )
        except CallerInvalidError:
            # Half-typed: look up what is complete, ignore what is not yet.
            query = cls(
                phone=normalise_phone(caller.phone or "") if caller.phone else None,
                email=email_key(caller.email) if caller.email and "@" in caller.email else None,
                name=name_key(caller.name) if caller.name and caller.name.strip() else None,
                postcode=normalise_postcode(caller.postcode or ""),
            )
        return None if query.is_empty() else query

    def is_empty(self) -> bool:
        return not (self.phone or self.email or (self.name and self.postcode))

    def matches(self, caller: Caller) -> bool:
        """Whether stored, consented details are this caller's."""
        if not caller.consent:
            return False
        if self.phone and caller.phone and normalise_phone(caller.phone) == self.phone:
            return True
        if self.email and caller.email and email_key(caller.email) == self.email:
            return True
        return bool(
            self.name
            and self.postcode
            and caller.name
            and caller.postcode
            and name_key(caller.name) == self.name
            and normalise_postcode(caller.postcode) == self.postcode
        )

    def to_json(self) -> dict[str, str]:
        """The request body a hub look-up sends."""
        fields = {"phone": self.phone, "email": self.email}
        if self.name and self.postcode:
            fields |= {"name": self.name, "postcode": self.postcode}
        return {key: value for key, value in fields.items() if value}


@dataclass(frozen=True, slots=True)
class PastEnquiry:
    """An earlier enquiry of the caller, as the enquiry panel and `enquiries history` show
    it. `on_this_desk` is False for one only the hub knows (made at another desk)."""

    id: str
    started_at: dt.datetime
    service_ids: tuple[str, ...]
    outcome: Outcome | None
    referral_status: ReferralStatus | None
    reason: str | None = None
    reference: str | None = None  # the enquiry's short reference, where it has one
    on_this_desk: bool = True


def past_enquiry(enquiry: Enquiry) -> PastEnquiry:
    return PastEnquiry(
        id=enquiry.id,
        started_at=enquiry.started_at,
        service_ids=enquiry.service_ids,
        outcome=enquiry.outcome,
        referral_status=enquiry.referral_status,
        reason=enquiry.reason,
        reference=enquiry.reference,
    )


def desk_history(
    desk: DeskStore,
    query: CallerQuery,
    *,
    since: dt.datetime | None = None,
    exclude: str | None = None,
) -> list[PastEnquiry]:
    """The caller's enquiries saved on this desk (started on or after `since`), newest
    first, leaving out `exclude` (the enquiry being typed)."""
    if query.is_empty():
        return []
    e = t.enquiries
    select_rows = (
        select(e)
        .where(e.c.caller.is_not(None), _may_match(query))
        .order_by(e.c.started_at.desc(), e.c.id.desc())
    )
    if since is not None:
        select_rows = select_rows.where(e.c.started_at >= stamp(since))
    if exclude is not None:
        select_rows = select_rows.where(e.c.id != exclude)
    with desk.engine.connect() as conn:
        rows = conn.execute(select_rows).all()
    found = []
    for row in rows:
        state = state_from_row(row)
        if query.matches(state.caller):  # the text match below only narrows the rows
            found.append(past_enquiry(enquiry_from(row, state)))
    return found


def _may_match(query: CallerQuery) -> ColumnElement[bool]:
    """Rows whose caller JSON contains one of the stored values looked for: a cheap first
    cut that `CallerQuery.matches` then confirms (SQLite's LIKE ignores ASCII case)."""
    column = t.enquiries.c.caller
    needles = [query.phone, query.email, query.postcode if query.name else None]
    return or_(*(column.like(f"%{_escaped(n)}%", escape="\\") for n in needles if n))


def _escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def merged(*sources: Iterable[PastEnquiry]) -> list[PastEnquiry]:
    """Enquiries from several sources, each once (the first source's copy wins: this
    desk's, which may hold changes not yet sent), newest first."""
    seen: dict[str, PastEnquiry] = {}
    for source in sources:
        for enquiry in source:
            seen.setdefault(enquiry.id, enquiry)
    return sorted(seen.values(), key=lambda p: (p.started_at, p.id), reverse=True)


def recent_cutoff(now: dt.datetime | None = None, days: int = RECENT_DAYS) -> dt.datetime:
    return (now or dt.datetime.now(dt.UTC)) - dt.timedelta(days=days)


def to_json(enquiry: PastEnquiry) -> dict[str, Any]:
    """One past enquiry for `enquiries history --json`."""
    return {
        "id": enquiry.id,
        "reference": enquiry.reference,
        "started_at": enquiry.started_at.isoformat(),
        "service_ids": list(enquiry.service_ids),
        "outcome": enquiry.outcome.value if enquiry.outcome else None,
        "referral_status": enquiry.referral_status.value if enquiry.referral_status else None,
        "reason": enquiry.reason,
        "on_this_desk": enquiry.on_this_desk,
    }


def from_json(data: Any) -> PastEnquiry | None:
    """A past enquiry as the hub's caller look-up answers it; None if malformed."""
    try:
        started = dt.datetime.fromisoformat(data["started_at"])
        outcome, status = data.get("outcome"), data.get("referral_status")
        return PastEnquiry(
            id=str(data["id"]),
            started_at=started if started.tzinfo else started.replace(tzinfo=dt.UTC),
            service_ids=tuple(str(s) for s in data.get("service_ids") or ()),
            outcome=Outcome(outcome) if outcome else None,
            referral_status=ReferralStatus(status) if status else None,
            reason=data.get("reason") if isinstance(data.get("reason"), str) else None,
            reference=data.get("reference") if isinstance(data.get("reference"), str) else None,
            on_this_desk=False,
        )
    except (KeyError, TypeError, ValueError):
        return None
