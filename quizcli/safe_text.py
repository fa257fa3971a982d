"""The one escape for text that reaches a terminal: error messages, JSON, content.

Characters that a terminal or a reader would act on instead of showing are written as
escapes: C0 controls (but tab and newline), DEL, C1 controls (U+0080–U+009F, e.g. U+009B,
a one-byte CSI), the bidi embeddings/overrides/isolates (U+202A–U+202E, U+2066–U+2069,
which reorder what follows: a "Trojan Source" line) and lone surrogates (not encodable).
So `ESC ] 0 ; title BEL` prints as `\\x1b]0;title\\x07`, never as a window-title change;
OSC 52 cannot write the clipboard and `ESC [ 2 J` cannot clear the screen.

Light module: `re` only (the error printer imports it on every failing run).
"""

from __future__ import annotations

import re

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _human(m: re.Match) -> str:
    c = ord(m.group())
    return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"


def _json(m: re.Match) -> str:
    return f"\\u{ord(m.group()):04x}"


def escape(text: str, *, json: bool = False) -> str:
    """`text` with every unsafe character escaped: as `\\x1b` / `\\u202e` for people, or, with
    json=True, as the JSON escape `\\u001b` / `\\u202e` (for a serialised JSON document,
    where such characters can only occur inside strings: the data decodes unchanged)."""
    if not UNSAFE.search(text):
        return text
    return UNSAFE.sub(_json if json else _human, text)
