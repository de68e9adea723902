"""The store's refusals carry message ids and read in English when the UI is English (issue 17)."""

from __future__ import annotations

from pathlib import Path

import pytest
from i18nkit import dutch_words_in

from zvh_tui.core import i18n
from zvh_tui.core.errors import StoreError, ValidationError
from zvh_tui.store import database


@pytest.mark.parametrize(("passphrase", "msgid", "english"), [
    ("", "store.passphrase.empty", "An empty passphrase is not possible: choose a passphrase."),
    ("kort", "store.passphrase.short", "The passphrase must be at least 8 characters long."),
    ("lang genoeg\x07maar", "store.passphrase.control",
     "The passphrase may not contain control characters."),
])
def test_new_passphrase_refusals_in_english(passphrase: str, msgid: str, english: str) -> None:
    with pytest.raises(ValidationError) as caught:
        database.check_new_passphrase(passphrase)
    assert caught.value.msgid == msgid
    i18n.set_language("en")
    assert str(caught.value) == english  # the same refusal, read again in the other language


def test_a_weak_passphrase_is_explained_in_english() -> None:
    i18n.set_language("en")
    with pytest.raises(ValidationError) as caught:
        database.check_new_passphrase("wachtwoord1")
    assert caught.value.msgid == "store.passphrase.weak"
    text = str(caught.value)
    assert text.startswith("This passphrase is too easy to guess (")
    assert dutch_words_in(text) == []
    i18n.set_language("nl")
    assert str(caught.value).startswith("Dit wachtwoord is te makkelijk te raden (")


def test_the_repeat_and_the_file_refusals_in_english(tmp_path: Path) -> None:
    i18n.set_language("en")
    with pytest.raises(ValidationError) as caught:
        database.check_new_passphrase("paars-olifant-fiets-regen", "paars-olifant-fiets-regan")
    assert caught.value.msgid == "store.passphrase.repeat"
    assert str(caught.value) == "The two passphrases are not the same."
    with pytest.raises(StoreError) as refused:
        database.open_with_key(tmp_path / "gone.db", "00" * 32)
    assert refused.value.msgid == "store.file.missing"
    assert str(refused.value) == "The database file does not exist."
    plain = tmp_path / "plain.db"
    plain.write_bytes(database.SQLITE_PLAINTEXT_HEADER + b"\0" * 100)
    with pytest.raises(StoreError) as refused:
        database.read_salt(plain)
    assert str(refused.value) == "This database file is not encrypted. For safety it is not opened."


def test_the_closing_message_follows_the_language() -> None:
    assert str(database.CLOSING_MESSAGE).startswith("Het profiel wordt vergrendeld")
    i18n.set_language("en")
    assert str(database.CLOSING_MESSAGE) == ("The profile is being locked: this work has stopped. "
                                            "Nothing has been lost.")
    assert database.size_text(None) == "almost nothing"
