"""Reading one large JSON object a member at a time, so a progress export of a million reviews
is imported in bounded memory (issue 17): the members of the top-level object are decoded one
by one, and the members named in `stream` (e.g. "reviews") are yielded element by element.

Only the standard library's decoder is used (`json.JSONDecoder.raw_decode` over a sliding
buffer); numbers, constants and nesting limits are the caller's decoder's.
"""

from __future__ import annotations

import codecs
import json
from typing import Callable, Iterator

CHUNK = 1 << 20
_WS = " \t\n\r"


class JSONStreamError(ValueError):
    """Malformed JSON, with the line and column where the reader stopped."""

    def __init__(self, msg: str, line: int, column: int):
        super().__init__(f"{msg} (line {line}, column {column})")
        self.msg, self.lineno, self.colno = msg, line, column


class TooLarge(Exception):
    pass


class _Reader:
    def __init__(self, read: Callable[[int], bytes], limit: int, decoder: json.JSONDecoder):
        self.read, self.limit, self.decoder = read, limit, decoder
        self.utf8 = codecs.getincrementaldecoder("utf-8")()  # strict: bad bytes raise
        self.buf, self.pos, self.eof, self.size = "", 0, False, 0
        self.line, self.col_base = 1, 0  # where buf[0] is: for error positions

    def fill(self) -> bool:
        if self.eof:
            return False
        chunk = self.read(CHUNK)
        self.size += len(chunk)
        if self.size > self.limit:
            raise TooLarge
        text = self.utf8.decode(chunk, final=not chunk)
        if not chunk:
            self.eof = True
        if self.pos:
            done = self.buf[:self.pos]
            newlines = done.count("\n")
            if newlines:
                self.line += newlines
                self.col_base = len(done) - done.rfind("\n") - 1
            else:
                self.col_base += len(done)
            self.buf, self.pos = self.buf[self.pos:], 0
        self.buf += text
        return bool(chunk)

    def error(self, msg: str, at: int | None = None) -> JSONStreamError:
        at = self.pos if at is None else at
        before = self.buf[:at]
        nl = before.count("\n")
        if nl:
            return JSONStreamError(msg, self.line + nl, at - before.rfind("\n"))
        return JSONStreamError(msg, self.line, self.col_base + at + 1)

    def skip_ws(self) -> None:
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in _WS:
                self.pos += 1
            if self.pos < len(self.buf) or not self.fill():
                return

    def peek(self) -> str:
        self.skip_ws()
        return self.buf[self.pos] if self.pos < len(self.buf) else ""

    def expect(self, chars: str, what: str) -> str:
        ch = self.peek()
        if not ch or ch not in chars:
            raise self.error(f"Expecting {what}")
        self.pos += 1
        return ch

    def value(self):
        self.skip_ws()
        while True:
            try:
                obj, end = self.decoder.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as exc:
                if not self.eof:  # the value may go on in the next chunk (fill moves the buffer)
                    self.fill()
                    continue
                raise self.error(exc.msg, exc.pos) from None
            if end == len(self.buf) and not self.eof and not isinstance(obj, (dict, list, str)):
                self.fill()  # a number or constant may go on in the next chunk
                continue
            self.pos = end
            return obj


def members(read: Callable[[int], bytes], limit: int, decoder: json.JSONDecoder,
            stream: frozenset[str]) -> Iterator[tuple[str, object]]:
    """(key, value) of each member of the top-level object, in file order; a key in `stream`
    whose value is an array comes with an iterator over its elements instead, which must be
    consumed before the next member is read. Raises JSONStreamError, UnicodeDecodeError,
    RecursionError, or TooLarge past `limit` bytes."""
    r = _Reader(read, limit, decoder)
    r.expect("{", "'{'")
    if r.peek() == "}":
        r.pos += 1
    else:
        while True:
            if r.peek() != '"':
                raise r.error("Expecting property name enclosed in double quotes")
            key = r.value()
            r.expect(":", "':' delimiter")
            if key in stream and r.peek() == "[":
                r.pos += 1
                items = _elements(r)
                yield key, items
                for _ in items:  # whatever the consumer left unread
                    pass
            else:
                yield key, r.value()
            if r.expect(",}", "',' delimiter") == "}":
                break
    if r.peek():
        raise r.error("Extra data")


def _elements(r: _Reader) -> Iterator[object]:
    if r.peek() == "]":
        r.pos += 1
        return
    while True:
        yield r.value()
        if r.expect(",]", "',' delimiter") == "]":
            return
