"""Overdragen from the dossier (Shift+N): the namens line, the dialog, and the logboek after it."""

from __future__ import annotations

from casekit import list_ready, make_case, screen_text, wait_for, wait_for_text

from zvh_tui.screens.cases.dossier import DossierScreen
from zvh_tui.screens.cases.namens import HandOverDialog
from zvh_tui.services.partners import roster as partners
from zvh_tui.store.models import AuditEvent, Case, JournalEntry


async def _dossier(pilot, case: Case) -> DossierScreen:
    screen = await list_ready(pilot)
    screen.open_case(case.id)
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, DossierScreen) and pilot.app.screen.dossier)
    await pilot.pause()
    return pilot.app.screen  # type: ignore[return-value]


async def test_hand_over_a_case_from_the_dossier(profile, make_app) -> None:
    partners.create_partner("Reclassering Fictief", "straf", convenant_signed=True)
    case = make_case(citizen="buurman")  # a citizen's melding: on behalf of the own house
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        dossier = await _dossier(pilot, case)
        own = partners.own_partner()
        assert f"Namens (logboek): {own.name} (eigen huis)" in screen_text(pilot.app)
        await pilot.press("N")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, HandOverDialog))
        dialog = pilot.app.screen
        assert f"loopt nu namens {own.name} (eigen huis)" in screen_text(pilot.app)
        await pilot.press("f5")  # nothing chosen: refused at the field, the dialog stays
        await wait_for_text(pilot, "Kies een partner")
        await pilot.press(*"reclas")
        await wait_for_text(pilot, "Reclassering Fictief")
        await pilot.press("enter")  # choose; the reason field has the focus next
        await wait_for(pilot, lambda: getattr(pilot.app.focused, "id", None) == "reason")
        await pilot.press(*"Toezicht")
        await pilot.press("enter")  # Enter in the reason saves, as F5 does
        await wait_for(pilot, lambda: pilot.app.screen is dossier)
        await wait_for_text(pilot, "Namens (logboek): Reclassering Fictief (overgedragen)")
        assert dialog.is_attached is False
        entry = JournalEntry.get(JournalEntry.case == case.id)
        assert "voortaan namens Reclassering Fictief" in entry.text and entry.text.endswith("Reden: Toezicht")
        events = list(AuditEvent.select().where(AuditEvent.case_id == case.id).order_by(AuditEvent.id))
        assert events[-1].on_behalf_of == "Reclassering Fictief"
        assert "handover" in [e.event for e in events]
        assert events[0].on_behalf_of == own.name  # the aanmelding keeps its namens

