"""The user's own name and organisation (services/shared/identity.py): stored in the settings, used as
the author of journal entries, "vastgelegd door" and the audit log (issue 11, item 5)."""

from __future__ import annotations

import getpass
import sys
import threading
from pathlib import Path

import pytest

from zvh_tui.core import config, errors
from zvh_tui.demo import texts as demo_texts
from zvh_tui.services.cases import journal
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.partners import participants
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.safety.profile import Profile
from zvh_tui.services.shared import context, identity
from zvh_tui.store.models import AuditEvent, DirectorChange, JournalEntry


def _case():
    police = partners.create_partner("Politie Oost", "straf")
    case = cases.create_case(cases.NewCase(persons=[cases.NewPerson("Testpersoon")],
                                           reason="zorgen", referrer_partner_id=police.id))
    return case, police


def test_the_name_set_is_the_author_everywhere(profile: Profile) -> None:
    identity.set_identity(profile, "  Fatima Regisseur ", "ZVH Twente")

    assert config.load(profile.paths.settings_file).user == "Fatima Regisseur"
    assert config.load(profile.paths.settings_file).on_behalf_of == "ZVH Twente"
    case, police = _case()
    entry = journal.add_entry(case, "Gebeld met de wijkagent")
    participants.set_director(case, police.id)
    assert JournalEntry.get_by_id(entry.id).author == "Fatima Regisseur"
    assert DirectorChange.get(DirectorChange.case == case.id).by == "Fatima Regisseur"
    last = AuditEvent.select().order_by(AuditEvent.id.desc()).get()
    # an event about a case is on behalf of the partner that brought it in (issue 15.4) ...
    assert (last.user, last.on_behalf_of) == ("Fatima Regisseur", "Politie Oost")
    # ... one about no case on behalf of the user's own organisation
    from zvh_tui.services.safety import audit

    audit.record("search", object_type="case_list", detail="hits=0")
    last = AuditEvent.select().order_by(AuditEvent.id.desc()).get()
    assert (last.user, last.on_behalf_of, last.case_id) == ("Fatima Regisseur", "ZVH Twente", None)


def test_a_refused_name_stores_nothing(profile: Profile) -> None:
    identity.set_identity(profile, "Fatima")
    with pytest.raises(errors.ValidationError, match="Uw naam is te lang"):
        identity.set_identity(profile, "x" * 101)
    with pytest.raises(errors.ValidationError, match="stuurteken"):
        identity.set_identity(profile, "Fa\ntima")
    assert profile.settings.user == "Fatima"
    assert config.load(profile.paths.settings_file).user == "Fatima"
    assert context.actor().user == "Fatima"


def test_without_a_name_the_login_name_is_used(profile: Profile) -> None:
    identity.set_identity(profile, "")
    assert context.actor().user == getpass.getuser()


def test_a_scripted_start_never_asks_and_uses_the_login_name(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("ZVH_PASSPHRASE", "test-wachtwoord-1")
    profile = Profile.from_dir(tmp_path / "script")
    try:
        assert profile.open_from_environment(create=True)  # as `zvh init`: created, nothing asked
        assert profile.settings.user == ""
        assert context.actor().user == getpass.getuser()
    finally:
        profile.close()


def test_the_demo_uses_a_fictional_regisseur_unless_a_name_is_set(profile: Profile) -> None:
    assert identity.use_demo_identity(profile)
    assert profile.settings.user == identity.DEMO_USER
    assert context.actor().user == identity.DEMO_USER
    identity.set_identity(profile, "Eigen Naam")
    assert not identity.use_demo_identity(profile)
    assert profile.settings.user == "Eigen Naam"


def test_zvh_demo_writes_as_the_fictional_regisseur(tmp_path: Path, monkeypatch, capsys) -> None:
    from zvh_tui.cli import commands as cli

    monkeypatch.setenv("ZVH_PASSPHRASE", "test-wachtwoord-1")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # main() installs its own
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    data = tmp_path / "demo"
    assert cli.main(["--data-dir", str(data), "demo"]) == 0
    capsys.readouterr()
    profile = Profile.from_dir(data)
    assert profile.settings.user == identity.DEMO_USER
    profile.unlock("test-wachtwoord-1")
    try:
        # the demo's journal is written by the house's (fictional) procesregisseurs, never by
        # whoever loads it (issue 15.8); the audit log names the one who did: the demo identity
        authors = {e.author for e in JournalEntry.select()}
        assert authors and authors <= set(demo_texts.REGISSEURS)
        # the scripted start itself (creating the profile) was the login user; the demo's
        # cases were all loaded as the demo identity
        assert {e.user for e in AuditEvent.select().where(AuditEvent.case_id.is_null(False))} == {
            identity.DEMO_USER}
    finally:
        profile.close()


def test_the_settings_file_is_checked_by_the_same_name_rule() -> None:
    """One rule for the name: what the form refuses, the settings file's check refuses too."""
    for value in ("x" * (identity.USER_MAX + 1), "Fa\x1btima"):
        with pytest.raises(errors.ValidationError) as from_form:
            identity.check_user(value)
        with pytest.raises(errors.ValidationError) as from_file:
            config.Settings(user=value).validate()
        assert str(from_file.value) == str(from_form.value)
        assert from_file.value.field == "user"
    with pytest.raises(errors.ValidationError) as caught:
        config.Settings(on_behalf_of="z" * (identity.ON_BEHALF_MAX + 1)).validate()
    assert str(caught.value).startswith("Namens is te lang")
    config.Settings(user="x" * identity.USER_MAX, on_behalf_of="ZVH Twente").validate()
