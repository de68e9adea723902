"""The installed `zvh` in tmux: hand a case over in the dossier (Shift+N), then see the new
partner as "Namens" in the logboek, beside the aanmelder on the events from before."""

from __future__ import annotations

from pathlib import Path

import pytest

from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.safety.profile import Profile
from zvh_tui.store.models import AuditEvent

pytestmark = pytest.mark.terminal

PASSPHRASE = "correct-paard-batterij"


def _make_profile(data: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.delenv("ZVH_PASSPHRASE", raising=False)
    profile = Profile.from_dir(data)
    profile.create(PASSPHRASE)
    try:
        wijkteam = partners.create_partner("Wijkteam Oost", "gemeente", convenant_signed=True)
        partners.create_partner("Reclassering", "straf", convenant_signed=True)
        case = cases.create_case(cases.NewCase(
            persons=[cases.NewPerson(name="Marco de Wit")], referrer_partner_id=wijkteam.id,
            reason="Overlast en schulden"))
        return case.reference
    finally:
        profile.close()


def test_hand_over_then_the_logboek_names_the_new_partner(tmux, tmp_path: Path, monkeypatch) -> None:
    data = tmp_path / "profiel"
    reference = _make_profile(data, monkeypatch)
    tmux.start("--data-dir", str(data), env={"ZVH_PASSPHRASE": PASSPHRASE})
    tmux.wait_for(reference)
    tmux.send_keys("Enter")  # the dossier of the only case
    tmux.wait_for("Namens (logboek): Wijkteam Oost (de aanmelder)")
    tmux.send_keys("N")
    tmux.wait_for("Casus overdragen (namens)")
    tmux.type("reclas")
    tmux.wait_for("Reclassering")
    tmux.send_keys("Enter")  # choose it; the reason next
    tmux.type("Toezicht loopt via de reclassering")
    tmux.send_keys("F5")
    tmux.wait_for("Namens (logboek): Reclassering (overgedragen)")
    tmux.send_keys("C-p")
    tmux.wait_for("Wie zag of wijzigde wat")  # the palette's list is there: its field takes keys
    tmux.type("Logboek")
    tmux.wait_gone("Naar de lijst met casussen")  # filtered down to the logboek
    tmux.send_keys("Enter")
    tmux.wait_for("Kenmerk van een casus")
    tmux.type(reference)
    tmux.send_keys("Enter")
    screen = tmux.wait_for(f"Logboek van casus {reference}")
    screen = tmux.wait_for("overgedragen (namens")
    assert "Reclassering" in screen and "Wijkteam Oost" in screen  # the new namens, and the old
    tmux.send_keys("C-q")
    assert tmux.exit_status() == 0

    profile = Profile.from_dir(data)
    profile.unlock(PASSPHRASE)
    try:
        events = list(AuditEvent.select().where(AuditEvent.case_ref == reference).order_by(AuditEvent.id))
        assert events[0].on_behalf_of == "Wijkteam Oost"
        assert events[-1].on_behalf_of == "Reclassering"
    finally:
        profile.close()
