"""The project schema: SQLAlchemy 2 typed ORM classes, one table each.

Offsets (``start``/``end``) are 0-based, end-exclusive code-point positions in
``Document.text``. The schema is changed only through an Alembic migration in
``storage/migrations/versions``; ``tests/storage`` checks that the migrations
produce exactly these tables.
"""

from __future__ import annotations

import enum
import uuid
from datetime import UTC, date, datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy import text as sql_text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, validates

from lobcoder.text.normalize import normalize_text


def new_guid() -> str:
    """A REFI-QDA style GUID (lower-case, no braces)."""
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _enum(kind: type[enum.Enum]) -> Enum:
    # Store the readable values ("number"), not the Python names ("NUMBER").
    return Enum(kind, native_enum=False, length=20, values_callable=lambda e: [m.value for m in e])


class Base(DeclarativeBase):
    pass


class AttributeType(enum.StrEnum):
    TEXT = "text"
    NUMBER = "number"
    DATE = "date"
    CATEGORY = "category"


class AttributeScope(enum.StrEnum):
    PARTICIPANT = "participant"
    DOCUMENT = "document"


class ProjectSetting(Base):
    """Key/value settings stored with the project (name, creation time, ...)."""

    __tablename__ = "project_settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Coder(Base):
    __tablename__ = "coders"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    guid: Mapped[str] = mapped_column(String(40), unique=True, default=new_guid)


class Participant(Base):
    """A case: one interviewed person (or school) across one or more documents."""

    __tablename__ = "participants"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    guid: Mapped[str] = mapped_column(String(40), unique=True, default=new_guid)
    description: Mapped[str] = mapped_column(Text, default="")

    documents: Mapped[list[Document]] = relationship(back_populates="participant")


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    guid: Mapped[str] = mapped_column(String(40), unique=True, default=new_guid)
    text: Mapped[str] = mapped_column(Text)
    # len(text) in code points, kept by the validator below: counts and span checks never measure texts.
    length: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Characters covered by at least one coding, kept by storage/coverage.py; NULL: not measured.
    covered: Mapped[int | None] = mapped_column(Integer, default=0)
    original_filename: Mapped[str] = mapped_column(String(1000), default="")
    original_format: Mapped[str] = mapped_column(String(20), default="")
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    participant_id: Mapped[int | None] = mapped_column(ForeignKey("participants.id", ondelete="SET NULL"), index=True)

    participant: Mapped[Participant | None] = relationship(back_populates="documents")
    turns: Mapped[list[SpeakerTurn]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="SpeakerTurn.start"
    )

    @validates("text")
    def _keep_length(self, _key: str, text: str) -> str:
        self.length = len(text)
        return text


class SearchPiece(Base):
    """One row of the full-text index ``document_fts`` (same rowid): a piece of a document's text.

    ``start`` and ``length`` (code points) say which part of the text the row
    stands for (``search/pieces.py``). ``document_id`` is NULL while an import
    stages the pieces of a text it has not stored yet (``staging`` names that
    import, ``staged_at`` says when): no search finds such a piece. Ids are
    never reused, so a stale index row can never be taken for a new piece.
    """

    __tablename__ = "search_pieces"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    length: Mapped[int] = mapped_column(Integer)
    staging: Mapped[str | None] = mapped_column(String(80))
    staged_at: Mapped[datetime | None] = mapped_column(DateTime)


class Speaker(Base):
    """A speaker label as written in transcripts ("I", "Anna", "Interviewer")."""

    __tablename__ = "speakers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    is_interviewer: Mapped[bool] = mapped_column(default=False)


class SpeakerTurn(Base):
    """What one speaker says between two turn labels.

    ``label_start`` is where the label (``Anna:``) begins on its line; ``start``
    is where the speech after it begins. Both equal for unlabelled turns, whose
    speaker may be unknown (a subtitle cue without a name).
    """

    __tablename__ = "speaker_turns"
    __table_args__ = (
        CheckConstraint("label_start <= start AND start <= end", name="turn_span"),
        Index("ix_turns_document_start", "document_id", "start"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("speakers.id", ondelete="RESTRICT"), index=True)
    label_start: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    # 64 bits everywhere: SQLite's INTEGER already is (project files keep their DDL), PostgreSQL's is not (0010).
    timestamp_ms: Mapped[int | None] = mapped_column(BigInteger().with_variant(Integer(), "sqlite"))

    document: Mapped[Document] = relationship(back_populates="turns")
    speaker: Mapped[Speaker | None] = relationship()


class Attribute(Base):
    """A typed variable of participants (school, role) or documents (wave)."""

    __tablename__ = "attributes"
    __table_args__ = (UniqueConstraint("name", "scope", name="uq_attribute_name_scope"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    type: Mapped[AttributeType] = mapped_column(_enum(AttributeType))
    scope: Mapped[AttributeScope] = mapped_column(_enum(AttributeScope))
    guid: Mapped[str] = mapped_column(String(40), unique=True, default=new_guid)
    position: Mapped[int] = mapped_column(Integer, default=0)


class AttributeValue(Base):
    """One value of an attribute for one participant or one document."""

    __tablename__ = "attribute_values"
    __table_args__ = (
        CheckConstraint("(participant_id IS NULL) <> (document_id IS NULL)", name="value_owner_exactly_one"),
        UniqueConstraint("attribute_id", "participant_id", "document_id", name="uq_value_owner"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    attribute_id: Mapped[int] = mapped_column(ForeignKey("attributes.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int | None] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    text_value: Mapped[str | None] = mapped_column(Text)
    number_value: Mapped[float | None] = mapped_column(Float)
    date_value: Mapped[date | None] = mapped_column(Date)

    attribute: Mapped[Attribute] = relationship()


class Code(Base):
    __tablename__ = "codes"
    __table_args__ = (
        UniqueConstraint("parent_id", "name", name="uq_code_sibling_name"),
        # NULL parents are distinct in the constraint above, so top-level names need their own (0010).
        Index(
            "uq_code_top_level_name",
            "name",
            unique=True,
            sqlite_where=sql_text("parent_id IS NULL"),
            postgresql_where=sql_text("parent_id IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("codes.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(300))
    color: Mapped[str] = mapped_column(String(9), default="#7f7f7f")
    description: Mapped[str] = mapped_column(Text, default="")
    # The rich codebook fields (migration 0003). Examples and keywords hold one
    # entry per line.
    definition: Mapped[str] = mapped_column(Text, default="", server_default="")
    inclusion: Mapped[str] = mapped_column(Text, default="", server_default="")
    exclusion: Mapped[str] = mapped_column(Text, default="", server_default="")
    examples: Mapped[str] = mapped_column(Text, default="", server_default="")
    keywords: Mapped[str] = mapped_column(Text, default="", server_default="")
    guid: Mapped[str] = mapped_column(String(40), unique=True, default=new_guid)

    parent: Mapped[Code | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[Code]] = relationship(back_populates="parent", order_by="Code.position")


class Coding(Base):
    __tablename__ = "codings"
    __table_args__ = (
        CheckConstraint("start >= 0 AND start < end", name="coding_span"),
        Index("ix_codings_document_start", "document_id", "start"),
        Index("ix_codings_code_document", "code_id", "document_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    code_id: Mapped[int] = mapped_column(ForeignKey("codes.id", ondelete="CASCADE"), index=True)
    coder_id: Mapped[int | None] = mapped_column(ForeignKey("coders.id", ondelete="SET NULL"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    guid: Mapped[str] = mapped_column(String(40), unique=True, default=new_guid)


class Memo(Base):
    """A memo on the project (no target), a document, a code or a coding."""

    __tablename__ = "memos"
    __table_args__ = (
        CheckConstraint(
            "(document_id IS NOT NULL) + (code_id IS NOT NULL) + (coding_id IS NOT NULL) <= 1",
            name="memo_one_target",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    code_id: Mapped[int | None] = mapped_column(ForeignKey("codes.id", ondelete="CASCADE"), index=True)
    coding_id: Mapped[int | None] = mapped_column(ForeignKey("codings.id", ondelete="CASCADE"), index=True)
    coder_id: Mapped[int | None] = mapped_column(ForeignKey("coders.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    modified_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    guid: Mapped[str] = mapped_column(String(40), unique=True, default=new_guid)

    @validates("text", "title")
    def _normalise(self, _key: str, text: str) -> str:
        # Memos reach the project from the memo editor, REFI-QDA notes and merged
        # projects: all pass here, so none keeps a NUL or another control character.
        return normalize_text(text) if text else text


class NlpCache(Base):
    """A document's processed form (sentences, tokens, lemmas) for one NLP pipeline.

    Keyed by the text's content hash, so re-imported or identical transcripts
    are parsed once; ``data`` is zlib-compressed JSON (``lobcoder.storage.nlp_cache``
    describes the kinds of data and their keys).
    """

    __tablename__ = "nlp_cache"

    content_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    pipeline: Mapped[str] = mapped_column(String(200), primary_key=True)
    data: Mapped[bytes]  # LargeBinary (BLOB), from the annotation
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SuggestionModel(Base):
    """A trained code-suggestion classifier (spaCy ``nlp.to_bytes()``, zlib-compressed)."""

    __tablename__ = "suggestion_models"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pipeline: Mapped[str] = mapped_column(String(200), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    codes_json: Mapped[str] = mapped_column(Text)
    examples_count: Mapped[int] = mapped_column(Integer)
    model: Mapped[bytes]  # LargeBinary (BLOB)


class SuggestionRejection(Base):
    """A suggestion the user rejected: never shown again, and a negative example.

    Named by the document's content hash and the code's GUID, not by ids, so it
    outlives a code deleted and restored by undo and a re-imported transcript.
    """

    __tablename__ = "suggestion_rejections"
    __table_args__ = (Index("ix_rejections_hash_code", "content_hash", "code_guid"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guid: Mapped[str] = mapped_column(String(40), unique=True, default=new_guid)
    content_hash: Mapped[str] = mapped_column(String(64))
    code_guid: Mapped[str] = mapped_column(String(40))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    unit: Mapped[str] = mapped_column(String(20), default="sentence")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class PseudonymDecision(Base):
    """A pseudonymisation decision: replace ``term`` (and its spellings) by ``pseudonym``, or leave it.

    ``term_key`` is the spelling-independent key (``lobcoder.pseudonymise.matcher.entity_key``).
    """

    __tablename__ = "pseudonym_decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    term_key: Mapped[str] = mapped_column(String(500), unique=True)
    term: Mapped[str] = mapped_column(String(500))
    category: Mapped[str] = mapped_column(String(20))
    pseudonym: Mapped[str] = mapped_column(String(500))
    accepted: Mapped[bool] = mapped_column(default=True)
    modified_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
