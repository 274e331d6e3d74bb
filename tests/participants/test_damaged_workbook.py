"""An attribute sheet that is a sound zip but a damaged Excel workbook: one catalogue message naming the file."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from lobcoder.errors import ImportProblem
from lobcoder.participants.sheets import read_sheet


def _workbook(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["document", "school"])
    sheet.append(["Anna_r1", "ROC Oost"])
    workbook.save(path)
    return path


def _replace_member(path: Path, name: str, data: bytes) -> None:
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    members[name] = data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, content in members.items():
            archive.writestr(member, content)


@pytest.mark.parametrize(
    "member",
    ["xl/workbook.xml", "xl/worksheets/sheet1.xml"],
    ids=["workbook part", "worksheet part"],
)
def test_a_damaged_workbook_is_worded_without_openpyxl(tmp_path: Path, member: str) -> None:
    path = _workbook(tmp_path / "deelnemers.xlsx")
    assert read_sheet(path).rows == (("Anna_r1", "ROC Oost"),)
    _replace_member(path, member, b"<?xml version='1.0'?><worksheet><sheetData><row><c r='A1' t='s'>")
    with pytest.raises(ImportProblem) as caught:
        read_sheet(path)
    assert caught.value.path == str(path)
    assert caught.value.text("en") == (
        f"{path}: is an Excel workbook (.xlsx) that is damaged; open it in Excel and save it again"
    )
    assert caught.value.text("nl") == (
        f"{path}: is een beschadigde Excel-werkmap (.xlsx); open hem in Excel en sla hem opnieuw op"
    )


def test_a_zip_that_is_no_workbook_is_named_for_what_it_should_be(tmp_path: Path) -> None:
    path = tmp_path / "deelnemers.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")  # a Word file renamed
    with pytest.raises(ImportProblem) as caught:
        read_sheet(path)
    assert caught.value.text("en") == f"{path}: is not an Excel workbook (.xlsx), or it is damaged"
    assert caught.value.text("nl") == f"{path}: is geen Excel-werkmap (.xlsx) of is beschadigd"
