"""The plan van aanpak as outline rows: what each line of PlanEditorScreen's outline says.

Built from `plan_export.read_plan(plan, with_empty=True)`. The signals of the rules of the trade
are text badges in brackets ([niemands taak], [taak overgenomen?], [eigen taak], [te laat],
[geen deadline]), not colour only; the reason given for an action of the own house shows
under it ("reden eigen taak: …"). All text is a plain `SafeText` (user text never goes through markup, and
control characters show as symbols).

On a projector (`Projected`): free text with the case's names as initials and numbers masked
(`disclosure.mask_text`); the client's view and the krachten en zorgen hidden; a partner's
perspective only while that partner is at the table (services/meetings/projector.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rich.text import Text

from zvh_tui.core import i18n
from zvh_tui.core.i18n import _, ngettext, tr
from zvh_tui.screens.plans.plan_outline import OutlineRow
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.meetings import projector
from zvh_tui.services.plans.plan_export import ActionView, PlanView
from zvh_tui.services.shared import disclosure
from zvh_tui.widgets.safe_text import SafeText


@dataclass(frozen=True)
class Projected:
    """Projector mode for the outline: the names to mask, the partners at the table now."""

    names: tuple[str, ...] = ()
    present: frozenset[int] = frozenset()

EMPTY = "—"


def day_text(day: dt.date | None) -> str:
    """'vr 27-11-2026' ('Fri 27/11/2026'), or empty for no date."""
    if not day:
        return ""
    return f"{i18n.weekday_names('abbreviated')[day.weekday()]} {i18n.format_date(day)}"


def outline_rows(view: PlanView, read_only: bool, projected: Projected | None = None) -> list[OutlineRow]:
    """The lines of the outline for one plan version (`read_only`: no "+ toevoegen" lines;
    `projected`: projector mode, see the module text)."""
    rows: list[OutlineRow] = []
    names = projected.names if projected is not None else ()

    def heading(key: str, label: str) -> None:
        rows.append(OutlineRow(("heading", key), SafeText(label), "heading", 0))

    def text_or_empty(value: str, empty: str) -> Text:
        return SafeText(disclosure.mask_text(value, names)) if value else SafeText(empty, style="italic")

    def hidden(key: str) -> None:
        rows.append(OutlineRow(("note", key), SafeText(tr(disclosure.HIDDEN), style="italic"), "note"))

    heading("opgave", _("Gezamenlijke opgave"))  # i18n: a row key
    rows.append(OutlineRow(("shared_task",), text_or_empty(
        view.shared_task, _("nog niet geformuleerd: Enter om te schrijven"))))
    heading("client", _("Visie en wensen van de cliënt"))
    if projected is not None and view.client_view:
        hidden("client_view")
    else:
        rows.append(OutlineRow(("client_view",), text_or_empty(view.client_view, _("nog niet vastgelegd"))))
    heading("perspectives", _("Perspectief van elke partner"))
    if not view.perspectives:
        rows.append(OutlineRow(("note", "perspectives"), SafeText(_("Nog geen partners aan tafel.")), "note"))
    away = 0
    for item in view.perspectives:
        if projected is not None and not projector.perspective_for_table(item.partner_id, projected.present):
            away += 1
            continue
        line = SafeText(f"{item.partner}: ", style="bold")
        line.append_text(text_or_empty(item.text, EMPTY))
        rows.append(OutlineRow(("perspective", item.partner_id), line))
    if away:
        rows.append(OutlineRow(("note", "perspectives_hidden"), SafeText(
            ngettext("{n} perspectief van partners niet aan tafel: {hidden}",
                     "{n} perspectieven van partners niet aan tafel: {hidden}", away).format(
                n=away, hidden=tr(disclosure.HIDDEN)), style="italic"), "note"))
    heading("assessments", _("Krachten en zorgen per leefgebied"))
    filled = [row for row in view.assessments if row.strengths or row.concerns]
    if projected is not None and filled:
        hidden("assessments")
        filled = []
    for row in filled:
        line = SafeText(f"{row.label}: ", style="bold")
        line.append(_("krachten: "))
        line.append_text(text_or_empty(row.strengths, EMPTY))
        line.append(_(" · zorgen: "))
        line.append_text(text_or_empty(row.concerns, EMPTY))
        rows.append(OutlineRow(("assessment", row.domain), line))
    if not read_only:
        rows.append(OutlineRow(("add_assessment",), SafeText(_("+ krachten en zorgen op een leefgebied (Enter)")), "hint"))
    elif not filled:
        rows.append(OutlineRow(("note", "assessments"), SafeText(_("niet vastgelegd"), style="italic"), "note"))
    heading("goals", _("Doelen en acties"))
    number = 0
    for goal in view.goals:
        if goal.goal is not None:
            number += 1
            line = SafeText(_("Doel {number}: ").format(number=number), style="bold")
            line.append(disclosure.mask_text(goal.goal.intent, names))
            if goal.domain_label:
                line.append(f"  [{goal.domain_label}]")
            rows.append(OutlineRow(("goal", goal.goal.id), line))
        else:
            rows.append(OutlineRow(("sub", "no_goal"), SafeText(_("Acties zonder doel")), "sub"))
        if goal.goal is not None and not goal.actions:
            rows.append(OutlineRow(("note", "goal", goal.goal.id),
                                   SafeText(_("nog geen acties: a of + voegt er een toe")), "note", 2))
        for item in goal.actions:
            rows.append(OutlineRow(("action", item.action.id), action_text(item, names), "item", 2))
    if not read_only:
        rows.append(OutlineRow(("add_goal",), SafeText(_("+ doel toevoegen (g)")), "hint"))
    heading("agreements", _("Afspraken"))
    for item in view.agreements:
        line = SafeText(disclosure.mask_text(item.agreement.text, names))
        line.append(f"  ({item.concerns})", style="italic")
        rows.append(OutlineRow(("agreement", item.agreement.id), line))
    if not view.agreements:
        rows.append(OutlineRow(("note", "agreements"), SafeText(_("nog geen afspraken"), style="italic"), "note"))
    if not read_only:
        rows.append(OutlineRow(("add_agreement",), SafeText(_("+ afspraak toevoegen (A)")), "hint"))
    heading("director", _("Casusregisseur"))
    if view.director:
        rows.append(OutlineRow(("director",), SafeText(view.director)))
    else:
        line = SafeText(_("Nog niet afgesproken. "), style="bold")
        line.append(tr(cases.DIRECTOR_QUESTION))
        rows.append(OutlineRow(("director",), line))
    heading("evaluation", _("Evaluatiedatum"))
    rows.append(OutlineRow(("evaluation",), text_or_empty(day_text(view.evaluation_on), _("nog geen datum"))))
    return rows

def action_text(item: ActionView, names: tuple[str, ...] = ()) -> Text:
    """An action: text and badges, then owner · deadline · status, then the last feedback
    (on a projector with the case's `names` as initials, numbers masked)."""
    action = item.action
    line = SafeText("• ")
    line.append(disclosure.mask_text(action.text, names))
    no_deadline = _("geen deadline")
    for flag in item.flags:
        line.append("  ")
        line.append(f"[{flag}]", style="bold reverse" if flag != no_deadline else "bold")
    owner = item.owner + (f" / {item.contact}" if item.contact else "")
    deadline = day_text(action.deadline) or no_deadline
    line.append(f"\n  {owner} · {deadline} · {item.status_label}", style="dim" if not item.flags else "")
    if action.own_reason:  # why the own house carries it (taak overgenomen?), beside the action
        line.append("\n  " + _("reden eigen taak: "), style="italic")
        line.append(disclosure.mask_text(action.own_reason, names))
    if action.feedback:
        line.append("\n  " + _("terugkoppeling {date}: ").format(date=i18n.format_date(action.feedback_on)),
                    style="italic")
        line.append(disclosure.mask_text(action.feedback, names))
    return line
