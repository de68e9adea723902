"""The case list as a user sees it: search, quick filters, closed cases, sorting, empty state."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from casekit import World, list_ready, make_case, screen_text, wait_for, wait_for_text
from textual import events
from textual.keys import key_to_character
from textual.widgets import Input

from zvh_tui.screens.cases.case_list import EMPTY_TEXT, CaseListScreen, demo_hint, zvh_command
from zvh_tui.screens.cases.dossier import DossierScreen
from zvh_tui.services.cases.case_list import COLUMNS
from zvh_tui.services.shared import disclosure
from zvh_tui.widgets.case_table import CaseTable, column_widths
from zvh_tui.widgets.dialogs import ChoiceDialog


def shown(screen: CaseListScreen) -> list[str]:
    return [row.reference for row in screen.query_one(CaseTable).rows]


async def test_empty_state_says_what_to_do(profile, make_app) -> None:
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        await list_ready(pilot)
        text = screen_text(pilot.app)
        assert EMPTY_TEXT in text and "0 casussen" in text
        folder = str(Path(tempfile.gettempdir()) / "zvh-demo")
        flat = " ".join(text.split())  # the hint wraps over lines
        command = zvh_command()
        assert f"{command} demo --data-dir {folder} en daarna {command} --data-dir {folder}" in flat
        assert "niet in dit profiel" in flat


async def test_on_the_projector_switch_the_list_shows_initials(world: World, profile, make_app) -> None:
    """Projector mode (next issue) flips `disclosure.set_screen`: the list shows no full name."""
    disclosure.set_screen(disclosure.Disclosure.MEETING)  # the root conftest sets FULL again
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        screen = await list_ready(pilot)
        screen.query_one(CaseTable).focus()
        text = await wait_for_text(pilot, "F. el F.")
        assert "B.R." in text and "P.S." in text
        for name in ("Fatima", "Fictief", "Bram Rustig", "Piotr"):
            assert name not in text, name


def test_demo_hint_names_the_command_as_it_was_started(tmp_path, monkeypatch) -> None:
    """`.venv/bin/zvh` when it is not on the PATH; `zvh` when it is; never the real profile."""
    script = tmp_path / "venv" / "bin" / "zvh"
    script.parent.mkdir(parents=True)
    script.write_text("#!/bin/sh\n", encoding="utf-8")
    script.chmod(0o700)
    monkeypatch.setenv("PATH", "/nonexistent")
    assert zvh_command(str(script)) == str(script)
    assert f"{script} demo --data-dir " in demo_hint(str(script))
    monkeypatch.setenv("PATH", str(script.parent))
    assert zvh_command(str(script)) == "zvh"
    assert zvh_command("/usr/bin/python3") == "zvh"  # started some other way (python -m)
    assert "--data-dir" in demo_hint() and demo_hint().count("--data-dir") == 2


async def test_rows_and_count(world: World, profile, make_app) -> None:
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        screen = await list_ready(pilot)
        text = screen_text(pilot.app)
        assert "6 van 7 casussen" in text  # the closed one is hidden
        assert world.overdue.reference in text and "Fatima El Fic…" in text  # cut to its column
        assert "Politie Eenhe…" in text
        assert "geen casusregisseur" in text  # a badge in words, not colour alone
        assert len(shown(screen)) == 6


async def test_search_narrows_the_list_and_the_count(world: World, profile, make_app) -> None:
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        screen = await list_ready(pilot)
        await pilot.press("slash", *"fatima")
        await wait_for(pilot, lambda: shown(screen) == [world.overdue.reference])
        assert "1 van 7 casus" in screen_text(pilot.app)
        await pilot.press(*["backspace"] * 6, *"geweld")  # a word of the aanleiding
        await wait_for(pilot, lambda: shown(screen) == [world.overdue.reference])
        await pilot.press(*["backspace"] * 6, *'"AND [/b]*')  # hostile input: no crash, no match
        await wait_for(pilot, lambda: shown(screen) == [])
        assert "Geen casussen gevonden" in screen_text(pilot.app)
        await pilot.press("escape", "0")  # back to the list; 0 clears the search and filters
        await wait_for(pilot, lambda: len(shown(screen)) == 6)


async def test_each_quick_filter(world: World, profile, make_app) -> None:
    expected = {
        "1": world.overdue, "2": world.no_director, "3": world.no_plan, "4": world.stagnating,
        "5": world.informed_review, "6": world.retention_passed,
    }
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        screen = await list_ready(pilot)
        for key, case in expected.items():
            await pilot.press(key)
            await wait_for(pilot, lambda case=case: shown(screen) == [case.reference])
            assert "[x]" in screen_text(pilot.app)
            await pilot.press(key)  # off again
            await wait_for(pilot, lambda: len(shown(screen)) == 6)


async def test_closed_cases_one_key_away(world: World, profile, make_app) -> None:
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        screen = await list_ready(pilot)
        assert world.retention_passed.reference not in shown(screen)
        await pilot.press("a")
        await wait_for(pilot, lambda: world.retention_passed.reference in shown(screen))
        assert "7 casussen" in screen_text(pilot.app)
        assert "Afgesloten: getoond" in screen_text(pilot.app)
        await pilot.press("a")
        await wait_for(pilot, lambda: world.retention_passed.reference not in shown(screen))


async def test_phase_filter_cycles(world: World, profile, make_app) -> None:
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        screen = await list_ready(pilot)
        await pilot.press("f")  # Aanmelding
        await wait_for(pilot, lambda: "Fase: Aanmelding" in screen_text(pilot.app))
        assert world.no_director.reference not in shown(screen)
        assert world.plain.reference in shown(screen)
        for _ in range(4):  # screening, triage, analyse, casusoverleg
            await pilot.press("f")
        await wait_for(pilot, lambda: shown(screen) == [world.no_director.reference])


async def test_sort_menu_picks_a_column_by_its_letter_and_s_reverses(world: World, profile, make_app) -> None:
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        screen = await list_ready(pilot)
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog))
        menu = screen_text(pilot.app)
        for line in ("m  Naam", "l  Acties te laat (meeste eerst)", "a  Aandacht (meeste signalen eerst)",
                     "v  Volgende datum"):
            assert line in menu, line
        await pilot.press("m")
        await wait_for(pilot, lambda: "Sortering: Naam (oplopend" in screen_text(pilot.app))
        titles = [r.title for r in screen.query_one(CaseTable).rows]
        assert titles == sorted(titles, key=str.casefold)
        assert "Naam / alias ▲" in screen_text(pilot.app)
        await pilot.press("S")
        await wait_for(pilot, lambda: [r.title for r in screen.query_one(CaseTable).rows]
                       == sorted(titles, key=str.casefold, reverse=True))
        assert "Naam / alias ▼" in screen_text(pilot.app)


async def test_attention_columns_sort_worst_first(world: World, profile, make_app) -> None:
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        screen = await list_ready(pilot)
        await pilot.press("s", "l")  # Laat: the case with overdue actions on top
        await wait_for(pilot, lambda: screen.query_state.sort == "overdue")
        rows = screen.query_one(CaseTable).rows
        assert rows[0].id == world.overdue.id and screen.query_state.descending
        assert "Sortering: Acties te laat (aflopend" in screen_text(pilot.app)
        await pilot.press("s", "a")  # Aandacht: most signals first
        await wait_for(pilot, lambda: screen.query_state.sort == "attention")
        counts = [len(r.badges) for r in screen.query_one(CaseTable).rows]
        assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1]
        await pilot.press("s", "escape")  # Escape changes nothing
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, CaseListScreen))
        assert screen.query_state.sort == "attention"


@pytest.mark.parametrize("width", [80, 100, 120, 160])
async def test_sort_marker_never_hides_a_header(width: int, world: World, profile, make_app) -> None:
    async with make_app(profile).run_test(size=(width, 30)) as pilot:
        screen = await list_ready(pilot)
        table = screen.query_one(CaseTable)
        for code in ("overdue", "open", "days", "title", "director", "attention"):
            screen.sort_by(code)
            await pilot.pause()
            header = table.render_line(0).text
            widths = column_widths(table.size.width)
            for column, w in zip(COLUMNS, widths, strict=True):
                if not w:
                    continue
                titles = [t for t in (column.header, column.short) if t]
                if column.code == code:  # the marker comes after a whole word, never over it
                    marker = "▼" if screen.query_state.descending else "▲"
                    assert re.search("(" + "|".join(map(re.escape, titles)) + ") ?" + marker,
                                     header), (width, code, header)
                else:
                    assert any(t in header for t in titles), (width, column.code, header)


async def test_markup_in_a_title_shows_literally(profile, make_app) -> None:
    make_case("Tess [/b] de [bold]Vries[/bold]", title="Alias [/b][red]x")
    async with make_app(profile).run_test(size=(160, 40)) as pilot:
        await list_ready(pilot)
        text = await wait_for_text(pilot, "Alias [/b][red]x")
        assert "Alias [/b][red]x" in text


async def test_enter_opens_the_dossier_and_escape_comes_back(world: World, profile, make_app) -> None:
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        screen = await list_ready(pilot)
        await pilot.press("slash", *"fatima", "enter")  # Enter in the search opens the top case
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, DossierScreen))
        assert "Casus " + world.overdue.reference in screen_text(pilot.app)
        await pilot.press("escape")
        await wait_for(pilot, lambda: pilot.app.screen is screen)
        assert shown(screen) == [world.overdue.reference]  # the search is still there


async def test_keys_move_the_cursor(world: World, profile, make_app) -> None:
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        screen = await list_ready(pilot)
        table = screen.query_one(CaseTable)
        first = table.current
        await pilot.press("j")
        assert table.current is not first and table.cursor == 1
        await pilot.press("k", "end")
        assert table.cursor == len(table.rows) - 1
        await pilot.press("home")
        assert table.cursor == 0
        assert first is not None
        assert f"{first.reference}  {first.title}  ·  casusregisseur: geen" in screen_text(pilot.app)


async def test_a_click_moves_the_cursor_and_a_second_click_opens_the_dossier(world: World, profile, make_app) -> None:
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        screen = await list_ready(pilot)
        table = screen.query_one(CaseTable)
        assert table.cursor == 0
        await pilot.click(CaseTable, offset=(5, 3))  # the header is row 0: the third case
        await wait_for(pilot, lambda: table.cursor == 2)
        third = table.current
        assert third is not None and isinstance(pilot.app.screen, CaseListScreen)
        await pilot.click(CaseTable, offset=(5, 3))
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, DossierScreen))
        assert "Casus " + third.reference in screen_text(pilot.app)


async def test_keys_typed_right_after_slash_all_reach_the_search(world: World, profile, make_app) -> None:
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        screen = await list_ready(pilot)
        app = pilot.app
        for key in ("slash", *"fatj", "backspace", "enter"):  # queued at once, as tmux or a fast typist sends them
            app.post_message(events.Key(key, key_to_character(key)))
        await wait_for(pilot, lambda: isinstance(app.screen, DossierScreen))
        assert app.screen.case_id == world.overdue.id
        assert screen.query_one("#case-search", Input).value == "fat"


async def test_a_finished_search_is_audited_once_without_what_was_typed(
    world: World, profile, make_app
) -> None:
    from zvh_tui.store.models import AuditEvent

    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        screen = await list_ready(pilot)
        await pilot.press("slash", *"fatima")
        await wait_for(pilot, lambda: shown(screen) == [world.overdue.reference])
        assert AuditEvent.select().where(AuditEvent.event == "search").count() == 0  # not per key
        await pilot.press("escape")
        await wait_for(pilot, lambda: AuditEvent.select().where(AuditEvent.event == "search").count() == 1)
        event = AuditEvent.select().where(AuditEvent.event == "search").get()
        assert event.detail == "hits=1"
        texts = [str(v) for v in AuditEvent.select().tuples().where(AuditEvent.id == event.id).get()]
        assert not any("fatima" in t.lower() for t in texts)
