"""The case after intake from the dossier (issue 15.1): e changes the aanmelding, B opens the
betrokkenen, where a person is added, changed, removed with a reason and informed or not per
person ("mother informed, father not", seen back in the dossier); drafts survive Ctrl+L."""

from __future__ import annotations

from casekit import list_ready, make_case, screen_text, wait_for, wait_for_text
from textual.widgets import Input, Select, TextArea

from zvh_tui.screens.cases.case_edit import ReferralDialog
from zvh_tui.screens.cases.dossier import DossierScreen
from zvh_tui.screens.cases.persons import InformedDialog, PersonDialog, PersonsScreen
from zvh_tui.screens.shell.unlock import UnlockScreen
from zvh_tui.services.cases import persons
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.shared import drafts
from zvh_tui.store.models import AuditEvent, Case, CasePerson, JournalEntry, Person
from zvh_tui.widgets.date_input import DateInput
from zvh_tui.widgets.dialogs import TextDialog
from zvh_tui.widgets.partner_picker import PartnerPicker


async def open_dossier(pilot, case: Case) -> DossierScreen:
    screen = await list_ready(pilot)
    screen.open_case(case.id)
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, DossierScreen) and pilot.app.screen.dossier)
    await pilot.pause()
    return pilot.app.screen  # type: ignore[return-value]


async def open_persons(pilot, case: Case) -> PersonsScreen:
    await open_dossier(pilot, case)
    await pilot.press("B")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, PersonsScreen) and bool(pilot.app.screen.links))
    await pilot.pause()
    return pilot.app.screen  # type: ignore[return-value]


def error_at(screen, field: str) -> str:
    return str(screen.query_one(f"#err-{field}").render())


async def test_edit_the_aanmelding_from_the_dossier(profile, make_app) -> None:
    case = make_case("Anouk Testmans", reason="overlast", citizen="buurman")
    team = partners.create_partner("Wijkteam Zuid", "gemeente", convenant_signed=True)
    async with make_app(profile).run_test(size=(120, 50)) as pilot:
        dossier = await open_dossier(pilot, case)
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ReferralDialog))
        dialog = pilot.app.screen
        assert dialog.query_one("#reason", TextArea).text == "overlast"  # the current values
        assert dialog.query_one("#referrer_citizen", Input).value == "buurman"
        # a refusal at its field, in Dutch, nothing lost
        dialog.query_one("#reason", TextArea).text = "  "
        dialog.query_one("#received_on", DateInput).value = "12-11-2026"
        await pilot.press("f5")
        await wait_for(pilot, lambda: error_at(dialog, "reason") != "")
        assert "Aanleiding is verplicht" in error_at(dialog, "reason")
        assert dialog.query_one("#received_on", DateInput).value == "12-11-2026"
        dialog.query_one("#reason", TextArea).text = "huiselijk geweld en schulden"
        dialog.query_one("#referral_goal", TextArea).text = "rust in huis"
        dialog.query_one("#title", Input).value = "Familie T."
        dialog.query_one("#referrer", PartnerPicker).set_choice(team.id)
        await pilot.press("f5")
        await wait_for(pilot, lambda: pilot.app.screen is dossier)
        await wait_for_text(pilot, "Aanleiding: huiselijk geweld en schulden")
        text = screen_text(pilot.app)
        assert "Familie T." in text and "Aanmelder: Wijkteam Zuid" in text and "rust in huis" in text
        stored = Case.get_by_id(case.id)
        assert (stored.title, stored.reason, stored.referral_goal, stored.referrer_partner_id,
            stored.received_on.isoformat()) == ("Familie T.", "huiselijk geweld en schulden",
                                                "rust in huis", team.id, "2026-11-12")
        assert drafts.load(f"referral:{case.id}") is None
        event = AuditEvent.select().where((AuditEvent.case_id == case.id) & (AuditEvent.object_type == "case")
                                      & (AuditEvent.event == "update")).get()
        assert "reason" in event.detail and "Familie" not in event.detail


async def test_mother_informed_father_not_seen_in_the_dossier(profile, make_app) -> None:
    case = make_case("Mieke Moeder", reason="huiselijk geweld")
    async with make_app(profile).run_test(size=(120, 50)) as pilot:
        screen = await open_persons(pilot, case)
        # add the father
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, PersonDialog))
        dialog = pilot.app.screen
        await pilot.press(*"Vincent Vader")
        dialog.query_one("#date_of_birth", DateInput).value = "01-02-1979"
        dialog.query_one("#address", Input).value = "Kerkstraat 5, Testdorp"
        dialog.query_one("#role", Select).value = "parent"
        await pilot.press("f5")
        await wait_for(pilot, lambda: pilot.app.screen is screen and len(screen.links) == 2)
        assert screen.current().person.name == "Vincent Vader"  # the cursor on the new person
        # the father is not informed: without a reason the dialog says why it refuses
        await pilot.press("i")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, InformedDialog))
        dialog = pilot.app.screen
        dialog.query_one("#informed", Select).value = "no"
        await pilot.press("f5")
        await wait_for(pilot, lambda: error_at(dialog, "not_informed_reason") != "")
        assert "Waarom is de betrokkene niet geïnformeerd" in error_at(dialog, "not_informed_reason")
        dialog.query_one("#not_informed_reason", TextArea).text = "strafrechtelijk onderzoek loopt"
        dialog.query_one("#informed_review_on", DateInput).value = "+6w"
        await pilot.press("f5")
        await wait_for(pilot, lambda: pilot.app.screen is screen)
        await wait_for_text(pilot, "Geïnformeerd: nee — strafrechtelijk onderzoek loopt")
        # the mother: informed (unchanged), seen in the table
        assert "ja" in screen_text(pilot.app)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, DossierScreen))
        text = await wait_for_text(pilot, "Vincent Vader: nee — strafrechtelijk onderzoek loopt")
        assert "Mieke Moeder: ja" in text
        links = {link.person.name: link for link in persons.links_of(case)}
        assert links["Mieke Moeder"].informed and not links["Vincent Vader"].informed
        assert (links["Vincent Vader"].person.address, links["Vincent Vader"].role) == (
        "Kerkstraat 5, Testdorp", "parent")


async def test_edit_and_remove_a_person(profile, make_app) -> None:
    case = make_case("Anouk Testmans")
    persons.add_person(case, persons.cases.NewPerson(name="Kees Kind", role="child"))
    async with make_app(profile).run_test(size=(120, 50)) as pilot:
        screen = await open_persons(pilot, case)
        await pilot.press("enter")  # Enter edits, as e does
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, PersonDialog))
        dialog = pilot.app.screen
        assert dialog.query_one("#name", Input).value == "Anouk Testmans"
        dialog.query_one("#name", Input).value = "Anouk Testvrouw"
        dialog.query_one("#address", Input).value = "Dorpsstraat 1"
        await pilot.press("f5")
        await wait_for(pilot, lambda: pilot.app.screen is screen)
        await wait_for_text(pilot, "Anouk Testvrouw")
        await pilot.press("down", "delete")  # the child out of the case
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, TextDialog))
        dialog = pilot.app.screen
        await pilot.press("f5")  # no reason: refused at the field
        await wait_for(pilot, lambda: error_at(dialog, "remove_reason") != "")
        assert "Reden is verplicht" in error_at(dialog, "remove_reason")
        dialog.query_one("#remove_reason", TextArea).text = "woont bij de vader"
        await pilot.press("f5")
        await wait_for(pilot, lambda: pilot.app.screen is screen and len(screen.links) == 1)
        assert "Kees Kind" not in screen_text(pilot.app)
        assert screen.check_action("remove", ()) is None  # the last betrokkene stays: greyed
        assert [p.name for p in Person.select().join(CasePerson)] == ["Anouk Testvrouw"]
        entry = JournalEntry.select().order_by(JournalEntry.id.desc()).get()
        assert entry.text.endswith("uit de casus gehaald: woont bij de vader")


async def test_drafts_of_the_edit_forms_survive_ctrl_l(profile, make_app, test_passphrase, monkeypatch) -> None:
    monkeypatch.setattr(ReferralDialog, "DRAFT_CHECK_SECONDS", 3600.0)  # only the lock saves
    monkeypatch.setattr(InformedDialog, "DRAFT_CHECK_SECONDS", 3600.0)
    case = make_case("Anouk Testmans", reason="overlast")
    app = make_app(profile)

    async def unlock() -> None:
        await wait_for(pilot, lambda: isinstance(app.screen, UnlockScreen)
                       and not app.screen.query_one("#passphrase", Input).disabled
                       and isinstance(app.focused, Input))
        app.focused.value = test_passphrase
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.is_unlocked)

    async with app.run_test(size=(120, 50)) as pilot:
        await open_dossier(pilot, case)
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, ReferralDialog))
        app.screen.query_one("#reason", TextArea).text = "overlast en schulden, half getypt"
        await pilot.press("ctrl+l")
        await wait_for(pilot, lambda: not profile.unlocked)
        await unlock()
        await open_dossier(pilot, case)
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, ReferralDialog))
        await wait_for(pilot, lambda: app.screen.query_one("#reason", TextArea).text
                       == "overlast en schulden, half getypt")
        await pilot.press("escape")  # changed: asks before throwing it away
        await wait_for(pilot, lambda: not isinstance(app.screen, ReferralDialog))
        assert Case.get_by_id(case.id).reason == "overlast"  # nothing saved by the lock
        await pilot.press("escape")  # Verder invullen
        await wait_for(pilot, lambda: isinstance(app.screen, ReferralDialog))
        await pilot.press("f5")
        await wait_for(pilot, lambda: isinstance(app.screen, DossierScreen))
        assert Case.get_by_id(case.id).reason == "overlast en schulden, half getypt"

        await pilot.press("B")
        await wait_for(pilot, lambda: isinstance(app.screen, PersonsScreen) and bool(app.screen.links))
        await pilot.press("i")
        await wait_for(pilot, lambda: isinstance(app.screen, InformedDialog))
        app.screen.query_one("#informed", Select).value = "no"
        app.screen.query_one("#not_informed_reason", TextArea).text = "veiligheid van de melder"
        await pilot.press("ctrl+l")
        await wait_for(pilot, lambda: not profile.unlocked)
        await unlock()
        await open_persons(pilot, case)
        await pilot.press("i")
        await wait_for(pilot, lambda: isinstance(app.screen, InformedDialog))
        dialog = app.screen
        await wait_for(pilot, lambda: dialog.query_one("#not_informed_reason", TextArea).text
                       == "veiligheid van de melder")
        assert dialog.query_one("#informed", Select).value == "no"
        assert persons.links_of(case)[0].informed is True  # a draft, not saved


async def test_the_persons_screen_on_a_projector_shows_initials_and_no_reason(profile, make_app) -> None:
    case = make_case("Mieke Moeder")
    father = persons.add_person(case, persons.cases.NewPerson(
        name="Vincent Vader", role="parent", address="Kerkstraat 5", date_of_birth="01-02-1979"))
    persons.set_informed(case, father.id, False, "strafrechtelijk onderzoek", "+6w")
    async with make_app(profile).run_test(size=(120, 50)) as pilot:
        await open_persons(pilot, case)
        await pilot.press("down")
        await wait_for_text(pilot, "strafrechtelijk onderzoek")
        await pilot.press("f8")  # Meekijken
        await wait_for(pilot, lambda: pilot.app.projector and "MEEKIJKEN" in screen_text(pilot.app))
        text = await wait_for_text(pilot, "V.V., ouder")
        for secret in ("Vincent", "Kerkstraat", "01-02-1979", "strafrechtelijk onderzoek"):
            assert secret not in text, secret
        assert "verborgen tijdens meekijken" in text
        await pilot.press("escape")  # and the dossier's informed line
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, DossierScreen))
        text = await wait_for_text(pilot, "V.V.: nee")
        assert "Vincent" not in text and "strafrechtelijk onderzoek" not in text
