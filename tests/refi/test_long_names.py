"""A .qdpx or .qdc from another program with names longer than lobcoder's columns imports, with the names cut.

ATLAS.ti, MAXQDA, NVivo and QualCoder allow longer names than lobcoder's
columns hold (300 characters for codes, sources, cases and memo titles, 200
for users and variables). Such a name is cut to fit and the import report
says so in English and Dutch; the rest of the file comes in as it is. Run the
codebook test on a server with ``pytest --project-on=postgresql``.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from sqlalchemy import select

from lobcoder.editing.codebook_import import ImportCodebook, plan_codebook_import
from lobcoder.refi.qdc import read_qdc
from lobcoder.refi.qdpx_import import import_qdpx
from lobcoder.storage.models import Attribute, Code, Coder, Coding, Document, Memo, Participant
from lobcoder.storage.project import ProjectStore

USER = "5E2A9F7C-1D5B-4C1E-9A7E-2B3C4D5E6F70"
CODE_1 = "7A1B2C3D-4E5F-4061-8273-9A8B7C6D5E41"
CODE_2 = "7A1B2C3D-4E5F-4061-8273-9A8B7C6D5E42"
SOURCE = "3B4C5D6E-7F80-4192-A3B4-C5D6E7F80911"
VARIABLE = "6C4C5D6E-7F80-4192-A3B4-C5D6E7F80912"
LONG_CODE = ("Loopbaanbegeleiding door de mentor in het eerste jaar " * 8).strip()  # 431 characters
LONG_SOURCE = ("Interview met een student over de stage " * 10).strip()  # 399
LONG_USER = ("Onderzoeker " * 21).strip()  # 251
CASE = ("Anna " * 70).strip()  # 349
TITLE = ("Memo " * 80).strip()  # 399


def write_qdpx(path: Path) -> Path:
    qde = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<Project xmlns="urn:QDA-XML:project:1.0" name="Extern" origin="NVivo">'
        f'<Users><User guid="{USER}" name="{LONG_USER}"/></Users>'
        "<CodeBook><Codes>"
        f'<Code guid="{CODE_1}" name="{LONG_CODE}" isCodable="true"/>'
        f'<Code guid="{CODE_2}" name="{LONG_CODE}2" isCodable="true"/>'  # the same first 300 characters
        "</Codes></CodeBook>"
        f'<Variables><Variable guid="{VARIABLE}" name="{"V" * 250}" typeOfVariable="Text"/></Variables>'
        f'<Cases><Case guid="4B4C5D6E-7F80-4192-A3B4-C5D6E7F80913" name="{CASE}">'
        f'<VariableValue><VariableRef targetGUID="{VARIABLE}"/><TextValue>mbo 4</TextValue></VariableValue>'
        f'<SourceRef targetGUID="{SOURCE}"/></Case></Cases>'
        f'<Sources><TextSource guid="{SOURCE}" name="{LONG_SOURCE}" plainTextPath="internal://a.txt">'
        f'<PlainTextSelection guid="00000000-0000-4000-8000-000000000001" startPosition="0" endPosition="3" '
        f'creatingUser="{USER}"><Coding guid="00000000-0000-4000-8000-000000000101" creatingUser="{USER}">'
        f'<CodeRef targetGUID="{CODE_1}"/></Coding></PlainTextSelection>'
        "</TextSource></Sources>"
        f'<Notes><Note guid="00000000-0000-4000-8000-000000000201" name="{TITLE}">'
        "<PlainTextContent>Eerste indruk.</PlainTextContent></Note></Notes>"
        "</Project>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", qde.encode())
        archive.writestr("sources/a.txt", b"Ja, dat klopt.")
    return path


def test_a_qdpx_with_over_long_names_imports_with_the_names_cut_and_noted(tmp_path: Path) -> None:
    report = import_qdpx(write_qdpx(tmp_path / "extern.qdpx"), tmp_path / "extern.lobcoder")
    with ProjectStore.open(tmp_path / "extern.lobcoder") as store, store.read() as session:
        codes = sorted(session.scalars(select(Code.name)))
        assert codes == [LONG_CODE[:296] + " (2)", LONG_CODE[:300]]
        assert session.scalars(select(Document.name)).all() == [LONG_SOURCE[:300]]
        assert session.scalars(select(Document.original_filename)).all() == [LONG_SOURCE]
        assert session.scalars(select(Coder.name)).all() == [LONG_USER[:200]]
        assert session.scalars(select(Participant.name)).all() == [
            CASE[:299]
        ]  # cut at 300, the space at the end left off
        assert session.scalars(select(Attribute.name)).all() == ["V" * 200]
        assert session.scalars(select(Memo.title)).all() == [TITLE[:299]]  # "Memo " cut at 300, the space left off
        assert session.scalar(select(Coding.code_id)) == session.scalar(select(Code.id).where(Code.name == codes[1]))
    english = [str(note) for note in report.notes]
    assert f"the name of code '{LONG_CODE[:40]}…' had 431 characters; shortened to 300" in english
    assert f"the name of source {LONG_SOURCE[:40]}… had 399 characters; shortened to 300" in english
    assert f"the name of user {LONG_USER[:40]}… had 251 characters; shortened to 200" in english
    assert f"the title of note {TITLE[:40]}… had 399 characters; shortened to 300" in english
    assert sum("shortened to" in line for line in english) == 7  # two codes, source, user, case, variable, note
    dutch = [note.text("nl") for note in report.notes]
    assert f"de naam van code '{LONG_CODE[:40]}…' had 431 tekens; ingekort tot 300" in dutch


def test_a_qdc_with_an_over_long_code_name_imports_with_the_name_cut(store: ProjectStore, tmp_path: Path) -> None:
    qdc = tmp_path / "codes.qdc"
    qdc.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="MAXQDA"><Codes>'
        f'<Code guid="{CODE_1}" name="{LONG_CODE}" isCodable="true"/>'
        f'<Code guid="{CODE_2}" name="Kort" isCodable="true"/>'
        "</Codes></CodeBook>",
        encoding="utf-8",
    )
    with store.read() as session:
        plan = plan_codebook_import(session, read_qdc(qdc)[0])
    assert [note.text("nl") for note in plan.notes] == [
        f"de naam van code '{LONG_CODE[:40]}…' had 431 tekens; ingekort tot 300"
    ]
    with store.transaction() as session:
        ImportCodebook(plan).apply(session)
    with store.read() as session:
        assert sorted(session.scalars(select(Code.name))) == ["Kort", LONG_CODE[:300]]
