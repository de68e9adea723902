"""The advice dialog of the dossier (A): one advice question of an advice case, new or changed.

The question; who asked (a partner and contact from the roster, or a name), when; the advice,
to whom and when it was given (may follow later); with whom the regie stays ("regie blijft bij":
a partner and/or a name); the follow-up date. The rules are `services.cases.advice`'s: a refusal
shows at its field and everything typed stays. The draft is `advice:<case id>:new` or
`advice:<case id>:<advice id>` (it goes with the case).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from textual import on
from textual.widget import Widget
from textual.widgets import Input, Static, TextArea

from zvh_tui.core import i18n
from zvh_tui.core.errors import ValidationError
from zvh_tui.core.i18n import N_, _
from zvh_tui.services.cases.advice import AdviceInput
from zvh_tui.widgets.date_input import DateInput, today_word
from zvh_tui.widgets.dialogs import FormDialog
from zvh_tui.widgets.partner_picker import PartnerPicker
from zvh_tui.widgets.safe_text import plain


def _day(value: dt.date | str | None) -> str:
    if isinstance(value, dt.date):
        return i18n.format_date(value)
    return value or ""


class AdviceDialog(FormDialog):
    """An advice question: the question, the advice, the regie and the follow-up."""

    TITLE_TEXT = N_("Adviesvraag")

    def __init__(self, case_id: int, on_submit: Callable[[AdviceInput], object], *,
                 current: AdviceInput | None = None) -> None:
        super().__init__()
        self._case_id, self._on_submit = case_id, on_submit
        self._current = current or AdviceInput()
        self._new = current is None
        self.TITLE_TEXT = _("Adviesvraag") if self._new else _("Adviesvraag wijzigen")

    def intro(self) -> Iterable[Widget]:
        yield Static(plain(_("Het ZVH adviseert; de regie blijft lokaal. Het advies mag u later "
                             "invullen; dan horen 'aan wie' en 'regie blijft bij' erbij.")),
                     classes="dialog-text")

    def fields(self) -> Iterable[Widget]:
        c = self._current
        yield self.label(_("Adviesvraag"))
        yield TextArea(c.question, id="question", soft_wrap=True)
        yield self.error_line("question")
        yield self.label(_("Vraag van (partner of contactpersoon)"))
        yield PartnerPicker(self._case_id, id="asked_by_partner")
        yield self.error_line("asked_by_partner")
        yield self.label(_("… of de naam van de vraagsteller"))
        yield Input(c.asked_by, id="asked_by")
        yield self.error_line("asked_by")
        yield self.label(_("Gevraagd op"))
        yield DateInput(_day(c.asked_on) or today_word(), label=N_("Gevraagd op"), id="asked_on")
        yield self.error_line("asked_on")
        yield self.label(_("Advies (mag later)"))
        yield TextArea(c.advice, id="advice", soft_wrap=True)
        yield self.error_line("advice")
        yield self.label(_("Advies gegeven aan"))
        yield Input(c.given_to, id="given_to")
        yield self.error_line("given_to")
        yield self.label(_("Advies gegeven op (leeg: vandaag)"))
        yield DateInput(_day(c.given_on), label=N_("Advies gegeven op"), id="given_on")
        yield self.error_line("given_on")
        yield self.label(_("Regie blijft bij (partner)"))
        yield PartnerPicker(self._case_id, id="regie_partner")
        yield self.error_line("regie_partner")
        yield self.label(_("… en/of bij (naam)"))
        yield Input(c.regie_with, id="regie_with")
        yield self.error_line("regie_with")
        yield self.label(_("Vervolg op (mag leeg)"))
        yield DateInput(_day(c.follow_up_on), label=N_("Vervolg op"), future=True, id="follow_up_on")
        yield self.error_line("follow_up_on")

    def on_mount(self) -> None:
        c = self._current
        if c.asked_by_partner_id:
            self.query_one("#asked_by_partner", PartnerPicker).set_choice(c.asked_by_partner_id,
                                                                          c.asked_by_contact_id)
        if c.regie_partner_id:
            self.query_one("#regie_partner", PartnerPicker).set_choice(c.regie_partner_id)

    @on(PartnerPicker.Picked, "#regie_partner")
    def _regie_picked(self, event: PartnerPicker.Picked) -> None:
        """A contact chosen as regie: its name goes in the name field when that is empty."""
        choice = event.picker.choice
        name = self.query_one("#regie_with", Input)
        if event.contact_id and choice is not None and not name.value.strip():
            name.value = choice.label.split(" · ", 1)[-1]

    def _picked(self, selector: str) -> tuple[int | None, int | None]:
        picker = self.query_one(selector, PartnerPicker)
        if picker.text.strip() and picker.value is None:
            raise ValidationError(_("Kies uit de lijst (typ een paar letters, pijltjes en Enter), of "
                                    "maak het veld leeg."), field=selector.lstrip("#"))
        return picker.value or (None, None)

    def values(self) -> dict[str, object]:
        return {
            "asked_by": self.query_one("#asked_by", Input).value,
            "asked_on": self.query_one("#asked_on", DateInput).value,
            "question": self.query_one("#question", TextArea).text,
            "advice": self.query_one("#advice", TextArea).text,
            "given_to": self.query_one("#given_to", Input).value,
            "given_on": self.query_one("#given_on", DateInput).value,
            "regie_with": self.query_one("#regie_with", Input).value,
            "follow_up_on": self.query_one("#follow_up_on", DateInput).value,
        }

    def is_empty(self) -> bool:
        if not self._new:
            return False  # changing a stored question: Escape asks before throwing changes away
        typed = {k: v for k, v in self.values().items() if k != "asked_on"}
        pickers = [self.query_one(s, PartnerPicker).text for s in ("#asked_by_partner", "#regie_partner")]
        return not any(str(v).strip() for v in [*typed.values(), *pickers])

    def submit(self, values: dict[str, object]) -> object:
        asked_partner, asked_contact = self._picked("#asked_by_partner")
        regie_partner, _contact = self._picked("#regie_partner")
        data = AdviceInput(
            question=str(values["question"]), asked_by_partner_id=asked_partner,
            asked_by_contact_id=asked_contact, asked_by=str(values["asked_by"]),
            asked_on=str(values["asked_on"]) or None, advice=str(values["advice"]),
            given_to=str(values["given_to"]), given_on=str(values["given_on"]) or None,
            regie_partner_id=regie_partner, regie_with=str(values["regie_with"]),
            follow_up_on=str(values["follow_up_on"]) or None,
        )
        return self._on_submit(data)
