"""Overdragen: the case is handed over, and from now on processed on behalf of another partner.

Opened from the dossier (Shift+N, `dossier.hand_over`). The ZVH processes a case on behalf of
a partner, not on its own title; the dialog says on whose behalf the case runs now (services/cases/namens.py: the aanmelder by default), asks for the partner it goes
to (the partner picker) and the reason (one line; Enter there saves, as F5 does); the
service writes the journal entry and the audit
event. What is typed is kept as a draft (`handover:<case id>`).
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget
from textual.widgets import Input, Static

from zvh_tui.core.errors import ValidationError
from zvh_tui.core.i18n import N_, _
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.cases import namens
from zvh_tui.widgets.dialogs import FormDialog
from zvh_tui.widgets.partner_picker import PartnerPicker
from zvh_tui.widgets.safe_text import plain


class HandOverDialog(FormDialog):
    """The partner the case goes to, and why (both required)."""

    TITLE_TEXT = N_("Casus overdragen (namens)")
    SAVE_LABEL = N_("Overdragen")
    SAVE_ON_ENTER = True  # Enter in the picker chooses (it stops the event); in the reason it saves

    def __init__(self, case: cases.Case) -> None:
        super().__init__()
        self.TITLE_TEXT, self.SAVE_LABEL = _(self.TITLE_TEXT), _(self.SAVE_LABEL)  # as shown now
        self.case = case
        self.before = namens.of(case)

    def intro(self) -> Iterable[Widget]:
        yield Static(plain(_("Casus {reference} loopt nu namens {partner}.").format(
            reference=self.case.reference, partner=self.before.label)),
                     classes="dialog-text", id="handover-now")

    def fields(self) -> Iterable[Widget]:
        yield self.label(_("Naar welke partner?"))
        yield PartnerPicker(case_id=self.case.id, id="partner")
        yield self.error_line("partner")
        yield self.label(_("Reden (komt in het journaal)"))
        yield Input("", id="reason")
        yield self.error_line("reason")

    def on_mount(self) -> None:
        self.query_one("#partner", PartnerPicker).focus()

    def on_partner_picker_picked(self, event: PartnerPicker.Picked) -> None:
        self.set_focus(self.query_one("#reason", Input))

    def values(self) -> dict[str, object]:
        return {"choice": self.query_one("#partner", PartnerPicker).value,
                "reason": self.query_one("#reason", Input).value}

    def is_empty(self) -> bool:
        return (not self.query_one("#partner", PartnerPicker).text.strip()
                and not self.query_one("#reason", Input).value.strip())

    def submit(self, values: dict[str, object]) -> object:
        choice = values["choice"]
        if not isinstance(choice, tuple):
            raise ValidationError(_("Kies een partner: typ een paar letters en kies met de pijltjes en Enter."),
                                  field="partner")
        case = cases.get_case(self.case.id, audit_view=False)
        return namens.hand_over(case, choice[0], str(values["reason"]))
