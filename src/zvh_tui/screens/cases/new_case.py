"""Nieuwe aanmelding: the form that opens a case (the fields of the aanmelding phase).

Validation is the service's (`services.cases.create_case`): a refusal names its field
(`ZvhError.field`), the Dutch message shows under that field, the field gets the cursor, and
everything typed stays in the form. Escape leaves at once only when nothing was typed;
otherwise it asks whether to throw the aanmelding away.

What is typed is kept as a draft (widgets/drafts.py, key "new_case"): a lock, crash or kill -9
loses nothing, and the next "Nieuwe aanmelding" gives it back ("Concept teruggezet"). Saving the
aanmelding or throwing it away (Escape, "Weggooien") ends the draft.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widget import AwaitMount
from textual.widgets import Button, Checkbox, Input, Label, Select, Static, TextArea

from zvh_tui.core.errors import ValidationError, ZvhError
from zvh_tui.core.i18n import N_, _
from zvh_tui.core.vocab import PersonRole, ZvhRole
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.cases.lifecycle import NewCase, NewPerson
from zvh_tui.services.shared.text import visible
from zvh_tui.widgets.checkbox import TickBox
from zvh_tui.widgets.date_input import DateInput
from zvh_tui.widgets.dialogs import ConfirmDialog
from zvh_tui.widgets.drafts import DraftForm
from zvh_tui.widgets.footer import QuickFooter
from zvh_tui.widgets.header import ProfileHeader
from zvh_tui.widgets.partner_picker import PartnerPicker

MAX_PERSONS = 12
FIELD_ALIASES = {"referrer_contact": "referrer"}  # service field -> widget id


def widget_id(field: str) -> str:
    field = FIELD_ALIASES.get(field, field)
    return field.replace(".", "-")


FORM_FIELDS = ("title", "referrer", "referrer_citizen", "reason", "referral_goal", "received_on",
               "not_informed_reason", "informed_review_on", "zvh_role")
# Informed or not is per betrokkene (schema v6): a tick on each person's row; one reason and
# review date below serve every person not ticked (each can be changed in the dossier, B).
PERSON_FIELDS = ("name", "date_of_birth", "role", "informed")
DRAFT_PERSONS = "persons"  # how many person rows the draft has


def ave_start() -> str:
    """Where the new case starts in the AVE model, said in words (never silently "1 · casus")."""
    return _("AVE: de casus start in AVE-fase {phase} ({label}) op procesniveau, waar ZVH-casussen "
             "staan; bij de triage (t in het dossier) kiest u de fase en het niveau.").format(
                 phase=cases.NEW_CASE_AVE.value, label=cases.NEW_CASE_AVE.label)


class NewCaseScreen(DraftForm, Screen[int | None]):
    """The aanmelding form; dismisses with the new case's id (None when cancelled)."""

    CSS_PATH = "new_case.tcss"
    AUTO_FOCUS = "#person0-name"
    KEEPS_UNSAVED_INPUT = True  # F2 (app.cases) from another area comes back here, not past it
    DRAFT_KEY = "new_case"

    # The footer shows these keys, most important first, as far as they fit (widgets/footer.py);
    # F1 lists all keys.
    FOOTER_KEYS = ("new_case.save", "new_case.add_person", "new_case.cancel")
    BINDINGS = [
        Binding("f5,ctrl+s", "save", N_("Opslaan"), id="new_case.save"),
        Binding("ctrl+n", "add_person", N_("Betrokkene erbij"), id="new_case.add_person"),
        Binding("escape", "cancel", N_("Annuleren"), id="new_case.cancel"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.person_count = 0

    # -- layout -----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield ProfileHeader()
        yield Static(_("Nieuwe aanmelding"), id="new-case-title", markup=False)
        form = VerticalScroll(id="new-case-form")
        form.can_focus = False  # Tab goes from field to field
        with form:
            yield Label(_("Betrokkenen (naam, geboortedatum, rol; geïnformeerd of niet)"), classes="section")
            yield Vertical(id="persons")
            yield Button(_("Betrokkene toevoegen (Ctrl+N)"), id="add-person")
            yield Label(_("Naam of alias in lijsten (leeg: de naam van de eerste betrokkene)"),
                        classes="field-label")
            yield Input(id="title")
            yield self._error("title")
            yield Label(_("Aanmelder: partner en contactpersoon"), classes="section")
            yield PartnerPicker(id="referrer")
            yield self._error("referrer")
            yield Label(_("… of een burger als melder (naam of omschrijving)"), classes="field-label")
            yield Input(id="referrer_citizen")
            yield self._error("referrer_citizen")
            yield Label(_("Aanleiding"), classes="section")
            yield TextArea(id="reason", soft_wrap=True)
            yield self._error("reason")
            yield Label(_("Doel van de aanmelding"), classes="field-label")
            yield TextArea(id="referral_goal", soft_wrap=True)
            yield self._error("referral_goal")
            yield Label(_("Datum van aanmelding (leeg: vandaag)"), classes="field-label")
            yield DateInput(label=N_("Datum van aanmelding"), id="received_on")
            yield self._error("received_on")
            with Vertical(id="not-informed"):
                yield Label(_("Waarom niet geïnformeerd? (voor elke betrokkene zonder vinkje "
                              "'geïnformeerd'; per betrokkene aan te passen in het dossier, B)"),
                            classes="field-label")
                yield TextArea(id="not_informed_reason", soft_wrap=True)
                yield self._error("not_informed_reason")
                yield Label(_("Heroverwegen op (tot wanneer niet informeren?)"), classes="field-label")
                yield DateInput(label=N_("Heroverweegdatum"), future=True, id="informed_review_on")
                yield self._error("informed_review_on")
            yield Label(_("Rol van het ZVH"), classes="field-label")
            yield Select([(r.label, r.value) for r in ZvhRole], value=ZvhRole.DIRECTION.value,
                         allow_blank=False, id="zvh_role")
            yield self._error("zvh_role")
            yield Static(ave_start(), id="ave-start", classes="field-label", markup=False)
            yield Static("", id="err-form", classes="field-error -empty", markup=False)
            with Horizontal(id="new-case-buttons"):
                yield Button(_("Annuleren"), id="cancel")
                yield Button(_("Aanmelding opslaan (F5)"), id="save", variant="primary")
        yield QuickFooter()

    @staticmethod
    def _error(field: str) -> Static:
        return Static("", id=f"err-{field}", classes="field-error -empty", markup=False)

    async def on_mount(self) -> None:
        """Runs before DraftForm.on_mount (which gives a draft back): the first row is there."""
        await self.add_person()
        self.query_one("#not-informed").display = False

    def add_person(self) -> AwaitMount:
        index = self.person_count
        role = PersonRole.CLIENT.value if index == 0 else PersonRole.HOUSEHOLD.value
        line = Horizontal(
            Input(placeholder=_("Naam van betrokkene {n}").format(n=index + 1), id=f"person{index}-name",
                  classes="person-name"),
            DateInput(label=N_("Geboortedatum"), id=f"person{index}-date_of_birth",
                      placeholder=_("geboortedatum")),
            Select([(r.label, r.value) for r in PersonRole], value=role, allow_blank=False,
                   id=f"person{index}-role", classes="person-role"),
            classes="person-line",
        )
        informed = TickBox(_("geïnformeerd over de aanmelding"), value=True, id=f"person{index}-informed",
                           classes="person-informed")
        errors = [self._error(f"person{index}-{field}") for field in PERSON_FIELDS]
        row = Vertical(line, informed, *errors, classes="person", id=f"person{index}")
        self.person_count += 1
        return self.query_one("#persons", Vertical).mount(row)

    # -- the draft (widgets/drafts.py) --------------------------------------------------------
    def draft_fields(self) -> list[str]:
        persons = [f"person{i}-{field}" for i in range(self.person_count) for field in PERSON_FIELDS]
        return [*persons, *FORM_FIELDS]

    def draft_values(self) -> dict[str, str]:
        return {DRAFT_PERSONS: str(self.person_count), **super().draft_values()}

    async def draft_prepare(self, values: dict[str, str]) -> None:
        wanted = values.get(DRAFT_PERSONS, "1")
        count = min(int(wanted), MAX_PERSONS) if wanted.isdigit() else 1
        while self.person_count < count:
            await self.add_person()
        if "informed" in values:  # a draft from before the tick per person: its one answer for all
            for i in range(count):
                values.setdefault(f"person{i}-informed", values["informed"])

    # -- reading the form -------------------------------------------------------------------
    def _text(self, selector: str) -> str:
        widget = self.query_one(selector)
        if isinstance(widget, TextArea):
            return widget.text
        return widget.value  # type: ignore[attr-defined]

    def collect(self) -> NewCase:
        persons = []
        for i in range(self.person_count):
            name = self._text(f"#person{i}-name")
            born = self.query_one(f"#person{i}-date_of_birth", DateInput).value
            if i > 0 and not name.strip() and not born.strip():
                continue  # an extra row left empty
            role = self.query_one(f"#person{i}-role", Select).value
            informed = self.query_one(f"#person{i}-informed", Checkbox).value
            persons.append(NewPerson(name=name, date_of_birth=born or None, role=str(role),
                                     informed=informed))
        picker = self.query_one("#referrer", PartnerPicker)
        if picker.text.strip() and picker.value is None:
            raise ValidationError(
                _("Kies de aanmelder uit de lijst (typ een paar letters, pijltjes en Enter), "
                  "of maak het veld leeg."), field="referrer")
        partner_id, contact_id = picker.value or (None, None)
        return NewCase(
            persons=persons,
            title=self._text("#title"),
            referrer_partner_id=partner_id,
            referrer_contact_id=contact_id,
            referrer_citizen=self._text("#referrer_citizen"),
            reason=self._text("#reason"),
            referral_goal=self._text("#referral_goal"),
            received_on=self.query_one("#received_on", DateInput).value or None,
            not_informed_reason=self._text("#not_informed_reason"),
            informed_review_on=self.query_one("#informed_review_on", DateInput).value or None,
            zvh_role=str(self.query_one("#zvh_role", Select).value),
        )

    def is_empty(self) -> bool:
        texts = [self._text(f"#person{i}-name") for i in range(self.person_count)]
        texts += [self.query_one(f"#person{i}-date_of_birth", DateInput).value
                  for i in range(self.person_count)]
        texts += [self._text(s) for s in ("#title", "#referrer_citizen", "#reason", "#referral_goal",
                                          "#not_informed_reason")]
        texts += [self.query_one(s, DateInput).value for s in ("#received_on", "#informed_review_on")]
        texts.append(self.query_one("#referrer", PartnerPicker).text)
        return not any(t.strip() for t in texts) and self.all_informed()

    def all_informed(self) -> bool:
        return all(tick.value for tick in self.query(".person-informed").results(Checkbox))

    # -- errors -----------------------------------------------------------------------------
    def clear_errors(self) -> None:
        for line in self.query(".field-error").results(Static):
            line.update("")
            line.add_class("-empty")
        for widget in self.query(".-invalid"):
            widget.remove_class("-invalid")

    def show_error(self, error: ZvhError) -> None:
        key = widget_id(error.field) if error.field else ""
        if key and key.startswith("person") and key.endswith("-address"):
            key = key.replace("-address", "-name")  # no address field in this form
        lines = self.query(f"#err-{key}") if key else None
        line = lines.first(Static) if lines else self.query_one("#err-form", Static)
        line.update(visible(str(error)))
        line.remove_class("-empty")
        targets = self.query(f"#{key}") if key else None
        if targets:
            target = targets.first()
            target.add_class("-invalid")
            if not target.display or (target.parent is not None and not target.parent.display):
                return
            target.focus()
            self.query_one("#new-case-form", VerticalScroll).scroll_to_widget(line, animate=False)
        else:
            self.query_one("#new-case-form", VerticalScroll).scroll_to_widget(line, animate=False)

    # -- actions ----------------------------------------------------------------------------
    def action_save(self) -> None:
        self.clear_errors()
        try:
            case = cases.create_case(self.collect())
        except ZvhError as error:
            self.show_error(error)
            return
        self.draft_discard()
        self.notify(_("Aanmelding opgeslagen: casus {reference}.").format(reference=case.reference),
                    markup=False)
        self.dismiss(case.id)

    async def action_add_person(self) -> None:
        if self.person_count >= MAX_PERSONS:
            self.notify(_("Hoogstens {n} betrokkenen in één aanmelding; voeg er later meer toe in "
                          "het dossier.").format(n=MAX_PERSONS), markup=False)
            return
        index = self.person_count
        await self.add_person()
        self.query_one(f"#person{index}-name").focus()

    def action_cancel(self) -> None:
        if self.is_empty():
            self.draft_discard()
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:  # thrown away on purpose: the draft goes too (a lock keeps it)
                self.draft_discard()
                self.dismiss(None)

        self.app.push_screen(
            ConfirmDialog(_("Aanmelding weggooien?"),
                          _("Wat u in dit formulier typte, wordt niet opgeslagen."),
                          yes=_("Weggooien"), no=_("Verder invullen")),
            answered,
        )

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Button.Pressed, "#add-person")
    async def _add_pressed(self) -> None:
        await self.action_add_person()

    @on(Checkbox.Changed, ".person-informed")
    def _informed_changed(self) -> None:
        """The reason and review date are asked while any person is not informed."""
        self.query_one("#not-informed").display = not self.all_informed()
