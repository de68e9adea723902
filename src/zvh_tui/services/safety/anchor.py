"""The anchor: where the audit chain stood after the last commit, kept outside the database.

Commits the app acknowledged can vanish from under it: the write-ahead log (`zvh.db-wal`) is
deleted after a crash, or a sync tool or a file restore puts an older `zvh.db` in place. The
database itself cannot notice that. So after every commit that appended an audit event (and
every change writes one), the newest event's id and hash and a commit generation are written to
`zvh-anker.json` in the profile's *state* folder (not beside the database, so whatever copies
the data folder does not copy the anchor along). At every unlock and in `zvh check` the
database is compared with it: a database behind its anchor (fewer events, or another event
where the anchored one was) is refused with a Dutch message naming the backups that hold more.

The file is authenticated with HMAC-SHA256 under a key derived from the audit chain's secret,
which is itself derived from the database key (store/migrations.py, `_v2`) and kept inside the
encrypted database: without the passphrase nobody can write an anchor the app accepts. It is
written as a temp file, fsynced, and renamed over the old one; it is only ever written after
the commit it describes, so a crash can leave it behind the database (harmless), never ahead.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import logging
import os
import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path

from zvh_tui.core.errors import StoreError
from zvh_tui.core.i18n import M, Message, Mn, _
from zvh_tui.core.paths import ProfilePaths
from zvh_tui.services.safety import audit
from zvh_tui.services.shared import clock
from zvh_tui.store import audit_log, database, models
from zvh_tui.store.migrations import AUDIT_CHAIN_LABEL

ANCHOR_NAME = "zvh-anker.json"
FORMAT = 1
log = logging.getLogger(__name__)

# Comparison outcomes.
OK = "ok"  # the database holds the anchored event (and maybe more)
NEW = "new"  # no anchor yet (a new profile, a first start after an update, another laptop)
BEHIND = "behind"  # fewer events than the anchor
DIVERGED = "diverged"  # another event where the anchored one was: a rewritten or other database
INVALID = "invalid"  # the anchor does not authenticate under this database's key

ACCEPT_HINT = M(
    "safety.anchor.accept_hint",
    "Wilt u toch met deze database verder werken, dan legt 'zvh check --aanvaard' dat vast in "
    "het logboek.")


class DatabaseBehind(StoreError):
    """The database is behind (or not the one of) its anchor: opened neither for work nor
    as if nothing happened."""


@dataclass(frozen=True)
class Anchor:
    events: int  # id of the newest event: in an append-only log ids run 1..n
    head: str  # its hash
    generation: int  # how many commits the anchor has followed
    at: str  # UTC, ISO, when it was written

    def fields(self) -> dict[str, object]:
        return {"format": FORMAT, "events": self.events, "head": self.head,
                "generation": self.generation, "at": self.at}


def anchor_path(paths: ProfilePaths) -> Path:
    return paths.state / ANCHOR_NAME


def _key(secret: bytes) -> bytes:
    return hmac.new(secret, b"zvh-tui/anchor", hashlib.sha256).digest()


def _mac(secret: bytes, fields: dict[str, object]) -> str:
    text = json.dumps(fields, sort_keys=True).encode("ascii")
    return hmac.new(_key(secret), text, hashlib.sha256).hexdigest()


def encode(anchor: Anchor, secret: bytes) -> bytes:
    fields = anchor.fields()
    return json.dumps(dict(fields, mac=_mac(secret, fields)), sort_keys=True).encode("ascii")


def read(paths: ProfilePaths, secret: bytes) -> tuple[str, Anchor | None]:
    """(NEW, None) when there is no anchor, (INVALID, None) when it does not authenticate."""
    path = anchor_path(paths)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return NEW, None
    except OSError:
        return INVALID, None
    try:
        data = json.loads(raw)
        mac = data.pop("mac")
        if data.get("format") != FORMAT or not hmac.compare_digest(str(mac), _mac(secret, data)):
            return INVALID, None
        return OK, Anchor(events=int(data["events"]), head=str(data["head"]),
                          generation=int(data["generation"]), at=str(data["at"]))
    except (ValueError, KeyError, TypeError, AttributeError):
        return INVALID, None


def write_bytes(paths: ProfilePaths, content: bytes) -> None:
    """Temp file, fsync, rename over the anchor (0600)."""
    target = anchor_path(paths)
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temp = target.with_name(f".{ANCHOR_NAME}-{secrets.token_hex(4)}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, content)
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.replace(temp, target)
    except OSError:
        temp.unlink(missing_ok=True)
        raise


def chain_secret(execute: audit.Execute, raw_key: str) -> bytes:
    """The chain secret from the database's marker, or derived from the key when it is gone."""
    marker = audit.read_marker(execute)
    return marker.secret if marker is not None else database.subkey(raw_key, AUDIT_CHAIN_LABEL)


def head(execute: audit.Execute) -> tuple[int, str] | None:
    """(id, hash) of the newest event; None when the table is gone."""
    try:
        found = audit_log.head(execute)
    except Exception as exc:  # no such table (dropped): a finding, not a crash
        if "no such table" in str(exc).lower():
            return None
        raise
    return (found[0], str(found[1])) if found else (0, audit.GENESIS)


def fresh(execute: audit.Execute, generation: int = 0) -> Anchor:
    found = head(execute) or (0, audit.GENESIS)
    return Anchor(events=found[0], head=found[1], generation=generation + 1,
                  at=dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat())


# -- comparing --------------------------------------------------------------------------------

@dataclass
class HoldsMore:
    path: Path
    label: str  # when it was made, for messages
    events: int


@dataclass
class Comparison:
    status: str
    anchor: Anchor | None = None
    events: int = 0  # id of the database's newest event (0: none, or no table)
    table_missing: bool = False
    backups: list[HoldsMore] = field(default_factory=list)
    accepted: bool = False  # `zvh check --aanvaard`: continued with it, recorded in the log
    inspecting: bool = False  # `zvh check`: opened to report, nothing written

    @property
    def behind(self) -> bool:
        return self.status in (BEHIND, DIVERGED, INVALID)

    @property
    def writable(self) -> bool:
        """May this session write (events, the anchor)? Not while only inspecting a bad one."""
        return not (self.behind and not self.accepted)

    def note(self) -> str:
        """Codes for the unlock event's detail (never client data)."""
        if self.accepted:
            was = self.anchor.events if self.anchor else "?"
            return f"anker aanvaard: {self.status}, {self.events} van {was}"  # i18n: audit detail stored
        return "anker nieuw" if self.status == NEW and self.events else ""  # i18n: audit detail stored

    def finding(self) -> str:
        """One line for `zvh check`, in the language of the moment."""
        if self.status == OK:
            return _("Anker: de database is bij (logboek tot gebeurtenis {events}, "
                     "anker {anchored})").format(events=self.events,
                                                 anchored=self.anchor.events if self.anchor else 0)
        if self.status == NEW:
            return _("Anker: er was nog geen anker; het is nu gemaakt")
        return _("Anker: {problem}").format(problem=str(self.problem()).rstrip("."))

    def problem(self) -> Message:
        """What is wrong (no hints): `zvh check` ends each finding itself."""
        was = self.anchor.events if self.anchor else "?"
        if self.status == INVALID:
            return M(
                "safety.anchor.invalid",
                "Het anker van dit profiel (in de statusmap) past niet bij deze database: het is "
                "gewijzigd, of de database is vervangen door die van een ander profiel.")
        if self.status == DIVERGED:
            return M(
                "safety.anchor.diverged",
                "De database wijkt af van het anker van dit profiel: waar het logboek gebeurtenis "
                "{was} had, staat nu iets anders. Het logboek is herschreven of er staat een "
                "andere database.", was=was)
        if self.table_missing:
            return M(
                "safety.anchor.behind_no_table",
                "De database is ouder dan bij het laatste gebruik van dit profiel: het logboek "
                "had {was} gebeurtenissen, de tabel is verwijderd{when}. Wijzigingen van daarna "
                "ontbreken, bijvoorbeeld doordat het bestand zvh.db-wal is verwijderd of een "
                "oudere kopie van zvh.db is teruggezet.", was=was, when=self._when())
        return M(
            "safety.anchor.behind",
            "De database is ouder dan bij het laatste gebruik van dit profiel: het logboek "
            "had {was} gebeurtenissen, nu {events}{when}. Wijzigingen van daarna ontbreken, "
            "bijvoorbeeld doordat het bestand zvh.db-wal is verwijderd of een oudere kopie van "
            "zvh.db is teruggezet.", was=was, events=self.events, when=self._when())

    def message(self) -> Message:
        """The explanation for the unlock screen and the CLI, with what the user can do."""
        problem = self.problem()
        if not self.backups:
            return M("safety.anchor.refused_no_backup",
                     "{problem} Er is niets geopend of gewijzigd.\n"
                     "Geen back-up bevat meer dan deze database.\n{accept}",
                     problem=problem, accept=ACCEPT_HINT)
        best = self.backups[0]
        return Mn("safety.anchor.refused_backup",
                  "{problem} Er is niets geopend of gewijzigd.\n"
                  "Een back-up bevat meer: die van {date} ({events} gebeurtenissen). "
                  "Zet die terug met: zvh restore {path}\n{accept}",
                  "{problem} Er is niets geopend of gewijzigd.\n"
                  "{n} back-ups bevatten meer; de nieuwste is die van {date} ({events} "
                  "gebeurtenissen). Zet die terug met: zvh restore {path}\n{accept}",
                  n=len(self.backups), problem=problem, date=best.label, events=best.events,
                  path=str(best.path), accept=ACCEPT_HINT)

    def _when(self) -> Message | str:
        if self.anchor is None:
            return ""
        try:
            moment = clock.to_local(self.anchor.at)
        except ValueError:
            return ""
        return M("safety.anchor.when", " (laatst bijgewerkt {moment})",
                 moment=clock.format_wall(moment))


def compare(paths: ProfilePaths, execute: audit.Execute, raw_key: str) -> Comparison:
    """Compare the open database (`execute`) with the profile's anchor."""
    status, anchor = read(paths, chain_secret(execute, raw_key))
    found = head(execute)
    events = found[0] if found else 0
    result = Comparison(status=status, anchor=anchor, events=events, table_missing=found is None)
    if status != OK or anchor is None:
        if status == NEW and found is None:
            result.status = BEHIND  # no anchor and no log: nothing to compare, still wrong
    elif found is None or events < anchor.events:
        result.status = BEHIND
    elif anchor.events:
        if audit_log.hash_of(execute, anchor.events) != anchor.head:
            result.status = DIVERGED
    if result.behind:
        result.backups = holding_more(paths, raw_key, events)
    return result


def holding_more(paths: ProfilePaths, raw_key: str, events: int) -> list[HoldsMore]:
    """The backups (newest first) that open with this key and hold more events."""
    from zvh_tui.services.safety import backup

    try:
        salt = database.read_salt(paths.database)
    except StoreError:
        salt = None
    found: list[HoldsMore] = []
    for info in backup.list_backups(paths.backups):
        try:
            if salt is not None and database.read_salt(info.path) != salt:
                continue
            conn = database.connect_raw(info.path, raw_key, readonly=True)
        except Exception:  # not ours or not readable: never offered
            continue
        try:
            top = head(conn.execute)
        except Exception:
            top = None
        finally:
            conn.close()
        if top is not None and top[0] > events:
            found.append(HoldsMore(path=info.path, label=info.label(), events=top[0]))
    return found


# -- at unlock, and after every commit ------------------------------------------------------

class _Writer:
    """Writes the anchor after each commit that appended an event (audit's commit hook).

    Never moves it back: when the log shrank or changed under the running app (someone
    deleted events with a SQLCipher tool), the anchor keeps what it last saw, so the next
    unlock and `zvh check` report it."""

    def __init__(self, paths: ProfilePaths, store: database.Store, comparison: Comparison) -> None:
        self.paths = paths
        self.database = store.database
        self.secret = chain_secret(store.database.execute_sql, store.raw_key)
        self.last = comparison.anchor if comparison.status == OK else None
        self.generation = comparison.anchor.generation if comparison.anchor else 0
        self.lock = threading.Lock()

    def __call__(self) -> None:
        if models.db.obj is not self.database:  # this profile was locked meanwhile
            return
        try:
            with self.lock:
                execute = self.database.execute_sql
                anchor = fresh(execute, self.generation)
                if self.last is not None and not _holds(execute, self.last, anchor):
                    log.warning("anchor kept: the log no longer holds the anchored event")
                    return
                write_bytes(self.paths, encode(anchor, self.secret))
                self.last, self.generation = anchor, anchor.generation
        except Exception as exc:  # the commit succeeded; the anchor stays behind
            log.warning("anchor not written: %s", type(exc).__name__)


def _holds(execute: audit.Execute, last: Anchor, now: Anchor) -> bool:
    if now.events < last.events:
        return False
    if not last.events:
        return True
    return audit_log.hash_of(execute, last.events) == last.head


def on_open(
    paths: ProfilePaths, store: database.Store, *, created: bool = False, mode: str = "normal"
) -> Comparison:
    """At unlock, before anything is written: compare, and refuse a database that is behind.

    `mode`: "normal" refuses (DatabaseBehind); "inspect" (zvh check) lets it open for the
    checks without writing; "accept" (zvh check --aanvaard) continues and records it.
    """
    execute = store.database.execute_sql
    if created:
        result = Comparison(status=NEW)
    else:
        result = compare(paths, execute, store.raw_key)
    if result.behind:
        if mode == "accept":
            result.accepted = True
        elif mode == "inspect":
            result.inspecting = True
        else:
            raise DatabaseBehind(result.message())
    return result


def attach(paths: ProfilePaths, store: database.Store, comparison: Comparison) -> None:
    """From now on every commit with an event moves the anchor forward."""
    for stale in paths.state.glob(f".{ANCHOR_NAME}-*.tmp"):  # left by a kill mid-write
        stale.unlink(missing_ok=True)
    audit.set_commit_hook(_Writer(paths, store, comparison))


def detach() -> None:
    audit.set_commit_hook(None)
