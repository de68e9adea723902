"""The NEN 7513 audit log: every view and change of a case writes an event.

Events hold ids and codes only, never names or notes. Each event carries the SHA-256 of its
predecessor's hash and its own fields, so removing or altering a row breaks the chain, which
`verify_chain` (and `zvh check`) detects. The table refuses UPDATE and DELETE by triggers.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from zvh_tui.services import context
from zvh_tui.store.models import AuditEvent, Case, db, utcnow

GENESIS = "0" * 64


def _digest(prev_hash: str, fields: dict[str, object]) -> str:
    payload = json.dumps(fields, sort_keys=True, default=str, ensure_ascii=True)
    return hashlib.sha256((prev_hash + payload).encode("ascii")).hexdigest()


def _fields(event: AuditEvent) -> dict[str, object]:
    return {
        "at": event.at.isoformat() if hasattr(event.at, "isoformat") else str(event.at),
        "event": event.event,
        "user": event.user,
        "on_behalf_of": event.on_behalf_of,
        "case_id": event.case_id,
        "case_ref": event.case_ref,
        "person_id": event.person_id,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "detail": event.detail,
        "result": event.result,
    }


def record(
    event: str,
    *,
    case: Case | None = None,
    person_id: int | None = None,
    object_type: str = "",
    object_id: int | None = None,
    detail: str = "",
    result: str = "ok",
) -> AuditEvent:
    """Append one event. Call inside the transaction of the change it records."""
    # One write transaction (BEGIN IMMEDIATE, or a savepoint inside the caller's): reading the
    # last hash and appending must not interleave with another connection's append.
    with db.atomic():
        return _append(event, case, person_id, object_type, object_id, detail, result)


def _append(
    event: str,
    case: Case | None,
    person_id: int | None,
    object_type: str,
    object_id: int | None,
    detail: str,
    result: str,
) -> AuditEvent:
    who = context.actor()
    last = AuditEvent.select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1).first()
    prev_hash = last.hash if last else GENESIS
    row = AuditEvent(
        at=utcnow(),
        event=event,
        user=who.user,
        on_behalf_of=who.on_behalf_of,
        case_id=case.id if case is not None else None,
        case_ref=case.reference if case is not None else "",
        person_id=person_id,
        object_type=object_type,
        object_id=object_id,
        detail=detail[:200],
        result=result,
        prev_hash=prev_hash,
    )
    row.hash = _digest(prev_hash, _fields(row))
    row.save(force_insert=True)
    return row


@dataclass
class ChainReport:
    events: int
    broken_at: int | None  # id of the first event whose hash does not follow

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify_chain() -> ChainReport:
    prev = GENESIS
    count = 0
    for row in AuditEvent.select().order_by(AuditEvent.id).iterator():
        count += 1
        if row.prev_hash != prev or row.hash != _digest(prev, _fields(row)):
            return ChainReport(events=count, broken_at=row.id)
        prev = row.hash
    return ChainReport(events=count, broken_at=None)


def events_for_case(case_id: int) -> list[AuditEvent]:
    return list(AuditEvent.select().where(AuditEvent.case_id == case_id).order_by(AuditEvent.id))


def events_for_person(person_id: int, case_ids: list[int]) -> list[AuditEvent]:
    """A person's log for an access request: events about them or any of their cases."""
    query = AuditEvent.select().where(
        (AuditEvent.person_id == person_id) | (AuditEvent.case_id.in_(case_ids or [-1]))
    )
    return list(query.order_by(AuditEvent.id))
