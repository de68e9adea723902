"""The live meeting screen (issue 13.2, 13.3, 13.4): a whole meeting typed in the capture line,
and what the line does beside the grammar (refusals kept, questions, completion, history, the
draft through a lock, F1)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from livekit import LiveWorld
from textual.widgets import DataTable, Input
from uikit import screen_text, wait_for, wait_for_text

from zvh_tui.app import ZvhApp
from zvh_tui.core.vocab import ItemStatus, MeetingStatus, NoteKind, ReviewOutcome
from zvh_tui.screens.meetings.live import LiveMeetingScreen, item_timer, meeting_timer
from zvh_tui.screens.shell.help import HelpScreen
from zvh_tui.screens.shell.unlock import UnlockScreen
from zvh_tui.services.meetings import capture
from zvh_tui.services.safety.profile import Profile
from zvh_tui.services.shared import drafts
from zvh_tui.store.models import (
    Action,
    ActionReview,
    Draft,
    ItemAttendance,
    Meeting,
    MeetingItem,
    MeetingNote,
    Plan,
)
from zvh_tui.widgets.drafts import DRAFT_NOTICE_TITLE

SEED_QUESTION = "Wie houdt het overzicht over dit plan van aanpak, en mag ik diegene bellen?"
FRIDAY = dt.date(2026, 11, 27)  # "vr" on Monday 23-11-2026


async def open_live(app: ZvhApp, pilot, meeting_id: int) -> LiveMeetingScreen:
    await wait_for(pilot, lambda: app.is_unlocked)
    app.start_live(meeting_id)
    await wait_for(pilot, lambda: isinstance(app.screen, LiveMeetingScreen)
                   and app.screen.item is not None and app.screen.capture_line.input.has_focus)
    return app.screen  # type: ignore[return-value]


def field(app: ZvhApp) -> Input:
    return app.screen.query_one("#capture-input", Input)


async def say(pilot, line: str, answer: str = "") -> str:
    """Type a line into the capture line and press Enter; wait for `answer` on screen."""
    await pilot.press(*line, "enter")
    await pilot.pause()
    if answer:
        return await wait_for_text(pilot, answer)
    return screen_text(pilot.app)


async def clear(pilot) -> None:
    await pilot.press("ctrl+u")  # the Input's own key: delete everything left of the cursor
    await wait_for(pilot, lambda: field(pilot.app).value == "")


def item_of(world: LiveWorld, number: int) -> MeetingItem:
    return MeetingItem.get((MeetingItem.meeting == world.meeting.id)
                           & (MeetingItem.case == world.cases[number - 1].id))


def pick(screen: LiveMeetingScreen, label_start: str) -> str:
    """The number of the choice whose label starts so, as the prompt on screen numbers them."""
    question = screen.capture_line.question
    assert question is not None
    return next(str(n) for n, choice in enumerate(question.choices, start=1)
                if choice.label.startswith(label_start))


async def test_a_whole_meeting_of_three_cases_by_keyboard_only(
        profile: Profile, live_world: LiveWorld) -> None:
    world = live_world
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_live(app, pilot, world.meeting.id)
        shown = screen_text(app)
        assert "punt 1/3" in shown and "2026-0001 Marco de Testman" in shown
        assert "Wonen behouden en de overlast stoppen" in shown  # the opgave on the card
        assert "Wijkteam Noord · Sanne Voorbeeld" in shown  # casusregisseur
        assert "1 te laat" in shown and "Betalingsregeling huurachterstand" in shown  # review list
        assert Meeting.get_by_id(world.meeting.id).status == MeetingStatus.OPEN.value

        # -- item 1: Marco ------------------------------------------------------------------
        item = item_of(world, 1)
        shown = await say(pilot, "/aanwezig politie", "aanwezig")
        assert "hoorde de geheimhouding nog niet" in shown
        await say(pilot, "/herinnering", "Geheimhouding benoemd")
        await wait_for(pilot, lambda: "hoorde de geheimhouding" not in screen_text(app))
        stay = ItemAttendance.get(ItemAttendance.item == item.id)
        assert stay.partner_id == world.police.id and stay.reminded_at is not None

        await say(pilot, "n @politie Hij zegt dat het beter gaat", "Notitie")
        await wait_for_text(pilot, "Hij zegt dat het beter gaat")
        await say(pilot, "b Woning behouden met budgetbeheer", "Besluit vastgelegd")
        await wait_for_text(pilot, "BESLUIT Woning behouden met budgetbeheer")
        notes = {note.kind: note for note in MeetingNote.select().where(MeetingNote.item == item.id)}
        assert notes[NoteKind.NOTE.value].source_partner_id == world.police.id
        assert notes[NoteKind.DECISION.value].text == "Woning behouden met budgetbeheer"

        await say(pilot, "a Huisbezoek plannen @wijkagent vr", "Actie in plan")
        action = Action.get(Action.text == "Huisbezoek plannen")
        plan = Plan.get_by_id(action.plan_id)
        assert plan.case_id == world.cases[0].id  # in the case's plan
        assert (action.owner_partner_id, action.owner_contact_id) == (world.police.id, world.agent.id)
        assert action.deadline == FRIDAY and action.agreed_in_id == item.id
        assert field(app).value == ""  # taken: the line is empty again
        await wait_for_text(pilot, "ACTIE Huisbezoek plannen — Politie")  # listed with the notes

        await say(pilot, "/gedaan 1", "gedaan")
        assert ActionReview.get(ActionReview.item == item.id).outcome == ReviewOutcome.DONE.value
        await say(pilot, "/datum +6w", "Vervolgdatum")
        await say(pilot, "/sluit", "Punt afgerond")
        assert MeetingItem.get_by_id(item.id).status == ItemStatus.CLOSED.value

        # -- item 2: Fatima, nobody holds the overview yet -----------------------------------
        await say(pilot, "/volgende", "punt 2/3")
        assert "2026-0002 Fatima El Fictief" in screen_text(app)
        item = item_of(world, 2)
        await say(pilot, "/aanwezig wijkteam", "aanwezig")
        shown = await say(pilot, "a Schoolverzuim nagaan @", "Welke eigenaar?")
        await say(pilot, pick(screen, "GGZ"), "Actie in plan")
        action = Action.get(Action.text == "Schoolverzuim nagaan")
        assert action.owner_partner_id == world.ggz.id and action.agreed_in_id == item.id

        shown = await say(pilot, "/sluit", SEED_QUESTION)  # refused with the seed's question
        assert MeetingItem.get_by_id(item.id).status == ItemStatus.OPEN.value
        assert "Sanne Voorbeeld" in shown  # a person to pick, right there
        shown = await say(pilot, pick(screen, "Wijkteam Noord · Sanne"), "houdt het overzicht")
        assert "vervolgdatum" in shown  # ... and the next date is still missing
        stored = MeetingItem.get_by_id(item.id)
        assert (stored.director_partner_id, stored.director_contact_id) == (world.team.id,
                                                                           world.worker.id)
        await say(pilot, "/datum 15-1", "Vervolgdatum")
        await say(pilot, "/sluit", "Punt afgerond")
        assert MeetingItem.get_by_id(item.id).next_on == dt.date(2027, 1, 15)

        # -- item 3: Bram -----------------------------------------------------------------
        await say(pilot, "/volgende", "punt 3/3")
        item = item_of(world, 3)
        await say(pilot, "n [bold]Rood[/bold] en [/b] zo", "Notitie")
        await wait_for_text(pilot, "[bold]Rood[/bold] en [/b] zo")  # markup shown literally
        shown = await say(pilot, "/einde", "2026-0003")  # refused: this item is still open
        assert Meeting.get_by_id(world.meeting.id).status == MeetingStatus.OPEN.value
        assert field(app).value == "/einde"  # kept for correcting
        await clear(pilot)
        await say(pilot, "/terugkom +4w", "terugkom")
        await say(pilot, "/sluit", "Punt afgerond")
        await say(pilot, "/einde", "Het overleg is gesloten")
        assert Meeting.get_by_id(world.meeting.id).status == MeetingStatus.CLOSED.value
        assert field(app).disabled
        # the minutes are written at once, without a dialog, into the profile's exports/
        shown = await wait_for_text(pilot, "bestanden in")
        written = sorted(p.name for p in profile.paths.exports.iterdir())
        assert any("verslag" in name for name in written), written
        assert any("besluitenlijst" in name for name in written), written
        assert any(name.endswith(".ics") for name in written), written
        decisions = next(p for p in profile.paths.exports.iterdir() if "besluitenlijst" in p.name
                         and p.suffix == ".md").read_text(encoding="utf-8")
        assert "Woning behouden met budgetbeheer" in decisions
        assert "Hij zegt dat het beter gaat" not in decisions  # a beeld note: verslag only
        assert all(p.stat().st_mode & 0o077 == 0 for p in profile.paths.exports.iterdir())
        assert not drafts.exists(f"capture:{world.meeting.id}")
        await pilot.press("escape")  # leaves live mode
        await wait_for(pilot, lambda: not isinstance(app.screen, LiveMeetingScreen))

        app.start_live(world.meeting.id)  # a closed meeting opens as it ended, read only
        shown = await wait_for_text(pilot, "Het overleg is gesloten")
        assert "Woonstichting Voorbeeld · J. Huurder" in shown and "15-01-2027" in shown
        assert app.screen.capture_line.input.disabled


async def test_a_line_not_understood_stays_in_the_field_with_a_hint(
        profile: Profile, live_world: LiveWorld) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_live(app, pilot, live_world.meeting.id)
        await say(pilot, "dit is geen opdracht", "Niet begrepen")
        assert field(app).value == "dit is geen opdracht"
        assert MeetingNote.select().count() == 0
        await clear(pilot)
        await say(pilot, "/vo", "Onbekende opdracht")  # Enter submits as typed, no completion
        assert field(app).value == "/vo"


async def test_tab_takes_the_completion_and_up_recalls_earlier_lines(
        profile: Profile, live_world: LiveWorld) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_live(app, pilot, live_world.meeting.id)
        line = field(app)
        await pilot.press(*"/volg")
        await wait_for(pilot, lambda: line._suggestion == "/volgende")
        await pilot.press("tab")
        await wait_for(pilot, lambda: line.value == "/volgende")
        await clear(pilot)
        await pilot.press(*"n @Wim")
        await wait_for(pilot, lambda: line._suggestion == "n @Wim_Wijkagent")
        await pilot.press("tab", *" komt langs", "enter")
        await wait_for_text(pilot, "komt langs")
        note = MeetingNote.get(MeetingNote.text == "komt langs")
        assert note.source_partner_id == live_world.police.id

        await say(pilot, "b Eerste besluit", "Besluit vastgelegd")
        await pilot.press(*"half")
        await pilot.press("up")
        await wait_for(pilot, lambda: line.value == "b Eerste besluit")
        await pilot.press("up")
        await wait_for(pilot, lambda: line.value == "n @Wim_Wijkagent komt langs")
        await pilot.press("down", "down")
        await wait_for(pilot, lambda: line.value == "half")  # what was being typed


async def test_escape_cancels_a_question_and_puts_the_line_back(
        profile: Profile, live_world: LiveWorld) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_live(app, pilot, live_world.meeting.id)
        await say(pilot, "a Bellen met de school @", "Welke eigenaar?")
        assert screen.capture_line.question is not None and field(app).value == ""
        await pilot.press("escape")
        await wait_for(pilot, lambda: field(app).value == "a Bellen met de school @")
        assert isinstance(app.screen, LiveMeetingScreen)  # the first Escape only cancels
        assert screen.capture_line.question is None
        assert not Action.select().where(Action.text == "Bellen met de school").exists()


async def test_the_half_typed_line_survives_a_lock_and_unlock(
        profile: Profile, live_world: LiveWorld, test_passphrase: str) -> None:
    key = f"capture:{live_world.meeting.id}"
    app = ZvhApp(profile)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_live(app, pilot, live_world.meeting.id)
        await pilot.press(*"b Budgetbeheer aanvra")
        await wait_for(pilot, lambda: drafts.load(key) == {"capture-input": "b Budgetbeheer aanvra"})
        assert Draft.get(Draft.key == key).case_id == live_world.cases[0].id  # bound to the case
        await pilot.press(*"gen", "ctrl+l")  # no pause: the lock itself saves the rest
        await wait_for(pilot, lambda: not profile.unlocked and isinstance(app.screen, UnlockScreen))
        await wait_for(pilot, lambda: not app.screen.query_one("#passphrase", Input).disabled
                       and isinstance(app.focused, Input))
        app.focused.value = test_passphrase
        await pilot.press("enter")
        # After the unlock the meeting is back, with the line as it was typed.
        await wait_for(pilot, lambda: isinstance(app.screen, LiveMeetingScreen)
                       and app.screen.item is not None)
        await wait_for_text(pilot, DRAFT_NOTICE_TITLE)
        assert field(app).value == "b Budgetbeheer aanvragen"
        await pilot.press("enter")
        await wait_for_text(pilot, "Besluit vastgelegd")
        assert MeetingNote.get(MeetingNote.kind == NoteKind.DECISION.value).text == "Budgetbeheer aanvragen"
        assert not drafts.exists(key)  # Enter was taken: no draft left to bring the line back


async def test_a_lock_during_a_question_keeps_the_line_that_asked_it(
        profile: Profile, live_world: LiveWorld, test_passphrase: str) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_live(app, pilot, live_world.meeting.id)
        await say(pilot, "a Bellen met de school @", "Welke eigenaar?")
        await pilot.press(*"2")  # half an answer, then the lock
        await app.lock_now()
        await wait_for(pilot, lambda: not app.screen.query_one("#passphrase", Input).disabled
                       and isinstance(app.focused, Input))
        app.focused.value = test_passphrase
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, LiveMeetingScreen)
                       and app.screen.item is not None)
        await wait_for(pilot, lambda: field(app).value == "a Bellen met de school @")
        await say(pilot, "", "Welke eigenaar?")  # Enter asks again


@pytest.mark.parametrize("size", [(80, 24), (200, 60)], ids=["80x24", "projector"])
async def test_the_screen_fits_80x24_and_a_projector(
        profile: Profile, live_world: LiveWorld, size: tuple[int, int]) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=size) as pilot:
        await open_live(app, pilot, live_world.meeting.id)
        lines = screen_text(app).rstrip("\n").splitlines()
        shown = "\n".join(lines)
        assert len(lines) == size[1]
        assert "2026-0001" in lines[1] and "punt 1/3" in lines[1]  # the title line
        assert "Punt 0:" in shown and "Overleg 0:" in shown  # both timers
        assert "Opgave:" in shown and "Casusregisseur:" in shown  # the card's first lines
        assert "2026-0003 Bram" in shown  # the whole agenda
        assert "b besluit" in shown  # the capture line (its placeholder)
        assert "pgdn Volgend punt" in lines[-1]  # the footer's first key


async def test_keys_beside_the_grammar_move_and_change_the_phase(
        profile: Profile, live_world: LiveWorld) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_live(app, pilot, live_world.meeting.id)
        await pilot.press(*"half getypt")
        await pilot.press("pagedown")
        await wait_for_text(pilot, "punt 2/3")
        assert field(app).value == "half getypt"  # a key leaves the line alone
        await pilot.press("f7")
        await wait_for(pilot, lambda: MeetingItem.get_by_id(screen.item.id).phase == "oordeel")
        await wait_for_text(pilot, "oordeel")
        await pilot.press("pageup")
        await wait_for_text(pilot, "punt 1/3")
        await pilot.press("f6")  # /sluit: no next date yet, said under the line
        await wait_for_text(pilot, "vervolgdatum")
        assert field(app).value == "half getypt"


async def test_f1_shows_the_capture_grammar_before_the_keys(
        profile: Profile, live_world: LiveWorld) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_live(app, pilot, live_world.meeting.id)
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        table = app.screen.query_one("#help-keys", DataTable)
        rows = [tuple(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]
        assert rows[0][0].startswith("Invoerregel")
        forms = [key for key, _description, _ids in rows]
        assert all(form in forms for form, _explanation in capture.GRAMMAR)
        assert ("PgDn", "Volgend punt", "live.next") in rows


async def test_a_closed_meeting_opens_as_it_ended_and_an_unknown_one_is_refused(
        profile: Profile, live_world: LiveWorld) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.is_unlocked)
        app.start_live(9999)
        await wait_for_text(pilot, "Er is geen overleg met nummer")
        assert not isinstance(app.screen, LiveMeetingScreen)


async def test_zvh_meeting_live_starts_in_the_live_screen_after_the_unlock_screen(
        profile: Profile, live_world: LiveWorld, test_passphrase: str) -> None:
    profile.lock()  # as `zvh meeting live N` without ZVH_PASSPHRASE: the unlock screen first
    app = ZvhApp(profile, start_meeting=live_world.meeting.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, UnlockScreen)
                       and not app.screen.query_one("#passphrase", Input).disabled
                       and isinstance(app.focused, Input))
        app.focused.value = test_passphrase
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, LiveMeetingScreen)
                       and app.screen.item is not None)
        assert "2026-0001 Marco de Testman" in screen_text(app)


def test_timers_show_running_over_and_never_stop_it() -> None:
    assert item_timer(7 * 60 + 5, 15) == ("Punt 7:05/15:00", False)
    assert item_timer(16 * 60, 15) == ("Punt 16:00/15:00 (+1:00)", True)
    assert item_timer(65, None) == ("Punt 1:05", False)
    assert meeting_timer(3725, 45) == ("Overleg 1:02:05/45:00", True)


def test_screens_md_lists_every_form_of_the_capture_grammar() -> None:
    text = (Path(__file__).resolve().parents[3] / "screens.md").read_text(encoding="utf-8")
    start = text.index("## LiveMeetingScreen")
    end = text.find("\n## ", start + 1)
    section = text[start:end if end > 0 else None]
    assert [form for form, _explanation in capture.GRAMMAR if f"`{form}`" not in section] == []


async def test_the_next_item_read_ahead_shows_what_a_line_changed_since(
        profile: Profile, live_world: LiveWorld) -> None:
    """PgDn/PgUp draw the next item from what was read ahead (issue 16: within two frames). A
    line that changes what another item shows drops it: the reminder heard at item 1 counts at
    item 2 too, so item 2 shows the police as having heard it, not what was read before."""
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_live(app, pilot, live_world.meeting.id)
        await pilot.press("pagedown")
        await wait_for_text(pilot, "punt 2/3")
        await say(pilot, "/aanwezig Wim Wijkagent", "Wim Wijkagent")
        await wait_for_text(pilot, "hoorde de geheimhouding nog niet")
        await pilot.press("pageup")
        await wait_for_text(pilot, "punt 1/3")
        await app.workers.wait_for_complete()  # item 2 read ahead: the police without the reminder
        await say(pilot, "/aanwezig Wim Wijkagent", "Wim Wijkagent")
        await say(pilot, "/herinnering")
        await wait_for(pilot, lambda: "hoorde de geheimhouding nog niet" not in screen_text(app))
        await pilot.press("pagedown")
        await wait_for_text(pilot, "punt 2/3")
        shown = screen_text(app)
        assert "Politie Eenheid Test" in shown and "hoorde de geheimhouding nog niet" not in shown
        assert screen.item.id == item_of(live_world, 2).id
        stored = ItemAttendance.get((ItemAttendance.item == screen.item.id) & (ItemAttendance.partner == live_world.police.id))
        assert stored.presence == "present"
