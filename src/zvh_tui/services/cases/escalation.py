"""Op- en afschalen (AVE model): moving a case up or down the levels, with its history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from zvh_tui.core.errors import RuleError, ValidationError
from zvh_tui.core.i18n import N_, M
from zvh_tui.core.vocab import LEVEL_ORDER, AvePhase, Level, Phase
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.safety import audit
from zvh_tui.services.shared import context, dates, text
from zvh_tui.store.models import Case, Escalation, db


@dataclass(frozen=True)
class LevelChange:
    """A checked step up or down, not written yet (`check_change`, `apply_change`)."""

    level: Level
    ave: AvePhase
    trigger: str
    decided_by: str
    decided_on: dt.date

    def is_up(self, case: Case) -> bool:
        return _up(case.level, self.level.value, case.ave_phase, self.ave.value)


def check_change(
    case: Case,
    *,
    to_level: Level | str,
    to_ave: AvePhase | str | None = None,
    trigger: str,
    decided_by: str,
    decided_on: str | dt.date | None = None,
    prefix: str = "",
) -> LevelChange:
    """Check a step of `case` to a level and/or AVE phase, why and who decided; nothing is
    written. Refusals name their field with `prefix` (the close dialog's "afschaling_")."""
    level = Level(to_level)
    ave = AvePhase(to_ave) if to_ave else AvePhase(case.ave_phase)
    if level.value == case.level and ave.value == case.ave_phase:
        raise RuleError(M("cases.escalation.no_change",
                          "Het niveau en de AVE-fase blijven gelijk: er is niets op- of af te schalen."),
                        field=f"{prefix}to_level" if prefix else None)
    why = text.block(trigger, N_("Aanleiding voor op- of afschalen"), field=f"{prefix}trigger", required=True)
    who = text.line(decided_by, N_("Wie besloot"), field=f"{prefix}decided_by", required=True)
    field = f"{prefix}decided_on"
    day = decided_on if isinstance(decided_on, dt.date) else dates.parse_date(decided_on, label=N_("Datum"), field=field)
    day = day or context.today()
    if day > context.today():
        raise ValidationError(M("cases.escalation.decided_in_future", "De datum van het besluit ligt in de toekomst."),
                              field=field)
    return LevelChange(level, ave, why, who, day)


def apply_change(case: Case, change: LevelChange) -> Escalation:
    """Write a checked step: the history row, the case's new level and AVE phase, the audit."""
    with db.atomic():
        row = Escalation.create(
            case=case,
            from_level=case.level,
            to_level=change.level.value,
            from_ave=case.ave_phase,
            to_ave=change.ave.value,
            trigger=change.trigger,
            decided_by=change.decided_by,
            decided_on=change.decided_on,
        )
        case.level = change.level.value
        case.ave_phase = change.ave.value
        cases.touch(case)
        audit.record("escalate" if is_up(row) else "deescalate", case=case, object_type="escalation", object_id=row.id)
    return row


def change_level(
    case: Case,
    *,
    to_level: Level | str,
    to_ave: AvePhase | str | None = None,
    trigger: str,
    decided_by: str,
    decided_on: str | dt.date | None = None,
) -> Escalation:
    """Escalate or de-escalate: the level and/or AVE phase, why, and who decided."""
    if case.phase == Phase.CLOSED.value:
        raise RuleError(M("cases.case.closed", "De casus is afgesloten; heropen hem eerst."))
    change = check_change(case, to_level=to_level, to_ave=to_ave, trigger=trigger,
                          decided_by=decided_by, decided_on=decided_on)
    return apply_change(case, change)


def _up(from_level: str, to_level: str, from_ave: str, to_ave: str) -> bool:
    order = [lv.value for lv in LEVEL_ORDER]
    if to_level != from_level:
        return order.index(to_level) > order.index(from_level)
    return int(to_ave) > int(from_ave)


def is_up(row: Escalation) -> bool:
    return _up(row.from_level, row.to_level, row.from_ave, row.to_ave)


def history(case: Case) -> list[Escalation]:
    return list(Escalation.select().where(Escalation.case == case).order_by(Escalation.decided_on, Escalation.id))
