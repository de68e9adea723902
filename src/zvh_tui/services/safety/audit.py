"""The NEN 7513 audit log: every view and change of a case writes an event.

Events hold ids and codes only, never names or notes. Each event carries its predecessor's
hash and a MAC of that hash and its own fields, so removing, altering or inserting a row breaks
the chain, which `verify_chain` (and `zvh check`) detects. The table refuses UPDATE and DELETE
by triggers; `zvh check` also checks that those triggers are still there.

Since schema version 2 the chain is keyed: HMAC-SHA256 with a secret derived from the
database key (store/migrations.py, `_v2`), so recomputing a chain after editing it takes the
app's key derivation, not just SHA-256. Events written before that migration keep their
SHA-256 links (`mac_from` in the chain marker says up to which id). Truncation and wipes are
found with the anchor outside the database (services/safety/anchor.py), which follows every commit
that appended an event.

"Namens" (NEN 7513: on whose behalf): an event of a case names the partner on whose behalf the
house processes that case (`Case.on_behalf_partner`: the aanmelder, until the case is handed
over, services/cases/namens.py), read from the database at the moment of the event; a case
without one (a citizen's melding) names the own house (`Partner.is_own`), then the settings'
organisation, then `HOUSE`, so it is never empty. Events without a case name the settings'
organisation. The row holds the partner's name (an organisation, never client data); events
already written keep theirs (the log is append-only).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable
from dataclasses import dataclass

from zvh_tui.core import config
from zvh_tui.services.shared import context
from zvh_tui.store import audit_log, maintenance
from zvh_tui.store.audit_log import COLUMNS, FIELDS  # noqa: F401 - the linked fields, also for tests
from zvh_tui.store.migrations import AUDIT_CHAIN_LABEL
from zvh_tui.store.models import AuditEvent, Case, Partner, db, utcnow

GENESIS = "0" * 64
# The last fallback of a case's namens (as the own partner's default name).
HOUSE = "Zorg- en Veiligheidshuis"  # i18n: the name stays Dutch (glossary)
# The append-only triggers exactly as schema version 1 made them (whitespace aside).
TRIGGERS = {
    name: f'CREATE TRIGGER "{name}" BEFORE {verb} ON "audit_event" '
    "BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END"
    for name, verb in (("audit_event_no_update", "UPDATE"), ("audit_event_no_delete", "DELETE"))
}

Execute = Callable[..., object]  # `db.execute_sql` or a sqlcipher3 connection's `execute`


def _payload(prev_hash: str, fields: dict[str, object]) -> bytes:
    text = json.dumps(fields, sort_keys=True, default=str, ensure_ascii=True)
    return (prev_hash + text).encode("ascii")


def _digest(prev_hash: str, fields: dict[str, object]) -> str:
    """Schema version 1's link: SHA-256 of the previous hash and the fields."""
    return hashlib.sha256(_payload(prev_hash, fields)).hexdigest()


def _mac(secret: bytes, prev_hash: str, fields: dict[str, object]) -> str:
    """The keyed link (schema version 2 on): HMAC-SHA256 under the chain secret."""
    return hmac.new(secret, _payload(prev_hash, fields), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class ChainMarker:
    mac_from: int  # events with a higher id are linked with the MAC
    secret: bytes


def read_marker(execute: Execute) -> ChainMarker | None:
    """The chain marker kept in the database (None when it is missing or unreadable)."""
    try:
        text = audit_log.chain_marker(execute)
        if text is None:
            return None
        data = json.loads(text)
        return ChainMarker(mac_from=int(data["mac_from"]), secret=bytes.fromhex(data["secret"]))
    except Exception:  # a damaged marker is reported by verify_chain
        return None


def link(marker: ChainMarker | None, event_id: int, prev_hash: str, fields: dict[str, object]) -> str:
    """The hash an event with this id must carry."""
    if marker is not None and event_id > marker.mac_from:
        return _mac(marker.secret, prev_hash, fields)
    return _digest(prev_hash, fields)


def _fields(event: AuditEvent) -> dict[str, object]:
    values = {name: getattr(event, name) for name in FIELDS}
    at = event.at
    values["at"] = at.isoformat() if hasattr(at, "isoformat") else str(at)
    return values


def _row_fields(row: tuple) -> dict[str, object]:
    """The hashed fields of a row read with plain SQL (COLUMNS order)."""
    values = dict(zip(FIELDS, row[1:1 + len(FIELDS)], strict=True))
    at = values["at"]
    values["at"] = at.replace(" ", "T", 1) if isinstance(at, str) else str(at)
    return values


# Called after every commit that appended an event (services/safety/anchor.py sets it at unlock).
_commit_hook: Callable[[], None] | None = None


def set_commit_hook(hook: Callable[[], None] | None) -> None:
    global _commit_hook
    _commit_hook = hook


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
    # last hash and appending must not interleave with another connection's append
    # (store/audit_log.py). The commit hook runs once the outermost transaction commits.
    def build(event_id: int, prev_hash: str) -> AuditEvent:
        return _event(event_id, prev_hash, event, case, person_id, object_type, object_id, detail,
                      result)

    return audit_log.append(build, GENESIS, _commit_hook)


def _event(
    event_id: int,
    prev_hash: str,
    event: str,
    case: Case | None,
    person_id: int | None,
    object_type: str,
    object_id: int | None,
    detail: str,
    result: str,
) -> AuditEvent:
    who = context.actor()
    row = AuditEvent(
        at=utcnow(),
        event=event,
        user=who.user,
        on_behalf_of=on_behalf_of(case) if case is not None else who.on_behalf_of,
        case_id=case.id if case is not None else None,
        case_ref=case.reference if case is not None else "",
        person_id=person_id,
        object_type=object_type,
        object_id=object_id,
        detail=detail[:200],
        result=result,
        prev_hash=prev_hash,
    )
    marker = read_marker(db.execute_sql)
    if marker is None:  # removed from under us: keep MACing (verify_chain reports the loss)
        marker = ChainMarker(mac_from=0, secret=audit_log.chain_subkey(AUDIT_CHAIN_LABEL))
    row.hash = link(marker, event_id, prev_hash, _fields(row))
    return row


def case_partner_name(case_id: int) -> str:
    """The name of the partner a case is processed on behalf of, as stored now; "" for none."""
    row = (Partner.select(Partner.name).join(Case, on=(Case.on_behalf_partner == Partner.id))
           .where(Case.id == case_id).first())
    return row.name if row is not None else ""


def fallback_on_behalf_of() -> str:
    """A case's namens when it has no partner of its own: the own house, the settings'
    organisation, or `HOUSE`."""
    own = Partner.get_or_none(Partner.is_own == True)  # noqa: E712 - Peewee expression
    return (own.name if own is not None else "") or context.actor().on_behalf_of or HOUSE


def on_behalf_of(case: Case) -> str:
    """The namens of an event of this case (the module text); never empty."""
    name = case_partner_name(case.id) if case.id is not None else ""
    return (name or fallback_on_behalf_of())[:config.ON_BEHALF_MAX]


def append_raw(conn, event: str, *, object_type: str = "", detail: str = "",
               result: str = "ok") -> tuple[int, str]:
    """Append one event through a plain sqlcipher3 connection (inside its transaction); used
    by restore to write its event into the copy before it is put in place. Returns the new
    head (id, hash)."""
    who = context.actor()
    at = utcnow()
    values = {"at": at.isoformat(), "event": event, "user": who.user,
              "on_behalf_of": who.on_behalf_of, "case_id": None, "case_ref": "",
              "person_id": None, "object_type": object_type, "object_id": None,
              "detail": detail[:200], "result": result}
    marker = read_marker(conn.execute)
    stored = dict(values, at=at.isoformat(" "))
    return audit_log.append_raw(
        conn, stored, lambda event_id, prev_hash: link(marker, event_id, prev_hash, values), GENESIS)


@dataclass
class ChainReport:
    events: int
    broken_at: int | None  # id of the first event whose hash does not follow
    head_id: int = 0
    head_hash: str = GENESIS
    missing_table: bool = False
    missing_marker: bool = False

    @property
    def ok(self) -> bool:
        return self.broken_at is None and not self.missing_table and not self.missing_marker


def verify_chain(execute: Execute | None = None) -> ChainReport:
    """Walk the whole chain (the bound database, or a plain connection's `execute`).

    Never raises for a missing table or marker: those are findings. A damaged file still
    raises the driver's DatabaseError (reported by services/safety/integrity.py).
    """
    run = execute or db.execute_sql
    tables = maintenance.table_names(run)
    if "audit_event" not in tables:
        return ChainReport(events=0, broken_at=None, missing_table=True)
    marker = read_marker(run) if "key_value" in tables else None
    version = maintenance.schema_version(run)
    prev = GENESIS
    count = 0
    head_id = 0
    for row in audit_log.events(run):
        count += 1
        event_id, prev_hash, digest = row[0], row[-2], row[-1]
        if prev_hash != prev or digest != link(marker, event_id, prev, _row_fields(row)):
            return ChainReport(events=count, broken_at=event_id, head_id=event_id, head_hash=digest,
                               missing_marker=marker is None and version >= 2)
        prev, head_id = digest, event_id
    return ChainReport(events=count, broken_at=None, head_id=head_id, head_hash=prev,
                       missing_marker=marker is None and version >= 2)


def missing_triggers(execute: Execute | None = None) -> list[str]:
    """The append-only triggers that are gone or changed (a `WHEN 0` makes one refuse nothing)."""
    run = execute or db.execute_sql
    rows = audit_log.trigger_sql(run)
    return [name for name, sql in TRIGGERS.items() if " ".join(rows.get(name, "").split()) != sql]


def events_for_case(case_id: int) -> list[AuditEvent]:
    return list(AuditEvent.select().where(AuditEvent.case_id == case_id).order_by(AuditEvent.id))


def events_for_person(person_id: int, case_ids: list[int]) -> list[AuditEvent]:
    """A person's log for an access request: events about them or any of their cases."""
    query = AuditEvent.select().where(
        (AuditEvent.person_id == person_id) | (AuditEvent.case_id.in_(case_ids or [-1]))
    )
    return list(query.order_by(AuditEvent.id))
