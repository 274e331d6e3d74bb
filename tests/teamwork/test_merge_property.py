"""Property: whatever a second coder codes in the copy, merging adds exactly that, once."""

from __future__ import annotations

import itertools
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from lobcoder.editing.coding_commands import apply_code
from lobcoder.editing.merge_plan import name_key
from lobcoder.storage.models import Code, Document
from lobcoder.storage.project import ProjectStore
from lobcoder.teamwork.copy import prepare_copy
from lobcoder.teamwork.merge import apply_plan, plan_from_file
from lobcoder.teamwork.sample import choose_named
from tests.teamwork.helpers import TEXTS, build_project, codings, run

# A coding by the second coder: (document, code, start, length, coder name as typed).
CODERS = ["Ilse", "ilse", " ILSE ", "Sander", None]
coding = st.tuples(
    st.sampled_from(["Interview 2", "Interview 3"]),
    st.sampled_from(["Loopbaan", "Keuze", "Twijfel", "Begeleiding"]),
    st.integers(0, 45),
    st.integers(1, 20),
    st.sampled_from(CODERS),
)
counter = itertools.count()


def key(row: tuple[str, str, int, int, str | None, str]) -> tuple[object, ...]:
    return (*row[:4], name_key(row[4]) if row[4] else None, row[5])


def test_merge_adds_each_new_coding_once_and_moves_nothing(tmp_path: Path) -> None:
    main = build_project(tmp_path / "main.lobcoder")
    with main.read() as session:
        chosen = choose_named(session, ["Interview 2", "Interview 3"])
    prepare_copy(main, tmp_path / "copy.lobcoder", [c.document_id for c in chosen])
    main.close()

    @settings(max_examples=10, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(coding, max_size=12))
    def check(spans: list[tuple[str, str, int, int, str | None]]) -> None:
        n = next(counter)
        here_path, other_path = tmp_path / f"here{n}.lobcoder", tmp_path / f"other{n}.lobcoder"
        with ProjectStore.open(tmp_path / "main.lobcoder") as store:
            store.backup_to(here_path)
        with ProjectStore.open(tmp_path / "copy.lobcoder") as store:
            store.backup_to(other_path)
        with ProjectStore.open(other_path) as other:
            with other.read() as session:
                docs = dict(session.execute(select(Document.name, Document.id)).all())
                codes = dict(session.execute(select(Code.name, Code.guid)).all())
            for document, code, start, length, coder in spans:
                end = min(start + length, len(TEXTS[document]))
                run(other, apply_code(docs[document], codes[code], [(start, end)], coder))
            with other.read() as session:
                theirs = codings(session)
        with ProjectStore.open(here_path) as here:
            with here.read() as session:
                before = codings(session)
            apply_plan(here, plan_from_file(here, other_path))
            with here.read() as session:
                after = codings(session)
            again = plan_from_file(here, other_path)
        # Coder names that differ only in case or spacing are one coder here.
        assert {key(row) for row in after} == {key(row) for row in before | theirs}
        assert len(after) == len({key(row) for row in after})  # no coding twice
        assert len({name_key(row[4]) for row in after if row[4]}) == len({row[4] for row in after if row[4]})
        assert not again.changes_anything

    check()
