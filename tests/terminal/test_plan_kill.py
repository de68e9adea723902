"""Never lose a keystroke: type a plan in the real terminal, kill -9 zvh mid-edit, restart.

The way a regisseur works: open the case from the case list (Enter), the plan from the dossier
(p), type three actions in the quick entry line, start typing the opgave, and then the laptop
dies (kill -9, no chance to clean up). After a restart every committed action must be there,
and at most the field being typed may be short of what was typed. The stored rows are read with
Profile + ZVH_PASSPHRASE in this test process once zvh is dead.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import time
from pathlib import Path

import pytest
from killkit import wait_stored, zvh_pid

from zvh_tui.core.vocab import CheckStatus, Phase, TriageOutcome
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.partners import participants
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.plans import versions as plans
from zvh_tui.services.safety import audit
from zvh_tui.services.safety.profile import Profile
from zvh_tui.services.shared import dates
from zvh_tui.store.models import Action, Plan

pytestmark = pytest.mark.terminal

PASSPHRASE = "correct-paard-batterij"
ACTIONS = [
    "huisbezoek plannen @wijkteam vr",
    "uitkering regelen @gemeente/Jansen +2w",
    "schuldhulp aanvragen @ggz morgen",
]


def _make_profile(data: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A profile with one case at the table with three partners; returns its reference."""
    monkeypatch.delenv("ZVH_PASSPHRASE", raising=False)
    profile = Profile.from_dir(data)
    profile.create(PASSPHRASE)
    try:
        wijkteam = partners.create_partner("Wijkteam Noord", "gemeente", convenant_signed=True)
        gemeente = partners.create_partner("Gemeente Breda", "gemeente", convenant_signed=True)
        partners.add_contact(gemeente, "P. Jansen")
        ggz = partners.create_partner("GGZ Breburg", "zorg", convenant_signed=True)
        case = cases.create_case(cases.NewCase(
            persons=[cases.NewPerson(name="Marco de Wit")], referrer_partner_id=wijkteam.id,
            reason="Overlast en schulden"))
        participants.set_check(participants.participants_of(case)[0], CheckStatus.KNOWN, basis="convenant")
        for step in (Phase.SCREENING, Phase.TRIAGE):
            cases.move_phase(case, step)
        cases.set_triage(case, TriageOutcome.TAKE_ON)
        cases.move_phase(case, Phase.ANALYSIS)
        for partner in (gemeente, ggz):
            participants.add_participant(case, partner.id)
        participants.set_director(case, wijkteam.id)
        return case.reference
    finally:
        profile.close()


def _opgave(conn) -> object:
    row = conn.execute("SELECT shared_task FROM plan").fetchone()
    return row[0] if row else None


def _open_plan(tmux, reference: str) -> str:
    """From the case list to the plan editor, as a user: Enter on the case, then p."""
    tmux.wait_for(reference)
    tmux.send_keys("Enter")  # the case list opens the dossier of the selected (only open) case
    tmux.wait_for("Plan")
    time.sleep(0.3)
    tmux.send_keys("p")
    tmux.wait_for("Nieuwe actie (a)")  # the quick entry line: the plan editor is open
    screen = tmux.wait_for(f"Plan van aanpak · casus {reference}")
    time.sleep(0.3)  # a person looks before typing
    return screen


def test_kill_9_while_typing_loses_no_committed_action(tmux, tmp_path: Path, monkeypatch) -> None:
    data = tmp_path / "profiel"
    reference = _make_profile(data, monkeypatch)
    env = {"ZVH_PASSPHRASE": PASSPHRASE}

    tmux.start("--data-dir", str(data), env=env)
    _open_plan(tmux, reference)
    tmux.send_keys("a")
    time.sleep(0.2)  # a person's pause between the key and the first word
    for line in ACTIONS:
        tmux.type(line)
        tmux.send_keys("Enter")
        tmux.wait_for("• " + line.split(" @")[0])  # committed: shown in the outline
    tmux.send_keys("Escape")  # back to the outline
    time.sleep(0.3)  # so the terminal does not read Escape + Home as one key
    tmux.send_keys("Home")
    time.sleep(0.2)
    tmux.send_keys("Enter")  # edit the gezamenlijke opgave in place
    tmux.wait_for("Esc: annuleren")  # the editor in place is open
    tmux.type("Rust in huis")
    wait_stored(data, PASSPHRASE, _opgave, "Rust in huis", "de opgave")  # a pause in typing: saved without Enter
    tmux.type(" en scho")  # still typing when the laptop dies
    os.kill(zvh_pid(data), signal.SIGKILL)
    tmux.exit_status()  # the pane is dead

    # A new tmux server for the restart: killing the only session makes the old server exit,
    # and a new session started at that moment can fail with "server exited unexpectedly".
    tmux.kill()
    time.sleep(0.2)
    tmux.start("--data-dir", str(data), env=env)  # the profile lock died with the process
    screen = _open_plan(tmux, reference)
    for line in ACTIONS:
        assert "• " + line.split(" @")[0] in screen
    assert "Rust in huis" in screen
    tmux.send_keys("C-q")
    assert tmux.exit_status() == 0

    monkeypatch.setenv("ZVH_PASSPHRASE", PASSPHRASE)
    profile = Profile.from_dir(data)
    assert profile.open_from_environment()
    try:
        today = dt.date.today()
        stored = [(a.text, a.owner_partner.name, a.owner_contact.name if a.owner_contact_id else None, a.deadline)
                  for a in Action.select().order_by(Action.id)]
        assert stored == [
            ("huisbezoek plannen", "Wijkteam Noord", None, dates.parse_date("vr", today=today, future=True)),
            ("uitkering regelen", "Gemeente Breda", "P. Jansen", today + dt.timedelta(weeks=2)),
            ("schuldhulp aanvragen", "GGZ Breburg", None, today + dt.timedelta(days=1)),
        ]
        opgave = Plan.get().shared_task
        assert opgave.startswith("Rust in huis")  # saved during the pause
        assert "Rust in huis en scho".startswith(opgave)  # at most the field being typed is short
        assert len(plans.versions(cases.get_by_reference(reference, audit_view=False))) == 1
        assert audit.verify_chain().ok
    finally:
        profile.close()
