"""The Textual application: modes (top-level areas), lock and unlock, help, safe crashes.

The app holds one `Profile`. While it is locked, only the "locked" mode (the unlock screen)
exists; locking throws away the screen stacks of every other mode, so no client data stays on
screen or in widgets. Crashes go through `widgets.crash_guard.SafeCrashMixin` (no traceback, no locals).
"""

from __future__ import annotations

import asyncio
import math
import os
import signal
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import ClassVar

from textual import events
from textual.app import App, InvalidModeError, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen
from textual.theme import ThemeProvider
from textual.widgets import Input, TextArea

from zvh_tui import APP_NAME, workers
from zvh_tui.compat.textual import all_screens, mode_is_built
from zvh_tui.core import crash, i18n
from zvh_tui.core.errors import StoreClosing, ZvhError
from zvh_tui.core.i18n import N_, _, tr
from zvh_tui.palette import (
    PLACEHOLDER,
    THEME_PLACEHOLDER,
    CaseCommands,
    PartnerCommands,
    ZvhCommandPalette,
)
from zvh_tui.screens.shell.blank import AUDIT_HIDDEN, BLANK_ID, projector_case_of
from zvh_tui.screens.shell.help import HelpScreen, help_sections
from zvh_tui.screens.shell.unlock import UnlockScreen
from zvh_tui.services.meetings import projector
from zvh_tui.services.safety.profile import ENV_PASSPHRASE, Profile, retry_delay
from zvh_tui.services.shared import disclosure
from zvh_tui.services.shared.text import paste_refusal, visible
from zvh_tui.themes import THEMES
from zvh_tui.typeahead import TypeAheadMixin
from zvh_tui.widgets import output_guard, paste_guard
from zvh_tui.widgets.crash_guard import SafeCrashMixin
from zvh_tui.widgets.drafts import save_all_drafts

# Logging out, shutting down (SIGTERM) and closing the terminal window (SIGHUP) end the app the
# way Ctrl+Q does: the field being typed is saved, the lock event written, the WAL checkpointed.
STOP_SIGNALS = ("SIGTERM", "SIGHUP")

LOCKED_MODE = "locked"
LANGUAGE_MODE = "language"  # a moment's empty mode while an area is built again in a new language
IDLE_CHECK_SECONDS = 5.0


@workers.message
class BackupFinished(Message):
    """A backup worker's result: made when `problem` and `warning` are both empty."""

    then_exit: bool
    problem: str = ""  # a failure, said as an error
    warning: str = ""  # stopped by a lock or close: nothing went wrong


@workers.message
class CheckFailed(Message):
    """The database failed its check after it had opened (services/safety/profile.py,
    `DeferredCheck`): every write is refused already; the app locks and says why."""

    error: ZvhError


# The areas' screens are imported when first shown: the unlock screen appears without them.
def _case_list() -> Screen:
    from zvh_tui.screens.cases.case_list import CaseListScreen

    return CaseListScreen()


def _partner_roster() -> Screen:
    from zvh_tui.screens.partners.partner_roster import PartnerRosterScreen

    return PartnerRosterScreen()


def _meetings() -> Screen:
    from zvh_tui.screens.meetings.meetings import MeetingsScreen

    return MeetingsScreen()


def _keeps_unsaved_input(screen: Screen) -> bool:
    """A screen F2 must not close: a dialog (a question or a form) or a form screen that holds
    what was typed until it is saved (`KEEPS_UNSAVED_INPUT = True`)."""
    return isinstance(screen, ModalScreen) or bool(getattr(screen, "KEEPS_UNSAVED_INPUT", False))


class ZvhApp(SafeCrashMixin, TypeAheadMixin, App[None]):
    TITLE = APP_NAME  # never client data: some terminals show the title in the window bar
    CSS_PATH = "app.tcss"

    # The top-level areas, each an independent screen stack (a half-filled dialog survives a
    # detour to another area). This dict is the one place to register an area:
    #
    #     from zvh_tui.screens.partners import PartnersScreen
    #     MODES = {..., "partners": PartnersScreen}
    #
    # then add a binding or palette command that calls `self.app.switch_mode("partners")`.
    # Every mode except LOCKED_MODE holds client data: locking discards its screens, and the
    # mode's base screen is built afresh (from this dict) after the next unlock.
    MODES: ClassVar[dict[str, str | Callable[[], Screen]]] = {
        LOCKED_MODE: UnlockScreen,
        "cases": _case_list,
        "partners": _partner_roster,  # ketenpartners (F3)
        "meetings": _meetings,  # overleggen (F4)
    }
    MAIN_MODE = "cases"  # the area shown right after unlocking

    # Ctrl+P: Textual's system commands (in Dutch, see get_system_commands) and our finders for
    # cases and partners by name or number (zvh_tui.palette).
    COMMANDS = App.COMMANDS | {CaseCommands, PartnerCommands}

    BINDINGS = [
        Binding("f1", "help", N_("Help"), id="app.help"),
        Binding("f2", "cases", N_("Casussen"), id="app.cases"),
        Binding("f3", "partners", N_("Partners"), id="app.partners"),
        Binding("f4", "meetings", N_("Overleggen"), id="app.meetings"),
        Binding("f9", "settings", N_("Instellingen"), show=False, id="app.settings"),
        Binding("ctrl+l", "lock", N_("Vergrendel"), id="app.lock", priority=True),
        Binding("ctrl+q", "quit", N_("App afsluiten"), id="app.quit", priority=True),
        Binding("ctrl+p", "command_palette", N_("Opdrachten"), show=False, id="app.command_palette",
                priority=True),
        # Projector mode (MEEKIJKEN) and the privacy blank: priority, so they work in every
        # field, list and dialog, at once (screens.md "Projector mode").
        Binding("f8", "projector", N_("Meekijken aan/uit"), show=False, id="app.projector", priority=True),
        Binding("ctrl+o", "blank", N_("Scherm verbergen"), show=False, id="app.blank", priority=True),
    ]

    is_unlocked: reactive[bool] = reactive(False)
    # Projector mode (MEEKIJKEN): the one app-wide state. The header shows it, every screen
    # watches it and draws itself again under `disclosure.screen()` (set here first).
    projector: reactive[bool] = reactive(False, init=False)

    def __init__(self, profile: Profile, *, clock: Callable[[], float] = time.monotonic,
                 typed_ahead: str = "", start_meeting: int | None = None) -> None:
        super().__init__()
        self.profile = profile
        # `zvh meeting live N`: the live mode of meeting N right after unlocking; set again by
        # a lock while a meeting is live, so the unlock brings the regisseur back into it.
        self.start_meeting = start_meeting
        self.typed_ahead = typed_ahead  # typed before the app was up (zvh_tui.core.terminal)
        self._settings_told = False
        self.clock = clock
        self.failed_unlocks = 0
        # clock() value before which no new try is accepted; a wait from before a restart
        # (kept in the profile's state folder, issue 10.7) continues here.
        self.unlock_wait_until = clock() + profile.unlock_delay.remaining()
        self._stop_signal: int | None = None
        self._last_activity = clock()
        self._theme_loaded = False
        for theme in THEMES:  # before on_mount, which applies the profile's theme
            self.register_theme(theme)
        crash.setup_logging(self.crash_log_file)
        output_guard.install()  # no control character in any text reaches the terminal
        paste_guard.install()  # a paste arrives whole, ESC and NUL included

    @property
    def crash_log_file(self) -> Path:  # type: ignore[override]
        return self.profile.paths.log_file

    @property
    def data_modes(self) -> list[str]:
        return [mode for mode in self.MODES if mode != LOCKED_MODE]

    # -- start and stop ---------------------------------------------------------------------
    async def on_mount(self) -> None:
        theme = self.profile.settings.theme
        if theme in self.available_themes:
            self.theme = theme
        self._theme_loaded = True
        if self.profile.settings.keymap:  # users remap keys by their binding ids
            self.set_keymap(self.profile.settings.keymap)
        if self.profile.unlocked:
            self._watch_deferred_check()
            await self._show_main()
            if os.environ.get(ENV_PASSPHRASE):  # unlocked just now, by the zvh command
                self.backup_if_due()
        else:
            await self.switch_mode(LOCKED_MODE)
        self.set_interval(IDLE_CHECK_SECONDS, self.check_idle_lock, name="idle lock")
        self._signal_handlers(install=True)

    def on_unmount(self) -> None:
        self._signal_handlers(install=False)
        self.profile.close()

    def _signal_handlers(self, *, install: bool) -> None:
        """SIGTERM and SIGHUP through the event loop (not on Windows, which has neither)."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        for name in STOP_SIGNALS:
            signum = getattr(signal, name, None)
            if signum is None:
                continue
            try:
                if install:
                    loop.add_signal_handler(signum, self.stop_by_signal, signum)
                else:
                    loop.remove_signal_handler(signum)
            except (NotImplementedError, RuntimeError, ValueError):  # Windows; not main thread
                continue

    def stop_by_signal(self, signum: int) -> None:
        """Quit as Ctrl+Q does, without the backup first: a logout or a closed terminal waits
        for no one. Unmounting saves what is being typed (each screen's save on unmount), then
        `on_unmount` locks (audit event) and closes the database (which checkpoints the WAL)."""
        if self._stop_signal is not None:
            return
        self._stop_signal = signum
        self.exit(return_code=128 + signum)

    def watch_theme(self, theme: str) -> None:
        """Remember the chosen theme (a setting, no client data)."""
        if self._theme_loaded and self.profile.settings.theme != theme:
            self.profile.settings.theme = theme
            try:
                self.profile.save_settings()
            except (OSError, ValueError):
                self.notify(_("Het thema kon niet worden bewaard."), severity="warning")

    # -- the language (Instellingen) -----------------------------------------------------------
    async def apply_language(self, code: str) -> None:
        """Instellingen: use `code` ("nl", "en") from now on and keep it in settings.json.

        Nothing typed is lost: the screen on show that can (`show_language`: Instellingen) is
        built again in the new language with what was typed; the footer and header follow at
        once; an area whose stack is its list alone is built again when next shown; a screen
        with unsaved input, a dialog or a live meeting stays as it is, in the old language,
        until it is closed and opened again (said in a notice)."""
        language = i18n.set_language(code)
        settings = self.profile.settings
        if settings.language != language:
            old, settings.language = settings.language, language
            try:
                self.profile.save_settings()
            except (OSError, ValueError, ZvhError):
                settings.language = old
                self.notify(_("De taal kon niet worden bewaard; hij geldt tot het afsluiten."),
                            severity="warning", markup=False)
        self.refresh_bindings()  # the footers translate the keys as they are drawn
        for screen in all_screens(self):
            for widget in screen.query("ProfileHeader, QuickFooter"):
                show = getattr(widget, "show_language", None)
                if callable(show):
                    show()
        shown = getattr(self.screen, "show_language", None)
        if callable(shown):
            await shown()
        for mode in self.data_modes:
            if mode != self.current_mode:
                await self._discard_mode(mode, only_if_bare=True)
        self.notify(_("De taal is nu Nederlands. Een scherm dat al open stond, toont die taal "
                      "zodra u het opnieuw opent."), markup=False)

    async def refresh_current_mode(self) -> None:
        """After the language changed: the current area built again when it shows only its
        own list (nothing typed, no dialog, no live meeting), so it reads in the new language."""
        mode = self.current_mode
        if mode not in self.data_modes or not self.profile.unlocked or len(self.screen_stack) != 1:
            return
        if _keeps_unsaved_input(self.screen):
            return
        try:
            self.add_mode(LANGUAGE_MODE, Screen)  # an empty screen for the moment of the swap
        except InvalidModeError:  # left from a swap that did not end
            pass
        await self.switch_mode(LANGUAGE_MODE)
        try:
            await self._discard_mode(mode)
        finally:
            await self.switch_mode(mode)
            await self.remove_mode(LANGUAGE_MODE)

    # -- unlock -----------------------------------------------------------------------------
    def unlock_succeeded(self) -> None:
        """Called by the unlock screen; the switch runs on the app's own message queue."""
        if not self.profile.unlocked:  # the screen's worker ended, but the profile did not open
            return
        self.failed_unlocks = 0
        self.unlock_wait_until = 0.0
        self.call_later(self._show_main)
        self.call_later(self.backup_if_due)  # issue 6: when the last backup is a day old

    def _watch_deferred_check(self) -> None:
        """Opened with the check still running (a passphrase handed over): a failure locks."""
        check = self.profile.deferred_check
        if check is None:
            return

        def ended(problem: ZvhError | None) -> None:  # in the check's thread, or now
            if problem is not None and not isinstance(problem, StoreClosing):
                self.post_message(CheckFailed(problem))

        check.when_done(ended)

    async def on_check_failed(self, failed: CheckFailed) -> None:
        """Lock (nothing can be written any more), then say what is wrong on the unlock screen
        and in a notice that stays until it is closed."""
        if self.profile.unlocked:
            await self.lock_now()
        screen = self.screen
        if isinstance(screen, UnlockScreen):
            screen.show_error(failed.error)
        self.notify(str(failed.error), title=_("Database beschadigd"), severity="error",
                    timeout=3600, markup=False)

    def note_failed_unlock(self) -> int:
        """After a wrong passphrase (counted by `Profile.unlock` in the state folder): how many
        seconds the next try must wait."""
        self.failed_unlocks += 1
        # The stored wait; the one counted here when the state folder cannot be written.
        wait = max(self.profile.unlock_delay.remaining(), float(retry_delay(self.failed_unlocks)))
        delay = max(1, math.ceil(wait))
        self.unlock_wait_until = self.clock() + delay
        return delay

    async def _show_main(self) -> None:
        if not self.profile.unlocked:
            return  # never a data mode before the profile has fully opened (issue 10.6)
        self.is_unlocked = True
        self._last_activity = self.clock()
        await self.switch_mode(self.MAIN_MODE)
        await self._discard_mode(LOCKED_MODE)  # its inputs held the passphrase
        self.refresh_bindings()
        self.call_after_refresh(self._tell_settings_problems)  # after the first rows show
        if self.start_meeting is not None:  # `zvh meeting live N`, or live when it locked
            meeting_id, self.start_meeting = self.start_meeting, None
            self.start_live(meeting_id)

    def take_typed_ahead(self) -> str:
        """For the unlock screen, once: what was typed while the app was starting."""
        text, self.typed_ahead = self.typed_ahead, ""
        return text

    def _tell_settings_problems(self) -> None:
        """An unreadable settings.json or an unknown key id: said once, after unlock."""
        if self._settings_told:
            return
        self._settings_told = True
        from zvh_tui import keymap

        for text in keymap.settings_notices(self.profile.settings):
            self.notify(text, title=_("Instellingen"), severity="warning", timeout=30, markup=False)

    async def _discard_mode(self, mode: str, *, only_if_bare: bool = False) -> None:
        """Throw away a mode's screens; its base screen is rebuilt on the next switch.
        `only_if_bare`: only when no mode holds more than its base screen (nothing open above a
        list that could hold what was typed: the screens of the modes are not told apart)."""
        if mode == self.current_mode or not mode_is_built(self, mode):
            return
        if only_if_bare and not self._other_modes_bare():
            return
        await self.remove_mode(mode)
        self.add_mode(mode, self.MODES[mode])

    def _other_modes_bare(self) -> bool:
        """Whether every mode but the current one holds just its base screen, with nothing
        typed in it (a form base screen, a live meeting)."""
        others = [screen for screen in all_screens(self) if screen not in self.screen_stack]
        built = [mode for mode in self.MODES if mode != self.current_mode and mode_is_built(self, mode)]
        return len(others) <= len(built) and not any(
            _keeps_unsaved_input(screen) or getattr(screen, "resume_meeting_id", None) is not None
            for screen in others)

    # -- lock -------------------------------------------------------------------------------
    def action_lock(self) -> None:
        if self.profile.unlocked:
            self.call_later(self.lock_now)

    async def lock_now(self) -> None:
        """Hide and discard every screen with client data, then close the database."""
        if not self.profile.unlocked:
            return
        live = [screen.resume_meeting_id for screen in all_screens(self)
                if getattr(screen, "resume_meeting_id", None) is not None]
        if live:  # a meeting in live mode comes back after the unlock (its draft line with it)
            self.start_meeting = live[0]
        self.save_drafts()  # every open form, while its fields are still there
        await self._discard_mode(LOCKED_MODE)
        await self.switch_mode(LOCKED_MODE)
        for mode in self.data_modes:
            await self._discard_mode(mode)  # unmount handlers may still save an edit
        self.clear_notifications()  # a toast may name a client
        self.profile.lock()
        self.is_unlocked = False
        self.refresh_bindings()  # hide the keys that need an unlocked profile

    def save_drafts(self) -> int:
        """Save the draft of every open form in every area (widgets/drafts.py), before a lock
        or a quit takes the screens down; return how many forms. Only while unlocked."""
        if not self.profile.unlocked:
            return 0
        return save_all_drafts(all_screens(self))

    def exit(self, result: object = None, return_code: int = 0, message: object = None) -> None:
        """Every way out (Ctrl+Q, a stop signal, the palette) saves the open forms' drafts."""
        self.save_drafts()
        super().exit(result, return_code, message)  # type: ignore[arg-type]

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Every notification (screens' and widgets' too): control characters in the text, which
        may name a stored client or partner, are shown as symbols. In projector mode the names
        of the case on screen are shortened to initials, numbers and contact details masked."""
        if self.projector:
            names = self._projector_names()
            message = disclosure.mask_text(str(message), names)
            title = disclosure.mask_text(title, names)
        super().notify(visible(message, multiline=True), title=visible(title), severity=severity,
                       timeout=timeout, markup=markup)

    # -- projector mode (MEEKIJKEN) and the privacy blank -----------------------------------
    def _projector_names(self) -> tuple[str, ...]:
        """The names (persons, naam of alias, addresses) of the case on screen, to mask."""
        case_id = projector_case_of(self.screen_stack)
        if case_id is None or not self.profile.unlocked:
            return ()
        try:
            return projector.case_names(case_id)
        except ZvhError:
            return ()

    def action_projector(self) -> None:
        """F8 or /projector: projector mode on or off (no passphrase; each switch is logged)."""
        if self.profile.unlocked:
            self.projector = not self.projector

    def watch_projector(self, on: bool) -> None:
        """First the one switch of disclosure, then the screens (their own watchers) redraw."""
        disclosure.set_screen(disclosure.Disclosure.MEETING if on else disclosure.Disclosure.FULL)
        if on:
            self.clear_notifications()  # a toast from before may name the client
        if self.profile.unlocked:
            try:
                projector.record_switch(on)
            except ZvhError as error:
                self.show_refusal(error, _("Niet vastgelegd"))
        super().notify(_("Meekijken staat aan: het scherm toont alleen wat de tafel mag zien.")
                       if on else _("Meekijken staat uit."), title=_("Meekijken"), timeout=4)

    def action_blank(self) -> None:
        """Ctrl+O: the screen blank at once; Ctrl+O again brings it back."""
        from zvh_tui.screens.shell.blank import BlankScreen

        if isinstance(self.screen, BlankScreen):
            self.pop_screen()
        else:
            self.push_screen(BlankScreen())

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Paste) and not event.is_forwarded and self._refuse_paste(event):
            return
        if isinstance(event, (events.Key, events.MouseDown, events.MouseScrollDown,
                              events.MouseScrollUp)):
            self._last_activity = self.clock()
        await super().on_event(event)

    def _refuse_paste(self, event: events.Paste) -> bool:
        """A paste into a text field goes in exactly or not at all: refused with the reason
        when a one-line field would cut it at the first line or it holds a control character."""
        focused = self.focused
        if not isinstance(focused, (Input, TextArea)):
            return False
        pasted = paste_guard.restore(event.text)
        refusal = paste_refusal(pasted, multiline=isinstance(focused, TextArea))
        if refusal is None:
            return False
        self.notify(refusal, title=_("Niet geplakt"), severity="warning", markup=False, timeout=8)
        return True

    def check_idle_lock(self) -> None:
        """Lock after the profile's idle time (settings: 1-15 minutes, default 5)."""
        idle_seconds = 60 * self.profile.settings.idle_lock_minutes
        if self.profile.unlocked and self.clock() - self._last_activity >= idle_seconds:
            self.call_later(self.lock_now)

    # -- keys, help and the command palette -------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("command_palette", "help", "projector") and self.screen.id == BLANK_ID:
            return False  # the blank screen shows nothing, and stays blank
        if action == "projector" and not self.profile.unlocked:
            return False
        if action == "lock" and not self.profile.unlocked:
            return None  # greyed in the footer
        if action == "command_palette" and not self.profile.unlocked:
            return False  # providers may search client data
        if action in ("partners", "cases", "meetings") and not self.profile.unlocked:
            return False  # nothing to go to while locked: not shown on the unlock screen
        if action in ("settings", "audit_log", "retention") and not self.profile.unlocked:
            return None
        return True

    # -- safety: settings, logboek, vernietigingsvoorstel, automatic backups (issue 6) -------
    def action_settings(self) -> None:
        """F9: Instellingen (auto-lock, backups, bewaartermijn, names of meetings)."""
        from zvh_tui.screens.shell.settings import SettingsScreen

        if self.profile.unlocked and not isinstance(self.screen, SettingsScreen):
            self.push_screen(SettingsScreen())

    def action_audit_log(self) -> None:
        from zvh_tui.screens.safety.audit_log import AuditLogScreen

        if self.projector:
            self.show_refusal(_(AUDIT_HIDDEN), _("Logboek verborgen"))
        elif self.profile.unlocked:
            self.push_screen(AuditLogScreen())

    def action_retention(self) -> None:
        from zvh_tui.screens.safety.retention import RetentionScreen

        if self.profile.unlocked:
            self.push_screen(RetentionScreen())

    def backup_if_due(self) -> None:
        """A verified backup in a worker when the newest one is older than a day."""
        from zvh_tui.services.safety import backup

        if self.profile.unlocked and backup.backup_due(self.profile.paths.backups):
            self.start_backup()

    def start_backup(self, then_exit: bool = False) -> None:
        self._backup_job(then_exit)

    @workers.thread_worker(group="auto-backup", exclusive=False, title=N_("Back-up mislukt"),
                           database=False)  # its own connection below: a quit always goes on
    def _backup_job(self, then_exit: bool) -> BackupFinished:
        """In a worker thread: one backup; says how it went (ids only in the log)."""
        from zvh_tui.core.errors import StoreClosing, ZvhError
        from zvh_tui.services.safety import backup
        from zvh_tui.services.shared.session import thread_connection

        try:
            # A lock or quit in the meantime stops this backup at a safe point and waits for
            # it before closing (store/database.py).
            with thread_connection():
                if then_exit:  # after a backup that is running now, and only when needed
                    backup.backup_on_quit(self.profile)
                else:
                    backup.make_backup(self.profile)
        except StoreClosing:  # locked or closed meanwhile: said as it is, not as a fault
            # A quit goes on without a word: the user asked for it.
            return BackupFinished(then_exit, warning="" if then_exit else tr(backup.INTERRUPTED))
        except ZvhError as error:
            return BackupFinished(then_exit, _("De back-up is niet gelukt: {error}").format(error=error))
        except Exception as error:
            if not then_exit:
                raise  # the app's one handler tells it (on_worker_failed)
            # A quit goes on: the user asked for it (ids only in the log).
            return BackupFinished(then_exit, _("De back-up is niet gelukt (foutcode {code}).").format(
                code=crash.report(error, self.crash_log_file)))
        return BackupFinished(then_exit)

    def on_backup_finished(self, done: BackupFinished) -> None:
        if done.then_exit:
            from rich.text import Text

            self.exit(None, 0, Text(visible(done.problem)) if done.problem else None)
        elif done.warning:
            self.notify(done.warning, severity="warning", markup=False)
        elif done.problem:
            self.notify(done.problem, severity="error", markup=False)
        else:
            self.notify(_("Back-up gemaakt"), markup=False)

    def on_worker_failed(self, failed: workers.WorkerFailed) -> None:
        """The one handler of every worker's failure (zvh_tui.workers): a refusal (`ZvhError`)
        shows its Dutch message; anything unexpected a notice with an error id, the details in
        the log (no client data: core/crash.py). The session and the screen stay as they are."""
        from zvh_tui.core.errors import StoreClosing, ZvhError

        error = failed.error
        title = tr(failed.title)  # marked with N_() where the worker is defined
        if isinstance(error, StoreClosing):  # the profile is being locked: nothing went wrong
            if self.profile.unlocked:
                self.notify(str(error), title=title, severity="warning", markup=False)
        elif isinstance(error, ZvhError):
            self.show_refusal(error, title)
        else:
            error_id = crash.report(error, self.crash_log_file)
            text = crash.worker_failure_message(error_id) + (f" {failed.hint}" if failed.hint else "")
            self.notify(text, title=title, severity="error", timeout=30, markup=False)

    async def action_quit(self) -> None:
        """Ctrl+Q: first a backup when something was changed since the last one."""
        from zvh_tui.services.safety import backup

        if getattr(self, "_quitting", False) or not self.profile.unlocked:
            self.exit()  # a second Ctrl+Q never waits
            return
        self._quitting = True
        running = backup.running()  # the automatic one after unlock: finished before closing
        try:
            needed = backup.changed_since_last_backup()
        except Exception:  # a quit must always work
            needed = False
        if not needed and not running:
            self.exit()
            return
        self.notify(_("De lopende back-up wordt afgemaakt voor het afsluiten…") if running and not needed
                    else _("Back-up maken voor het afsluiten…"), markup=False)
        self.start_backup(then_exit=True)

    async def action_cases(self) -> None:
        """F2: the case list itself, from anywhere (screens.md), only while unlocked.

        The screens above the list in mode "cases" (dossier, plan editor, …) are closed: they
        save what is typed when they are left. A dialog or form that cannot save half-way (a
        modal question, the aanmelding form) stays open, with what was typed, and is shown."""
        if not self.profile.unlocked:
            return
        if self.current_mode != "cases":
            await self.switch_mode("cases")
        while len(self.screen_stack) > 1 and not _keeps_unsaved_input(self.screen):
            await self.pop_screen()

    async def action_partners(self) -> None:
        """F3: the partner roster (mode "partners"), only while unlocked."""
        if self.profile.unlocked and self.current_mode != "partners":
            await self.switch_mode("partners")

    async def action_meetings(self) -> None:
        """F4: the meetings area (mode "meetings"), only while unlocked."""
        if self.profile.unlocked and self.current_mode != "meetings":
            await self.switch_mode("meetings")

    def start_live(self, meeting_id: int) -> None:
        """Live mode of a meeting, on top of the meetings area (from the meetings list, an
        agenda, or an ICO started from a dossier)."""
        if self.profile.unlocked:
            self.call_later(self._start_live, meeting_id)

    async def _start_live(self, meeting_id: int) -> None:
        from zvh_tui.screens.meetings.live import LiveMeetingScreen

        if self.current_mode != "meetings":
            await self.switch_mode("meetings")
        await self.push_screen(LiveMeetingScreen(meeting_id))

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        # Our bindings carry ids (remappable, shown beside each key); Textual's own are English
        # and generic. A key that does not apply now is listed too, marked "(nu niet)".
        # A screen may put more before its keys (`help_topics()`: the live meeting's grammar).
        topics = getattr(self.screen, "help_topics", None)
        sections = help_sections(
            ((key, binding.action, _(binding.description), enabled, binding.id or "", node is self)
             for key, (node, binding, enabled, _tooltip) in self.screen.active_bindings.items()
             if binding.id and binding.description),
            topics() if callable(topics) else (),
        )
        self.push_screen(HelpScreen(sections))

    def show_refusal(self, error: BaseException | str | Iterable[str], title: str | None = None) -> None:
        """Every refusal shown the same way (issue 11.21): a dialog that stays until Enter or
        Escape, so it can be read (aloud) in full, never a toast that disappears. Successes
        ("Opgeslagen") stay toasts. Not while locked: the reason may name a client."""
        from zvh_tui.widgets.dialogs import MessageDialog

        if not self.profile.unlocked:
            return
        lines = [str(error)] if isinstance(error, (BaseException, str)) else [str(line) for line in error]
        # As in `notify`: a control character in a stored name shows as a symbol.
        heading = _("Niet gelukt") if title is None else tr(title)  # a marked title is translated
        self.push_screen(MessageDialog(visible(heading), [visible(line, multiline=True) for line in lines]))

    def action_help_quit(self) -> None:
        """Ctrl+C no longer quits: say how to."""
        self.notify(_("Afsluiten doet u met Ctrl+Q."), title=_("Wilt u afsluiten?"), markup=False)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(ZvhCommandPalette(placeholder=_(PLACEHOLDER), id="--command-palette"))

    def search_themes(self) -> None:
        """The theme picker (palette: Thema), in the language of the UI."""
        self.push_screen(ZvhCommandPalette(providers=[ThemeProvider], placeholder=_(THEME_PLACEHOLDER)))

    def action_show_help_panel(self) -> None:
        """Palette "Toetsen": Textual's keys panel, with our keys in the language of the UI."""
        from zvh_tui.widgets.key_panel import ZvhHelpPanel

        if not self.screen.query("HelpPanel"):
            self.screen.mount(ZvhHelpPanel())

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """Disabled: a screenshot file would hold client data unencrypted."""
        self.notify(_("Schermafbeeldingen zijn uitgeschakeld om cliëntgegevens te beschermen."),
                    severity="warning", markup=False)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's system commands in our words (either language), without "Screenshot"."""
        yield SystemCommand(_("Thema"), _("Kies een ander kleurenschema"), self.action_change_theme)
        yield SystemCommand(
            _("App afsluiten"), _("Sluit zvh-tui af (het profiel wordt vergrendeld; Ctrl+Q)"),
            self.action_quit
        )
        yield SystemCommand(_("Help"), _("Toon alle toetsen van dit scherm (F1)"), self.action_help)
        if screen.query("HelpPanel"):
            yield SystemCommand(_("Toetsen"), _("Verberg het toetsenpaneel"),
                                self.action_hide_help_panel)
        else:
            yield SystemCommand(_("Toetsen"), _("Toon de toetsen naast het scherm"),
                                self.action_show_help_panel)
        if self.profile.unlocked:
            yield SystemCommand(_("Vergrendelen"), _("Vergrendel het profiel nu (Ctrl+L)"),
                                self.action_lock)
            yield SystemCommand(_("Meekijken uit") if self.projector else _("Meekijken aan"),
                                _("Het scherm toont alleen wat de tafel mag zien (F8)"),
                                self.action_projector)
            yield SystemCommand(_("Scherm verbergen"), _("Het scherm leeg tot Ctrl+O (Ctrl+O)"),
                                self.action_blank)
            yield SystemCommand(_("Instellingen"), _("Vergrendeltijd, back-ups, bewaartermijn, "
                                "namen van overleggen, taal (F9)"), self.action_settings)
            yield SystemCommand(_("Logboek"), _("Wie zag of wijzigde wat, per casus of betrokkene"),
                                self.action_audit_log)
            yield SystemCommand(_("Vernietigingsvoorstel"), _("Casussen voorbij de bewaartermijn"),
                                self.action_retention)
            yield SystemCommand(_("Back-up maken"), _("Maak nu een gecontroleerde, versleutelde "
                                "back-up"), self.start_backup)
        if screen.maximized is not None:
            yield SystemCommand(_("Verkleinen"), _("Zet het vergrote veld terug"),
                                screen.action_minimize)
        elif screen.focused is not None and screen.focused.allow_maximize:
            yield SystemCommand(_("Vergroten"), _("Vergroot het veld met de cursor"),
                                screen.action_maximize)
