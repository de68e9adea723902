"""Pasted text reaches the app whole: ESC and NUL inside a bracketed paste are kept.

Textual's terminal parser (8.2) treats an ESC inside a bracketed paste as the start of a key
sequence: the text after it is sent as separate key presses *before* the paste itself, with the
ESC turned into "^" (pasted text that moves around), and it drops NUL characters from every
paste. The app could then store something other than what was pasted without a word.

`install()` wraps the parser's `feed` so that, between the bracketed-paste markers only, ESC and
NUL are replaced by two Unicode noncharacters (which no real text holds); `restore()` turns them
back, so the app sees exactly what was pasted and can refuse it with a reason
(`services.text.paste_refusal`).
"""

from __future__ import annotations

from collections.abc import Iterable

from zvh_tui.compat.textual import XTermParser  # a private module of Textual (tests/compat)

START, END = "\x1b[200~", "\x1b[201~"
ESC_MARK, NUL_MARK = "\ufdd0", "\ufdd1"

_original_feed = XTermParser.feed


def _held_back(text: str, marker: str) -> int:
    """How many characters at the end of `text` could be the start of `marker`."""
    for size in range(min(len(marker) - 1, len(text)), 0, -1):
        if marker.startswith(text[-size:]):
            return size
    return 0


def protect(state: dict[str, object], data: str) -> str:
    """`data` with ESC and NUL inside a bracketed paste marked; `state` carries a paste (and a
    marker cut in two) from one chunk of terminal input to the next."""
    in_paste = bool(state.get("in_paste"))
    carry = str(state.get("carry", ""))  # held back inside a paste: maybe the start of END
    tail = str(state.get("tail", ""))  # passed on outside a paste: maybe the start of START
    text, carry = carry + data, ""
    out: list[str] = []
    i = 0
    while i < len(text):
        if not in_paste:
            seen = tail + text[i:]
            j = seen.find(START)
            if j < 0:
                out.append(text[i:])
                tail = seen[-(len(START) - 1):]
                break
            begin = i + j - len(tail) + len(START)  # where the pasted text starts in `text`
            out.append(text[i:begin])
            i, in_paste, tail = begin, True, ""
        else:
            j = text.find(END, i)
            if j < 0:
                body = text[i:]
                keep = _held_back(body, END)
                out.append(_mark(body[: len(body) - keep]))
                carry = body[len(body) - keep:]
                break
            out.append(_mark(text[i:j]) + END)
            i, in_paste = j + len(END), False
    state.update(in_paste=in_paste, carry=carry, tail=tail)
    return "".join(out)


def _mark(text: str) -> str:
    return text.replace("\x1b", ESC_MARK).replace("\x00", NUL_MARK)


def restore(pasted: str) -> str:
    """The pasted text as it was (ESC and NUL back in place)."""
    return pasted.replace(ESC_MARK, "\x1b").replace(NUL_MARK, "\x00")


def _guarded_feed(self: XTermParser, data: str) -> Iterable[object]:
    if data:
        state = self.__dict__.setdefault("_zvh_paste", {})
        data = protect(state, data)
        if not data:  # all held back (a marker cut in two): wait for the rest
            return iter(())
    return _original_feed(self, data)


def install() -> None:
    """Keep every paste whole in this process (idempotent)."""
    XTermParser.feed = _guarded_feed  # type: ignore[method-assign]
