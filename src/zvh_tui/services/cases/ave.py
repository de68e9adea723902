"""The AVE model made visible (seed 003; shared/domain.md, rule 8): where a new ZVH case starts,
which combinations of AVE phase and level contradict each other, and when the signals of a
stuck case add up to a proposal to escalate (opschalen) with the evidence written out.

AVE (Aanpak ter Voorkoming van Escalatie) has four phases, groen (1) to donkerrood (4), and four
levels of conversation: casus, proces, management, bestuur, with the national Maatwerkloket
(LMM) on top. A case comes to a Zorg- en Veiligheidshuis when regie on the second, local level
does not suffice (seed 003: "voorkomen dat een casus moet worden opgeschaald naar het derde
niveau"), so a new ZVH aanmelding starts at phase 3 (oranje) on procesniveau, never silently at
"1 · casus". Nothing here refuses: a contradiction is a warning, a proposal is a suggestion the
user confirms in the escalation dialog.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from zvh_tui.core.i18n import N_, _, ngettext
from zvh_tui.core.vocab import (
    LEVEL_ORDER,
    AvePhase,
    Level,
    Phase,
    ReviewOutcome,
    ZvhRole,
)
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.shared import clock, context, plurals
from zvh_tui.store.models import Action, ActionReview, Case, Escalation, Partner, Plan

# Where a new ZVH aanmelding starts: AVE "niveau 3", the procesregisseur's level (the values
# live beside the aanmelding, `lifecycle.NewCase`).
DEFAULT_AVE = cases.NEW_CASE_AVE
DEFAULT_LEVEL = cases.NEW_CASE_LEVEL

# The levels at which each AVE phase is talked about without contradiction (lowest, highest).
LEVEL_BAND: dict[AvePhase, tuple[Level, Level]] = {
    AvePhase.GREEN: (Level.CASE, Level.PROCESS),
    AvePhase.YELLOW: (Level.CASE, Level.MANAGEMENT),
    AvePhase.ORANGE: (Level.PROCESS, Level.LMM),
    AvePhase.DARK_RED: (Level.MANAGEMENT, Level.LMM),
}
_RANK = {level: index for index, level in enumerate(LEVEL_ORDER)}


# Marked here, translated by `level_name`.
LEVEL_NAMES = {
    Level.CASE: N_("casusniveau"),
    Level.PROCESS: N_("procesniveau"),
    Level.MANAGEMENT: N_("managementniveau"),
    Level.BOARD: N_("bestuursniveau"),
    Level.LMM: N_("het Maatwerkloket (LMM)"),
}


def level_name(level: Level | str) -> str:
    """'casusniveau', 'bestuursniveau', 'het Maatwerkloket (LMM)': a level in a sentence (in
    the language of the moment)."""
    return _(LEVEL_NAMES[Level(level)])


def contradictions(ave_phase: AvePhase | str, level: Level | str,
                   zvh_role: ZvhRole | str | None = None) -> list[str]:
    """What does not fit in this AVE phase, level and role, in plain words; empty when it fits.

    The rule (the AVE model of seed 003 and domain.md: the phase says how far the household's
    problems have run up, the level who must talk about it):

    - each phase has a band of levels (`LEVEL_BAND`): groen casus-proces, geel casus-management,
      oranje proces-LMM, donkerrood management-LMM. Below the band the conversation lags behind
      the problems (AVE 4 at casusniveau: nobody with mandate is at the table); above it the
      case sits higher than its phase asks (AVE 1 at bestuursniveau: afschalen?);
    - the ZVH's procesregie is itself the proces level: procesregie on casusniveau means the
      case was afgeschaald to the local team while the house still directs it (advice, or a
      higher level, would fit).

    A warning, never a refusal: the regisseur may know better, the screen shows it.
    """
    phase, lvl = AvePhase(ave_phase), Level(level)
    low, high = LEVEL_BAND[phase]
    problems: list[str] = []
    if _RANK[lvl] < _RANK[low]:
        problems.append(_("AVE-fase {phase} ({label}) op {level}: bij {label} hoort het gesprek "
                          "ten minste op {lowest}. Schaal op, of kies een lagere AVE-fase.").format(
            phase=phase.value, label=phase.label, level=level_name(lvl), lowest=level_name(low)))
    elif _RANK[lvl] > _RANK[high]:
        problems.append(_("AVE-fase {phase} ({label}) op {level}: bij {label} is {highest} "
                          "het hoogste dat past. Schaal af, of kies een hogere AVE-fase.").format(
            phase=phase.value, label=phase.label, level=level_name(lvl), highest=level_name(high)))
    if zvh_role is not None and ZvhRole(zvh_role) == ZvhRole.DIRECTION and lvl == Level.CASE:
        problems.append(_("Het ZVH voert procesregie, maar de casus staat op casusniveau: procesregie "
                          "hoort op procesniveau of hoger. Schaal op, of laat de regie lokaal "
                          "(advies, of afsluiten met afschaling)."))
    return problems


def case_contradictions(case: Case) -> list[str]:
    """`contradictions` for an open case (a closed case warns about nothing)."""
    if case.phase == Phase.CLOSED.value:
        return []
    return contradictions(case.ave_phase, case.level, case.zvh_role)


def fitting_ave(ave_phase: AvePhase | str, level: Level | str) -> AvePhase:
    """The AVE phase nearest to `ave_phase` (upwards first) whose band holds `level`."""
    phase, lvl = AvePhase(ave_phase), Level(level)
    phases = list(AvePhase)
    start = phases.index(phase)
    for candidate in phases[start:] + phases[:start][::-1]:
        low, high = LEVEL_BAND[candidate]
        if _RANK[low] <= _RANK[lvl] <= _RANK[high]:
            return candidate
    return phase  # every level is in some band; kept for safety


# -- stagnation: the evidence for opschalen -------------------------------------------------

OVERDUE, QUIET, NOT_TAKEN_UP = "overdue", "quiet", "not_taken_up"
# How many different signals make a proposal: one late action alone is the partner's to fix
# (aanspreken, seed 002 rule 5); two kinds at once are stagnation in the samenwerking.
MIN_SIGNALS = 2
NOT_TAKEN_UP_TIMES = 2  # the same action "niet opgepakt" in this many reviews


@dataclass(frozen=True)
class Signal:
    kind: str  # OVERDUE / QUIET / NOT_TAKEN_UP
    short: str  # for the dossier's line: "3 acties te laat"
    evidence: str  # for the trigger of the escalation: with owners and action texts


@dataclass(frozen=True)
class Proposal:
    """Opschalen to `to_level` (and `to_ave`), because of `signals`."""

    from_level: Level
    from_ave: AvePhase
    to_level: Level
    to_ave: AvePhase
    signals: tuple[Signal, ...]

    @property
    def trigger(self) -> str:
        """The evidence as the escalation dialog's aanleiding (the user may change it)."""
        lines = [_("Voorstel tot opschalen: de samenwerking stagneert.")]
        lines += [f"- {s.evidence}" for s in self.signals]
        return "\n".join(lines)

    @property
    def summary(self) -> str:
        """One line: 'opschalen naar managementniveau: 3 acties te laat · stil 41 dgn'."""
        signals = " · ".join(s.short for s in self.signals)
        if self.to_ave != self.from_ave:
            return _("opschalen naar {level}, AVE-fase {phase} ({label}): {signals}").format(
                level=level_name(self.to_level), phase=self.to_ave.value, label=self.to_ave.label,
                signals=signals)
        return _("opschalen naar {level}: {signals}").format(
            level=level_name(self.to_level), signals=signals)


def _owner(partner_id: int | None, names: dict[int, str]) -> str:
    return names.get(partner_id, _("niemand")) if partner_id else _("niemand")


def _partner_names(ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return {p.id: p.name for p in Partner.select(Partner.id, Partner.name).where(Partner.id.in_(list(ids)))}


def _quote(value: str, limit: int = 60) -> str:
    value = " ".join(value.split())
    return "'" + (value if len(value) <= limit else value[: limit - 1] + "…") + "'"


def _overdue(case: Case, today: dt.date) -> Signal | None:
    late = [a for a in cases.open_actions_of(case) if a.deadline is not None and a.deadline < today]
    if not late:
        return None
    names = _partner_names({a.owner_partner_id for a in late if a.owner_partner_id})
    per_owner: dict[str, int] = {}
    for action in late:
        owner = _owner(action.owner_partner_id, names)
        per_owner[owner] = per_owner.get(owner, 0) + 1
    oldest = max((today - a.deadline).days for a in late)
    short = ngettext("{n} actie te laat", "{n} acties te laat", len(late)).format(
        n=plurals.number(len(late)))
    owners = ", ".join(f"{owner} {n}" for owner, n in sorted(per_owner.items()))
    days = ngettext("{n} dag", "{n} dagen", oldest).format(n=plurals.number(oldest))
    evidence = _("{signal} ({owners}); de oudste {days} over de deadline").format(
        signal=short, owners=owners, days=days)
    return Signal(OVERDUE, short, evidence)


def days_quiet(case: Case, today: dt.date) -> int:
    """Days since the last change of the case, counted from its local day (as the case list)."""
    return max(0, (today - clock.local_date(case.updated_at)).days)


def _quiet(case: Case, today: dt.date, stagnation_days: int) -> Signal | None:
    days = days_quiet(case, today)
    if days < stagnation_days:
        return None
    return Signal(QUIET, ngettext("stil {n} dgn", "stil {n} dgn", days).format(n=days),
                  ngettext("stil {n} dgn: {n} dag geen wijziging in de casus (grens {limit})",
                           "stil {n} dgn: {n} dagen geen wijziging in de casus (grens {limit})",
                           days).format(n=days, limit=stagnation_days))


def _lineage_roots(case: Case) -> dict[int, int]:
    """Each action id of the case -> the id of the first version of that action (via origin)."""
    origin = {a.id: a.origin for a in Action.select(Action.id, Action.origin).join(Plan)
              .where(Plan.case == case)}
    roots: dict[int, int] = {}
    for action_id in origin:
        seen, current = set(), action_id
        while origin.get(current) and current not in seen and origin[current] in origin:
            seen.add(current)
            current = origin[current]
        roots[action_id] = current
    return roots


def _not_taken_up(case: Case, since: dt.date | None) -> Signal | None:
    query = (ActionReview.select(ActionReview, Action).join(Action).join(Plan)
             .where((Plan.case == case) & (ActionReview.outcome == ReviewOutcome.NOT_TAKEN_UP.value))
             .order_by(ActionReview.at, ActionReview.id))
    reviews = [r for r in query if since is None or clock.local_date(r.at) > since]
    if not reviews:
        return None
    roots = _lineage_roots(case)
    counted: dict[int, list[ActionReview]] = {}
    for review in reviews:
        counted.setdefault(roots.get(review.action_id, review.action_id), []).append(review)
    repeated = [rows for rows in counted.values() if len(rows) >= NOT_TAKEN_UP_TIMES]
    if not repeated:
        return None
    names = _partner_names({rows[-1].action.owner_partner_id for rows in repeated
                            if rows[-1].action.owner_partner_id})
    parts = [ngettext("actie {action} ({owner}) {n} keer niet opgepakt",
                      "actie {action} ({owner}) {n} keer niet opgepakt", len(rows)).format(
                 action=_quote(rows[-1].action.text),
                 owner=_owner(rows[-1].action.owner_partner_id, names), n=len(rows))
             for rows in repeated]
    short = ngettext("{n} actie herhaald niet opgepakt", "{n} acties herhaald niet opgepakt",
                     len(repeated)).format(n=plurals.number(len(repeated)))
    return Signal(NOT_TAKEN_UP, short, "; ".join(parts))


def last_change_day(case: Case) -> dt.date | None:
    """The day of the case's latest op- or afschaling, if any."""
    row = (Escalation.select(Escalation.decided_on).where(Escalation.case == case)
           .order_by(Escalation.decided_on.desc(), Escalation.id.desc()).first())
    return row.decided_on if row else None


def stagnation_signals(case: Case, *, stagnation_days: int, today: dt.date | None = None) -> list[Signal]:
    """The signals that the samenwerking on this case is stuck, strongest evidence first:
    actions past their deadline, "stil N dgn" (no change for `stagnation_days` or more, the
    case list's rule), and an action reviewed as *niet opgepakt* in two meetings (only reviews
    after the latest op- or afschaling count: that step answered the earlier ones)."""
    if case.phase == Phase.CLOSED.value:
        return []
    today = today or context.today()
    found = [_overdue(case, today), _not_taken_up(case, last_change_day(case)),
             _quiet(case, today, stagnation_days)]
    return [signal for signal in found if signal is not None]


def proposal(case: Case, *, stagnation_days: int, today: dt.date | None = None) -> Proposal | None:
    """A proposal to escalate one level up when at least `MIN_SIGNALS` different signals hold;
    None when they do not, when the case is closed or already at the top (LMM). The AVE phase
    stays unless the new level lies above its band: then the nearest phase that fits."""
    if case.phase == Phase.CLOSED.value:
        return None
    level = Level(case.level)
    if level == LEVEL_ORDER[-1]:
        return None
    signals = stagnation_signals(case, stagnation_days=stagnation_days, today=today)
    if len(signals) < MIN_SIGNALS:
        return None
    to_level = LEVEL_ORDER[LEVEL_ORDER.index(level) + 1]
    ave = AvePhase(case.ave_phase)
    return Proposal(from_level=level, from_ave=ave, to_level=to_level,
                    to_ave=fitting_ave(ave, to_level), signals=tuple(signals))
