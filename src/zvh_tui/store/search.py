"""Full-text search over cases: the backend seam for the case list and the palette.

SQLite's FTS5 here (the `case_search` virtual table of store/models.py, rowid = case id): a
case's reference, its name and its persons' names, and its aanleiding. Services call only these
functions; a PostgreSQL backend would give the same ones over a `tsvector` column.
"""

from __future__ import annotations

import re

from peewee import DatabaseError

from zvh_tui.store.models import CaseSearch, db

_TOKEN = re.compile(r"[^\W_]+")
MAX_TOKENS = 8


def query_for(text: str) -> str | None:
    """Turn what the user typed into a safe FTS5 query: each word quoted, as a prefix, all must match.

    Only letters and digits survive, so a quote, `*`, `AND`, brackets or `NEAR(` can never be read
    as FTS5 syntax; None when nothing searchable is left.
    """
    tokens = _TOKEN.findall(text or "")[:MAX_TOKENS]
    if not tokens:
        return None
    return " ".join(f'"{token}"*' for token in tokens)


def index_case(case_id: int, reference: str, names: str, text: str) -> None:
    """Put (or replace) the entry of one case: its reference (also split at the dash, so
    '0042' finds 2026-0042), its names and its aanleiding."""
    CaseSearch.insert(
        {CaseSearch.rowid: case_id, CaseSearch.reference: reference.replace("-", " ") + " " + reference,
         CaseSearch.names: names, CaseSearch.text: text}
    ).on_conflict_replace().execute()


def unindex_case(case_id: int) -> None:
    CaseSearch.delete().where(CaseSearch.rowid == case_id).execute()


def compact() -> None:
    """Merge the index's segments, so the terms of deleted entries are gone from it too."""
    CaseSearch.optimize()


def matching_case_ids(query: str) -> set[int]:
    """Ids of the cases matching a query of `query_for`; empty when the index refuses it."""
    try:
        cursor = db.execute_sql(
            'SELECT rowid FROM "case_search" WHERE "case_search" MATCH ?', (query,)
        )
        return {row[0] for row in cursor.fetchall()}
    except DatabaseError:  # should not happen with a sanitised query; never crash the list
        return set()


# Cases in `last_phase` last, then the best FTS5 match (bm25 `rank`), then the newest reference.
_RANKED_SQL = """
SELECT c.id, c.reference, c.title, c.phase
FROM "case_search" s JOIN "case" c ON c.id = s.rowid
WHERE "case_search" MATCH ?
ORDER BY c.phase = ?, s.rank, c.reference DESC
LIMIT ?
"""


def ranked_cases(query: str, *, last_phase: str, limit: int) -> list[tuple[int, str, str, str]]:
    """At most `limit` matching cases as (id, reference, title, phase), best first, those in
    `last_phase` after the others; empty when the index refuses the query."""
    try:
        rows = db.execute_sql(_RANKED_SQL, (query, last_phase, int(limit))).fetchall()
    except DatabaseError:  # should not happen with a sanitised query; the palette never crashes
        return []
    return [(int(i), str(ref), title or "", str(phase)) for i, ref, title, phase in rows]
