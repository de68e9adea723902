"""The case journal: text stored exactly, optionally tagged with one of the six hats."""

from __future__ import annotations

import pytest

from zvh_tui.core.errors import ValidationError
from zvh_tui.core.vocab import Hat
from zvh_tui.services.cases import journal
from zvh_tui.store.models import JournalEntry


@pytest.mark.parametrize("hat", [h.value for h in Hat])
def test_each_of_the_six_hats(build, hat) -> None:
    entry = journal.add_entry(build.new_case(), "Gebeld met de wijkagent", hat=hat)
    assert JournalEntry.get_by_id(entry.id).hat == hat


def test_no_hat_is_allowed(build) -> None:
    entry = journal.add_entry(build.new_case(), "Notitie zonder pet")
    stored = JournalEntry.get_by_id(entry.id)
    assert (stored.hat, stored.author) == ("", "tester")


@pytest.mark.parametrize("hat", ["politie", "zorg", "casusregisseur", "procesregisseur"])
def test_unknown_hat_is_refused(build, hat) -> None:
    case = build.new_case()
    with pytest.raises(ValidationError) as info:
        journal.add_entry(case, "Tekst", hat=hat)
    assert "Kies een van de zes petten: onderzoek, hulpverlening, beschikken, casusregie, monitoren, procesregie." == str(
        info.value
    )
    assert info.value.field == "hat"
    assert JournalEntry.select().count() == 0


@pytest.mark.parametrize("body", ["", "   ", "\n\t"])
def test_empty_text_is_refused(build, body) -> None:
    case = build.new_case()
    with pytest.raises(ValidationError, match="Journaaltekst is verplicht"):
        journal.add_entry(case, body, hat="monitoren")
    assert JournalEntry.select().count() == 0


def test_markup_and_line_breaks_are_stored_exactly(build) -> None:
    body = "[bold]Let op[/bold] [/b] [red]x[/]\nregel 2\twith tab [link=https://x]y[/link] \\[esc]"
    entry = journal.add_entry(build.new_case(), body, hat="casusregie")
    assert JournalEntry.get_by_id(entry.id).text == body


def test_control_characters_are_refused(build) -> None:
    case = build.new_case()
    with pytest.raises(ValidationError, match="stuurteken"):
        journal.add_entry(case, "Tekst \x1b[31m rood")
    with pytest.raises(ValidationError, match="leesrichting"):
        journal.add_entry(case, "abc \u202e cba")
    assert JournalEntry.select().count() == 0


def test_entries_newest_first(build) -> None:
    case = build.new_case()
    for body in ("eerste", "tweede", "derde"):
        journal.add_entry(case, body)
    assert [e.text for e in journal.entries(case)] == ["derde", "tweede", "eerste"]
