"""The migrations build exactly the schema the code queries, on both databases."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine

from frontdesk.hub.migrate import current_revision, head_revision, upgrade
from frontdesk.hub.schema import metadata


# SQLite cannot reflect the report's expression indexes (PostgreSQL only, revision 0009);
# PostgreSQL compares them.
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based")
def test_the_migrated_database_matches_the_table_definitions(engine: Engine) -> None:
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []


def test_upgrading_again_changes_nothing(engine: Engine) -> None:
    assert upgrade(engine) == (head_revision(), head_revision())
