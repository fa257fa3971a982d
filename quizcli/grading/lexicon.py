"""The bilingual lexicon: concepts shared by the whole bank, each with its surface forms.

A concept is one meaning (`gradient`, `vanish`, `variance`) with the forms candidates write in
English, Korean and the mixed forms between them. Key points name concepts in their claims
(claims.py); the forms live here once for the bank. Format and matching rules: content/README.md
("The lexicon").

Matching works on the grader's normalised text (textmatch.normalize: NFKC, case-folded, white
space collapsed), decomposed to jamo (NFD) so that a Korean verb stem is a prefix of its
conjugations (사라지 → 사라집니다: 지 + ㅂ). A form compiles to one regular expression; a question's
concepts compile to one alternation (longest forms first), so the text is scanned once and the
longest form at a position wins and consumes it ("dying relu" is not also "relu"). A space
between two Hangul words of a form may be left out in the text ("이동 평균" reads "이동평균").

Light module: `re` and `unicodedata` only.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Mapping

LANGS = ("en", "ko")
#: the key of a concept's rivals as a subject ("l1: {en: […], ko: […], contrast: [l2]}")
CONTRAST = "contrast"
MAX_FORM = 120
_REGEX_PREFIX = "re:"
# an unbounded repetition of anything but white space ('.*', '\w+', '[^.]*', '{2,}')
_UNBOUNDED = re.compile(r"(?<!\\s)(?<!\\)(?:\*|\+|\{\d+,\})")
_HANGUL_JAMO = "\u1100-\u11ff"
_LATIN_OR_DIGIT = re.compile(r"[a-z0-9]")


def to_match_text(text: str) -> str:
    """Normalised text in the form forms are matched against (NFD: Hangul as jamo)."""
    return unicodedata.normalize("NFD", text)


def form_regex(form: str) -> str:
    """The regular expression (for NFD, normalised text) of one lexicon form.

    >>> bool(re.search(form_regex("사라지"), to_match_text("기울기가 사라집니다")))
    True
    >>> bool(re.search(form_regex("grad$"), "gradual")), bool(re.search(form_regex("vanish"), "vanishing"))
    (False, True)
    """
    if form.startswith(_REGEX_PREFIX):
        return to_match_text(form[len(_REGEX_PREFIX):])
    from ..textmatch import normalize

    word_start = form.startswith("^")
    word_end = form.endswith("$") and not form.endswith("\\$")
    body = form[1 if word_start else 0:len(form) - 1 if word_end else len(form)]
    body = normalize(body)
    if not body:
        return ""
    pieces = [re.escape(to_match_text(p)) for p in re.split(r"[\s-]+", body) if p]
    core = r"[\s-]{0,2}".join(pieces)
    first, last = body[0], body[-1]
    if _LATIN_OR_DIGIT.match(first):
        core = r"(?<![a-z0-9])" + core
    elif word_start:
        core = f"(?<![{_HANGUL_JAMO}a-z0-9])" + core
    if word_end:
        core += r"(?![a-z0-9])" if _LATIN_OR_DIGIT.match(last) else f"(?![{_HANGUL_JAMO}])"
    elif last.isdigit():
        core += r"(?![0-9]|[.,][0-9])"
    return core


def check_form(form: object) -> str | None:
    """Why `form` cannot be a lexicon form, or None when it can."""
    if not isinstance(form, str):
        return "a form must be text"
    if not form.strip() or form.strip() in ("^", "$", "^$", _REGEX_PREFIX):
        return "a form must not be blank"
    if len(form) > MAX_FORM:
        return f"a form has at most {MAX_FORM} characters"
    if form != form.strip():
        return "a form must not start or end with white space"
    if form.startswith(_REGEX_PREFIX):
        pattern = form[len(_REGEX_PREFIX):]
        if _UNBOUNDED.search(pattern.replace(r"\s*", "").replace(r"\s+", "")):
            return ("a re: form may repeat only white space without a bound (use {0,20}, never "
                    "'*' or '+')")
    if not form.startswith(_REGEX_PREFIX):
        return None if _literal(form)[0] else "a form must not be blank"
    try:
        rx = re.compile(form_regex(form))
    except re.error as exc:
        return f"does not compile as a regular expression ({exc})"
    if rx.search("") is not None:
        return "matches the empty string"
    return None


@dataclass(frozen=True)
class Occurrence:
    """One place where the text names a concept (offsets in the NFD text)."""

    start: int
    end: int
    concepts: frozenset[str]
    text: str


class Lexicon:
    """concept id -> {lang: forms}; compiles matchers for sets of concepts on demand."""

    def __init__(self, concepts: Mapping[str, Mapping[str, Iterable[str]]] | None = None):
        self.concepts: dict[str, dict[str, tuple[str, ...]]] = {}
        self._matchers: dict[frozenset[str], "Scanner"] = {}
        # concept -> the concepts that compete with it as a subject (`contrast:`), symmetric
        self.contrast: dict[str, frozenset[str]] = {}
        pairs: dict[str, set[str]] = {}
        for cid, by_lang in (concepts or {}).items():
            self.concepts[cid] = {lang: tuple(by_lang.get(lang) or ()) for lang in LANGS}
            for other in by_lang.get(CONTRAST) or ():
                if other != cid:
                    pairs.setdefault(cid, set()).add(other)
                    pairs.setdefault(other, set()).add(cid)
        self.contrast = {c: frozenset(v) for c, v in pairs.items()}

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, Mapping[str, Iterable[str]]]) -> "Lexicon":
        return cls(mapping)

    def __contains__(self, cid: object) -> bool:
        return cid in self.concepts

    def __len__(self) -> int:
        return len(self.concepts)

    def forms(self, cid: str) -> tuple[str, ...]:
        by_lang = self.concepts.get(cid, {})
        return tuple(dict.fromkeys(f for lang in LANGS for f in by_lang.get(lang, ())))

    def matcher(self, concepts: Iterable[str] | None = None) -> "Scanner":
        """A scanner for `concepts` (None: all): the longest of their forms at a position wins,
        so a question that names both `dying-relu` and `relu` reads "dying relu" as the first."""
        key = frozenset(self.concepts) if concepts is None else frozenset(concepts)
        hit = self._matchers.get(key)
        if hit is not None:
            return hit
        # only the question's own concepts: a longer form of a concept the question never
        # names (another topic's phrase) must not swallow one it needs
        ids = key
        literal: dict[tuple, set[str]] = {}
        regex: dict[str, set[str]] = {}
        for cid in ids:
            for form in self.forms(cid):
                if form.startswith(_REGEX_PREFIX):
                    regex.setdefault(form, set()).add(cid)
                else:
                    lit = _literal(form)
                    if lit[0]:
                        literal.setdefault(lit, set()).add(cid)
                        # Korean compounds are written with or without the space: a form
                        # "이동 평균" also reads "이동평균", "배치 정규화" also "배치정규화"
                        joined = _HANGUL_SPACE.sub("", lit[0])
                        if joined != lit[0]:
                            literal.setdefault((joined, *lit[1:]), set()).add(cid)
        scanner = Scanner(literal, regex)
        self._matchers[key] = scanner
        return scanner

    def occurrences(self, text: str, concepts: Iterable[str] | None = None) -> list[Occurrence]:
        """Concept occurrences in NFD normalised `text`, left to right, non-overlapping."""
        return self.matcher(concepts).scan(canonical(text))


_HANGUL_SPACE = re.compile(r"(?<=[\u1100-\u11ff]) (?=[\u1100-\u11ff])")
_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")


def canonical(text: str) -> str:
    """The text forms are compared with (same length as `text`): a hyphen between two letters
    reads as a space, so "zero-centred" and "zero centred" are one form."""
    return _HYPHEN.sub(" ", text) if "-" in text else text


def _literal(form: str) -> tuple[str, bool, bool, str]:
    """(needle, word start, word end, script of the first character) of a literal form."""
    from ..textmatch import normalize

    word_start = form.startswith("^")
    word_end = form.endswith("$")
    body = normalize(form[1 if word_start else 0:len(form) - 1 if word_end else len(form)])
    needle = canonical(to_match_text(body))
    if not needle:
        return ("", False, False, "")
    first = needle[0]
    kind = "latin" if _LATIN_OR_DIGIT.match(first) else ("hangul" if "\u1100" <= first <= "\u11ff" else "other")
    return (needle, word_start, word_end, kind)


def _is_jamo(ch: str) -> bool:
    return "\u1100" <= ch <= "\u11ff"


# final consonants (jongseong) that attach to an open syllable as a verb ending or a contracted
# particle: ㄴ ㄹ ㅁ ㅂ ㅆ
_ENDING_FINALS = frozenset("\u11ab\u11af\u11b7\u11b8\u11bb")


def _is_alnum(ch: str) -> bool:
    return ("a" <= ch <= "z") or ("0" <= ch <= "9")


class Scanner:
    """Finds forms at each position of a text: literal forms by a dict lookup on the first two
    characters and a string comparison (no regular expression per form), `re:` forms by their
    regex. Leftmost, longest, non-overlapping."""

    def __init__(self, literal: dict, regex: dict):
        self.by2: dict[str, list] = {}
        self.by1: dict[str, list] = {}
        for (needle, ws, we, kind), concepts in literal.items():
            entry = (needle, ws, we, kind, frozenset(concepts))
            if len(needle) >= 2 and not needle[1].isspace():
                self.by2.setdefault(needle[:2], []).append(entry)
            else:
                self.by1.setdefault(needle[0], []).append(entry)
        for table in (self.by2, self.by1):
            for entries in table.values():
                entries.sort(key=lambda e: -len(e[0]))
        self.regex = [(re.compile(form_regex(f)), frozenset(c)) for f, c in regex.items()]

    @staticmethod
    def _fits(text: str, pos: int, entry) -> int:
        needle, word_start, word_end, kind = entry[:4]
        if not text.startswith(needle, pos):
            return 0
        end = pos + len(needle)
        prev = text[pos - 1] if pos else " "
        if kind == "latin" and _is_alnum(prev):
            return 0
        if word_start and (_is_jamo(prev) or _is_alnum(prev)):
            return 0
        nxt = text[end] if end < len(text) else " "
        # a Hangul form that ends in an open syllable is a verb stem or a noun: a final
        # consonant may follow only as an ending or a contracted particle (ㄴ ㄹ ㅁ ㅂ ㅆ:
        # 끈다, 끌, 끔, 끕니다, 건 = 거는), never as part of another word (끄 is not 끝)
        if "\u1161" <= needle[-1] <= "\u1175" and "\u11a8" <= nxt <= "\u11ff" and nxt not in _ENDING_FINALS:
            return 0
        if word_end and (_is_alnum(nxt) if _is_alnum(needle[-1]) else _is_jamo(nxt)):
            return 0
        if needle[-1].isdigit() and (nxt.isdigit() or (nxt in ".," and text[end + 1:end + 2].isdigit())):
            return 0
        return end

    def scan(self, text: str) -> list[Occurrence]:
        regex_hits: dict[int, tuple[int, frozenset]] = {}
        for rx, concepts in self.regex:
            for m in rx.finditer(text):
                if m.end() > m.start():
                    old = regex_hits.get(m.start())
                    if old is None or old[0] < m.end():
                        regex_hits[m.start()] = (m.end(), concepts)
        out: list[Occurrence] = []
        pos, n = 0, len(text)
        by2, by1, fits = self.by2, self.by1, self._fits
        while pos < n:
            best_end, best = 0, None
            for table, key in ((by2, text[pos:pos + 2]), (by1, text[pos])):
                for entry in table.get(key, ()):
                    if len(entry[0]) < best_end - pos:
                        break
                    end = fits(text, pos, entry)
                    if end > best_end:
                        best_end, best = end, entry[4]
                    elif end and end == best_end:  # the same text in several concepts
                        best = best | entry[4]
            hit = regex_hits.get(pos)
            if hit is not None and hit[0] > best_end:
                best_end, best = hit
            if best is None:
                pos += 1
                continue
            out.append(Occurrence(pos, best_end, best, text[pos:best_end]))
            pos = best_end
        return out


# --------------------------------------------------------------------------- files

_BUILTIN: Lexicon | None = None


def builtin_lexicon() -> Lexicon:
    """The built-in bank's lexicon (content/lexicon/*.yaml), loaded once per process with the
    bank's own reader (bank/lexicons.py), for callers that grade without a Bank."""
    global _BUILTIN
    if _BUILTIN is None:
        from ..bank.lexicons import load_lexicons
        from ..paths import builtin_content_dir

        _BUILTIN = load_lexicons([builtin_content_dir() / "lexicon"]).lexicon
    return _BUILTIN
