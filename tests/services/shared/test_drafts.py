"""Drafts of forms: kept in the encrypted database, given back cleaned, durable at once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from zvh_tui.core.errors import ValidationError
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.safety import audit
from zvh_tui.services.safety.profile import Profile
from zvh_tui.services.shared import drafts
from zvh_tui.store import database
from zvh_tui.store.models import AuditEvent, Case, Draft, db


def test_a_draft_is_saved_loaded_replaced_and_discarded(store_profile: Profile) -> None:
    assert drafts.load("new_case") is None
    drafts.save("new_case", {"reason": "huur\nachterstand", "persons": "2"})
    assert drafts.load("new_case") == {"reason": "huur\nachterstand", "persons": "2"}
    assert drafts.exists("new_case")
    drafts.save("new_case", {"reason": "huurachterstand en overlast"})  # replaces, never merges
    assert drafts.load("new_case") == {"reason": "huurachterstand en overlast"}
    assert drafts.load("journal:1") is None  # another form, another draft
    drafts.discard("new_case")
    assert drafts.load("new_case") is None
    assert not drafts.exists("new_case")
    drafts.discard("new_case")  # nothing to discard: no error


def test_a_draft_is_no_audit_event_and_holds_its_text_only_encrypted(store_profile: Profile) -> None:
    before = AuditEvent.select().count()
    drafts.save("new_case", {"person0-name": "Kanarie Draft"})
    drafts.discard("new_case")
    assert AuditEvent.select().count() == before
    assert audit.verify_chain().ok
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    drafts.save("new_case", {"person0-name": "Kanarie Draft"})
    for name in ("zvh.db", "zvh.db-wal"):
        path = store_profile.paths.database.with_name(name)
        if path.exists():
            assert b"Kanarie" not in path.read_bytes()


def test_control_characters_are_stored_escaped_and_removed_on_load(store_profile: Profile) -> None:
    """Saving never refuses (it happens while typing); what comes back has no ESC, NUL, bidi
    override or lone surrogate, and keeps line breaks and tabs."""
    planted = "titel\x1b]0;weg\x07 na\x00 \u202egnipmuk \ud800einde\tkolom\nregel\x7f\x9b"
    drafts.save("new_case", {"reason": planted, "title\x1b": "x"})
    stored = Draft.get_by_id("new_case").data
    assert stored.isascii() and stored.isprintable()  # \\u escapes only, no raw control
    assert json.loads(stored)["reason"] == planted  # as typed
    assert drafts.load("new_case") == {
        "reason": "titel]0;weg na gnipmuk einde\tkolom\nregel",
        "title": "x",
    }


def test_a_damaged_draft_is_no_draft(store_profile: Profile) -> None:
    for data in ("{niet json", '["een", "lijst"]'):
        Draft.insert(key="new_case", data=data).on_conflict_replace().execute()
        assert drafts.load("new_case") is None
    Draft.insert(key="new_case", data='{"title": "goed", "aantal": 3}').on_conflict_replace().execute()
    assert drafts.load("new_case") == {"title": "goed"}  # a value that is no text is left out


def test_bad_keys_values_and_sizes_are_refused(store_profile: Profile) -> None:
    for key in ("", "x" * 101, "journal:\x1b", "concept:é"):
        with pytest.raises(ValueError):
            drafts.save(key, {"a": "b"})
    with pytest.raises(TypeError):
        drafts.save("new_case", {"persons": 2})  # type: ignore[dict-item]
    with pytest.raises(ValidationError, match="te groot"):
        drafts.save("new_case", {"reason": "x" * (drafts.DRAFT_MAX + 1)})
    assert drafts.load("new_case") is None


def test_a_draft_about_a_case_goes_with_the_case(store_profile: Profile) -> None:
    case = cases.create_case(cases.NewCase(persons=[cases.NewPerson(name="Fictief Persoon")],
                                           referrer_citizen="buurvrouw", reason="zorgen"))
    drafts.save(f"journal:{case.id}", {"text": "half getypt"}, case_id=case.id)
    drafts.save("new_case", {"title": "los van de casus"})
    assert Draft.get_by_id(f"journal:{case.id}").case_id == case.id
    with db.atomic():
        Case.delete().where(Case.id == case.id).execute()  # as retention.destroy: ON DELETE CASCADE
    assert drafts.load(f"journal:{case.id}") is None
    assert drafts.load("new_case") == {"title": "los van de casus"}


CHILD = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from zvh_tui.services.safety.profile import Profile
    from zvh_tui.services.shared import drafts
    profile = Profile.from_dir(Path(sys.argv[1]))
    profile.unlock_with_key(os.environ["ZVH_TEST_KEY"])
    drafts.save("new_case", {"reason": "net getypt"})
    print("SAVED", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kill -9 bestaat niet op Windows")
def test_a_draft_survives_kill_9_right_after_save(tmp_path: Path, passphrase: str) -> None:
    profile = Profile.from_dir(tmp_path)
    profile.create(passphrase)
    profile.close()
    db_file = profile.paths.database
    key = database.derive_key(passphrase, database.read_salt(db_file)).hex()
    child = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path)], capture_output=True,
                           text=True, timeout=60, env=dict(os.environ, ZVH_TEST_KEY=key))
    assert child.stdout == "SAVED\n"
    assert child.returncode == -signal.SIGKILL  # no clean-up ran: no close, no checkpoint
    assert Path(str(db_file) + "-wal").stat().st_size > 0  # the draft is in the WAL only
    profile = Profile.from_dir(tmp_path)
    profile.unlock_with_key(key)
    try:
        assert drafts.load("new_case") == {"reason": "net getypt"}
    finally:
        profile.close()
