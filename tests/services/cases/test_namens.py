"""Namens per case (NEN 7513 "on whose behalf"): the aanmelder by default, the own house for a
citizen's melding, changed by a handover; every audit event of a case carries it."""

from __future__ import annotations

import pytest

from zvh_tui.core.errors import RuleError, ValidationError
from zvh_tui.core.vocab import Phase
from zvh_tui.services.cases import journal, namens
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.safety import audit
from zvh_tui.services.shared import context
from zvh_tui.store.models import AuditEvent, Case, Partner


def _last(case: Case) -> AuditEvent:
    return audit.events_for_case(case.id)[-1]


def test_a_case_runs_on_behalf_of_its_referrer(build) -> None:
    referrer = build.partner("Politie Noordwaarde", domain="straf")
    context.set_actor(context.Actor(user="tester", on_behalf_of="ZVH uit de instellingen"))
    case = build.new_case(referrer=referrer)
    assert Case.get_by_id(case.id).on_behalf_partner_id == referrer.id
    assert namens.of(case) == namens.Namens("Politie Noordwaarde", referrer.id, namens.REFERRER)
    cases.get_case(case.id)
    assert {e.on_behalf_of for e in audit.events_for_case(case.id)} == {"Politie Noordwaarde"}
    partners.create_partner("Halt", "straf")  # an event without a case: the settings' organisation
    assert AuditEvent.select().order_by(AuditEvent.id.desc()).first().on_behalf_of == "ZVH uit de instellingen"


def test_a_citizens_melding_runs_on_behalf_of_the_own_house(build) -> None:
    case = build.new_case(referrer_citizen="Buurvrouw")
    own = build.own()
    assert Case.get_by_id(case.id).on_behalf_partner_id == own.id
    assert namens.of(case).label == f"{own.name} ({namens.OWN_HOUSE})"
    assert _last(case).on_behalf_of == own.name


def test_without_a_partner_the_log_falls_back_and_is_never_empty(build) -> None:
    case = build.new_case(referrer_citizen="Buurman")
    Case.update(on_behalf_partner=None).where(Case.id == case.id).execute()  # a database from before
    own = build.own()
    assert namens.of(case).source == namens.FALLBACK
    cases.get_case(case.id)
    assert _last(case).on_behalf_of == own.name
    Partner.update(is_own=False).where(Partner.id == own.id).execute()
    context.set_actor(context.Actor(user="tester", on_behalf_of="ZVH Fictiefstad"))
    cases.get_case(case.id)
    assert _last(case).on_behalf_of == "ZVH Fictiefstad"
    context.set_actor(context.Actor(user="tester"))
    cases.get_case(case.id)
    assert _last(case).on_behalf_of == audit.HOUSE


def test_hand_over_changes_the_namens_with_a_journal_entry_and_an_event(build) -> None:
    referrer = build.partner("Wijkteam Zuid", domain="gemeente")
    reclassering = build.partner("Reclassering", domain="straf")
    case = build.new_case(referrer=referrer)
    stale = Case.get_by_id(case.id)  # a screen's copy, loaded before the handover
    first = audit.events_for_case(case.id)
    namens.hand_over(Case.get_by_id(case.id), reclassering.id, "Reclassering neemt het toezicht over.")
    assert namens.of(stale) == namens.Namens("Reclassering", reclassering.id, namens.HANDED_OVER)
    [handover] = [e for e in audit.events_for_case(case.id) if e.event == "handover"]
    assert (handover.on_behalf_of, handover.detail) == ("Reclassering", f"namens {referrer.id}->{reclassering.id}")
    entry = journal.entries(case)[0]
    assert entry.hat == "procesregie"
    assert "voortaan namens Reclassering (was: Wijkteam Zuid)" in entry.text
    assert "Reclassering neemt het toezicht over." in entry.text
    cases.get_case(stale.id)  # later events carry the new namens, even through a stale copy
    assert _last(stale).on_behalf_of == "Reclassering"
    # the events written before keep theirs (the log is append-only)
    assert [AuditEvent.get_by_id(e.id).on_behalf_of for e in first] == ["Wijkteam Zuid"] * len(first)
    assert audit.verify_chain().ok
    # and back to the aanmelder: the source says so again
    namens.hand_over(Case.get_by_id(case.id), referrer.id, "Terug naar het wijkteam.")
    assert namens.of(case).source == namens.REFERRER


@pytest.mark.parametrize("bad", ["none", "same", "missing", "inactive", "reason", "closed"])
def test_hand_over_refusals_change_nothing(build, bad) -> None:
    referrer = build.partner("Wijkteam West", domain="gemeente")
    other = build.partner("GGZ West")
    case = build.new_case(referrer=referrer)
    target: int | None = other.id
    reason = "Past beter"
    expected: type[Exception] = ValidationError
    if bad == "none":
        target = None
    elif bad == "same":
        target = referrer.id
    elif bad == "missing":
        target = 99999
    elif bad == "inactive":
        partners.deactivate_partner(other)
    elif bad == "reason":
        reason = "  "
    elif bad == "closed":
        cases.close_case(case, "Klaar", retention_years=15, open_actions=cases.KEEP_OPEN_ACTIONS)
        expected = RuleError
    before = AuditEvent.select().count()
    with pytest.raises(expected) as raised:
        namens.hand_over(Case.get_by_id(case.id), target, reason)
    assert str(raised.value)
    assert Case.get_by_id(case.id).on_behalf_partner_id == referrer.id
    assert AuditEvent.select().count() == before
    assert Case.get_by_id(case.id).phase == (Phase.CLOSED.value if bad == "closed" else Phase.REFERRAL.value)
