"""Dutch texts in src/ that do not go through a translation function.

    .venv/bin/python scripts/i18n_literals.py [PATH ...]

Lists every string literal (and f-string) under src/zvh_tui that holds a word of
tests/i18n/dutch_words.txt and is not the text of `_()`, `N_()`, `ngettext()`, `pgettext()`,
`npgettext()`, `M()` or `Mn()` (core/i18n.py). Docstrings are not shown to the user and are
skipped. A literal that is data, not a text for the user (the demo's client stories, words
the user may type such as 'vandaag', a column name of an import file), is exempted with a
comment `# i18n: <why>` on one of its lines or on the first line of its statement; a plain string
beside a marked one in a tuple (`("gedaan", N_("gedaan"))`, a stored code and its label), a
string compared (`word == "/einde"`), a dict key, a widget id or class (`id=`, `classes=`) and a
CSS selector (`"#afschaling"`) are codes, not texts. Exits 1 when
it finds one: tests/i18n/test_catalogues.py runs it, so CI fails on a Dutch text left bare.
"""

from __future__ import annotations

import ast
import io
import re
import sys
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "zvh_tui"
WORDS_FILE = ROOT / "tests" / "i18n" / "dutch_words.txt"
MARKERS = {"_", "N_", "ngettext", "pgettext", "npgettext", "M", "Mn", "gettext"}
# Whole files that are data: the demo's fictional client stories and names (Dutch, as a Dutch
# house's data would be).
DATA_FILES = {"demo/texts.py"}
EXEMPT = re.compile(r"#\s*i18n:")


def dutch_words() -> frozenset[str]:
    lines = WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _pattern(words: frozenset[str]) -> re.Pattern[str]:
    alternatives = "|".join(sorted((re.escape(word) for word in words), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def _plain(text: str) -> str:
    """The words of a text: placeholders, Rich markup and escapes out."""
    text = re.sub(r"\{[^{}]*\}", " ", text)
    return re.sub(r"\[/?[a-z][^\]]*\]", " ", text)


def _exempt_lines(source: str) -> set[int]:
    lines: set[int] = set()
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT and EXEMPT.search(token.string):
            lines.add(token.start[0])
    return lines


def _call_name(node: ast.Call) -> str:
    if isinstance(node.func, ast.Name):
        return node.func.id
    return node.func.attr if isinstance(node.func, ast.Attribute) else ""


CODE_KEYWORDS = {"id", "classes", "group", "name"}
SELECTOR = re.compile(r"^[#.][\w-]+(?:[ >,]+[#.]?[\w-]+)*$")


def _plain_strings(node: ast.AST) -> bool:
    """A string constant, or a tuple/list/set of them."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return bool(node.elts) and all(_plain_strings(item) for item in node.elts)
    return False


def _literals(tree: ast.AST):
    """(literal, text, first line of its innermost statement) for every string literal that
    is not a docstring, a bare string statement or the text of a translation call: one walk."""
    stack: list[tuple[ast.AST, int]] = [(tree, 1)]
    while stack:
        node, statement = stack.pop()
        if isinstance(node, ast.stmt):
            statement = node.lineno
            if isinstance(node, ast.Expr) and isinstance(node.value, (ast.Constant, ast.JoinedStr)):
                continue  # a docstring or a bare string: a comment, never shown
        if isinstance(node, ast.Tuple) and any(
                isinstance(item, ast.Call) and _call_name(item) in MARKERS for item in node.elts):
            # ("gedaan", N_("gedaan")): a stored code paired with its marked label
            stack.extend((item, statement) for item in node.elts
                         if not (isinstance(item, ast.Constant) and isinstance(item.value, str)))
            continue
        if isinstance(node, ast.Compare):
            # `word == "/einde"`, `kind in ("besluit", …)`: what is compared is a code or a typed
            # word, never a text shown
            stack.extend((item, statement) for item in (node.left, *node.comparators)
                         if not _plain_strings(item))
            continue
        if isinstance(node, ast.Dict):
            # {"grondslag": …}: keys are a file format's or a table's codes
            stack.extend((value, statement) for value in node.values)
            stack.extend((key, statement) for key in node.keys
                         if key is not None and not _plain_strings(key))
            continue
        if isinstance(node, ast.keyword) and node.arg in CODE_KEYWORDS:
            continue  # id="afschalen", classes="…": widget ids and CSS classes
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and SELECTOR.match(node.value):
            continue  # query_one("#afschaling")
        if isinstance(node, ast.Call) and _call_name(node) in MARKERS:
            stack.append((node.func, statement))
            stack.extend((keyword, statement) for keyword in node.keywords)
            continue  # its arguments are the text (and its parameters' own texts are marked)
        if isinstance(node, ast.JoinedStr):
            text = "".join(part.value for part in node.values
                           if isinstance(part, ast.Constant) and isinstance(part.value, str))
            yield node, text, statement
            stack.extend((part.value, statement) for part in node.values
                         if isinstance(part, ast.FormattedValue))
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node, node.value, statement
            continue
        stack.extend((child, statement) for child in ast.iter_child_nodes(node))


def scan_file(path: Path, pattern: re.Pattern[str]) -> list[tuple[int, str]]:
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    exempt = _exempt_lines(source)
    found: list[tuple[int, str]] = []
    for node, text, statement in _literals(tree):
        if not pattern.search(_plain(text)):
            continue
        span = set(range(node.lineno, (node.end_lineno or node.lineno) + 1))
        span.add(statement)
        if span & exempt:
            continue
        found.append((node.lineno, text.replace("\n", "\\n")[:100]))
    return sorted(found)


def scan(paths: list[Path] | None = None) -> list[str]:
    pattern = _pattern(dutch_words())
    files = []
    for root in paths or [SOURCE]:
        files += [root] if root.is_file() else sorted(root.rglob("*.py"))
    problems: list[str] = []
    for path in files:
        relative = path.resolve().relative_to(SOURCE).as_posix() if path.resolve().is_relative_to(SOURCE) else str(path)
        if relative in DATA_FILES:
            continue
        for line, text in scan_file(path, pattern):
            problems.append(f"src/zvh_tui/{relative}:{line}: {text}")
    return problems


def main(argv: list[str]) -> int:
    problems = scan([Path(arg) for arg in argv] or None)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} Dutch texts outside a translation function (core/i18n.py).", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
