"""Aanmelding wijzigen: the edit form of a case's aanmelding, from the dossier (e).

Every field of the aanmelding as the new-case form has it (naam of alias, aanmelder: partner
and contact or a citizen, aanleiding, doel, datum van aanmelding), filled with the current
values. The checks are the service's (`services.cases.referral.edit_referral`): a refusal shows
in Dutch under its field and the dialog stays open with everything typed. The betrokkenen and
whether each is informed are changed on the Betrokkenen screen (B, screens/cases/persons.py);
the ZVH's role (procesregie/advies) has its own key, with its journal line.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget
from textual.widgets import Input, Static, TextArea

from zvh_tui.core import i18n
from zvh_tui.core.errors import ValidationError
from zvh_tui.core.i18n import N_, _
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.cases import referral
from zvh_tui.widgets.date_input import DateInput
from zvh_tui.widgets.dialogs import FormDialog
from zvh_tui.widgets.partner_picker import PartnerPicker
from zvh_tui.widgets.safe_text import plain


class ReferralDialog(FormDialog):
    """Change the aanmelding of one case; closes with True when something was saved."""

    TITLE_TEXT = N_("Aanmelding wijzigen")
    SAVE_ON_ENTER = True  # Enter in a one-line field saves (the picker's Enter chooses first)
    DEFAULT_CSS = "ReferralDialog TextArea { height: 4; }"

    def __init__(self, case: cases.Case) -> None:
        super().__init__()
        self.TITLE_TEXT = _(self.TITLE_TEXT)  # as shown now
        self.case = case
        self.start = referral.referral_of(case)
        self.changed: list[str] = []

    def intro(self) -> Iterable[Widget]:
        yield Static(plain(_("Casus {reference}. De betrokkenen en of zij geïnformeerd zijn, wijzigt u "
                             "bij Betrokkenen (B in het dossier).").format(reference=self.case.reference)),
                     classes="dialog-text")

    def fields(self) -> Iterable[Widget]:
        start = self.start
        yield self.label(_("Naam of alias in lijsten (leeg: de naam van de eerste betrokkene)"))
        yield Input(start.title, id="title")
        yield self.error_line("title")
        yield self.label(_("Aanmelder: partner en contactpersoon (typ een paar letters)"))
        yield PartnerPicker(case_id=self.case.id, id="referrer")
        yield self.error_line("referrer")
        yield self.label(_("… of een burger als melder (naam of omschrijving)"))
        yield Input(start.referrer_citizen, id="referrer_citizen")
        yield self.error_line("referrer_citizen")
        yield self.label(_("Aanleiding"))
        yield TextArea(start.reason, id="reason", soft_wrap=True)
        yield self.error_line("reason")
        yield self.label(_("Doel van de aanmelding"))
        yield TextArea(start.referral_goal, id="referral_goal", soft_wrap=True)
        yield self.error_line("referral_goal")
        yield self.label(_("Datum van aanmelding"))
        received = i18n.format_date(start.received_on) if start.received_on else ""  # type: ignore[arg-type]
        yield DateInput(received, label=N_("Datum van aanmelding"), id="received_on")
        yield self.error_line("received_on")

    def on_mount(self) -> None:
        """Before FormDialog's focus and the draft: the current aanmelder in the picker."""
        if self.start.referrer_partner_id:
            self.query_one("#referrer", PartnerPicker).set_choice(
                self.start.referrer_partner_id, self.start.referrer_contact_id)
        self._pristine = self.values()

    _pristine: dict[str, object] | None = None

    def values(self) -> dict[str, object]:
        picker = self.query_one("#referrer", PartnerPicker)
        return {
            "title": self.query_one("#title", Input).value,
            "referrer": picker.value,
            "referrer_text": picker.text,
            "referrer_citizen": self.query_one("#referrer_citizen", Input).value,
            "reason": self.query_one("#reason", TextArea).text,
            "referral_goal": self.query_one("#referral_goal", TextArea).text,
            "received_on": self.query_one("#received_on", DateInput).value,
        }

    def is_empty(self) -> bool:
        """Nothing changed since the form opened: Escape closes at once."""
        return self._pristine is not None and self.values() == self._pristine

    def submit(self, values: dict[str, object]) -> object:
        choice = values["referrer"]
        if str(values["referrer_text"]).strip() and choice is None:
            raise ValidationError(
                _("Kies de aanmelder uit de lijst (typ een paar letters, pijltjes en Enter), "
                  "of maak het veld leeg."), field="referrer")
        partner_id, contact_id = choice if isinstance(choice, tuple) else (None, None)
        data = referral.Referral(
            title=str(values["title"]),
            reason=str(values["reason"]),
            referral_goal=str(values["referral_goal"]),
            received_on=str(values["received_on"]),
            referrer_partner_id=partner_id,
            referrer_contact_id=contact_id,
            referrer_citizen=str(values["referrer_citizen"]),
        )
        self.changed = referral.edit_referral(cases.get_case(self.case.id, audit_view=False), data)
        return self.changed
