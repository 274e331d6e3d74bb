"""A project saved by a newer lobcoder is refused by the CLI in one line, and left as it was."""

from __future__ import annotations

import contextlib
import io
import sqlite3
from pathlib import Path

from lobcoder.__main__ import main
from lobcoder.services.documents import add_document
from lobcoder.storage.project import SCHEMA_HEAD, ProjectStore


def test_info_on_a_project_from_a_newer_lobcoder_says_to_update(tmp_path: Path) -> None:
    path = tmp_path / "studie.lobcoder"
    with ProjectStore.create(path) as store, store.transaction() as session:
        add_document(session, "Anna", "Interviewer: Hoe ging de stage?\nAnna: Goed.\n")
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '0042'")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(["info", str(path)])
    assert code == 2
    assert err.getvalue() == (
        f"lobcoder: error: {path} was saved by a newer lobcoder (schema 0042); this version knows up to "
        f"{SCHEMA_HEAD}. Update lobcoder to open it.\n"
    )
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["studie.lobcoder"]
