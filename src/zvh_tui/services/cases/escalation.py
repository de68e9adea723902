"""Op- en afschalen (AVE model): moving a case up or down the levels, with its history."""

from __future__ import annotations

import datetime as dt

from zvh_tui.core.errors import RuleError, ValidationError
from zvh_tui.core.vocab import LEVEL_ORDER, AvePhase, Level, Phase
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.safety import audit
from zvh_tui.services.shared import context, dates, text
from zvh_tui.store.models import Case, Escalation, db


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
        raise RuleError("De casus is afgesloten; heropen hem eerst.")
    level = Level(to_level)
    ave = AvePhase(to_ave) if to_ave else AvePhase(case.ave_phase)
    if level.value == case.level and ave.value == case.ave_phase:
        raise RuleError("Het niveau en de AVE-fase blijven gelijk: er is niets op- of af te schalen.")
    why = text.block(trigger, "Aanleiding voor op- of afschalen", field="trigger", required=True)
    who = text.line(decided_by, "Wie besloot", field="decided_by", required=True)
    day = decided_on if isinstance(decided_on, dt.date) else dates.parse_date(decided_on, label="Datum", field="decided_on")
    day = day or context.today()
    if day > context.today():
        raise ValidationError("De datum van het besluit ligt in de toekomst.", field="decided_on")
    with db.atomic():
        row = Escalation.create(
            case=case,
            from_level=case.level,
            to_level=level.value,
            from_ave=case.ave_phase,
            to_ave=ave.value,
            trigger=why,
            decided_by=who,
            decided_on=day,
        )
        case.level = level.value
        case.ave_phase = ave.value
        cases.touch(case)
        audit.record("escalate" if is_up(row) else "deescalate", case=case, object_type="escalation", object_id=row.id)
    return row


def is_up(row: Escalation) -> bool:
    order = [lv.value for lv in LEVEL_ORDER]
    if row.to_level != row.from_level:
        return order.index(row.to_level) > order.index(row.from_level)
    return int(row.to_ave) > int(row.from_ave)


def history(case: Case) -> list[Escalation]:
    return list(Escalation.select().where(Escalation.case == case).order_by(Escalation.decided_on, Escalation.id))
