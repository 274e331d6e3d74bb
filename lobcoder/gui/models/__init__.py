"""Qt item models of the coding workbench, fed plain dataclasses by the window."""

from lobcoder.gui.models.code_filter_model import CodeFilterModel
from lobcoder.gui.models.code_tree_model import (
    CodeColorRole,
    CodeGuidRole,
    CodeIdRole,
    CodeTreeModel,
    TotalCodingsRole,
)
from lobcoder.gui.models.document_tree_model import (
    DocumentFilterModel,
    DocumentIdRole,
    DocumentTreeModel,
    ParticipantRole,
    ProgressDelegate,
    ProgressRole,
)
from lobcoder.gui.models.mime import CODE_MIME_TYPE, SPAN_MIME_TYPE
from lobcoder.gui.models.segment_model import SegmentModel, SegmentRole, StartRole

__all__ = [
    "CODE_MIME_TYPE",
    "SPAN_MIME_TYPE",
    "CodeColorRole",
    "CodeFilterModel",
    "CodeGuidRole",
    "CodeIdRole",
    "CodeTreeModel",
    "DocumentFilterModel",
    "DocumentIdRole",
    "DocumentTreeModel",
    "ParticipantRole",
    "ProgressDelegate",
    "ProgressRole",
    "SegmentModel",
    "SegmentRole",
    "StartRole",
    "TotalCodingsRole",
]
