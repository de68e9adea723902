"""Nieuwe aanmelding: bad input is marked at its field in Dutch and nothing typed is lost."""

from __future__ import annotations

from casekit import list_ready, screen_text, wait_for
from textual.widgets import Checkbox, Input, Static, TextArea

from zvh_tui.screens.cases.case_list import CaseListScreen
from zvh_tui.screens.cases.new_case import NewCaseScreen
from zvh_tui.services.partners import roster as partners
from zvh_tui.store.models import Case, CasePerson, Person
from zvh_tui.widgets.case_table import CaseTable
from zvh_tui.widgets.date_input import DateInput
from zvh_tui.widgets.dialogs import ConfirmDialog
from zvh_tui.widgets.partner_picker import PartnerPicker


def error_at(form: NewCaseScreen, field: str) -> str:
    line = form.query_one(f"#err-{field}", Static)
    return "" if line.has_class("-empty") else str(line.render())


async def open_form(pilot) -> NewCaseScreen:
    await list_ready(pilot)
    await pilot.press("n")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, NewCaseScreen))
    await pilot.pause()
    return pilot.app.screen  # type: ignore[return-value]


async def test_bad_input_is_marked_at_the_field_and_kept(profile, make_app) -> None:
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        form = await open_form(pilot)
        # 1. no name
        form.query_one("#reason", TextArea).text = "dreigende huisuitzetting"
        form.query_one("#referrer_citizen", Input).value = "een buurvrouw"
        await pilot.press("f5")
        await wait_for(pilot, lambda: error_at(form, "person0-name") != "")
        assert error_at(form, "person0-name") == "Naam van de betrokkene is verplicht."
        assert "Naam van de betrokkene is verplicht." in screen_text(pilot.app)
        assert form.focused is form.query_one("#person0-name", Input)
        # 2. a date that does not exist
        await pilot.press(*"Jan Testmans", "tab", *"31-02")
        await pilot.press("f5")
        await wait_for(pilot, lambda: error_at(form, "person0-date_of_birth") != "")
        assert "Geboortedatum" in error_at(form, "person0-date_of_birth")
        assert "geen datum" in error_at(form, "person0-date_of_birth")
        assert error_at(form, "person0-name") == ""  # the earlier message is gone
        # 3. not informed, without a reason
        form.query_one("#person0-date_of_birth", DateInput).value = "12-03-1985"
        form.query_one("#person0-informed", Checkbox).value = False  # per betrokkene
        await pilot.pause()
        await pilot.press("f5")
        await wait_for(pilot, lambda: error_at(form, "not_informed_reason") != "")
        assert error_at(form, "not_informed_reason") == (
            "Waarom is de betrokkene niet geïnformeerd? Vul de reden in.")
        assert Case.select().count() == 0
        # nothing typed was lost
        assert form.query_one("#person0-name", Input).value == "Jan Testmans"
        assert form.query_one("#reason", TextArea).text == "dreigende huisuitzetting"
        assert form.query_one("#person0-date_of_birth", DateInput).value == "12-03-1985"
        # good input: saved, back in the list, and the case is there
        form.query_one("#not_informed_reason", TextArea).text = "lopend onderzoek van de politie"
        form.query_one("#informed_review_on", DateInput).value = "+2w"
        await pilot.press("f5")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, CaseListScreen))
        case = Case.get()
        assert case.title == "Jan Testmans"
        link = CasePerson.get(CasePerson.case == case)
        assert link.informed is False and link.not_informed_reason == "lopend onderzoek van de politie"
        person = Person.select().join(CasePerson).where(CasePerson.case == case).get()
        assert person.date_of_birth.isoformat() == "1985-03-12"
        screen = pilot.app.screen
        await wait_for(pilot, lambda: [r.id for r in screen.query_one(CaseTable).rows] == [case.id])
        assert case.reference in screen_text(pilot.app)


async def test_date_input_shows_what_it_read(profile, make_app) -> None:
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        form = await open_form(pilot)
        received = form.query_one("#received_on", DateInput)
        received.focus()
        await pilot.press(*"vandaag")
        await pilot.pause()
        assert str(received.feedback.render()).endswith(
            __import__("zvh_tui.services.shared.dates", fromlist=["x"]).format_date(
                __import__("zvh_tui.services.shared.context", fromlist=["x"]).today()))
        received.value = "31-02"
        await pilot.press("tab")
        await wait_for(pilot, lambda: received.feedback.has_class("-error"))
        assert "geen datum" in str(received.feedback.render())
        assert received.value == "31-02"


async def test_referrer_chosen_with_the_picker(profile, make_app) -> None:
    vt = partners.create_partner("Veilig Thuis Regio")
    contact = partners.add_contact(vt, "Sanne Melder")
    partners.create_partner("Politie Noord")
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        form = await open_form(pilot)
        await pilot.press(*"Zoë Proef")
        form.query_one("#reason", TextArea).text = "zorgen om de kinderen"
        picker = form.query_one("#referrer", PartnerPicker)
        picker.focus()
        await pilot.press(*"sanne")
        await wait_for(pilot, lambda: picker.has_class("-open"))
        assert "Veilig Thuis Regio · Sanne Melder" in screen_text(pilot.app)
        await pilot.press("enter")
        assert picker.value == (vt.id, contact.id)
        assert picker.input.value == "Veilig Thuis Regio · Sanne Melder"
        await pilot.press("f5")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, CaseListScreen))
        case = Case.get()
        assert (case.referrer_partner_id, case.referrer_contact_id) == (vt.id, contact.id)


async def test_typed_referrer_that_was_not_chosen_is_refused(profile, make_app) -> None:
    partners.create_partner("Politie Noord")
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        form = await open_form(pilot)
        await pilot.press(*"Zoë Proef")
        form.query_one("#reason", TextArea).text = "zorgen"
        picker = form.query_one("#referrer", PartnerPicker)
        picker.focus()
        await pilot.press(*"polit", "escape")  # list closed, nothing chosen
        assert isinstance(pilot.app.screen, NewCaseScreen)
        await pilot.press("f5")
        await wait_for(pilot, lambda: error_at(form, "referrer") != "")
        assert "Kies de aanmelder uit de lijst" in error_at(form, "referrer")
        assert picker.text == "polit"


async def test_escape_on_an_empty_form_just_leaves(profile, make_app) -> None:
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        await open_form(pilot)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, CaseListScreen))


async def test_escape_with_typed_text_asks_and_keeps_it(profile, make_app) -> None:
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        form = await open_form(pilot)
        await pilot.press(*"Jan", "escape")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ConfirmDialog))
        assert "Aanmelding weggooien?" in screen_text(pilot.app)
        await pilot.press("enter")  # the default button: keep filling in
        await wait_for(pilot, lambda: pilot.app.screen is form)
        assert form.query_one("#person0-name", Input).value == "Jan"
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ConfirmDialog))
        await pilot.click("#dialog-yes")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, CaseListScreen))
        assert Case.select().count() == 0


async def test_more_persons(profile, make_app) -> None:
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        form = await open_form(pilot)
        await pilot.press(*"Moeder Proef", "ctrl+n")
        await wait_for(pilot, lambda: form.person_count == 2)
        await pilot.pause()
        await pilot.press(*"Kind Proef")
        assert form.query_one("#person1-name", Input).value == "Kind Proef"
        form.query_one("#reason", TextArea).text = "huiselijk geweld"
        form.query_one("#referrer_citizen", Input).value = "school"
        await pilot.press("f5")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, CaseListScreen))
        names = [p.name for p in Person.select().order_by(Person.id)]
        assert names == ["Moeder Proef", "Kind Proef"]
