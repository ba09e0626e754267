"""The relational schema of the exported output: one definition for SQLite, PostgreSQL and Parquet.

`TABLES` describes the *current* schema (version `VERSION`); a new database is created from it
directly and stamped with `VERSION`. An existing database at an older version is brought up to
date by the hand-written steps in `MIGRATIONS` (version -> statements). To change the schema:
edit `TABLES`, bump `VERSION`, and add `MIGRATIONS[VERSION]` with the ALTER/CREATE statements that
turn the previous version into the new one (in the portable subset both engines accept).

Offsets are code-point indices into `documents.text`, end exclusive, exactly as in the JSON;
they are called `start_char`/`end_char` because `end` is a reserved word in SQL.
"""
from __future__ import annotations

from dataclasses import dataclass, field

VERSION = 1

#: Per-engine spelling of the column types (the only dialect difference in the DDL).
TYPES = {
    "sqlite": {"text": "TEXT", "int": "INTEGER", "bigint": "INTEGER", "real": "REAL", "bool": "BOOLEAN"},
    "postgres": {"text": "TEXT", "int": "INTEGER", "bigint": "BIGINT", "real": "DOUBLE PRECISION",
                 "bool": "BOOLEAN"},
}


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a key of TYPES[...]: text, int, bigint, real, bool
    null: bool = True
    check: str = ""  # a CHECK expression over this column
    doc: str = ""


@dataclass(frozen=True)
class Table:
    name: str
    doc: str
    columns: tuple[Column, ...]
    constraints: tuple[str, ...] = ()  # PRIMARY KEY, FOREIGN KEY, CHECK clauses
    indexes: tuple[str, ...] = field(default=())  # column lists, e.g. "institution_id"

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


def _in(*values: str) -> str:
    return "IN (" + ", ".join(f"'{v}'" for v in values) + ")"


QUALIFIER = _in("exact", "approx", "at_least", "at_most")
SPAN = ("start_char", "end_char")


def _span(what: str) -> tuple[Column, ...]:
    return (Column("start_char", "int", False, doc=f"offset of {what} in documents.text (code points)"),
            Column("end_char", "int", False, doc="end offset, exclusive"),
            Column("text", "text", False, doc="the text as found: documents.text[start_char:end_char]"))


SPAN_CHECK = "CHECK (0 <= start_char AND start_char <= end_char)"
DOC_FK = "FOREIGN KEY (doc_id) REFERENCES documents (id) ON DELETE CASCADE"
DOC_ID = Column("doc_id", "text", False, doc="documents.id")

TABLES: tuple[Table, ...] = (
    Table("schema_version", "Schema versions applied to this database (the highest is current).", (
        Column("version", "int", False),
        Column("description", "text", False),
    ), ("PRIMARY KEY (version)",)),
    Table("documents", "One row per output JSON file.", (
        Column("id", "text", False, doc="doc_id"),
        Column("json_path", "text", False, doc="path of the JSON file, relative to the output folder"),
        Column("json_sha256", "text", False, doc="SHA-256 of the JSON file: unchanged files are skipped"),
        Column("path", "text", False, doc="source.path: the raw file, relative to the input folder"),
        Column("sha256", "text", False, doc="source.sha256: SHA-256 of the raw file"),
        Column("format", "text", False, _in("pdf", "html", "text"), doc="pdf, html or text"),
        Column("bytes", "bigint", False, doc="size of the raw file"),
        Column("pages", "int", doc="PDF page count"),
        Column("title", "text"),
        Column("published", "text", doc="publication date value (YYYY-MM-DD, YYYY-MM, YYYY, FY2017 or START/END)"),
        Column("published_source", "text", doc="where the publication date came from"),
        Column("primary_language", "text", doc="ja, en, ru or NULL"),
        Column("text", "text", False, doc="the normalised text every offset points into"),
        Column("pipeline_version", "text", False),
        Column("config_sha256", "text", False),
    ), ("PRIMARY KEY (id)", "UNIQUE (json_path)")),
    Table("dates", "Every date mention.", (
        DOC_ID,
        Column("seq", "int", False, doc="position in the document's list"),
        *_span("the mention"),
        Column("value", "text", False, doc="normalised value: YYYY-MM-DD, YYYY-MM, YYYY, FY2017 or START/END"),
        Column("kind", "text", False, _in("day", "month", "year", "fiscal_year", "range")),
        Column("year", "int", doc="first calendar (or fiscal) year of value"),
        Column("calendar", "text", False, doc="gregorian or the era name"),
        Column("inferred", "bool", False, doc="year or month taken from context"),
        Column("inferred_from", "text"),
        Column("confidence", "real", False),
        Column("rule", "text", False),
    ), ("PRIMARY KEY (doc_id, seq)", DOC_FK, SPAN_CHECK)),
    Table("institutions", "One row per canonical organisation referenced by a mention or an event.", (
        Column("id", "text", False, doc="canonical id, shared by every name form"),
        Column("name", "text", False, doc="canonical name"),
        Column("type", "text", False,
               doc="university, research_institute, ministry, ... ('unknown' for organisers never mentioned)"),
        Column("country", "text", doc="ISO 3166-1 alpha-2"),
        Column("parent", "text",
               doc="id of the parent organisation (not a foreign key: parents need not be mentioned)"),
    ), ("PRIMARY KEY (id)",)),
    Table("institution_mentions", "Every institution mention.", (
        DOC_ID,
        Column("seq", "int", False),
        Column("institution_id", "text", False, doc="institutions.id"),
        *_span("the mention"),
        Column("source", "text", False, _in("gazetteer", "pattern", "alias", "publisher")),
        Column("confidence", "real", False),
    ), ("PRIMARY KEY (doc_id, seq)", DOC_FK,
        "FOREIGN KEY (institution_id) REFERENCES institutions (id)", SPAN_CHECK), ("institution_id",)),
    Table("events", "Events (a meeting, fair, programme) named in a document.", (
        DOC_ID,
        Column("event_id", "text", False, doc="the event's id, unique within the document"),
        Column("name", "text"),
        Column("date", "text", doc="a date value"),
        Column("year", "int", doc="first year of date (FY2017 -> 2017)"),
        Column("month", "int", doc="first month of date (1-12) when the date has one"),
        Column("mode", "text", _in("online", "in_person", "hybrid")),
        Column("attendance", "bigint"),
        Column("qualifier", "text", QUALIFIER),
        Column("cumulative", "bool", False),
        Column("start_char", "int", doc="where the event is named (NULL when it is not)"),
        Column("end_char", "int"),
    ), ("PRIMARY KEY (doc_id, event_id)", DOC_FK), ("year, month",)),
    Table("event_organisers", "Organisers of an event.", (
        DOC_ID,
        Column("event_id", "text", False),
        Column("institution_id", "text", False, doc="institutions.id"),
    ), ("PRIMARY KEY (doc_id, event_id, institution_id)",
        "FOREIGN KEY (doc_id, event_id) REFERENCES events (doc_id, event_id) ON DELETE CASCADE",
        "FOREIGN KEY (institution_id) REFERENCES institutions (id)"), ("institution_id",)),
    Table("attendance", "Every attendance figure.", (
        DOC_ID,
        Column("seq", "int", False),
        *_span("the figure"),
        Column("value", "bigint", False, ">= 0"),
        Column("qualifier", "text", False, QUALIFIER),
        Column("cumulative", "bool", False, doc="a total over several events or years"),
        Column("unit", "text", False),
        Column("confidence", "real", False),
        Column("rule", "text", False),
        Column("event_id", "text", doc="events.event_id of the same document, when linked"),
        Column("event_name", "text"),
        Column("event_date", "text"),
        Column("event_date_start", "int", doc="offset of the date mention the event date comes from"),
    ), ("PRIMARY KEY (doc_id, seq)", DOC_FK,
        "FOREIGN KEY (doc_id, event_id) REFERENCES events (doc_id, event_id)", SPAN_CHECK)),
    Table("attendance_breakdown", "Parts of an attendance figure (e.g. students 40, staff 12).", (
        DOC_ID,
        Column("attendance_seq", "int", False, doc="attendance.seq"),
        Column("seq", "int", False),
        Column("label", "text", False),
        Column("value", "bigint", False),
    ), ("PRIMARY KEY (doc_id, attendance_seq, seq)",
        "FOREIGN KEY (doc_id, attendance_seq) REFERENCES attendance (doc_id, seq) ON DELETE CASCADE")),
)

BY_NAME = {t.name: t for t in TABLES}

#: Tables holding one document's rows, children first (the order to delete them in).
DOCUMENT_TABLES = ("attendance_breakdown", "attendance", "event_organisers", "events",
                   "institution_mentions", "dates", "documents")

#: version -> (description, statements turning version-1 into version). Version 1 is the
#: initial schema, created from TABLES; later versions add their ALTER statements here.
MIGRATIONS: dict[int, tuple[str, tuple[str, ...]]] = {}
DESCRIPTION = "initial schema"


def create_statements(dialect: str) -> list[str]:
    """CREATE TABLE/INDEX statements for the current schema in `dialect` ('sqlite' or 'postgres')."""
    types = TYPES[dialect]
    out = []
    for t in TABLES:
        lines = []
        for c in t.columns:
            col = f"{c.name} {types[c.type]}" + ("" if c.null else " NOT NULL")
            if c.check:
                col += f" CHECK ({c.name} {c.check})"
            lines.append(col)
        lines += list(t.constraints)
        out.append(f"CREATE TABLE {t.name} (\n    " + ",\n    ".join(lines) + "\n)")
        for cols in t.indexes:
            name = f"{t.name}_{cols.replace(', ', '_')}_idx"
            out.append(f"CREATE INDEX {name} ON {t.name} ({cols})")
    return out


def migrate(db) -> int:
    """Create or upgrade the schema inside the caller's transaction; return the version found
    before (0 for a new database). `db` is an engine from sqlite.py/postgres.py."""
    from . import ExportError

    if not db.has_table("schema_version"):
        if db.has_table("documents"):
            raise ExportError("the database has a `documents` table but no `schema_version`: "
                              "it was not created by `pipeline export`; use another database")
        for stmt in create_statements(db.dialect):
            db.execute(stmt)
        db.execute("INSERT INTO schema_version (version, description) VALUES (?, ?)", (VERSION, DESCRIPTION))
        return 0
    found = db.query("SELECT MAX(version) FROM schema_version")[0][0] or 0
    if found > VERSION:
        raise ExportError(f"the database schema is version {found}, newer than this pipeline's "
                          f"version {VERSION}: upgrade the pipeline before exporting into it")
    for v in range(found + 1, VERSION + 1):
        description, statements = MIGRATIONS[v]
        for stmt in statements:
            db.execute(stmt)
        db.execute("INSERT INTO schema_version (version, description) VALUES (?, ?)", (v, description))
    return found


def markdown() -> str:
    """The schema as Markdown, one table per table (docs/export.md includes this verbatim)."""
    parts = []
    for t in TABLES:
        rows = [f"### `{t.name}`", "", t.doc, "", "| column | type | null | notes |", "|---|---|---|---|"]
        for c in t.columns:
            note = c.doc
            if c.check:
                note = (note + "; " if note else "") + f"`{c.name} {c.check}`"
            rows.append(f"| `{c.name}` | {c.type} | {'yes' if c.null else 'no'} | {note} |")
        rows += ["", "Keys: " + "; ".join(f"`{k}`" for k in t.constraints if "CHECK" not in k), ""]
        parts.append("\n".join(rows))
    return "\n".join(parts)
