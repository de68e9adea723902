"""Checking a profile: the database file, its encryption, the audit chain, file modes, backups.

Two entry points:

- `check(profile)` on an unlocked profile (`zvh check`): the full `integrity_check`,
  `cipher_integrity_check` (the HMAC of every page), `foreign_key_check`, the audit log (its
  table, its append-only triggers, its keyed chain, where it begins, and the anchor outside
  the database: services/safety/anchor.py), file and folder modes (corrected), and whether a recent
  backup exists. The CLI only prints this report.
- `diagnose(paths, passphrase=…)` when a database does not open or fails its check: what is
  wrong, in Dutch (missing, plaintext, truncated, wrong passphrase, damaged), and the newest
  backup that opens with the same passphrase and verifies. It opens files read-only
  (SQLite `mode=ro`), so a damaged database is never opened for writing.

`explain_failure` turns a failed unlock into the message the unlock screen and the CLI show.
"""

from __future__ import annotations

import datetime as dt
import stat
from dataclasses import dataclass, field
from pathlib import Path

from zvh_tui.core.errors import DatabaseCorrupt, StoreError, WrongPassphrase, ZvhError
from zvh_tui.core.paths import ProfilePaths, fix_permissions
from zvh_tui.services.safety import backup
from zvh_tui.services.shared import plurals
from zvh_tui.store import database, maintenance

# Diagnosis kinds (codes; the messages are Dutch).
OK = "ok"
MISSING = "missing"
EMPTY = "empty"
PLAINTEXT = "plaintext"
TRUNCATED = "truncated"
WRONG_KEY = "wrong_key"  # the passphrase does not open it (or page 1 is damaged)
DAMAGED = "damaged"  # the passphrase is right (a backup opens with it), the file is not

DAMAGE_ERRORS = database.DRIVER_ERRORS


@dataclass
class Finding:
    ok: bool
    text: str  # Dutch, for the user; never client data
    warning: bool = False  # ok, but the user should act (e.g. no backup yet): "LET OP"


@dataclass
class Diagnosis:
    kind: str
    message: str
    backup: backup.BackupInfo | None = None

    @property
    def ok(self) -> bool:
        return self.kind == OK


@dataclass
class CheckReport:
    findings: list[Finding] = field(default_factory=list)
    backup: backup.BackupInfo | None = None  # offered when something is wrong

    @property
    def ok(self) -> bool:
        return all(f.ok for f in self.findings)

    def add(self, ok: bool, text: str, *, warning: bool = False) -> None:
        self.findings.append(Finding(ok, text, warning))

    def lines(self) -> list[str]:
        return [("LET OP: " if f.warning else "" if f.ok else "PROBLEEM: ") + f.text
                for f in self.findings]


def restore_hint(info: backup.BackupInfo) -> str:
    return (
        f"De nieuwste back-up die in orde is, is van {info.label()}. Zet die terug met: "
        f"zvh restore {info.path}"
    )


# -- a database that does not open --------------------------------------------------------------

def _file_kind(path: Path) -> tuple[str, str] | None:
    """What the bytes alone tell: missing, empty, plaintext, truncated; None if nothing."""
    if not path.exists():
        return MISSING, "Er is geen databasebestand in dit profiel."
    size = path.stat().st_size
    if size == 0:
        return EMPTY, "Het databasebestand is leeg."
    with open(path, "rb") as fh:
        head = fh.read(len(database.SQLITE_PLAINTEXT_HEADER))
    if head == database.SQLITE_PLAINTEXT_HEADER:
        return PLAINTEXT, (
            "Het databasebestand is niet versleuteld. Uit veiligheid wordt het niet geopend; "
            "iemand heeft het bestand vervangen."
        )
    if size < backup.PAGE_SIZE or size % backup.PAGE_SIZE:
        return TRUNCATED, "Het databasebestand is afgekapt (een deel ontbreekt)."
    return None


def _read_only_check(path: Path, raw_key: str) -> tuple[str, str]:
    """Open read-only with the key and run the checks; classify what fails."""
    try:
        conn = database.connect_raw(path, raw_key, readonly=True)
    except Exception:  # sqlcipher3 raises several types for one cause
        return DAMAGED, "Het databasebestand kan niet worden geopend."
    try:
        try:
            maintenance.probe(conn.execute)
        except Exception:
            return WRONG_KEY, "Het wachtwoord klopt niet, of het databasebestand is beschadigd."
        try:
            quick_ok = maintenance.quick_check_ok(conn.execute)
            bad_pages = maintenance.bad_pages(conn.execute)
        except Exception:
            return DAMAGED, "Het databasebestand is beschadigd: de controle kon niet worden gedaan."
        if bad_pages:
            return DAMAGED, (
                "Het databasebestand is beschadigd: " + plurals.plural(
                    bad_pages, "{n} blok klopt niet met zijn controlecode.",
                    "{n} blokken kloppen niet met hun controlecode.")
            )
        if not quick_ok:
            return DAMAGED, "Het databasebestand is beschadigd (de snelle controle faalde)."
        return OK, "Het databasebestand is in orde."
    finally:
        conn.close()


def diagnose(
    paths: ProfilePaths, *, passphrase: str | None = None, raw_key: str | None = None
) -> Diagnosis:
    """Say what is wrong with the profile's database, and offer the newest good backup."""
    path = paths.database
    found = _file_kind(path)
    known: dict[bytes, str] = {}
    if found is None:
        try:
            salt = database.read_salt(path)
            key = raw_key or database.derive_key(passphrase or "", salt).hex()
        except StoreError as exc:
            found = DAMAGED, str(exc)
        else:
            known[salt] = key
            found = _read_only_check(path, key)
    kind, message = found
    if kind == OK:
        return Diagnosis(OK, message)
    good = backup.newest_verifying(
        paths.backups, passphrase=passphrase, raw_key=raw_key, known_keys=known
    )
    if kind == WRONG_KEY and good is not None:
        if _same_salt(path, good.path):
            # The passphrase opens a copy with the same salt: it is right, and the file is not.
            kind = DAMAGED
            message = (
                "Het databasebestand is beschadigd (het wachtwoord klopt: de back-up opent wel)."
            )
        else:
            # Most likely the passphrase from before a change: never push toward an old backup.
            message = (
                "Dit wachtwoord opent het profiel niet, maar wel een oudere back-up (van "
                f"{good.label()}). Hebt u het wachtwoord gewijzigd? Gebruik dan het nieuwe."
            )
            return Diagnosis(WRONG_KEY, message, good)
    if kind == WRONG_KEY:
        return Diagnosis(kind, message, None)
    return Diagnosis(kind, message, good)


def _same_salt(a: Path, b: Path) -> bool:
    try:
        return database.read_salt(a) == database.read_salt(b)
    except StoreError:
        return False


def explain_failure(
    paths: ProfilePaths,
    error: ZvhError,
    *,
    passphrase: str | None = None,
    raw_key: str | None = None,
) -> ZvhError:
    """The error to show after a failed unlock: a wrong passphrase stays a WrongPassphrase; a
    damaged file becomes a DatabaseCorrupt naming the newest backup that verifies."""
    try:
        found = diagnose(paths, passphrase=passphrase, raw_key=raw_key)
    except Exception:  # a diagnosis must never hide the original failure
        return error
    if found.kind == WRONG_KEY:
        if found.backup is not None or not isinstance(error, WrongPassphrase):
            return WrongPassphrase(found.message)
        return error
    if found.kind == OK:
        return error
    message = found.message + " Er is niets geopend of gewijzigd."
    if found.backup is not None:
        message += " " + restore_hint(found.backup)
    elif found.kind != MISSING:
        message += " Er is geen back-up gevonden die met dit wachtwoord opent."
    result = DatabaseCorrupt(message)
    result.backup = found.backup  # type: ignore[attr-defined]
    result.kind = found.kind  # type: ignore[attr-defined]
    return result


# -- a database that is open --------------------------------------------------------------------

def check_permissions(paths: ProfilePaths) -> tuple[list[Path], list[Path]]:
    """Correct file modes (0600) and folder modes (0700); return (corrected, still wrong)."""
    corrected = fix_permissions(paths)
    wrong: list[Path] = []
    for folder in paths.folders():
        if not folder.exists():
            continue
        for path in [folder, *folder.rglob("*")]:
            try:
                if path.is_symlink():
                    continue
                mode = stat.S_IMODE(path.lstat().st_mode)
            except OSError:
                continue
            if mode != (0o700 if path.is_dir() else 0o600):
                wrong.append(path)
    return corrected, wrong


def check(profile, *, now: dt.datetime | None = None) -> CheckReport:
    """The full check of an unlocked profile (`zvh check`)."""
    report = CheckReport()
    database_findings(profile, report)
    chain_findings(report)
    anchor_findings(profile, report)
    extra_findings(profile, report, now=now)
    return report


def _open_store(profile):  # ANN202
    store = profile.store
    if store is None:
        raise StoreError("Het profiel is vergrendeld: ontgrendel het eerst.")
    return store


def database_findings(profile, report: CheckReport) -> CheckReport:
    """integrity_check, cipher_integrity_check and foreign_key_check."""
    db = _open_store(profile).database
    try:
        problems = maintenance.integrity_problems(db.execute_sql)
        report.add(not problems, "Database: in orde (volledige controle)" if not problems
                   else "Database: de volledige controle meldt "
                   + plurals.count(len(problems), "fout", "fouten"))
        bad = maintenance.bad_pages(db.execute_sql)
        report.add(not bad, "Versleuteling: in orde (elk blok klopt met zijn controlecode)"
                   if not bad else "Versleuteling: "
                   + plurals.count(bad, "beschadigd blok", "beschadigde blokken"))
    except DAMAGE_ERRORS:  # a damaged page raises instead of reporting
        report.add(False, "Database: de controle kon niet worden afgemaakt (beschadigd).")
    foreign_key_findings(profile, report)
    return report


def foreign_key_findings(profile, report: CheckReport) -> CheckReport:
    db = _open_store(profile).database
    try:
        fk = maintenance.foreign_key_problems(db.execute_sql)
        report.add(not fk, "Verwijzingen tussen tabellen: " + ("in orde" if not fk else plurals.count(fk, "fout", "fouten")))
    except DAMAGE_ERRORS:
        report.add(False, "Verwijzingen tussen tabellen: konden niet worden gelezen (beschadigd).")
    return report


def chain_findings(report: CheckReport) -> CheckReport:
    """The audit log: its table, append-only triggers, keyed chain and where it begins."""
    from zvh_tui.services.safety import audit

    try:
        chain = audit.verify_chain()
        if chain.missing_table:
            report.add(False, "Auditlog: de tabel met het logboek ontbreekt (verwijderd)")
            return report
        missing = audit.missing_triggers()
        first = db_first_event()
    except DAMAGE_ERRORS:
        report.add(False, "Auditlog: kon niet worden gelezen (beschadigd)")
        return report
    if missing:
        report.add(False, "Auditlog: de beveiliging tegen wijzigen en verwijderen is weggehaald "
                   f"({', '.join(missing)})")
    if chain.missing_marker:
        report.add(False, "Auditlog: het kenmerk van de sleutelketen ontbreekt in de database")
    if chain.broken_at is not None:
        report.add(False, f"Auditlog: de keten is verbroken bij gebeurtenis {chain.broken_at}")
    elif first not in (None, "profile.create"):
        report.add(False, "Auditlog: het logboek begint niet bij het aanmaken van het profiel; "
                   "eerdere gebeurtenissen ontbreken")
    elif not chain.missing_marker:
        events = plurals.count(chain.events, "gebeurtenis", "gebeurtenissen")
        report.add(True, f"Auditlog: in orde ({events}, keten onverbroken)")
    return report


def db_first_event() -> str | None:
    from zvh_tui.store import audit_log
    from zvh_tui.store.models import db

    return audit_log.first_event(db.execute_sql)


def anchor_findings(profile, report: CheckReport) -> CheckReport:
    """The database against the anchor outside it (what was found when it was opened, or now)."""
    from zvh_tui.services.safety import anchor

    store = _open_store(profile)
    found = profile.anchor
    try:
        if found is None or not found.behind:  # what was behind at opening stays reported
            found = anchor.compare(profile.paths, store.database.execute_sql, store.raw_key)
    except DAMAGE_ERRORS:
        report.add(False, "Anker: kon niet worden vergeleken (database beschadigd)")
        return report
    if found.accepted:
        report.add(True, "Anker: de database is aanvaard zoals ze is (vastgelegd in het logboek)")
    else:
        report.add(not found.behind, found.finding())
    if found.behind and found.backups:
        best = found.backups[0]
        report.add(False, f"Back-up met meer gegevens: die van {best.label} ({best.events} gebeurtenissen)")
        report.backup = backup.parse_name(best.path)  # offered instead of merely the newest
    return report


def extra_findings(
    profile, report: CheckReport, *, now: dt.datetime | None = None
) -> CheckReport:
    """File modes (corrected where possible) and the newest backup (present, fresh, verifying);
    offers the newest good backup when anything in the report is wrong."""
    store = _open_store(profile)
    corrected, wrong = check_permissions(profile.paths)
    if wrong:
        report.add(False, "Bestandsrechten: " + plurals.plural(
            len(wrong), "{n} bestand of map is niet af te schermen",
            "{n} bestanden of mappen zijn niet af te schermen"))
    else:
        extra = f" ({len(corrected)} hersteld)" if corrected else ""
        report.add(True, "Bestandsrechten: alleen voor u (0600/0700)" + extra)
    newest = backup.last_backup(profile.paths.backups)
    if newest is None:
        # A new profile has none yet: a warning, not damage to restore from (issue 9.7).
        report.add(True, "Back-up: er is nog geen back-up (maak er een met 'zvh backup')",
                   warning=True)
    else:
        try:
            backup.verify(newest.path, raw_key=store.raw_key)
            fresh = not backup.backup_due(profile.paths.backups, now)
            report.add(True, f"Back-up: de nieuwste ({newest.label()}) is in orde"
                       + ("" if fresh else "; ouder dan een dag"))
        except ZvhError as exc:
            report.add(False, f"Back-up: de nieuwste ({newest.label()}) is niet in orde: {exc}")
    if not report.ok and report.backup is None:
        report.backup = backup.newest_verifying(profile.paths.backups, raw_key=store.raw_key)
    return report
