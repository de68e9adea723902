"""The dossier: what it shows, and the keys for phase, journal, escalation, closing, reopening."""

from __future__ import annotations

import datetime as dt
import sys

from casekit import World, list_ready, make_case, screen_text, wait_for, wait_for_text
from textual.widgets import Input, Select, TextArea
from textual.widgets._footer import FooterKey

from zvh_tui.screens.cases.dossier import DossierScreen
from zvh_tui.services.cases import journal
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.shared import context, dates, disclosure
from zvh_tui.store.models import AuditEvent, Case, Escalation, JournalEntry
from zvh_tui.widgets.dialogs import (
    CloseCaseDialog,
    EscalateDialog,
    JournalDialog,
    MessageDialog,
    TextDialog,
)


async def open_dossier(pilot, case: Case) -> DossierScreen:
    screen = await list_ready(pilot)
    screen.open_case(case.id)
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, DossierScreen) and pilot.app.screen.dossier)
    await pilot.pause()
    return pilot.app.screen  # type: ignore[return-value]


def notifications(app) -> list[str]:
    """The messages of the notifications on screen (toasts)."""
    return [n.message for n in app._notifications]


def stored(case: Case) -> Case:
    return Case.get_by_id(case.id)


async def test_dossier_shows_the_case_and_audits_the_view(world: World, profile, make_app) -> None:
    async with make_app(profile).run_test(size=(120, 60)) as pilot:
        await open_dossier(pilot, world.overdue)
        text = screen_text(pilot.app)
        for expected in ("Casus " + world.overdue.reference, "Fatima El Fictief", "Overzicht",
                         "Casusregisseur: Politie Eenheid Test · Wim Wijkagent", "Deelnemers",
                         "Plan van aanpak", "versie 1 · concept", "huisbezoek afleggen", "te laat",
                         "Nog niet vast te stellen", "Journaal", "Op- en afschaling",
                         "check op bekendheid: niet gevraagd", "Aanleiding: huiselijk geweld"):
            assert expected in text, expected
        views = AuditEvent.select().where((AuditEvent.case_id == world.overdue.id)
                                          & (AuditEvent.event == "view"))
        assert views.count() == 1


async def test_phase_move_refused_shows_the_blocker(profile, make_app) -> None:
    case = make_case()
    cases.move_phase(case, "screening")
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        await open_dossier(pilot, case)
        await pilot.press("v")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, MessageDialog))
        text = screen_text(pilot.app)
        assert "Nog niet naar Triage" in text
        assert "Doe eerst de check op bekendheid" in text
        assert "bekend is (d: Deelnemers)." in text.replace("\n", " ")  # the key that helps (11.10)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, DossierScreen))
        assert stored(case).phase == "screening"


async def test_phase_move_allowed_and_back(profile, make_app) -> None:
    case = make_case()
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        dossier = await open_dossier(pilot, case)
        assert dossier.check_action("phase_back", ()) is None  # first phase: b greyed (11.10)
        await pilot.press("b")
        await pilot.pause()
        assert pilot.app.screen is dossier and not notifications(pilot.app)
        await pilot.press("v")
        await wait_for(pilot, lambda: stored(case).phase == "screening")
        assert dossier.check_action("phase_back", ()) is True
        await wait_for_text(pilot, "Fase: Screening")
        await pilot.press("b")
        await wait_for_text(pilot, "Terug naar Aanmelding?")
        await pilot.click("#dialog-yes")
        await wait_for(pilot, lambda: stored(case).phase == "referral")
        assert pilot.app.screen is dossier
        # back in the list, the row shows the new phase at once
        await pilot.press("escape")
        await wait_for_text(pilot, "Aanmelding")


async def test_journal_entry_shows_in_the_dossier(profile, make_app) -> None:
    case = make_case()
    async with make_app(profile).run_test(size=(120, 50)) as pilot:
        await open_dossier(pilot, case)
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, JournalDialog))
        dialog = pilot.app.screen
        await pilot.press("f5")  # empty: refused at the field, dialog stays
        await wait_for_text(pilot, "Journaaltekst is verplicht.")
        dialog.query_one("#journal", TextArea).text = "Gebeld met [/b] de wijkagent"
        dialog.query_one("#hat", Select).value = "monitoren"
        await pilot.press("f5")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, DossierScreen))
        text = await wait_for_text(pilot, "Gebeld met [/b] de wijkagent")
        assert "pet: monitoren" in text
        entry = JournalEntry.get()
        assert (entry.text, entry.hat, entry.case_id) == ("Gebeld met [/b] de wijkagent", "monitoren",
                                                          case.id)


async def test_journal_times_show_on_the_local_clock(amsterdam: str, profile, make_app) -> None:
    """Issue 12.5: a note made at 18:48 in Amsterdam (17:48 UTC, as stored) shows as 18:48."""
    case = make_case()
    winter = journal.add_entry(case, "notitie in de winter")
    summer = journal.add_entry(case, "notitie in de zomer")
    JournalEntry.update(at=dt.datetime(2026, 12, 1, 17, 48)).where(JournalEntry.id == winter.id).execute()
    JournalEntry.update(at=dt.datetime(2026, 7, 1, 8, 5)).where(JournalEntry.id == summer.id).execute()
    async with make_app(profile).run_test(size=(120, 50)) as pilot:
        await open_dossier(pilot, case)
        text = await wait_for_text(pilot, "notitie in de zomer")
        assert "01-12-2026 18:48" in text  # winter time: UTC+1
        assert "01-07-2026 10:05" in text  # summer time: UTC+2
        assert "17:48" not in text and "08:05" not in text  # never the stored UTC


async def test_on_the_projector_switch_the_dossier_shows_initials_only(profile, make_app) -> None:
    """The one place projector mode will flip (next issue): no name, day of birth, or number."""
    case = cases.create_case(cases.NewCase(
        persons=[cases.NewPerson(name="Fatima El Fictief", date_of_birth=dt.date(1990, 4, 3))],
        reason="huiselijk geweld", referrer_citizen="buurvrouw"))
    disclosure.set_screen(disclosure.Disclosure.MEETING)  # the root conftest sets FULL again
    async with make_app(profile).run_test(size=(120, 50)) as pilot:
        await open_dossier(pilot, case)
        text = await wait_for_text(pilot, "Betrokkenen: F. el F., cliënt")
        assert f"Casus {case.reference}  ·  F. el F." in text
        for secret in ("Fatima", "Fictief", "03-04-1990", "1990", "betrokkene "):
            assert secret not in text, secret


async def test_escalate_with_reason_and_who_decided(profile, make_app) -> None:
    case = make_case(ave_phase="1", level="case")  # placed at casusniveau (triage)
    async with make_app(profile).run_test(size=(120, 50)) as pilot:
        await open_dossier(pilot, case)
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, EscalateDialog))
        dialog = pilot.app.screen
        dialog.query_one("#to_level", Select).value = "process"
        dialog.query_one("#to_ave", Select).value = "3"
        dialog.query_one("#trigger", TextArea).text = "school en GI oneens over de aanpak"
        await pilot.press("f5")  # who decided is missing
        await wait_for_text(pilot, "Wie besloot is verplicht.")
        dialog.query_one("#decided_by", Input).value = "ketenoverleg"
        await pilot.press("f5")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, DossierScreen))
        text = await wait_for_text(pilot, "opgeschaald")
        assert "besloten door ketenoverleg" in text
        assert "AVE-fase 3 (oranje), niveau proces" in text
        row = Escalation.get()
        assert (row.to_level, row.to_ave, row.decided_by) == ("process", "3", "ketenoverleg")


async def test_close_refused_without_retention_setting(profile, make_app) -> None:
    case = make_case()
    profile.settings.retention_years = None
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        await open_dossier(pilot, case)
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, MessageDialog))
        await wait_for_text(pilot, "Instellingen (F9)")  # the key that helps (issue 11.10)
        assert "bewaartermijn" in screen_text(pilot.app)
        assert stored(case).phase == "referral"


async def test_close_shows_retention_end_then_reopen(profile, make_app) -> None:
    case = make_case()
    profile.settings.retention_years = 15
    end = cases.retention_end_for(context.today(), 15)
    async with make_app(profile).run_test(size=(120, 50)) as pilot:
        dossier = await open_dossier(pilot, case)
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, CloseCaseDialog))
        assert f"bewaard tot {dates.format_date(end)}" in screen_text(pilot.app)
        dialog = pilot.app.screen
        dialog.query_one("#closing_reason", TextArea).text = "doel bereikt, stabiel"
        dialog.query_one("#closing_informed", Input).value = "betrokkene en wijkteam"
        await pilot.press("f5")
        await wait_for(pilot, lambda: pilot.app.screen is dossier)
        text = await wait_for_text(pilot, "Bewaren tot: " + dates.format_date(end))
        assert "Reden van afsluiten: doel bereikt, stabiel" in text
        closed = stored(case)
        assert closed.phase == "closed" and closed.retention_end == end
        # closed: phase keys are greyed (also in the footer); reopen asks a reason
        assert dossier.check_action("phase_forward", ()) is None

        def footer_key_v_greyed() -> bool:
            keys = [k for k in dossier.query(FooterKey) if k.key == "v"]
            return bool(keys) and all(k.has_class("-disabled") for k in keys)

        await wait_for(pilot, footer_key_v_greyed)
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, TextDialog))
        pilot.app.screen.query_one("#reopen_reason", TextArea).text = "nieuw incident"
        await pilot.press("f5")
        await wait_for(pilot, lambda: stored(case).phase != "closed")
        await wait_for_text(pilot, "Heropend: nieuw incident")
        assert stored(case).retention_end is None


async def test_triage_outcome(profile, make_app) -> None:
    case = make_case()
    async with make_app(profile).run_test(size=(120, 50)) as pilot:
        await open_dossier(pilot, case)
        await pilot.press("t")
        await wait_for(pilot, lambda: pilot.app.screen.__class__.__name__ == "TriageDialog")
        dialog = pilot.app.screen
        dialog.query_one("#triage_outcome", Select).value = "refer"
        await pilot.press("f5")
        await wait_for_text(pilot, "Geef een reden bij doorverwijzen of advies.")
        dialog.query_one("#triage_reason", TextArea).text = "past beter bij het wijkteam"
        await pilot.press("f5")
        await wait_for_text(pilot, "Triage: doorverwijzen — past beter bij het wijkteam")
        assert stored(case).triage_outcome == "refer"


async def test_plan_and_participants_say_when_not_available(profile, make_app, monkeypatch) -> None:
    case = make_case()
    monkeypatch.setitem(sys.modules, "zvh_tui.screens.plans.plan_editor", None)  # import fails
    monkeypatch.setitem(sys.modules, "zvh_tui.screens.partners.participants", None)
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        dossier = await open_dossier(pilot, case)
        await pilot.press("p")
        await wait_for(pilot, lambda: notifications(pilot.app) == ["Nog niet beschikbaar"])
        await pilot.press("d")
        await wait_for(pilot, lambda: notifications(pilot.app) == ["Nog niet beschikbaar"] * 2)
        assert pilot.app.screen is dossier


async def test_next_dates_in_the_overview(world: World, profile, make_app) -> None:
    from casekit import meeting_for

    from zvh_tui.services.plans import versions as plans

    day = context.today() + dt.timedelta(days=9)
    plans.update_plan(plans.current(world.overdue), evaluation_on=context.today() + dt.timedelta(days=30))
    meeting_for(world.overdue, day)
    async with make_app(profile).run_test(size=(120, 50)) as pilot:
        await open_dossier(pilot, world.overdue)
        text = screen_text(pilot.app)
        assert "Volgend overleg: " + dates.format_date(day) in text
        assert "Volgende evaluatie: " + dates.format_date(context.today() + dt.timedelta(days=30)) in text


async def test_the_next_dossier_shows_the_next_case(world: World, profile, make_app) -> None:
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        first = await open_dossier(pilot, world.overdue)
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(pilot.app.screen, DossierScreen))
        second = await open_dossier(pilot, world.no_plan)
        text = await wait_for_text(pilot, "Casus " + world.no_plan.reference)
        assert "Fatima El Fictief" not in text and "Priya Planloos" in text
        assert second is first  # the one dossier screen is reused, filled anew
        views = AuditEvent.select().where(AuditEvent.event == "view")
        assert {e.case_id for e in views} == {world.overdue.id, world.no_plan.id}


async def test_locking_removes_the_dossier_and_its_data(world: World, profile, make_app) -> None:
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        dossier = await open_dossier(pilot, world.overdue)
        await pilot.press("ctrl+l")
        await wait_for(pilot, lambda: not profile.unlocked)
        await wait_for(pilot, lambda: not dossier.is_attached)
        assert dossier not in pilot.app._installed_screens.values()
        assert "Fatima" not in screen_text(pilot.app)


async def test_d_and_p_open_participants_and_plan_and_come_back(world: World, profile, make_app) -> None:
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        dossier = await open_dossier(pilot, world.overdue)
        for key, name in (("d", "ParticipantsScreen"), ("p", "PlanEditorScreen")):
            await pilot.press(key)
            await wait_for(pilot, lambda name=name: type(pilot.app.screen).__name__ == name)
            pilot.app.pop_screen()
            await wait_for(pilot, lambda: pilot.app.screen is dossier)
        assert "Casus " + world.overdue.reference in screen_text(pilot.app)


async def test_closing_with_open_actions_warns_and_asks_what_to_do(world: World, profile,
                                                                   make_app) -> None:
    profile.settings.retention_years = 15
    case = world.overdue  # its plan has two open actions
    async with make_app(profile).run_test(size=(120, 50)) as pilot:
        dossier = await open_dossier(pilot, case)
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, CloseCaseDialog))
        text = screen_text(pilot.app)
        assert "Er staan nog 2 open acties in het plan van aanpak." in text
        assert "Wat gebeurt er met die acties?" in text
        dialog = pilot.app.screen
        dialog.query_one("#closing_reason", TextArea).text = "doel bereikt"
        await pilot.press("f5")  # no choice yet: asked, not closed silently
        await wait_for_text(pilot, "in het plan van aanpak. Kies of ze")
        assert stored(case).phase != "closed"
        assert pilot.app.focused is dialog.query_one("#open_actions", Select)
        await pilot.press("enter", "down", "enter")  # the first choice: laten vervallen
        await wait_for(pilot, lambda: dialog.query_one("#open_actions", Select).value
                       == cases.CANCEL_OPEN_ACTIONS)
        await pilot.press("f5")
        await wait_for(pilot, lambda: pilot.app.screen is dossier)
        assert stored(case).phase == "closed"
        assert cases.open_actions_of(stored(case)) == []
