"""The catalogues follow the code: every text marked in src/ is in locale/zvh.pot and
translated in English, no Dutch text is left bare in the code, and the glossary is kept.

`make i18n` brings the files up to date; these tests name what is missing."""

from __future__ import annotations

import re
import subprocess
import sys
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po
from i18nkit import ROOT, dutch_words_in, glossary

from zvh_tui.core import i18n

POT = i18n.LOCALE_DIR / "zvh.pot"
EN = i18n.catalogue_path("en")
# Files whose Dutch texts are not yet marked for translation (issue 17, in progress).
PENDING: frozenset[str] = frozenset()
PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")


def _keywords() -> list[str]:
    """The extraction keywords of the Makefile (one list: `make i18n` and this test agree)."""
    line = next(line for line in (ROOT / "Makefile").read_text().splitlines()
                if line.startswith("I18N_KEYWORDS"))
    return line.split(":=", 1)[1].split()


def _read(path: Path):
    with path.open("rb") as handle:
        return read_po(handle)


def _keys(catalogue) -> set[tuple[str | None, str]]:
    return {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in catalogue if m.id}


def test_the_template_holds_every_marked_text_of_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.pot"
    result = subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "-q", "extract", *_keywords(),
         "--no-location", "-o", str(fresh), str(ROOT / "src" / "zvh_tui")],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    in_code, in_template = _keys(_read(fresh)), _keys(_read(POT))
    missing = sorted(in_code - in_template, key=str)
    gone = sorted(in_template - in_code, key=str)
    assert not missing and not gone, (
        f"locale/zvh.pot is out of date with the code: run `make i18n`.\n"
        f"new in the code ({len(missing)}): {missing[:20]}\ngone from the code ({len(gone)}): {gone[:20]}")


def test_every_text_of_a_translation_call_is_in_the_template() -> None:
    """Babel's extraction can miss a call inside an f-string (`f"<th>{_('Leefgebied')}</th>"`):
    every literal text given to a translation function must be in the template, or it stays
    Dutch in English."""
    import ast

    in_template = {text for _context, text in _keys(_read(POT))}
    text_at = {"_": 0, "N_": 0, "ngettext": 0, "pgettext": 1, "npgettext": 1, "M": 1, "Mn": 1}
    missing = []
    for path in sorted((ROOT / "src" / "zvh_tui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            position = text_at.get(node.func.id)
            if position is None or len(node.args) <= position:
                continue
            text = node.args[position]
            if isinstance(text, ast.Constant) and isinstance(text.value, str) and text.value not in in_template:
                missing.append(f"{path.relative_to(ROOT)}:{node.lineno}: {text.value[:60]}")
    assert not missing, f"texts the template lacks (take the call out of the f-string): {missing}"


def test_every_text_is_translated_into_english() -> None:
    template, english = _read(POT), _read(EN)
    missing = sorted(_keys(template) - _keys(english), key=str)
    assert not missing, f"not in the English catalogue (run `make i18n`): {missing[:20]}"
    untranslated, fuzzy, placeholders = [], [], []
    for message in english:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            untranslated.append(message.id)
        if message.fuzzy:
            fuzzy.append(message.id)
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        wanted = {name for text in ids for name in PLACEHOLDER.findall(text)}
        for text in strings:
            if text and set(PLACEHOLDER.findall(text)) != wanted:
                placeholders.append((message.id, text))
    assert not untranslated, f"{len(untranslated)} texts without English: {untranslated[:20]}"
    assert not fuzzy, f"fuzzy (unchecked) translations: {fuzzy[:20]}"
    assert not placeholders, f"placeholders differ from the Dutch: {placeholders[:10]}"


def test_the_english_catalogue_holds_no_dutch_words() -> None:
    found = []
    for message in _read(EN):
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            words = dutch_words_in(PLACEHOLDER.sub(" ", text))
            if words:
                found.append((text, words))
    assert not found, f"English texts with Dutch words (not glossary terms): {found[:20]}"


@cache
def _bare_literals() -> tuple[str, ...]:
    """What scripts/i18n_literals.py finds (once for both tests below)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import i18n_literals
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    return tuple(i18n_literals.scan())


def test_no_dutch_text_is_left_outside_a_translation_function() -> None:
    problems = [p for p in _bare_literals() if p.split(":", 1)[0] not in PENDING]
    assert not problems, (f"{len(problems)} Dutch texts in the code do not go through _() or M() "
                          f"(core/i18n.py; scripts/i18n_literals.py lists them):\n" + "\n".join(problems[:40]))


def test_the_files_still_to_be_translated_are_listed_and_the_list_only_shrinks() -> None:
    """Issue 17 is not finished: PENDING names the files whose texts are not yet marked. A file
    that is done must leave the list (the test above then holds it to no bare Dutch text)."""
    still = {p.split(":", 1)[0] for p in _bare_literals()}
    done = sorted(PENDING - still)
    assert not done, f"no bare Dutch text left in these files: take them off PENDING: {done}"


def test_the_glossary_is_followed_in_english() -> None:
    """Where a Dutch text uses a glossary term, its English uses the English term (or keeps the
    Dutch one, for the terms partners know in Dutch)."""
    english = _read(EN)
    broken = []
    for row in glossary():
        # the whole word with its Dutch plural (doel, doelen; pet, petten), not a longer word that
        # starts with it ('actief' is no 'actie', 'doelbinding' no 'doel')
        term = re.compile(rf"(?<!\w){re.escape(row['nl'])}(?:s|'s|n|en|[a-z]en)?(?!\w)", re.IGNORECASE)
        accepted = [row["en"], row["nl"], *(word for word in row["also"].split("|") if word)]
        for message in english:
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if not message.id or not any(term.search(text) for text in ids):
                continue
            for text in strings:
                if text and not any(word.casefold() in text.casefold() for word in accepted):
                    broken.append((row["nl"], ids[0], text))
    assert not broken, f"{len(broken)} translations leave the glossary: {broken[:20]}"


def test_the_glossary_pairs_each_dutch_term_with_one_english_one() -> None:
    rows = glossary()
    terms = [row["nl"].casefold() for row in rows]
    assert len(terms) == len(set(terms)), "a Dutch term is twice in the glossary"
    assert all(row["en"] and row["keep_dutch"] in ("yes", "no") for row in rows)
