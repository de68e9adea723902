"""The footer of every screen: at most six keys, each shown whole, F1 Help and Ctrl+Q always.

Textual's Footer lists every key with `show=True` left to right and cuts off what does not fit:
at 120 columns "Vergrendel" and more fell off the end, at 80 half a key was left. This footer
shows what the screen chose instead, in a rule of its own:

- F1 Help and Ctrl+Q App afsluiten (the two keys a new user needs most) are docked at the right
  edge and always shown;
- beside them at most `MAX_KEYS - 2` keys of the screen, the ones the screen names in
  `FOOTER_KEYS` (binding ids, most important first; a key remapped in settings.json shows its
  new key). Keys that do not apply now are shown greyed (`check_action` returning None);
- the footer measures every key before it shows it: a key that does not fit whole is left out,
  with every key of lower priority, so no key is ever cut off. F1 (HelpScreen) lists them all.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup
from textual.css.query import NoMatches
from textual.dom import NoScreen
from textual.screen import Screen
from textual.widgets import Footer

from zvh_tui.compat.textual import FooterKey, mark_footer_bindings_ready
from zvh_tui.core.i18n import _

# Actions of the app whose keys are always shown, at the right (binding ids app.help, app.quit).
PINNED_ACTIONS = ("help", "quit")
MAX_KEYS = 6  # in all, the pinned ones included
PINNED_BORDER = 1  # the line left of the pinned keys


class Shown(NamedTuple):
    """One key in the footer: what FooterKey draws."""

    key: str
    key_display: str
    description: str
    action: str
    enabled: bool
    tooltip: str

    @property
    def width(self) -> int:
        """Cells FooterKey takes: one space, the key, one space, the description, one space."""
        return cell_len(self.key_display) + cell_len(self.description) + 3


def footer_ids(screen: Screen) -> tuple[str, ...]:
    """The binding ids a screen wants in its footer, most important first."""
    return tuple(getattr(screen, "FOOTER_KEYS", ()))


def choose(screen_keys: list[Shown], pinned: list[Shown], width: int) -> list[Shown]:
    """The screen keys that fit whole beside the pinned ones, in order of priority: stop at the
    first that does not fit (a key of lower priority never takes the place of a higher one)."""
    room = width - sum(key.width for key in pinned) - (PINNED_BORDER if pinned else 0)
    chosen: list[Shown] = []
    for key in screen_keys[: MAX_KEYS - len(pinned)]:
        if key.width > room:
            break
        chosen.append(key)
        room -= key.width
    return chosen


class QuickFooter(Footer):
    """The footer: the keys the screen chose that fit, and F1 and Ctrl+Q at the right edge.

    It is rebuilt only when what it shows really changes: opening a screen fires a change of
    bindings three or four times (resume, focus, …), mostly without any difference in what is
    shown; the stock Footer recomposed (one FooterKey per key, each styled anew) every time.
    """

    DEFAULT_CSS = """
    QuickFooter > .footer-pinned {
        dock: right;
        width: auto;
        height: 1;
        border-left: vkey $foreground 20%;
    }
    """

    _pending = False
    _shown: tuple[object, ...] | None = None

    def bindings_changed(self, screen: Screen) -> None:
        mark_footer_bindings_ready(self)
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self._schedule()

    def show_language(self) -> None:
        """The language changed (Instellingen): the keys are described anew."""
        if self.is_attached:
            self.call_later(self._schedule)  # from the footer itself: its keys bind to it

    def on_resize(self, event: events.Resize) -> None:
        self._schedule()  # a key that fits now, or one that no longer does

    def _schedule(self) -> None:
        if not self._pending:
            self._pending = True
            self.call_after_refresh(self._recompose_once)

    def _width(self) -> int:
        return self.size.width or self.app.size.width

    def keys(self) -> tuple[list[Shown], list[Shown]]:
        """(the screen's keys that are shown, the pinned keys), as the footer draws them."""
        by_id: dict[str, Shown] = {}
        pinned: dict[str, Shown] = {}
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            shown = self._shown_key(binding, enabled, tooltip)
            if binding.action in PINNED_ACTIONS and binding.id and binding.id.startswith("app."):
                pinned.setdefault(binding.action, shown)
            elif binding.id and binding.id not in by_id:
                by_id[binding.id] = shown
        pinned_keys = [pinned[action] for action in PINNED_ACTIONS if action in pinned]
        wanted = [by_id[key_id] for key_id in footer_ids(self.screen) if key_id in by_id]
        return choose(wanted, pinned_keys, self._width()), pinned_keys

    def _shown_key(self, binding: Binding, enabled: bool, tooltip: str) -> Shown:
        # descriptions are marked with N_() where the binding is defined, translated here
        return Shown(binding.key, self.app.get_key_display(binding), _(binding.description),
                     binding.action, enabled, _(tooltip) if tooltip else tooltip)

    async def _recompose_once(self) -> None:
        self._pending = False
        if not self.is_attached:  # the screen went away meanwhile (lock, quit)
            return
        try:
            screen_keys, pinned = self.keys()
        except (NoScreen, NoMatches):  # the screen is being taken down while it is asked
            return
        shown = (tuple(screen_keys), tuple(pinned))
        if shown == self._shown and self.children:
            return
        self._shown = shown
        await self.recompose()

    def compose(self) -> ComposeResult:
        if self._shown is None:  # before the first bindings_changed: nothing to show yet
            return
        screen_keys, pinned = self._shown
        for key in screen_keys:  # type: ignore[attr-defined]
            yield self._footer_key(key)
        if pinned:
            with HorizontalGroup(classes="footer-pinned"):  # docked right, side by side
                for key in pinned:  # type: ignore[attr-defined]
                    yield self._footer_key(key)

    @staticmethod
    def _footer_key(key: Shown) -> FooterKey:
        return FooterKey(key.key, key.key_display, key.description, key.action,
                         disabled=not key.enabled, tooltip=key.tooltip or key.description,
                         ).data_bind(compact=Footer.compact)  # not compact: Shown.width
