"""Record-report ops as a desk pushes them, for the hub, security and sync tests."""

from __future__ import annotations

from typing import Any


def report_op(
    seq: int,
    *,
    report: str,
    service: str,
    field: str = "phone",
    problem: str = "the number rings out",
    suggested: str | None = None,
    at: str = "2026-12-01T10:00:00+00:00",
    op_id: str | None = None,
) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "report_id": report,
        "service_id": service,
        "field": field,
        "problem": problem,
        "at": at,
    }
    if suggested is not None:
        payload["suggested"] = suggested
    return {
        "op_id": op_id or f"op-{report}",
        "device_seq": seq,
        "schema_v": 1,
        "kind": "record_report",
        "payload": payload,
    }
