"""Keys typed ahead land where the user meant them: one key at a time, app-wide (issue 11.6).

Textual hands a key to the widget that has the cursor *when the app reads the key*. A key that
moves the cursor takes effect only later: Tab travels through the field and all its parents
before the app's binding moves the focus; Enter that opens an editor in place mounts it first,
and `focus()` is queued again; a new screen or dialog gives a widget the cursor when it has
been mounted. Keys the terminal delivered in between went to the old place ("Huisarts kent
haar goedSlaapt slecht") or were read as list commands.

`TypeAheadMixin` (put it before `App` in the bases) lets the keys through one by one: a key is
handed on only when what the previous key started has settled, that is

- every message queue of the app and of the screen's widgets is empty (the key, and what it
  caused: bubbling, `Submitted`, mounts, queued `focus()` calls, `call_after_refresh`),
- no worker it started is still waiting to run (a worker that opens a dialog), and
- a screen or dialog that the previous key opened has given one of its widgets the cursor.

Letters typed into the same text field follow each other at once: a text field takes a letter
itself, so it cannot move the cursor. Never stuck and never lost: after `HOLD_TIMEOUT` seconds
the keys go on anyway. Keys typed at a person's pace find everything settled and pass at once;
only keys that arrive while something is still moving wait, a few milliseconds each. Mouse
events and pastes are not held.
"""

from __future__ import annotations

import time
from collections import deque

from textual import events
from textual.app import App
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, TextArea
from textual.worker import WorkerState

from zvh_tui.compat.textual import has_after_refresh_callbacks, has_queued_work

HOLD_TIMEOUT = 1.0  # seconds a key waits at most for the previous one to settle
POLL_INTERVAL = 1 / 200  # how often a waiting key looks again when no event wakes it


class TypeAheadMixin(App):  # type: ignore[type-arg]
    """Hands typed keys to the app one at a time, each after the previous one has settled."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._typed_keys: deque[events.Key] = deque()
        self._key_settling = False  # a key was handed on; has what it started settled?
        self._key_sent_at = 0.0
        self._key_screen: Screen | None = None  # the screen when that key was handed on
        self._key_into_text: Widget | None = None  # the text field that key, a letter, went to
        self._key_poll: Timer | None = None

    @property
    def keys_waiting(self) -> int:
        """How many typed keys are held back right now (tests wait for 0)."""
        return len(self._typed_keys)

    # -- the order of keys ------------------------------------------------------------------
    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            self._typed_keys.append(event)
        else:
            await super().on_event(event)
        if self._typed_keys:
            await self._hand_on_keys()

    async def _hand_on_keys(self) -> None:
        while self._typed_keys:
            event = self._typed_keys[0]
            if not self._settled(event):
                self._poll_later()
                return
            self._typed_keys.popleft()
            self._key_settling = True
            self._key_sent_at = time.monotonic()
            self._key_screen = self.screen if self.screen_stack else None
            focused = self.focused
            self._key_into_text = focused if event.is_printable and isinstance(
                focused, (Input, TextArea)) else None
            await super().on_event(event)  # priority bindings, else to the focused widget

    def _poll_later(self) -> None:
        if self._key_poll is None:
            self._key_poll = self.set_timer(POLL_INTERVAL, self._poll, name="type-ahead")

    async def _poll(self) -> None:
        self._key_poll = None
        if self._typed_keys:
            await self._hand_on_keys()

    def _settled(self, event: events.Key) -> bool:
        if not self._key_settling:
            return True
        if event.is_printable and self._key_into_text is not None and \
                self.focused is self._key_into_text:
            return True  # the next letter for the same text field
        if time.monotonic() - self._key_sent_at <= HOLD_TIMEOUT and not self._quiet():
            return False
        self._key_settling = False
        return True

    def _quiet(self) -> bool:
        """Nothing queued anywhere on the screen, and a newly opened screen has its cursor."""
        try:
            screen = self.screen
        except Exception:  # no screen yet (starting) or any more (stopping)
            return True
        if screen is not self._key_screen and screen.focused is None and (
            not screen.is_mounted or screen.focus_chain
        ):
            return False
        if has_after_refresh_callbacks(screen):  # call_after_refresh, not yet run
            return False
        if any(worker.state == WorkerState.PENDING for worker in self.workers):
            return False
        for node in (self, *screen.walk_children(with_self=True)):
            if has_queued_work(node):
                return False
        return True

