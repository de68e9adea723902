"""Partner CSV import: column headers and values the way people write them in Excel, and files
with several broken rows (issue 11, items 1 and 2)."""

from __future__ import annotations

import pytest

from zvh_tui.services.partners import roster as partners
from zvh_tui.services.partners.partner_csv import column_key, import_partners
from zvh_tui.store.models import AuditEvent, Contact, Partner


def stored() -> tuple[int, int, int]:
    return Partner.select().count(), Contact.select().count(), AuditEvent.select().count()


def signed() -> dict[str, bool]:
    return {p.name: p.convenant_signed
            for p in Partner.select().where(Partner.is_own == False)}  # noqa: E712


@pytest.mark.parametrize("header", [
    "Convenant", "convenant getekend", "Privacyconvenant getekend?",
    "Convenant ondertekend (ja/nee)", "Privacy-convenant", "PRIVACYCONVENANT GETEKEND",
    "  Privacy convenant  getekend ?  ", "Privacyconvenánt getékend", "Getekend?",
    "Convenant (J/N)", "Covenant signed", "Convenant getekend: ja/nee",
])
def test_the_convenant_column_is_recognised_as_people_write_it(header: str) -> None:
    assert column_key(header) == "convenant"


@pytest.mark.parametrize(("header", "key"), [
    ("E-mail contactpersoon", "email"), ("E-mailadres", "email"), ("Mail", "email"),
    ("Telefoon contactpersoon", "phone"), ("Telefoonnummer (mobiel)", "phone"),
    ("Naam contactpersoon", "contact"), ("Naam organisatie", "organisation"),
    ("Naam", "organisation"), ("Ketenpartner", "organisation"), ("Functie", "function"),
    ("Bereikbaar op", "availability"), ("Opmerkingen", "notes"), ("Domein", "domain"),
    ("Datum convenant getekend", None), ("Kleur", None), ("Privacy", None),
])
def test_other_columns_by_keyword(header: str, key: str | None) -> None:
    assert column_key(header) == key


def test_a_real_excel_list_keeps_every_convenant_status(profile, write_csv) -> None:
    """Excel (Windows-1252, ';') with the column headed the way a secretary writes it."""
    rows = [("Politie Oost", "Ja"), ("GGZ Noord", "nee"), ("Wijkteam Zuid", "X"),
            ("Woonstichting Oost", ""), ("Veilig Thuis", "J"), ("Halt", "N"),
            ("Reclassering", "yes"), ("Leerplicht", "1"), ("Schuldhulp", "0"),
            ("GI Jeugd", "waar"), ("Verslavingszorg", "Onwaar"), ("Raad vdK", " JA. ")]
    lines = ["Organisatie;Domein;Privacyconvenant getekend?;Naam contactpersoon;E-mailadres"]
    lines += [f"{name};overig;{value};;" for name, value in rows]
    path = write_csv(lines, encoding="cp1252")

    preview = import_partners(path, apply=True)

    assert preview.applied, preview.errors
    assert not any("wordt niet ingelezen" in n for n in preview.notices)
    assert signed() == {
        "Politie Oost": True, "GGZ Noord": False, "Wijkteam Zuid": True,
        "Woonstichting Oost": False, "Veilig Thuis": True, "Halt": False, "Reclassering": True,
        "Leerplicht": True, "Schuldhulp": False, "GI Jeugd": True, "Verslavingszorg": False,
        "Raad vdK": True,
    }


def test_an_empty_cell_keeps_a_known_partners_status(profile, write_csv) -> None:
    partners.create_partner("Politie Oost", "straf", convenant_signed=True)
    path = write_csv(["Organisatie;Convenant (ja/nee)", "Politie Oost;", "Nieuw;"])

    assert import_partners(path, apply=True).applied
    assert signed() == {"Politie Oost": True, "Nieuw": False}


def test_an_unknown_convenant_value_is_a_row_error_not_nee(profile, write_csv) -> None:
    path = write_csv(["Organisatie;Convenant getekend", "Politie Oost;ja", "GGZ;onbekend",
                      "Halt;?"])
    before = stored()

    preview = import_partners(path, apply=True)

    assert [e.split(":")[0] for e in preview.errors] == [
        "Regel 3, kolom 'Convenant getekend'", "Regel 4, kolom 'Convenant getekend'"]
    assert "'onbekend' is geen ja of nee" in preview.errors[0]
    assert stored() == before and not preview.applied


@pytest.mark.parametrize("header", ["Datum convenant getekend", "Privacy", "Voornaam"])
def test_a_column_that_looks_important_but_is_not_read_blocks_the_import(
        profile, write_csv, header) -> None:
    path = write_csv([f"Organisatie;{header}", "Politie Oost;12-03-2025"])
    before = stored()

    preview = import_partners(path, apply=True)

    assert not preview.ok and not preview.applied
    assert preview.errors[0].startswith(f"Regel 1: kolom '{header}' lijkt belangrijk")
    assert "convenant" in preview.errors[0]  # names the headers that are read
    assert stored() == before


def test_an_unimportant_unknown_column_is_only_mentioned(profile, write_csv) -> None:
    path = write_csv(["Organisatie;Kleur", "Politie Oost;blauw"])

    preview = import_partners(path, apply=True)

    assert preview.applied
    assert preview.notices == ["Kolom 'Kleur' wordt niet ingelezen (onbekende kolom)."]


def test_every_broken_row_is_named_and_nothing_changes(profile, write_csv) -> None:
    path = write_csv([
        "organisatie;contactpersoon;e-mail",
        "Politie Oost;Jan;jan@politie.example",
        ";Piet;piet@ggz.example",  # no organisation
        "GGZ Noord;Kees;naam@@domein",  # two @
        "Halt;Anna;anna@halt.example",
        "Veilig Thuis;Bo;bo @vt.example",  # a space
    ])
    before = stored()

    preview = import_partners(path, apply=True)

    assert preview.errors == [
        "Regel 3, kolom 'organisatie': de naam van de organisatie ontbreekt.",
        "Regel 4, kolom 'e-mail': 'naam@@domein' is geen e-mailadres: het bevat twee @-tekens; "
        "er hoort er één in.",
        "Regel 6, kolom 'e-mail': 'bo @vt.example' is geen e-mailadres: het bevat een spatie.",
    ]
    assert not preview.applied and stored() == before


def test_every_problem_of_one_row_is_named(profile, write_csv) -> None:
    path = write_csv(["organisatie;domein;convenant;contactpersoon;e-mail",
                      "GGZ Noord;ziekenhuis;misschien;Kees;kees@"])

    preview = import_partners(path, apply=True)

    assert [e.split(":")[0] for e in preview.errors] == [
        "Regel 2, kolom 'domein'", "Regel 2, kolom 'convenant'", "Regel 2, kolom 'e-mail'"]
    assert preview.errors[2].endswith("er ontbreekt een domein na de @ (zoals "
                                      "naam@organisatie.nl).")
