"""compat.textual: each private Textual API it relies on is still there and does what is
relied on. A failure here after a Textual upgrade names the shim in
src/zvh_tui/compat/textual.py to revisit; nothing else in the app touches Textual's private
parts (what the user then sees is tested in tests/safety and tests/screens)."""

from __future__ import annotations

import inspect
import subprocess
import sys
from functools import partial

import pytest
import textual
from rich.console import Console
from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.app import App, ComposeResult
from textual.command import CommandPalette
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Footer, Label

from zvh_tui.compat import textual as compat


def revisit(shim: str) -> str:
    return f"Textual {textual.__version__} changed what compat.textual.{shim} relies on: revisit it"


def _params(function: object) -> list[str]:
    return list(inspect.signature(function).parameters)


# -- Strip (output_guard) --------------------------------------------------------------------
def test_a_strip_renders_its_segments_once_and_caches_the_text() -> None:
    shim = "strip_is_rendered / strip_segments / replace_strip_segments"
    assert {"_segments", "_render_cache"} <= set(Strip.__slots__), revisit(shim)
    console = Console(width=20, color_system=None)
    strip = Strip([Segment("ab"), Segment("cd")])
    assert not compat.strip_is_rendered(strip), revisit(shim)
    assert compat.strip_segments(strip) == [Segment("ab"), Segment("cd")], revisit(shim)
    compat.replace_strip_segments(strip, [Segment("xy"), Segment("zw")])
    assert strip.render(console) == "xyzw", revisit(shim)
    assert compat.strip_is_rendered(strip), revisit(shim)
    compat.replace_strip_segments(strip, [Segment("!!!!")])
    assert strip.render(console) == "xyzw", revisit(shim)  # why the guard cleans before


# -- the xterm parser (paste_guard) ----------------------------------------------------------
def test_the_xterm_parser_feeds_text_and_yields_keys_and_pastes() -> None:
    shim = "XTermParser (textual._xterm_parser)"
    assert _params(compat.XTermParser.feed) == ["self", "data"], revisit(shim)
    parser = compat.XTermParser()
    found = list(parser.feed("a\x1b[200~geplakt\x1b[201~"))
    assert any(isinstance(e, events.Key) and e.key == "a" for e in found), revisit(shim)
    assert [e.text for e in found if isinstance(e, events.Paste)] == ["geplakt"], revisit(shim)


# -- the footer ------------------------------------------------------------------------------
def test_the_footer_shows_footer_keys_once_its_bindings_are_ready() -> None:
    shim = "FooterKey / mark_footer_bindings_ready (Footer._bindings_ready)"
    assert issubclass(compat.FooterKey, Widget), revisit(shim)
    assert {"key", "key_display", "description", "action"} <= set(
        _params(compat.FooterKey.__init__)), revisit(shim)
    assert "self._bindings_ready = True" in inspect.getsource(Footer.bindings_changed), revisit(shim)
    assert "_bindings_ready" in inspect.getsource(Footer.compose), revisit(shim)


async def test_footer_keys_are_composed_after_the_bindings_are_marked_ready() -> None:
    class MarkedFooter(Footer):  # what QuickFooter does instead of Footer.bindings_changed
        def bindings_changed(self, screen: Screen) -> None:
            compat.mark_footer_bindings_ready(self)
            self.call_after_refresh(self.recompose)

    class Keys(App[None]):
        BINDINGS = [("f5", "bell", "Belletje")]

        def compose(self) -> ComposeResult:
            yield MarkedFooter()

    app = Keys()
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.pause()
        keys = list(app.query(compat.FooterKey))
        assert [k.action for k in keys if k.description == "Belletje"] == ["bell"], revisit(
            "FooterKey / mark_footer_bindings_ready")


# -- the crash (widgets/crash_guard) ---------------------------------------------------------
def test_textual_still_sends_unhandled_exceptions_to_handle_exception() -> None:
    shim = "ExceptionHook / end_app_after_crash (App._handle_exception and friends)"
    assert _params(App._handle_exception) == ["self", "error"], revisit(shim)
    source = inspect.getsource(App._handle_exception)
    for name in ("_return_code", "_exception", "_exception_event"):
        assert name in source, revisit(shim)
    assert callable(App._close_messages_no_wait), revisit(shim)


async def test_a_crash_ends_the_app_with_our_message_and_exit_status() -> None:
    seen: list[BaseException] = []

    class Boom(compat.ExceptionHook, App[None]):
        def on_unhandled_exception(self, error: Exception) -> None:
            seen.append(error)
            compat.end_app_after_crash(self, error, return_code=7, message=Text("Het ging mis"))

        def on_mount(self) -> None:
            raise RuntimeError("boem")

    app = Boom()
    with pytest.raises(RuntimeError, match="boem"):  # Pilot re-raises the first error
        async with app.run_test():
            pass
    shim = "ExceptionHook / end_app_after_crash"
    assert [type(e) for e in seen] == [RuntimeError], revisit(shim)
    assert app.return_code == 7, revisit(shim)
    assert [str(r) for r in app._exit_renderables] in ([], ["Het ging mis"]), revisit(shim)


# -- modes, queues, callbacks (app, typeahead) -----------------------------------------------
class Plain(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Label("scherm")


class Modes(App[None]):
    MODES = {"een": Plain, "twee": Plain}
    DEFAULT_MODE = "een"


async def test_mode_is_built_follows_switch_and_remove() -> None:
    shim = "mode_is_built (App._screen_stacks)"
    app = Modes()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert compat.mode_is_built(app, "een"), revisit(shim)
        assert not compat.mode_is_built(app, "twee"), revisit(shim)
        await app.switch_mode("twee")
        assert compat.mode_is_built(app, "twee"), revisit(shim)
        await app.switch_mode("een")
        await app.remove_mode("twee")
        app.add_mode("twee", Plain)
        assert not compat.mode_is_built(app, "twee"), revisit(shim)


async def test_all_screens_holds_every_mode_and_every_pushed_screen() -> None:
    shim = "all_screens (App._screen_stacks)"
    app = Modes()
    async with app.run_test() as pilot:
        await pilot.pause()
        first = app.screen
        await app.switch_mode("twee")
        second = app.screen
        pushed = Plain()
        await app.push_screen(pushed)
        screens = compat.all_screens(app)
        assert {first, second, pushed} <= set(screens), revisit(shim)
        assert all(isinstance(s, Screen) for s in screens), revisit(shim)
        await app.switch_mode("een")
        await app.remove_mode("twee")
        assert second not in compat.all_screens(app), revisit(shim)
        assert pushed not in compat.all_screens(app), revisit(shim)


async def test_queued_work_and_after_refresh_callbacks_are_seen_until_they_ran() -> None:
    app = Modes()
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = app.screen
        assert not compat.has_queued_work(app), revisit("has_queued_work")
        assert not compat.has_after_refresh_callbacks(screen), revisit("has_after_refresh_callbacks")
        ran: list[str] = []
        app.call_next(ran.append, "next")
        assert compat.has_queued_work(app), revisit("has_queued_work (_next_callbacks)")
        screen.call_after_refresh(ran.append, "refresh")  # a message first, then Screen._callbacks
        assert compat.has_queued_work(screen), revisit("has_queued_work (_message_queue)")
        screen._invoke_later(partial(ran.append, "later"), screen)  # where that message ends up
        assert compat.has_after_refresh_callbacks(screen), revisit(
            "has_after_refresh_callbacks (Screen._invoke_later, Screen._callbacks)")
        label = screen.query_one(Label)
        label.post_message(events.Hide())
        assert compat.has_queued_work(label), revisit("has_queued_work (_message_queue)")
        await pilot.pause()
        await pilot.pause()
        assert sorted(ran) == ["later", "next", "refresh"]
        assert not compat.has_queued_work(app) and not compat.has_queued_work(label), revisit(
            "has_queued_work")
        assert not compat.has_after_refresh_callbacks(screen), revisit("has_after_refresh_callbacks")


# -- the command palette ---------------------------------------------------------------------
def test_the_palette_still_says_no_matches_in_the_method_we_replace() -> None:
    shim = "CommandPaletteWithOwnNoMatches (CommandPalette._start_no_matches_countdown)"
    method = CommandPalette._start_no_matches_countdown
    assert _params(method) == ["self", "search_value"], revisit(shim)
    assert "No matches found" in inspect.getsource(method), revisit(shim)
    assert callable(CommandPalette._stop_no_matches_countdown), revisit(shim)
    assert isinstance(CommandPalette._NO_MATCHES, str), revisit(shim)
    assert isinstance(CommandPalette._NO_MATCHES_COUNTDOWN, float), revisit(shim)
    assert "_list_visible" in CommandPalette._reactives, revisit(shim)
    assert "self._no_matches_timer" in inspect.getsource(CommandPalette.__init__), revisit(shim)


def test_the_textual_shims_never_load_peewee() -> None:
    script = ("import sys, zvh_tui.compat.textual; "
              "print(sorted({'peewee', 'playhouse', 'zvh_tui.compat.peewee'} & set(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


async def test_a_screen_that_adopts_the_app_css_has_the_apps_count() -> None:
    """adopt_app_css copies the counter Textual compares before re-parsing a screen's styles."""
    from textual.app import App
    from textual.screen import Screen

    app = App()
    async with app.run_test():
        screen = Screen()
        compat.adopt_app_css(screen, app)
        assert screen._css_update_count == app._css_update_count
