"""Dialogs to add, change or deactivate an organisation (ketenpartner) or a contact person.

Built on the app's `FormDialog` (widgets/dialogs.py): the services check what was typed and
their Dutch message shows at the field it names, keeping everything typed; F5 or Enter in a
one-line field saves; Escape closes (asking first when something was typed). What is typed is
kept as a draft ("partner:new" / "partner:<id>", "contact:<partner id>:new" / "contact:<id>"),
so a lock, crash or kill -9 loses nothing: the same form opened again gives it back.
`result_id` holds the id of the saved organisation or contact person.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Select, Static, TextArea

from zvh_tui.core.i18n import N_, _, tr
from zvh_tui.core.vocab import PartnerDomain
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.shared.text import visible
from zvh_tui.widgets.checkbox import TickBox
from zvh_tui.widgets.dialogs import ConfirmDialog, FormDialog


class PartnerForm(FormDialog):
    """Add an organisation, or change its name, domain, convenant and notes."""

    SAVE_ON_ENTER = True

    def __init__(self, partner_id: int | None = None) -> None:
        super().__init__()
        self.partner_id = partner_id
        self.result_id: int | None = None
        self._partner: partners.Partner | None = (
            partners.get_partner(partner_id) if partner_id is not None else None
        )
        self.TITLE_TEXT = _("Nieuwe organisatie") if self._partner is None else _("Organisatie wijzigen")
        self.keep_draft("partner:new" if partner_id is None else f"partner:{partner_id}")

    def fields(self) -> Iterable[Widget]:
        partner = self._partner
        yield self.label(_("Naam van de organisatie"))
        yield Input(partner.name if partner else "", id="name",
                    placeholder=_("bijvoorbeeld Politie eenheid Oost, wijkteam Noord"))
        yield self.error_line("name")
        yield self.label(_("Domein"))
        yield Select([(d.label, d.value) for d in PartnerDomain],
                     value=partner.domain if partner else PartnerDomain.OTHER.value,
                     allow_blank=False, id="domain")
        yield self.error_line("domain")
        yield TickBox(_("Privacyconvenant getekend"),
                       value=bool(partner.convenant_signed) if partner else False,
                       id="convenant_signed")
        yield self.label(_("Notities"))
        yield TextArea(partner.notes if partner else "", id="notes", soft_wrap=True,
                       tab_behavior="focus")
        yield self.error_line("notes")

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def values(self) -> dict[str, object]:
        domain = self.query_one("#domain", Select).value
        return {
            "name": self.query_one("#name", Input).value,
            "domain": domain if isinstance(domain, str) else PartnerDomain.OTHER.value,
            "convenant_signed": self.query_one("#convenant_signed", Checkbox).value,
            "notes": self.query_one("#notes", TextArea).text,
        }

    def _changes(self, current: partners.Partner, values: dict[str, object]) -> dict[str, object]:
        changes: dict[str, object] = {}
        for key, value in values.items():
            typed = value.strip() if isinstance(value, str) else value
            if typed != getattr(current, key):
                changes[key] = value
        return changes

    def is_empty(self) -> bool:
        values = self.values()
        if self._partner is None:
            return not str(values["name"]).strip() and not str(values["notes"]).strip()
        return not self._changes(self._partner, values)

    def submit(self, values: dict[str, object]) -> object:
        if self._partner is None:
            partner = partners.create_partner(
                str(values["name"]), domain=str(values["domain"]),
                convenant_signed=bool(values["convenant_signed"]), notes=str(values["notes"]))
        else:
            partner = partners.get_partner(self._partner.id)
            changes = self._changes(partner, values)
            if changes:
                partners.update_partner(partner, **changes)
        self.result_id = partner.id
        return partner


class ContactForm(FormDialog):
    """Add a contact person to an organisation, or change one."""

    SAVE_ON_ENTER = True

    FIELDS = [
        ("name", N_("Naam"), N_("voor- en achternaam")),
        ("function", N_("Functie"), N_("bijvoorbeeld wijkagent, trajectbegeleider")),
        ("phone", N_("Telefoon"), N_("bijvoorbeeld 06 12345678")),
        ("email", N_("E-mail"), N_("naam@organisatie.nl")),
        ("availability", N_("Bereikbaarheid"), N_("bijvoorbeeld ma-do 9-17 uur")),
    ]

    def __init__(self, partner_id: int, contact_id: int | None = None) -> None:
        super().__init__()
        self.partner_id = partner_id
        self.contact_id = contact_id
        self.result_id: int | None = None
        self._partner = partners.get_partner(partner_id)
        self._contact: partners.Contact | None = (
            partners.get_contact(contact_id) if contact_id is not None else None
        )
        self.TITLE_TEXT = (_("Nieuwe contactpersoon") if self._contact is None
                           else _("Contactpersoon wijzigen"))
        self.keep_draft(f"contact:{partner_id}:new" if contact_id is None else f"contact:{contact_id}")

    def intro(self) -> Iterable[Widget]:
        yield Static(Text(visible(_("bij {name}").format(name=self._partner.name))), classes="dialog-text")

    def fields(self) -> Iterable[Widget]:
        for key, label, hint in self.FIELDS:
            yield self.label(tr(label))
            yield Input(getattr(self._contact, key) if self._contact else "", id=key,
                        placeholder=tr(hint))
            yield self.error_line(key)

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def values(self) -> dict[str, object]:
        return {key: self.query_one(f"#{key}", Input).value for key, _, _ in self.FIELDS}

    def _changes(self, values: dict[str, object]) -> dict[str, object]:
        if self._contact is None:
            return {k: v for k, v in values.items() if str(v).strip()}
        return {k: v for k, v in values.items()
                if str(v).strip() != (getattr(self._contact, k) or "")}

    def is_empty(self) -> bool:
        return not self._changes(self.values())

    def submit(self, values: dict[str, object]) -> object:
        if self._contact is None:
            fields = dict(values)
            name = str(fields.pop("name"))
            contact = partners.add_contact(partners.get_partner(self.partner_id), name, **fields)
        else:
            contact = partners.get_contact(self._contact.id)
            changes = self._changes(values)
            if changes:
                partners.update_contact(contact, **changes)
        self.result_id = contact.id
        return contact


class DeactivateConfirm(ConfirmDialog):
    """Deactivating a partner or a contact person asks first, in the same words everywhere
    (reactivating does not ask). `what`: "Partner" or "Contactpersoon"."""

    TITLES = {"Partner": N_("Partner deactiveren?"),  # i18n: the keys name what is deactivated
              "Contactpersoon": N_("Contactpersoon deactiveren?")}

    def __init__(self, what: str, message: str) -> None:
        title = self.TITLES.get(what)
        super().__init__(_(title) if title else _("{what} deactiveren?").format(what=what), message,
                         yes=_("Deactiveren"), no=_("Actief laten"))
