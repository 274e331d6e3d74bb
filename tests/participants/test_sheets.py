"""Reading attribute sheets: real CSV and XLSX files as Dutch Excel writes them."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from lobcoder.errors import ImportProblem
from lobcoder.participants.sheets import read_sheet


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_dutch_excel_csv_semicolons_and_cp1252(tmp_path: Path) -> None:
    path = write(
        tmp_path / "deelnemers.csv",
        "Document;Deelnemer;School;Opmerking\r\n"
        "Docent01_w1;Docent01;Da Vinci College;coördinator, één jaar\r\n"
        "\r\n"
        'Docent02_w1;Docent02;Sint-Jansschool;"zegt ""ja""; twijfelt"\r\n',
        "cp1252",
    )
    sheet = read_sheet(path)
    assert sheet.header == ("Document", "Deelnemer", "School", "Opmerking")
    assert sheet.rows == (
        ("Docent01_w1", "Docent01", "Da Vinci College", "coördinator, één jaar"),
        ("Docent02_w1", "Docent02", "Sint-Jansschool", 'zegt "ja"; twijfelt'),
    )
    assert sheet.row_numbers == (2, 4)  # the empty line is row 3


def test_utf8_bom_comma_csv_with_short_rows(tmp_path: Path) -> None:
    path = write(tmp_path / "s.csv", "\ufeffdocument,wave,rol\nDocent01_w1,1\nDocent01_w2,2,docent\n")
    sheet = read_sheet(path)
    assert sheet.header == ("document", "wave", "rol")
    assert sheet.rows == (("Docent01_w1", "1", ""), ("Docent01_w2", "2", "docent"))


def test_tab_separated_with_decimal_commas(tmp_path: Path) -> None:
    path = write(tmp_path / "s.txt", "naam\tscore\nAnna\t7,5\nBram\t8,25\n")
    sheet = read_sheet(path)
    assert sheet.header == ("naam", "score")
    assert sheet.column(1) == ["7,5", "8,25"]


def test_single_column_sheet(tmp_path: Path) -> None:
    sheet = read_sheet(write(tmp_path / "s.csv", "deelnemer\nAnna\nBram\n"))
    assert sheet.header == ("deelnemer",)
    assert sheet.rows == (("Anna",), ("Bram",))


def test_xlsx_values_become_strings(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Transcript", "Datum", "Uren", "Score", "Tijdstip", None])
    sheet.append(["Docent01_w1", datetime(2023, 3, 14), 3.0, 1.125, datetime(2023, 3, 14, 9, 30), None])
    sheet.append(["Docent02_w1", date(2023, 4, 3), 12, 7.5, None, None])
    sheet.append([None, None, None, None, None, None])
    sheet["H10"] = None  # stretches the sheet's dimension with nothing in it
    workbook.create_sheet("Tweede").append(["naam"])
    workbook.save(tmp_path / "w.xlsx")

    result = read_sheet(tmp_path / "w.xlsx")
    assert result.header == ("Transcript", "Datum", "Uren", "Score", "Tijdstip")
    assert result.rows == (
        ("Docent01_w1", "2023-03-14", "3", "1.125", "2023-03-14 09:30"),
        ("Docent02_w1", "2023-04-03", "12", "7.5", ""),
    )
    assert result.row_numbers == (2, 3)
    assert (0, 3) in result.exact and (0, 0) not in result.exact


def test_xlsx_named_worksheet(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.append(["iets"])
    second = workbook.create_sheet("Deelnemers")
    second.append(["naam", "rol"])
    second.append(["Anna", "docent"])
    workbook.save(tmp_path / "w.xlsx")
    assert read_sheet(tmp_path / "w.xlsx", "Deelnemers").rows == (("Anna", "docent"),)
    with pytest.raises(ImportProblem, match=r"no worksheet named 'Nope'.*Deelnemers"):
        read_sheet(tmp_path / "w.xlsx", "Nope")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("leeg.csv", b"", "empty"),
        ("spaties.csv", b"  \r\n\r\n ", "empty"),
        ("kop.csv", b"document;wave\n", "no rows"),
        ("dubbel.csv", b"document;Wave;wave\nA;1;2\n", "duplicate column names"),
        ("geen_kop.csv", b"1;2023-03-14;3\n4;2023-03-15;5\n", "no header row"),
        ("gat.csv", b"document;;wave\nA;x;1\n", "column 2 has no name"),
        ("ruis.csv", bytes(range(256)) * 8, "binary"),
        ("oud.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "Excel 97-2003"),
        (
            "kapot.xlsx",
            b"PK\x03\x04 this is not really a zip archive",
            r"not an Excel workbook \(\.xlsx\), or it is damaged",
        ),
        ("tekst.xlsx", b"document;wave\nA;1\n", r"not an Excel workbook \(\.xlsx\), or it is damaged"),
    ],
)
def test_unreadable_sheets_name_the_file(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportProblem, match=message) as info:
        read_sheet(path)
    assert info.value.path == str(path)


def test_xlsx_without_workbook_part(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "leeg.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "no workbook here")
    with pytest.raises(ImportProblem) as info:
        read_sheet(path)
    assert info.value.path == str(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ImportProblem, match="cannot be read"):
        read_sheet(tmp_path / "weg.csv")
