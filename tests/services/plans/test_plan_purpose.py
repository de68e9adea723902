"""Purpose limitation of the plan exports (issue 14.4) and their trace in the verstrekkingenlog
(14.3): the per-partner version holds only the goals of its own actions, without leefgebied
labels; a partner without a convenant is warned about and must be confirmed; every export is a
verstrekking, and `zvh export log` lists them."""

from __future__ import annotations

import json

import pytest

from zvh_tui.core.errors import RuleError
from zvh_tui.core.vocab import LifeDomain
from zvh_tui.services.partners import participants, provisions
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.plans import plan_export
from zvh_tui.services.plans import versions as plans
from zvh_tui.services.safety import audit_log
from zvh_tui.store.models import Plan, Provision


def _plan(pc) -> Plan:
    plan = plans.start_plan(pc.case)
    plans.update_plan(plan, shared_task="Rust in huis")
    plans.set_perspective(plan, pc.politie.id, "Mogelijke dader van overlast")
    wonen = plans.add_goal(plan, "Stabiel wonen", "wonen")
    health = plans.add_goal(plan, "Beide ouders krijgen hulp", "gezondheid_psych")
    school = plans.add_goal(plan, "Naar school", "dagbesteding")
    plans.add_action(plan, "Huisbezoek plannen", goal=wonen, owner_partner_id=pc.gemeente.id)
    plans.add_action(plan, "Behandeling starten", goal=health, owner_partner_id=pc.ggz.id)
    plans.add_action(plan, "Leerplicht inschakelen", goal=school, owner_partner_id=pc.gemeente.id)
    plans.add_action(plan, "Losse taak politie", owner_partner_id=pc.politie.id)
    return Plan.get_by_id(plan.id)


def test_the_per_partner_version_drops_other_goals_and_every_leefgebied_label(plan_case) -> None:
    _plan(plan_case)
    for render in (plan_export.plan_markdown, plan_export.plan_html):
        page = render(plan_case.case, None, plan_case.gemeente.id)
        assert "Stabiel wonen" in page and "Naar school" in page
        assert "Huisbezoek plannen" in page and "Leerplicht inschakelen" in page
        assert "Beide ouders krijgen hulp" not in page  # the GGZ's goal
        assert "Behandeling starten" not in page and "Losse taak politie" not in page
        assert "Acties zonder doel" not in page  # only the politie's loose action is there
        assert "geen acties voor deze partner" not in page
        for domain in LifeDomain:
            assert f"({domain.label})" not in page, domain.label
        assert "Mogelijke dader" not in page
    full = plan_export.plan_markdown(plan_case.case)
    assert "### Doel 2: Beide ouders krijgen hulp (gezondheid (psychisch))" in full  # the full plan keeps them
    politie = plan_export.plan_markdown(plan_case.case, None, plan_case.politie.id)
    assert "Acties zonder doel" in politie and "Losse taak politie" in politie
    assert "Stabiel wonen" not in politie and "Naar school" not in politie


def test_every_plan_export_is_a_verstrekking(plan_case, tmp_path) -> None:
    plan = _plan(plan_case)
    participants.set_check(next(p for p in participants.participants_of(plan_case.case)
                                if p.partner_id == plan_case.gemeente.id), "known", basis="Wmo art. 5.2.1")
    plan_export.plan_markdown(plan_case.case, None, plan_case.gemeente.id)
    plan_export.export_to_folder(tmp_path, plan_case.case, plan, "html", plan_case.politie.id)
    plan_export.export_plan(plan_case.case.reference, "html")
    plan_export.export_plan(plan_case.case.reference, "md", partner="gemeente", basis="Jeugdwet art. 7.4.0")
    rows = [(r.partner_id, r.kind, r.plan_version, r.basis, r.fmt)
            for r in Provision.select().order_by(Provision.id)]
    assert rows == [
        (plan_case.gemeente.id, "plan_partner", 1, "Wmo art. 5.2.1", ""),  # the check's grondslag
        (plan_case.politie.id, "plan_partner", 1, provisions.CONVENANT_BASIS, ""),
        (None, "plan", 1, provisions.CONVENANT_BASIS, "html"),
        (plan_case.gemeente.id, "plan_partner", 1, "Jeugdwet art. 7.4.0", ""),
    ]
    shown = provisions.of_case(plan_case.case)
    assert shown[0].what == "plan van aanpak (versie voor de partner) · versie 1"


def test_a_partner_without_a_convenant_must_be_confirmed(plan_case, tmp_path) -> None:
    plan = _plan(plan_case)
    folder = tmp_path / "exports"
    school = partners.create_partner("Fictieve Basisschool", "onderwijs", convenant_signed=False)
    participants.add_participant(plan_case.case, school.id)
    reference = plan_case.case.reference
    assert plan_export.convenant_warnings(plan_case.case, plan_case.gemeente.id) == []
    [warning] = plan_export.convenant_warnings(plan_case.case, school.id)
    assert "Fictieve Basisschool heeft het privacyconvenant niet getekend" in warning
    assert plan_export.convenant_warnings(plan_case.case) == [warning]  # the full plan: the table
    with pytest.raises(RuleError, match="--zonder-convenant"):
        plan_export.export_plan(reference, "md", partner="basisschool")
    with pytest.raises(RuleError, match="Fictieve Basisschool"):
        plan_export.export_plan(reference, "html")
    with pytest.raises(RuleError, match="Bevestig eerst"):
        plan_export.export_to_folder(folder, plan_case.case, plan, "html", school.id)
    assert Provision.select().count() == 0 and not folder.exists()
    page = plan_export.export_plan(reference, "md", partner="basisschool", confirmed=True)
    assert "Versie voor: Fictieve Basisschool" in page
    path = plan_export.export_to_folder(folder, plan_case.case, plan, "md", None, confirmed=True)
    assert path.exists()
    given = provisions.of_partner(school)
    assert len(given) == 1 and given[0].unsigned and given[0].basis == provisions.NO_CONVENANT_BASIS


def test_the_cli_asks_for_an_explicit_flag(plan_case, profile, profile_dir, tmp_path, monkeypatch, capsys) -> None:
    from zvh_tui.cli import commands as cli

    _plan(plan_case)
    partners.update_partner(plan_case.ggz, convenant_signed=False)
    reference = plan_case.case.reference
    profile.close()
    monkeypatch.setenv("ZVH_PASSPHRASE", "test-wachtwoord-1")
    target = tmp_path / "plan-ggz.md"
    base = ["export", "plan", reference, "--data-dir", str(profile_dir), "--partner", "ggz", "-o", str(target)]
    assert cli.main(base) == 2
    err = capsys.readouterr().err
    assert "GGZ Breburg heeft het privacyconvenant niet getekend" in err and "--zonder-convenant" in err
    assert not target.exists()
    assert cli.main([*base, "--zonder-convenant", "--grondslag", "Wvggz art. 8:32"]) == 0
    assert "Behandeling starten" in target.read_text(encoding="utf-8")
    target.unlink()
    assert cli.main([*base, "--ja"]) == 0  # the same confirmation as `zvh export minutes`
    assert target.exists()


def test_the_log_export_lists_the_verstrekkingen(plan_case) -> None:
    _plan(plan_case)
    plan_export.plan_markdown(plan_case.case, None, plan_case.gemeente.id)
    document = json.loads(audit_log.export_json(case_ref=plan_case.case.reference))
    [given] = document["verstrekkingen"]
    assert (given["partner"], given["soort"], given["casus"], given["grondslag"]) == (
        "Gemeente Breda", "plan_partner", plan_case.case.reference, provisions.CONVENANT_BASIS)
    assert given["convenant_getekend"] is True and given["door"] == "tester" and given["tijd"]
    assert any(e["handeling"] == "provide" for e in document["gebeurtenissen"])
    person = plan_case.case.case_persons[0].person_id
    by_person = json.loads(audit_log.export_json(person_id=person))
    assert [g["id"] for g in by_person["verstrekkingen"]] == [given["id"]]
    other = json.loads(audit_log.export_json(case_ref=plan_case.other_case.reference))
    assert other["verstrekkingen"] == []
