"""CSV import and export of the partner roster: good, messy and broken files, encodings."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from zvh_tui.services.partners import partner_csv
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.partners.partner_csv import import_partners
from zvh_tui.store.models import AuditEvent, Contact, Partner

HEADER = "organisatie;domein;convenant;notities;contactpersoon;functie;telefoon;e-mail;bereikbaarheid"


def roster() -> dict[str, tuple]:
    """What is stored, by organisation name (the own organisation left out)."""
    result = {}
    for partner in Partner.select().where(Partner.is_own == False):  # noqa: E712
        people = sorted(
            (c.name, c.function, c.phone, c.email, c.availability, c.active)
            for c in Contact.select().where(Contact.partner == partner)
        )
        result[partner.name] = (partner.domain, partner.convenant_signed, partner.notes,
                                partner.active, tuple(people))
    return result


def stored_counts() -> tuple[int, int, int]:
    return Partner.select().count(), Contact.select().count(), AuditEvent.select().count()


# -- good and messy files --------------------------------------------------------------------

def test_good_file_previews_then_applies_everything(profile, write_csv) -> None:
    path = write_csv([
        HEADER,
        "Politie eenheid Oost;straf;ja;Wijkteam belt eerst;Jan de Vries;wijkagent;06 11111111;jan@politie.example;ma-vr",
        "Politie eenheid Oost;straf;ja;;Priya Ramdin;jeugdagent;;priya@politie.example;",
        "Veilig Thuis;zorg;nee;;;;;;",
    ], encoding="utf-8-sig")
    before = stored_counts()

    preview = import_partners(path)

    assert preview.ok and not preview.applied, preview.errors
    assert stored_counts() == before  # a preview stores nothing
    assert preview.encoding == "UTF-8" and preview.delimiter == ";"
    assert [(r.line, r.action_label, r.organisation, r.contact) for r in preview.rows] == [
        (2, "toevoegen", "Politie eenheid Oost", "Jan de Vries"),
        (3, "toevoegen", "Politie eenheid Oost", "Priya Ramdin"),
        (4, "toevoegen", "Veilig Thuis", ""),
    ]
    assert preview.rows[0].reason == "nieuwe organisatie; nieuwe contactpersoon Jan de Vries"
    assert preview.rows[1].reason == "nieuwe contactpersoon Priya Ramdin"

    applied = import_partners(path, apply=True)

    assert applied.applied
    assert applied.summary().startswith("Ingelezen: 2 nieuwe en 0 bijgewerkte organisaties, "
                                        "2 nieuwe en 0 bijgewerkte contactpersonen")
    assert roster() == {
        "Politie eenheid Oost": ("straf", True, "Wijkteam belt eerst", True, (
            ("Jan de Vries", "wijkagent", "06 11111111", "jan@politie.example", "ma-vr", True),
            ("Priya Ramdin", "jeugdagent", "", "priya@politie.example", "", True),
        )),
        "Veilig Thuis": ("zorg", False, "", True, ()),
    }
    event = AuditEvent.select().where(AuditEvent.event == "import").get()
    assert event.detail == "partners+2 ~0 contacts+2 ~0 skipped=0"
    assert "Politie" not in event.detail  # ids and counts only


def test_messy_file_with_commas_spaces_and_mixed_case_headers(profile, write_csv) -> None:
    path = write_csv([
        "  ORGANISATIE , Domain ,Convenant,  E-Mail ,Contact Person,Telefoon,Opmerkingen,Kleur",
        "  GGZ Noord  ,  Zorg , X ,  kees@ggz.example , Kees Bakker ,  010 1234567 , , blauw",
        '"Wonen, Woonstichting Oost",WONEN,nee,,,,"Let op: ""sleutelbeheer""",',
        ",,,,,,,",
        "",
    ], eol="\n")

    preview = import_partners(path, apply=True)

    assert preview.ok, preview.errors
    assert preview.delimiter == ","
    assert preview.notices == ["Kolom 'Kleur' wordt niet ingelezen (onbekende kolom)."]
    assert [r.line for r in preview.rows] == [2, 3]  # empty rows are passed over
    assert roster() == {
        "GGZ Noord": ("zorg", True, "", True, (
            ("Kees Bakker", "", "010 1234567", "kees@ggz.example", "", True),)),
        "Wonen, Woonstichting Oost": ("wonen", False, 'Let op: "sleutelbeheer"', True, ()),
    }


def test_windows_1252_file_with_accents(profile, write_csv) -> None:
    path = write_csv([
        "Organisatie;Domein;Contactpersoon;Functie",
        "Stichting Bébé;zorg;Zoë Müller-Öztürk;coördinator",
    ], encoding="cp1252")

    preview = import_partners(path, apply=True)

    assert preview.ok and preview.encoding == "Windows-1252"
    assert roster()["Stichting Bébé"][4][0][:2] == ("Zoë Müller-Öztürk", "coördinator")


def test_utf8_with_bom_and_excel_sep_line(profile, write_csv) -> None:
    path = write_csv(["sep=,", "naam,domein,notities", "Reclassering Nederland,straf,één team"],
                     encoding="utf-8-sig")

    preview = import_partners(path, apply=True)

    assert preview.ok, preview.errors
    assert preview.rows[0].line == 3  # lines count as in a text editor, the sep line too
    assert roster() == {"Reclassering Nederland": ("straf", False, "één team", True, ())}


def test_updates_and_skips_against_what_is_stored(profile, write_csv) -> None:
    police = partners.create_partner("Politie eenheid Oost", "straf", convenant_signed=False)
    partners.add_contact(police, "Jan de Vries", phone="06 11111111")
    old = partners.create_partner("Halt Oost", "straf")
    partners.deactivate_partner(old)
    path = write_csv([
        HEADER,
        "politie eenheid oost;;ja;;jan de vries;wijkagent;06 11111111;;",
        "Politie eenheid Oost;straf;;;;;;;",
        "Halt Oost;onderwijs;;;;;;;",
    ])

    preview = import_partners(path)

    rows = {r.line: r for r in preview.rows}
    assert rows[2].action_label == "bijwerken"
    assert rows[2].organisation == "Politie eenheid Oost"  # the stored spelling
    assert rows[2].reason == ("organisatie bijgewerkt: convenant ja; "
                              "contactpersoon Jan de Vries bijgewerkt: functie")
    assert (rows[3].action_label, rows[3].reason) == ("overslaan",
                                                      "organisatie al bekend, niets veranderd")
    assert rows[4].action_label == "overslaan"
    assert "gedeactiveerd" in rows[4].reason
    import_partners(path, apply=True)
    stored = roster()
    assert stored["Politie eenheid Oost"][:2] == ("straf", True)
    assert stored["Politie eenheid Oost"][4][0][:3] == ("Jan de Vries", "wijkagent", "06 11111111")
    assert stored["Halt Oost"][0] == "straf"  # a deactivated partner is not touched


# -- broken files: nothing changes -------------------------------------------------------------

@pytest.mark.parametrize(("line", "message"), [
    ("Ziekenhuis Oost;ziekenhuis;ja;;;;;;",
     "Regel 3, kolom 'domein': 'ziekenhuis' is geen domein (kies uit straf, zorg, gemeente, "
     "veiligheid, wonen, onderwijs, overig)."),
    (" ;zorg;ja;;Piet;;;;", "Regel 3, kolom 'organisatie': de naam van de organisatie ontbreekt."),
    ("GGZ Noord;zorg;ja;;Piet;;;piet.ggz.example;",
     "Regel 3, kolom 'e-mail': 'piet.ggz.example' is geen e-mailadres: er ontbreekt een @."),
    ("GGZ Noord;zorg;ja;;Piet;;;", "Regel 3: 8 kolommen, maar de kopregel heeft er 9. Staat er "
     "een ';' in een waarde zonder aanhalingstekens?"),
    ("GGZ Noord;zorg;misschien;;;;;;",
     "Regel 3, kolom 'convenant': 'misschien' is geen ja of nee (gebruik ja/nee, j/n, x of leeg, "
     "1/0)."),
    ("GGZ Noord;zorg;ja;;;functie zonder naam;;;",
     "Regel 3, kolom 'contactpersoon': de naam van de contactpersoon ontbreekt (er staan wel "
     "gegevens van een contactpersoon in deze regel)."),
    ("Veilig Thuis;straf;ja;;;;;;", "Regel 3, kolom 'domein': 'straf' verschilt van regel 2 "
     "('zorg') voor dezelfde organisatie of contactpersoon; maak de regels gelijk of laat de "
     "cel leeg."),
])
def test_a_broken_row_stores_nothing_and_names_row_and_column(profile, write_csv, line,
                                                               message) -> None:
    path = write_csv([HEADER, "Veilig Thuis;zorg;ja;;Anna;;;anna@vt.example;", line,
                      "Wijkteam Zuid;gemeente;ja;;;;;;"])
    before = stored_counts()

    preview = import_partners(path, apply=True)

    assert preview.errors == [message]
    assert not preview.applied
    assert stored_counts() == before
    assert preview.summary() == "Het bestand is niet ingelezen; er is niets veranderd."


def test_all_problems_are_listed_in_file_order(profile, write_csv) -> None:
    path = write_csv([HEADER, "A;ziekenhuis;;;;;;;", "B;zorg;;;", ";zorg;;;;;;;"])

    preview = import_partners(path, apply=True)

    assert [e.split(":")[0].split(",")[0] for e in preview.errors] == ["Regel 2", "Regel 3",
                                                                       "Regel 4"]
    assert roster() == {}


@pytest.mark.parametrize(("content", "message"), [
    (b"", "Het bestand is leeg."),
    (b"domein;notities\r\nzorg;x\r\n", "Regel 1: er is geen kolom 'organisatie'"),
    (b"naam;organisatie\r\nx;y\r\n", "Regel 1: de kolommen 'naam' en 'organisatie' betekenen"),
    (b"PK\x03\x04rest-of-a-zip", "Dit is een Excel-werkmap (.xlsx)"),
    ("naam;domein\r\nA;zorg\r\n".encode("utf-16"), "opgeslagen als UTF-16"),
    (b'naam;domein\r\n"A;zorg\r\n', "Regel 2: het bestand is hier niet als CSV te lezen (een "
     "aanhalingsteken wordt niet afgesloten)."),
])
def test_unreadable_files_are_refused(profile, tmp_path: Path, content: bytes,
                                      message: str) -> None:
    path = tmp_path / "kapot.csv"
    path.write_bytes(content)

    preview = import_partners(path, apply=True)

    assert len(preview.errors) == 1 and message in preview.errors[0], preview.errors
    assert roster() == {}


def test_missing_file_is_a_dutch_message(profile, tmp_path: Path) -> None:
    preview = import_partners(tmp_path / "bestaat-niet.csv")
    assert preview.errors == [f"Het bestand '{tmp_path / 'bestaat-niet.csv'}' bestaat niet."]


def test_huge_files_are_refused(profile, write_csv, monkeypatch) -> None:
    monkeypatch.setattr(partner_csv, "MAX_ROWS", 3)
    many = write_csv(["naam"] + [f"Partner {i}" for i in range(5)], name="veel.csv")
    assert import_partners(many).errors == [
        "Het bestand heeft meer dan 3 regels; dat is te veel voor één import. Splits het bestand."]

    monkeypatch.setattr(partner_csv, "MAX_BYTES", 1000)
    big = write_csv(["naam", "x" * 2000], name="groot.csv")
    assert import_partners(big, apply=True).errors[0].startswith("Het bestand is te groot")
    assert roster() == {}


# -- export ------------------------------------------------------------------------------------

def test_export_is_excel_csv_and_reads_back_unchanged(profile, tmp_path: Path) -> None:
    police = partners.create_partner("Politie; eenheid \"Oost\"", "straf", convenant_signed=True,
                                     notes="Twee regels\nmet ; en , erin")
    partners.add_contact(police, "Jan de Vries", function="wijkagent", phone="+31 6 1111 1111",
                         email="jan@politie.example", availability="ma-vr 9-17")
    partners.add_contact(police, "=Som(A1)", function="@test", phone="-")
    partners.create_partner("Café Één", "overig")
    gone = partners.create_partner("Oud Partner", "zorg")
    partners.deactivate_partner(gone)
    path = tmp_path / "export.csv"

    rows = partner_csv.export_partners(path)

    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf" + HEADER.encode() + b"\r\n")
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows == len(table) - 1 == 4  # two contacts, a partner without, the own organisation
    assert ["Café Één", "overig", "nee", "", "", "", "", "", ""] in table
    formula = next(r for r in table if r[4].endswith("Som(A1)"))
    assert formula[4:7] == ["'=Som(A1)", "'@test", "-"]  # no formulas for Excel
    assert not any("Oud Partner" in r[0] for r in table)  # the roster is the active partners
    assert AuditEvent.select().where(AuditEvent.event == "export").count() == 1

    # reading the export back changes nothing
    again = import_partners(path)
    assert again.ok and again.changes == 0
    assert {r.action for r in again.rows} == {"skip"}

    # and into an empty roster it brings back exactly what was exported
    before = {k: v for k, v in roster().items() if k != "Oud Partner"}
    for partner in Partner.select().where(Partner.is_own == False):  # noqa: E712
        partners.delete_partner(partner)
    assert roster() == {}
    assert import_partners(path, apply=True).applied
    assert roster() == before


def test_export_into_a_missing_folder_is_refused(profile, tmp_path: Path) -> None:
    with pytest.raises(partners.ValidationError, match="bestaat niet"):
        partner_csv.export_partners(tmp_path / "nergens" / "x.csv")


# -- the commands `zvh import-partners` and `zvh export-partners` --------------------------------

@pytest.fixture
def zvh(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path):
    """Run `zvh --data-dir <new profile> ARGS…` in this process; return (status, out, err)."""
    import sys
    import threading

    from zvh_tui.cli import commands as cli

    monkeypatch.setenv("ZVH_PASSPHRASE", "test-wachtwoord-1")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # main() installs its own
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    data_dir = str(tmp_path / "cli-profiel")
    assert cli.main(["--data-dir", data_dir, "init"]) == 0  # only init, demo and the app create

    def run(*args: str) -> tuple[int, str, str]:
        status = cli.main(["--data-dir", data_dir, *args])
        out, err = capsys.readouterr()
        return status, out, err

    return run


def test_import_and_export_commands(zvh, write_csv, tmp_path: Path) -> None:
    good = write_csv([HEADER, "Reclassering Oost;straf;ja;;Bram Jansen;;;bram@rn.example;"])

    status, out, err = zvh("import-partners", str(good))  # no terminal to ask: refused
    assert status == 2 and "--yes" in err
    assert "toevoegen" in out and "Reclassering Oost" in out  # the preview was shown

    status, out, _ = zvh("import-partners", str(good), "--yes")
    assert status == 0
    assert "Ingelezen: 1 nieuwe en 0 bijgewerkte organisaties, 1 nieuwe" in out

    broken = write_csv([HEADER, "Kapot;ziekenhuis;;;;;;;"], name="kapot.csv")
    status, out, err = zvh("import-partners", str(broken), "--yes")
    assert status == 2 and out == ""
    assert "Regel 2, kolom 'domein': 'ziekenhuis' is geen domein" in err

    target = tmp_path / "roster.csv"
    status, out, _ = zvh("export-partners", str(target))
    assert status == 0 and "geschreven naar" in out
    table = list(csv.reader(io.StringIO(target.read_text("utf-8-sig")), delimiter=";"))
    assert ["Reclassering Oost", "straf", "ja", "", "Bram Jansen", "", "", "bram@rn.example",
            ""] in table
    assert not any(row[0] == "Kapot" for row in table)
    assert oct(target.stat().st_mode & 0o777) == "0o600"
