"""One-level undo for the plan editor: a snapshot of one plan version, taken before a change.

A plan version is small (tens of rows), so the snapshot holds the whole version: the plan's own
fields and every goal, action, afspraak, krachten-en-zorgen row and perspective. Undo writes the
version back to that state in one transaction, with the same row ids (so the links between
versions, `origin`, stay intact), and records an audit event. A snapshot is refused once the
version has changed status (adopted, revised, superseded) or the case was closed: those are not
edits to take back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from zvh_tui.errors import RuleError
from zvh_tui.services import audit, cases
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
from zvh_tui.vocab import Phase

PLAN_FIELDS = ("shared_task", "client_view", "director_partner", "director_contact", "evaluation_on")
# Rows without children first when deleting, parents first when inserting.
CHILD_MODELS = (Assessment, Perspective, Agreement, Goal, Action)


@dataclass
class Snapshot:
    plan_id: int
    label: str  # what the change was, in Dutch ("status van een actie")
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
        plan_fields={name: fresh.__data__.get(name) for name in PLAN_FIELDS},
    )
    for model in CHILD_MODELS:
        rows = model.select().where(model.plan == fresh.id).order_by(model.id)
        snapshot.rows[model.__name__] = [dict(row.__data__) for row in rows]
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


def restore(snapshot: Snapshot) -> Plan:
    """Put the plan version back as it was when the snapshot was taken."""
    plan = Plan.get_or_none(Plan.id == snapshot.plan_id)
    if plan is None:
        raise RuleError("Deze versie van het plan bestaat niet meer; er valt niets ongedaan te maken.")
    if plan.status != snapshot.status or bool(plan.superseded) != snapshot.superseded:
        raise RuleError(
            "De laatste wijziging kan niet meer ongedaan worden gemaakt: de versie is intussen "
            "vastgesteld of bijgesteld."
        )
    if plan.case.phase == Phase.CLOSED.value:
        raise RuleError("De casus is afgesloten; het plan kan niet meer worden gewijzigd.")
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
        audit.record("update", case=plan.case, object_type="plan", object_id=plan.id, detail="undo")
    return plan


class UndoLevel:
    """Holds the one change that can be taken back (Ctrl+Z / u in the plan editor)."""

    def __init__(self) -> None:
        self._snapshot: Snapshot | None = None

    def remember(self, plan: Plan, label: str) -> Snapshot:
        self._snapshot = take(plan, label)
        return self._snapshot

    def keep(self, snapshot: Snapshot) -> None:
        """Make a snapshot taken before a change the one to undo (once the change succeeded)."""
        self._snapshot = snapshot

    def forget(self) -> None:
        self._snapshot = None

    @property
    def available(self) -> bool:
        return self._snapshot is not None

    @property
    def label(self) -> str:
        return self._snapshot.label if self._snapshot else ""

    @property
    def plan_id(self) -> int | None:
        return self._snapshot.plan_id if self._snapshot else None

    def undo(self) -> str:
        """Restore the snapshot; return what was undone. The snapshot is used up either way."""
        snapshot, self._snapshot = self._snapshot, None
        if snapshot is None:
            raise RuleError("Er is geen wijziging om ongedaan te maken.")
        restore(snapshot)
        return snapshot.label
