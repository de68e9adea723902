"""Folding for matching: one rule (services/shared/fold.py) for every search."""

from __future__ import annotations

import pytest

from zvh_tui.services.shared.fold import ascii_fold, fold


@pytest.mark.parametrize(("typed", "stored"), [
    ("celik", "Çelik"),
    ("huseyin", "Hüseyin"),
    ("HÜSEYIN", "hüseyin"),
    ("'s-hertogenbosch", "'s-Hertogenbosch"),
    ("'s-hertogenbosch", "’s-Hertogenbosch"),  # a curly apostrophe, as phones and letters type it
    ("`s-hertogenbosch", "‘s-Hertogenbosch"),
    ("ijsselmonde", "IJsselmonde"),
    ("ijsselmonde", "ĳsselmonde"),  # the ligature ĳ (U+0133) is two letters i j
    ("strasse", "Straße"),
    ("isik", "Işık"),  # Turkish dotless ı
    ("istanbul", "İstanbul"),  # Turkish dotted İ
    ("bjorn", "Bjørn"),
    ("lukasz", "Łukasz"),
    ("financien", "Financiën"),
    ("privacyconvenant", "\ufeffPrivacyconvenánt"),  # a byte-order mark from a CSV file
])
def test_what_is_typed_matches_what_is_stored(typed: str, stored: str) -> None:
    assert fold(typed) == fold(stored)


@pytest.mark.parametrize(("value", "folded"), [
    ("Çelik", "celik"),
    ("Hüseyin Yılmaz", "huseyin yilmaz"),
    ("’s-Hertogenbosch", "'s-hertogenbosch"),
    ("IJsselmonde", "ijsselmonde"),
    ("Straße", "strasse"),
    ("Ærø", "aero"),
    ("Bébé\u200b", "bebe"),  # zero-width space dropped
    ("", ""),
    (None, ""),
])
def test_fold_gives_the_key(value: str | None, folded: str) -> None:
    assert fold(value) == folded


def test_ij_is_not_y_and_hyphens_and_spaces_stay() -> None:
    assert fold("IJsselmonde") != fold("Ysselmonde")
    assert fold("Sint-Oedenrode") == "sint-oedenrode"
    assert fold("Den  Haag") == "den  haag"


def test_ascii_fold_for_file_names() -> None:
    assert ascii_fold("GGZ Brabant-Zuidoost ’s-Hertogenbosch") == "ggz brabant-zuidoost 's-hertogenbosch"
    assert ascii_fold("Zorg 中心 Çelik") == "zorg  celik"
