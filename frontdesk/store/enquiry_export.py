"""Enquiries written out as CSV (for a spreadsheet) or JSON (for another program).

The file appears whole or not at all: it is written beside its target, flushed to disk and
then renamed over it, so a reader never sees half an export and a crash never destroys the
previous one. Caller details are left out unless asked for: exports get emailed around.

A reader of an export has no catalogue to look ids up in, so each service id comes with
the service's name and agency as the catalogue had them at export time, and each row names
the adviser the export was made for (the desk records no adviser per enquiry: one person
uses a desk's data folder).
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from frontdesk.core.enquiry import Enquiry
from frontdesk.store.caller_details import display_phone

COLUMNS = (
    "reference",
    "id",
    "channel",
    "started_at",
    "saved_at",
    "outcome",
    "reason",
    "duration_seconds",
    "wrap_up_seconds",
    "service_ids",
    "service_names",
    "referral_service_id",
    "referral_service_name",
    "referral_status",
    "sync_state",
    "rejection_reason",
    "notes",
    "follows_id",
    "follow_up_done_at",
    "adviser",
)
CALLER_COLUMNS = ("caller_name", "caller_phone", "caller_email", "caller_postcode")
# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def enquiry_record(
    enquiry: Enquiry,
    *,
    include_caller: bool,
    service_names: Mapping[str, str] | None = None,
    adviser: str | None = None,
) -> dict[str, Any]:
    """One enquiry as a flat record. Without `service_names` (a listing rather than an
    export) the names and the adviser are left out."""
    names = service_names
    done = enquiry.follow_up_done_at
    record: dict[str, Any] = {
        "reference": enquiry.reference,
        "id": enquiry.id,
        "channel": enquiry.channel.value,
        "started_at": enquiry.started_at.isoformat(),
        "saved_at": enquiry.saved_at.isoformat(),
        "outcome": enquiry.outcome.value if enquiry.outcome else None,
        "reason": enquiry.reason,
        "duration_seconds": enquiry.duration_seconds,
        "wrap_up_seconds": enquiry.wrap_up_seconds,
        "service_ids": list(enquiry.service_ids),
        "referral_service_id": enquiry.referral_service_id,
        "referral_status": enquiry.referral_status.value if enquiry.referral_status else None,
        "sync_state": enquiry.sync_state.value,
        "rejection_reason": enquiry.rejection_reason,
        "notes": list(enquiry.notes),
        "follows_id": enquiry.follows_id,
        "follow_up_done_at": done.isoformat() if done else None,
    }
    if names is not None:
        referral = enquiry.referral_service_id
        record["service_names"] = [names.get(s, "") for s in enquiry.service_ids]
        record["referral_service_name"] = names.get(referral, "") if referral else None
        record["adviser"] = adviser
    if include_caller:
        caller = enquiry.caller
        record |= {
            "caller_name": caller.name,
            "caller_phone": caller.phone,
            "caller_email": caller.email,
            "caller_postcode": caller.postcode,
        }
    return record


def write_export(
    enquiries: Sequence[Enquiry],
    out: Path,
    fmt: Literal["csv", "json"],
    *,
    include_caller: bool = False,
    service_names: Mapping[str, str] | None = None,
    adviser: str | None = None,
) -> int:
    """Write the enquiries to `out`; returns how many. Raises OSError if it cannot.

    `service_names` maps service ids to "name (agency)"; ids it lacks (a service since
    withdrawn from the catalogue) get an empty name, so names stay in step with the ids.
    """
    names = service_names or {}
    records = [
        enquiry_record(e, include_caller=include_caller, service_names=names, adviser=adviser)
        for e in enquiries
    ]
    if fmt == "json":
        text, encoding = json.dumps(records, ensure_ascii=False, indent=2) + "\n", "utf-8"
    elif fmt == "csv":
        columns = (*COLUMNS, *CALLER_COLUMNS) if include_caller else COLUMNS
        # A spreadsheet is read by people, and a leading + would be taken for a formula.
        for record in records:
            if record.get("caller_phone"):
                record["caller_phone"] = display_phone(record["caller_phone"])
        # utf-8-sig so Excel, which most councils open CSVs in, reads accents correctly.
        text, encoding = _csv_text(records, columns), "utf-8-sig"
    else:
        raise ValueError(f"unknown export format {fmt!r}; use csv or json")
    _replace_atomically(out, text, encoding)
    return len(records)


def _csv_text(records: list[dict[str, Any]], columns: Sequence[str]) -> str:
    buffer = io.StringIO(newline="")
    sheet = csv.writer(buffer)
    sheet.writerow(columns)
    for record in records:
        sheet.writerow([_cell(record[c]) for c in columns])
    return buffer.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = " | ".join(value) if isinstance(value, list) else str(value)
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def _replace_atomically(out: Path, text: str, encoding: str) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, out)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    _sync_folder(out.parent)


def _sync_folder(folder: Path) -> None:
    # The rename is only durable once the folder's entry is on disk; Windows has no such call.
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
