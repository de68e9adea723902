"""What the database is asked, and how SQLite answers it: the queries a piece of work runs
(captured at the bound database's `execute_sql`, the one door every Peewee query and every raw
SQL statement goes through) and their `EXPLAIN QUERY PLAN` (issue 16.5: query discipline)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from zvh_tui.store import models

_ALIAS = re.compile(r'(?:FROM|JOIN)\s+"?(\w+)"?\s+(?:AS\s+)?"?(\w+)"?', re.IGNORECASE)
_KEYWORDS = {"on", "where", "left", "inner", "join", "order", "group", "limit", "using", "natural", "cross"}
_SCAN = re.compile(r"^SCAN (\w+)(?: (USING .*))?$")
# The newest row by its rowid (the audit chain's last hash): SQLite walks the table backwards and
# stops at the first row; EXPLAIN still calls that a SCAN.
_NEWEST = re.compile(r'^SELECT [^;]*FROM "?(\w+)"?(?: AS "?\w+"?)? ORDER BY (?:"\w+"\.)?"?id"? DESC LIMIT (?:\?|1)$')


@dataclass
class Captured:
    statements: list[tuple[str, tuple]] = field(default_factory=list)

    @property
    def sql(self) -> list[str]:
        return [sql for sql, _params in self.statements]

    @property
    def selects(self) -> list[tuple[str, tuple]]:
        return [(sql, params) for sql, params in self.statements
                if sql.lstrip().upper().startswith(("SELECT", "WITH"))]


@contextmanager
def capture() -> Iterator[Captured]:
    """Every statement the bound database runs inside the block, with its parameters."""
    database = models.db.obj
    original = database.execute_sql
    seen = Captured()

    def counting(sql, params=None, *args, **kwargs):
        seen.statements.append((sql, tuple(params or ())))
        return original(sql, params, *args, **kwargs)

    database.execute_sql = counting
    try:
        yield seen
    finally:
        del database.execute_sql  # the class's method again


def count(work: Callable[[], object]) -> int:
    with capture() as seen:
        work()
    return len(seen.statements)


def tables_by_alias(sql: str) -> dict[str, str]:
    """alias (or the table's own name) -> table, from the FROM and JOIN clauses."""
    found: dict[str, str] = {}
    for table, alias in _ALIAS.findall(sql):
        found[table] = table
        if alias.lower() not in _KEYWORDS:
            found[alias] = table
    return found


def full_scans(sql: str, params: tuple) -> set[str]:
    """The tables SQLite reads from start to end for this query (a SCAN without an index);
    an FTS5 virtual table's scan is its own index and is not counted."""
    if _NEWEST.match(sql.strip()) and " WHERE " not in sql:
        return set()
    database = models.db.obj
    plan = database.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall()
    aliases = tables_by_alias(sql)
    scanned: set[str] = set()
    for row in plan:
        match = _SCAN.match(str(row[-1]))
        if match is None:
            continue
        name, using = match.groups()
        if using and "INDEX" in using:
            continue
        table = aliases.get(name, name)
        if "VIRTUAL TABLE" in (using or "") or table == "case_search":
            continue
        scanned.add(table)
    return scanned
