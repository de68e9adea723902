"""Textual's private APIs that the screens and widgets rely on (Textual 8.2; tests/compat).

Imports Textual and Rich, never Peewee; only the UI (app, palette, screens, widgets, typeahead)
imports this module. Each name says what it is for; tests/compat/test_compat_textual.py checks that
the private thing behind it is still there and still behaves as relied on.
"""

from __future__ import annotations

from typing import Any

from rich.console import RenderableType
from rich.segment import Segment
from textual._xterm_parser import XTermParser
from textual.app import App
from textual.command import CommandList, CommandPalette
from textual.dom import DOMNode
from textual.screen import Screen
from textual.strip import Strip
from textual.widgets import Footer
from textual.widgets._footer import FooterKey
from textual.widgets.option_list import Option

__all__ = [
    "CommandPaletteWithOwnNoMatches",
    "ExceptionHook",
    "FooterKey",
    "XTermParser",
    "adopt_app_css",
    "all_screens",
    "end_app_after_crash",
    "has_after_refresh_callbacks",
    "has_queued_work",
    "mark_footer_bindings_ready",
    "mode_is_built",
    "replace_strip_segments",
    "strip_is_rendered",
    "strip_segments",
]


# -- terminal output (widgets/output_guard) --------------------------------------------------
def strip_is_rendered(strip: Strip) -> bool:
    """Whether Strip.render has already made (and cached) this line's terminal text."""
    return strip._render_cache is not None


def strip_segments(strip: Strip) -> list[Segment]:
    """The segments a Strip renders (Strip._segments, a list)."""
    return strip._segments


def replace_strip_segments(strip: Strip, segments: list[Segment]) -> None:
    """Make a not yet rendered Strip render other segments of the same cell length."""
    strip._segments = segments


# -- the app's crash (widgets/crash_guard) ---------------------------------------------------
class ExceptionHook:
    """Put before `App` in the bases: Textual calls the private `App._handle_exception` for
    every unhandled exception; here that becomes `on_unhandled_exception`."""

    def _handle_exception(self, error: Exception) -> None:
        self.on_unhandled_exception(error)

    def on_unhandled_exception(self, error: Exception) -> None:
        raise NotImplementedError


def end_app_after_crash(app: App[Any], error: Exception, *, return_code: int,
                        message: RenderableType) -> None:
    """What Textual's own `_handle_exception` does, with `message` instead of a traceback:
    the exit status, the first error kept for Pilot (`run_test` re-raises it), the message
    printed after the app has left the screen, and the app's message queue closed."""
    app._return_code = return_code
    if app._exception is None:
        app._exception = error
        app._exception_event.set()
    if not app._exit_renderables:
        app._exit_renderables.append(message)
    app._close_messages_no_wait()


# -- modes (app) -----------------------------------------------------------------------------
def mode_is_built(app: App[Any], mode: str) -> bool:
    """Whether the app holds a screen stack for this mode (App._screen_stacks)."""
    return mode in app._screen_stacks


def all_screens(app: App[Any]) -> list[Screen[Any]]:
    """Every screen in every mode's stack, the current mode's and the others' (App._screen_stacks):
    the open forms whose drafts a lock or quit saves first (widgets/drafts.py)."""
    return [screen for stack in app._screen_stacks.values() for screen in stack]


def adopt_app_css(screen: Screen[Any], app: App[Any]) -> None:
    """Mark a new screen's styles as up to date with the app's stylesheet (Screen and App
    `_css_update_count`): Textual then does not re-parse every stylesheet of the app for it when
    its mode opens (`_init_mode` and `switch_mode` compare the two counts). A theme change
    later bumps the app's count, so the screen is still restyled then."""
    screen._css_update_count = app._css_update_count


# -- waiting until the app is quiet (typeahead) ----------------------------------------------
def has_queued_work(node: DOMNode) -> bool:
    """A message waiting in this node's queue, or a `call_next` callback not yet run."""
    return not node._message_queue.empty() or bool(node._next_callbacks)


def has_after_refresh_callbacks(screen: Screen[Any]) -> bool:
    """A `call_after_refresh` callback on this screen not yet run (Screen._callbacks)."""
    return bool(getattr(screen, "_callbacks", None))


# -- the footer (widgets/footer) -------------------------------------------------------------
def mark_footer_bindings_ready(footer: Footer) -> None:
    """What Footer.bindings_changed sets first: the bindings are known, compose may show them."""
    footer._bindings_ready = True


# -- the command palette (palette) -----------------------------------------------------------
class CommandPaletteWithOwnNoMatches(CommandPalette):
    """Textual's command palette, with its own text when nothing matches.

    Textual writes "No matches found" inside the private `_start_no_matches_countdown`, with
    private attributes; this class gives that method a body that asks `no_matches_prompt`
    (None: show nothing, and hide the empty list)."""

    def no_matches_prompt(self, search_value: str) -> RenderableType | None:
        """What to show when `search_value` found nothing; None shows nothing (subclass it)."""
        return None

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            prompt = self.no_matches_prompt(search_value)
            if prompt is not None:
                self.query_one(CommandList).add_option(
                    Option(prompt, disabled=True, id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)

