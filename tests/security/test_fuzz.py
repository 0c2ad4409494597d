"""Property-based fuzzing of the hub against its own OpenAPI document (schemathesis).

Every operation the document describes is called with generated requests by every kind
of caller — anonymous, adviser, supervisor, agency and admin. None may ever get a 5xx;
schema-valid requests, anonymous and as an adviser, must also get a documented status,
content type and body (HSDS objects are checked against the specification's own schemas,
from ../shared/data rather than the network). Bounded by a request budget shared out
over the operations and callers, with hypothesis derandomised (the same examples every
run), so the run stays well under two minutes however many endpoints the document grows:
valid requests on SQLite and PostgreSQL, invalid ones (slower to generate) on SQLite.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.generation.modes import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from frontdesk.hub.http.openapi import HSDS_SCHEMA, openapi_document
from tests.helpers.hub import Hub
from tests.helpers.referral_world import CALLER, SERVICE, make_world

POSITIVE_BUDGET, NEGATIVE_BUDGET, MIN_EXAMPLES = 600, 300, 2
#: The callers whose answers must also be documented ones (others: no 5xx only).
CONFORMING = (None, "adviser")
CALLERS = (None, "adviser", "supervisor", "agency", "admin")
CONFORMANCE = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


def _extreme_datetimes() -> st.SearchStrategy[str]:
    """Dates at the edges of what Python can hold, with offsets that push them over:
    the values that once made the hub answer 500."""
    overflowing = st.sampled_from(["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00"])
    ordinary = st.datetimes(timezones=st.just(dt.UTC)).map(dt.datetime.isoformat)
    return st.one_of(overflowing, ordinary)


schemathesis.openapi.format("date-time", _extreme_datetimes())


def _localised(node: Any, schema_dir: Path) -> Any:
    """The document with each HSDS schema URL replaced by the schema's local copy."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(HSDS_SCHEMA):
            return json.loads((schema_dir / ref.removeprefix(HSDS_SCHEMA)).read_text())
        return {key: _localised(value, schema_dir) for key, value in node.items()}
    if isinstance(node, list):
        return [_localised(value, schema_dir) for value in node]
    return node


def _fuzz(hub: Hub, shared_data: Path, mode: GenerationMode, budget: int) -> list[str]:
    world = make_world(hub)
    world.enquiry("e1", caller=CALLER, refer_to=SERVICE)  # something for each role to read
    document = _localised(openapi_document(), shared_data / "hsds-3.0-specification" / "schema")
    schema = schemathesis.openapi.from_dict(document)
    schema.app = hub.client.app
    failures: list[str] = []
    # Signing out revokes the caller's token: last, so the other operations run signed in.
    operations = sorted(
        (result.ok() for result in schema.get_all_operations()),
        key=lambda operation: operation.path == "/auth/v1/logout",
    )
    examples = max(MIN_EXAMPLES, budget // (len(CALLERS) * len(operations)))
    for operation in operations:
        unsatisfiable = False
        for caller in CALLERS:
            if unsatisfiable:
                break  # as for the caller before: the search would be as long and as vain
            headers = {}
            if caller is not None:
                headers = {"Authorization": world.headers[caller]["Authorization"]}
            conforming = mode is GenerationMode.POSITIVE and caller in CONFORMING
            checks = CONFORMANCE if conforming else [not_a_server_error]
            test = _operation_test(operation, mode, examples, headers, checks)
            try:
                test()
            except BaseException as error:  # hypothesis raises exception groups
                if isinstance(error, KeyboardInterrupt):
                    raise
                if "Unable to satisfy assumptions" in str(error):
                    unsatisfiable = True  # nothing invalid can be generated (no parameters)
                    continue
                failures.append(f"{operation.label} ({caller or 'anonymous'}): {error}")
    return failures


def _operation_test(
    operation: Any, mode: GenerationMode, examples: int, headers: dict[str, str], checks: Any
) -> Callable[[], None]:
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def run(case: Any) -> None:
        case.call_and_validate(headers=headers, checks=checks)

    return run  # type: ignore[no-any-return]


@pytest.mark.slow
def test_valid_requests_get_documented_answers(hub: Hub, shared_data: Path) -> None:
    failures = _fuzz(hub, shared_data, GenerationMode.POSITIVE, POSITIVE_BUDGET)
    assert not failures, "\n\n".join(failures)


@pytest.mark.slow
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_invalid_requests_never_get_a_server_error(hub: Hub, shared_data: Path) -> None:
    failures = _fuzz(hub, shared_data, GenerationMode.NEGATIVE, NEGATIVE_BUDGET)
    assert not failures, "\n\n".join(failures)
