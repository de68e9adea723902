"""The installed `zvh` in tmux: a demo profile, a dossier opened, projector mode switched on with
F8 (issue 14.1). The terminal then shows MEEKIJKEN and none of the case persons' surnames, dates
of birth (nor the year) or street; F8 again gives the regisseur's own view back."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_case_journal import PASSPHRASE, demo_profile, find_and_open, pick_case, unlock

from zvh_tui.services.safety.profile import Profile
from zvh_tui.services.shared import dates, disclosure
from zvh_tui.store.models import Case, CasePerson, Person

pytestmark = pytest.mark.terminal


def secrets_of(data: Path, reference: str) -> tuple[list[str], list[str]]:
    """(full names, what must not show on a projector) of the case's persons: surnames, dates
    of birth (also the year) and the street of the address."""
    profile = Profile.from_dir(data)
    profile.unlock(PASSPHRASE)
    try:
        rows = list(Person.select(Person.name, Person.date_of_birth, Person.address)
                    .join(CasePerson).join(Case).where(Case.reference == reference).tuples())
    finally:
        profile.close()
    names, secrets = [], []
    for name, born, address in rows:
        names.append(name)
        words = [w for w in name.split() if w.casefold() not in disclosure.PARTICLES]
        secrets += [name, words[-1]]
        if born is not None:
            secrets += [dates.format_date(born), str(born.year)]
        street = address.split(",")[0]  # the town may be a partner's name too (Gemeente X)
        secrets += [w for w in street.split() if len(w) > 3 and not w[0].isdigit()]
    return names, secrets


def test_projector_mode_in_a_real_terminal(tmux, tmp_path: Path, zvh_command: Path,
                                           zvh_env: dict[str, str]) -> None:
    data = tmp_path / "profiel"
    demo_profile(zvh_command, zvh_env, data)
    reference, part = pick_case(data)
    names, secrets = secrets_of(data, reference)

    tmux.start("--data-dir", str(data))
    unlock(tmux)
    screen = find_and_open(tmux, part, reference)
    assert names[0] in screen  # the regisseur's own view: the full name
    tmux.send_keys("F8")
    screen = tmux.wait_for("MEEKIJKEN")
    screen = tmux.wait_gone(names[0])
    for secret in secrets:
        assert secret not in screen, f"{secret!r} zichtbaar tijdens meekijken:\n{screen}"
    assert f"Casus {reference}" in screen and "Traceback" not in screen
    tmux.send_keys("F8")
    tmux.wait_gone("MEEKIJKEN")
    tmux.wait_for(names[0])
    tmux.send_keys("C-q")
    assert tmux.exit_status() == 0
