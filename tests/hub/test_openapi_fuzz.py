"""Property-based fuzzing of the hub against its own OpenAPI document (schemathesis).

Every operation the document describes is called with generated requests, anonymously and
with an adviser's token: schema-valid requests must get a documented status, content type
and body (HSDS objects are checked against the specification's own schemas, from
../shared/data rather than the network), and deliberately invalid ones must never get a
5xx. Bounded by a request budget shared out over the operations, so the run stays under a
minute however many endpoints the document grows: valid requests on SQLite and PostgreSQL,
invalid ones (slower to generate) on SQLite.
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

from frontdesk.hub.catalogue.imports import import_feeds
from frontdesk.hub.http.openapi import HSDS_SCHEMA, openapi_document
from tests.helpers.hub import Hub, event_op, small_feed

POSITIVE_BUDGET, NEGATIVE_BUDGET, MIN_EXAMPLES = 500, 200, 4
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
    import_feeds(hub.engine, [("demo", small_feed())], actor="test")
    signed_in = hub.adviser("ann", "kirklees")
    hub.client.post(
        "/sync/v1/push", json={"device_id": "desk-1", "ops": [event_op(1)]}, headers=signed_in
    )
    document = _localised(openapi_document(), shared_data / "hsds-3.0-specification" / "schema")
    schema = schemathesis.openapi.from_dict(document)
    schema.app = hub.client.app
    checks = CONFORMANCE if mode is GenerationMode.POSITIVE else [not_a_server_error]
    failures: list[str] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    examples = max(MIN_EXAMPLES, budget // (2 * len(operations)))
    for operation in operations:
        for headers in ({}, {"Authorization": signed_in["Authorization"]}):
            test = _operation_test(operation, mode, examples, headers, checks)
            try:
                test()
            except BaseException as error:  # hypothesis raises exception groups
                if isinstance(error, KeyboardInterrupt):
                    raise
                if "Unable to satisfy assumptions" in str(error):
                    continue  # nothing invalid can be generated (no parameters)
                who = "signed in" if headers else "anonymous"
                failures.append(f"{operation.label} ({who}): {error}")
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
