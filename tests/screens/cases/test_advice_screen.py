"""The dossier's advice track and AVE keys (issue 15.2, 15.3): A adds an advice question, w
switches the house's role, t places AVE phase and level with a warning, O opens the escalation
dialog filled in with the proposal, c can afschalen to the local team."""

from __future__ import annotations

import datetime as dt

from casekit import World, list_ready, make_case, screen_text, wait_for, wait_for_text
from textual.widgets import Checkbox, Input, Select, Static, TextArea

from zvh_tui.screens.cases.advice import AdviceDialog
from zvh_tui.screens.cases.dossier import DossierScreen
from zvh_tui.services.cases import advice
from zvh_tui.services.partners import roster as partners
from zvh_tui.store.models import Advice, AuditEvent, Case, Escalation, JournalEntry, utcnow
from zvh_tui.widgets.date_input import DateInput
from zvh_tui.widgets.dialogs import CloseCaseDialog, EscalateDialog, TextDialog, TriageDialog
from zvh_tui.widgets.partner_picker import PartnerPicker


async def open_dossier(pilot, case: Case) -> DossierScreen:
    screen = await list_ready(pilot)
    screen.open_case(case.id)
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, DossierScreen) and pilot.app.screen.dossier)
    await pilot.pause()
    return pilot.app.screen  # type: ignore[return-value]


def stored(case: Case) -> Case:
    return Case.get_by_id(case.id)


async def test_add_an_advice_question_and_its_follow_up_shows(profile, make_app) -> None:
    team = partners.create_partner("Wijkteam Noord", "gemeente")
    sanne = partners.add_contact(team, "Sanne de Vries")
    case = make_case(zvh_role="advice", citizen="", referrer_partner_id=team.id)
    follow_up = dt.date.today() + dt.timedelta(days=7)
    async with make_app(profile).run_test(size=(120, 50)) as pilot:
        dossier = await open_dossier(pilot, case)
        assert "Nog geen adviesvragen. Druk A voor een adviesvraag." in screen_text(pilot.app)
        await pilot.press("A")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, AdviceDialog))
        dialog = pilot.app.screen
        assert pilot.app.focused is dialog.query_one("#question", TextArea)  # the question first
        await pilot.press("tab", *"Sanne")  # then who asked: type, arrows, Enter
        await wait_for_text(pilot, "Wijkteam Noord · Sanne de Vries")
        await pilot.press("enter")
        await wait_for(pilot, lambda: dialog.query_one("#asked_by_partner", PartnerPicker).value
                       == (team.id, sanne.id))
        dialog.query_one("#question", TextArea).text = "Hoe betrekken we [/b] de school?"
        dialog.query_one("#advice", TextArea).text = "Via de intern begeleider, met toestemming."
        await pilot.press("f5")  # advice without "aan wie": refused at its field
        await wait_for_text(pilot, "Aan wie is het advies gegeven?")
        dialog.query_one("#given_to", Input).value = "Sanne de Vries"
        dialog.query_one("#regie_with", Input).value = "Sanne de Vries"
        dialog.query_one("#follow_up_on", DateInput).value = follow_up.strftime("%d-%m-%Y")
        await pilot.press("f5")
        await wait_for(pilot, lambda: pilot.app.screen is dossier)
        text = await wait_for_text(pilot, "vraag van Wijkteam Noord · Sanne de Vries")
        assert "Hoe betrekken we [/b] de school?" in text  # user text never as markup
        assert "regie blijft bij: Sanne de Vries" in text
        assert f"vervolg op {follow_up.strftime('%d-%m-%Y')}" in text
        row = Advice.get()
        assert (row.case_id, row.asked_by_contact_id, row.follow_up_on) == (case.id, sanne.id, follow_up)
        # the follow-up date comes: a signal under the title
        Advice.update(follow_up_on=dt.date.today()).execute()
        dossier.reload()
        text = await wait_for_text(pilot, "! 1 adviesvervolg aan de beurt (8)")
        assert "! vervolg is aan de beurt" in text


async def test_switch_to_procesregie_keeps_the_advice_and_greys_a(profile, make_app) -> None:
    case = make_case(zvh_role="advice")
    advice.add_advice(case, advice.AdviceInput(question="Wat nu?", asked_by="juf Ans"))
    async with make_app(profile).run_test(size=(120, 50)) as pilot:
        dossier = await open_dossier(pilot, case)
        assert dossier.check_action("advice", ()) is True
        await pilot.press("w")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, TextDialog))
        assert "Naar procesregie" in screen_text(pilot.app)
        pilot.app.screen.query_one("#role_reason", TextArea).text = "Advies is niet genoeg"
        await pilot.press("f5")
        await wait_for(pilot, lambda: stored(case).zvh_role == "direction")
        await wait_for(pilot, lambda: pilot.app.screen is dossier)
        text = await wait_for_text(pilot, "procesregie (w: terug naar advies)")
        assert "vraag van juf Ans: Wat nu?" in text  # the history stays
        assert "Rol van het ZVH: advies → procesregie. Reden: Advies is niet genoeg" in text
        assert dossier.check_action("advice", ()) is None  # no new advice on procesregie
        assert JournalEntry.select().where(JournalEntry.hat == "procesregie").count() == 1
        assert AuditEvent.select().where(AuditEvent.detail == "zvh_role=advice->direction").exists()
        await pilot.press("w")  # back to advies: a reason is required
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, TextDialog))
        await pilot.press("f5")
        await wait_for_text(pilot, "Reden is verplicht.")
        assert stored(case).zvh_role == "direction"


async def test_triage_places_ave_and_level_and_warns(profile, make_app) -> None:
    case = make_case()
    async with make_app(profile).run_test(size=(120, 50)) as pilot:
        dossier = await open_dossier(pilot, case)
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, TriageDialog))
        dialog = pilot.app.screen
        assert dialog.query_one("#ave_phase", Select).value == "3"  # where ZVH cases sit
        assert dialog.query_one("#level", Select).value == "process"
        dialog.query_one("#triage_outcome", Select).value = "take_on"
        dialog.query_one("#ave_phase", Select).value = "4"
        dialog.query_one("#level", Select).value = "case"
        await wait_for_text(pilot, "Let op: AVE-fase 4 (donkerrood) op casusniveau")
        await pilot.press("f5")  # a warning, not a refusal
        await wait_for(pilot, lambda: pilot.app.screen is dossier)
        assert (stored(case).ave_phase, stored(case).level, stored(case).triage_outcome) == ("4", "case", "take_on")
        text = await wait_for_text(pilot, "! AVE-fase en niveau passen niet bij elkaar (8)")
        assert "Let op: AVE-fase 4 (donkerrood) op casusniveau" in text


async def test_the_proposal_fills_in_the_escalation_dialog(world: World, profile, make_app) -> None:
    case = world.overdue  # an action three days late
    Case.update(updated_at=utcnow() - dt.timedelta(days=45)).where(Case.id == case.id).execute()
    async with make_app(profile).run_test(size=(120, 50)) as pilot:
        dossier = await open_dossier(pilot, case)
        await wait_for_text(pilot, "Voorstel: opschalen (O)")  # the signal line under the title
        await pilot.press("8")  # the section Advies en AVE
        text = await wait_for_text(pilot, "Voorstel: opschalen naar")
        assert "Voorstel: opschalen naar managementniveau: 1 actie te laat · stil 45 dgn (O)" in text
        await pilot.press("O")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, EscalateDialog))
        dialog = pilot.app.screen
        assert dialog.query_one("#to_level", Select).value == "management"
        trigger = dialog.query_one("#trigger", TextArea).text
        assert trigger.startswith("Voorstel tot opschalen: de samenwerking stagneert.\n- 1 actie te laat")
        await wait_for(pilot, lambda: pilot.app.focused is dialog.query_one("#decided_by", Input))
        await pilot.press(*"stuurgroep")
        await pilot.press("f5")
        await wait_for(pilot, lambda: pilot.app.screen is dossier)
        row = Escalation.get()
        assert (row.from_level, row.to_level, row.decided_by, row.trigger) == (
            "process", "management", "stuurgroep", trigger)
        await wait_for(pilot, lambda: dossier.proposal is None)  # the step answered it
        assert dossier.check_action("escalate_proposal", ()) is None


async def test_close_with_afschaling_to_the_local_team(profile, make_app) -> None:
    profile.settings.retention_years = 15
    case = make_case()
    async with make_app(profile).run_test(size=(120, 50)) as pilot:
        dossier = await open_dossier(pilot, case)
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, CloseCaseDialog))
        dialog = pilot.app.screen
        assert "Nu procesniveau, AVE-fase 3." in screen_text(pilot.app)
        assert not dialog.query_one("#afschaling").display
        dialog.query_one("#closing_reason", TextArea).text = "stabiel"
        dialog.query_one("#afschalen", Checkbox).value = True
        await wait_for(pilot, lambda: dialog.query_one("#afschaling").display)
        dialog.query_one("#afschaling_trigger", TextArea).text = "Wijkteam houdt de casusregie"
        await pilot.press("f5")
        error = dialog.query_one("#err-afschaling_decided_by", Static)
        await wait_for(pilot, lambda: "Wie besloot is verplicht." in str(error.render()))
        assert stored(case).phase != "closed"
        dialog.query_one("#afschaling_decided_by", Input).value = "procesregisseur en wijkteam"
        await pilot.press("f5")
        await wait_for(pilot, lambda: pilot.app.screen is dossier)
        text = await wait_for_text(pilot, "afgeschaald")
        assert "proces (AVE 3) → casus (AVE 2); besloten door procesregisseur en wijkteam" in text
        closed = stored(case)
        assert (closed.phase, closed.level, closed.ave_phase) == ("closed", "case", "2")
