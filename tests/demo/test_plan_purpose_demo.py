"""Over every demo case, every plan version and every partner: the per-partner plan export never
mentions another partner's action, goal, leefgebied or perspective (issue 14.4, "not done if"),
and every one of these exports leaves a verstrekking behind (14.3)."""

from __future__ import annotations

import html

from zvh_tui.core.vocab import LifeDomain
from zvh_tui.services.plans import plan_export
from zvh_tui.services.safety.profile import Profile
from zvh_tui.store.models import Action, Agreement, Goal, Partner, Perspective, Plan, Provision


def _needle(text: str) -> str:
    """The first line of a stored text, as both exports keep it readable."""
    return text.strip().splitlines()[0][:60] if text.strip() else ""


def _readable(page: str, fmt: str) -> str:
    return html.unescape(page) if fmt == "html" else page.replace("\\", "")


def test_a_per_partner_plan_never_mentions_what_is_another_partners(demo_profile: Profile) -> None:
    partners = list(Partner.select().where(Partner.is_own == False))  # noqa: E712
    plans = list(Plan.select().order_by(Plan.id))
    assert len(plans) >= 10 and len(partners) >= 10  # the demo has something to prove it on
    exports = checked = 0
    for plan in plans:
        actions = list(Action.select().where(Action.plan == plan))
        goals = list(Goal.select().where(Goal.plan == plan))
        perspectives = [p.text for p in Perspective.select().where(Perspective.plan == plan)]
        agreements = list(Agreement.select().where(Agreement.plan == plan))
        for partner in partners:
            own = [a for a in actions if a.owner_partner_id == partner.id]
            own_goal_ids = {a.goal_id for a in own}
            allowed = [plan.shared_task, *(a.text for a in own), *(a.feedback for a in own),
                       *(g.intent for g in goals if g.id in own_goal_ids),
                       *(a.text for a in agreements if a.partner_id in (None, partner.id))]
            forbidden = [a.text for a in actions if a.owner_partner_id != partner.id]
            forbidden += [g.intent for g in goals if g.id not in own_goal_ids]
            forbidden += perspectives  # no perspective at all in a partner's version, not even its own
            needles = {_needle(t) for t in forbidden} - {""}
            needles = {n for n in needles if not any(n in a for a in allowed)}
            labels = {f"({d.label})" for d in LifeDomain}
            labels = {label for label in labels if not any(label in a for a in allowed)}
            for fmt, render in (("md", plan_export.plan_markdown), ("html", plan_export.plan_html)):
                page = _readable(render(plan.case, plan, partner.id), fmt)
                exports += 1
                for needle in needles:
                    assert needle not in page, (plan.case.reference, plan.version, partner.name, needle)
                    checked += 1
                for label in labels:
                    assert label not in page, (plan.case.reference, plan.version, partner.name, label)
                for other in partners:
                    if other.id != partner.id:
                        assert f"eigenaar: {other.name}" not in page, (partner.name, other.name)
    assert checked > 100  # the demo's plans really hold other partners' texts to look for
    assert Provision.select().where(Provision.kind == "plan_partner").count() == exports
