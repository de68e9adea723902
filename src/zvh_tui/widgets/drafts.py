"""Drafts of forms: what is typed survives a lock (Ctrl+L, idle lock), a crash or a kill -9.

A form screen puts `DraftForm` before `Screen` (or `ModalScreen`) in its bases, names its draft
and its fields, and says when the draft is finished with:

    class JournalNoteScreen(DraftForm, ModalScreen[bool]):
        DRAFT_FIELDS = ("hat", "text")          # widget ids (no '#')

        def draft_key(self) -> str | None:
            return f"journal:{self.case.id}"

        def draft_case_id(self) -> int | None:  # destroying the case destroys the draft
            return self.case.id

        def action_save(self) -> None:
            journal.add_entry(...)
            self.draft_discard()                # saved for real: the draft is done
            self.dismiss(True)

What the mixin does (services/shared/drafts.py stores it, in the encrypted database):

- after the screen's own `on_mount` (which runs first: if it mounts fields itself, it awaits
  those mounts), it gives back a stored draft, tells "Concept teruggezet", and starts checking the
  fields every DRAFT_CHECK_SECONDS;
- a change is saved once the fields were unchanged for one check (a pause in typing: 0.5-1 s)
  or DRAFT_MAX_WAIT_SECONDS after the first unsaved change (long steady typing);
- it saves at once when the screen is suspended (a dialog over it, another area) and when it is
  removed (closed, locked: `ZvhApp.lock_now` also calls `save_all_drafts` before it takes the
  screens down), and from the last check when the app ends without removing it;
- a form that is back to how it opened (everything erased) keeps no draft;
- `draft_discard()` forgets the draft and stops saving: call it after a successful submit and on
  a deliberate cancel (the user threw the text away). A lock, crash or kill is not a cancel.

Field widgets understood by `read_field`/`write_field`: Input, TextArea, Select, Checkbox
(TickBox), DateInput, PartnerPicker (its text, and its choice under "<id>.choice"). A form with
other state (a number of rows, say) extends `draft_values` and prepares in `draft_prepare`.
No Textual message is needed: fields are compared, so widgets that stop their own Changed
messages (DateInput, PartnerPicker) are covered too.

The dialog family's `FormDialog` (widgets/dialogs.py) is a DraftForm already: its caller only
names the draft (`JournalDialog(save).keep_draft(f"journal:{case.id}", case_id=case.id)`) and
its fields are found by `form_fields` (a password field never: a passphrase is no draft).
A form that stays open after saving (settings) calls `draft_restart()` instead of discarding.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from typing import ClassVar

from textual.css.query import NoMatches
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Select, TextArea
from textual.widgets.select import InvalidSelectValueError

from zvh_tui.core import crash
from zvh_tui.core.errors import ZvhError
from zvh_tui.core.i18n import N_, _
from zvh_tui.services.shared import drafts
from zvh_tui.services.shared.text import strip_controls
from zvh_tui.widgets.date_input import DateInput
from zvh_tui.widgets.partner_picker import PartnerPicker

# Marked here, translated where shown (`_()`).
DRAFT_NOTICE_TITLE = N_("Concept teruggezet")
DRAFT_NOTICE = N_("Wat u eerder in dit formulier typte, staat er weer.")
CHOICE = ".choice"  # suffix of a PartnerPicker's choice: "<partner id>" or "<partner id>:<contact id>"


def _one_line(value: str) -> str:
    """A restored value for a one-line widget: no line break or tab either."""
    return strip_controls(value)


def read_field(widget: Widget) -> dict[str, str]:
    """The draft values of one field widget, under its id."""
    name = widget.id or ""
    if isinstance(widget, PartnerPicker):
        values = {name: widget.text}
        if widget.value is not None:
            partner_id, contact_id = widget.value
            values[name + CHOICE] = f"{partner_id}:{contact_id}" if contact_id else str(partner_id)
        return values
    if isinstance(widget, DateInput):
        return {name: widget.value}
    if isinstance(widget, TextArea):
        return {name: widget.text}
    if isinstance(widget, Checkbox):
        return {name: "1" if widget.value else "0"}
    if isinstance(widget, Select):
        return {name: "" if widget.value is Select.NULL else str(widget.value)}
    if isinstance(widget, Input):
        return {name: widget.value}
    raise TypeError(f"no draft for a {type(widget).__name__}")


FIELD_TYPES = (PartnerPicker, DateInput, TextArea, Checkbox, Select, Input)


def form_fields(root: Widget) -> list[str]:
    """The ids of the field widgets under `root`, top to bottom: the parts of a DateInput or
    PartnerPicker are that one field, and a password Input is never one (no passphrase in a
    draft)."""
    ids: list[str] = []
    for widget in root.query("*"):
        if not widget.id or not isinstance(widget, FIELD_TYPES):
            continue
        if isinstance(widget, Input) and widget.password:
            continue
        if any(isinstance(parent, (DateInput, PartnerPicker)) for parent in widget.ancestors):
            continue
        ids.append(widget.id)
    return ids


def _choice(text: str) -> tuple[int, int | None] | None:
    partner, _, contact = text.partition(":")
    if not partner.isdigit() or (contact and not contact.isdigit()):
        return None
    return int(partner), int(contact) if contact else None


def write_field(widget: Widget, values: dict[str, str]) -> None:
    """Put the draft's values back into one field widget (a value it cannot take is skipped)."""
    name = widget.id or ""
    if name not in values:
        return
    value = values[name]
    if isinstance(widget, PartnerPicker):
        choice = _choice(values.get(name + CHOICE, ""))
        if choice is not None:
            widget.set_choice(*choice)  # the partner's current name; nothing if it is gone
            if widget.value is not None:
                return
        widget.set_text(_one_line(value))
    elif isinstance(widget, DateInput):
        widget.value = _one_line(value)
    elif isinstance(widget, TextArea):
        widget.load_text(value)
    elif isinstance(widget, Checkbox):
        widget.value = value == "1"
    elif isinstance(widget, Select):
        for candidate in (value, int(value) if value.isdigit() else None):
            if candidate is None:
                continue
            try:
                widget.value = candidate
                return
            except InvalidSelectValueError:
                continue
    elif isinstance(widget, Input):
        widget.value = _one_line(value)


class DraftForm:
    """Mixin for a form screen: keeps a draft of its fields (see the module text)."""

    DRAFT_KEY: ClassVar[str | None] = None  # or override draft_key() for a key with an id
    DRAFT_FIELDS: ClassVar[tuple[str, ...]] = ()  # or override draft_fields()
    DRAFT_CHECK_SECONDS: ClassVar[float] = 0.5
    DRAFT_MAX_WAIT_SECONDS: ClassVar[float] = 2.0

    _draft_ready: bool = False
    _draft_closed: bool = False
    _draft_timer: Timer | None = None
    _draft_pristine: dict[str, str] | None = None  # the fields as the form opened
    _draft_saved: dict[str, str] | None = None  # what the store holds now (pristine: nothing)
    _draft_seen: dict[str, str] | None = None  # the fields at the last check
    _draft_dirty_since: float | None = None
    _draft_failed_told: bool = False
    draft_restored: bool = False  # a draft was given back when the form opened

    # -- what a form says about itself -----------------------------------------------------------
    def draft_key(self) -> str | None:
        """The draft's name; None: this form keeps no draft."""
        return self.DRAFT_KEY

    def draft_case_id(self) -> int | None:
        """The case the draft is about (its drafts go when the case is destroyed), or None."""
        return None

    def draft_fields(self) -> Iterable[str]:
        """The ids of the field widgets (without '#')."""
        return self.DRAFT_FIELDS

    def draft_values(self) -> dict[str, str]:
        """The values to keep; extend for state that is not in a field (call super)."""
        values: dict[str, str] = {}
        for widget in self._draft_widgets():
            values.update(read_field(widget))
        return values

    async def draft_prepare(self, values: dict[str, str]) -> None:
        """Before a draft goes back in: make the fields it needs (rows added by the user)."""

    def draft_apply(self, values: dict[str, str]) -> None:
        """Put a draft's values into the fields; extend for more than fields (call super)."""
        for widget in self._draft_widgets():
            write_field(widget, values)

    # -- what a form calls ------------------------------------------------------------------------
    def draft_save_now(self) -> None:
        """Save the fields now if they changed (lock, suspend, removal). Never raises."""
        if not self._draft_ready or self._draft_closed:
            return
        try:
            values = self.draft_values()
        except NoMatches:  # fields already taken down: the last check's values
            values = self._draft_seen
        except Exception as error:  # a lock or quit must always go on
            self._draft_problem(error)
            values = self._draft_seen
        if values is not None:
            self._draft_seen = values
            self._draft_store(values)

    def draft_discard(self) -> None:
        """The form is done (submitted, or cancelled on purpose): forget the draft, save no more."""
        self._draft_closed = True
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        key = self.draft_key()
        if key is None or not self._draft_ready:
            return
        try:
            drafts.discard(key)
        except Exception as error:  # the form's own work is done; never a crash
            self._draft_problem(error)

    def draft_restart(self) -> None:
        """Saved for real, and the form stays open (settings): forget the draft, and keep the
        fields as they are now as the form's start; typing on makes a new draft."""
        if not self._draft_ready or self._draft_closed:
            return
        key = self.draft_key()
        try:
            values = self.draft_values()
            if key is not None:
                drafts.discard(key)
        except Exception as error:  # the form's own work is done; never a crash
            self._draft_problem(error)
            return
        self._draft_pristine = self._draft_saved = self._draft_seen = values
        self._draft_dirty_since = None

    # -- the life of a form -----------------------------------------------------------------------
    async def on_mount(self) -> None:
        key = self.draft_key()
        if key is None:
            return
        self._draft_pristine = self.draft_values()
        self._draft_saved = self._draft_pristine
        try:
            found = drafts.load(key)
        except Exception as error:  # a form opens even when its draft cannot be read
            found = None
            self._draft_problem(error)
        if found:
            await self.draft_prepare(found)
            self.draft_apply(found)
            self._draft_saved = self.draft_values()
            self.draft_restored = True
            self.notify(_(DRAFT_NOTICE), title=_(DRAFT_NOTICE_TITLE), markup=False)  # type: ignore[attr-defined]
        self._draft_seen = self._draft_saved
        self._draft_ready = True
        self._draft_timer = self.set_interval(  # type: ignore[attr-defined]
            self.DRAFT_CHECK_SECONDS, self._draft_check, name="draft"
        )

    def on_screen_suspend(self) -> None:
        self.draft_save_now()

    def remove(self):  # Widget.remove's own signature
        """Closed (dismiss, pop) or taken down by a lock: what is typed is saved first."""
        self.draft_save_now()
        self._draft_closed = True
        return super().remove()  # type: ignore[misc]

    def on_unmount(self) -> None:
        """The app ends without removing screens one by one: the last check's values."""
        if self._draft_ready and not self._draft_closed and self._draft_seen is not None:
            self._draft_store(self._draft_seen)
        self._draft_closed = True

    # -- inside -------------------------------------------------------------------------------------
    def _draft_widgets(self) -> Iterator[Widget]:
        for name in self.draft_fields():
            yield self.query_one(f"#{name}")  # type: ignore[attr-defined]

    def _draft_check(self) -> None:
        """Every DRAFT_CHECK_SECONDS: save after a pause in typing, or after the longest wait."""
        if not self._draft_ready or self._draft_closed:
            return
        try:
            values = self.draft_values()
        except NoMatches:
            return
        now = time.monotonic()
        if values == self._draft_saved:
            self._draft_dirty_since = None
        else:
            if self._draft_dirty_since is None:
                self._draft_dirty_since = now
            paused = values == self._draft_seen
            if paused or now - self._draft_dirty_since >= self.DRAFT_MAX_WAIT_SECONDS:
                self._draft_store(values)
        self._draft_seen = values

    def _draft_store(self, values: dict[str, str]) -> None:
        if values == self._draft_saved:
            return
        key = self.draft_key()
        if key is None:
            return
        try:
            if values == self._draft_pristine:
                drafts.discard(key)  # erased back to an untouched form: nothing to keep
            else:
                drafts.save(key, values, case_id=self.draft_case_id())
        except Exception as error:  # a failed draft never takes the form down
            self._draft_problem(error)
            return
        self._draft_saved = values
        self._draft_dirty_since = None

    def _draft_problem(self, error: BaseException) -> None:
        """Said once per form; the log gets the error's id and frames only, never the text."""
        if self._draft_failed_told:
            return
        self._draft_failed_told = True
        try:
            app = self.app  # type: ignore[attr-defined]
        except Exception:  # no app any more (ending)
            return
        if isinstance(error, ZvhError):
            message = _("Het concept kon niet tussentijds worden bewaard: {error}").format(error=error)
        else:
            code = crash.report(error, getattr(app, "crash_log_file", None))
            message = _("Het concept kon niet tussentijds worden bewaard (foutcode {code}).").format(
                code=code)
        try:
            app.notify(message, severity="warning", markup=False)
        except Exception:  # ending
            pass


def draft_screens(screens: Iterable[Screen]) -> Iterator[DraftForm]:
    for screen in screens:
        if isinstance(screen, DraftForm):
            yield screen


def save_all_drafts(screens: Iterable[Screen]) -> int:
    """Save the draft of every open form among these screens; return how many forms."""
    count = 0
    for form in draft_screens(screens):
        form.draft_save_now()
        count += 1
    return count
