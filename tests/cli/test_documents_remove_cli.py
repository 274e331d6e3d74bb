"""``lobcoder documents remove``: a dry run lists and changes nothing; --yes backs up, removes, names the backup."""

from __future__ import annotations

import hashlib
from pathlib import Path

from lobcoder.storage.backups import BEFORE_REMOVE, list_backups
from tests.cli.running import run
from tests.services.test_document_removal import build


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_dry_run_lists_and_changes_nothing(tmp_path: Path) -> None:
    project = build(tmp_path)
    _, before, _ = run("show", project)
    saved = digest(project)
    code, out, _ = run("documents", "remove", project, "Verkeerd", "Student01")
    assert code == 0
    assert out.splitlines() == [
        "Verkeerd: 2 coding(s), 3 memo(s), 2 turn(s)",
        "Student01: 2 coding(s), 3 memo(s), 2 turn(s)",
        "Would remove 2 documents; nothing changed. Add --yes to remove them.",
    ]
    assert run("show", project)[1] == before and digest(project) == saved
    assert list_backups(project) == []


def test_yes_removes_and_names_the_backup_in_dutch(tmp_path: Path) -> None:
    project = build(tmp_path)
    code, out, _ = run("documents", "remove", project, "Verkeerd", "--yes", "--language", "nl")
    [backup] = list_backups(project)
    assert code == 0 and backup.reason == BEFORE_REMOVE
    assert out.splitlines() == [
        "Verkeerd: 2 codering(en), 3 memo('s), 2 beurt(en)",
        f"1 document verwijderd. Reservekopie gemaakt vooraf: {backup.path}",
    ]
    listed = run("show", project)[1]
    assert "Verkeerd" not in listed and "Student01" in listed and "Student02" in listed


def test_unknown_name_is_an_error_in_the_language_asked(tmp_path: Path) -> None:
    project = build(tmp_path)
    code, out, err = run("documents", "remove", project, "Niemand", "--yes", "--language", "nl")
    assert code != 0 and "Niemand" in err and "geen document" in err
    assert list_backups(project) == [] and "Verkeerd" in run("show", project)[1]
