"""Unlock (or create) the profile's encrypted database.

The only screen shown while the profile is locked, so it shows nothing but the profile's short
name. Key derivation takes about 0.3 s, so it runs in a thread worker while the screen says
"Bezig met ontgrendelen…". After a wrong passphrase the next try waits 1, 2, 4 … 30 seconds
(a countdown, input disabled; the event loop never blocks), to slow down guessing on a lost laptop;
the wait is kept in the profile's state folder (services/safety/unlock_delay.py), so a restart continues
it. A full or read-only disk is not a try: its message shows and the profile stays locked.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, Label, Static

from zvh_tui import workers
from zvh_tui.core.errors import UnlockDelayed, ValidationError, WrongPassphrase, ZvhError
from zvh_tui.core.i18n import N_, _, ngettext
from zvh_tui.services.safety.passphrase import MIN_PASSPHRASE_LENGTH, check_new_passphrase
from zvh_tui.services.safety.profile import Profile
from zvh_tui.services.shared import identity
from zvh_tui.widgets.footer import QuickFooter
from zvh_tui.widgets.header import ProfileHeader

WORKER_GROUP = "unlock"
# Marked here, translated where shown (`_()`).
REPEAT_HINT = N_("Typ hetzelfde wachtwoord nog een keer, ter controle.")
NAME_HINT = N_("Enter maakt het profiel aan (de naam mag leeg blijven).")


@workers.message
class UnlockEnded(Message):
    error: ZvhError | None  # None: the profile is open


class UnlockScreen(Screen[None]):
    """Ask for the passphrase (twice for a new profile) and unlock in a worker."""

    CSS_PATH = "unlock.tcss"
    AUTO_FOCUS = "#passphrase"
    # below 30 rows the box drops its spacing, so the new-profile form fits in 80x24
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]
    FOOTER_KEYS = ()  # the footer: only F1 Help and Ctrl+Q App afsluiten (widgets/footer.py)

    def __init__(self) -> None:
        super().__init__()
        self._creating = not self.app.profile.exists
        # A database that has gone beside its backups is never offered as a new profile.
        self._gone = self.app.profile.creation_refusal() if self._creating else None
        self._busy = False
        self._remaining = 0
        self._countdown: Timer | None = None

    # -- layout -----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield ProfileHeader()
        with Vertical(id="unlock-box", classes="gone" if self._gone is not None else ""):
            if self._gone is not None:
                yield Static(_("Database ontbreekt"), id="unlock-title", markup=False)
                yield Static(str(self._gone), id="unlock-explain", markup=False)
                yield Static(_("Sluit af met Ctrl+Q en geef die opdracht in de terminal."),
                             id="unlock-status", markup=False)
            elif self._creating:
                yield Static(_("Nieuw profiel"), id="unlock-title", markup=False)
                yield Static(
                    _("Kies een wachtwoordzin van minstens {n} tekens die "
                      "niet makkelijk te raden is, bijvoorbeeld drie of vier losse woorden. "
                      "Alle gegevens in dit profiel worden ermee versleuteld; zonder dit "
                      "wachtwoord zijn ze niet terug te halen.").format(n=MIN_PASSPHRASE_LENGTH),
                    id="unlock-explain",
                    markup=False,
                )
                yield Label(_("Nieuw wachtwoord"), markup=False)
                yield Input(password=True, id="passphrase")
                yield Label(_("Herhaal het wachtwoord"), markup=False)
                yield Input(password=True, id="repeat")
                yield Label(_("Uw naam (mag leeg; kan later bij Instellingen, F9)"), markup=False)
                yield Input(id="user_name", placeholder=self.app.profile.settings.user_name())
            else:
                yield Static(_("Profiel vergrendeld"), id="unlock-title", markup=False)
                yield Static(
                    _("Vul het wachtwoord in om het profiel te ontgrendelen."),
                    id="unlock-explain",
                    markup=False,
                )
                yield Label(_("Wachtwoord"), markup=False)
                yield Input(password=True, id="passphrase")
            if self._gone is None:
                yield Static("", id="unlock-message", markup=False)
                yield Static("", id="unlock-status", markup=False)
        yield QuickFooter()

    def on_mount(self) -> None:
        if self._gone is not None:
            return
        # A lock during a countdown must not reset the wait: continue where it was.
        pending = self.app.unlock_wait_until - self.app.clock()
        if pending > 0:
            self._start_countdown(int(pending + 0.999))
        else:
            self._replay_typed_ahead()

    def _replay_typed_ahead(self) -> None:
        """A passphrase typed while the app was starting goes into the fields, Enter included.

        The terminal never echoed it (zvh_tui.core.terminal); each Enter submits as a key would.
        """
        typed = self.app.take_typed_ahead()
        if not typed:
            return
        parts = re.split("[\r\n]", typed)
        passphrase = self._field("passphrase")
        passphrase.value = parts[0]
        passphrase.cursor_position = len(parts[0])  # typing on goes after it
        if len(parts) == 1:
            return
        if self._creating and len(parts) > 2:
            self._field("repeat").value = parts[1]
            self._create()
            return
        self._passphrase_submitted()
        if self._creating:
            repeat = self._field("repeat")
            repeat.value = parts[1]
            repeat.cursor_position = len(parts[1])

    # -- input ------------------------------------------------------------------------------
    @property
    def _inputs(self) -> list[Input]:
        return list(self.query(Input))

    def _field(self, name: str) -> Input:
        return self.query_one(f"#{name}", Input)

    @on(Input.Submitted, "#passphrase")
    def _passphrase_submitted(self) -> None:
        if self._busy or self._remaining:
            return
        passphrase = self._field("passphrase").value
        if not self._creating:
            if not passphrase:
                self._show_message(_("Vul het wachtwoord in."))
                return
            profile = self.app.profile
            self._begin_unlock(lambda: profile.unlock(passphrase), _("Bezig met ontgrendelen…"))
            return
        try:
            check_new_passphrase(passphrase)
        except ValidationError as error:
            self._refuse(error)
            return
        self._show_message("")
        repeat = self._field("repeat")
        if repeat.value:
            self._create()
        else:
            self._show_status(_(REPEAT_HINT))
            repeat.focus()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if event.widget.id == "user_name" and not self._busy:
            self._show_status(_(NAME_HINT))

    @on(Input.Submitted, "#repeat")
    @on(Input.Submitted, "#user_name")
    def _create(self) -> None:
        if self._busy:
            return
        passphrase = self._field("passphrase").value
        repeated = self._field("repeat").value
        try:
            check_new_passphrase(passphrase, repeated)
            name = identity.check_user(self._field("user_name").value)
        except ValidationError as error:
            self._refuse(error)
            return
        profile = self.app.profile
        self._begin_unlock(
            lambda: identity.create_profile(profile, passphrase, repeated, name),
            _("Bezig met het versleutelde profiel aanmaken…"),
        )

    def _refuse(self, error: ValidationError) -> None:
        """Show why a new passphrase is refused and put the cursor where it must be fixed."""
        self._show_message(str(error))
        self._show_status("")
        if error.field == "user":
            self._field("user_name").focus()
            return
        repeat = self._field("repeat")
        repeat.value = ""
        if error.field == "repeat":
            repeat.focus()
        else:
            passphrase = self._field("passphrase")
            passphrase.value = ""
            passphrase.focus()

    def _show_message(self, text: str) -> None:
        self.query_one("#unlock-message", Static).update(text)

    def _show_status(self, text: str) -> None:
        self.query_one("#unlock-status", Static).update(text)

    def _set_enabled(self, enabled: bool) -> None:
        for field in self._inputs:
            field.disabled = not enabled
        if enabled:
            self._field("passphrase").focus()

    # -- unlocking in a worker --------------------------------------------------------------
    def _begin_unlock(self, job: Callable[[], None], status: str) -> None:
        self._busy = True
        self._show_message("")
        self._show_status(status)
        for field in self._inputs:
            field.value = ""  # the passphrase lives on only in the worker's closure
        self._set_enabled(False)
        self._unlock(self.app.profile, job)

    @workers.thread_worker(group=WORKER_GROUP, title=N_("Ontgrendelen mislukt"), database=False)
    def _unlock(self, profile: Profile, job: Callable[[], None]) -> UnlockEnded:
        """In the worker thread: unlock, then close this thread's own connection."""
        try:
            job()
        except ZvhError as error:  # a wrong passphrase, a full disk: said on this screen
            return UnlockEnded(error)
        store = profile.store
        if store is not None:
            store.database.close()  # Peewee keeps one connection per thread
        return UnlockEnded(None)

    def on_unlock_ended(self, ended: UnlockEnded) -> None:
        if ended.error is None:
            self._show_status(_("Ontgrendeld."))
            self.app.unlock_succeeded()
        else:
            self._failed(ended.error)

    def on_worker_failed(self, failed: workers.WorkerFailed) -> None:
        """An unexpected error (the app shows its error id): the profile stays locked and the
        passphrase can be typed again."""
        if failed.group == WORKER_GROUP:
            self._busy = False
            self._show_status("")
            self._set_enabled(True)

    def show_error(self, error: ZvhError) -> None:
        """An error found after the profile had opened (the deferred check, app.py): said here,
        where the passphrase can be typed again."""
        self._failed(error)

    def _failed(self, error: ZvhError) -> None:
        self._busy = False
        self._show_message(str(error))
        self._show_status("")
        if isinstance(error, WrongPassphrase):
            delay = self.app.note_failed_unlock()
            self._start_countdown(delay)
        elif isinstance(error, UnlockDelayed):  # a wait from before a restart, or another zvh
            delay = max(1, math.ceil(error.seconds))
            self.app.unlock_wait_until = self.app.clock() + delay
            self._show_message("")
            self._start_countdown(delay)
        else:  # a full or read-only disk, a damaged file: not a try, the profile stays locked
            self._set_enabled(True)

    # -- waiting after a wrong passphrase ---------------------------------------------------
    def _start_countdown(self, seconds: int) -> None:
        self._remaining = seconds
        self._set_enabled(False)
        self._show_countdown()
        if self._countdown is not None:
            self._countdown.stop()
        self._countdown = self.set_interval(1.0, self._count_down)

    def _show_countdown(self) -> None:
        self._show_status(ngettext("Probeer het opnieuw over {n} seconde.",
                                   "Probeer het opnieuw over {n} seconden.",
                                   self._remaining).format(n=self._remaining))

    def _count_down(self) -> None:
        self._remaining -= 1
        if self._remaining > 0:
            self._show_countdown()
            return
        self._remaining = 0
        if self._countdown is not None:
            self._countdown.stop()
            self._countdown = None
        self._show_status("")
        self._set_enabled(True)
