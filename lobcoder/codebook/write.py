"""Write a project's codebook (or one branch of it) as .qdc, .docx or Markdown: the one path of the GUI and the CLI."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lobcoder.codebook.wording import Language
from lobcoder.services.codebook_data import codebook_from_project
from lobcoder.services.codes import list_codes
from lobcoder.storage.project import ProjectStore

# file suffix -> kind of codebook file
CODEBOOK_FORMATS = {".qdc": "qdc", ".docx": "docx", ".md": "md", ".markdown": "md"}


def write_codebook(
    store: ProjectStore,
    path: Path,
    kind: str,
    *,
    branch_guid: str | None = None,
    language: Language = "en",
    counts: bool = False,
    **_progress: Any,
) -> int:
    """Write the codebook (or the branch under ``branch_guid``) as ``kind`` ("qdc", "docx" or "md"); how many codes.

    ``counts`` adds each code's codings and documents (.docx and Markdown).
    Progress keywords (as :func:`~lobcoder.pseudonymise.export_copy.write_export` passes them) are not used.
    """
    # Imported here: python-docx and the REFI writer are not needed to start the window.
    from lobcoder.codebook.export_docx import export_codebook_docx
    from lobcoder.codebook.export_markdown import export_codebook_markdown
    from lobcoder.refi.qdc import write_qdc

    with store.read() as session:
        codebook = codebook_from_project(session, branch_guid)
        found = {c.guid: (c.codings, c.documents) for c in list_codes(session)} if counts else None
    if kind == "qdc":
        write_qdc(codebook, path, language=language)
    elif kind == "md":
        export_codebook_markdown(codebook, path, counts=found, language=language)
    elif kind == "docx":
        export_codebook_docx(codebook, path, counts=found, language=language)
    else:
        raise ValueError(f"unknown codebook format {kind!r}")
    return codebook.count()
