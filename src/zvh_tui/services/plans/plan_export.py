"""The plan van aanpak as others read it: a read model for the editor, Markdown and print-ready HTML.

`read_plan` gathers one version with the names and signals the editor and the exports show.
`plan_markdown` and `plan_html` write the whole plan, or with `partner_id` the *per-partner
version* (purpose limitation): the gezamenlijke opgave, only the goals that hold that partner's
own actions (without their leefgebied label), those actions, the afspraken that concern that
partner or everyone, and who the casusregisseur is and when the plan is evaluated (so the partner
knows whom to call and when). The client's own view, the other partners' goals, actions and
perspectives, the leefgebieden and the krachten en zorgen stay out of it.

Every export is a verstrekking (services/partners/provisions.py): the per-partner version to
that partner, the full plan to the table. Giving either to a partner without a signed convenant
must be confirmed (`convenant_warnings`; `confirmed=True` in `export_plan`/`export_to_folder`).

Exports hold one case's plan only, never the audit log; each export writes an audit event
`export` with detail `plan.md`, `plan.html` or `plan.partner`. The HTML is one self-contained file in
the print frame of `services/shared/paper.py` (every page: case, version, Vertrouwelijk, pagina x van y;
actions as a table)
(inline CSS, no scripts, fonts or links to fetch), every user text escaped.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from zvh_tui.core import i18n
from zvh_tui.core.errors import NotFound, RuleError, ValidationError
from zvh_tui.core.i18n import N_, M, _, tr
from zvh_tui.core.vocab import ActionStatus, LifeDomain, PlanStatus, ProvisionKind
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.partners import participants, provisions
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.partners.matching import best, match_score
from zvh_tui.services.plans import versions as plans
from zvh_tui.services.safety import audit
from zvh_tui.services.shared import context, disclosure, paper, text
from zvh_tui.services.shared.disclosure import Disclosure
from zvh_tui.services.shared.fold import ascii_fold
from zvh_tui.store.models import Action, Agreement, Case, Contact, Goal, Partner, Plan, db

FORMATS = ("md", "html")
FULL = Disclosure.FULL  # what the plan exports show of a person, whatever is on the screen


# -- the read model -----------------------------------------------------------------------

@dataclass
class ActionView:
    action: Action
    owner: str  # partner name, or "niemands taak"
    contact: str
    flags: list[str]

    @property
    def status_label(self) -> str:
        return ActionStatus.label_of(self.action.status)


@dataclass
class GoalView:
    goal: Goal | None  # None: the actions without a goal
    actions: list[ActionView] = field(default_factory=list)
    show_domain: bool = True  # False in a per-partner version: no leefgebied labels (doelbinding)

    @property
    def title(self) -> str:
        return self.goal.intent if self.goal is not None else _("Acties zonder doel")

    @property
    def domain_label(self) -> str:
        if self.goal is None or not self.show_domain:
            return ""
        return LifeDomain.label_of(self.goal.life_domain)


@dataclass
class PerspectiveView:
    partner_id: int
    partner: str
    text: str


@dataclass
class AssessmentView:
    domain: str
    label: str
    strengths: str
    concerns: str


@dataclass
class AgreementView:
    agreement: Agreement
    concerns: str  # partner name, or "alle partners"


@dataclass
class PlanView:
    case: Case
    plan: Plan
    shared_task: str
    client_view: str
    perspectives: list[PerspectiveView]
    assessments: list[AssessmentView]
    goals: list[GoalView]
    agreements: list[AgreementView]
    director: str  # "Partner / contact", or "" when there is none
    evaluation_on: dt.date | None
    partner_id: int | None = None  # set for a per-partner version
    partner_name: str = ""

    @property
    def status_label(self) -> str:
        return plans.status_label(self.plan)

    @property
    def read_only(self) -> bool:
        return self.plan.status != PlanStatus.CONCEPT.value


def _names(model: type, ids: set[int]) -> dict[int, str]:
    ids.discard(None)  # type: ignore[arg-type]
    if not ids:
        return {}
    return {row.id: row.name for row in model.select(model.id, model.name).where(model.id.in_(list(ids)))}


def director_text(case: Case, plan: Plan) -> str:
    """The casusregisseur: the plan's own once adopted, else the case's current one."""
    partner_id, contact_id = plan.director_partner_id, plan.director_contact_id
    if plan.status == PlanStatus.CONCEPT.value or partner_id is None:
        current = cases.director_of(case)
        if current is not None:
            partner_id, contact_id = current.partner_id, current.contact_id
    if partner_id is None:
        return ""
    partner = Partner.get_or_none(Partner.id == partner_id)
    contact = Contact.get_or_none(Contact.id == contact_id) if contact_id else None
    name = partner.name if partner else _("onbekende partner")
    return f"{name} / {contact.name}" if contact else name


def read_plan(plan: Plan, *, partner_id: int | None = None, with_empty: bool = False) -> PlanView:
    """One plan version with names and signals. `partner_id`: the per-partner selection.

    `with_empty` (the editor) also lists every partner at the table without a perspective and
    every leefgebied without krachten or zorgen, so they can be filled in.
    """
    case = plan.case
    own = partners.own_partner()
    own_id = own.id if own else None
    actions = plans.actions_of(plan)
    if partner_id is not None:
        actions = [a for a in actions if a.owner_partner_id == partner_id]
    partner_names = _names(Partner, {a.owner_partner_id for a in actions})
    contact_names = _names(Contact, {a.owner_contact_id for a in actions})

    def view(action: Action) -> ActionView:
        nobody = _(plans.NOBODY)
        owner = partner_names.get(action.owner_partner_id, nobody) if action.owner_partner_id else nobody
        return ActionView(action, owner, contact_names.get(action.owner_contact_id, ""),
                          plans.action_flags(action, own_id))

    by_goal: dict[int | None, list[ActionView]] = {}
    for action in actions:
        by_goal.setdefault(action.goal_id, []).append(view(action))
    goals = [GoalView(goal, by_goal.get(goal.id, [])) for goal in plans.goals_of(plan)]
    if by_goal.get(None):
        goals.append(GoalView(None, by_goal.get(None, [])))
    if partner_id is not None:  # doelbinding: only the goals this partner works on, unlabelled
        goals = [GoalView(g.goal, g.actions, show_domain=False) for g in goals if g.actions]

    agreements = plans.agreements_of(plan)
    if partner_id is not None:
        agreements = [a for a in agreements if a.partner_id in (None, partner_id)]
    agreement_names = _names(Partner, {a.partner_id for a in agreements})
    agreement_views = [
        AgreementView(a, agreement_names.get(a.partner_id, _("onbekende partner")) if a.partner_id
                      else _("alle partners"))
        for a in agreements
    ]

    perspectives: list[PerspectiveView] = []
    assessments: list[AssessmentView] = []
    if partner_id is None:
        written = {row.partner_id: row for row in plans.perspectives_of(plan)}
        shown: set[int] = set()
        if with_empty:
            for participant in participants.participants_of(case):
                if participant.partner.is_own:
                    continue
                row = written.get(participant.partner_id)
                perspectives.append(PerspectiveView(participant.partner_id, participant.partner.name,
                                                    row.text if row else ""))
                shown.add(participant.partner_id)
        for partner_key, row in written.items():
            if partner_key not in shown:
                perspectives.append(PerspectiveView(partner_key, row.partner.name, row.text))
        filled = {row.life_domain: row for row in plans.assessments_of(plan)}
        for domain in LifeDomain:
            row = filled.get(domain.value)
            if row is not None or with_empty:
                assessments.append(AssessmentView(domain.value, domain.label,
                                                  row.strengths if row else "", row.concerns if row else ""))

    partner_name = ""
    if partner_id is not None:
        partner = Partner.get_or_none(Partner.id == partner_id)
        if partner is None:
            raise NotFound(M("plans.versions.partner_gone", "Deze partner bestaat niet (meer)."))
        partner_name = partner.name
    return PlanView(
        case=case,
        plan=plan,
        shared_task=plan.shared_task,
        client_view=plan.client_view if partner_id is None else "",
        perspectives=perspectives,
        assessments=assessments,
        goals=goals,
        agreements=agreement_views,
        director=director_text(case, plan),
        evaluation_on=plan.evaluation_on,
        partner_id=partner_id,
        partner_name=partner_name,
    )


def _plan_of(case: Case, plan: Plan | None) -> Plan:
    if plan is None:
        plan = plans.current(case)
        if plan is None:
            raise NotFound(M("plans.export.no_plan", "Casus {reference} heeft nog geen plan van aanpak.",
                             reference=case.reference))
    if plan.case_id != case.id:
        raise ValidationError(M("plans.export.other_case", "Dit plan hoort bij een andere casus."))
    return plan


def _version_line(view: PlanView) -> str:
    plan = view.plan
    parts = [_("Versie {version}").format(version=plan.version), PlanStatus.label_of(plan.status)]
    if plan.adopted_on:
        parts.append(_("vastgesteld op {date}").format(date=_day(plan.adopted_on)))
    return " · ".join(parts)


def _action_meta(item: ActionView) -> list[str]:
    action = item.action
    owner = item.owner + (f" / {item.contact}" if item.contact else "")
    meta = [_("eigenaar: {owner}").format(owner=owner),
            _("deadline: {date}").format(date=_day(action.deadline) or _("geen")),
            _("status: {status}").format(status=item.status_label)]
    if action.feedback:
        meta.append(_("laatste terugkoppeling ({date}): {text}").format(
            date=_day(action.feedback_on), text=action.feedback))
    return meta


def _day(day: dt.date | None) -> str:
    """A date in an export, as the export's language writes it ('' for none)."""
    return i18n.format_date(day)


def _record(case: Case, plan: Plan, detail: str, partner_id: int | None = None,
            basis: str | None = None) -> None:
    """The audit event and the verstrekking (to the partner, or the full plan to the table)."""
    kind = ProvisionKind.PLAN_PARTNER if partner_id is not None else ProvisionKind.PLAN
    fmt = "md" if detail == "plan.md" else "html" if detail == "plan.html" else ""
    with db.atomic():
        audit.record("export", case=case, object_type="plan", object_id=plan.id, detail=detail)
        provisions.record(case, kind, partner=partner_id, plan=plan, basis=basis, fmt=fmt)


def convenant_warnings(case: Case, partner_id: int | None = None) -> list[str]:
    """Warnings (in the language of the moment) before a plan goes out: the partner it is for
    (or, for the full plan, each partner at the table) has not signed the privacy convenant.
    Empty: nothing to confirm."""
    if partner_id is not None:
        partner = partners.get_partner(partner_id)
        unsigned = [] if partner.convenant_signed or partner.is_own else [partner.name]
    else:
        unsigned = [row.partner.name for row in participants.participants_of(case)
                    if not row.partner.convenant_signed and not row.partner.is_own]
    return [_("{name} heeft het privacyconvenant niet getekend. Geef het plan alleen als dat "
              "binnen de doelbinding past, en leg de grondslag vast.").format(name=name) for name in unsigned]


def _check_convenant(case: Case, partner_id: int | None, confirmed: bool, how: str) -> None:
    warnings = convenant_warnings(case, partner_id)
    if warnings and not confirmed:
        raise RuleError(M("plans.export.convenant", "Let op: {warnings} {how}",
                          warnings=" ".join(warnings), how=tr(how)))


# -- Markdown ----------------------------------------------------------------------------

def _md(value: str) -> str:
    """User text in Markdown: keep it literal (no headings, lists or HTML from what was typed)."""
    escaped = re.sub(r"([\\`*_{}\[\]<>#|!])", r"\\\1", value)
    return escaped.replace("\n", "  \n")


def _render_markdown(view: PlanView) -> str:
    case = view.case
    out: list[str] = []
    title = "# " + _("Plan van aanpak · casus {reference}").format(reference=case.reference)
    out.append(title)
    out.append("")
    if case.title:
        out.append(_("Betreft: {name}").format(name=_md(disclosure.case_name(case.title, FULL))) + "  ")
    out.append(_version_line(view) + "  ")
    if view.partner_id is not None:
        out.append(_("Versie voor: {partner} (alleen de eigen acties en de afspraken die deze partner "
                     "aangaan)").format(partner=_md(view.partner_name)) + "  ")
    out.append(_("Gemaakt op {date}").format(date=_day(context.today())))
    out.append("")
    out.append("## " + _("Gezamenlijke opgave"))
    out.append("")
    out.append(_md(view.shared_task) if view.shared_task else "_" + _("nog niet geformuleerd") + "_")
    out.append("")
    if view.partner_id is None:
        not_recorded = "_" + _("niet vastgelegd") + "_"
        out.append("## " + _("Visie en wensen van de cliënt"))
        out.append("")
        out.append(_md(view.client_view) if view.client_view else not_recorded)
        out.append("")
        if view.perspectives:
            out.append("## " + _("Perspectieven van de partners"))
            out.append("")
            for item in view.perspectives:
                out.append(f"- **{_md(item.partner)}**: {_md(item.text) or not_recorded}")
            out.append("")
        if view.assessments:
            out.append("## " + _("Krachten en zorgen per leefgebied"))
            out.append("")
            for row in view.assessments:
                out.append(f"- **{row.label}**: " + _("krachten: {strengths}; zorgen: {concerns}").format(
                    strengths=_md(row.strengths) or "–", concerns=_md(row.concerns) or "–"))
            out.append("")
    out.append("## " + _("Doelen en acties"))
    out.append("")
    if not view.goals:
        out.append("_" + _("nog geen doelen") + "_")
        out.append("")
    for number, goal in enumerate(view.goals, start=1):
        domain = f" ({goal.domain_label})" if goal.domain_label else ""
        heading = ("### " + _("Doel {number}: {goal}").format(number=number, goal=_md(goal.title)) + domain
                   if goal.goal else f"### {goal.title}")
        out.append(heading)
        out.append("")
        if not goal.actions:
            out.append("_" + (_("geen acties") if view.partner_id is None else _("geen acties voor deze partner"))
                       + "_")
        for item in goal.actions:
            flags = f" **[{', '.join(item.flags)}]**" if item.flags else ""
            out.append(f"- {_md(item.action.text)}{flags}")
            for meta in _action_meta(item):
                out.append(paper.md_item(_md(meta), 1))  # four spaces: nested in every renderer
        out.append("")
    out.append("## " + _("Afspraken"))
    out.append("")
    if not view.agreements:
        out.append("_" + _("nog geen afspraken") + "_")
    for item in view.agreements:
        out.append(f"- {_md(item.agreement.text)} ({_md(item.concerns)})")
    out.append("")
    out.append("## " + _("Casusregisseur"))
    out.append("")
    out.append(_md(view.director) if view.director
               else "_" + _("nog niet afgesproken") + "_: " + tr(cases.DIRECTOR_QUESTION))
    out.append("")
    out.append("## " + _("Evaluatie"))
    out.append("")
    out.append(_day(view.evaluation_on) or "_" + _("nog geen datum") + "_")
    out.append("")
    return "\n".join(out)


def plan_markdown(case: Case, plan: Plan | None = None, partner_id: int | None = None, *,
                  basis: str | None = None) -> str:
    """The plan as Markdown; with `partner_id` the per-partner version. Writes an audit event
    and a verstrekking (on `basis`, or the partner's grondslag: provisions.basis_for)."""
    plan = _plan_of(case, plan)
    view = read_plan(plan, partner_id=partner_id)
    result = text.visible(_render_markdown(view), multiline=True)  # controls as symbols
    _record(case, plan, "plan.partner" if partner_id is not None else "plan.md", partner_id, basis)
    return result


# -- HTML --------------------------------------------------------------------------------



_h = paper.h


def _text_or(value: str, empty: str) -> str:
    return f'<p class="text">{_h(value)}</p>' if value else f'<p class="empty">{_h(empty)}</p>'


def _render_html(view: PlanView) -> str:
    case = view.case
    title = _("Plan van aanpak · casus {reference}").format(reference=case.reference)
    out: list[str] = [f"<h1>{_h(title)}</h1>"]
    if case.title:
        out.append(f'<p class="meta">{_h(_("Betreft: {name}").format(name=disclosure.case_name(case.title, FULL)))}</p>')
    out.append(f'<p class="meta">{_h(_version_line(view))}</p>')
    if view.partner_id is not None:
        out.append('<p class="meta">' + _h(_(
            "Versie voor: {partner} (alleen de eigen acties en de afspraken die deze partner aangaan)"
        ).format(partner=view.partner_name)) + "</p>")
    out.append(f'<p class="meta">{_h(_("Gemaakt op {date}").format(date=_day(context.today())))}</p>')
    out.append(f"<h2>{_h(_('Gezamenlijke opgave'))}</h2>")
    out.append(_text_or(view.shared_task, _("nog niet geformuleerd")))
    if view.partner_id is None:
        out.append(f"<h2>{_h(_('Visie en wensen van de cliënt'))}</h2>")
        out.append(_text_or(view.client_view, _("niet vastgelegd")))
        if view.perspectives:
            out.append(f"<h2>{_h(_('Perspectieven van de partners'))}</h2>")
            out.append("<ul>")
            for item in view.perspectives:
                body = _h(item.text) if item.text else f'<span class="empty">{_h(_("niet vastgelegd"))}</span>'
                out.append(f'<li><strong>{_h(item.partner)}</strong>: <span class="text">{body}</span></li>')
            out.append("</ul>")
        if view.assessments:
            out.append(f"<h2>{_h(_('Krachten en zorgen per leefgebied'))}</h2>")
            headers = (_("Leefgebied"), _("Krachten"), _("Zorgen"))
            out.append("<table><thead><tr>" + "".join(f"<th>{_h(text)}</th>" for text in headers)
                       + "</tr></thead><tbody>")
            for row in view.assessments:
                out.append(f'<tr><td>{_h(row.label)}</td><td class="text">{_h(row.strengths) or "–"}</td>'
                           f'<td class="text">{_h(row.concerns) or "–"}</td></tr>')
            out.append("</tbody></table>")
    out.append(f"<h2>{_h(_('Doelen en acties'))}</h2>")
    if not view.goals:
        out.append(f'<p class="empty">{_h(_("nog geen doelen"))}</p>')
    for number, goal in enumerate(view.goals, start=1):
        domain = f" ({_h(goal.domain_label)})" if goal.domain_label else ""
        heading = (_h(_("Doel {number}: {goal}").format(number=number, goal=goal.title)) + domain
                   if goal.goal else _h(goal.title))
        out.append(f"<h3>{heading}</h3>")
        if not goal.actions:
            empty = _("geen acties") if view.partner_id is None else _("geen acties voor deze partner")
            out.append(f'<p class="empty">{_h(empty)}</p>')
            continue
        out.append(paper.actions_table([_action_row(item) for item in goal.actions]))
    out.append(f"<h2>{_h(_('Afspraken'))}</h2>")
    if not view.agreements:
        out.append(f'<p class="empty">{_h(_("nog geen afspraken"))}</p>')
    else:
        out.append("<ul>")
        for item in view.agreements:
            out.append(f'<li><span class="text">{_h(item.agreement.text)}</span> ({_h(item.concerns)})</li>')
        out.append("</ul>")
    out.append(f"<h2>{_h(_('Casusregisseur'))}</h2>")
    out.append(_text_or(view.director, _("nog niet afgesproken: {question}").format(
        question=tr(cases.DIRECTOR_QUESTION))))
    out.append(f"<h2>{_h(_('Evaluatie'))}</h2>")
    out.append(_text_or(_day(view.evaluation_on), _("nog geen datum")))
    frame = paper.Frame(_("Casus {reference}").format(reference=case.reference), _version_line(view))
    return paper.document(title, frame, out)


def _action_row(item: ActionView) -> paper.ActionRow:
    """One action in the print table (Actie · Eigenaar · Deadline · Status); flags and the last
    feedback under its text."""
    action = item.action
    extra = [f"[{flag}]" for flag in item.flags]
    if action.feedback:
        extra.append(_("laatste terugkoppeling ({date}): {text}").format(
            date=_day(action.feedback_on), text=action.feedback))
    owner = item.owner + (f" / {item.contact}" if item.contact else "")
    return paper.ActionRow(action.text, owner, _day(action.deadline) or _("geen"), item.status_label, extra)


def plan_html(case: Case, plan: Plan | None = None, partner_id: int | None = None, *,
              basis: str | None = None) -> str:
    """The plan as one print-ready, self-contained HTML page. Writes an audit event and a
    verstrekking."""
    plan = _plan_of(case, plan)
    view = read_plan(plan, partner_id=partner_id)
    result = text.visible(_render_html(view), multiline=True)  # controls as symbols
    _record(case, plan, "plan.partner" if partner_id is not None else "plan.html", partner_id, basis)
    return result


# -- for the CLI and the screen --------------------------------------------------------------

def find_partner(name: str) -> Partner:
    """A partner by (part of) its name, for `--partner NAME`; refuses a name that fits several."""
    query = name.strip()
    if not query:
        raise ValidationError(M("plans.export.partner_name", "Geef de naam van een partner."), field="partner")
    everyone = partners.list_partners(include_inactive=True)
    found = best((match_score(query, p.name), p) for p in everyone)
    if not found:
        raise NotFound(M("plans.export.partner_unknown", "Er is geen partner met de naam '{query}'.",
                         query=query[:40]))
    if len(found) > 1:
        names = ", ".join(p.name for p in found[:8])
        raise ValidationError(M("plans.export.partner_ambiguous",
                                "'{query}' past bij meer partners: {names}. Wees preciezer.",
                                query=query[:40], names=names), field="partner")
    return found[0]


CLI_CONFIRM = N_("Bevestig met --zonder-convenant dat u het toch wilt verstrekken.")
SCREEN_CONFIRM = N_("Bevestig eerst dat u het toch wilt verstrekken.")


@i18n.with_language
def export_plan(reference: str, fmt: str, partner: str | None = None, *,
                confirmed: bool = False, basis: str | None = None) -> str:
    """`zvh export plan REF --format md|html [--partner NAME] [--zonder-convenant]
    [--grondslag TEKST]`: the text of the export; refused (RuleError) for a partner without a
    convenant unless `confirmed`."""
    if fmt not in FORMATS:
        raise ValidationError(M("plans.export.format", "Kies het formaat md of html."), field="format")
    case = cases.get_by_reference(reference, audit_view=False)
    partner_id = find_partner(partner).id if partner else None
    _check_convenant(case, partner_id, confirmed, CLI_CONFIRM)
    render = plan_markdown if fmt == "md" else plan_html
    return render(case, None, partner_id, basis=basis)


def partner_slug(name: str) -> str:
    folded = re.sub(r"[^a-z0-9]+", "-", ascii_fold(name)).strip("-")
    return folded[:30] or "partner"


def export_file_name(case: Case, plan: Plan, fmt: str, partner_name: str | None = None) -> str:
    """A file name without client data: the case reference, the version, the partner's name."""
    reference = re.sub(r"[^0-9A-Za-z-]", "", case.reference) or f"casus{case.id}"
    name = f"plan-{reference}-v{plan.version}"
    if partner_name:
        name += f"-{partner_slug(partner_name)}"
    return f"{name}.{fmt}"


def write_export(folder: Path, file_name: str, content: str) -> Path:
    """Write an export into the profile's exports folder (0700), the file 0600, atomically."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(folder, 0o700)
    target = folder / file_name
    temp = folder / f".{file_name}.tmp"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    os.chmod(temp, 0o600)
    os.replace(temp, target)
    return target


@i18n.with_language
def export_to_folder(folder: Path, case: Case, plan: Plan, fmt: str, partner_id: int | None = None,
                     *, confirmed: bool = False) -> Path:
    """The screen's export: render, write to the exports folder, return the path. The screen
    shows `convenant_warnings` first and passes `confirmed` once the user agreed."""
    if fmt not in FORMATS:
        raise ValidationError(M("plans.export.format", "Kies het formaat md of html."), field="format")
    _check_convenant(case, partner_id, confirmed, SCREEN_CONFIRM)
    partner_name = partners.get_partner(partner_id).name if partner_id is not None else None
    render = plan_markdown if fmt == "md" else plan_html
    content = render(case, plan, partner_id)
    return write_export(folder, export_file_name(case, plan, fmt, partner_name), content)
