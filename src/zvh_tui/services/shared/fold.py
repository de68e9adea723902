"""Folding text for matching what the user types: one rule for every search in the app.

`fold` is never stored and never shown: it makes a key to compare, so "celik" finds "Çelik",
"huseyin" finds "Hüseyin" and "'s-hertogenbosch" finds "’s-Hertogenbosch". The choices, for
Dutch names and the names of people with Turkish, Moroccan, Polish or Scandinavian roots:

- accents go (Unicode NFKD, then the combining marks dropped): é→e, ü→u, ç→c, ğ→g;
- case goes with `str.casefold` (not `lower`): ß and ẞ become "ss", so "Straße" = "strasse";
- letters that Unicode does not decompose are spelled out as Dutch keyboards type them:
  ı (Turkish dotless i)→i, ø→o, ł→l, đ→d, æ→ae, œ→oe, þ→th; İ (dotted capital) becomes i;
- the Dutch ij stays "ij": typed as two letters it already is, and the ligature ĳ (U+0133)
  decomposes to "ij" under NFKD; it is never folded to "y" (IJsselmonde ≠ Ysselmonde);
- every apostrophe-like character (’ ‘ ʼ ` ´ ′) becomes the plain apostrophe ', so a name
  typed on a phone or pasted from a letter matches one typed on a keyboard;
- invisible format characters (a byte-order mark at the start of a CSV file, a zero-width
  space or a soft hyphen from a pasted text) are dropped.

Hyphens, spaces and other punctuation stay as they are: splitting into words is the caller's
business.
"""

from __future__ import annotations

import unicodedata

_APOSTROPHES = "\u2019\u2018\u02bc\u0060\u00b4\u2032\u02b9\u02bb"

_SPELLED = str.maketrans({
    **dict.fromkeys(_APOSTROPHES, "'"),
    "ı": "i",
    "ø": "o", "Ø": "o",
    "ł": "l", "Ł": "l",
    "đ": "d", "Đ": "d",
    "æ": "ae", "Æ": "ae",
    "œ": "oe", "Œ": "oe",
    "þ": "th", "Þ": "th",
})


def fold(text: str | None) -> str:
    """Lower case without accents (see the module's docstring): 'Çelik' → 'celik'."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPELLED))
    kept = "".join(
        ch for ch in decomposed
        if not unicodedata.combining(ch) and unicodedata.category(ch) != "Cf"
    )
    return kept.casefold()


def ascii_fold(text: str | None) -> str:
    """`fold`, then anything still outside ASCII dropped (for file names, not for matching)."""
    return fold(text).encode("ascii", "ignore").decode("ascii")
