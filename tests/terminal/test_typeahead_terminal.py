"""Keys typed ahead in a real terminal land where they were meant (issue 11 item 6).

tmux delivers every key of one `send-keys` at once, faster than any typist: the plan editor
must open its editors and dialogs, move the cursor with Tab and close them again, in the order
the keys came, without reading text as outline commands or putting it in the previous field.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from terminal.test_plan_kill import PASSPHRASE, _make_profile, _open_plan

from zvh_tui.services.plans import versions as plans
from zvh_tui.services.safety.profile import Profile
from zvh_tui.store.models import Case

pytestmark = pytest.mark.terminal


def test_keys_sent_in_one_go_fill_the_right_fields(tmux, tmp_path: Path, monkeypatch) -> None:
    data = tmp_path / "profiel"
    reference = _make_profile(data, monkeypatch)
    tmux.start("--data-dir", str(data), env={"ZVH_PASSPHRASE": PASSPHRASE})
    _open_plan(tmux, reference)

    # Two goals in place: g opens an editor, Enter closes it, g opens the next, all at once.
    tmux.send_keys("g", "Stabiel wonen", "Enter", "g", "Schulden saneren", "Enter")
    tmux.wait_for("Doel 2: Schulden saneren")
    # Krachten en zorgen: Home, five lines down, Enter (a dialog), Enter (wonen), two fields.
    tmux.send_keys("Home", *["Down"] * 5, "Enter", "Enter", "Huisarts kent haar goed", "Tab",
                   "Slaapt slecht", "Enter")
    tmux.wait_for("zorgen: Slaapt slecht")
    # The outline is drawn again after the save (a capture in between showed the new line but
    # not yet the rest, and a footer without the screen's keys): wait for the whole outline.
    screen = tmux.wait_for("Doel 1: Stabiel wonen")
    assert "krachten: Huisarts kent haar goed · zorgen: Slaapt slecht" in screen
    assert "Doel 2: Schulden saneren" in screen
    tmux.send_keys("C-q")
    assert tmux.exit_status() == 0

    monkeypatch.delenv("ZVH_PASSPHRASE", raising=False)
    profile = Profile.from_dir(data)
    profile.unlock(PASSPHRASE)
    try:
        plan = plans.current(Case.get(Case.reference == reference))
        assert [g.intent for g in plans.goals_of(plan)] == ["Stabiel wonen", "Schulden saneren"]
        assert [(a.life_domain, a.strengths, a.concerns) for a in plans.assessments_of(plan)] == [
            ("wonen", "Huisarts kent haar goed", "Slaapt slecht")]
        assert plans.actions_of(plan) == []  # no letter was read as a key of the outline
    finally:
        profile.close()
