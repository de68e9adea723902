"""A small caseload for the Spiegel's screen, snapshot and terminal tests (issue 15.6/15.7).

`build_mirror_world(today)` makes, through the services: a case where the own house owns two
actions and a partner (GGZ) is late and silent on one (the pattern holds: opschaling proposed),
journal entries with hats this week (hulpverlening dominates), and a closed case whose nazorg
ends in five days. Names are fictional; every stored moment that a screen shows is pinned.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from zvh_tui.services.cases import journal
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.partners import participants
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.plans import versions as plans
from zvh_tui.store.models import Action, Case, JournalEntry, Partner

DAY = dt.timedelta(days=1)


@dataclass
class MirrorWorld:
    running: Case  # own-house actions and a late, silent partner
    watched: Case  # closed, nazorg ends in five days
    ggz: Partner


def _case(name: str, reason: str, referrer: Partner, received: dt.date) -> Case:
    return cases.create_case(cases.NewCase(persons=[cases.NewPerson(name=name)], reason=reason,
                                           referrer_partner_id=referrer.id, received_on=received))


def build_mirror_world(today: dt.date) -> MirrorWorld:
    own = Partner.get(Partner.is_own == True)  # noqa: E712
    team = partners.create_partner("Wijkteam Oost", "gemeente", convenant_signed=True)
    ggz = partners.create_partner("GGZ Voorbeeld", "zorg", convenant_signed=True)
    running = _case("Sanne Spiegelaar", "Overlast en zorgmijding", team, today - 40 * DAY)
    participants.add_participant(running, ggz.id)
    plan = plans.start_plan(running)
    plans.add_action(plan, "Budgetbeheer aanvragen", owner_partner_id=own.id, deadline=today + 5 * DAY)
    plans.add_action(plan, "Huisarts bellen", owner_partner_id=own.id, deadline=today + 9 * DAY)
    late = plans.add_action(plan, "Behandelplan opstellen", owner_partner_id=ggz.id,
                            deadline=today - 4 * DAY)
    Action.update(created_at=dt.datetime.combine(today - 30 * DAY, dt.time(9))).where(
        Action.id == late.id).execute()
    noon = dt.datetime.combine(today - dt.timedelta(days=today.weekday()), dt.time(11))
    for n, hat in enumerate(("hulpverlening", "hulpverlening", "procesregie")):
        entry = journal.add_entry(running, f"Notitie {n + 1}", hat=hat)
        JournalEntry.update(at=noon + dt.timedelta(minutes=n)).where(JournalEntry.id == entry.id).execute()
    watched = _case("Kees Nazorgman", "Dreigende uithuiszetting", team, today - 90 * DAY)
    cases.close_case(watched, "Woning behouden, schulden geregeld", retention_years=15,
                     watch_until=today + 5 * DAY, closed_on=today - 20 * DAY)
    return MirrorWorld(Case.get_by_id(running.id), Case.get_by_id(watched.id), ggz)
