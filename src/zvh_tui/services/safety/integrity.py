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

from zvh_tui.core import i18n
from zvh_tui.core.errors import DatabaseCorrupt, StoreError, WrongPassphrase, ZvhError
from zvh_tui.core.i18n import M, Message, Mn, _, ngettext
from zvh_tui.core.paths import ProfilePaths, fix_permissions
from zvh_tui.services.safety import backup
from zvh_tui.store import database, maintenance

# Diagnosis kinds (codes; the messages are `Message`s, read in the language of the moment).
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
    text: str  # for the user, translated when the check ran; never client data
    warning: bool = False  # ok, but the user should act (e.g. no backup yet): "LET OP"


@dataclass
class Diagnosis:
    kind: str
    message: Message | str  # a Message, or a store error's own text
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
        return [(_("LET OP: {text}") if f.warning else "{text}" if f.ok
                 else _("PROBLEEM: {text}")).format(text=f.text)
                for f in self.findings]


def restore_hint(info: backup.BackupInfo) -> Message:
    """How to restore the newest good backup (`str()` reads it in the language of the moment)."""
    return M("safety.integrity.restore_hint",
             "De nieuwste back-up die in orde is, is van {date}. Zet die terug met: "
             "zvh restore {path}", date=info.label(), path=str(info.path))


# -- a database that does not open --------------------------------------------------------------

def _file_kind(path: Path) -> tuple[str, Message | str] | None:
    """What the bytes alone tell: missing, empty, plaintext, truncated; None if nothing."""
    if not path.exists():
        return MISSING, M("safety.integrity.missing", "Er is geen databasebestand in dit profiel.")
    size = path.stat().st_size
    if size == 0:
        return EMPTY, M("safety.integrity.empty", "Het databasebestand is leeg.")
    with open(path, "rb") as fh:
        head = fh.read(len(database.SQLITE_PLAINTEXT_HEADER))
    if head == database.SQLITE_PLAINTEXT_HEADER:
        return PLAINTEXT, M(
            "safety.integrity.plaintext",
            "Het databasebestand is niet versleuteld. Uit veiligheid wordt het niet geopend; "
            "iemand heeft het bestand vervangen.")
    if size < backup.PAGE_SIZE or size % backup.PAGE_SIZE:
        return TRUNCATED, M("safety.integrity.truncated", "Het databasebestand is afgekapt (een deel ontbreekt).")
    return None


def _read_only_check(path: Path, raw_key: str) -> tuple[str, Message | str]:
    """Open read-only with the key and run the checks; classify what fails."""
    try:
        conn = database.connect_raw(path, raw_key, readonly=True)
    except Exception:  # sqlcipher3 raises several types for one cause
        return DAMAGED, M("safety.integrity.cannot_open", "Het databasebestand kan niet worden geopend.")
    try:
        try:
            maintenance.probe(conn.execute)
        except Exception:
            return WRONG_KEY, M("safety.integrity.wrong_key",
                                 "Het wachtwoord klopt niet, of het databasebestand is beschadigd.")
        try:
            quick_ok = maintenance.quick_check_ok(conn.execute)
            bad_pages = maintenance.bad_pages(conn.execute)
        except Exception:
            return DAMAGED, M("safety.integrity.check_failed",
                               "Het databasebestand is beschadigd: de controle kon niet worden gedaan.")
        if bad_pages:
            return DAMAGED, Mn(
                "safety.integrity.bad_pages",
                "Het databasebestand is beschadigd: {n} blok klopt niet met zijn controlecode.",
                "Het databasebestand is beschadigd: {n} blokken kloppen niet met hun controlecode.",
                n=bad_pages)
        if not quick_ok:
            return DAMAGED, M("safety.integrity.quick_check",
                             "Het databasebestand is beschadigd (de snelle controle faalde).")
        return OK, M("safety.integrity.ok", "Het databasebestand is in orde.")
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
            found = DAMAGED, exc.raw
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
            message = M(
                "safety.integrity.damaged_backup_opens",
                "Het databasebestand is beschadigd (het wachtwoord klopt: de back-up opent wel).")
        else:
            # Most likely the passphrase from before a change: never push toward an old backup.
            message = M(
                "safety.integrity.old_passphrase",
                "Dit wachtwoord opent het profiel niet, maar wel een oudere back-up (van "
                "{date}). Hebt u het wachtwoord gewijzigd? Gebruik dan het nieuwe.",
                date=good.label())
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
        if (isinstance(error.raw, str) and isinstance(found.message, Message)
                and error.raw == found.message.text):
            return WrongPassphrase(found.message)  # the store's same words, with a message id
        return error
    if found.kind == OK:
        return error
    if found.backup is not None:
        message = M("safety.integrity.failure_restore",
                    "{problem} Er is niets geopend of gewijzigd. {hint}",
                    problem=found.message, hint=restore_hint(found.backup))
    elif found.kind != MISSING:
        message = M("safety.integrity.failure_no_backup",
                    "{problem} Er is niets geopend of gewijzigd. Er is geen back-up gevonden "
                    "die met dit wachtwoord opent.", problem=found.message)
    else:
        message = M("safety.integrity.failure", "{problem} Er is niets geopend of gewijzigd.",
                    problem=found.message)
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
        raise StoreError(M("safety.integrity.locked", "Het profiel is vergrendeld: ontgrendel het eerst."))
    return store


def database_findings(profile, report: CheckReport) -> CheckReport:
    """integrity_check, cipher_integrity_check and foreign_key_check."""
    db = _open_store(profile).database
    try:
        problems = maintenance.integrity_problems(db.execute_sql)
        report.add(not problems, _("Database: in orde (volledige controle)") if not problems
                   else ngettext("Database: de volledige controle meldt {n} fout",
                                 "Database: de volledige controle meldt {n} fouten",
                                 len(problems)).format(n=len(problems)))
        bad = maintenance.bad_pages(db.execute_sql)
        report.add(not bad, _("Versleuteling: in orde (elk blok klopt met zijn controlecode)")
                   if not bad else ngettext("Versleuteling: {n} beschadigd blok",
                                            "Versleuteling: {n} beschadigde blokken",
                                            bad).format(n=bad))
    except DAMAGE_ERRORS:  # a damaged page raises instead of reporting
        report.add(False, _("Database: de controle kon niet worden afgemaakt (beschadigd)."))
    foreign_key_findings(profile, report)
    return report


def foreign_key_findings(profile, report: CheckReport) -> CheckReport:
    db = _open_store(profile).database
    try:
        fk = maintenance.foreign_key_problems(db.execute_sql)
        report.add(not fk, _("Verwijzingen tussen tabellen: in orde") if not fk
                   else ngettext("Verwijzingen tussen tabellen: {n} fout",
                                 "Verwijzingen tussen tabellen: {n} fouten", fk).format(n=fk))
    except DAMAGE_ERRORS:
        report.add(False, _("Verwijzingen tussen tabellen: konden niet worden gelezen (beschadigd)."))
    return report


def chain_findings(report: CheckReport) -> CheckReport:
    """The audit log: its table, append-only triggers, keyed chain and where it begins."""
    from zvh_tui.services.safety import audit

    try:
        chain = audit.verify_chain()
        if chain.missing_table:
            report.add(False, _("Auditlog: de tabel met het logboek ontbreekt (verwijderd)"))
            return report
        missing = audit.missing_triggers()
        first = db_first_event()
    except DAMAGE_ERRORS:
        report.add(False, _("Auditlog: kon niet worden gelezen (beschadigd)"))
        return report
    if missing:
        report.add(False, _("Auditlog: de beveiliging tegen wijzigen en verwijderen is weggehaald "
                            "({triggers})").format(triggers=", ".join(missing)))
    if chain.missing_marker:
        report.add(False, _("Auditlog: het kenmerk van de sleutelketen ontbreekt in de database"))
    if chain.broken_at is not None:
        report.add(False, _("Auditlog: de keten is verbroken bij gebeurtenis {event}").format(
            event=chain.broken_at))
    elif first not in (None, "profile.create"):
        report.add(False, _("Auditlog: het logboek begint niet bij het aanmaken van het profiel; "
                            "eerdere gebeurtenissen ontbreken"))
    elif not chain.missing_marker:
        report.add(True, ngettext("Auditlog: in orde ({n} gebeurtenis, keten onverbroken)",
                                  "Auditlog: in orde ({n} gebeurtenissen, keten onverbroken)",
                                  chain.events).format(n=i18n.format_number(chain.events)))
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
        report.add(False, _("Anker: kon niet worden vergeleken (database beschadigd)"))
        return report
    if found.accepted:
        report.add(True, _("Anker: de database is aanvaard zoals ze is (vastgelegd in het logboek)"))
    else:
        report.add(not found.behind, found.finding())
    if found.behind and found.backups:
        best = found.backups[0]
        report.add(False, ngettext(
            "Back-up met meer gegevens: die van {date} ({n} gebeurtenis)",
            "Back-up met meer gegevens: die van {date} ({n} gebeurtenissen)",
            best.events).format(date=best.label, n=best.events))
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
        report.add(False, ngettext(
            "Bestandsrechten: {n} bestand of map is niet af te schermen",
            "Bestandsrechten: {n} bestanden of mappen zijn niet af te schermen",
            len(wrong)).format(n=len(wrong)))
    elif corrected:
        report.add(True, _("Bestandsrechten: alleen voor u (0600/0700) ({n} hersteld)").format(
            n=len(corrected)))
    else:
        report.add(True, _("Bestandsrechten: alleen voor u (0600/0700)"))
    newest = backup.last_backup(profile.paths.backups)
    if newest is None:
        # A new profile has none yet: a warning, not damage to restore from (issue 9.7).
        report.add(True, _("Back-up: er is nog geen back-up (maak er een met 'zvh backup')"),
                   warning=True)
    else:
        try:
            backup.verify(newest.path, raw_key=store.raw_key)
            fresh = not backup.backup_due(profile.paths.backups, now)
            report.add(True, (_("Back-up: de nieuwste ({date}) is in orde") if fresh
                              else _("Back-up: de nieuwste ({date}) is in orde; ouder dan een dag")
                              ).format(date=newest.label()))
        except ZvhError as exc:
            report.add(False, _("Back-up: de nieuwste ({date}) is niet in orde: {error}").format(
                date=newest.label(), error=exc))
    if not report.ok and report.backup is None:
        report.backup = backup.newest_verifying(profile.paths.backups, raw_key=store.raw_key)
    return report
