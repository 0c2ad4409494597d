"""Who may call what: role checks that refuse with a 403 and a reason the caller can read.

Kept in one place so every endpoint words a refusal the same way and the authorisation
matrix test has one vocabulary of codes to expect (`role_forbidden`, `org_forbidden`).
"""

from __future__ import annotations

from collections.abc import Iterable

from frontdesk.hub.accounts.auth import Principal
from frontdesk.hub.accounts.registry import Role
from frontdesk.hub.http.endpoint import ApiError


def require_role(who: Principal, allowed: Iterable[Role], what: str) -> None:
    """Refuse unless the account's role is one of `allowed`; `what` names the action."""
    roles = tuple(allowed)
    if who.role not in roles:
        names = " or ".join(r.value for r in roles)
        raise ApiError(
            403,
            "role_forbidden",
            f"{who.role.value} accounts cannot {what}; it needs a {names} account",
        )


def require_org(who: Principal, organization_id: str | None, what: str) -> None:
    """Refuse unless the record belongs to the account's organisation (admins see all).
    The answer neither echoes the id asked for nor says whether it exists: another
    organisation's and one that does not exist are refused alike."""
    if who.role is Role.ADMIN or organization_id == who.organization_id:
        return
    raise ApiError(
        403, "org_forbidden", f"{who.role.value} accounts see only their own organisation's {what}"
    )
