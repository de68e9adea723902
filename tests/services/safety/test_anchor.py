"""Changes that vanish from under the app are noticed (issue 10.4): the anchor outside the
database follows every commit, and a database behind it is never opened as if nothing happened."""

from __future__ import annotations

import json
import os
import shutil
import signal
import time
from collections.abc import Callable

import pytest
import safety_helpers as h
from test_durability import kill_and_drain, read_until, start_child

from zvh_tui.cli import commands as cli
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.safety import anchor, audit, backup
from zvh_tui.services.safety.profile import Profile
from zvh_tui.store.models import AuditEvent, Case, db


def new_case(tag: str) -> Case:
    return cases.create_case(cases.NewCase(persons=[cases.NewPerson(name=f"Persoon {tag}")],
                                           referrer_citizen="buurman", reason=f"aanleiding {tag}"))


def anchored(profile: Profile) -> dict:
    return json.loads(anchor.anchor_path(profile.paths).read_bytes())


def test_the_anchor_follows_every_commit_and_lives_outside_the_data_folder(profile: Profile) -> None:
    path = anchor.anchor_path(profile.paths)
    assert path.parent == profile.paths.state
    first = anchored(profile)
    new_case("Volgt1")
    after = anchored(profile)
    head = AuditEvent.select().order_by(AuditEvent.id.desc()).get()
    assert (after["events"], after["head"]) == (head.id, head.hash)
    assert after["generation"] > first["generation"]
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert h.TEST_PASSPHRASE.encode() not in path.read_bytes()
    assert profile.store.raw_key.encode() not in path.read_bytes()


def test_a_rolled_back_change_never_moves_the_anchor(profile: Profile, raw_key: str) -> None:
    before = anchored(profile)
    with pytest.raises(RuntimeError), db.atomic():
        audit.record("update", detail="wordt teruggedraaid")
        raise RuntimeError("mislukt")
    assert anchored(profile) == before
    # A savepoint rolled back inside a transaction that commits: the anchor reads what was
    # committed, so it never names the event that was rolled back.
    with db.atomic():
        try:
            with db.atomic():
                audit.record("update", detail="binnenste")
                raise RuntimeError("binnen")
        except RuntimeError:
            pass
        audit.record("update", detail="buitenste")
    head = AuditEvent.select().order_by(AuditEvent.id.desc()).get()
    assert head.detail == "buitenste" and anchored(profile)["head"] == head.hash
    profile.lock()
    profile.unlock_with_key(raw_key)  # no false alarm
    assert profile.anchor.status == anchor.OK


def test_a_wal_deleted_after_kill_9_is_reported_at_the_next_unlock(
    make_profile: Callable[..., Profile], raw_key: str, zvh: Callable[..., tuple[int, str, str]]
) -> None:
    profile = make_profile(unlock=False)
    data = profile.paths.data
    child = start_child("work", data, "wal", raw_key)
    ready = read_until(child, time.monotonic() + 30, lambda line: line.startswith("READY"))
    assert ready and ready[-1] == "READY"
    acks = read_until(child, time.monotonic() + 30, lambda line: line.startswith("ACK action"))
    assert acks and acks[-1].startswith("ACK action")  # acknowledged: committed, in the WAL
    kill_and_drain(child)
    assert child.returncode == -signal.SIGKILL
    wal = data / "zvh.db-wal"
    assert wal.exists() and wal.stat().st_size > 0
    wal.unlink()  # a clean-up tool, a sync conflict, a careless hand
    (data / "zvh.db-shm").unlink(missing_ok=True)
    before = (data / "zvh.db").read_bytes()

    with pytest.raises(anchor.DatabaseBehind) as caught:
        profile.unlock_with_key(raw_key)
    message = str(caught.value)
    assert "ouder dan bij het laatste gebruik" in message
    assert "zvh.db-wal" in message and "Er is niets geopend of gewijzigd" in message
    assert "zvh check --aanvaard" in message
    assert not profile.unlocked
    assert (data / "zvh.db").read_bytes() == before  # nothing written to it
    profile.release()

    status, out, err = zvh("--data-dir", str(data), "check")
    assert status == cli.EXIT_PROBLEMS, out + err
    assert "PROBLEEM: Anker: De database is ouder" in out
    assert "Traceback" not in out + err
    assert (data / "zvh.db").read_bytes() == before  # zvh check only looked

    # The user decides to go on with what is left: recorded, and the next unlock is normal.
    status, out, err = zvh("--data-dir", str(data), "check", "--aanvaard")
    assert "aanvaard" in out, out + err
    profile.unlock_with_key(raw_key)
    assert AuditEvent.select().where(AuditEvent.detail.startswith("anker aanvaard")).count() == 1
    assert profile.anchor.status == anchor.OK


def test_an_older_copy_put_in_place_is_noticed_and_the_backup_with_more_offered(
    profile: Profile, raw_key: str
) -> None:
    paths = profile.paths
    new_case("Oud1")
    profile.lock()
    older = paths.data.parent / "oude-kopie.db"
    shutil.copyfile(paths.database, older)  # a sync tool keeps this copy
    profile.unlock_with_key(raw_key)
    new_case("Nieuw1")
    made = backup.make_backup(profile).info
    profile.close()
    os.replace(older, paths.database)  # ... and later puts it back

    with pytest.raises(anchor.DatabaseBehind) as caught:
        profile.unlock_with_key(raw_key)
    message = str(caught.value)
    assert f"zvh restore {made.path}" in message and "bevat meer" in message
    profile.release()

    backup.restore(profile, made.path, h.TEST_PASSPHRASE)
    assert profile.anchor.status == anchor.OK  # a restore through the app is no alarm
    assert Case.select().where(Case.reason == "aanleiding Nieuw1").exists()


def test_an_anchor_changed_by_hand_is_not_believed(profile: Profile, raw_key: str) -> None:
    profile.close()
    path = anchor.anchor_path(profile.paths)
    data = json.loads(path.read_bytes())
    data["events"] = 1  # "nothing happened after the first event"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(anchor.DatabaseBehind, match="past niet bij deze database"):
        profile.unlock_with_key(raw_key)


def test_a_missing_anchor_starts_a_new_one_and_says_so_in_the_log(profile: Profile, raw_key: str) -> None:
    profile.close()
    anchor.anchor_path(profile.paths).unlink()
    profile.unlock_with_key(raw_key)
    assert profile.anchor.status == anchor.NEW
    unlock = AuditEvent.select().where(AuditEvent.event == "unlock").order_by(AuditEvent.id.desc()).get()
    assert unlock.detail == "anker nieuw"
    assert anchor.anchor_path(profile.paths).exists()


def test_the_anchor_survives_a_passphrase_change(profile: Profile) -> None:
    profile.lock()
    profile.unlock(h.TEST_PASSPHRASE)
    profile.change_passphrase(h.TEST_PASSPHRASE, "een-ander-wachtwoord-9")
    new_case("NaWijziging")
    profile.lock()
    profile.unlock("een-ander-wachtwoord-9")
    assert profile.anchor.status == anchor.OK
    assert audit.verify_chain().ok


async def test_the_app_stays_locked_and_says_why(profile: Profile, raw_key: str) -> None:
    from textual.widgets import Input

    from zvh_tui.app import ZvhApp
    from zvh_tui.screens.shell.unlock import UnlockScreen

    paths = profile.paths
    profile.lock()
    older = paths.data.parent / "oude-kopie.db"
    shutil.copyfile(paths.database, older)
    profile.unlock_with_key(raw_key)
    new_case("Weg1")
    profile.close()
    os.replace(older, paths.database)

    app = ZvhApp(Profile.from_dir(paths.data))
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, UnlockScreen)
        app.screen.query_one("#passphrase", Input).value = h.TEST_PASSPHRASE
        await pilot.press("enter")
        await h.wait_for(pilot, lambda: "ouder dan bij het laatste" in h.screen_text(app))
        text = h.screen_text(app)
        assert "Geen back-up bevat meer" in text and "--aanvaard' dat vast" in text
        assert "Profiel vergrendeld" in text
        assert isinstance(app.screen, UnlockScreen) and not app.profile.unlocked
        assert backup.list_backups(paths.backups) == []  # no backup of it made, nothing pruned
