"""The plan editor's own dialogs: its yes/no question and choosing an owner.

    ok = await self.app.push_screen_wait(PlanConfirm("Doel verwijderen?", "…"))     # bool
    owner = await self.app.push_screen_wait(OwnerDialog(case_id))                   # OwnerChoice | None

Both are built on the dialog family (widgets/dialogs.py: its stylesheet and keys; Escape
cancels); the plan editor's short lists are the family's ChoiceDialog. Every text is plain
(user data never goes through markup).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from zvh_tui.core.i18n import N_, _
from zvh_tui.widgets.dialogs import ConfirmDialog, DialogBase, dialog_body, dialog_foot
from zvh_tui.widgets.safe_text import plain


class PlanConfirm(ConfirmDialog):
    """The family's ConfirmDialog with letters: j or y answers yes, n or Escape no (no list has
    the cursor in a yes/no question, so j is Ja here; screens.md, "j is Ja only in a yes/no
    question"). The buttons show the letters."""

    BINDINGS = [
        Binding("escape,n", "answer(False)", N_("Nee"), id="plan_dialog.no"),
        Binding("j,y", "answer(True)", N_("Ja"), show=False, id="plan_dialog.yes"),
    ]
    LETTERS = True


@dataclass(frozen=True)
class OwnerChoice:
    partner_id: int | None  # None: no owner (niemands taak)
    contact_id: int | None = None


class OwnerDialog(DialogBase, ModalScreen["OwnerChoice | None"]):
    """Choose the owner of an action (or the partner an afspraak concerns) by typing a few letters.

    Uses the roster's PartnerPicker: partners at the table in the case come first.
    """

    DEFAULT_CSS = """
    OwnerDialog PartnerPicker { margin-bottom: 1; }
    OwnerDialog PartnerPicker > OptionList { max-height: 6; }
    """
    BINDINGS = [Binding("escape", "cancel", N_("Annuleren"), id="plan_dialog.owner_cancel")]

    def __init__(self, case_id: int, *, title: str = N_("Eigenaar kiezen"),
                 none_label: str = N_("Geen eigenaar (niemands taak)")) -> None:
        super().__init__()
        self._case_id = case_id
        self._title = title
        self._none_label = none_label

    def compose(self) -> ComposeResult:
        from zvh_tui.widgets.partner_picker import PartnerPicker

        with Vertical(classes="dialog-box"):
            yield Static(plain(_(self._title)), classes="dialog-title")
            with dialog_body():
                yield Static(plain(_("Typ een paar letters van de organisatie of de contactpersoon; "
                                     "Enter kiest.")), classes="dialog-text")
                yield PartnerPicker(case_id=self._case_id, id="owner-picker")
            with dialog_foot(), Horizontal(classes="dialog-buttons"):
                yield Button(_(self._none_label), id="owner-none")
                yield Button(_("Annuleren"), id="owner-cancel")

    def on_mount(self) -> None:
        self.query_one("#owner-picker").focus()

    def on_partner_picker_picked(self, event: object) -> None:
        self.dismiss(OwnerChoice(event.partner_id, event.contact_id))  # type: ignore[attr-defined]

    @on(Button.Pressed, "#owner-none")
    def _none(self) -> None:
        self.dismiss(OwnerChoice(None, None))

    @on(Button.Pressed, "#owner-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
