"""No edit is lost on a lock (issue 12.6): in every form, what was typed before Ctrl+L is back
when the same form is opened again after unlocking ("Concept teruggezet"); saving the form or
throwing the text away on purpose ends its draft.

Each form is opened the way a user opens it (the key on its screen), so the key of the draft
its caller names is tested too. No check runs while typing here (DRAFT_CHECK_SECONDS is an hour):
only the lock itself can have saved what was typed.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import pytest
from casekit import list_ready, make_case, screen_text, wait_for, wait_for_text
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import DataTable, Input, Select, TextArea

from zvh_tui.app import ZvhApp
from zvh_tui.screens.cases.case_list import CaseListScreen
from zvh_tui.screens.cases.dossier import DossierScreen
from zvh_tui.screens.partners.participants import ParticipantsScreen
from zvh_tui.screens.partners.partner_detail import PartnerDetailScreen
from zvh_tui.screens.partners.partner_roster import PartnerRosterScreen
from zvh_tui.screens.plans.plan_editor import PlanEditorScreen
from zvh_tui.screens.shell.unlock import UnlockScreen
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.partners import participants
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.safety.profile import Profile
from zvh_tui.services.shared import drafts
from zvh_tui.store.models import Case, Draft, JournalEntry, Partner
from zvh_tui.widgets.date_input import DateInput
from zvh_tui.widgets.dialogs import ConfirmDialog
from zvh_tui.widgets.drafts import DRAFT_NOTICE_TITLE, DraftForm, read_field
from zvh_tui.widgets.partner_picker import PartnerPicker

SIZE = (120, 50)
TYPED = "halverwege getypt"


@dataclass
class World:
    case: Case  # open, with the wijkteam at the table
    closed: Case
    partner: Partner
    contact_id: int
    participant_id: int  # the wijkteam at the table


def build() -> World:
    team = partners.create_partner("Wijkteam Noord", "gemeente", convenant_signed=True)
    worker = partners.add_contact(team, "Wim Wijkwerker")
    case = make_case("Anouk Testmans")
    added = participants.add_participant(case, team.id, contact_id=worker.id)
    closed = make_case("Bram Afgesloten")
    cases.close_case(closed, "doel bereikt", retention_years=15)
    return World(case, closed, team, worker.id, added.participant.id)


# -- opening a form the way a user does ----------------------------------------------------------
async def dossier(pilot: Pilot, case: Case) -> DossierScreen:
    screen = await list_ready(pilot)
    screen.open_case(case.id)
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, DossierScreen)
                   and pilot.app.screen.dossier)
    await pilot.pause()
    return pilot.app.screen  # type: ignore[return-value]


async def table(pilot: Pilot, world: World) -> None:
    await dossier(pilot, world.case)
    await pilot.press("d")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ParticipantsScreen)
                   and bool(pilot.app.screen.rows))
    await pilot.pause()


async def roster(pilot: Pilot, world: World) -> None:
    await list_ready(pilot)
    await pilot.press("f3")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, PartnerRosterScreen)
                   and bool(pilot.app.screen.shown))
    await pilot.pause()


async def detail(pilot: Pilot, world: World) -> None:
    await roster(pilot, world)
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, PartnerDetailScreen))
    screen = pilot.app.screen
    await wait_for(pilot, lambda: screen.query_one("#detail-contacts", DataTable).row_count > 0)
    screen.query_one("#detail-contacts", DataTable).focus()  # as Tab does: to the contacts
    await wait_for(pilot, lambda: screen.selected_contact_id() == world.contact_id)
    await pilot.pause()


async def plan(pilot: Pilot, world: World) -> None:
    await dossier(pilot, world.case)
    await pilot.press("p")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, PlanEditorScreen)
                   and pilot.app.screen.plan is not None)
    await pilot.pause()


async def settings(pilot: Pilot, world: World) -> None:
    await list_ready(pilot)


Opener = Callable[[Pilot, World], Awaitable[object]]


@dataclass
class Form:
    name: str
    key: Callable[[World], str]  # the draft's key
    opener: Opener  # to the screen the form is opened from
    keys: tuple[str, ...]  # the keys that open it there
    field: str  # where to type
    choice: str | None = None  # for a Select: the value chosen instead of typing


def in_dossier(case: str = "case") -> Opener:
    return lambda pilot, world: dossier(pilot, getattr(world, case))


FORMS = [
    Form("journaal", lambda w: f"journal:{w.case.id}", in_dossier(), ("n",), "journal"),
    Form("afsluiten", lambda w: f"close:{w.case.id}", in_dossier(), ("c",), "closing_reason"),
    Form("op- of afschalen", lambda w: f"escalate:{w.case.id}", in_dossier(), ("o",), "trigger"),
    Form("triage", lambda w: f"triage:{w.case.id}", in_dossier(), ("t",), "triage_reason"),
    Form("heropenen", lambda w: f"reopen:{w.closed.id}", in_dossier("closed"), ("r",),
         "reopen_reason"),
    Form("partner aan tafel", lambda w: f"participant:{w.case.id}:new", table, ("a",), "partner"),
    Form("rol aan tafel", lambda w: f"role:{w.participant_id}", table, ("r",), "role", choice="adviser"),
    Form("check op bekendheid", lambda w: f"check:{w.participant_id}", table, ("b",), "check_basis"),
    Form("check bij alle partners", lambda w: f"check_all:{w.case.id}", table, ("B",),
         "check_basis"),
    Form("nieuwe organisatie", lambda w: "partner:new", roster, ("n",), "notes"),
    Form("organisatie wijzigen", lambda w: f"partner:{w.partner.id}", roster, ("e",), "name"),
    Form("nieuwe contactpersoon", lambda w: f"contact:{w.partner.id}:new", roster, ("c",),
         "function"),
    Form("contactpersoon wijzigen", lambda w: f"contact:{w.contact_id}", detail, ("w",),
         "availability"),
    Form("CSV inlezen", lambda w: "csv_import:path", roster, ("i",), "path-input"),
    Form("CSV exporteren", lambda w: "csv_export:path", roster, ("x",), "path-input"),
    Form("instellingen", lambda w: "settings", settings, ("f9",), "meeting_types"),
    Form("snelinvoer van het plan", lambda w: f"plan_quick:{w.case.id}", plan, ("a",),
         "quick-entry"),
]


async def open_form(pilot: Pilot, world: World, form: Form) -> Screen:
    await form.opener(pilot, world)
    before = pilot.app.screen
    await pilot.press(*form.keys)
    if form.name.startswith("snelinvoer"):  # the plan editor itself is the form
        await wait_for(pilot, lambda: pilot.app.focused is before.query_one("#quick-entry"))
    else:
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, DraftForm)
                       and pilot.app.screen is not before)
    screen = pilot.app.screen
    await wait_for(pilot, lambda: screen._draft_ready)  # type: ignore[attr-defined]
    return screen


async def type_into(pilot: Pilot, screen: Screen, form: Form) -> None:
    widget = screen.query_one(f"#{form.field}")
    if form.choice is not None:
        assert isinstance(widget, Select)
        widget.value = form.choice
        return
    target = widget.query_one(Input) if isinstance(widget, (DateInput, PartnerPicker)) else widget
    target.focus()
    await pilot.pause()
    if isinstance(target, TextArea):
        target.move_cursor(target.document.end)
    elif isinstance(target, Input):
        target.cursor_position = len(target.value)
    await pilot.press(*TYPED)


async def lock_and_unlock(pilot: Pilot, profile: Profile, passphrase: str) -> None:
    app = pilot.app
    await pilot.press("ctrl+l")
    await wait_for(pilot, lambda: not profile.unlocked and isinstance(app.screen, UnlockScreen))
    assert TYPED not in screen_text(app)
    await wait_for(pilot, lambda: not app.screen.query_one("#passphrase", Input).disabled
                   and isinstance(app.focused, Input))
    app.focused.value = passphrase
    await pilot.press("enter")
    await wait_for(pilot, lambda: app.is_unlocked and isinstance(app.screen, CaseListScreen))


@pytest.fixture
def quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(DraftForm, "DRAFT_CHECK_SECONDS", 3600.0)


@pytest.mark.parametrize("form", FORMS, ids=[f.name for f in FORMS])
async def test_ctrl_l_keeps_what_was_typed_in_the_form(form: Form, profile: Profile,
                                                     test_passphrase: str, quiet: None) -> None:
    profile.settings.retention_years = 15
    world = build()
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_form(pilot, world, form)
        await type_into(pilot, screen, form)
        typed = read_field(screen.query_one(f"#{form.field}"))
        wanted = form.choice if form.choice is not None else TYPED
        assert wanted in typed[form.field]
        assert Draft.select().count() == 0  # nothing saved before the lock
        await lock_and_unlock(pilot, profile, test_passphrase)
        assert drafts.load(form.key(world))[form.field] == typed[form.field]

        screen = await open_form(pilot, world, form)
        await wait_for_text(pilot, DRAFT_NOTICE_TITLE)
        assert read_field(screen.query_one(f"#{form.field}")) == typed
        if form.choice is None:
            await wait_for_text(pilot, TYPED)  # on screen, in the form


async def test_saving_the_journal_note_ends_its_draft(profile: Profile, test_passphrase: str,
                                                      quiet: None) -> None:
    world = build()
    form = FORMS[0]
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_form(pilot, world, form)
        await type_into(pilot, screen, form)
        await lock_and_unlock(pilot, profile, test_passphrase)
        # about the case: destroying the case destroys the draft (services/shared/drafts.py)
        assert Draft.get(Draft.key == form.key(world)).case_id == world.case.id
        screen = await open_form(pilot, world, form)
        await wait_for_text(pilot, DRAFT_NOTICE_TITLE)
        await pilot.press("f5")
        await wait_for(pilot, lambda: isinstance(app.screen, DossierScreen))
        notes = JournalEntry.select().where(JournalEntry.case == world.case.id)
        assert TYPED in [note.text for note in notes]
        assert drafts.load(form.key(world)) is None

        app.clear_notifications()
        await pilot.press("n")  # a new note starts empty
        await wait_for(pilot, lambda: isinstance(app.screen, DraftForm))
        screen = app.screen
        await wait_for(pilot, lambda: screen._draft_ready)  # type: ignore[attr-defined]
        assert screen.query_one("#journal", TextArea).text == ""
        assert not screen.draft_restored  # type: ignore[attr-defined]
        assert DRAFT_NOTICE_TITLE not in screen_text(app)


async def test_throwing_a_new_organisation_away_ends_its_draft(profile: Profile,
                                                               quiet: None) -> None:
    world = build()
    form = next(f for f in FORMS if f.key(world) == "partner:new")
    organisations = Partner.select().count()
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_form(pilot, world, form)
        await type_into(pilot, screen, form)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert drafts.load("partner:new")["notes"] == TYPED  # the question over it: kept
        await pilot.click("#dialog-yes")  # "Weggooien"
        await wait_for(pilot, lambda: isinstance(app.screen, PartnerRosterScreen))
        assert drafts.load("partner:new") is None
        assert Partner.select().count() == organisations  # nothing added

        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, DraftForm))
        screen = app.screen
        await wait_for(pilot, lambda: screen._draft_ready)  # type: ignore[attr-defined]
        assert screen.query_one("#notes", TextArea).text == ""
        assert not screen.draft_restored  # type: ignore[attr-defined]
