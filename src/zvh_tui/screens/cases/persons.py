"""Betrokkenen of one case: add, change, remove with a reason, and informed or not per person.

Opened from the dossier (B) as `PersonsScreen(case_id)`. One row per betrokkene: number, name,
date of birth, role in the household, address, and "geïnformeerd: ja / nee"; the highlighted
person in full below the table ("geïnformeerd: nee — reden (heroverwegen op D)"), with
"heroverweeg informeren" when that date has passed. The rules are the services'
(services/cases/persons.py); every dialog keeps a draft and shows a refusal at its field.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Input, Select, Static, TextArea

from zvh_tui.core import i18n
from zvh_tui.core.errors import ZvhError
from zvh_tui.core.i18n import N_, _, ngettext
from zvh_tui.core.vocab import PersonRole, Phase
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.cases import persons
from zvh_tui.services.shared import disclosure
from zvh_tui.widgets.date_input import DateInput
from zvh_tui.widgets.dialogs import FormDialog, TextDialog
from zvh_tui.widgets.footer import QuickFooter
from zvh_tui.widgets.header import ProfileHeader
from zvh_tui.widgets.list_table import ListTable
from zvh_tui.widgets.safe_text import SafeText, cell, plain, plain_text

SIGNAL = N_("heroverweeg informeren")  # shown as _(SIGNAL)
YES, NO = "yes", "no"


def informed_text(link: persons.CasePerson, *, hide_reason: bool = False) -> str:
    """'ja', or 'nee — reden (heroverwegen op 05-01-2027)'; the reason hidden on a projector."""
    if link.informed:
        return _("ja")
    reason = disclosure.HIDDEN if hide_reason and link.not_informed_reason else link.not_informed_reason
    review = i18n.format_date(link.informed_review_on) if link.informed_review_on else "—"
    return _("nee — {reason} (heroverwegen op {date})").format(reason=reason or "—", date=review)


# -- dialogs ---------------------------------------------------------------------------------

class PersonDialog(FormDialog):
    """A betrokkene's name, date of birth, address and role in the household; adding one asks
    whether they are informed too."""

    def __init__(self, case: cases.Case, link: persons.CasePerson | None = None) -> None:
        super().__init__()
        self.case, self.link = case, link
        self.TITLE_TEXT = _("Betrokkene wijzigen") if link else _("Betrokkene toevoegen")
        self.SAVE_LABEL = _("Opslaan") if link else _("Toevoegen")
        self.person_id: int | None = link.person_id if link else None
        self._pristine: dict[str, object] | None = None

    def intro(self) -> Iterable[Widget]:
        yield Static(plain(_("Casus {reference}").format(reference=self.case.reference)), classes="dialog-text")

    def fields(self) -> Iterable[Widget]:
        person = self.link.person if self.link else None
        yield self.label(_("Naam"))
        yield Input(person.name if person else "", id="name")
        yield self.error_line("name")
        yield self.label(_("Geboortedatum (mag leeg)"))
        born = i18n.format_date(person.date_of_birth) if person and person.date_of_birth else ""
        yield DateInput(born, label=N_("Geboortedatum"), id="date_of_birth")
        yield self.error_line("date_of_birth")
        yield self.label(_("Adres (mag leeg)"))
        yield Input(person.address if person else "", id="address")
        yield self.error_line("address")
        yield self.label(_("Rol in het huishouden"))
        role = self.link.role if self.link else PersonRole.HOUSEHOLD.value
        yield Select([(r.label, r.value) for r in PersonRole], value=role, allow_blank=False, id="role")
        yield self.error_line("role")
        if self.link is None:
            yield from informed_fields(True, "", "")

    def on_mount(self) -> None:
        self._pristine = self.values()

    def values(self) -> dict[str, object]:
        values: dict[str, object] = {
            "name": self.query_one("#name", Input).value,
            "date_of_birth": self.query_one("#date_of_birth", DateInput).value,
            "address": self.query_one("#address", Input).value,
            "role": self.query_one("#role", Select).value,
        }
        if self.link is None:
            values.update(informed_values(self))
        return values

    def is_empty(self) -> bool:
        return self._pristine is not None and self.values() == self._pristine

    def submit(self, values: dict[str, object]) -> object:
        role = values["role"] if isinstance(values["role"], str) else PersonRole.HOUSEHOLD.value
        case = cases.get_case(self.case.id, audit_view=False)
        if self.link is None:
            person = persons.add_person(case, cases.NewPerson(
                name=str(values["name"]), date_of_birth=str(values["date_of_birth"]) or None,
                address=str(values["address"]), role=role, informed=values["informed"] == YES,
                not_informed_reason=str(values["not_informed_reason"]),
                informed_review_on=str(values["informed_review_on"]) or None))
            self.person_id = person.id
            return person
        return persons.update_person(case, self.link.person_id, name=values["name"],
                                     date_of_birth=str(values["date_of_birth"]) or None,
                                     address=values["address"], role=role)


def informed_fields(informed: bool, reason: str, review: str) -> Iterable[Widget]:
    yield FormDialog.label(_("Geïnformeerd over de aanmelding?"))
    yield Select([(_("Ja, geïnformeerd"), YES), (_("Nee, (nog) niet geïnformeerd"), NO)],
                 value=YES if informed else NO, allow_blank=False, id="informed")
    yield FormDialog.error_line("informed")
    yield FormDialog.label(_("Waarom niet geïnformeerd? (alleen bij nee)"))
    yield TextArea(reason, id="not_informed_reason", soft_wrap=True)
    yield FormDialog.error_line("not_informed_reason")
    yield FormDialog.label(_("Heroverwegen op (alleen bij nee: tot wanneer niet informeren?)"))
    yield DateInput(review, label=N_("Heroverweegdatum"), future=True, id="informed_review_on")
    yield FormDialog.error_line("informed_review_on")


def informed_values(form: FormDialog) -> dict[str, object]:
    return {
        "informed": form.query_one("#informed", Select).value,
        "not_informed_reason": form.query_one("#not_informed_reason", TextArea).text,
        "informed_review_on": form.query_one("#informed_review_on", DateInput).value,
    }


class InformedDialog(FormDialog):
    """Informed or not, for one betrokkene: not informed needs a reason and a review date."""

    TITLE_TEXT = N_("Geïnformeerd?")
    DEFAULT_CSS = "InformedDialog TextArea { height: 4; }"

    def __init__(self, case: cases.Case, link: persons.CasePerson) -> None:
        super().__init__()
        self.TITLE_TEXT = _(self.TITLE_TEXT)  # as shown now
        self.case, self.link = case, link
        self._pristine: dict[str, object] | None = None

    def intro(self) -> Iterable[Widget]:
        name = disclosure.person_name(self.link.person)
        yield Static(plain(_("Is {name} ({role}) geïnformeerd over de aanmelding bij het ZVH? Zo nee: "
                             "waarom niet, en wanneer bekijkt u dat opnieuw?").format(
                                 name=name, role=PersonRole.label_of(self.link.role))),
                     classes="dialog-text")
        if persons.review_due(self.link):
            yield Static(plain(_("De heroverweegdatum is voorbij: {signal}.").format(signal=_(SIGNAL))),
                         classes="dialog-emphasis")

    def fields(self) -> Iterable[Widget]:
        link = self.link
        review = i18n.format_date(link.informed_review_on) if link.informed_review_on else ""
        yield from informed_fields(link.informed, link.not_informed_reason, review)

    def on_mount(self) -> None:
        self._pristine = self.values()

    def values(self) -> dict[str, object]:
        return informed_values(self)

    def is_empty(self) -> bool:
        return self._pristine is not None and self.values() == self._pristine

    def submit(self, values: dict[str, object]) -> object:
        case = cases.get_case(self.case.id, audit_view=False)
        return persons.set_informed(case, self.link.person_id, values["informed"] == YES,
                                    str(values["not_informed_reason"]),
                                    str(values["informed_review_on"]) or None)


# -- the screen ------------------------------------------------------------------------------

class PersonsScreen(Screen[None]):
    """The betrokkenen of one case, with their informed status."""

    CSS_PATH = "persons.tcss"
    AUTO_FOCUS = "#persons-table"
    # The footer shows these keys, most important first, as far as they fit (widgets/footer.py);
    # F1 lists all keys.
    FOOTER_KEYS = ("persons.informed", "persons.add", "persons.edit", "persons.back")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", N_("Terug"), id="persons.back"),
        Binding("i", "informed", N_("Geïnformeerd?"), id="persons.informed"),
        Binding("a", "add", N_("Betrokkene erbij"), id="persons.add"),
        Binding("e", "edit", N_("Wijzigen"), id="persons.edit"),
        Binding("delete", "remove", N_("Uit de casus halen"), show=False, id="persons.remove"),
    ]

    def __init__(self, case_id: int) -> None:
        super().__init__()
        self.case_id = case_id
        self.case: cases.Case | None = None
        self.links: list[persons.CasePerson] = []

    def compose(self) -> ComposeResult:
        yield ProfileHeader()
        with Vertical(id="persons-main"):
            yield Static("", id="persons-title", markup=False)
            yield ListTable(id="persons-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="persons-row", markup=False)
            yield Static("", id="persons-hint", markup=False)
        yield QuickFooter()

    def on_mount(self) -> None:
        if hasattr(self.app, "projector"):  # projector mode: drawn again under the new policy
            self.watch(self.app, "projector", lambda _on: self.reload(), init=False)
        try:
            self.case = cases.get_case(self.case_id)  # logs the view (NEN 7513)
        except ZvhError as error:
            self.app.pop_screen()
            self.app.show_refusal(error)
            return
        table = self.query_one("#persons-table", DataTable)
        # Fits 80 columns; a wider terminal gives the rest to the name and the address.
        extra = max(0, self.app.size.width - 80) // 2
        for label, width in ((_("Nr"), 3), (_("Naam"), 18 + extra), (_("Geboren"), 10), (_("Rol"), 9),
                             (_("Adres"), 12 + extra), (_("Geïnformeerd"), 12)):
            table.add_column(label, width=width)
        self.reload()

    def reload(self, keep_person: int | None = None) -> None:
        if self.case is None:
            return
        case = self.case = cases.get_case(self.case_id, audit_view=False)
        if keep_person is None:
            current = self.current()
            keep_person = current.person_id if current else None
        self.links = persons.links_of(case)
        title = _("Betrokkenen · casus {reference}").format(reference=case.reference)
        if case.title:
            title += f" · {disclosure.case_name(case.title)}"
        if case.phase == Phase.CLOSED.value:
            title += " " + _("(afgesloten)")
        self.query_one("#persons-title", Static).update(plain_text(title))
        table = self.query_one("#persons-table", DataTable)
        table.clear()
        for link in self.links:
            person = link.person
            due = persons.review_due(link)
            table.add_row(
                cell(person.id),
                cell(disclosure.person_name(person)),
                cell(disclosure.date_of_birth(person)),
                cell(PersonRole.label_of(link.role)),
                cell(disclosure.address(person)),
                cell(_("heroverwegen") if due else (_("ja") if link.informed else _("nee")),
                     "bold" if not link.informed else ""),
                key=str(person.id),
            )
        table.styles.height = max(2, min(len(self.links) + 1, 14))
        for position, link in enumerate(self.links):
            if link.person_id == keep_person:
                table.move_cursor(row=position)
        self.query_one("#persons-hint", Static).update(self._summary())
        self.show_row()
        self.refresh_bindings()

    def _summary(self) -> Text:
        n = len(self.links)
        not_informed = sum(1 for link in self.links if not link.informed)
        due = sum(1 for link in self.links if persons.review_due(link))
        text = Text(ngettext("{n} betrokkene; {not_informed} niet geïnformeerd.",
                             "{n} betrokkenen; {not_informed} niet geïnformeerd.", n).format(
                                 n=i18n.format_number(n), not_informed=i18n.format_number(not_informed)))
        if due:
            text.append(" " + ngettext("Bij {n} betrokkene: {signal} (i).", "Bij {n} betrokkenen: {signal} (i).",
                                       due).format(n=i18n.format_number(due), signal=_(SIGNAL)), style="bold")
        return text

    def current(self) -> persons.CasePerson | None:
        if not self.is_mounted or not self.links:
            return None
        table = self.query_one("#persons-table", DataTable)
        if 0 <= table.cursor_row < len(self.links):
            return self.links[table.cursor_row]
        return None

    def show_row(self) -> None:
        """The highlighted person in full: the reason does not fit in the table."""
        link = self.current()
        line = self.query_one("#persons-row", Static)
        if link is None:
            line.update("")
            return
        person = link.person
        text = SafeText(disclosure.person_label(person, PersonRole.label_of(link.role)), style="bold")
        address = disclosure.address(person)
        if address:
            text.append("\n" + _("Adres: {address}").format(address=address))
        text.append("\n" + _("Geïnformeerd: {informed}").format(
            informed=informed_text(link, hide_reason=disclosure.projecting())))
        if persons.review_due(link):
            text.append(f"  ! {_(SIGNAL)}", style="bold")
        line.update(text)

    @on(DataTable.RowHighlighted, "#persons-table")
    def _highlighted(self) -> None:
        self.show_row()
        self.refresh_bindings()

    @on(DataTable.RowSelected, "#persons-table")
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    # -- keys --------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted or self.case is None:
            return True
        if action in ("add", "edit", "informed", "remove") and self.case.phase == Phase.CLOSED.value:
            return None
        if action in ("edit", "informed", "remove") and self.current() is None:
            return None
        if action == "remove" and len(self.links) <= 1:
            return None  # the last betrokkene stays
        return True

    def action_back(self) -> None:
        self.dismiss(None)

    def action_add(self) -> None:
        if self.case is None:
            return
        dialog = PersonDialog(self.case).keep_draft(f"person:{self.case.id}:new", case_id=self.case.id)

        def done(saved: bool | None) -> None:
            if saved:
                self.reload(dialog.person_id)
                self.notify(_("Betrokkene toegevoegd."), markup=False)

        self.app.push_screen(dialog, done)

    def action_edit(self) -> None:
        link = self.current()
        if link is None or self.case is None or self.case.phase == Phase.CLOSED.value:
            return
        dialog = PersonDialog(self.case, link).keep_draft(f"person:{self.case.id}:{link.person_id}",
                                                          case_id=self.case.id)
        self.app.push_screen(dialog, lambda saved: saved and self._saved(link.person_id, _("Opgeslagen.")))

    def action_informed(self) -> None:
        link = self.current()
        if link is None or self.case is None:
            return
        dialog = InformedDialog(self.case, link).keep_draft(
            f"informed:{self.case.id}:{link.person_id}", case_id=self.case.id)
        self.app.push_screen(dialog, lambda saved: saved and self._saved(link.person_id, _("Opgeslagen.")))

    def _saved(self, person_id: int, message: str) -> None:
        self.reload(person_id)
        self.notify(message, markup=False)

    def action_remove(self) -> None:
        link = self.current()
        if link is None or self.case is None:
            return
        case = self.case
        name = disclosure.person_name(link.person)

        def save(reason: str) -> object:
            return persons.remove_person(cases.get_case(case.id, audit_view=False), link.person_id, reason)

        dialog = TextDialog(
            _("Betrokkene uit de casus halen"),
            _("Waarom hoort {name} niet (meer) bij deze casus?").format(name=name), save,
            field="remove_reason",
            intro=_("De reden komt in het journaal. De gegevens van de betrokkene gaan uit de casus."),
        ).keep_draft(f"remove_person:{case.id}:{link.person_id}", case_id=case.id)

        def done(saved: bool | None) -> None:
            if saved:
                self.reload()
                self.notify(_("{name} is uit de casus gehaald.").format(name=name), markup=False)

        self.app.push_screen(dialog, done)
