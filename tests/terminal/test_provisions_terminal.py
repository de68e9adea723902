"""The installed `zvh` in tmux: export a plan for a partner without a convenant (asked first),
then see the verstrekking in the dossier (issue 14.3-4), and find it stored after quitting."""

from __future__ import annotations

from pathlib import Path

import pytest

from zvh_tui.core.vocab import CheckStatus, Phase, TriageOutcome
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.partners import participants
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.plans import versions as plans
from zvh_tui.services.safety.profile import Profile
from zvh_tui.store.models import Provision

pytestmark = pytest.mark.terminal

PASSPHRASE = "correct-paard-batterij"


def _make_profile(data: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.delenv("ZVH_PASSPHRASE", raising=False)
    profile = Profile.from_dir(data)
    profile.create(PASSPHRASE)
    try:
        wijkteam = partners.create_partner("Wijkteam Noord", "gemeente", convenant_signed=True)
        school = partners.create_partner("Basisschool De Linde", "onderwijs", convenant_signed=False)
        case = cases.create_case(cases.NewCase(
            persons=[cases.NewPerson(name="Marco de Wit")], referrer_partner_id=wijkteam.id,
            reason="Overlast en schulden"))
        participants.set_check(participants.participants_of(case)[0], CheckStatus.KNOWN, basis="Wmo art. 5.2.1")
        for step in (Phase.SCREENING, Phase.TRIAGE):
            cases.move_phase(case, step)
        cases.set_triage(case, TriageOutcome.TAKE_ON)
        cases.move_phase(case, Phase.ANALYSIS)
        participants.add_participant(case, school.id)
        participants.set_director(case, wijkteam.id)
        plan = plans.start_plan(case)
        health = plans.add_goal(plan, "Beide ouders krijgen hulp", "gezondheid_psych")
        plans.add_action(plan, "Ouders doorverwijzen", goal=health, owner_partner_id=wijkteam.id)
        school_goal = plans.add_goal(plan, "Naar school", "dagbesteding")
        plans.add_action(plan, "Leerplicht bellen", goal=school_goal, owner_partner_id=school.id)
        return case.reference
    finally:
        profile.close()


def test_an_export_without_convenant_is_asked_and_logged(tmux, tmp_path: Path, monkeypatch) -> None:
    data = tmp_path / "profiel"
    reference = _make_profile(data, monkeypatch)
    tmux.start("--data-dir", str(data), env={"ZVH_PASSPHRASE": PASSPHRASE})
    tmux.wait_for(reference)
    tmux.send_keys("Enter")  # the dossier of the only case
    tmux.wait_for("7 Verstrekkingen")
    tmux.send_keys("p")
    tmux.wait_for(f"Plan van aanpak · casus {reference}")
    tmux.wait_for("Nieuwe actie (a)")
    tmux.send_keys("e")
    tmux.wait_for("In welk formaat?")
    tmux.send_keys("Down", "Enter")  # Markdown
    tmux.wait_for("Taal van het plan")
    tmux.send_keys("n")  # Nederlands
    tmux.wait_for("Voor wie?")
    tmux.send_keys("Down", "Down", "Enter")  # the full plan, Wijkteam Noord, Basisschool De Linde
    screen = tmux.wait_for("Geen convenant")
    assert "Basisschool De Linde heeft het privacyconvenant niet getekend" in screen
    tmux.send_keys("Tab", "Enter")  # Toch exporteren
    tmux.wait_for("Plan geëxporteerd")
    tmux.send_keys("C-q")
    assert tmux.exit_status() == 0

    tmux.start("--data-dir", str(data), env={"ZVH_PASSPHRASE": PASSPHRASE})  # after a restart
    tmux.wait_for(reference)
    tmux.send_keys("Enter")
    tmux.wait_for("7 Verstrekkingen")
    tmux.send_keys("7")
    screen = tmux.wait_for("grondslag: Geen convenant getekend: alleen dat-informatie")
    assert "Basisschool De Linde  —  plan van aanpak (versie voor de partner) · versie 1  —  geen convenant" in screen
    tmux.send_keys("C-q")
    assert tmux.exit_status() == 0

    [exported] = list((data / "exports").glob("plan-*.md"))
    content = exported.read_text(encoding="utf-8")
    assert "Leerplicht bellen" in content and "Naar school" in content
    assert "Beide ouders krijgen hulp" not in content and "Ouders doorverwijzen" not in content
    assert "(gezondheid" not in content and "(dagbesteding" not in content
    profile = Profile.from_dir(data)
    profile.unlock(PASSPHRASE)
    try:
        [given] = list(Provision.select())
        assert (given.kind, given.convenant, given.plan_version) == ("plan_partner", False, 1)
    finally:
        profile.close()
