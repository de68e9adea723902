"""Numbers that are never handed out twice: case references and row ids; the profile's facts.

The backend seam for allocation: SQLite keeps the last number issued in the `key_value` table
(written with `INSERT OR REPLACE`); a PostgreSQL backend would use sequences and `ON CONFLICT`.
Call inside the write transaction that uses the number.
"""

from __future__ import annotations

from peewee import Model, fn

from zvh_tui.compat.peewee import table_name
from zvh_tui.store import upsert
from zvh_tui.store.models import AuditEvent, Case, KeyValue


def put_fact(key: str, value: str) -> None:
    """Set one key/value fact of the profile (created, last number issued, demo, ...)."""
    upsert.put(KeyValue, key=key, value=value)


def meetings_before_provisions() -> int:
    """The highest meeting id of the moment the verstrekkingenlog came (schema v5): those
    meetings' minutes were never recorded in it (0: every meeting counts)."""
    row = KeyValue.get_or_none(KeyValue.key == "provisions_from_meeting")
    try:
        return int(row.value) if row else 0
    except ValueError:
        return 0


def _issued(key: str) -> int:
    row = KeyValue.get_or_none(KeyValue.key == key)
    return int(row.value) if row else 0


def last_reference_number(year: int) -> int:
    """The highest number of the year's references ever issued (0: none yet), also counting
    references of cases destroyed since."""
    prefix = f"{year}-"
    number_part = fn.substr(Case.reference, len(prefix) + 1).cast("INTEGER")
    last = Case.select(fn.MAX(number_part)).where(Case.reference.startswith(prefix)).scalar() or 0
    return max(int(last), _issued(f"reference:{year}"))


def remember_reference(reference: str) -> None:
    """Keep a reference's number ("2026-0042") as the last one issued in its year."""
    year, number = reference.split("-", 1)
    put_fact(f"reference:{year}", str(int(number)))


def fresh_id(model: type[Model]) -> int:
    """An id of a case or person never used before, also not by a row destroyed at the end of its
    retention period (the audit log still names it); kept as the last id issued."""
    key = f"last_id:{table_name(model)}"
    top_row = model.select(fn.MAX(model.id)).scalar() or 0
    audit_column = AuditEvent.case_id if model is Case else AuditEvent.person_id
    top_audit = AuditEvent.select(fn.MAX(audit_column)).scalar() or 0
    new_id = max(int(top_row), int(top_audit), _issued(key)) + 1
    put_fact(key, str(new_id))
    return new_id
