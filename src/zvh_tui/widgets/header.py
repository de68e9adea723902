"""The header on every screen: app name, profile name and whether the profile is unlocked.

Shows the profile's short name only (never a full path: the screen may be projected in a
meeting) and follows the app's `is_unlocked` state, so a lock is visible at once, and its
`projector` state: "MEEKIJKEN" in words while projector mode is on.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from zvh_tui import APP_NAME
from zvh_tui.core.i18n import N_, _
from zvh_tui.services.shared.text import visible

# Marked here, translated where shown (`_()`).
UNLOCKED = N_("ontgrendeld")
LOCKED = N_("vergrendeld")
PROJECTING = N_("MEEKIJKEN")


class ProfileHeader(Horizontal):
    DEFAULT_CSS = """
    ProfileHeader {
        dock: top;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    ProfileHeader > Static { width: auto; padding: 0 1; }
    ProfileHeader > #header-title { text-style: bold; }
    ProfileHeader > #header-profile { width: 1fr; content-align: center middle; }
    ProfileHeader > #header-state { color: $text-warning; }
    ProfileHeader > #header-state.-unlocked { color: $text-success; }
    ProfileHeader > #header-projector { display: none; text-style: bold reverse; color: $text-warning; }
    ProfileHeader > #header-projector.-on { display: block; }
    """

    def compose(self) -> ComposeResult:
        yield Static(APP_NAME, id="header-title", markup=False)
        yield Static(self._profile_text(), id="header-profile", markup=False)
        yield Static(_(PROJECTING), id="header-projector", markup=False)
        yield Static(_(LOCKED), id="header-state", markup=False)

    def _profile_text(self) -> str:
        return visible(_("profiel: {name}").format(name=self.app.profile.name))

    def show_language(self) -> None:
        """The language changed (Instellingen): the same header in the new words."""
        self.query_one("#header-profile", Static).update(self._profile_text())
        self.query_one("#header-projector", Static).update(_(PROJECTING))
        self._show_state(bool(getattr(self.app, "is_unlocked", False)))

    def on_mount(self) -> None:
        self.watch(self.app, "is_unlocked", self._show_state)
        if hasattr(self.app, "projector"):
            self.watch(self.app, "projector", self._show_projector)

    def _show_projector(self, on: bool) -> None:
        self.query_one("#header-projector", Static).set_class(on, "-on")

    def _show_state(self, unlocked: bool) -> None:
        state = self.query_one("#header-state", Static)
        state.update(_(UNLOCKED) if unlocked else _(LOCKED))
        state.set_class(unlocked, "-unlocked")
