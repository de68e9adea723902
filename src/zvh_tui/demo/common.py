"""What the hand-made demo (builder.py) and the scale generator (scale.py) share.

The guard against mixing demo data with real data, the seed, the summary numbers, the
contact cards of the partner roster, resolving a `Ref` to ids, and the small date helpers.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from peewee import fn

from zvh_tui.core import i18n
from zvh_tui.core.errors import ZvhError
from zvh_tui.core.i18n import M
from zvh_tui.demo import texts as T
from zvh_tui.services.partners import provisions
from zvh_tui.services.shared import clock
from zvh_tui.services.shared.fold import ascii_fold
from zvh_tui.store.models import Case

SEED = 2013  # the year of the Landelijk Kader ZVH
Progress = Callable[[int, int], None]
OWN_PARTNER = {"name": "Zorg- en Veiligheidshuis",  # i18n: demo data, stored "domain": "veiligheid", "convenant_signed": True,
               "is_own": True}

# Where a case of the ZVH sits (AVE phase, level of conversation): procesregie at AVE 3 ·
# procesniveau, escalated to AVE 4 · management or bestuur; an advice case (ZvhRole advice)
# stays at the local level, AVE 2 · casusniveau, where the regie stays. Never "AVE 1 · casus".
ZVH_LEVELS = {("3", "process"), ("4", "management"), ("4", "board")}
INTAKE_LEVEL = ("3", "process")
ESCALATED_LEVEL = ("4", "management")
ADVICE_LEVEL = ("2", "case")

ALREADY_FILLED = M(
    "demo.already_filled",
    "Dit profiel bevat al casussen. Demogegevens worden alleen in een leeg profiel geladen, "
    "zodat ze nooit met echte gegevens mengen. Gebruik een nieuw profiel, bijvoorbeeld met "
    "--data-dir."
)


def require_empty() -> None:
    """Demo data go only into a profile without cases."""
    if Case.select().exists():
        raise ZvhError(ALREADY_FILLED)


def _seconds(value: float) -> str:
    """A duration as the language writes it: 1,5 s / 1.5 s."""
    return f"{i18n.format_number(round(value, 1), '0.0')} s"


def _max_id(model) -> int:
    return model.select(fn.MAX(model.id)).scalar() or 0


# -- the roster -------------------------------------------------------------------------------

def _ascii(value: str) -> str:
    return "".join(ch for ch in ascii_fold(value) if ch.isalnum() or ch in "-.")


def _email(name: str, partner_key: str) -> str:
    parts = name.split()
    local = f"{_ascii(parts[0])[:1]}.{_ascii(''.join(parts[1:]))}"
    domain = f"{partner_key}.noordwaarde.invalid" if partner_key in T.INVALID_MAIL else f"{partner_key}.example.org"
    return f"{local}@{domain}"


def contact_cards() -> dict[str, list[dict[str, str]]]:
    """Per partner key, its contacts as Contact field values (name, function, phone, e-mail,
    availability); the phone numbers count on through the whole roster."""
    cards: dict[str, list[dict[str, str]]] = {}
    phone = 1000
    for spec in T.PARTNERS:
        cards[spec["key"]] = []
        for contact in spec["contacts"]:
            phone += 37
            cards[spec["key"]].append({
                "name": contact.name, "function": contact.function, "phone": f"06-0000{phone:04d}",
                "email": _email(contact.name, spec["key"]), "availability": contact.availability,
            })
    return cards


@dataclass
class Roster:
    """The ids of our own house, the partners (by key) and their contacts (in roster order)."""

    own_id: int
    partner_ids: dict[str, int]
    contact_ids: dict[str, list[int]]
    unsigned: frozenset[str] = frozenset()  # keys of the partners that did not sign the convenant

    def owner(self, ref: T.Ref | None) -> tuple[int | None, int | None]:
        """(partner id, contact id) of a reference; `None` (niemands taak) is (None, None)."""
        if ref is None:
            return None, None
        if ref.partner == "own":
            return self.own_id, None
        contact = None if ref.contact is None else self.contact_ids[ref.partner][ref.contact]
        return self.partner_ids[ref.partner], contact

    def key_of(self, partner_id: int) -> str:
        return next(key for key, known in self.partner_ids.items() if known == partner_id)


def _grondslag(partner_key: str, unsigned: frozenset[str] = frozenset()) -> str:
    """The grondslag of a check op bekendheid with this partner; never the convenant for a
    partner that did not sign it (`unsigned`: Roster.unsigned)."""
    if partner_key in unsigned:
        return T.UNSIGNED_GRONDSLAG
    if partner_key == "politie":
        return T.GRONDSLAGEN[1]
    if partner_key in ("veiligthuis", "raad", "gi"):
        return T.GRONDSLAGEN[2]
    if partner_key == "ggz":
        return T.GRONDSLAGEN[3]
    if partner_key in ("om", "reclassering", "dji", "halt"):  # i18n: partner keys of demo/texts.py
        return T.GRONDSLAGEN[4]
    return T.GRONDSLAGEN[0]


def meeting_header(day: dt.date) -> dict[str, str]:
    """Kind, title and location of the weekly meeting of `day` (every third week a casusoverleg)."""
    week = day.isocalendar()[1]
    kind = "Casusoverleg" if week % 3 == 0 else "MDO"  # i18n: demo data, stored
    return {"kind": kind, "title": f"{kind} zorg en veiligheid, week {week}",  # i18n: demo data, stored
            "location": T.MEETING_LOCATIONS[week % len(T.MEETING_LOCATIONS)]}


def placeholders(first_person: str, born: dt.date, received: dt.date) -> dict[str, str]:
    """The values of a vignette's {first} and {age}."""
    return {"first": first_person.split()[0], "age": str(_age_on(born, received))}


def regisseur(case_number: int) -> str:
    """The (fictional) procesregisseur of the house who runs this case: author of its journal."""
    return T.REGISSEURS[case_number % len(T.REGISSEURS)]


# -- dates --------------------------------------------------------------------------------------

def _birth_date(rng: random.Random, today: dt.date, age: int) -> dt.date:
    return today - dt.timedelta(days=int(age * 365.25) + rng.randint(15, 340))


def _age_on(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _working_day(day: dt.date) -> dt.date:
    """A deadline or follow-up date on a working day: `day` itself from Monday to Friday, else
    the Monday after (provisions.add_working_days: Monday-Friday, the app has no holiday calendar)."""
    return provisions.add_working_days(day - dt.timedelta(days=1), 1)


def _tuesday(day: dt.date) -> dt.date:
    """The weekly casusoverleg is on Tuesday: the first Tuesday on or after `day`."""
    return day + dt.timedelta(days=(1 - day.weekday()) % 7)


def _at(day: dt.date, hour: int = 10, minute: int = 0) -> dt.datetime:
    """`day` at `hour:minute` on the local clock, stored as UTC like every moment (clock.py)."""
    return clock.local_moment(day, hour, minute)
