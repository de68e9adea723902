"""Helpers for the safety tests: a case that touches every table, row dumps, page decryption.

`decrypted_pages` decrypts an SQLCipher 4 file page by page with the system's libcrypto
(AES-256-CBC; SQLCipher 4 defaults: 4096-byte pages, 80 reserved bytes = 16 IV + 64 HMAC), so a
test can look at what is in *every* page of the file, free pages included, not only at what
SQL still reaches.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import datetime as dt
from pathlib import Path

from zvh_tui.core.vocab import CheckStatus, Level, Phase, TriageOutcome
from zvh_tui.services.cases import escalation, journal
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.meetings import live
from zvh_tui.services.meetings import meeting as meetings
from zvh_tui.services.partners import participants
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.plans import versions as plans
from zvh_tui.store import database
from zvh_tui.store.models import Case, Partner, db

TEST_PASSPHRASE = "test-wachtwoord-1"
TODAY = dt.date(2026, 11, 23)
PAGE_SIZE = 4096
RESERVE = 80  # IV (16) + HMAC-SHA512 (64)


# -- a case in every table ----------------------------------------------------------------------

def fill_case(canary: str, *, today: dt.date, partner_name: str | None = None) -> Case:
    """A case whose text is in every table that belongs to a case, each holding the canary."""
    partner = partners.create_partner(partner_name or f"Politie {canary[-6:]}", "straf", convenant_signed=True)
    data = cases.NewCase(
        persons=[
            cases.NewPerson(name=f"{canary} Naam", date_of_birth=dt.date(1980, 5, 17),
                            address=f"{canary}straat 1"),
            cases.NewPerson(name=f"{canary} Huisgenoot", role="household"),
        ],
        referrer_partner_id=partner.id,
        reason=f"Aanleiding {canary}",
        referral_goal=f"Doel {canary}",
    )
    case = cases.create_case(data)
    referrer = next(p for p in participants.participants_of(case) if p.partner_id == partner.id)
    participants.set_check(referrer, CheckStatus.KNOWN, basis=f"grondslag {canary}")
    cases.move_phase(case, Phase.SCREENING)
    cases.move_phase(case, Phase.TRIAGE)
    cases.set_triage(case, TriageOutcome.TAKE_ON, f"triage {canary}")
    cases.move_phase(case, Phase.ANALYSIS)
    cases.move_phase(case, Phase.MEETING)
    participants.set_director(case, partner.id)
    cases.move_phase(case, Phase.PLAN)
    plan = plans.start_plan(case)
    plans.update_plan(plan, shared_task=f"Opgave {canary}", client_view=f"Visie {canary}",
                      evaluation_on=today + dt.timedelta(days=30))
    goal = plans.add_goal(plan, f"Doel {canary}", "wonen")
    plans.add_action(plan, f"Actie {canary}", goal=goal, owner_partner_id=partner.id,
                     deadline=today + dt.timedelta(days=7))
    plans.add_agreement(plan, f"Afspraak {canary}")
    plans.set_assessment(plan, "wonen", strengths=f"Kracht {canary}", concerns=f"Zorg {canary}")
    plans.set_perspective(plan, partner.id, f"Perspectief {canary}")
    meeting = meetings.create_meeting("MDO", today)
    item = meetings.add_item(meeting, case)
    live.add_decision(item, f"Besluit {canary}")
    journal.add_entry(case, f"Journaal {canary}", hat="procesregie")
    escalation.change_level(case, to_level=Level.MANAGEMENT, trigger=f"Escalatie {canary}",
                            decided_by=f"Manager {canary}")
    return Case.get_by_id(case.id)


def close(case: Case, *, years: int, on: dt.date) -> Case:
    return cases.close_case(case, "Doel bereikt", retention_years=years, closed_on=on, open_actions=cases.KEEP_OPEN_ACTIONS)


def own_partner() -> Partner:
    return Partner.get(Partner.is_own == True)  # noqa: E712


# -- every row of every table ---------------------------------------------------------------------

def user_tables(conn) -> list[str]:  # a Peewee database or sqlcipher3 connection
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    return [r[0] for r in rows]


def dump(conn) -> dict[str, list[tuple]]:
    """Every row of every table (FTS shadow tables included), in rowid order."""
    out: dict[str, list[tuple]] = {}
    for table in user_tables(conn):
        try:
            rows = conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
        except Exception:  # WITHOUT ROWID shadow tables
            rows = sorted(conn.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
        out[table] = [tuple(r) for r in rows]
    return out


class OpenDb:
    """The database the models are bound to, with the `execute(sql)` of a plain connection."""

    def execute(self, sql: str, params: tuple = ()):
        return db.execute_sql(sql, params)


def dump_open() -> dict[str, list[tuple]]:
    """`dump` of the database the models are bound to."""
    return dump(OpenDb())


def dump_file(path: Path, raw_key: str) -> dict[str, list[tuple]]:
    conn = database.connect_raw(path, raw_key)
    try:
        return dump(conn)
    finally:
        conn.close()


# -- what is in the file --------------------------------------------------------------------------

class _Crypto:
    def __init__(self) -> None:
        name = ctypes.util.find_library("crypto")
        if name is None:
            raise RuntimeError("libcrypto not found")
        lib = ctypes.CDLL(name)
        lib.EVP_CIPHER_CTX_new.restype = ctypes.c_void_p
        lib.EVP_aes_256_cbc.restype = ctypes.c_void_p
        lib.EVP_DecryptInit_ex.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p,
                                           ctypes.c_char_p, ctypes.c_char_p]
        lib.EVP_CIPHER_CTX_set_padding.argtypes = [ctypes.c_void_p, ctypes.c_int]
        lib.EVP_DecryptUpdate.argtypes = [ctypes.c_void_p, ctypes.c_char_p,
                                          ctypes.POINTER(ctypes.c_int), ctypes.c_char_p, ctypes.c_int]
        lib.EVP_CIPHER_CTX_free.argtypes = [ctypes.c_void_p]
        self.lib = lib

    def decrypt(self, key: bytes, iv: bytes, data: bytes) -> bytes:
        lib = self.lib
        ctx = lib.EVP_CIPHER_CTX_new()
        try:
            assert lib.EVP_DecryptInit_ex(ctx, lib.EVP_aes_256_cbc(), None, key, iv) == 1
            lib.EVP_CIPHER_CTX_set_padding(ctx, 0)
            out = ctypes.create_string_buffer(len(data) + 32)
            n = ctypes.c_int(0)
            assert lib.EVP_DecryptUpdate(ctx, out, ctypes.byref(n), data, len(data)) == 1
            return out.raw[: n.value]
        finally:
            lib.EVP_CIPHER_CTX_free(ctx)


def have_libcrypto() -> bool:
    return ctypes.util.find_library("crypto") is not None


def _decrypt_page(crypto: _Crypto, key: bytes, page: bytes, first: bool) -> bytes:
    start = 16 if first else 0  # page 1 begins with the salt
    iv = page[PAGE_SIZE - RESERVE : PAGE_SIZE - RESERVE + 16]
    return crypto.decrypt(key, iv, page[start : PAGE_SIZE - RESERVE])


def decrypted_pages(path: Path, raw_key: str) -> list[bytes]:
    """Every page of an SQLCipher 4 file, decrypted (free pages and unused space included),
    and every page in its write-ahead log (`-wal`) if there is one."""
    crypto = _Crypto()
    key = bytes.fromhex(raw_key[:64])
    raw = path.read_bytes()
    pages = [
        _decrypt_page(crypto, key, raw[offset : offset + PAGE_SIZE], offset == 0)
        for offset in range(0, len(raw) - PAGE_SIZE + 1, PAGE_SIZE)
    ]
    wal = Path(str(path) + "-wal")
    if wal.exists():
        data = wal.read_bytes()
        frame = 24 + PAGE_SIZE
        for offset in range(32, len(data) - frame + 1, frame):  # 32-byte WAL header
            page_no = int.from_bytes(data[offset : offset + 4], "big")
            page = data[offset + 24 : offset + frame]
            pages.append(_decrypt_page(crypto, key, page, page_no == 1))
    return pages


def needles(canary: str) -> list[bytes]:
    """The canary as it may sit in a file: as typed, and as FTS5 stores terms (lower case)."""
    return [canary.encode("utf-8"), canary.lower().encode("utf-8")]


def file_holds(path: Path, raw_key: str, canary: str) -> bool:
    pages = decrypted_pages(path, raw_key)
    return any(n in page for page in pages for n in needles(canary))


def fts_terms() -> set[str]:
    """Every term in the case_search FTS5 index (through a temporary fts5vocab table)."""
    db.execute_sql(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.case_search_terms USING fts5vocab(main, case_search, 'row')"
    )
    try:
        return {r[0] for r in db.execute_sql("SELECT term FROM temp.case_search_terms").fetchall()}
    finally:
        db.execute_sql("DROP TABLE temp.case_search_terms")


# -- what a screen shows ---------------------------------------------------------------------------

from uikit import screen_text, wait_for  # noqa: E402,F401 - one copy for all screen tests


async def enter_passphrase(pilot, passphrase: str) -> None:  # a textual Pilot
    """On the unlock screen: once the field has the cursor, fill it and press Enter."""
    from textual.widgets import Input

    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.focused, Input))
    app.focused.value = passphrase
    await pilot.press("enter")
