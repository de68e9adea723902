"""The meetings area (issue 13.1): F4 Overleggen with coming and earlier meetings, planning a
meeting in a form (bad date or time refused in Dutch, nothing typed lost), and live mode."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input, Select
from uikit import screen_text, wait_for, wait_for_text

from zvh_tui.app import ZvhApp
from zvh_tui.screens.cases.case_list import CaseListScreen
from zvh_tui.screens.meetings.agenda import AgendaScreen
from zvh_tui.screens.meetings.meeting_form import MeetingForm
from zvh_tui.screens.meetings.meetings import MeetingsScreen
from zvh_tui.services.meetings import meeting as meetings
from zvh_tui.store.models import Draft, Meeting
from zvh_tui.widgets.date_input import DateInput
from zvh_tui.widgets.dialogs import ConfirmDialog


async def open_meetings(pilot) -> MeetingsScreen:
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, CaseListScreen))
    await pilot.press("f4")
    await wait_for(pilot, lambda: isinstance(app.screen, MeetingsScreen))
    return app.screen  # type: ignore[return-value]


async def test_f4_shows_coming_then_earlier_meetings(profile, build) -> None:
    first, second = build.new_case("Anna Aap"), build.new_case("Bert Beer")
    soon = meetings.plan_meeting("MDO", dt.date(2026, 11, 24), [first.reference, second.reference],
                                 start_time="09:30", location="Stadhuis", title="MDO Noord")
    later = meetings.create_meeting("ICO", dt.date(2026, 12, 3), online=True)
    before = meetings.create_meeting("Casusoverleg", dt.date(2026, 11, 17), start_time="13:00")
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_meetings(pilot)
        assert [row.id for row in screen.rows] == [soon.id, later.id, before.id]
        text = await wait_for_text(pilot, "MDO Noord")
        assert "di 24-11-2026 09:30" in text and "Stadhuis" in text and "2 casussen" in text
        assert "online" in text and "di 17-11-2026 13:00" in text
        assert "2 komende overleggen · 1 eerder · Enter: agenda" in text
        assert app.current_mode == "meetings"
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, CaseListScreen))
        await pilot.press("f4")  # the same area again, where it was
        await wait_for(pilot, lambda: app.screen is screen)


async def test_plan_a_meeting_bad_date_and_time_refused_nothing_lost(profile) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_meetings(pilot)
        assert "Nog geen overleggen" in screen_text(app)
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingForm))
        form = app.screen
        form.query_one("#kind", Select).value = "ICO"
        form.query_one("#held_on", DateInput).query_one(Input).value = "31-2"
        form.query_one("#start_time", Input).value = "25:30"
        form.query_one("#location", Input).value = "Stadhuis kamer 2"
        form.query_one("#chair", Input).value = "Anna de Vries"
        await pilot.press("f5")
        text = await wait_for_text(pilot, "is geen datum")
        assert isinstance(app.screen, MeetingForm) and Meeting.select().count() == 0
        form.query_one("#held_on", DateInput).query_one(Input).value = "vr"
        await pilot.press("f5")
        text = await wait_for_text(pilot, "Begintijd: 25:30 bestaat niet")
        assert "Gebruik uu:mm" in text
        # everything typed is still there
        assert form.query_one("#location", Input).value == "Stadhuis kamer 2"
        assert form.query_one("#chair", Input).value == "Anna de Vries"
        assert form.query_one("#kind", Select).value == "ICO"
        form.query_one("#start_time", Input).value = "930"
        await pilot.press("f5")
        await wait_for(pilot, lambda: app.screen is screen)
        meeting = Meeting.get()
        assert (meeting.kind, meeting.held_on, meeting.start_time, meeting.location, meeting.chair) == (
            "ICO", dt.date(2026, 11, 27), "09:30", "Stadhuis kamer 2", "Anna de Vries")
        await wait_for_text(pilot, "vr 27-11-2026 09:30")
        assert screen.current().id == meeting.id
        assert Draft.select().count() == 0  # saved: the draft is gone


async def test_the_form_keeps_a_draft_through_a_lock(profile, test_passphrase, monkeypatch) -> None:
    from zvh_tui.screens.shell.unlock import UnlockScreen
    from zvh_tui.widgets.drafts import DraftForm

    monkeypatch.setattr(DraftForm, "DRAFT_CHECK_SECONDS", 3600.0)  # only the lock may save it
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_meetings(pilot)
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingForm) and app.screen._draft_ready)
        app.screen.query_one("#chair", Input).focus()
        await pilot.pause()
        await pilot.press(*"Anna de Vries")
        await pilot.press("ctrl+l")
        await wait_for(pilot, lambda: not profile.unlocked and isinstance(app.screen, UnlockScreen))
        assert "Anna de Vries" not in screen_text(app)
        await wait_for(pilot, lambda: not app.screen.query_one("#passphrase", Input).disabled
                       and isinstance(app.focused, Input))
        app.focused.value = test_passphrase
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.is_unlocked and isinstance(app.screen, CaseListScreen))
        await pilot.press("f4")
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingForm) and app.screen._draft_ready)
        await wait_for(pilot, lambda: app.screen.query_one("#chair", Input).value == "Anna de Vries")
        assert "Concept teruggezet" in [n.title for n in app._notifications]


async def test_edit_and_delete_a_planned_meeting(profile, build) -> None:
    meeting = meetings.create_meeting("MDO", dt.date(2026, 11, 24), start_time="09:00")
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_meetings(pilot)
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingForm))
        field = app.screen.query_one("#start_time", Input)
        assert field.value == "09:00"
        field.value = "10:15"
        await pilot.press("f5")
        await wait_for(pilot, lambda: app.screen is screen)
        assert Meeting.get_by_id(meeting.id).start_time == "10:15"
        await pilot.press("delete")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("tab", "enter")  # the focus starts on "Bewaren"
        await wait_for(pilot, lambda: app.screen is screen and not screen.rows)
        assert Meeting.select().count() == 0


async def test_l_starts_live_mode_of_the_highlighted_meeting(profile, build, fake_live) -> None:
    meeting = meetings.plan_meeting("MDO", dt.date(2026, 11, 24), [build.new_case().reference])
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_meetings(pilot)
        await pilot.press("l")
        await wait_for(pilot, lambda: fake_live == [meeting.id])
        assert type(app.screen).__name__ == "LiveMeetingScreen" and app.current_mode == "meetings"


async def test_enter_opens_the_agenda(profile, build) -> None:
    meeting = meetings.plan_meeting("MDO", dt.date(2026, 11, 24), [build.new_case("Anna Aap").reference])
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_meetings(pilot)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, AgendaScreen))
        text = await wait_for_text(pilot, "Anna Aap")
        assert "Agenda · MDO · di 24-11-2026" in text and "Uitgenodigd voor 2026-0001: Wijkteam Noord" in text
        assert app.screen.meeting_id == meeting.id
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen)


async def test_m_writes_the_minutes_of_a_closed_meeting_on_demand(profile, build, tmp_path) -> None:
    """m on a closed meeting: a folder asked (exports/ by default), a warning per partner
    without a convenant (here: skipped), then the files, 0600, and a toast with the count."""
    from meetingkit import TODAY, at, make_table

    from zvh_tui.services.meetings import capture, live
    from zvh_tui.widgets.dialogs import PathDialog

    table = make_table(build)
    live.start_meeting(table.meeting, now=at(9))
    for line in ("b Wijkteam houdt de regie", "r @politie/bakker", "/datum +6w", "/sluit", "/einde"):
        assert capture.execute(line, table.fresh(), today=TODAY, now=at(9, 30)).ok, line
    folder = tmp_path / "verslagen"
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_meetings(pilot)
        row = next(n for n, r in enumerate(screen.rows) if r.id == table.meeting.id)
        screen.query_one("#meetings-table").move_cursor(row=row)
        await pilot.pause()
        await pilot.press("m")
        await wait_for(pilot, lambda: isinstance(app.screen, PathDialog))
        field = app.screen.query_one(Input)
        assert field.value.rstrip("/").endswith("exports")  # the profile's own folder by default
        field.value = str(folder)
        await pilot.press("enter")
        await wait_for(pilot, lambda: "Taal van het verslag" in screen_text(app))
        await pilot.press("n")  # Nederlands
        while isinstance(app.screen, ConfirmDialog):  # partners without a convenant: skipped
            await pilot.press("escape")
            await pilot.pause()
        # every kind of file, not the first one written
        await wait_for(pilot, lambda: folder.exists() and all(
            any(folder.glob(pattern)) for pattern in ("*besluitenlijst.md", "*verslag.html", "*.ics")))
        names = sorted(p.name for p in folder.iterdir())
        assert any(n.endswith("verslag.html") for n in names) and any(n.endswith(".ics") for n in names)
        assert "Wijkteam houdt de regie" in next(folder.glob("*besluitenlijst.md")).read_text("utf-8")
        assert all(p.stat().st_mode & 0o077 == 0 for p in folder.iterdir())


async def test_m_asks_the_language_of_the_minutes(profile, build, tmp_path) -> None:
    """Issue 17.5: the minutes in English for an English-speaking partner while the app stays
    Dutch: the files end in -en and read in English; the typed decision stays as typed."""
    from meetingkit import TODAY, at, make_table

    from zvh_tui.services.meetings import capture, live
    from zvh_tui.widgets.dialogs import PathDialog

    table = make_table(build)
    live.start_meeting(table.meeting, now=at(9))
    for line in ("b Wijkteam houdt de regie", "r @politie/bakker", "/datum +6w", "/sluit", "/einde"):
        assert capture.execute(line, table.fresh(), today=TODAY, now=at(9, 30)).ok, line
    folder = tmp_path / "minutes"
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_meetings(pilot)
        row = next(n for n, r in enumerate(screen.rows) if r.id == table.meeting.id)
        screen.query_one("#meetings-table").move_cursor(row=row)
        await pilot.pause()
        await pilot.press("m")
        await wait_for(pilot, lambda: isinstance(app.screen, PathDialog))
        app.screen.query_one(Input).value = str(folder)
        await pilot.press("enter")
        await wait_for(pilot, lambda: "Taal van het verslag" in screen_text(app))
        await pilot.press("e")  # English
        while isinstance(app.screen, ConfirmDialog):
            await pilot.press("escape")
            await pilot.pause()
        await wait_for(pilot, lambda: folder.exists() and any(folder.glob("*-en.md"))
                       and any(folder.glob("*-en.html")))
        await wait_for(pilot, lambda: "Verslag gemaakt" in screen_text(app))  # the toast: Dutch
    names = [p.name for p in folder.iterdir() if p.suffix in (".md", ".html")]
    assert names and all(n.removesuffix(".md").removesuffix(".html").endswith("-en") for n in names)
    decisions = next(p for p in folder.glob("*-en.md") if "Wijkteam houdt de regie" in p.read_text("utf-8"))
    text = decisions.read_text("utf-8")
    assert "Decision" in text and "Besluit" not in text
