"""What may be shown of a person: in full, on a projector in a meeting, in a log."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from zvh_tui.services.shared import disclosure
from zvh_tui.services.shared.disclosure import Disclosure

FULL, MEETING, LOG = Disclosure.FULL, Disclosure.MEETING, Disclosure.LOG


@dataclass
class Someone:
    id: int = 17
    name: str = "Fatima El Fictief"
    date_of_birth: dt.date | None = dt.date(1990, 4, 3)
    address: str = "Voorbeeldstraat 12, 9999 ZZ Verzonnen"


@pytest.mark.parametrize(("name", "shown"), [
    ("Jan de Vries", "J. de V."),
    ("Jan Pieter van der Berg", "J.P. van der B."),
    ("Anne-Marie Jansen-Bakker", "A.M.J.B."),
    ("Fatima El Fictief", "F. el F."),
    ("  éric   ter  Horst ", "É. ter H."),
    ("Gezin Noord", "G.N."),
    ("'t Hart", "'t H."),
    ("de", ""),  # only a particle: nothing that tells
    ("", ""),
])
def test_initials(name: str, shown: str) -> None:
    assert disclosure.initials(name) == shown


def test_in_full_everything_stored_is_shown() -> None:
    person = Someone()
    assert disclosure.person_name(person, FULL) == "Fatima El Fictief"
    assert disclosure.date_of_birth(person, FULL) == "03-04-1990"
    assert disclosure.address(person, FULL) == "Voorbeeldstraat 12, 9999 ZZ Verzonnen"
    assert disclosure.case_name("Familie El Fictief", FULL) == "Familie El Fictief"
    assert disclosure.person_label(person, "cliënt", FULL) == \
        "Fatima El Fictief (03-04-1990), cliënt, betrokkene 17"


def test_on_a_projector_initials_only() -> None:
    person = Someone()
    label = disclosure.person_label(person, "cliënt", MEETING)
    assert label == "F. el F., cliënt"
    for secret in ("Fatima", "Fictief", "03-04", "1990", "Voorbeeldstraat", "17"):
        assert secret not in label
    assert disclosure.person_name(person, MEETING) == "F. el F."
    assert disclosure.date_of_birth(person, MEETING) == ""
    assert disclosure.address(person, MEETING) == ""
    assert disclosure.case_name("Familie El Fictief", MEETING) == "F. el F."  # may be a name


def test_a_log_gets_the_number_only() -> None:
    person = Someone()
    assert disclosure.person_label(person, "cliënt", LOG) == "betrokkene 17"
    assert disclosure.person_name(person, LOG) == "betrokkene 17"
    assert disclosure.date_of_birth(person, LOG) == ""
    assert disclosure.address(person, LOG) == ""
    assert disclosure.case_name("Familie El Fictief", LOG) == ""


def test_an_unknown_birth_date_and_an_unreadable_name() -> None:
    person = Someone(name="- -", date_of_birth=None)
    assert disclosure.person_label(person, "", FULL) == "- -, betrokkene 17"
    assert disclosure.person_label(person, "", MEETING) == "betrokkene"


def test_screens_follow_the_one_switch_exports_do_not() -> None:
    person = Someone()
    assert disclosure.screen() is FULL
    assert disclosure.person_name(person) == "Fatima El Fictief"
    disclosure.set_screen(MEETING)  # the root conftest sets FULL again after each test
    assert disclosure.screen() is MEETING
    assert disclosure.person_name(person) == "F. el F."
    assert disclosure.case_name("Fatima El Fictief") == "F. el F."
    assert disclosure.person_name(person, FULL) == "Fatima El Fictief"  # explicit wins


def test_free_text_on_a_projector_masks_numbers_contacts_and_names() -> None:
    text = ("BSN 123456782 en 1234.56.782, bel 06-12345678 of +31 6 1234 5678, mail f.el@example.nl; "
            "Fatima El Fictief woont aan de Voorbeeldstraat 12. Dossier 2026-0042, 15 kinderen.")
    names = ("Fatima El Fictief", "Voorbeeldstraat 12, 9999 ZZ Verzonnen")
    assert disclosure.mask_text(text, names, FULL) == text
    masked = disclosure.mask_text(text, names, MEETING)
    for secret in ("123456782", "1234.56.782", "12345678", "1234 5678", "example", "Fatima",
                   "Fictief", "Voorbeeldstraat"):
        assert secret not in masked, secret
    assert "F. El F. woont aan de V. 12." in masked  # particles and house numbers stay
    assert "2026-0042" in masked and "15 kinderen" in masked  # case numbers and counts stay
    assert disclosure.mask_numbers("12345678") == "12345678"  # 8 digits: not a BSN
    assert disclosure.mask_numbers("0612345678 of 1234567890") == "••• of •••"  # phone, long number
    assert disclosure.mask_numbers("bsn: 123 456 782") == "bsn: •••"


def test_the_projector_switch_is_seen_by_projecting() -> None:
    assert not disclosure.projecting()
    disclosure.set_screen(MEETING)
    assert disclosure.projecting()
