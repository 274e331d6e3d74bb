"""Read the text layer of a PDF with pypdf."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

from lobcoder.errors import ImportProblem
from lobcoder.i18n.said import Said, say
from lobcoder.importing.extracted import ExtractedText
from lobcoder.text.normalize import normalize_text

NO_TEXT_LAYER = say("problem.pdf.no_text_layer")
_PASSWORD = say("problem.pdf.password")


def read_pdf(data: bytes, path: Path) -> ExtractedText:
    """Extract the text of each page, pages separated by a blank line.

    Pages without text are left out and named in a warning, so a mostly
    typed document with one scanned appendix still imports.
    """
    reader = _open(data, path)
    try:
        pages = [page.extract_text() or "" for page in reader.pages]
    except FileNotDecryptedError as exc:
        raise ImportProblem(path, _PASSWORD) from exc
    except DependencyError as exc:
        raise ImportProblem(path, _unsupported_encryption(exc)) from exc
    texts = [normalize_text(text).strip("\n") for text in pages]
    kept = [text for text in texts if text.strip()]
    if not kept:
        raise ImportProblem(path, NO_TEXT_LAYER)
    warnings: tuple[Said, ...] = ()
    empty = [str(number) for number, text in enumerate(texts, start=1) if not text.strip()]
    if len(empty) == 1:
        warnings = (say("warning.pdf.empty_page", pages=empty[0], total=len(texts)),)
    elif empty:
        warnings = (say("warning.pdf.empty_pages", pages=", ".join(empty), total=len(texts)),)
    return ExtractedText(text="\n\n".join(kept), format="pdf", warnings=warnings)


def _open(data: bytes, path: Path) -> PdfReader:
    """Open the PDF, unlocking it when it only has an owner password (which
    restricts printing or copying but not reading)."""
    if b"%PDF-" not in data[:1024]:
        raise ImportProblem(path, say("problem.pdf.no_header"))
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise ImportProblem(path, _PASSWORD)
        page_count = len(reader.pages)
    except DependencyError as exc:
        raise ImportProblem(path, _unsupported_encryption(exc)) from exc
    except FileNotDecryptedError as exc:
        raise ImportProblem(path, _PASSWORD) from exc
    except PyPdfError as exc:
        raise ImportProblem(path, say("problem.pdf.invalid", reason=_reason(exc))) from exc
    if page_count == 0:
        raise ImportProblem(path, say("problem.pdf.no_pages"))
    return reader


def _unsupported_encryption(exc: BaseException) -> Said:
    return say("problem.pdf.encryption", reason=_reason(exc))


def _reason(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__
