"""Words of the analysis reports: tables, their titles, headers and notes, and what frames them in Word/Excel."""

from __future__ import annotations

from lobcoder.i18n.message import Message as M

MESSAGES: dict[str, M] = {
    # Around every table (Word, Excel, the bar chart).
    "report.table": M(en="Table", nl="Tabel"),
    "report.figure": M(en="Figure", nl="Figuur"),
    "report.note": M(en="Note.", nl="Noot."),
    "report.chart_title": M(en="{column} per {row}", nl="{column} per {row}"),
    "report.shading": M(en="Darker cells: higher values.", nl="Donkerder cellen: hogere waarden."),
    "report.shading_matrix": M(
        en="Darker cells: higher values (the diagonal is not shaded).",
        nl="Donkerder cellen: hogere waarden (de diagonaal is niet gekleurd).",
    ),
    "report.bold": M(en="In bold:", nl="Vetgedrukt:"),
}
