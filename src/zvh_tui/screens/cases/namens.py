"""Overdragen: the case is handed over, and from now on processed on behalf of another partner.

Opened from the dossier (key N, `dossier.hand_over`). The dialog says on whose behalf the case
runs now (services/cases/namens.py: the aanmelder by default), asks for the partner it goes
to (the partner picker) and the reason; the service writes the journal entry and the audit
event. What is typed is kept as a draft (`handover:<case id>`).
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget
from textual.widgets import Static, TextArea

from zvh_tui.core.errors import ValidationError
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.cases import namens
from zvh_tui.widgets.dialogs import FormDialog
from zvh_tui.widgets.partner_picker import PartnerPicker
from zvh_tui.widgets.safe_text import plain

INTRO = ("Het ZVH verwerkt een casus namens de partner die hem inbracht, niet op eigen titel. "
         "Wordt de casus overgedragen, dan staat voortaan de nieuwe partner als 'namens' in het "
         "logboek. Wat al in het logboek staat, blijft zoals het is.")


class HandOverDialog(FormDialog):
    """The partner the case goes to, and why (both required)."""

    TITLE_TEXT = "Casus overdragen (namens)"
    SAVE_LABEL = "Overdragen"

    def __init__(self, case: cases.Case) -> None:
        super().__init__()
        self.case = case
        self.before = namens.of(case)

    def intro(self) -> Iterable[Widget]:
        yield Static(plain(f"Casus {self.case.reference} loopt nu namens {self.before.label}."),
                     classes="dialog-text", id="handover-now")
        yield Static(plain(INTRO), classes="dialog-note")

    def fields(self) -> Iterable[Widget]:
        yield self.label("Naar welke partner? (typ een paar letters, kies met pijltjes en Enter)")
        yield PartnerPicker(case_id=self.case.id, id="partner")
        yield self.error_line("partner")
        yield self.label("Reden van de overdracht (komt in het journaal)")
        yield TextArea("", id="reason", soft_wrap=True)
        yield self.error_line("reason")

    def on_mount(self) -> None:
        self.query_one("#partner", PartnerPicker).focus()

    def on_partner_picker_picked(self, event: PartnerPicker.Picked) -> None:
        self.set_focus(self.query_one("#reason", TextArea))

    def values(self) -> dict[str, object]:
        return {"choice": self.query_one("#partner", PartnerPicker).value,
                "reason": self.query_one("#reason", TextArea).text}

    def is_empty(self) -> bool:
        return (not self.query_one("#partner", PartnerPicker).text.strip()
                and not self.query_one("#reason", TextArea).text.strip())

    def submit(self, values: dict[str, object]) -> object:
        choice = values["choice"]
        if not isinstance(choice, tuple):
            raise ValidationError("Kies een partner: typ een paar letters en kies met de pijltjes en Enter.",
                                  field="partner")
        case = cases.get_case(self.case.id, audit_view=False)
        return namens.hand_over(case, choice[0], str(values["reason"]))
