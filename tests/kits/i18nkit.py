"""Tests in both languages: the Dutch-only words an English screen must not show, and the
language switched for one test (tests/conftest.py sets Dutch back after every test)."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pytest

from zvh_tui.core import i18n

ROOT = Path(__file__).resolve().parents[2]
WORDS_FILE = ROOT / "tests" / "i18n" / "dutch_words.txt"
GLOSSARY = i18n.LOCALE_DIR / "glossary.csv"
LANGUAGES = pytest.mark.parametrize("language", i18n.LANGUAGES)


@cache
def dutch_words() -> frozenset[str]:
    lines = WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@cache
def glossary() -> tuple[dict[str, str], ...]:
    with GLOSSARY.open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))


@cache
def kept_dutch_terms() -> tuple[str, ...]:
    """The Dutch terms English keeps beside its own (the glossary's keep_dutch, its 'also')."""
    terms: set[str] = set()
    for row in glossary():
        if row["keep_dutch"] == "yes":
            terms.add(row["nl"])
            terms.update(word for word in row["also"].split("|") if word)
    return tuple(sorted(terms, key=len, reverse=True))


def dutch_words_in(text: str, allowed: Iterable[str] = ()) -> list[str]:
    """The Dutch-only words in `text` (an English screen, an English export), in order, leaving
    out the glossary's kept Dutch terms and what the test names as user data in `allowed`."""
    for term in [*allowed, *kept_dutch_terms()]:
        text = re.sub(re.escape(term), " ", text, flags=re.IGNORECASE)
    found = []
    for word in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text):
        if word.casefold() in dutch_words():
            found.append(word)
    return found


def set_language(language: str) -> None:
    i18n.set_language(language)
