"""Migration 0010 on PostgreSQL: a server database at 0009 with two top-level codes of one name, upgraded.

Runs only when ``LOBCODER_TEST_POSTGRES_URL`` names an empty database to use
(docs/POSTGRESQL.md); its ``public`` schema is dropped before and after.
The same upgrade on a project file is tested in ``test_migrations.py``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.pool import NullPool

from lobcoder.storage.project import _upgrade

POSTGRES_URL = os.environ.get("LOBCODER_TEST_POSTGRES_URL")


def _empty(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))


@pytest.fixture
def engine() -> Iterator[Engine]:
    if not POSTGRES_URL:
        pytest.skip("set LOBCODER_TEST_POSTGRES_URL to an empty PostgreSQL database to run (docs/POSTGRESQL.md)")
    engine = create_engine(POSTGRES_URL, poolclass=NullPool)
    _empty(engine)
    yield engine
    _empty(engine)
    engine.dispose()


def test_a_server_database_with_two_top_level_codes_of_one_name_is_upgraded(engine: Engine) -> None:
    _upgrade(engine, "0009")
    with engine.begin() as connection:
        for code_id, name in [(1, "Keuze"), (2, "Keuze"), (3, "Zorg")]:
            connection.execute(
                text(
                    "INSERT INTO codes (id, parent_id, position, name, color, description, definition, inclusion, "
                    "exclusion, examples, keywords, guid) VALUES (:id, NULL, 0, :name, '#7f7f7f', '', '', '', '', "
                    "'', '', :guid)"
                ),
                {"id": code_id, "name": name, "guid": f"g-{code_id}"},
            )
    _upgrade(engine)
    with engine.begin() as connection:
        names = dict(connection.execute(text("SELECT id, name FROM codes")).all())
        memos = connection.execute(text("SELECT code_id, title FROM memos")).all()
        kind = connection.execute(
            text(
                "SELECT data_type FROM information_schema.columns "
                "WHERE table_name = 'speaker_turns' AND column_name = 'timestamp_ms'"
            )
        ).scalar_one()
    assert names == {1: "Keuze", 2: "Keuze (2)", 3: "Zorg"}
    assert [code_id for code_id, _title in memos] == [2]
    assert kind == "bigint"
    with pytest.raises(IntegrityError) as raised, engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO codes (id, position, name, color, description, guid) "
                "VALUES (10, 0, 'Zorg', '#000000', '', 'x')"
            )
        )
    assert "uq_code_top_level_name" in str(raised.value)
