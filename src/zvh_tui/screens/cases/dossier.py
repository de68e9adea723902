"""The dossier of one case: overview, participants, plan, meetings, journal, escalation history.

Opening it reads the case through `services.cases.get_case` (an audited "view"). Each key
sends one intent to a service; refusals of the rules (`cases.phase_blockers`, …) are shown in
plain Dutch. After a change the dossier is read again without a new "view" event (the change
itself is audited). All case data is shown as plain text, never as markup.
"""

from __future__ import annotations

import time

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from zvh_tui.core import i18n
from zvh_tui.core.errors import NotFound, ZvhError
from zvh_tui.core.i18n import N_, _, ngettext, pgettext
from zvh_tui.core.vocab import (
    PHASE_ORDER,
    ActionStatus,
    CheckStatus,
    Hat,
    Level,
    MeetingStatus,
    ParticipantRole,
    PersonRole,
    Phase,
    TriageOutcome,
    ZvhRole,
)
from zvh_tui.screens.cases.namens import HandOverDialog
from zvh_tui.screens.cases.persons import SIGNAL as INFORM_SIGNAL
from zvh_tui.screens.cases.persons import informed_text
from zvh_tui.services.cases import advice, ave, escalation, journal, namens
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.cases import persons as person_rules
from zvh_tui.services.cases.case_list import Dossier, ave_full, load_dossier
from zvh_tui.services.shared import clock, disclosure
from zvh_tui.widgets.dialogs import (
    ChoiceDialog,
    CloseCaseDialog,
    ConfirmDialog,
    EscalateDialog,
    JournalDialog,
    MessageDialog,
    TextDialog,
    TriageDialog,
)
from zvh_tui.widgets.footer import QuickFooter
from zvh_tui.widgets.header import ProfileHeader
from zvh_tui.widgets.safe_text import SafeText, plain_text

NOT_AVAILABLE = N_("Nog niet beschikbaar")  # shown as _(…), as the other texts defined here
RETENTION_MISSING = N_(
    "De bewaartermijn is nog niet ingesteld. Vul die eerst in bij Instellingen (F9), "
    "bijvoorbeeld Wmo 15 jaar, Jeugdwet 20 jaar, volgens uw convenant."
)
# The key that helps, added to a refusal of the rules (issue 11.10): the services say in words
# what is missing, the screen names the key that does it. The phrases are looked for in the
# message as it reads in the language of the moment, so each is translated as the services'
# English refusals word it (a context of its own: "adviesvraag" is worded otherwise elsewhere).


def key_hints() -> tuple[tuple[str, str], ...]:
    """(phrase, key) in the language of the moment."""
    return (
        (pgettext("dossier.key_hint", "uitkomst van de triage"), "t"),
        (pgettext("dossier.key_hint", "check op bekendheid"),
         pgettext("dossier.key_hint", "d: Deelnemers")),
        (pgettext("dossier.key_hint", "Heropen"), "r"),
        (pgettext("dossier.key_hint", "Sluit de casus af"), "c"),
        (pgettext("dossier.key_hint", "Sluit een casus af"), "c"),
        (pgettext("dossier.key_hint", "adviesvraag"), "A"),
        (pgettext("dossier.key_hint", "Zet de rol eerst op advies"), "w"),
        (pgettext("dossier.key_hint", "bij Instellingen"), "F9"),
    )


def with_key_hint(message: str) -> str:
    """'Leg eerst de uitkomst van de triage vast.' -> '… vast (t).'"""
    for phrase, key in key_hints():
        if phrase in message and f"({key}" not in message:
            body, dot = (message[:-1], ".") if message.endswith(".") else (message, "")
            return f"{body} ({key}){dot}"
    return message


# (key, title, what the key that jumps there says): shown through _().
SECTIONS = [
    ("overview", N_("Overzicht"), N_("Naar Overzicht")),
    ("participants", N_("Deelnemers"), N_("Naar Deelnemers")),
    ("plan", N_("Plan van aanpak"), N_("Naar Plan van aanpak")),
    ("meetings", N_("Overleggen"), N_("Naar Overleggen")),
    ("journal", N_("Journaal"), N_("Naar Journaal")),
    ("escalations", N_("Op- en afschaling"), N_("Naar Op- en afschaling")),
    ("provisions", N_("Verstrekkingen"), N_("Naar Verstrekkingen")),
    ("advice", N_("Advies en AVE"), N_("Naar Advies en AVE")),
]


def _date(day: object) -> str:
    return i18n.format_date(day) if day else "—"  # type: ignore[arg-type]


def _field(text: Text, label: str, value: str, *, style: str = "") -> None:
    """`label` already in the language of the moment (`_()` at the call)."""
    text.append(f"{label}: ", style="bold")
    text.append(value or "—", style=style)
    text.append("\n")


class DossierScreen(Screen[None]):
    """Everything about one case on one scrolling page, with keys for the next step."""

    CSS_PATH = "dossier.tcss"
    AUTO_FOCUS = "#dossier-body"

    # The footer shows these keys, most important first, as far as they fit (widgets/footer.py);
    # F1 lists all keys.
    FOOTER_KEYS = ("dossier.journal", "dossier.phase_forward", "dossier.plan", "dossier.back")
    BINDINGS = [
        Binding("escape", "back", N_("Terug"), id="dossier.back"),
        Binding("n", "journal", N_("Notitie"), id="dossier.journal"),
        Binding("v", "phase_forward", N_("Fase verder"), id="dossier.phase_forward"),
        Binding("b", "phase_back", N_("Fase terug"), show=False, id="dossier.phase_back"),
        Binding("t", "triage", N_("Triage-uitkomst"), show=False, id="dossier.triage"),
        Binding("o", "escalate", N_("Op-/afschalen"), id="dossier.escalate"),
        Binding("p", "plan", N_("Plan"), id="dossier.plan"),
        Binding("d", "participants", N_("Deelnemers"), show=False, id="dossier.participants"),
        Binding("c", "close_case", N_("Casus afsluiten"), show=False, id="dossier.close"),
        Binding("r", "reopen", N_("Heropenen"), show=False, id="dossier.reopen"),
        Binding("a", "agenda", N_("Op een agenda"), show=False, id="dossier.agenda"),
        Binding("i", "ico", N_("ICO nu"), show=False, id="dossier.ico"),
        Binding("N,shift+n", "hand_over", N_("Overdragen (namens)"), show=False, id="dossier.hand_over"),
        Binding("e", "edit_referral", N_("Aanmelding wijzigen"), show=False, id="dossier.edit_referral"),
        Binding("B", "persons", N_("Betrokkenen"), show=False, id="dossier.persons"),
        Binding("A", "advice", N_("Adviesvraag"), show=False, id="dossier.advice"),
        Binding("w", "switch_role", N_("Rol wisselen"), show=False, id="dossier.switch_role"),
        Binding("O", "escalate_proposal", N_("Opschalen volgens voorstel"), show=False, id="dossier.proposal"),
        *[
            Binding(str(n), f"section('{key}')", goto, show=False, id=f"dossier.section_{n}")
            for n, (key, _title, goto) in enumerate(SECTIONS, start=1)
        ],
    ]

    def __init__(self, case_id: int) -> None:
        super().__init__()
        self.case_id = case_id
        self.dossier: Dossier | None = None
        self.shown_at = 0.0  # for the benchmark: when the content was first on screen
        self._child_open = False
        self.proposal: ave.Proposal | None = None  # opschalen proposed by the signals (O)

    def compose(self) -> ComposeResult:
        yield ProfileHeader()
        yield Static("", id="dossier-title", markup=False)
        yield Static("   ".join(f"{n} {_(title)}" for n, (_key, title, _goto) in enumerate(SECTIONS, start=1)),
                     id="dossier-index", markup=False)
        yield Static("", id="dossier-signals", markup=False)
        with VerticalScroll(id="dossier-body"):
            for key, title, _goto in SECTIONS:
                yield Static(_(title), id=f"heading-{key}", classes="dossier-heading", markup=False)
                yield Static("", id=f"dossier-{key}", classes="dossier-section", markup=False)
        yield QuickFooter()

    def on_mount(self) -> None:
        self.reload(audit_view=True, first=True)
        self.call_after_refresh(self._mark_shown)
        if hasattr(self.app, "projector"):  # projector mode: draw again under the new policy
            self.watch(self.app, "projector", lambda _on: self.render_dossier(), init=False)

    def _names(self, d: Dossier) -> tuple[str, ...]:
        """What names the case's persons, for free text on a projector (disclosure.mask_text)."""
        if not disclosure.projecting():
            return ()
        names = [d.case.title]
        for person, _role in d.persons:
            names += [person.name, person.address]
        return tuple(name for name in names if name)

    def _free(self, value: str) -> str:
        """A free-text field that may name anyone: hidden on a projector (screens.md)."""
        return disclosure.HIDDEN if value and disclosure.projecting() else value

    def show_case(self, case_id: int) -> bool:
        """Fill this (reused) dossier with another case before it is shown again."""
        previous = self.case_id
        self.case_id = case_id
        try:
            self.dossier = load_dossier(case_id, audit_view=True)
        except NotFound as error:
            self.case_id = previous
            self.app.show_refusal(error)
            return False
        self.render_dossier()
        self.shown_at = 0.0
        self.query_one("#dossier-body", VerticalScroll).scroll_home(animate=False, immediate=True)
        return True

    def on_screen_resume(self) -> None:
        if self._child_open:  # back from the plan editor or the participants
            self._child_open = False
            self.reload()
        self.refresh_bindings()  # closed or not: which keys are greyed
        if self.shown_at == 0.0:
            self.call_after_refresh(self._mark_shown)

    def _mark_shown(self) -> None:
        self.shown_at = time.perf_counter()

    # -- reading ----------------------------------------------------------------------------
    def reload(self, *, audit_view: bool = False, first: bool = False) -> None:
        try:
            self.dossier = load_dossier(self.case_id, audit_view=audit_view)
        except NotFound as error:
            self.dismiss(None)
            self.app.show_refusal(error)
            return
        self.render_dossier()
        if not first:  # a change may grey or ungrey keys (closed / reopened)
            self.refresh_bindings()

    @property
    def case(self):  # the Case model
        assert self.dossier is not None
        return self.dossier.case

    def render_dossier(self) -> None:
        d = self.dossier
        if d is None:
            return
        case = d.case
        title = plain_text(_("Casus {reference}").format(reference=case.reference)
                           + f"  ·  {disclosure.case_name(case.title)}", style="bold")
        title.append(f"  ·  {Phase.label_of(case.phase)}")
        self.query_one("#dossier-title", Static).update(title)
        self.query_one("#dossier-overview", Static).update(self._overview(d))
        self.query_one("#dossier-participants", Static).update(self._participants(d))
        self.query_one("#dossier-plan", Static).update(self._plan(d))
        self.query_one("#dossier-meetings", Static).update(self._meetings(d))
        self.query_one("#dossier-journal", Static).update(self._journal(d))
        self.query_one("#dossier-escalations", Static).update(self._escalations(d))
        self.query_one("#dossier-provisions", Static).update(self._provisions(d))
        self._render_advice(d)

    def _overview(self, d: Dossier) -> Text:
        case = d.case
        text = SafeText()  # stored text: control characters as symbols
        # The person's number is what the logboek (`b 17`) and `zvh export log --person 17` ask.
        persons = "; ".join(
            disclosure.person_label(person, PersonRole.label_of(role)) for person, role in d.persons
        )
        _field(text, _("Betrokkenen"), persons)
        _field(text, _("Fase"), Phase.label_of(case.phase))
        _field(text, _("Rol van het ZVH"), ZvhRole.label_of(case.zvh_role))
        _field(text, _("AVE"), ave_full(case.ave_phase, case.level))
        director = d.director
        if director is not None:
            who = director.partner.name + (f" · {director.contact.name}" if director.contact_id else "")
            _field(text, _("Casusregisseur"), who)
        else:
            _field(text, _("Casusregisseur"), _("nog niet afgesproken"), style="bold")
        _field(text, _("Plan van aanpak"), d.plan.status if d.plan else _("nog geen plan"))
        _field(text, _("Volgende evaluatie"), _date(d.next_evaluation))
        _field(text, _("Volgend overleg"), _date(d.next_meeting))
        self._informed(text, d)
        referrer = self._free(case.referrer_citizen)  # a citizen's own name
        if case.referrer_partner_id:
            referrer = case.referrer_partner.name
            if case.referrer_contact_id:
                referrer += f" · {case.referrer_contact.name}"
        _field(text, _("Aanmelder"), referrer)
        _field(text, _("Aangemeld op"), _date(case.received_on))
        _field(text, _("Namens (logboek)"), namens.of(case).label)
        _field(text, _("Aanleiding"), self._free(case.reason))
        _field(text, _("Doel van de aanmelding"), self._free(case.referral_goal))
        if case.triage_outcome:
            _field(text, _("Triage"), f"{TriageOutcome.label_of(case.triage_outcome)}"
                   + (f" — {self._free(case.triage_reason)}" if case.triage_reason else ""))
        if case.phase == Phase.CLOSED.value:
            _field(text, _("Afgesloten op"), _date(case.closed_on))
            _field(text, _("Reden van afsluiten"), self._free(case.closing_reason))
            _field(text, _("Geïnformeerd over afsluiten"), self._free(case.closing_informed))
            _field(text, _("Bewaren tot"), _date(case.retention_end), style="bold")
            _field(text, _("Nazorg tot"), _date(case.watch_until))
        text.rstrip()
        return text

    def _informed(self, text: Text, d: Dossier) -> None:
        """Informed or not per betrokkene (B changes it), with the signal when the review
        date has passed; the reason is hidden on a projector."""
        projecting = disclosure.projecting()

        def line(link) -> tuple[str, bool]:
            due = person_rules.review_due(link)
            shown = informed_text(link, hide_reason=projecting) + (f"  ! {_(INFORM_SIGNAL)}" if due else "")
            return shown, not link.informed

        if len(d.links) == 1:
            shown, bold = line(d.links[0])
            _field(text, _("Geïnformeerd"), shown, style="bold" if bold else "")
            return
        text.append(_("Geïnformeerd") + ":", style="bold")
        for link in d.links:
            shown, bold = line(link)
            text.append(f"\n  {disclosure.person_name(link.person)}: ")
            text.append(shown, style="bold" if bold else "")
        text.append("\n")

    def _participants(self, d: Dossier) -> Text:
        text = SafeText()  # stored text: control characters as symbols
        if not d.participants:
            text.append(_("Nog geen partners aan tafel. Druk d om partners toe te voegen."))
            return text
        for row in d.participants:
            name = row.partner.name + (f" · {row.contact.name}" if row.contact_id else "")
            text.append(name, style="bold" if row.role == ParticipantRole.CASE_DIRECTOR.value else "")
            text.append(f"  —  {ParticipantRole.label_of(row.role)}")
            check = CheckStatus.label_of(row.check_status)
            text.append("  —  " + _("check op bekendheid: {status}").format(status=check))
            if row.check_on:
                text.append(f" ({_date(row.check_on)})")
            if not row.partner.convenant_signed:
                text.append("  —  " + _("geen privacyconvenant"), style="bold")
            text.append("\n")
        text.rstrip()
        return text

    def _plan(self, d: Dossier) -> Text:
        text = SafeText()  # stored text: control characters as symbols
        summary = d.plan
        if summary is None:
            text.append(_("Nog geen plan van aanpak. Druk p om het plan te openen."))
            return text
        plan = summary.plan
        names = self._names(d)

        def masked(value: str) -> str:  # on a projector: the case's names as initials
            return disclosure.mask_text(value, names)

        _field(text, _("Versie"), summary.status)
        _field(text, _("Gezamenlijke opgave"), masked(plan.shared_task))
        _field(text, _("Evaluatie"), _date(plan.evaluation_on))

        def action_line(action, flags: list[str], indent: str) -> None:
            owner = action.owner_partner.name if action.owner_partner_id else "—"
            text.append(f"{indent}• {masked(action.text)}  ({owner}, {_date(action.deadline)}, "
                        f"{ActionStatus.label_of(action.status)})")
            if flags:
                text.append("  ! " + ", ".join(flags), style="bold")
            text.append("\n")

        for intent, actions in summary.goals:
            text.append(_("Doel: {goal}").format(goal=masked(intent)) + "\n", style="bold")
            for action, flags in actions:
                action_line(action, flags, "  ")
        if summary.loose_actions:
            text.append(_("Acties zonder doel") + "\n", style="bold")
            for action, flags in summary.loose_actions:
                action_line(action, flags, "  ")
        if summary.agreements:
            text.append(_("Afspraken") + "\n", style="bold")
            for agreement in summary.agreements:
                text.append(f"  • {masked(str(agreement))}\n")
        if summary.blockers:
            text.append(_("Nog niet vast te stellen:") + "\n", style="bold")
            for blocker in summary.blockers:
                text.append(f"  • {masked(str(blocker))}\n")
        text.rstrip()
        return text

    def _meetings(self, d: Dossier) -> Text:
        text = SafeText()  # stored text: control characters as symbols
        if not d.meetings:
            return Text(_("Nog niet besproken in een overleg."))
        for item in d.meetings:
            meeting = item.meeting
            when = _date(meeting.held_on) + (f" {meeting.start_time}" if meeting.start_time else "")
            text.append(f"{when}  {meeting.kind}")
            if meeting.title:
                text.append(f"  {disclosure.mask_text(meeting.title, self._names(d))}")
            text.append(f"  ({MeetingStatus.label_of(meeting.status)})\n")
        text.rstrip()
        return text

    def _journal(self, d: Dossier) -> Text:
        if disclosure.projecting():  # the journal never shows on a projector
            return Text(_("Journaal {hidden}.").format(hidden=disclosure.HIDDEN))
        if not d.journal:
            return Text(_("Nog geen notities. Druk n voor een nieuwe notitie."))
        text = SafeText()  # stored text: control characters as symbols
        for entry in d.journal:
            text.append(f"{clock.format_local(entry.at)}  {entry.author}", style="bold")
            if entry.hat:
                text.append("  [" + _("pet: {hat}").format(hat=Hat.label_of(entry.hat)) + "]")
            text.append("\n")
            text.append(f"  {entry.text}\n")
        text.rstrip()
        return text

    def _escalations(self, d: Dossier) -> Text:
        if not d.escalations:
            return Text(_("Niet op- of afgeschaald."))
        text = SafeText()  # stored text: control characters as symbols
        for row in d.escalations:
            way = _("opgeschaald") if escalation.is_up(row) else _("afgeschaald")
            text.append(f"{_date(row.decided_on)}  {way}: ", style="bold")
            text.append(_("{from_level} (AVE {from_ave}) → {to_level} (AVE {to_ave}); besloten door {who}").format(
                from_level=Level.label_of(row.from_level), from_ave=row.from_ave,
                to_level=Level.label_of(row.to_level), to_ave=row.to_ave, who=row.decided_by) + "\n")
            text.append(f"  {self._free(row.trigger)}\n")
        text.rstrip()
        return text

    def _provisions(self, d: Dossier) -> Text:
        """The verstrekkingenlog of this case: what went to which partner, on which grondslag."""
        if not d.provisions:
            return Text(_("Nog niets aan partners verstrekt."))
        text = SafeText()  # stored text: control characters as symbols
        for row in d.provisions:
            text.append(f"{row.when}  {row.partner}", style="bold")
            text.append(f"  —  {row.what}")
            if row.unsigned:
                text.append("  —  " + _("geen convenant"), style="bold")
            text.append("\n  " + _("grondslag: {basis}  (door {who})").format(basis=row.basis, who=row.by or "—")
                        + "\n")
        text.rstrip()
        return text

    # -- keys -------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.dossier is None:
            return True
        closed = self.case.phase == Phase.CLOSED.value
        if action == "reopen":
            return True if closed else None
        if action == "edit_referral":
            return None if closed else True
        if action in ("advice", "switch_role", "escalate_proposal"):
            if closed:
                return None
            if action == "advice":
                return True if self.case.zvh_role == ZvhRole.ADVICE.value else None
            if action == "escalate_proposal":
                return True if self.proposal is not None else None
            return True
        if action in ("phase_forward", "phase_back", "triage", "escalate", "close_case", "journal",
                      "agenda", "ico", "hand_over"):
            if action == "journal":
                return True
            if action == "phase_back" and self._next_phase(-1) is None:
                return None  # already in the first phase: greyed, not refused after pressing
            return None if closed else True
        return True

    def action_section(self, key: str) -> None:
        """Scroll the section's heading to the top of the page."""
        body = self.query_one("#dossier-body", VerticalScroll)
        body.scroll_to_widget(self.query_one(f"#heading-{key}"), top=True, animate=False)

    def action_back(self) -> None:
        self.dismiss(None)

    def _after(self, changed: bool | None, message: str = "") -> None:
        if changed:
            self.reload()
            if message:
                self.notify(message, markup=False)

    def _next_phase(self, step: int) -> Phase | None:
        current = Phase(self.case.phase)
        if current == Phase.CLOSED:
            return None
        index = PHASE_ORDER.index(current) + step
        if 0 <= index < len(PHASE_ORDER):
            return PHASE_ORDER[index]
        return None

    def action_phase_forward(self) -> None:
        target = self._next_phase(1)
        if target is None:
            self.app.push_screen(MessageDialog(
                _("De casus is in de laatste fase"),
                [_("Uitvoering is de laatste fase. Sluit de casus af met c als het klaar is.")]))
            return
        self.move_phase(target)

    def action_phase_back(self) -> None:
        target = self._next_phase(-1)
        if target is None:
            self.notify(_("De casus staat al in de eerste fase."), markup=False)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.move_phase(target)

        self.app.push_screen(
            ConfirmDialog(_("Terug naar {phase}?").format(phase=target.label),
                          _("De casus gaat terug van {current} naar {phase}.").format(
                              current=Phase.label_of(self.case.phase), phase=target.label),
                          yes=_("Terug"), no=_("Niet terug")),
            answered,
        )

    def move_phase(self, target: Phase) -> None:
        blockers = cases.phase_blockers(self.case, target)
        if blockers:
            self.app.show_refusal([with_key_hint(str(b)) for b in blockers],
                                  _("Nog niet naar {phase}").format(phase=target.label))
            return
        try:
            cases.move_phase(self.case, target)
        except ZvhError as error:
            self.app.show_refusal(with_key_hint(str(error)), _("Nog niet naar {phase}").format(phase=target.label))
            return
        self._after(True, _("Fase: {phase}").format(phase=target.label))

    def action_triage(self) -> None:
        case = self.case

        def save(outcome: str, reason: str, ave_phase: str, level: str) -> object:
            return cases.set_triage(case, outcome, reason, ave_phase=ave_phase, level=level)

        dialog = TriageDialog(case.triage_outcome, case.triage_reason, save, ave_phase=case.ave_phase,
                              level=case.level, zvh_role=case.zvh_role)
        self.app.push_screen(dialog.keep_draft(f"triage:{case.id}", case_id=case.id),
                             lambda ok: self._after(ok, _("Triage-uitkomst vastgelegd")))

    def action_escalate(self) -> None:
        case = self.case

        def save(level: str, ave: str, trigger: str, decided_by: str, decided_on: str) -> object:
            return escalation.change_level(case, to_level=level, to_ave=ave, trigger=trigger,
                                           decided_by=decided_by, decided_on=decided_on)

        dialog = EscalateDialog(case.level, case.ave_phase, save, zvh_role=case.zvh_role)
        self.app.push_screen(dialog.keep_draft(f"escalate:{case.id}", case_id=case.id),
                             lambda ok: self._after(ok, _("Op- of afschaling vastgelegd")))

    def action_journal(self) -> None:
        case = self.case

        def save(body: str, hat: str | None) -> object:
            return journal.add_entry(case, body, hat)

        def saved(ok: bool | None) -> None:
            self._after(ok, _("Notitie opgeslagen"))
            if ok:
                self.call_after_refresh(self.action_section, "journal")

        self.app.push_screen(JournalDialog(save).keep_draft(f"journal:{case.id}", case_id=case.id),
                             saved)

    def action_close_case(self) -> None:
        case = self.case
        years = self.app.profile.settings.retention_years
        if years is None:
            self.app.push_screen(MessageDialog(_("Afsluiten kan nog niet"), [_(RETENTION_MISSING)]))
            return

        def save(reason: str, informed: str, watch_until: str, open_actions: str | None,
                 afschaling: dict[str, str] | None = None) -> object:
            step = cases.Afschaling(**afschaling) if afschaling else None
            return cases.close_case(case, reason, retention_years=years, informed=informed,
                                    watch_until=watch_until or None, open_actions=open_actions,
                                    afschaling=step)

        dialog = CloseCaseDialog(case.reference, int(years), save,
                                 open_actions=len(cases.open_actions_of(case)),
                                 level=case.level, ave_phase=case.ave_phase)
        self.app.push_screen(dialog.keep_draft(f"close:{case.id}", case_id=case.id),
                             lambda ok: self._after(ok, _("Casus afgesloten")))

    def action_reopen(self) -> None:
        case = self.case

        def save(reason: str) -> object:
            return cases.reopen_case(case, reason)

        self.app.push_screen(
            TextDialog(_("Casus heropenen"), _("Waarom wordt de casus heropend?"), save,
                       field="reopen_reason",
                       intro=_("De reden komt in het journaal. De bewaartermijn vervalt weer."),
                       ).keep_draft(f"reopen:{case.id}", case_id=case.id),
            lambda ok: self._after(ok, _("Casus heropend")),
        )

    # -- advice and AVE (issue 15.2, 15.3): the role, the AVE warning, the opschaling proposal,
    # the advice questions; one line of signals under the title ----------------------------
    def _render_advice(self, d: Dossier) -> None:
        case = d.case
        rows = advice.advices_of(case)
        warnings = ave.case_contradictions(case)
        profile = getattr(self.app, "profile", None)
        days = int(profile.settings.stagnation_days) if profile is not None else 30
        self.proposal = ave.proposal(case, stagnation_days=days)
        due = advice.follow_ups_due(case)
        text = SafeText()  # stored text: control characters as symbols
        if case.zvh_role == ZvhRole.ADVICE.value:
            _field(text, _("Rol van het ZVH"), _("advies: de regie blijft lokaal (w: naar procesregie)"))
        else:
            _field(text, _("Rol van het ZVH"), _("procesregie (w: terug naar advies)"))
        _field(text, _("AVE"), ave_full(case.ave_phase, case.level))
        for warning in warnings:
            text.append(_("Let op: {warning} (o)").format(warning=warning) + "\n", style="bold")
        if self.proposal is not None:
            text.append(_("Voorstel: {proposal} (O)").format(proposal=self.proposal.summary) + "\n", style="bold")
        if rows or case.zvh_role == ZvhRole.ADVICE.value:
            text.append(_("Adviesvragen") + "\n", style="bold")
        if not rows and case.zvh_role == ZvhRole.ADVICE.value:
            text.append("  " + _("Nog geen adviesvragen. Druk A voor een adviesvraag.") + "\n")
        for row in rows:
            text.append(f"  {_date(row.asked_on)}  "
                        + _("vraag van {who}: ").format(who=advice.who_asked(row) or "—"), style="bold")
            text.append(f"{self._free(row.question)}\n")
            if row.advice:
                text.append("    " + _("advies aan {who} ({date}): {advice}").format(
                    who=row.given_to, date=_date(row.given_on), advice=self._free(row.advice)) + "\n")
            else:
                text.append("    " + _("nog geen advies gegeven") + "\n")
            stays = advice.regie_stays_with(row)
            if stays:
                text.append("    " + _("regie blijft bij: {who}").format(who=stays) + "\n")
            if row.follow_up_on:
                text.append("    " + _("vervolg op {date}").format(date=_date(row.follow_up_on)))
                if advice.is_due(row) and case.phase != Phase.CLOSED.value:
                    text.append("  ! " + _("vervolg is aan de beurt"), style="bold")
                text.append("\n")
        text.rstrip()
        self.query_one("#dossier-advice", Static).update(text)
        signals = []
        if warnings:
            signals.append("! " + _("AVE-fase en niveau passen niet bij elkaar") + " (8)")
        if due:
            signals.append("! " + ngettext("{n} adviesvervolg aan de beurt", "{n} adviesvervolgen aan de beurt",
                                           len(due)).format(n=i18n.format_number(len(due))) + " (8)")
        if self.proposal is not None:
            signals.append(_("Voorstel: opschalen (O)"))
        line = self.query_one("#dossier-signals", Static)
        line.update("  ·  ".join(signals))
        line.display = bool(signals)

    def action_advice(self) -> None:
        """A: a new advice question, or (a ChoiceDialog first) complete one asked earlier."""
        case = self.case
        rows = advice.advices_of(case)
        if not rows:
            self._advice_form(None)
            return
        new = 0  # no advice row has id 0
        options = [(_("Nieuwe adviesvraag…"), new)]
        for row in rows:
            label = f"{_date(row.asked_on)}  {advice.who_asked(row) or '—'}"
            if not disclosure.projecting():
                label += f": {' '.join(row.question.split())[:50]}"
            options.append((label + ("" if row.advice else "  " + _("(nog geen advies)")), row.id))

        def chosen(advice_id: int | None) -> None:
            if advice_id == new:
                self._advice_form(None)
            elif advice_id is not None:
                self._advice_form(advice_id)

        self.app.push_screen(ChoiceDialog(_("Adviesvraag"), _("Een nieuwe adviesvraag, of een eerdere "
                                                            "aanvullen (het advies, de regie, het vervolg)?"),
                                          options), chosen)

    def _advice_form(self, advice_id: int | None) -> None:
        from zvh_tui.screens.cases.advice import AdviceDialog

        case = self.case
        row = advice.get_advice(case, advice_id) if advice_id is not None else None

        def save(data: advice.AdviceInput) -> object:
            return advice.add_advice(case, data) if row is None else advice.update_advice(row, data)

        def saved(ok: bool | None) -> None:
            self._after(ok, _("Adviesvraag opgeslagen"))
            if ok:
                self.call_after_refresh(self.action_section, "advice")

        dialog = AdviceDialog(case.id, save, current=advice.to_input(row) if row is not None else None)
        key = f"advice:{case.id}:{row.id if row is not None else 'new'}"
        self.app.push_screen(dialog.keep_draft(key, case_id=case.id), saved)

    def action_switch_role(self) -> None:
        """w: advies -> procesregie (reason optional), procesregie -> advies (reason required)."""
        case = self.case
        title, question, _required = advice.switch_text(case)

        def save(reason: str) -> object:
            return advice.switch_role(case, reason)

        def saved(ok: bool | None) -> None:
            self._after(ok, _("Rol van het ZVH: {role}").format(role=ZvhRole.label_of(self.case.zvh_role)))

        self.app.push_screen(
            TextDialog(title, question, save, field="role_reason",
                       intro=_("De wissel komt in het journaal (pet procesregie) en in het logboek."),
                       ).keep_draft(f"role:{case.id}", case_id=case.id),
            saved,
        )

    def action_escalate_proposal(self) -> None:
        """O: the escalation dialog filled in with the proposal and its evidence."""
        case, proposal = self.case, self.proposal
        if proposal is None:
            self.notify(_("Er is nu geen voorstel tot opschalen."), markup=False)
            return

        def save(level: str, ave_phase: str, trigger: str, decided_by: str, decided_on: str) -> object:
            return escalation.change_level(case, to_level=level, to_ave=ave_phase, trigger=trigger,
                                           decided_by=decided_by, decided_on=decided_on)

        dialog = EscalateDialog(case.level, case.ave_phase, save, to_level=proposal.to_level.value,
                                to_ave=proposal.to_ave.value, trigger=proposal.trigger,
                                proposal=proposal.summary, zvh_role=case.zvh_role)
        self.app.push_screen(dialog.keep_draft(f"escalate-proposal:{case.id}", case_id=case.id),
                             lambda ok: self._after(ok, _("Opschaling vastgelegd")))

    # -- meetings (issue 13.1): this case on an agenda, or an ICO right now ---------------------
    def action_agenda(self) -> None:
        """a: put this case on a coming meeting's agenda, or plan a new meeting for it."""
        from zvh_tui.services.meetings import meeting as meetings

        case = self.case
        coming = meetings.upcoming()
        on_it = {item.meeting_id for item in meetings.meetings_of_case(case)}
        new = 0  # the choice "plan a new meeting" (no meeting has id 0)
        options = [(f"{meetings.when(m)}  {m.kind}" + (f"  {m.title}" if m.title else ""), m.id)
                   for m in coming if m.id not in on_it]
        options.append((_("Nieuw overleg plannen…"), new))
        message = (_("Op welk overleg komt casus {reference}?") if len(options) > 1 else
                   _("Er is geen komend overleg zonder casus {reference}; plan er een.")
                   ).format(reference=case.reference)

        def chosen(meeting_id: int | None) -> None:
            if meeting_id == new:
                self._plan_for_case()
            elif meeting_id is not None:
                self._put_on_agenda(meeting_id)

        self.app.push_screen(ChoiceDialog(_("Op een agenda zetten"), message, options), chosen)

    def _put_on_agenda(self, meeting_id: int) -> None:
        from zvh_tui.services.meetings import meeting as meetings

        try:
            meeting = meetings.get_meeting(meeting_id)
            meetings.add_item(meeting, cases.get_case(self.case_id, audit_view=False))
        except ZvhError as error:
            self.app.show_refusal(error, _("Niet op de agenda"))
            return
        self._after(True, _("Op de agenda van {kind} {when}").format(kind=meeting.kind, when=meetings.when(meeting)))

    def _plan_for_case(self) -> None:
        from zvh_tui.screens.meetings.meeting_form import MeetingForm

        form = MeetingForm(self.app.profile.settings.meeting_types,
                           intro=_("Casus {reference} komt op de agenda.").format(reference=self.case.reference))

        def saved(ok: bool | None) -> None:
            if ok and form.result_id is not None:
                self._put_on_agenda(form.result_id)

        self.app.push_screen(form, saved)

    def action_ico(self) -> None:
        """i: an ICO for this case now (today's meeting with this case), then live mode."""
        from zvh_tui.services.meetings import meeting as meetings

        case = self.case

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                meeting = meetings.start_ico(cases.get_case(self.case_id, audit_view=False),
                                             kinds=self.app.profile.settings.meeting_types)
            except ZvhError as error:
                self.app.show_refusal(error, _("Geen ICO gestart"))
                return
            self.reload()
            self.app.start_live(meeting.id)

        self.app.push_screen(ConfirmDialog(
            _("ICO starten?"), _("Een ICO voor casus {reference}, vandaag, nu: het overleg wordt gepland "
                                 "met deze casus op de agenda en de partners aan tafel uitgenodigd, en "
                                 "de live-modus begint.").format(reference=case.reference),
            yes=_("ICO starten"), no=_("Niet nu"), focus_yes=True), answered)

    def action_hand_over(self) -> None:
        """N: hand the case over; from now on the logboek names the new partner (namens)."""
        self.app.push_screen(HandOverDialog(self.case).keep_draft(f"handover:{self.case.id}", case_id=self.case.id),
                             lambda ok: self._after(ok, _("Overgedragen: namens gewijzigd")))

    def action_plan(self) -> None:
        try:
            from zvh_tui.screens.plans.plan_editor import PlanEditorScreen  # built elsewhere
        except ImportError:
            self.notify(_(NOT_AVAILABLE), markup=False)
            return
        self._child_open = True
        self.app.push_screen(PlanEditorScreen(self.case_id))

    # -- the case after intake (issue 15.1) ----------------------------------------------------
    def action_edit_referral(self) -> None:
        """e: change the aanmelding (ReferralDialog, screens/cases/case_edit.py)."""
        from zvh_tui.screens.cases.case_edit import ReferralDialog

        case = self.case
        dialog = ReferralDialog(case).keep_draft(f"referral:{case.id}", case_id=case.id)
        self.app.push_screen(dialog, lambda ok: self._after(ok and bool(dialog.changed),
                                                            _("Aanmelding gewijzigd")))

    def action_persons(self) -> None:
        """B: the betrokkenen, their details and whether each is informed (PersonsScreen)."""
        from zvh_tui.screens.cases.persons import PersonsScreen

        self._child_open = True
        self.app.push_screen(PersonsScreen(self.case_id))

    def action_participants(self) -> None:
        try:
            from zvh_tui.screens.partners.participants import ParticipantsScreen  # built elsewhere
        except ImportError:
            self.notify(_(NOT_AVAILABLE), markup=False)
            return
        self._child_open = True
        self.app.push_screen(ParticipantsScreen(self.case_id))
