"""A privacy reviewer's read of a pseudonymised export: no accepted original in any part of any file."""

from __future__ import annotations

import zipfile
from pathlib import Path

from sqlalchemy import update

from lobcoder.__main__ import main
from lobcoder.storage.models import Participant, ProjectSetting
from lobcoder.storage.project import ProjectStore

# Joost's decision is rejected in ``decided``: he may stay. "Meerwijk" is also the short form of "Meerwijk College".
ORIGINALS = ("Marieke", "Samira", "Ruud", "Annelies", "ROC Veenstroom", "Meerwijk", "Fenna", "Sander")


def parts(path: Path) -> dict[str, str]:
    """Every part a reader can open: each member of a zip (document, core properties, sources) or the file."""
    if path.suffix in (".docx", ".xlsx", ".qdpx"):
        with zipfile.ZipFile(path) as archive:
            return {f"{path.name}:{n}": archive.read(n).decode("utf-8", "replace") for n in archive.namelist()}
    return {path.name: path.read_bytes().decode("utf-8", "replace")}


def test_no_part_of_a_pseudonymised_export_holds_an_original(decided: Path, tmp_path: Path) -> None:
    with ProjectStore.open(decided) as store, store.transaction() as session:
        # Where a name hides besides the texts: a participant's description, the project's name.
        session.execute(
            update(Participant)
            .where(Participant.name == "Marieke")
            .values(description="Marieke geeft les op ROC Veenstroom")
        )
        session.execute(
            update(ProjectSetting).where(ProjectSetting.key == "name").values(value="LOB ROC Veenstroom (Fenna)")
        )
    out = tmp_path / "out"
    out.mkdir()
    for args in (
        ["project", "export", str(decided), "--out", str(out / "gedeeld.qdpx")],
        ["report", "quotes", str(decided), "--out", str(out / "citaten.xlsx")],
        ["transcripts", str(decided), "--out", str(out / "t"), "--format", "docx"],
        ["codebook", "export", str(decided), "--out", str(out / "codeboek.docx"), "--counts"],
    ):
        assert main([*args, "--pseudonymise"]) == 0, args
    copy = tmp_path / "gedeeld.lobcoder"
    assert main(["pseudonymise", "apply", str(decided), "--out", str(copy), "--key", str(tmp_path / "k.json")]) == 0
    found = {
        name: [o for o in ORIGINALS if o.casefold() in text.casefold()]
        for path in [*out.rglob("*.*"), copy]
        for name, text in parts(path).items()
    }
    assert len(found) > 20 and any(name.endswith("docProps/core.xml") for name in found)
    assert {name: originals for name, originals in found.items() if originals} == {}
    qdpx = "\n".join(parts(out / "gedeeld.qdpx").values())
    assert "Docent 1 geeft les op School A" in qdpx and 'name="LOB School A (Coder 1)"' in qdpx
