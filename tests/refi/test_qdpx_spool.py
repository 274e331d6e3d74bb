"""A large project.qde kept during a .qdpx import stays in the new project's folder, not the system temp folder."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from lobcoder.refi import qdpx_import, qdpx_read
from lobcoder.refi.qdpx_export import export_qdpx
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import add_document, get_document
from lobcoder.storage.project import ProjectStore

TEXT = "Interviewer: Wie hielp je kiezen?\nAnna: De mentor, één gesprek over coördinatie van de stage.\n"


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to see where open files are")
def test_the_kept_project_qde_is_in_the_new_projects_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, open_files: Callable[[], list[str]]
) -> None:
    source = tmp_path / "bron.lobcoder"
    with ProjectStore.create(source) as store:
        with store.transaction() as session:
            document = add_document(session, "Anna", TEXT).id
            code = create_code(session, "Begeleiding").id
            start = TEXT.index("De mentor")
            add_coding(session, document, code, start, start + len("De mentor"), coder="anna")
        export_qdpx(store, tmp_path / "studie.qdpx")
    system_temp = tmp_path / "systeem-temp"
    system_temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", system_temp)
    monkeypatch.setattr(qdpx_read, "QDE_IN_MEMORY", 64)  # every project.qde is kept in a file, as past 16 MB
    seen: list[list[str]] = []
    storing = qdpx_import.store_qdpx

    def watched(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(open_files())  # project.qde has been read once and is kept for the second pass
        return storing(*args, **kwargs)

    monkeypatch.setattr(qdpx_import, "store_qdpx", watched)
    folder = tmp_path / "onderzoek"
    folder.mkdir()
    qdpx_import.import_qdpx(tmp_path / "studie.qdpx", folder / "studie.lobcoder")
    (files,) = seen
    assert any(f.startswith(f"{folder}{os.sep}") and f.endswith(" (deleted)") for f in files)  # nameless, beside
    assert not any(f.startswith(str(system_temp)) for f in files)
    assert list(system_temp.iterdir()) == []
    assert sorted(p.name for p in folder.iterdir()) == ["studie.lobcoder"]
    with ProjectStore.open(folder / "studie.lobcoder") as store, store.read() as session:
        assert get_document(session, "Anna").text == TEXT
