"""`zvh backup`, `zvh restore`, `zvh check` and `zvh export log`, run as a user would."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import safety_helpers as h

from zvh_tui.cli import commands as cli
from zvh_tui.services.safety import backup
from zvh_tui.services.safety.profile import Profile
from zvh_tui.store.models import Person


@pytest.fixture
def closed_profile(profile: Profile) -> Profile:
    h.fill_case("Cliekanarie4", today=h.TODAY)
    profile.close()
    return profile


def test_backup_check_and_restore(zvh: Callable[..., tuple[int, str, str]], closed_profile: Profile) -> None:
    folder = str(closed_profile.paths.data)
    status, out, err = zvh("--data-dir", folder, "backup")
    assert status == 0, err
    assert "Back-up gemaakt en gecontroleerd" in out
    made = backup.last_backup(closed_profile.paths.backups)
    assert made is not None and str(made.path) in out

    status, out, _ = zvh("--data-dir", folder, "check")
    assert status == 0
    assert "Alles in orde." in out and "Back-up: de nieuwste" in out

    # Damage the database: check fails (non-zero) and names the backup to restore.
    path = closed_profile.paths.database
    data = bytearray(path.read_bytes())
    data[len(data) - 3000] ^= 0x01
    path.write_bytes(bytes(data))
    status, out, err = zvh("--data-dir", folder, "check")
    assert status != 0
    assert f"zvh restore {made.path}" in err
    assert "Traceback" not in out + err

    status, out, err = zvh("--data-dir", folder, "restore", str(made.path))
    assert status == 0, err
    assert "Back-up teruggezet" in out and "vervangen-" in out
    status, out, _ = zvh("--data-dir", folder, "check")
    assert status == 0, out


def test_backup_to_another_folder(zvh: Callable[..., tuple[int, str, str]], closed_profile: Profile,
                                  tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    status, _out, err = zvh("--data-dir", str(closed_profile.paths.data), "backup", "--to", str(stick))
    assert status == 0, err
    [copy] = backup.list_backups(stick)
    backup.verify(copy.path, passphrase=h.TEST_PASSPHRASE)


def test_check_reports_a_broken_chain(zvh: Callable[..., tuple[int, str, str]], profile: Profile) -> None:
    from zvh_tui.store.models import db

    h.fill_case("Ketenbreuk", today=h.TODAY)
    db.execute_sql('DROP TRIGGER "audit_event_no_update"')
    db.execute_sql("UPDATE audit_event SET detail = 'weg' WHERE id = 4")
    profile.close()
    status, out, _ = zvh("--data-dir", str(profile.paths.data), "check")
    assert status == cli.EXIT_PROBLEMS
    assert "keten is verbroken bij gebeurtenis 4" in out


def test_restore_refuses_a_plaintext_file(zvh: Callable[..., tuple[int, str, str]],
                                          closed_profile: Profile, tmp_path: Path) -> None:
    fake = tmp_path / "zvh-20260101-000000.db"
    fake.write_bytes(b"SQLite format 3\x00" + b"\x00" * 8176)
    before = closed_profile.paths.database.read_bytes()
    status, _out, err = zvh("--data-dir", str(closed_profile.paths.data), "restore", str(fake))
    assert status == cli.EXIT_REFUSED
    assert "niet versleuteld" in err
    assert closed_profile.paths.database.read_bytes() == before


def test_export_log_for_an_access_request(zvh: Callable[..., tuple[int, str, str]], profile: Profile,
                                          tmp_path: Path) -> None:
    case = h.fill_case("Inzagekanarie", today=h.TODAY)
    person = Person.get(Person.name == "Inzagekanarie Naam")
    profile.close()
    target = tmp_path / "inzage.json"
    status, out, err = zvh("--data-dir", str(profile.paths.data), "export", "log",
                           "--person", str(person.id), "-o", str(target))
    assert status == 0, err
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["onderwerp"] == {"betrokkene": person.id}
    assert {e["casus"] for e in document["gebeurtenissen"]} == {case.reference}
    assert "Inzagekanarie" not in target.read_text(encoding="utf-8") + out + err
    status, _out, err = zvh("--data-dir", str(profile.paths.data), "export", "log",
                            "--case", case.reference, "-o", str(tmp_path / "casus.json"))
    assert status == 0, err
    status, _out, err = zvh("--data-dir", str(profile.paths.data), "export", "log")
    assert status == cli.EXIT_USAGE  # one of --person / --case is required: a usage error
