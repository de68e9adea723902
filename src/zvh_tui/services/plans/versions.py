"""The plan van aanpak: one shared plan per case, in versions.

A version is written as a *concept*; *vaststellen* (adopt) freezes it; *bijstellen* (revise)
starts concept N+1 as a copy. While a plan is adopted, only the monitoring of its actions
(status, last feedback) changes. The rules of the trade live here:
- an action without an owning partner is *niemands taak* until it has one or is accepted;
- an action owned by our own organisation asks "taak overgenomen?" and needs a short reason
  (`Action.own_reason`) before the plan can be adopted (seed 002, "behoud de regie, neem geen
  taken over": the regisseur calls the partner rather than doing its work);
- the taartpunt check (seed 003: every partner owns its own slice of the joint task): a goal no
  partner owns an action for is named at adoption ("taartpunt zonder eigenaar: doel 2 «…»");
  an action of the own house does not count as an owner there. Such a goal does not stop the
  adoption, but it must be accepted consciously (`adopt(..., taartpunten_accepted=True)`,
  the editor asks), as niemands taak is;
- adoption needs a gezamenlijke opgave, a casusregisseur, every action owned or accepted,
  and at least one afspraak.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from peewee import JOIN, fn

from zvh_tui.core import i18n
from zvh_tui.core.errors import NotFound, RuleError, ValidationError
from zvh_tui.core.i18n import N_, M, Message, Mn, _, tr
from zvh_tui.core.vocab import ActionStatus, LifeDomain, Phase, PlanStatus
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.safety import audit
from zvh_tui.services.shared import context, dates, text
from zvh_tui.store.models import (
    Action,
    Agreement,
    Assessment,
    Case,
    Contact,
    Goal,
    Meeting,
    Partner,
    Perspective,
    Plan,
    db,
    utcnow,
)

# Marked, in Dutch: translated where shown (`_()`); other modules compare with them.
NOBODY = N_("niemands taak")
TAKEN_OVER = N_("taak overgenomen?")
OWN_TASK = N_("eigen taak")  # an action of the own house with its reason given
OWN_REASON_MAX = 300
QUOTE_MAX = 60  # how much of a goal's or action's text a message quotes


# -- reading ------------------------------------------------------------------------------

def get_plan(plan_id: int) -> Plan:
    plan = Plan.get_or_none(Plan.id == plan_id)
    if plan is None:
        raise NotFound(M("plans.versions.plan_gone", "Dit plan bestaat niet (meer)."))
    return plan


def find_goal(goal_id: int | str | None) -> Goal | None:
    return Goal.get_or_none(Goal.id == goal_id)


def find_action(action_id: int | str | None) -> Action | None:
    return Action.get_or_none(Action.id == action_id)


def find_agreement(agreement_id: int | str | None) -> Agreement | None:
    return Agreement.get_or_none(Agreement.id == agreement_id)


def find_line(kind: str | None, line_id: int | str | None) -> Goal | Action | Agreement | None:
    """The goal, action or agreement behind a line of the plan ("goal", "action",
    "agreement"); None for another kind of line or one that is gone."""
    finder = {"goal": find_goal, "action": find_action, "agreement": find_agreement}.get(kind or "")
    return finder(line_id) if finder is not None else None


def get_goal(goal_id: int | str | None) -> Goal:
    goal = find_goal(goal_id)
    if goal is None:
        raise NotFound(M("plans.versions.goal_gone", "Dit doel bestaat niet (meer)."))
    return goal


def get_action(action_id: int | str | None) -> Action:
    action = find_action(action_id)
    if action is None:
        raise NotFound(M("plans.versions.action_gone", "Deze actie bestaat niet (meer)."))
    return action


def get_agreement(agreement_id: int | str | None) -> Agreement:
    agreement = find_agreement(agreement_id)
    if agreement is None:
        raise NotFound(M("plans.versions.agreement_gone", "Deze afspraak bestaat niet (meer)."))
    return agreement


def versions(case: Case) -> list[Plan]:
    return list(Plan.select().where(Plan.case == case).order_by(Plan.version))


def current(case: Case) -> Plan | None:
    """The newest version (concept or adopted)."""
    return cases.latest_plan(case)


def goals_of(plan: Plan) -> list[Goal]:
    return list(Goal.select().where(Goal.plan == plan).order_by(Goal.position, Goal.id))


def actions_of(plan: Plan, goal: Goal | None | str = "all") -> list[Action]:
    """The plan's actions in order, each with its owner (partner and contact) read in the same
    query: a screen that shows the owner of every row makes no query per row (issue 16.5)."""
    query = (Action.select(Action, Partner, Contact)
             .join(Partner, JOIN.LEFT_OUTER, on=Action.owner_partner)
             .switch(Action)
             .join(Contact, JOIN.LEFT_OUTER, on=Action.owner_contact)
             .where(Action.plan == plan))
    if goal is None:
        query = query.where(Action.goal.is_null())
    elif goal != "all":
        query = query.where(Action.goal == goal)
    return list(query.order_by(Action.position, Action.id))


def agreements_of(plan: Plan) -> list[Agreement]:
    return list(Agreement.select().where(Agreement.plan == plan).order_by(Agreement.position, Agreement.id))


def assessments_of(plan: Plan) -> list[Assessment]:
    order = [d.value for d in LifeDomain]
    rows = list(Assessment.select().where(Assessment.plan == plan))
    return sorted(rows, key=lambda a: order.index(a.life_domain) if a.life_domain in order else 99)


def perspectives_of(plan: Plan) -> list[Perspective]:
    return list(Perspective.select(Perspective, Partner).join(Partner).where(Perspective.plan == plan).order_by(Partner.name))


def status_label(plan: Plan) -> str:
    return _("versie {version} · {status}").format(version=plan.version, status=PlanStatus.label_of(plan.status))


# -- the rules ---------------------------------------------------------------------------

_NOT_READ: Any = object()  # action_flags' own house not looked up yet (None: there is none)


def action_flags(action: Action, own_partner_id: int | None = _NOT_READ) -> list[str]:
    """The signals the plan shows beside an action (rules 2 and 3). A caller that flags many
    actions passes `own_partner_id` (None when the house has no own partner), read once."""
    if own_partner_id is _NOT_READ:
        own_partner_id = _own_partner_id()
    flags: list[str] = []
    if action.status in (ActionStatus.DONE.value, ActionStatus.CANCELLED.value):
        return flags
    if action.owner_partner_id is None:
        flags.append(_("niemands taak (geaccepteerd)") if action.nobody_accepted else _(NOBODY))
    elif own_partner_id is not None and action.owner_partner_id == own_partner_id:
        flags.append(_(OWN_TASK) if action.own_reason.strip() else _(TAKEN_OVER))
    if action.deadline is None:
        flags.append(_("geen deadline"))
    elif action.deadline < context.today():
        flags.append(_("te laat"))
    return flags


def _own_partner_id() -> int | None:
    own = Partner.get_or_none(Partner.is_own == True)  # noqa: E712
    return own.id if own else None


def _quote(value: str) -> str:
    """«the first words of a text», on one line (cut at a word, with …)."""
    flat = " ".join(value.split())
    if len(flat) > QUOTE_MAX:
        cut = flat[:QUOTE_MAX - 1]
        flat = (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"
    return f"«{flat}»"


def _counts(action: Action) -> bool:
    return action.status != ActionStatus.CANCELLED.value


def taartpunten(plan: Plan) -> list[str]:
    """The goals no partner owns an action for (the taartpunt check, seed 003), each named:
    "taartpunt zonder eigenaar: doel 2 «stabiel wonen»". Goals are numbered as the plan shows
    them; cancelled actions and actions of the own house do not count as owning a goal."""
    own_id = _own_partner_id()
    owned = {
        a.goal_id for a in actions_of(plan)
        if _counts(a) and a.owner_partner_id is not None and a.owner_partner_id != own_id
    }
    found: list[str] = []
    for number, goal in enumerate(goals_of(plan), start=1):
        if goal.id not in owned:
            found.append(_("taartpunt zonder eigenaar: doel {number} {quote}").format(
                number=number, quote=_quote(goal.intent)))
    return found


def is_own_action(action: Action) -> bool:
    """Is the own house the owner of this action (rule 2: it then needs a reason)?"""
    own_id = _own_partner_id()
    return own_id is not None and action.owner_partner_id == own_id


def own_without_reason(plan: Plan) -> list[Action]:
    """The open actions of the own house that have no reason yet (rule 2: taak overgenomen?)."""
    own_id = _own_partner_id()
    if own_id is None:
        return []
    return [a for a in actions_of(plan)
            if a.owner_partner_id == own_id and not a.own_reason.strip()
            and a.status not in (ActionStatus.CANCELLED.value, ActionStatus.DONE.value)]


@dataclass
class Blocker:
    code: str
    wording: Message  # in full, as a refusal says it (read in the language of the moment)
    short_wording: Message | None = None  # the editor's checklist line, where shorter
    action_id: int | None = None  # the action it is about (the editor puts the cursor there)

    @property
    def message(self) -> str:
        """The refusal in full, in the language of the moment."""
        return str(self.wording)

    @property
    def msgid(self) -> str:
        return self.wording.id

    @property
    def short(self) -> str:
        return str(self.short_wording) if self.short_wording is not None else ""

    @property
    def line(self) -> str:
        """One line of the checklist: the short form, or the message itself."""
        return self.short or self.message


def adoption_blockers(plan: Plan) -> list[Blocker]:
    """The checklist of what still stops adoption; empty means the plan can be adopted."""
    blockers: list[Blocker] = []
    if plan.status != PlanStatus.CONCEPT.value:
        blockers.append(Blocker("status", M("plans.adopt.status", "Versie {version} is al {status}.",
                                            version=plan.version, status=PlanStatus.label_of(plan.status))))
        return blockers
    if plan.case.phase == Phase.CLOSED.value:
        blockers.append(Blocker("closed", M("plans.adopt.closed", "De casus is afgesloten; heropen hem eerst.")))
        return blockers
    if not plan.shared_task.strip():
        blockers.append(Blocker("shared_task", M("plans.adopt.shared_task", "Formuleer de gezamenlijke opgave.")))
    director = plan.director_partner_id or getattr(cases.director_of(plan.case), "partner_id", None)
    if director is None:
        blockers.append(Blocker("director", M("plans.adopt.director", "Wijs een casusregisseur aan. {question}",
                                              question=tr(cases.DIRECTOR_QUESTION)),
                                short_wording=M("plans.adopt.director_short", "Wijs een casusregisseur aan.")))
    live = [a for a in actions_of(plan) if a.status != ActionStatus.CANCELLED.value]
    if not live:
        blockers.append(Blocker("actions", M("plans.adopt.actions", "Zet minstens één concrete actie in het plan.")))
    nobody = [a for a in live if a.owner_partner_id is None and not a.nobody_accepted]
    if nobody:
        blockers.append(Blocker(
            "nobody",
            Mn("plans.adopt.nobody",
               "{n} actie is niemands taak: geef haar een eigenaar of accepteer dat bewust.",
               "{n} acties zijn niemands taak: geef ze een eigenaar of accepteer dat bewust.", n=len(nobody)),
        ))
    for action in own_without_reason(plan):
        blockers.append(Blocker(
            "own_reason",
            M("plans.adopt.own_reason",
              "Actie {quote} ligt bij de eigen organisatie (taak overgenomen?): geef een korte "
              "reden waarom het eigen huis deze taak draagt (Reden eigen taak), of leg de actie bij de "
              "partner die erover gaat.", quote=_quote(action.text)),
            short_wording=M("plans.adopt.own_reason_short", "Reden eigen taak ontbreekt: actie {quote}.",
                    quote=_quote(action.text)),
            action_id=action.id,
        ))
    undated = [a for a in live if a.deadline is None and a.status != ActionStatus.DONE.value]
    if undated:
        blockers.append(Blocker("deadline", Mn(
            "plans.adopt.deadline", "{n} actie heeft geen deadline.", "{n} acties hebben geen deadline.",
            n=len(undated))))
    if not Agreement.select().where(Agreement.plan == plan).exists():
        blockers.append(Blocker("agreements", M("plans.adopt.agreements",
                                                "Leg minstens één afspraak vast over rollen of werkwijze.")))
    if plan.evaluation_on is None:
        blockers.append(Blocker("evaluation", M("plans.adopt.evaluation", "Kies een evaluatiedatum.")))
    return blockers


# -- writing -----------------------------------------------------------------------------

def check_editable(plan: Plan) -> None:
    """Raise the rule's own refusal when this version may not be written in (screens ask first)."""
    _editable(plan)


def _editable(plan: Plan) -> None:
    if plan.status != PlanStatus.CONCEPT.value:
        raise RuleError(M(
            "plans.versions.fixed",
            "Versie {version} is {status} en ligt vast. Kies 'Bijstellen' om een nieuwe versie te maken.",
            version=plan.version, status=PlanStatus.label_of(plan.status)))
    if plan.case.phase == Phase.CLOSED.value:
        raise RuleError(M("plans.versions.case_closed",
                          "De casus is afgesloten; het plan kan niet meer worden gewijzigd."))


def _touch(plan: Plan, detail: str, object_type: str = "plan", object_id: int | None = None) -> None:
    plan.updated_at = utcnow()
    plan.save()
    cases.touch(plan.case)
    audit.record("update", case=plan.case, object_type=object_type, object_id=object_id or plan.id, detail=detail)


def start_plan(case: Case) -> Plan:
    """The concept to write in: the existing concept, or version 1 when there is no plan yet."""
    latest = current(case)
    if latest is not None:
        if latest.status == PlanStatus.CONCEPT.value:
            return latest
        raise RuleError(M("plans.versions.already_adopted",
                          "Er is al een vastgesteld plan. Kies 'Bijstellen' om een nieuwe versie te maken."))
    if case.phase == Phase.CLOSED.value:
        raise RuleError(M("plans.versions.closed", "De casus is afgesloten."))
    director = cases.director_of(case)
    with db.atomic():
        plan = Plan.create(
            case=case,
            version=1,
            director_partner=director.partner_id if director else None,
            director_contact=director.contact_id if director else None,
        )
        audit.record("create", case=case, object_type="plan", object_id=plan.id)
    return plan


def update_plan(plan: Plan, **changes: object) -> Plan:
    _editable(plan)
    clean: dict[str, object] = {}
    for key, value in changes.items():
        if key == "shared_task":
            clean[key] = text.block(value, _("Gezamenlijke opgave"), field=key, max_length=4000)
        elif key == "client_view":
            clean[key] = text.block(value, _("Visie en wensen van de cliënt"), field=key)
        elif key == "evaluation_on":
            clean[key] = value if isinstance(value, dt.date) or value is None else dates.parse_date(
                str(value), label=_("Evaluatiedatum"), field=key, future=True)
        else:
            raise ValidationError(M("plans.versions.unknown_field", "Het veld '{key}' hoort niet bij het plan.",
                                    key=key), field=key)
    for key, value in clean.items():
        setattr(plan, key, value)
    with db.atomic():
        _touch(plan, ",".join(sorted(changes)))
    return plan


def set_assessment(plan: Plan, life_domain: LifeDomain | str, strengths: str = "", concerns: str = "") -> Assessment | None:
    """Krachten en zorgen on a leefgebied; both empty removes the row."""
    _editable(plan)
    code = LifeDomain(life_domain).value
    s = text.block(strengths, _("Krachten"), field="strengths", max_length=4000)
    c = text.block(concerns, _("Zorgen"), field="concerns", max_length=4000)
    with db.atomic():
        row = Assessment.get_or_none((Assessment.plan == plan) & (Assessment.life_domain == code))
        if not s and not c:
            if row is not None:
                row.delete_instance()
            _touch(plan, "assessment")
            return None
        if row is None:
            row = Assessment.create(plan=plan, life_domain=code, strengths=s, concerns=c)
        else:
            row.strengths, row.concerns = s, c
            row.save()
        _touch(plan, "assessment", "assessment", row.id)
    return row


def set_perspective(plan: Plan, partner_id: int, body: str) -> Perspective | None:
    """A partner's own view of the case ("patiënt" for one, "risico" for another)."""
    _editable(plan)
    clean = text.block(body, _("Perspectief"), field="perspective", max_length=4000)
    partner = Partner.get_or_none(Partner.id == partner_id)
    if partner is None:
        raise ValidationError(M("plans.versions.partner_gone", "Deze partner bestaat niet (meer)."), field="partner")
    with db.atomic():
        row = Perspective.get_or_none((Perspective.plan == plan) & (Perspective.partner == partner))
        if not clean:
            if row is not None:
                row.delete_instance()
            _touch(plan, "perspective")
            return None
        if row is None:
            row = Perspective.create(plan=plan, partner=partner, text=clean)
        else:
            row.text = clean
            row.save()
        _touch(plan, "perspective", "perspective", row.id)
    return row


def _next_position(model, **where: object) -> int:
    query = model.select(fn.MAX(model.position))
    for key, value in where.items():
        column = getattr(model, key)
        query = query.where(column.is_null() if value is None else column == value)
    highest = query.scalar()
    return 0 if highest is None else int(highest) + 1


def add_goal(plan: Plan, intent: str, life_domain: str = "") -> Goal:
    _editable(plan)
    clean = text.block(intent, _("Doel"), field="intent", required=True, max_length=2000)
    code = LifeDomain(life_domain).value if life_domain else ""
    with db.atomic():
        goal = Goal.create(plan=plan, intent=clean, life_domain=code, position=_next_position(Goal, plan=plan.id))
        _touch(plan, "goal.add", "goal", goal.id)
    return goal


def update_goal(goal: Goal, *, intent: str | None = None, life_domain: str | None = None) -> Goal:
    _editable(goal.plan)
    if intent is not None:
        goal.intent = text.block(intent, _("Doel"), field="intent", required=True, max_length=2000)
    if life_domain is not None:
        goal.life_domain = LifeDomain(life_domain).value if life_domain else ""
    with db.atomic():
        goal.save()
        _touch(goal.plan, "goal.update", "goal", goal.id)
    return goal


def delete_goal(goal: Goal) -> None:
    """Remove a goal; its actions stay in the plan, without a goal."""
    plan = goal.plan
    _editable(plan)
    with db.atomic():
        Action.update(goal=None).where(Action.goal == goal).execute()
        goal.delete_instance()
        _touch(plan, "goal.delete")


def _owner(partner_id: int | None, contact_id: int | None) -> tuple[int | None, int | None]:
    if partner_id is None:
        if contact_id is not None:
            contact = Contact.get_or_none(Contact.id == contact_id)
            if contact is None:
                raise ValidationError(M("plans.versions.contact_gone", "Deze contactpersoon bestaat niet (meer)."),
                                      field="owner")
            return contact.partner_id, contact.id
        return None, None
    partner = Partner.get_or_none(Partner.id == partner_id)
    if partner is None:
        raise ValidationError(M("plans.versions.partner_gone", "Deze partner bestaat niet (meer)."), field="owner")
    if contact_id is not None:
        partners.contact_of(partner, contact_id, field="owner")
    return partner.id, contact_id


def add_action(
    plan: Plan,
    body: str,
    *,
    goal: Goal | None = None,
    owner_partner_id: int | None = None,
    owner_contact_id: int | None = None,
    deadline: dt.date | str | None = None,
    nobody_accepted: bool = False,
    agreed_in: int | None = None,
    own_reason: str = "",
) -> Action:
    """A new action in a concept. `nobody_accepted` (no owner, consciously accepted as niemands
    taak) and `agreed_in` (the meeting item that agreed it) come from the live meeting."""
    _editable(plan)
    if goal is not None and goal.plan_id != plan.id:
        raise ValidationError(M("plans.versions.goal_other_version",
                                    "Dit doel hoort bij een andere versie van het plan."), field="goal")
    clean = text.block(body, _("Actie"), field="text", required=True, max_length=2000)
    partner_id, contact_id = _owner(owner_partner_id, owner_contact_id)
    reason = _own_reason(own_reason)
    day = deadline if isinstance(deadline, dt.date) or deadline is None else dates.parse_date(
        deadline, label=_("Deadline"), field="deadline", future=True)
    with db.atomic():
        action = Action.create(
            plan=plan,
            goal=goal,
            text=clean,
            owner_partner=partner_id,
            owner_contact=contact_id,
            deadline=day,
            position=_next_position(Action, plan=plan.id, goal=goal.id if goal else None),
            nobody_accepted=partner_id is None and nobody_accepted,
            agreed_in=agreed_in,
            own_reason=reason if partner_id is not None and partner_id == _own_partner_id() else "",
        )
        _touch(plan, "action.add", "action", action.id)
    return action


def _own_reason(value: object) -> str:
    return text.line(value, _("Reden eigen taak"), field="own_reason", max_length=OWN_REASON_MAX)


def update_action(action: Action, **changes: object) -> Action:
    """Change what an action is (text, owner, deadline, goal, the reason the own house owns
    it): only in a concept. An owner other than the own house drops the reason."""
    plan = action.plan
    _editable(plan)
    clean: dict[str, object] = {}
    if "text" in changes:
        clean["text"] = text.block(changes["text"], _("Actie"), field="text", required=True, max_length=2000)
    if "owner_partner_id" in changes or "owner_contact_id" in changes:
        partner_id, contact_id = _owner(
            changes.get("owner_partner_id", action.owner_partner_id),  # type: ignore[arg-type]
            changes.get("owner_contact_id"),  # type: ignore[arg-type]
        )
        clean["owner_partner"], clean["owner_contact"] = partner_id, contact_id
        if partner_id is not None:
            clean["nobody_accepted"] = False
        if partner_id is None or partner_id != _own_partner_id():
            clean["own_reason"] = ""
    if "own_reason" in changes:
        owner = clean.get("owner_partner", action.owner_partner_id)
        if owner is None or owner != _own_partner_id():
            raise ValidationError(M("plans.versions.own_reason_not_own",
                                    "Alleen een actie van de eigen organisatie heeft een reden eigen taak."),
                                  field="own_reason")
        clean["own_reason"] = _own_reason(changes["own_reason"])
    if "deadline" in changes:
        value = changes["deadline"]
        clean["deadline"] = value if isinstance(value, dt.date) or value is None else dates.parse_date(
            str(value), label=_("Deadline"), field="deadline", future=True)
    if "goal" in changes:
        goal = changes["goal"]
        if goal is not None and goal.plan_id != plan.id:  # type: ignore[union-attr]
            raise ValidationError(M("plans.versions.goal_other_version",
                                    "Dit doel hoort bij een andere versie van het plan."), field="goal")
        clean["goal"] = goal
    for key, value in clean.items():
        setattr(action, key, value)
    action.updated_at = utcnow()
    with db.atomic():
        action.save()
        _touch(plan, "action." + ",".join(sorted(changes)), "action", action.id)
    return action


def accept_nobody(action: Action, accepted: bool = True) -> Action:
    """Consciously accept (or not) that this action is nobody's task for now (rule 3)."""
    _editable(action.plan)
    if action.owner_partner_id is not None:
        raise RuleError(M("plans.versions.has_owner", "Deze actie heeft een eigenaar; er valt niets te accepteren."))
    action.nobody_accepted = accepted
    with db.atomic():
        action.save()
        _touch(action.plan, "action.nobody", "action", action.id)
    return action


def set_action_status(action: Action, status: ActionStatus | str) -> Action:
    """Monitoring: the status may change in a concept and in the adopted plan."""
    plan = action.plan
    if plan.superseded or plan.case.phase == Phase.CLOSED.value:
        raise RuleError(M("plans.versions.superseded",
                          "Deze versie van het plan is vervangen of de casus is afgesloten."))
    action.status = ActionStatus(status).value
    action.updated_at = utcnow()
    with db.atomic():
        action.save()
        _touch(plan, f"action.status={action.status}", "action", action.id)
    return action


def set_feedback(action: Action, body: str, on: dt.date | str | None = None) -> Action:
    """Monitoring: the last feedback on an action, with its date."""
    plan = action.plan
    if plan.superseded or plan.case.phase == Phase.CLOSED.value:
        raise RuleError(M("plans.versions.superseded",
                          "Deze versie van het plan is vervangen of de casus is afgesloten."))
    action.feedback = text.block(body, _("Terugkoppeling"), field="feedback", max_length=4000)
    day = on if isinstance(on, dt.date) else dates.parse_date(on, label=_("Datum"), field="feedback_on")
    action.feedback_on = (day or context.today()) if action.feedback else None
    action.updated_at = utcnow()
    with db.atomic():
        action.save()
        _touch(plan, "action.feedback", "action", action.id)
    return action


def delete_action(action: Action) -> None:
    plan = action.plan
    _editable(plan)
    with db.atomic():
        action.delete_instance()
        _touch(plan, "action.delete")


def add_agreement(plan: Plan, body: str, partner_id: int | None = None) -> Agreement:
    _editable(plan)
    clean = text.block(body, _("Afspraak"), field="agreement", required=True, max_length=2000)
    if partner_id is not None and Partner.get_or_none(Partner.id == partner_id) is None:
        raise ValidationError(M("plans.versions.partner_gone", "Deze partner bestaat niet (meer)."), field="partner")
    with db.atomic():
        row = Agreement.create(plan=plan, text=clean, partner=partner_id, position=_next_position(Agreement, plan=plan.id))
        _touch(plan, "agreement.add", "agreement", row.id)
    return row


def update_agreement(agreement: Agreement, *, body: str | None = None, partner_id: int | None | str = "keep") -> Agreement:
    _editable(agreement.plan)
    if body is not None:
        agreement.text = text.block(body, _("Afspraak"), field="agreement", required=True, max_length=2000)
    if partner_id != "keep":
        if partner_id is not None and Partner.get_or_none(Partner.id == partner_id) is None:
            raise ValidationError(M("plans.versions.partner_gone", "Deze partner bestaat niet (meer)."),
                                  field="partner")
        agreement.partner = partner_id
    with db.atomic():
        agreement.save()
        _touch(agreement.plan, "agreement.update", "agreement", agreement.id)
    return agreement


def delete_agreement(agreement: Agreement) -> None:
    plan = agreement.plan
    _editable(plan)
    with db.atomic():
        agreement.delete_instance()
        _touch(plan, "agreement.delete")


def move(row: Goal | Action | Agreement, offset: int) -> None:
    """Move a goal, action or agreement up (-1) or down (+1) among its siblings."""
    model = type(row)
    plan = row.plan
    _editable(plan)
    query = model.select().where(model.plan == plan)
    if model is Action:
        query = query.where(Action.goal.is_null() if row.goal_id is None else Action.goal == row.goal_id)
    siblings = list(query.order_by(model.position, model.id))
    index = next(i for i, s in enumerate(siblings) if s.id == row.id)
    target = index + offset
    if not 0 <= target < len(siblings):
        return
    siblings[index], siblings[target] = siblings[target], siblings[index]
    with db.atomic():
        for position, sibling in enumerate(siblings):
            if sibling.position != position:
                model.update(position=position).where(model.id == sibling.id).execute()
        _touch(plan, f"{model.__name__.lower()}.move")


# -- versions ----------------------------------------------------------------------------

def adopt(plan: Plan, *, on: dt.date | None = None, meeting: Meeting | None = None,
          taartpunten_accepted: bool = False) -> Plan:
    """Vaststellen: freeze the concept as version N (vastgesteld, or bijgesteld from N=2).

    Goals without a partner's action (`taartpunten`) must be accepted consciously
    (`taartpunten_accepted`); their number goes into the audit event."""
    blockers = adoption_blockers(plan)
    if blockers:
        raise RuleError(M("plans.adopt.blocked", "Het plan kan nog niet worden vastgesteld: {reasons}",
                          reasons=" ".join(b.message for b in blockers)))
    open_slices = taartpunten(plan)
    if open_slices and not taartpunten_accepted:
        raise RuleError(M("plans.adopt.taartpunten",
                          "Niet elk doel heeft een partner met een actie: {slices}. Geef zo'n doel een "
                          "actie van een partner, of stel het plan bewust zo vast.",
                          slices="; ".join(open_slices)))
    director = cases.director_of(plan.case)
    with db.atomic():
        Plan.update(superseded=True).where(
            (Plan.case == plan.case) & (Plan.id != plan.id) & (Plan.status != PlanStatus.CONCEPT.value)
        ).execute()
        plan.status = (PlanStatus.ADOPTED if plan.version == 1 else PlanStatus.REVISED).value
        plan.adopted_on = on or context.today()
        plan.adopted_in = meeting
        if director is not None:
            plan.director_partner, plan.director_contact = director.partner_id, director.contact_id
        plan.updated_at = utcnow()
        plan.save()
        cases.touch(plan.case)
        audit.record("adopt", case=plan.case, object_type="plan", object_id=plan.id,
                     detail=f"v{plan.version}" + (f" taartpunten={len(open_slices)}" if open_slices else ""))  # i18n: audit detail
    return plan


def revise(plan: Plan) -> Plan:
    """Bijstellen: start concept N+1 as a copy of the adopted version N."""
    if plan.status == PlanStatus.CONCEPT.value:
        raise RuleError(M("plans.revise.concept", "Dit is al een concept; pas het gewoon aan."))
    if current(plan.case).id != plan.id:
        raise RuleError(M("plans.revise.not_newest", "Alleen de nieuwste versie kan worden bijgesteld."))
    if plan.case.phase == Phase.CLOSED.value:
        raise RuleError(M("plans.versions.closed", "De casus is afgesloten."))
    with db.atomic():
        new = Plan.create(
            case=plan.case,
            version=plan.version + 1,
            shared_task=plan.shared_task,
            client_view=plan.client_view,
            director_partner=plan.director_partner_id,
            director_contact=plan.director_contact_id,
            evaluation_on=None,
        )
        goal_map: dict[int, int] = {}
        for goal in goals_of(plan):
            copy = Goal.create(plan=new, position=goal.position, intent=goal.intent,
                               life_domain=goal.life_domain, origin=goal.id)
            goal_map[goal.id] = copy.id
        for action in actions_of(plan):
            Action.create(
                plan=new, goal=goal_map.get(action.goal_id), position=action.position, text=action.text,
                owner_partner=action.owner_partner_id, owner_contact=action.owner_contact_id,
                deadline=action.deadline, status=action.status, feedback=action.feedback,
                feedback_on=action.feedback_on, nobody_accepted=action.nobody_accepted, origin=action.id,
                own_reason=action.own_reason,
                agreed_in=action.agreed_in_id,  # the meeting item that agreed it stays its origin
            )
        for agreement in agreements_of(plan):
            Agreement.create(plan=new, position=agreement.position, text=agreement.text,
                             partner=agreement.partner_id, origin=agreement.id)
        for row in assessments_of(plan):
            Assessment.create(plan=new, life_domain=row.life_domain, strengths=row.strengths, concerns=row.concerns)
        for row in perspectives_of(plan):
            Perspective.create(plan=new, partner=row.partner_id, text=row.text)
        cases.touch(plan.case)
        audit.record("revise", case=plan.case, object_type="plan", object_id=new.id, detail=f"v{new.version}")
    return new


# -- what changed between two versions -------------------------------------------------------

@dataclass
class Change:
    kind: str  # added, dropped, changed
    subject: str  # goal, action, agreement, opgave, evaluation, director
    text: str  # one sentence that can be read aloud


@dataclass
class PlanDiff:
    old_version: int
    new_version: int
    changes: list[Change] = field(default_factory=list)

    def lines(self) -> list[str]:
        if not self.changes:
            return [_("Geen wijzigingen tussen versie {old} en versie {new}.").format(
                old=self.old_version, new=self.new_version)]
        return [c.text for c in self.changes]


def _partner_name(partner_id: int | None) -> str:
    if partner_id is None:
        return _(NOBODY)
    partner = Partner.get_or_none(Partner.id == partner_id)
    return partner.name if partner else _("onbekende partner")


def _lineage(rows: list, old_ids: set[int], old_by_id: dict, max_depth: int = 50) -> dict[int, object]:
    """Map each new row to the old row it descends from (through `origin`, across versions)."""
    matched: dict[int, object] = {}
    for row in rows:
        origin, depth = row.origin, 0
        while origin is not None and origin not in old_ids and depth < max_depth:
            ancestor = type(row).get_or_none(type(row).id == origin)
            origin = ancestor.origin if ancestor else None
            depth += 1
        if origin in old_ids:
            matched[row.id] = old_by_id[origin]
    return matched


def _matched(new_rows: list, old_rows: list, backwards: bool) -> dict[int, object]:
    """Each row of `new` mapped to its counterpart in `old`. Rows descend from earlier versions
    (`origin`); when `old` is the later version, that lineage is read the other way round."""
    if not backwards:
        return _lineage(new_rows, {r.id for r in old_rows}, {r.id: r for r in old_rows})
    descends = _lineage(old_rows, {r.id for r in new_rows}, {r.id: r for r in new_rows})
    by_id = {r.id: r for r in old_rows}
    return {earlier.id: by_id[later_id] for later_id, earlier in descends.items()}  # type: ignore[attr-defined]


def diff(old: Plan, new: Plan) -> PlanDiff:
    """What changed from `old` to `new`: goals, actions (owner, deadline, status), afspraken.
    `old` may be the later version: then the sentences say what differs going back to `new`."""
    if old.case_id != new.case_id:
        raise ValidationError(M("plans.diff.other_case", "Deze versies horen bij verschillende casussen."))
    backwards = old.version > new.version
    result = PlanDiff(old.version, new.version)
    add = result.changes.append
    if old.shared_task != new.shared_task:
        add(Change("changed", "opgave",  # i18n: a change code
                   _("De gezamenlijke opgave is gewijzigd in: {text}").format(text=new.shared_task)))
    if old.director_partner_id != new.director_partner_id:
        add(Change("changed", "director", _("Casusregisseur: {old} → {new}.").format(
            old=_partner_name(old.director_partner_id), new=_partner_name(new.director_partner_id))))
    if old.evaluation_on != new.evaluation_on:
        add(Change("changed", "evaluation", _("Evaluatiedatum: {old} → {new}.").format(
            old=_day(old.evaluation_on), new=_day(new.evaluation_on))))

    wording = {  # per kind: added, rewritten, dropped
        "goal": (N_("Doel toegevoegd: {text}"), N_("Doel herschreven: {text}"), N_("Doel vervallen: {text}")),
        "agreement": (N_("Afspraak toegevoegd: {text}"), N_("Afspraak herschreven: {text}"),
                      N_("Afspraak vervallen: {text}")),
    }
    for kind, old_rows, new_rows in (
        ("goal", goals_of(old), goals_of(new)),
        ("agreement", agreements_of(old), agreements_of(new)),
    ):
        added, rewritten, dropped = wording[kind]
        matched = _matched(new_rows, old_rows, backwards)
        for row in new_rows:
            before = matched.get(row.id)
            if before is None:
                add(Change("added", kind, _(added).format(text=row.intent if kind == "goal" else row.text)))
            elif (before.intent if kind == "goal" else before.text) != (row.intent if kind == "goal" else row.text):
                add(Change("changed", kind,
                           _(rewritten).format(text=row.intent if kind == "goal" else row.text)))
        kept = {b.id for b in matched.values()}
        for row in old_rows:
            if row.id not in kept:
                add(Change("dropped", kind, _(dropped).format(text=row.intent if kind == "goal" else row.text)))

    old_actions = {a.id: a for a in actions_of(old)}
    new_actions = actions_of(new)
    matched = _matched(new_actions, list(old_actions.values()), backwards)
    for action in new_actions:
        before = matched.get(action.id)
        if before is None:
            add(Change("added", "action", _("Nieuwe actie: {text} ({owner}, {deadline}).").format(
                text=action.text, owner=_partner_name(action.owner_partner_id),
                deadline=_day(action.deadline, _("geen deadline")))))
            continue
        if before.text != action.text:
            add(Change("changed", "action", _("Actie herschreven: {old} → {new}.").format(
                old=before.text, new=action.text)))
        if before.owner_partner_id != action.owner_partner_id:
            add(Change("changed", "action", _("Actie '{text}': eigenaar {old} → {new}.").format(
                text=action.text, old=_partner_name(before.owner_partner_id),
                new=_partner_name(action.owner_partner_id))))
        if before.deadline != action.deadline:
            add(Change("changed", "action", _("Actie '{text}': deadline {old} → {new}.").format(
                text=action.text, old=_day(before.deadline), new=_day(action.deadline))))
        if before.status != action.status:
            add(Change("changed", "action", _("Actie '{text}': {old} → {new}.").format(
                text=action.text, old=ActionStatus.label_of(before.status),
                new=ActionStatus.label_of(action.status))))
    kept = {b.id for b in matched.values()}
    for action in old_actions.values():
        if action.id not in kept:
            add(Change("dropped", "action", _("Actie vervallen: {text}.").format(text=action.text)))
    return result


def _day(day: dt.date | None, empty: str | None = None) -> str:
    """A date in a sentence of the diff; 'geen' (or `empty`) for none."""
    if day is None:
        return _("geen") if empty is None else empty
    return i18n.format_date(day)
