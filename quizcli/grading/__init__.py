r"""Offline, explainable grading of a free-text answer against a question's rubric.

How an answer is graded (no network, no model; every decision names the claim and the
sentence that made it):

1. The answer's language is detected from its words: Korean when at least `KO_SHARE` (30 %) of
   the words with letters contain Hangul. Korean particles attach to English terms
   ("vanishing gradient를 완화합니다" has two Korean words of three), so a Korean sentence full of
   English terms counts as Korean, and an English answer that quotes one Korean term
   ("the gradient vanishes (기울기 소실) …") stays English.
2. The answer is normalised once with `textmatch.normalize` (Unicode NFKC, so full-width forms
   become ASCII; case-folded; runs of white space collapsed): the function the linter uses to
   check that every key point is covered by its own model answer.
3. Key points with `claims` (every built-in question): the answer is read once into clauses
   over the bank's lexicon (`read_answer`, claims.analyse: sentences, clauses, concept
   occurrences, negation, keyword lists, reported speech, reference back, headings), and each
   key point is judged by `judge`: a contradiction (misconception) found in a clause makes it
   missed and is reported with its `why`; otherwise the first claim that holds covers it, with
   the sentence that stated it. claims.py's docstring says how an answer is read.
4. Key points with regex `match`/`reject` patterns (user files in the first format) are searched
   in the normalised text, the answer's language first; a reject pattern found vetoes the key
   point and is reported like a misconception. Those patterns run under a time budget.
5. score = covered / total; the suggested rating comes from `RATING_THRESHOLDS`.

Work is capped, so a pasted 1 MB answer is graded in well under a second: claims read the first
`MAX_CLAIM_CHARS` characters and patterns search the first `MAX_GRADED_CHARS`; the text is
normalised once, and any run of more than `MAX_RUN` non-space characters is split with spaces
(no word is that long), which bounds patterns such as `comput\w*…` that would otherwise
backtrack quadratically over a long glued run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..bank.model import Question
from ..errors import ContentError
from ..ratings import RATINGS, parse_rating  # noqa: F401  (re-exported: session, commands, render)

#: suggested rating by score (covered / total): the first threshold the score reaches.
#: 6 key points: 6 → easy, 4–5 → good, 2–3 → hard, 0–1 → again;
#: 4 key points: 4 → easy, 3 → good, 2 → hard, 0–1 → again.
RATING_THRESHOLDS = ((0.9, 4), (0.6, 3), (0.3, 2), (0.0, 1))

KO_SHARE = 0.3
MAX_GRADED_CHARS = 100_000
#: claims are read in the first 20,000 characters (a five-minute spoken answer is about 5,000)
MAX_CLAIM_CHARS = 20_000
MAX_RUN = 100
_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN + 1))
CONTEXT_CHARS = 30


@dataclass(frozen=True)
class KeyPointMatch:
    """Why a key point counts as covered: the pattern that was found, and where."""

    key_point: str
    lang: str  # the language whose pattern list matched
    pattern: str
    phrase: str  # the matched text, as it reads in the normalised answer
    start: int  # offsets in the normalised answer
    end: int
    context: str  # the phrase with up to CONTEXT_CHARS characters either side; for a claim, its sentence
    claim: bool = False  # True: `pattern` is a claim and `phrase` the concepts that met it


@dataclass(frozen=True)
class Misconception(KeyPointMatch):
    """A reject pattern of `key_point` found in the answer (same fields as a match): the key
    point is not covered, and the feedback quotes `phrase`."""


@dataclass(frozen=True)
class Grade:
    question_id: str
    lang: str  # the answer's detected language
    covered: tuple[str, ...]  # key-point ids, rubric order
    missed: tuple[str, ...]
    matches: tuple[KeyPointMatch, ...]  # one per covered key point
    score: float  # len(covered) / number of key points
    suggested_rating: int  # 1 again … 4 easy
    hangul_share: float  # share of words containing Hangul (see hangul_share)
    chars: int  # length of the normalised answer
    truncated: bool  # only the first MAX_GRADED_CHARS were searched
    hinted: tuple[str, ...] = ()  # key points revealed by /hint: counted as missed
    misconceptions: tuple[Misconception, ...] = ()  # reject patterns found, rubric order
    # some clause was a bare list of keywords (claims.py voids those): feedback says so
    keyword_list: bool = False

    @property
    def total(self) -> int:
        return len(self.covered) + len(self.missed)

    @property
    def rating_name(self) -> str:
        return RATINGS[self.suggested_rating - 1]


def rating_for(score: float) -> int:
    for threshold, rating in RATING_THRESHOLDS:
        if score >= threshold:
            return rating
    return 1




def _is_hangul(ch: str) -> bool:
    o = ord(ch)
    return 0xAC00 <= o <= 0xD7A3 or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F


def hangul_share(text: str) -> float:
    """The share of words (white-space separated) that contain Hangul, among the words that
    contain Hangul or Latin letters; 0.0 when there are none.

    Counting words rather than letters is what makes "ReLU는 gradient vanishing 문제가
    덜하고 sparse activation을 만들어요" Korean: the particles attach to the English terms."""
    korean = latin = 0
    for word in text.split():
        if any(_is_hangul(ch) for ch in word):
            korean += 1
        elif any(ch.isascii() and ch.isalpha() for ch in word):
            latin += 1
    return korean / (korean + latin) if korean + latin else 0.0


def detect_lang(text: str, default: str = "en") -> str:
    """'ko' or 'en' from the text's words; `default` when it has no letters at all."""
    if not any(ch.isalpha() for ch in text):
        return default
    return "ko" if hangul_share(text) >= KO_SHARE else "en"


def normalize(text: str) -> str:
    """The linter's normalisation (textmatch.normalize), so the rubric passes its own answers."""
    from ..textmatch import normalize as _normalize

    return _normalize(text)


def _split_run(m: re.Match) -> str:
    run = m.group(0)
    return " ".join(run[i:i + MAX_RUN] for i in range(0, len(run), MAX_RUN))


def prepare(answer: str) -> str:
    """The text the patterns are searched in: normalised (textmatch.normalize), long runs
    split, and no longer than needed (the raw answer is cut before normalising, so a 1 MB paste
    costs no more than the cap)."""
    text = normalize(answer[:4 * MAX_GRADED_CHARS])
    if len(text) > MAX_RUN:
        text = _LONG_RUN.sub(_split_run, text)
    return text


def find(question: Question, key_point, text: str, order: tuple[str, ...]) -> KeyPointMatch | None:
    """The first pattern of `key_point` found in the normalised `text`, languages in `order`.

    Uses textmatch.search, the function the linter's QZ031 check uses."""
    return _first(question, key_point, key_point.patterns, text, order, KeyPointMatch, "pattern")


def find_misconception(question: Question, key_point, text: str,
                       order: tuple[str, ...]) -> Misconception | None:
    """The first reject pattern of `key_point` found in the normalised `text`, languages in
    `order` (exactly as `find` searches match patterns)."""
    reject = getattr(key_point, "reject", None) or {}
    if not reject:
        return None
    return _first(question, key_point, reject, text, order, Misconception, "reject pattern")


def _first(question, key_point, by_lang, text, order, kind, what):
    from ..textmatch import search

    for lang in order:
        try:
            hit = search(by_lang.get(lang, ()), text)
        except re.error as exc:
            where = f" ({question.path})" if question.path else ""
            raise ContentError(
                f"Question '{question.id}'{where}, key point '{key_point.id}' ({lang}) has a {what} "
                f"that is not a valid regular expression ({exc}). Run quiz lint to see all problems."
            ) from None
        if hit is None:
            continue
        pattern, m = hit
        lo = max(0, m.start() - CONTEXT_CHARS)
        hi = min(len(text), m.end() + CONTEXT_CHARS)
        context = ("…" if lo else "") + text[lo:hi] + ("…" if hi < len(text) else "")
        return kind(key_point.id, lang, pattern, m.group(0), m.start(), m.end(), context)
    return None


def grade(question: Question, answer: str, default_lang: str = "en", lexicon=None) -> Grade:
    """Grade `answer` against the question's key points (see the module docstring).

    Key points with `claims` are graded by claims (claims.py, over `lexicon`, default the
    built-in one); key points with only `match` patterns by those patterns."""
    text = prepare(answer)
    truncated = len(text) > MAX_GRADED_CHARS or len(answer) > 4 * MAX_GRADED_CHARS or (
        len(answer) > MAX_CLAIM_CHARS and any(getattr(kp, "claims", ()) for kp in question.key_points))
    text = text[:MAX_GRADED_CHARS]
    lang = detect_lang(text, default_lang)
    order = (lang, "en" if lang == "ko" else "ko")
    covered, missed, found, wrong = [], [], [], []
    reading = None
    if text.strip():
        with _regex_budget(question):
            reading = _grade_points(question, answer, text, lang, order, lexicon,
                                    covered, missed, found, wrong)
    else:
        missed = [kp.id for kp in question.key_points]
    total = len(question.key_points)
    score = len(covered) / total if total else 0.0
    return Grade(question.id, lang, tuple(covered), tuple(missed), tuple(found), score,
                 rating_for(score), round(hangul_share(text), 4), len(text), truncated,
                 misconceptions=tuple(wrong),
                 keyword_list=bool(reading) and any(c.listed for c in reading))


# Seconds the regex rubric of one answer may take: patterns come from content files, and a
# backtracking one must end in one clear line, not a hang (issue 17). Claims are linear.
REGEX_BUDGET_S = 2.0


def _regex_budget(question: Question):
    from contextlib import nullcontext

    if all(getattr(kp, "claims", ()) for kp in question.key_points):
        return nullcontext()
    from ..budget import time_budget

    return time_budget(REGEX_BUDGET_S,
                       f"grading '{question.id}' took longer than {REGEX_BUDGET_S:g} s: a match or "
                       f"reject pattern of its file backtracks; run `quiz lint` on it")


def _grade_points(question, answer, text, lang, order, lexicon, covered, missed, found, wrong):
    """Judge each key point (claims or patterns), appending to the four lists; the answer's
    clauses when claims read it (else None)."""
    reading = None
    for kp in question.key_points:
        if getattr(kp, "claims", ()):
            if reading is None:
                lexicon = _resolve(lexicon)
                reading = read_answer(question, answer, lexicon)
            bad, m = judge(kp, reading, lang, lexicon.contrast)
        else:
            bad = find_misconception(question, kp, text, order)
            m = None if bad is not None else find(question, kp, text, order)
        if bad is not None:
            missed.append(kp.id)
            wrong.append(bad)
        elif m is None:
            missed.append(kp.id)
        else:
            covered.append(kp.id)
            found.append(m)
    return reading


def question_concepts(question: Question) -> frozenset[str]:
    """Every concept the question's claims and contradictions name."""
    from .claims import parse_claim

    out: set[str] = set()
    for kp in question.key_points:
        for text in getattr(kp, "claims", ()):
            out |= parse_claim(text).concepts
        for con in getattr(kp, "contradicts", ()):
            for text in con.claims:
                out |= parse_claim(text).concepts
    return frozenset(out)


def _resolve(lexicon):
    from .lexicon import builtin_lexicon

    return builtin_lexicon() if lexicon is None else lexicon


def read_answer(question: Question, answer: str, lexicon=None):
    """The answer's clauses (claims.analyse) over the concepts this question needs."""
    from ..textmatch import normalize as _normalize
    from .claims import analyse

    lexicon = _resolve(lexicon)
    raw = answer[:MAX_CLAIM_CHARS].replace("**", "").replace("`", "")
    lines = [_LONG_RUN.sub(_split_run, _normalize(line)) for line in raw.splitlines()]
    lines = [ln for ln in lines if ln]
    return analyse(lines, lexicon, question_concepts(question))


def _parsed(texts) -> list:
    from .claims import parse_claim

    return [parse_claim(t) for t in texts]


def judge(kp, clauses, lang: str, rivals=None):
    """(misconception or None, match or None) for a claim key point over analysed clauses;
    `rivals`: the lexicon's competing subjects (Lexicon.contrast)."""
    from .claims import find_claim

    for con in getattr(kp, "contradicts", ()):
        for claim in _parsed(con.claims):
            hit = find_claim(claim, clauses, strict=True, rivals=rivals)
            if hit is not None:
                return Misconception(kp.id, lang, claim.text, " … ".join(hit.phrases), 0, 0,
                                     hit.sentence, True), None
    for claim in _parsed(kp.claims):
        hit = find_claim(claim, clauses, rivals=rivals)
        if hit is not None:
            return None, KeyPointMatch(kp.id, lang, claim.text, " … ".join(hit.phrases), 0, 0,
                                       hit.sentence, True)
    return None, None


def self_graded(question: Question, covered_ids, lang: str) -> Grade:
    """A --reveal checklist: the candidate ticks the key points they covered."""
    ticked = set(covered_ids)
    covered = tuple(kp.id for kp in question.key_points if kp.id in ticked)
    missed = tuple(kp.id for kp in question.key_points if kp.id not in ticked)
    total = len(question.key_points)
    score = len(covered) / total if total else 0.0
    return Grade(question.id, lang, covered, missed, (), score, rating_for(score), 0.0, 0, False)


def key_point_text(question: Question, kp_id: str, lang: str) -> str:
    for kp in question.key_points:
        if kp.id == kp_id:
            return kp.text.get(lang) or next(iter(kp.text.values()), kp_id)
    return kp_id


def misconception_why(question: Question, kp_id: str, lang: str, claim: str | None = None) -> str:
    """Why a rejected phrase is wrong, in `lang`: the `why` of the contradiction whose claim was
    found (or the key point's `why`), else its text."""
    for kp in question.key_points:
        if kp.id == kp_id:
            for con in getattr(kp, "contradicts", ()):
                if con.why and (claim is None or claim in con.claims):
                    return con.why.get(lang) or next(iter(con.why.values()))
            why = getattr(kp, "why", None) or {}
            if why:
                return why.get(lang) or next(iter(why.values()))
    return key_point_text(question, kp_id, lang)
