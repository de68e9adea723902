"""An audit log that shows tampering (issue 10.5): each way someone with the key and a SQLCipher
tool can change the log is a finding of `zvh check` (services/safety/integrity.py), never a crash."""

from __future__ import annotations

import pytest
import safety_helpers as h
from sqlcipher3 import dbapi2 as sqlcipher

from zvh_tui.cli import commands as cli
from zvh_tui.services.safety import anchor, audit, backup, integrity
from zvh_tui.services.safety.profile import Profile
from zvh_tui.store.models import AuditEvent, db

RECREATE = list(audit.TRIGGERS.values())


def raw(profile: Profile) -> sqlcipher.Connection:
    """Someone with the key and a SQLCipher tool, outside the app, while it is open."""
    conn = sqlcipher.connect(str(profile.paths.database), isolation_level=None)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{profile.store.raw_key}'\"")
    return conn


def tamper(profile: Profile, *statements: str | tuple[str, tuple], keep_triggers: bool = True) -> None:
    """Drop the triggers, run the statements, and (to hide it) put the triggers back."""
    conn = raw(profile)
    try:
        conn.execute('DROP TRIGGER "audit_event_no_update"')
        conn.execute('DROP TRIGGER "audit_event_no_delete"')
        for statement in statements:
            sql, params = statement if isinstance(statement, tuple) else (statement, ())
            conn.execute(sql, params)
        if keep_triggers:
            for sql in RECREATE:
                conn.execute(sql)
    finally:
        conn.close()


@pytest.fixture
def logged(profile: Profile) -> Profile:
    h.fill_case("Logboek7", today=h.TODAY)
    backup.make_backup(profile)
    report = integrity.check(profile)
    assert report.ok, report.lines()  # the starting point checks out
    return profile


def problems(profile: Profile) -> list[str]:
    return [line for line in integrity.check(profile).lines() if line.startswith("PROBLEEM")]


def test_dropped_triggers_are_a_finding(logged: Profile) -> None:
    tamper(logged, keep_triggers=False)
    assert any("beveiliging tegen wijzigen en verwijderen is weggehaald" in p for p in problems(logged))


def test_a_trigger_that_refuses_nothing_is_a_finding(logged: Profile) -> None:
    tamper(logged, RECREATE[0], RECREATE[1].replace("BEGIN", "WHEN 0 BEGIN"), keep_triggers=False)
    assert any("audit_event_no_delete" in p for p in problems(logged))


def test_deleted_last_events_are_found_by_the_anchor(logged: Profile) -> None:
    last = AuditEvent.select().order_by(AuditEvent.id.desc()).get().id
    tamper(logged, ("DELETE FROM audit_event WHERE id > ?", (last - 3,)))
    assert audit.verify_chain().ok  # the chain alone cannot see a cut-off tail
    found = problems(logged)
    assert any("Anker: De database is ouder" in p and f"had {last} gebeurtenissen" in p for p in found), found


def test_all_events_deleted_are_found(logged: Profile, raw_key: str) -> None:
    tamper(logged, "DELETE FROM audit_event")
    assert any("nu 0" in p for p in problems(logged))
    logged.close()
    with pytest.raises(anchor.DatabaseBehind):  # and the next unlock refuses it
        logged.unlock_with_key(raw_key)
    # Even with the anchor gone too, a log that does not begin at the start is a finding.
    anchor.anchor_path(logged.paths).unlink()
    logged.unlock_with_key(raw_key)
    assert any("begint niet bij het aanmaken" in p for p in problems(logged))


def test_an_edited_event_with_a_recomputed_sha256_chain_is_found(logged: Profile) -> None:
    rows = list(AuditEvent.select().order_by(AuditEvent.id))
    victim = rows[3]
    statements: list[tuple[str, tuple]] = []
    prev = victim.prev_hash
    for row in rows[3:]:  # recompute every later link, as a plain hash chain would allow
        if row.id == victim.id:
            row.user = "iemand-anders"
        digest = audit._digest(prev, audit._fields(row))
        statements.append(("UPDATE audit_event SET user = ?, prev_hash = ?, hash = ? WHERE id = ?",
                           (row.user, prev, digest, row.id)))
        prev = digest
    tamper(logged, *statements)
    assert any(f"keten is verbroken bij gebeurtenis {victim.id}" in p for p in problems(logged))


def test_a_forged_event_is_found(logged: Profile) -> None:
    last = AuditEvent.select().order_by(AuditEvent.id.desc()).get()
    fields = dict(audit._fields(last), event="view", detail="vervalst")
    forged = audit._digest(last.hash, fields)
    tamper(logged, (
        'INSERT INTO audit_event (at, event, user, on_behalf_of, case_id, case_ref, person_id,'
        " object_type, object_id, detail, result, prev_hash, hash)"
        " VALUES (?, 'view', ?, ?, ?, ?, ?, ?, ?, 'vervalst', ?, ?, ?)",
        (str(last.at), last.user, last.on_behalf_of, last.case_id, last.case_ref, last.person_id,
         last.object_type, last.object_id, last.result, last.hash, forged),
    ))
    assert any(f"keten is verbroken bij gebeurtenis {last.id + 1}" in p for p in problems(logged))


def test_a_removed_chain_marker_is_found(logged: Profile) -> None:
    tamper(logged, "DELETE FROM key_value WHERE key = 'audit_chain'")
    assert any("kenmerk van de sleutelketen ontbreekt" in p for p in problems(logged))


def test_a_dropped_audit_table_is_a_finding_not_a_crash(logged: Profile, zvh) -> None:
    tamper(logged, "DROP TABLE audit_event", keep_triggers=False)
    assert any("tabel met het logboek ontbreekt" in p for p in problems(logged))
    folder = str(logged.paths.data)
    logged.close()
    status, out, err = zvh("--data-dir", folder, "check")
    assert status == cli.EXIT_PROBLEMS, out + err  # not 70 (a crash)
    assert "PROBLEEM: Auditlog: de tabel met het logboek ontbreekt" in out
    assert "Traceback" not in out + err


def test_check_prints_exactly_what_integrity_finds(
    logged: Profile, zvh, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`zvh check` re-implements nothing (issue 12): its lines are the report's lines."""
    folder = str(logged.paths.data)
    logged.close()
    calls: list[int] = []
    real = integrity.check

    def spy(profile: Profile, **kwargs: object) -> integrity.CheckReport:
        report = real(profile, **kwargs)
        report.add(False, "Proefbevinding")
        calls.append(1)
        return report

    monkeypatch.setattr(integrity, "check", spy)
    status, out, _ = zvh("--data-dir", folder, "check")
    assert calls == [1] and status == cli.EXIT_PROBLEMS
    assert "PROBLEEM: Proefbevinding." in out
    assert db.obj is None or db.obj.is_closed()
