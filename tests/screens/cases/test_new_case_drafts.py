"""Nieuwe aanmelding keeps a draft: a lock (Ctrl+L or idle) loses nothing typed, reopening the
form gives it back, saving or throwing the aanmelding away ends the draft."""

from __future__ import annotations

from casekit import list_ready, screen_text, wait_for, wait_for_text
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, Select, TextArea

from zvh_tui.app import ZvhApp
from zvh_tui.screens.cases.case_list import CaseListScreen
from zvh_tui.screens.cases.new_case import NewCaseScreen
from zvh_tui.screens.shell.unlock import UnlockScreen
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.shared import drafts
from zvh_tui.store.models import Case, CasePerson, Person
from zvh_tui.widgets.date_input import DateInput
from zvh_tui.widgets.dialogs import ConfirmDialog
from zvh_tui.widgets.drafts import DRAFT_NOTICE, DRAFT_NOTICE_TITLE
from zvh_tui.widgets.partner_picker import PartnerPicker

KEY = "new_case"


async def open_form(pilot: Pilot) -> NewCaseScreen:
    await list_ready(pilot)
    await pilot.press("n")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, NewCaseScreen))
    await pilot.pause()
    return pilot.app.screen  # type: ignore[return-value]


async def unlock(pilot: Pilot, passphrase: str) -> None:
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, UnlockScreen)
                   and not app.screen.query_one("#passphrase", Input).disabled
                   and isinstance(app.focused, Input))
    app.focused.value = passphrase
    await pilot.press("enter")
    await wait_for(pilot, lambda: app.is_unlocked and isinstance(app.screen, CaseListScreen))


async def test_ctrl_l_keeps_the_typed_aanmelding_and_reopening_gives_it_back(
        profile, make_app, test_passphrase, monkeypatch) -> None:
    # No check while typing here: only the lock itself can have saved what was typed.
    monkeypatch.setattr(NewCaseScreen, "DRAFT_CHECK_SECONDS", 3600.0)
    wijkteam = partners.create_partner("Wijkteam Noord", "gemeente", convenant_signed=True)
    app = make_app(profile)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        form = await open_form(pilot)
        await pilot.press(*"Moeder Proef", "tab", *"12-03-1985")
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: form.person_count == 2)
        await pilot.pause()
        await pilot.press(*"Kind Proef")
        form.query_one("#person1-role", Select).value = "child"
        form.query_one("#referrer", PartnerPicker).set_choice(wijkteam.id)
        form.query_one("#reason", TextArea).text = "huiselijk geweld\nen schulden"
        form.query_one("#person1-informed", Checkbox).value = False  # the child: not informed
        form.query_one("#not_informed_reason", TextArea).text = "onderzoek loopt"
        form.query_one("#zvh_role", Select).value = "advice"
        await pilot.press("ctrl+l")  # at once: no pause in typing to save it first
        await wait_for(pilot, lambda: not profile.unlocked and not form.is_attached)
        assert "Moeder Proef" not in screen_text(app)

        await unlock(pilot, test_passphrase)
        assert "Moeder Proef" not in screen_text(app)  # given back in the form, not elsewhere
        form = await open_form(pilot)
        text = await wait_for_text(pilot, DRAFT_NOTICE_TITLE)
        assert DRAFT_NOTICE in text
        assert form.person_count == 2
        assert form.query_one("#person0-name", Input).value == "Moeder Proef"
        assert form.query_one("#person0-date_of_birth", DateInput).value == "12-03-1985"
        assert form.query_one("#person1-name", Input).value == "Kind Proef"
        assert form.query_one("#person1-role", Select).value == "child"
        assert form.query_one("#referrer", PartnerPicker).value == (wijkteam.id, None)
        assert form.query_one("#reason", TextArea).text == "huiselijk geweld\nen schulden"
        assert form.query_one("#person0-informed", Checkbox).value is True
        assert form.query_one("#person1-informed", Checkbox).value is False
        assert form.query_one("#not-informed").display  # the section for the reason is shown
        assert form.query_one("#not_informed_reason", TextArea).text == "onderzoek loopt"
        assert form.query_one("#zvh_role", Select).value == "advice"
        assert "Moeder Proef" in screen_text(app)

        form.query_one("#informed_review_on", DateInput).value = "+2w"
        await pilot.press("f5")  # Opslaan, saved for real: the case is there and the draft is done
        await wait_for(pilot, lambda: isinstance(app.screen, CaseListScreen))
        case = Case.get()
        assert (case.reason, case.zvh_role, case.referrer_partner_id) == (
            "huiselijk geweld\nen schulden", "advice", wijkteam.id)
        names = [p.name for p in Person.select().join(CasePerson).order_by(CasePerson.position)]
        assert names == ["Moeder Proef", "Kind Proef"]
        informed = [(link.informed, link.not_informed_reason)
                    for link in CasePerson.select().order_by(CasePerson.position)]
        assert informed == [(True, ""), (False, "onderzoek loopt")]  # mother yes, child not
        assert drafts.load(KEY) is None

        app.clear_notifications()  # the toasts of before
        form = await open_form(pilot)  # a new aanmelding starts empty
        assert form.query_one("#person0-name", Input).value == ""
        assert form.person_count == 1 and not form.draft_restored
        assert DRAFT_NOTICE_TITLE not in screen_text(app)


async def test_a_pause_in_typing_saves_the_draft_and_erasing_it_removes_it(
        profile, make_app) -> None:
    async with make_app(profile).run_test(size=(120, 40), notifications=True) as pilot:
        await open_form(pilot)
        assert drafts.load(KEY) is None  # an untouched form keeps no draft
        await pilot.press(*"Jan")
        await wait_for(pilot, lambda: (drafts.load(KEY) or {}).get("person0-name") == "Jan")
        await pilot.press("backspace", "backspace", "backspace")
        await wait_for(pilot, lambda: drafts.load(KEY) is None)  # back to an empty form


async def test_throwing_the_aanmelding_away_ends_its_draft(profile, make_app) -> None:
    async with make_app(profile).run_test(size=(120, 40), notifications=True) as pilot:
        form = await open_form(pilot)
        await pilot.press(*"Jan Testmans")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ConfirmDialog))
        assert drafts.load(KEY) == {**form._draft_pristine, "person0-name": "Jan Testmans"}
        await pilot.press("enter")  # "Verder invullen": kept
        await wait_for(pilot, lambda: pilot.app.screen is form)
        assert drafts.load(KEY)["person0-name"] == "Jan Testmans"
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ConfirmDialog))
        await pilot.click("#dialog-yes")  # "Weggooien": on purpose, so the draft goes
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, CaseListScreen))
        assert drafts.load(KEY) is None
        form = await open_form(pilot)
        assert form.query_one("#person0-name", Input).value == ""
        assert not form.draft_restored


async def test_the_idle_lock_during_the_question_keeps_the_draft(
        profile, test_passphrase) -> None:
    """Locked while "Aanmelding weggooien?" is asked: a lock is no answer, the text is kept."""
    now = [1000.0]
    app = ZvhApp(profile, clock=lambda: now[0])
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        form = await open_form(pilot)
        form.query_one("#reason", TextArea).text = "zorgen om de buren"
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        now[0] += 60 * profile.settings.idle_lock_minutes
        app.check_idle_lock()
        await wait_for(pilot, lambda: not profile.unlocked and not form.is_attached)

        await unlock(pilot, test_passphrase)
        form = await open_form(pilot)
        await wait_for_text(pilot, DRAFT_NOTICE_TITLE)
        assert form.query_one("#reason", TextArea).text == "zorgen om de buren"


async def test_quitting_with_ctrl_q_keeps_the_draft(profile, make_app, test_passphrase,
                                                     monkeypatch) -> None:
    """Ctrl+Q with the form open: the typed text is the next start's draft (no check while
    typing here, so only the way out can have saved it)."""
    monkeypatch.setattr(NewCaseScreen, "DRAFT_CHECK_SECONDS", 3600.0)
    app = make_app(profile)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        form = await open_form(pilot)
        form.query_one("#referral_goal", TextArea).text = "rust in de wijk"
        await pilot.press("ctrl+q")  # a backup first (something changed), then the exit
        await wait_for(pilot, lambda: not app.is_running, timeout=30)
    assert not profile.unlocked
    profile.unlock(test_passphrase)
    assert drafts.load(KEY)["referral_goal"] == "rust in de wijk"
