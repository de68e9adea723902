"""Op- en afschalen: levels and AVE phases, with who decided, why and when."""

from __future__ import annotations

import datetime as dt

import pytest

from zvh_tui.core.errors import RuleError, ValidationError
from zvh_tui.core.vocab import AvePhase, Level
from zvh_tui.services.cases import escalation
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.store.models import Case, Escalation


def _stored(case: Case) -> Case:
    return Case.get_by_id(case.id)


def _at_casus(build) -> Case:
    """A case placed at AVE 1 on casusniveau (a new aanmelding starts at 3 · proces)."""
    return build.new_case(ave_phase="1", level="case")


def test_escalate_records_history_and_moves_the_case(build) -> None:
    case = _at_casus(build)
    row = escalation.change_level(
        case, to_level=Level.PROCESS, to_ave=AvePhase.YELLOW, trigger="Afspraken niet nagekomen",
        decided_by="Procesregisseur De Wit", decided_on="20-11-2026",
    )
    stored = Escalation.get_by_id(row.id)
    assert (stored.from_level, stored.to_level, stored.from_ave, stored.to_ave) == ("case", "process", "1", "2")
    assert (stored.trigger, stored.decided_by, stored.decided_on) == (
        "Afspraken niet nagekomen", "Procesregisseur De Wit", dt.date(2026, 11, 20),
    )
    assert (_stored(case).level, _stored(case).ave_phase) == ("process", "2")
    assert escalation.is_up(stored)


def test_decided_on_defaults_to_today(build) -> None:
    case = _at_casus(build)
    row = escalation.change_level(case, to_level="management", trigger="Vastgelopen", decided_by="Teamleider")
    assert Escalation.get_by_id(row.id).decided_on == dt.date(2026, 11, 23)
    assert _stored(case).ave_phase == "1"  # no AVE phase given: it stays


def test_same_level_and_ave_is_refused(build) -> None:
    case = _at_casus(build)
    with pytest.raises(RuleError, match="niets op- of af te schalen"):
        escalation.change_level(case, to_level=Level.CASE, trigger="Niets", decided_by="Ik")
    with pytest.raises(RuleError, match="niets op- of af te schalen"):
        escalation.change_level(case, to_level=Level.CASE, to_ave=AvePhase.GREEN, trigger="Niets", decided_by="Ik")
    assert Escalation.select().count() == 0


@pytest.mark.parametrize(
    ("trigger", "decided_by", "fragment", "field"),
    [
        ("  ", "Teamleider", "Aanleiding voor op- of afschalen is verplicht", "trigger"),
        ("Geweld", "", "Wie besloot is verplicht", "decided_by"),
    ],
)
def test_trigger_and_decided_by_required(build, trigger, decided_by, fragment, field) -> None:
    case = _at_casus(build)
    with pytest.raises(ValidationError) as info:
        escalation.change_level(case, to_level=Level.BOARD, trigger=trigger, decided_by=decided_by)
    assert fragment in str(info.value) and info.value.field == field
    assert _stored(case).level == "case" and Escalation.select().count() == 0


@pytest.mark.parametrize("day", ["morgen", dt.date(2026, 11, 24)])
def test_future_decision_date_is_refused(build, day) -> None:
    case = _at_casus(build)
    with pytest.raises(ValidationError, match="besluit ligt in de toekomst"):
        escalation.change_level(case, to_level=Level.PROCESS, trigger="Geweld", decided_by="Ik", decided_on=day)
    assert _stored(case).level == "case"


def test_up_and_down_and_history_order(build) -> None:
    case = _at_casus(build)
    steps = [
        dict(to_level=Level.PROCESS, decided_on="10-11-2026"),  # up a level
        dict(to_level=Level.PROCESS, to_ave=AvePhase.ORANGE, decided_on="15-11-2026"),  # up in AVE only
        dict(to_level=Level.LMM, to_ave=AvePhase.DARK_RED, decided_on="01-11-2026"),  # decided earlier
        dict(to_level=Level.MANAGEMENT, to_ave=AvePhase.DARK_RED, decided_on="20-11-2026"),  # down a level
        dict(to_level=Level.MANAGEMENT, to_ave=AvePhase.GREEN, decided_on="20-11-2026"),  # down in AVE
    ]
    for step in steps:
        escalation.change_level(_stored(case), trigger="Reden", decided_by="Stuurgroep", **step)
    history = escalation.history(case)
    assert [(h.decided_on.isoformat(), h.from_level, h.to_level, h.from_ave, h.to_ave) for h in history] == [
        ("2026-11-01", "process", "lmm", "3", "4"),
        ("2026-11-10", "case", "process", "1", "1"),
        ("2026-11-15", "process", "process", "1", "3"),
        ("2026-11-20", "lmm", "management", "4", "4"),
        ("2026-11-20", "management", "management", "4", "1"),
    ]
    assert [escalation.is_up(h) for h in history] == [True, True, True, False, False]
    assert (_stored(case).level, _stored(case).ave_phase) == ("management", "1")


def test_closed_case_cannot_escalate(build) -> None:
    case = _at_casus(build)
    cases.close_case(case, "Klaar", retention_years=15)
    with pytest.raises(RuleError, match="afgesloten"):
        escalation.change_level(_stored(case), to_level=Level.BOARD, trigger="Terugval", decided_by="Ik")
    assert Escalation.select().count() == 0


def test_unknown_level_is_refused(build) -> None:
    case = _at_casus(build)
    with pytest.raises(ValidationError, match=r"'gemeenteraad' is geen niveau. Kies uit: casus \(case\)"):
        escalation.change_level(case, to_level="gemeenteraad", trigger="Reden", decided_by="Ik")
