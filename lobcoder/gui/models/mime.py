"""Drag-and-drop payloads shared by the code tree and the transcript view."""

from __future__ import annotations

import json

from PySide6.QtCore import QByteArray, QMimeData

CODE_MIME_TYPE = "application/x-lobcoder-code"
"""A code dragged in the code tree: its id as ASCII digits."""

SPAN_MIME_TYPE = "application/x-lobcoder-span"
"""A passage dragged from a transcript: JSON ``{"document_id", "start", "end"}`` (code points)."""


def code_mime_data(code_id: int) -> QMimeData:
    mime = QMimeData()
    mime.setData(CODE_MIME_TYPE, QByteArray(str(int(code_id)).encode("ascii")))
    return mime


def read_code_id(mime: QMimeData | None) -> int | None:
    """The dragged code's id, or None if ``mime`` holds no (valid) code."""
    if mime is None or not mime.hasFormat(CODE_MIME_TYPE):
        return None
    raw = bytes(mime.data(CODE_MIME_TYPE).data()).strip()
    return int(raw) if raw.isdigit() else None


def span_mime_data(document_id: int, start: int, end: int) -> QMimeData:
    """The payload the transcript view puts on a drag of selected text."""
    mime = QMimeData()
    payload = json.dumps({"document_id": int(document_id), "start": int(start), "end": int(end)})
    mime.setData(SPAN_MIME_TYPE, QByteArray(payload.encode("utf-8")))
    return mime


def read_span(mime: QMimeData | None) -> tuple[int, int, int] | None:
    """``(document_id, start, end)`` of a dragged passage, or None if absent or malformed."""
    if mime is None or not mime.hasFormat(SPAN_MIME_TYPE):
        return None
    try:
        payload = json.loads(bytes(mime.data(SPAN_MIME_TYPE).data()).decode("utf-8"))
        values = tuple(payload[key] for key in ("document_id", "start", "end"))
    except (ValueError, KeyError, TypeError):
        return None
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return None
    document_id, start, end = values
    return (document_id, start, end) if 0 <= start < end else None
