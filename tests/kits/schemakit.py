"""What a database's schema holds, read with PRAGMAs, to compare a migrated file with the models
(tests/store/test_migrations.py and test_migration_v4.py)."""

from __future__ import annotations

import peewee


def objects(db: peewee.Database) -> list[tuple[str, str, str]]:
    rows = db.execute_sql(
        "SELECT type, name, coalesce(sql, '') FROM sqlite_master ORDER BY type, name"
    ).fetchall()
    return [tuple(row) for row in rows]


def columns(db: peewee.Database, table: str) -> dict[str, tuple[int, int]]:
    """name -> (notnull, pk) as the database has it."""
    rows = db.execute_sql(f'PRAGMA table_info("{table}")').fetchall()
    return {row[1]: (row[3], row[5]) for row in rows}


def indexes(db: peewee.Database, table: str) -> set[tuple[bool, tuple[str, ...]]]:
    """(unique, columns) of the indexes made by CREATE INDEX (not the automatic ones)."""
    found = set()
    for _seq, name, unique, origin, _partial in db.execute_sql(
        f'PRAGMA index_list("{table}")'
    ).fetchall():
        if origin != "c":
            continue
        names = tuple(r[2] for r in db.execute_sql(f'PRAGMA index_info("{name}")').fetchall())
        found.add((bool(unique), names))
    return found


def foreign_keys(db: peewee.Database, table: str) -> set[tuple[str, str, str, str]]:
    rows = db.execute_sql(f'PRAGMA foreign_key_list("{table}")').fetchall()
    return {(row[2], row[3], row[4], row[6]) for row in rows}  # table, from, to, on_delete
