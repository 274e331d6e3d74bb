"""Read a CSV or XLSX attribute sheet into a header and rows of cell texts."""

from __future__ import annotations

import csv
import io
import unicodedata
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from lobcoder.errors import ImportProblem
from lobcoder.i18n.said import say
from lobcoder.participants.value_types import looks_like_date, looks_like_number
from lobcoder.text.decode import decode_bytes

XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xltx", ".xltm"})
_DELIMITERS = (";", "\t", ",")  # preference on a tie: Dutch Excel writes ";"
_SNIFF_ROWS = 50
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 .xls


@dataclass(frozen=True)
class Sheet:
    """The cells of one sheet as stripped, NFC-normalised strings.

    Every row has exactly ``len(header)`` cells; empty rows are left out, and
    ``row_numbers[i]`` is the row number of ``rows[i]`` as a spreadsheet program
    shows it, so problems can point at the right row. ``exact`` holds the
    (row index, column index) of cells that were numbers in an xlsx file: their
    text uses a decimal dot for certain, unlike the same text typed in a CSV.
    """

    path: Path
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    row_numbers: tuple[int, ...]
    exact: frozenset[tuple[int, int]] = frozenset()

    def column(self, index: int) -> list[str]:
        return [row[index] for row in self.rows]


def read_sheet(path: str | Path, sheet_name: str | None = None) -> Sheet:
    """Read ``path`` as XLSX (by content or extension) or else as CSV.

    Raises:
        ImportProblem: unreadable, not a spreadsheet, corrupt, empty, without a
            header row, or with duplicate column names.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportProblem(path, say("problem.cannot_read", reason=exc.strerror or exc)) from exc
    if data.startswith(_OLE_MAGIC):
        raise ImportProblem(path, say("problem.sheet.xls"))
    if data.startswith(_ZIP_MAGIC) or path.suffix.lower() in XLSX_SUFFIXES:
        cells, exact = _read_xlsx(path, data, sheet_name)
    else:
        cells, exact = _read_csv(path, data), set()
    return _build(path, cells, exact)


def _read_xlsx(path: Path, data: bytes, sheet_name: str | None) -> tuple[list[list[str]], set[tuple[int, int]]]:
    import openpyxl  # imported here: only xlsx imports pay for it
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except zipfile.BadZipFile as exc:
        # Not a zip at all, or a damaged one; Python's reason ("File is not a zip file") stays in the log.
        raise ImportProblem(path, say("problem.not_or_damaged", what=say("problem.kind.xlsx"))) from exc
    except (KeyError, InvalidFileException) as exc:
        # A zip without a workbook part (another kind of file renamed); openpyxl's reason stays in the log.
        raise ImportProblem(path, say("problem.not_or_damaged", what=say("problem.kind.xlsx"))) from exc
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on damaged XML
        raise ImportProblem(path, say("problem.sheet.damaged_xlsx")) from exc
    try:
        if sheet_name is not None and sheet_name not in workbook.sheetnames:
            raise ImportProblem(
                path, say("problem.sheet.no_worksheet", name=sheet_name, names=", ".join(workbook.sheetnames))
            )
        worksheet = workbook[sheet_name] if sheet_name is not None else workbook.worksheets[0]
        cells: list[list[str]] = []
        exact: set[tuple[int, int]] = set()
        try:
            for r, values in enumerate(worksheet.iter_rows(values_only=True)):
                row = []
                for c, value in enumerate(values):
                    row.append(_cell_text(value))
                    if isinstance(value, (int, float)) and not isinstance(value, bool):
                        exact.add((r, c))
                cells.append(row)
        except Exception as exc:  # noqa: BLE001 - damaged sheet XML surfaces while iterating
            raise ImportProblem(path, say("problem.sheet.damaged_xlsx")) from exc
    finally:
        workbook.close()
    return cells, exact


def _cell_text(value: object) -> str:
    """One xlsx cell as the text a user sees, with dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes" if value.second == 0 else "seconds")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def _read_csv(path: Path, data: bytes) -> list[list[str]]:
    text, _encoding = decode_bytes(data, path)
    text = text.lstrip("\ufeff")
    delimiter = _sniff_delimiter(text)
    try:
        return [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise ImportProblem(path, say("problem.sheet.not_csv", reason=exc)) from exc


def _sniff_delimiter(text: str) -> str:
    """The delimiter giving the widest header that most sample rows agree with."""
    sample = text.splitlines()[:_SNIFF_ROWS]
    best, best_score = ",", (0.0, 1)
    for delimiter in _DELIMITERS:
        try:
            rows = [r for r in csv.reader(sample, delimiter=delimiter) if any(c.strip() for c in r)]
        except csv.Error:
            continue
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        agreement = sum(len(r) == width for r in rows) / len(rows)
        score = (round(agreement, 1), width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _build(path: Path, cells: list[list[str]], exact: set[tuple[int, int]]) -> Sheet:
    cleaned = [[unicodedata.normalize("NFC", c.strip()) for c in row] for row in cells]
    numbered = [(n, row) for n, row in enumerate(cleaned, start=1) if any(row)]
    if not numbered:
        raise ImportProblem(path, say("problem.sheet.empty"))
    width = max(len(row) for _n, row in numbered)
    padded = [(n, row + [""] * (width - len(row))) for n, row in numbered]
    header_number, header_row = padded[0]
    body = padded[1:]
    keep = [i for i in range(width) if header_row[i] or any(row[i] for _n, row in body)]
    for i in keep:
        if not header_row[i]:
            raise ImportProblem(path, say("problem.sheet.unnamed_column", column=i + 1, row=header_number))
    header = [header_row[i] for i in keep]
    if all(looks_like_number(h) or looks_like_date(h) for h in header):
        raise ImportProblem(path, say("problem.sheet.values_header"))
    seen: dict[str, str] = {}
    for name in header:
        if name.casefold() in seen:
            raise ImportProblem(path, say("problem.sheet.duplicate_columns", first=seen[name.casefold()], second=name))
        seen[name.casefold()] = name
    if not body:
        raise ImportProblem(path, say("problem.sheet.no_rows"))
    rows = tuple(tuple(row[i] for i in keep) for _n, row in body)
    index_of = {n - 1: i for i, (n, _row) in enumerate(body)}
    column_of = {old: new for new, old in enumerate(keep)}
    kept = frozenset((index_of[r], column_of[c]) for r, c in exact if r in index_of and c in column_of)
    return Sheet(path, tuple(header), rows, tuple(n for n, _row in body), kept)
