"""The partner services in English (issue 17): refusals carry a message id with parameters and
read in English; a broken CSV import is explained in English (the file's own column names as
the file has them), and the import's preview and report are English. Dutch is set back after
every test (tests/conftest.py)."""

from __future__ import annotations

import pytest
from i18nkit import dutch_words_in

from zvh_tui.core import i18n
from zvh_tui.core.errors import NotFound, RuleError, ValidationError
from zvh_tui.core.i18n import _
from zvh_tui.services.partners import participants, partner_csv, partner_overview, provisions
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.partners.partner_csv import import_partners

HEADER = "organisatie;domein;convenant;notities;contactpersoon;functie;telefoon;e-mail;bereikbaarheid"
# The file's own header names (Dutch, as the user's file has them): user data in a message.
FILE_HEADERS = HEADER.split(";")


@pytest.fixture
def english() -> None:
    i18n.set_language("en")


def test_a_broken_csv_is_explained_in_english_and_nothing_changes(
    profile, write_csv, english
) -> None:
    path = write_csv([
        HEADER,
        "GGZ Noord;zorg;misschien;;;;;;",
        " ;zorg;ja;;Piet;;;;",
        "GGZ Oost;zorg;ja;;Piet;;;piet.ggz.example;",
        "GGZ Zuid;zorg;ja;;Piet;;;",
        "Ziekenhuis Oost;ziekenhuis;ja;;;;;;",
    ])
    before = partners.list_partners(include_inactive=True)
    preview = import_partners(path, apply=True)
    assert not preview.ok and not preview.applied
    assert partners.list_partners(include_inactive=True) == before
    assert preview.errors[:4] == [
        "Line 2, column 'convenant': 'misschien' is not yes or no (use yes/no, y/n, x or empty, 1/0).",
        "Line 3, column 'organisatie': the organisation's name is missing.",
        "Line 4, column 'e-mail': 'piet.ggz.example' is not an email address: "
        + preview.errors[2].split("email address: ", 1)[1],
        "Line 5: 8 columns, but the header line has 9. Is there a ';' in a value without "
        "quotation marks?",
    ]
    assert preview.errors[4].startswith("Line 6, column 'domein': 'ziekenhuis' is not a domain "
                                        "(choose from ")
    assert preview.summary() == "The file was not imported; nothing has changed."
    text = partner_csv.format_preview(preview)
    assert text.startswith("The file cannot be imported; nothing changes:\n  Line 2")
    user_data = [*FILE_HEADERS, "misschien", "ziekenhuis", "piet.ggz.example"]
    # the e-mail check's own reason comes from services/shared/validate.py (not this slice)
    assert dutch_words_in("\n".join(preview.errors[:2] + preview.errors[3:4]), allowed=user_data) == []


def test_a_file_without_an_organisation_column_names_english_headers(
    profile, write_csv, english
) -> None:
    path = write_csv(["kleur;telefoon", "blauw;010 1234567"])
    preview = import_partners(path)
    assert preview.errors == [
        "Line 1: there is no column 'organisation' (or 'name'). The header line must name the "
        "columns, for example: organisation;domain;covenant;notes;contact;function;phone;email;"
        "availability."]
    # the English header names it offers are read by the import too
    assert partner_csv.column_key("covenant") == "convenant"
    assert partner_csv.column_key("availability") == "availability"


def test_an_unreadable_file_is_explained_in_english(profile, tmp_path, english) -> None:
    workbook = tmp_path / "partners.xlsx"
    workbook.write_bytes(b"PK\x03\x04rest of a zip")
    assert import_partners(workbook).errors == [
        "This is an Excel workbook (.xlsx), not a CSV file. In Excel choose 'Save As' and then "
        "'CSV (comma delimited)'."]
    missing = tmp_path / "nergens.csv"
    assert import_partners(missing).errors == [f"The file '{missing}' does not exist."]


def test_the_import_preview_and_report_are_english(profile, write_csv, english) -> None:
    path = write_csv([
        HEADER,
        "Politie eenheid Oost;straf;ja;;Jan de Vries;wijkagent;06 11111111;jan@politie.example;",
        "Politie eenheid Oost;straf;ja;;Priya Ramdin;jeugdagent;;;",
        "Veilig Thuis;zorg;nee;;;;;;",
    ])
    preview = import_partners(path)
    assert preview.ok, preview.errors
    assert [(r.action_label, r.reason) for r in preview.rows] == [
        ("add", "new organisation; new contact Jan de Vries"),
        ("add", "new contact Priya Ramdin"),
        ("add", "new organisation"),
    ]
    lines = partner_csv.format_preview(preview).splitlines()
    assert lines[0].split() == ["Line", "Action", "Organisation", "Contact", "Reason"]
    assert lines[-1] == ("2 new and 0 updated organisations, 2 new and 0 updated contacts, "
                         "0 lines skipped.")
    applied = import_partners(path, apply=True)
    assert applied.summary() == ("Imported: 2 new and 0 updated organisations, 2 new and 0 "
                                 "updated contacts, 0 lines skipped.")
    again = import_partners(path)
    assert again.summary().endswith("3 lines skipped.")
    assert [r.reason for r in again.rows] == [
        "contact Jan de Vries already known, nothing changed",
        "contact Priya Ramdin already known, nothing changed",
        "organisation already known, nothing changed",
    ]
    assert dutch_words_in("\n".join(partner_csv.format_preview(again).splitlines())) == []


def test_roster_refusals_carry_ids_and_read_in_english(network, english) -> None:
    with pytest.raises(ValidationError) as taken:
        partners.create_partner("Wijkteam Zuid", "gemeente")
    assert taken.value.msgid == "partners.roster.name_taken"
    assert taken.value.params == {"name": "Wijkteam Zuid"}
    assert str(taken.value) == "There is already a partner named 'Wijkteam Zuid'."
    with pytest.raises(NotFound) as gone:
        partners.get_partner(999_999)
    assert gone.value.msgid == "partners.roster.no_partner"
    assert str(gone.value) == "This partner does not exist (any more)."
    with pytest.raises(ValidationError) as other:
        partners.contact_of(network.team, network.agent.id)
    assert other.value.msgid == "partners.roster.contact_other_partner"
    assert str(other.value) == "This contact does not belong to that partner."


def test_participant_refusals_and_warnings_read_in_english(case, network, english) -> None:
    referrer = next(p for p in participants.participants_of(case)
                    if p.partner_id == network.police.id)
    with pytest.raises(RuleError) as caught:
        participants.check_removable(referrer)
    assert caught.value.msgid in ("partners.participants.remove_referrer",
                                  "partners.participants.remove_director")
    assert str(caught.value) in ("The referrer stays part of the case.",
                                 "The case director cannot leave: appoint another one first.")
    with pytest.raises(RuleError) as twice:
        participants.add_participant(case, network.police.id)
    assert twice.value.msgid == "partners.participants.already"
    assert twice.value.params == {"partner": "Politie eenheid Oost"}
    assert str(twice.value) == "Politie eenheid Oost is already at the table in this case."
    added = participants.add_participant(case, network.ggz.id)
    assert added.warnings == [
        "Note: GGZ Noord FACT-team has not signed the privacy covenant. Share only what fits "
        "the purpose limitation."]


def test_provision_refusals_and_labels_read_in_english(case, network, english) -> None:
    with pytest.raises(ValidationError) as caught:
        provisions.record(case, "besluitenlijst", partner=network.police, basis="   ")
    assert caught.value.msgid == "partners.provisions.basis_required"
    assert str(caught.value) == "On what legal basis is this provided? Fill in the legal basis."
    table = provisions.record(case, "besluitenlijst")
    row = next(r for r in provisions.of_case(case) if r.id == table.id)
    assert row.partner == "all partners at the table" and row.to_table
    assert provisions.overdue_badge(["besluitenlijst"]).endswith(" late")
    assert provisions.overdue_badge(["besluitenlijst", "verslag"]).count(" and ") == 1


def test_overview_texts_are_marked_and_translated_where_shown(english) -> None:
    assert partner_overview.INACTIVE == "gedeactiveerd"  # marked Dutch, translated at use
    assert _(partner_overview.INACTIVE) == "deactivated"
    assert _(partner_overview.NOT_SIGNED) == "covenant not signed"
    assert _(partner_overview.SIGNED) == "covenant signed"
