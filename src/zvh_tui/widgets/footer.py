"""The footer of every screen: its keys, with F1 Help and Ctrl+Q Afsluiten always in view.

Textual's Footer lists the keys left to right and cuts off what does not fit; at 80 columns
that was F1 and Ctrl+Q, the two keys a new user needs most. Here those two are docked at the
right edge, beside Ctrl+P Opdrachten, so a narrow terminal cuts a screen key instead.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.css.query import NoMatches
from textual.dom import NoScreen
from textual.screen import Screen
from textual.widgets import Footer

from zvh_tui.compat.textual import FooterKey, mark_footer_bindings_ready

# Actions of the app whose keys are never cut off (binding ids app.help and app.quit).
PINNED_ACTIONS = ("help", "quit")


class QuickFooter(Footer):
    """Textual's Footer, rebuilt only when the keys it shows really change.

    The stock Footer recomposes (one FooterKey per key, each styled anew) on every change of
    bindings; opening a screen fires that three or four times (resume, focus, …), mostly
    without any difference in what it shows. This one rebuilds at most once per refresh, and
    not at all when the shown keys, their labels and their greyed state are the same: the
    same footer, tens of milliseconds less per screen switch.
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
        if self.is_attached and screen is self.screen and not self._pending:
            self._pending = True
            self.call_after_refresh(self._recompose_once)

    def _keys_shown(self) -> tuple[object, ...]:
        return tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip)
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show or binding.action == "command_palette"
        )

    async def _recompose_once(self) -> None:
        self._pending = False
        if not self.is_attached:  # the screen went away meanwhile (lock, quit)
            return
        try:
            shown = self._keys_shown()
        except (NoScreen, NoMatches):  # the screen is being taken down while it is asked
            return
        if shown == self._shown and self.children:
            return
        self._shown = shown
        await self.recompose()

    def compose(self) -> ComposeResult:
        pinned: list[FooterKey] = []
        for widget in super().compose():
            if isinstance(widget, FooterKey) and (widget.action in PINNED_ACTIONS
                                                  or widget.has_class("-command-palette")):
                pinned.append(widget)
            else:
                yield widget
        if pinned:
            order = [*PINNED_ACTIONS, "command_palette"]
            pinned.sort(key=lambda key: order.index(key.action) if key.action in order else 99)
            for key in pinned:  # one group docks right; the keys inside it sit side by side
                key.remove_class("-command-palette")
            with HorizontalGroup(classes="footer-pinned"):
                yield from pinned
