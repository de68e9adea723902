"""Undo and redo for the plan editor: snapshots of one plan version, taken before each change.

A plan version is small (tens of rows), so a snapshot holds the whole version: the plan's own
fields and every goal, action, afspraak, krachten-en-zorgen row and perspective. Undo writes the
version back to the state before the last change, in one transaction, with the same row ids (so
the links between versions, `origin`, stay intact), and records an audit event; redo puts back
what undo took away. `UndoHistory` keeps every change of one editing session (up to
`UNDO_LIMIT`), newest last. A snapshot is refused once the version has changed status (adopted,
revised, superseded) or the case was closed: those are not edits to take back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from zvh_tui.compat.peewee import field_values
from zvh_tui.core.errors import RuleError
from zvh_tui.core.i18n import M
from zvh_tui.core.vocab import Phase
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.safety import audit
from zvh_tui.store.models import (
    Action,
    Agreement,
    Assessment,
    Goal,
    Perspective,
    Plan,
    db,
    utcnow,
)

UNDO_LIMIT = 100  # changes kept per editing session
NOTHING_TO_UNDO = M("plans.undo.nothing", "Niets meer om ongedaan te maken.")
NOTHING_TO_REDO = M("plans.redo.nothing", "Niets meer om opnieuw te doen.")

PLAN_FIELDS = ("shared_task", "client_view", "director_partner", "director_contact", "evaluation_on")
# Rows without children first when deleting, parents first when inserting.
CHILD_MODELS = (Assessment, Perspective, Agreement, Goal, Action)


@dataclass
class Snapshot:
    plan_id: int
    label: str  # what the change was, in Dutch, marked N_() ("status van een actie"): shown with _()
    status: str
    superseded: bool
    plan_fields: dict[str, object]
    rows: dict[str, list[dict[str, object]]] = field(default_factory=dict)


def take(plan: Plan, label: str) -> Snapshot:
    """The state of this plan version right now."""
    fresh = Plan.get_by_id(plan.id)
    snapshot = Snapshot(
        plan_id=fresh.id,
        label=label,
        status=fresh.status,
        superseded=bool(fresh.superseded),
        plan_fields={name: field_values(fresh).get(name) for name in PLAN_FIELDS},
    )
    for model in CHILD_MODELS:
        rows = model.select().where(model.plan == fresh.id).order_by(model.id)
        snapshot.rows[model.__name__] = [field_values(row) for row in rows]
    return snapshot


def _upsert(model: type, rows: list[dict[str, object]]) -> None:
    existing = {r.id for r in model.select(model.id).where(model.id.in_([row["id"] for row in rows] or [-1]))}
    for row in rows:
        values = {k: v for k, v in row.items() if k != "id"}
        if row["id"] in existing:
            model.update(**values).where(model.id == row["id"]).execute()
        else:
            model.insert(**row).execute()


def _delete_others(model: type, plan_id: int, rows: list[dict[str, object]]) -> None:
    keep = [row["id"] for row in rows] or [-1]
    model.delete().where((model.plan == plan_id) & (model.id.not_in(keep))).execute()


def restore(snapshot: Snapshot, detail: str = "undo") -> Plan:
    """Put the plan version back as it was when the snapshot was taken."""
    plan = Plan.get_or_none(Plan.id == snapshot.plan_id)
    if plan is None:
        raise RuleError(M("plans.undo.gone",
                          "Deze versie van het plan bestaat niet meer; er valt niets ongedaan te maken."))
    if plan.status != snapshot.status or bool(plan.superseded) != snapshot.superseded:
        raise RuleError(M(
            "plans.undo.adopted",
            "De laatste wijziging kan niet meer ongedaan worden gemaakt: de versie is intussen "
            "vastgesteld of bijgesteld."))
    if plan.case.phase == Phase.CLOSED.value:
        raise RuleError(M("plans.versions.case_closed",
                          "De casus is afgesloten; het plan kan niet meer worden gewijzigd."))
    rows = snapshot.rows
    with db.atomic():
        Plan.update(**snapshot.plan_fields, updated_at=utcnow()).where(Plan.id == plan.id).execute()
        for model in (Assessment, Perspective, Agreement):
            _delete_others(model, plan.id, rows[model.__name__])
            _upsert(model, rows[model.__name__])
        _upsert(Goal, rows["Goal"])
        _upsert(Action, rows["Action"])
        _delete_others(Action, plan.id, rows["Action"])
        _delete_others(Goal, plan.id, rows["Goal"])
        plan = Plan.get_by_id(plan.id)
        cases.touch(plan.case)
        audit.record("update", case=plan.case, object_type="plan", object_id=plan.id, detail=detail)
    return plan


class UndoHistory:
    """The changes of one editing session that can be taken back (u / Ctrl+Z) and redone
    (U / Ctrl+Y), newest last."""

    def __init__(self, limit: int = UNDO_LIMIT) -> None:
        self._limit = limit
        self._undo: list[Snapshot] = []  # the state before each change
        self._redo: list[Snapshot] = []  # the state before each undo

    def remember(self, plan: Plan, label: str) -> Snapshot:
        snapshot = take(plan, label)
        self.keep(snapshot)
        return snapshot

    def keep(self, snapshot: Snapshot) -> None:
        """Make a snapshot taken before a change the newest to undo (once the change succeeded).
        A new change ends what could be redone."""
        self._undo.append(snapshot)
        del self._undo[:-self._limit]
        self._redo.clear()

    def forget(self) -> None:
        self._undo.clear()
        self._redo.clear()

    @property
    def available(self) -> bool:
        return bool(self._undo)

    @property
    def redo_available(self) -> bool:
        return bool(self._redo)

    @property
    def depth(self) -> int:
        return len(self._undo)

    @property
    def label(self) -> str:
        return self._undo[-1].label if self._undo else ""

    @property
    def plan_id(self) -> int | None:
        return self._undo[-1].plan_id if self._undo else None

    def undo(self, *, redoable: bool = True) -> str:
        """Take back the newest change; return what it was. The step is used up even when the
        version can no longer be restored (the refusal says why). `redoable=False`: an edit that
        was cancelled, not undone, cannot be redone."""
        if not self._undo:
            raise RuleError(NOTHING_TO_UNDO)
        snapshot = self._undo.pop()
        now = _current(snapshot) if redoable else None
        restore(snapshot)
        if now is not None:
            self._redo.append(now)
        return snapshot.label

    def redo(self) -> str:
        """Do again what the newest undo took back; return what it was."""
        if not self._redo:
            raise RuleError(NOTHING_TO_REDO)
        snapshot = self._redo.pop()
        now = _current(snapshot)
        restore(snapshot, detail="redo")
        if now is not None:
            self._undo.append(now)
        return snapshot.label


def _current(snapshot: Snapshot) -> Snapshot | None:
    """The version as it is now, to go back to (None when it no longer exists: `restore` says so)."""
    plan = Plan.get_or_none(Plan.id == snapshot.plan_id)
    return take(plan, snapshot.label) if plan is not None else None
