"""Demo data that rings true to a regisseur (issue 15.8), over the hand-made demo and a scale set
of SCALE_N cases: ZVH cases at the levels where they sit, the advice track, no hat beschikken,
terugkoppeling that fits its action, no convenant grondslag for a partner that did not sign, a
fictional regisseur as author, dates on working days, addresses in the address field, informed per
betrokkene, namens per case, a reason for every action of the own house, and a bewaartermijn so
a demo case can be closed.

Each template is opened once per module and its rows read into plain tuples (the root conftest
closes the store after every test), so the rules below cost a few milliseconds each.
"""

from __future__ import annotations

import datetime as dt
import getpass
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import pytest
from demokit import DEMO_DAY, Template, _isolate

from zvh_tui.core.vocab import ActionStatus, Hat, Phase, TriageOutcome
from zvh_tui.demo import texts as T
from zvh_tui.demo.builder import load_demo
from zvh_tui.demo.common import ADVICE_LEVEL, INTAKE_LEVEL, ZVH_LEVELS
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.partners import participants
from zvh_tui.services.safety.profile import Profile
from zvh_tui.services.shared import context, identity
from zvh_tui.store.models import (
    Action,
    Advice,
    Case,
    CasePerson,
    DirectorChange,
    Escalation,
    JournalEntry,
    Participant,
    Partner,
    Person,
    Plan,
    Provision,
)

STREET = re.compile(r"\b[A-Z][a-z]+(straat|laan|weg|kade|plein|hof|pad|singel|akker)\b")


@dataclass
class Rows:
    """What the rules look at, read once from a template profile."""

    name: str
    login: str
    cases: list[Case]
    persons: list[tuple[int, int, str, bool, str, dt.date | None, str, str]]  # case, position, role, informed, reason, review, name, address
    partners: dict[int, Partner]
    participants: list[tuple[int, str]]  # partner id, check_basis
    journal: list[tuple[int, str, str, str]]  # case, hat, author, text
    actions: list[tuple[int, str, int | None, dt.date | None, str, str, str]]  # case, text, owner, deadline, status, feedback, own reason
    evaluations: list[dt.date]
    advice: list[Advice]
    escalations: list[tuple[int, str, str, str, str]]  # case, from ave, from level, to ave, to level
    signers: list[str]  # DirectorChange.by, Provision.by, Advice.by
    plans_of: set[int]  # case ids with a plan


def _read(template: Template, folder: Path, name: str) -> Rows:
    folder.mkdir(mode=0o700, parents=True)
    shutil.copyfile(template.database, folder / template.database.name)
    with pytest.MonkeyPatch.context() as mp:
        _isolate(mp, folder.parent)
        context.set_today(DEMO_DAY)
        profile = Profile.from_dir(folder)
        profile.unlock_with_key(template.raw_key)
        try:
            persons = [(cp.case_id, cp.position, cp.role, cp.informed, cp.not_informed_reason, cp.informed_review_on,
                        cp.person.name, cp.person.address)
                       for cp in CasePerson.select(CasePerson, Person).join(Person)]
            actions = [(a.plan.case_id, a.text, a.owner_partner_id, a.deadline, a.status, a.feedback, a.own_reason)
                       for a in Action.select(Action, Plan).join(Plan)]
            return Rows(
                name=name,
                login=profile.settings.user_name(),
                cases=list(Case.select()),
                persons=persons,
                partners={p.id: p for p in Partner.select()},
                participants=[(p.partner_id, p.check_basis) for p in Participant.select() if p.check_basis],
                journal=[(e.case_id, e.hat, e.author, e.text) for e in JournalEntry.select()],
                actions=actions,
                evaluations=[p.evaluation_on for p in Plan.select() if p.evaluation_on],
                advice=list(Advice.select()),
                escalations=[(e.case_id, e.from_ave, e.from_level, e.to_ave, e.to_level) for e in Escalation.select()],
                signers=[d.by for d in DirectorChange.select()] + [p.by for p in Provision.select()]
                + [a.by for a in Advice.select()],
                plans_of={p.case_id for p in Plan.select(Plan.case)},
            )
        finally:
            profile.close()
            context.set_today(None)
            context.set_actor(context.Actor())


@pytest.fixture(scope="module", params=["demo", "scale"])
def rows(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Rows:
    template = request.getfixturevalue(f"{request.param}_template")
    return _read(template, tmp_path_factory.mktemp(f"realism-{request.param}") / "profiel", request.param)


def _kinds() -> list[tuple[re.Pattern[str], str]]:
    """Every action text of the demo, as a pattern ({first} is a name), with its kind."""
    steps = [(step.text, step.kind) for v in T.VIGNETTES.values() for goal in v["goals"] for step in goal.steps]
    steps += [(step.text, step.kind) for step in T.SCALE_ACTIONS]
    steps.append(("Evaluatie met de cliënt: wat werkt, wat moet anders?", "talk"))
    return [(re.compile(re.escape(text).replace(re.escape("{first}"), r"\S+") + "$"), kind) for text, kind in steps]


def _kind_of(text: str, kinds: list[tuple[re.Pattern[str], str]]) -> str:
    found = {kind for pattern, kind in kinds if pattern.match(text)}
    assert len(found) == 1, (text, found)
    return found.pop()


def test_zvh_cases_sit_at_the_levels_of_the_house(rows: Rows) -> None:
    advice = [c for c in rows.cases if c.zvh_role == "advice"]
    assert advice and len(advice) < len(rows.cases) / 4
    for case in rows.cases:
        place = (case.ave_phase, case.level)
        assert place != ("1", "case"), case.reference
        assert place == ADVICE_LEVEL if case.zvh_role == "advice" else place in ZVH_LEVELS, (case.reference, place)
    advised = {a.case_id for a in rows.advice}
    for case_id, from_ave, from_level, to_ave, to_level in rows.escalations:
        if (from_ave, from_level) == ADVICE_LEVEL:  # the switch from advice to procesregie
            assert case_id in advised and (to_ave, to_level) == INTAKE_LEVEL, case_id
            continue
        assert {(from_ave, from_level), (to_ave, to_level)} <= ZVH_LEVELS, case_id
    assert any(to_ave == "4" for *_, to_ave, _ in rows.escalations)
    assert any(to_ave == "3" for *_, to_ave, _ in rows.escalations), "a case de-escalated to procesniveau"


def test_advice_cases_have_their_own_track(rows: Rows) -> None:
    by_case = {a.case_id: a for a in rows.advice}
    advice_cases = [c for c in rows.cases if c.zvh_role == "advice"]
    assert advice_cases and {c.id for c in advice_cases} <= set(by_case)
    for case in advice_cases:
        row = by_case[case.id]
        assert case.triage_outcome == TriageOutcome.ADVICE.value
        assert case.phase in (Phase.TRIAGE.value, Phase.CLOSED.value)
        assert case.id not in rows.plans_of, "an advice case needs no plan of approach"
        assert row.question and row.advice and row.given_to and row.regie_partner_id and row.follow_up_on
        assert row.asked_by_partner_id == case.referrer_partner_id, "the local professional who asked"
        assert not rows.partners[row.regie_partner_id].is_own, "the regie stays with a local partner"
    if rows.name == "demo":
        assert any(by_case[c.id].follow_up_on > DEMO_DAY for c in advice_cases if c.phase != Phase.CLOSED.value)
        # a case that went from advice to procesregie keeps its advice, with the switch in the journal
        switched = [c for c in rows.cases if c.id in by_case and c.zvh_role == "direction"]
        assert len(switched) == 1 and switched[0].triage_outcome == TriageOutcome.TAKE_ON.value
        assert any(case_id == switched[0].id and text.startswith("Rol van het ZVH gewijzigd: van advies naar procesregie")
                   for case_id, _, _, text in rows.journal)
    else:
        assert set(by_case) == {c.id for c in advice_cases}


def test_no_hat_beschikken_and_triage_is_procesregie(rows: Rows) -> None:
    hats = {hat for _, hat, _, _ in rows.journal}
    assert hats <= {h.value for h in Hat} - {Hat.DECIDE.value}
    triage = [hat for _, hat, _, text in rows.journal if text.startswith("Triage")]
    assert triage and set(triage) == {Hat.PROCESS_DIRECTION.value}


def test_feedback_fits_its_action(rows: Rows) -> None:
    kinds = _kinds()
    given = [(text, feedback) for _, text, _, _, _, feedback, _ in rows.actions if feedback]
    assert len(given) > 10
    for text, feedback in given:
        kind = _kind_of(text, kinds)
        assert feedback in T.FEEDBACK[kind]["done"] + T.FEEDBACK[kind]["busy"], (text, feedback)
        if "niet thuis" in feedback:
            assert kind == "visit", text
    if rows.name == "scale":  # the scale generator picks by the final status too
        for _, text, _, _, status, feedback, _ in rows.actions:
            if feedback:
                assert feedback in T.FEEDBACK[_kind_of(text, kinds)][status], (text, status, feedback)


def test_no_convenant_grondslag_for_a_partner_that_did_not_sign(rows: Rows) -> None:
    unsigned = {pid for pid, p in rows.partners.items() if not p.convenant_signed and not p.is_own}
    checked = [(pid, basis) for pid, basis in rows.participants if pid in unsigned]
    assert checked, "the demo asks unsigned partners too"
    for partner_id, basis in rows.participants:
        partner = rows.partners[partner_id]
        shown = SimpleNamespace(convenant_signed=partner.convenant_signed, is_own=partner.is_own, name=partner.name)
        assert participants.basis_warning(shown, basis) is None, (partner.name, basis)  # type: ignore[arg-type]


def test_a_fictional_regisseur_is_the_author(rows: Rows) -> None:
    authors = {author for _, _, author, _ in rows.journal} | set(rows.signers)
    assert authors <= set(T.REGISSEURS), authors - set(T.REGISSEURS)
    for name in (rows.login, getpass.getuser(), identity.DEMO_USER):
        assert name not in authors
    clients = {name for *_, name, _ in rows.persons}
    assert not clients & set(T.REGISSEURS)


def test_deadlines_and_follow_ups_fall_on_working_days(rows: Rows) -> None:
    days = [deadline for _, _, _, deadline, _, _, _ in rows.actions if deadline]
    days += rows.evaluations
    days += [review for *_, review, _, _ in rows.persons if review]
    days += [c.informed_review_on for c in rows.cases if c.informed_review_on]
    days += [c.watch_until for c in rows.cases if c.watch_until]
    days += [a.follow_up_on for a in rows.advice]
    assert len(days) > 50
    weekend = sorted({d for d in days if d.weekday() >= 5})
    assert not weekend, weekend[:5]


def test_addresses_are_in_the_address_field_not_in_the_aanleiding(rows: Rows) -> None:
    for case in rows.cases:
        assert not STREET.search(case.reason), (case.reference, case.reason)
        assert not any(street in case.reason for street in T.STREETS), case.reference
    assert all(address for *_, address in rows.persons)
    by_case: dict[int, set[str]] = {}
    for case_id, *_, address in rows.persons:
        if not address.startswith("Tijdelijk verblijfadres"):
            by_case.setdefault(case_id, set()).add(address)
    assert all(len(found) == 1 for found in by_case.values()), "one household, one address"


def test_informed_per_betrokkene(rows: Rows) -> None:
    not_informed = [p for p in rows.persons if not p[3]]
    assert not_informed
    for case_id, position, role, _, reason, review, _, _ in not_informed:
        assert reason and review, case_id
        if reason.startswith("Vader"):  # the domestic-violence vignette: the father, not the client
            assert (position, role) == (1, "parent"), case_id
    if rows.name == "scale":
        return
    family = next(c for c in rows.cases if c.title == "Gezin Azzouzi")
    members = {name: (informed, reason, review) for case_id, _, _, informed, reason, review, name, _ in rows.persons
               if case_id == family.id}
    assert members["Khadija Azzouzi-Ziani"] == (True, "", None), "the mother is informed"
    informed, reason, review = members["Soufiane Azzouzi"]
    assert not informed and "strafrechtelijk onderzoek" in reason, "not the father, during the investigation"
    assert review > DEMO_DAY and review.weekday() < 5
    assert all(members[child][0] for child in ("Adam Azzouzi", "Lina Azzouzi", "Rayan Azzouzi"))
    other = next(c for c in rows.cases if c.title == "Gezin Van den Berg")
    dennis = next(p for p in rows.persons if p[0] == other.id and p[6] == "Dennis van den Berg")
    assert not dennis[3] and dennis[5] < DEMO_DAY, "a review date that has passed: heroverweeg informeren"


def test_namens_is_the_aanmelder(rows: Rows) -> None:
    own = next(pid for pid, p in rows.partners.items() if p.is_own)
    for case in rows.cases:
        if case.referrer_partner_id is not None:
            assert case.on_behalf_partner_id == case.referrer_partner_id, case.reference
        else:
            assert case.referrer_citizen and case.on_behalf_partner_id == own, case.reference


def test_every_action_of_the_own_house_says_why(rows: Rows) -> None:
    own = next(pid for pid, p in rows.partners.items() if p.is_own)
    mine = [row for row in rows.actions if row[2] == own]
    assert mine
    assert all(reason for *_, reason in mine)
    assert not any(reason for _, _, owner, *_, reason in rows.actions if owner != own)


def test_the_demo_sets_a_bewaartermijn_so_a_case_can_be_closed(profile: Profile) -> None:
    """`zvh demo` (load_demo with the profile): the demo's term in the settings, on disk too; a
    running demo case then closes as the dossier closes it, with the settings' term."""
    context.set_today(DEMO_DAY)
    assert profile.settings.retention_years is None
    summary = load_demo(12, profile=profile)
    assert f"Bewaartermijn ingesteld op {T.RETENTION_YEARS} jaar" in summary and "\n" not in summary
    assert profile.settings.retention_years == T.RETENTION_YEARS
    assert Profile.from_dir(profile.paths.data).settings.retention_years == T.RETENTION_YEARS
    case = Case.select().where(Case.phase == Phase.EXECUTION.value).first()
    cases.close_case(case, "Doelen bereikt.", retention_years=profile.settings.retention_years,
                     open_actions=cases.CANCEL_OPEN_ACTIONS)
    assert Case.get_by_id(case.id).retention_end == cases.retention_end_for(DEMO_DAY, T.RETENTION_YEARS)
    assert not Action.select().join(Plan).where(
        (Plan.case == case.id) & Action.status.in_((ActionStatus.OPEN.value, ActionStatus.BUSY.value))).exists()


def test_a_bewaartermijn_of_the_house_is_kept(profile: Profile) -> None:
    profile.settings.retention_years = 15
    context.set_today(DEMO_DAY)
    assert "Bewaartermijn" not in load_demo(3, profile=profile)
    assert profile.settings.retention_years == 15
