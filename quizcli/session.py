"""The `quiz ask` interview as a state machine: lines in, events out, nothing printed here.

A `Session` is driven by three callables, so tests script it and the terminal renders it:

- `read(prompt: Prompt, question, detail: str) -> str` returns one line (`detail` is the
  commands a SEE menu offers, one a line, else ""); it raises EOFError (Ctrl-D, or the end of
  piped input) and KeyboardInterrupt (Ctrl-C). A line that arrived as part of a paste comes
  back as a `PastedLine` (or as one string with newlines in it): it is always answer text;
  it never submits the answer and is never a command;
- `emit(event)` receives the dataclasses below (`Asked`, `Graded`, `ModelAnswer`, …) in order;
- `record(review: Review)` saves a review the moment it is rated (the store), and may raise.

The flow for one question: `Asked` → the answer (several lines; an empty line typed after
some text, or EOF, submits; an empty line or EOF with nothing written only says how to answer
(`NothingToSubmit`); `/edit` opens the editor on the draft, `/hint`, `/skip`, `/quit`) →
`Graded` → `ModelAnswer` → the rating prompt (Enter keeps the suggestion) → `record` → `Rated`
(with the due date `record` returned) → one see-also menu of the commands not yet offered in
this session → its follow-ups, in order, each labelled "follow-up k of m" counting the ones
asked → the next question. With `reveal`, there is no typing: Enter shows the model answer and
the key points as a checklist, the candidate ticks what they covered, then rates.

Ending: `/quit`, or a second EOF in a row at an empty answer prompt, ends the session
normally. Ctrl-C ends it
at once (`SessionResult.interrupted`): every review already rated is kept, and a question whose
answer was already graded is kept with its suggested rating (Ctrl-C or EOF at the rating
prompt accepts the suggestion); a half-typed answer is dropped.
"""

from __future__ import annotations

import enum
import re
import time
from collections import Counter, deque
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable

from .bank.model import Question
from .grading import Grade, parse_rating, rating_for, self_graded
from .kinds import grade as kind_grade, instance

MAX_DEPTH = 2  # a question, its follow-ups, and theirs: how far an interviewer drills down
STUDY_NEXT = 5  # key points listed under "study next"
COMMANDS = {"/skip": "skip", "/s": "skip", "/hint": "hint", "/h": "hint", "/quit": "quit",
            "/q": "quit", "/edit": "edit", "/e": "edit"}
_COMMAND_LIKE = re.compile(r"/[a-z]+")
YES = {"y", "yes", "ㅇ", "ㅇㅇ", "예", "네", "응"}
NO = {"n", "no", "ㄴ", "아니", "아니요", "아니오"}


class PastedLine(str):
    """A line that arrived as part of a paste (faster than anyone types, or inside bracketed-
    paste markers): answer text, even when it is empty or looks like a command."""


class Prompt(enum.Enum):
    ANSWER = "answer"  # the first line of an answer
    MORE = "more"  # a further line of the same answer
    RATING = "rating"  # Enter = suggested; 1-4 or again/hard/good/easy
    SEE = "see"  # the see-also menu: numbers to run, Enter skips
    REVEAL = "reveal"  # --reveal: Enter shows the model answer
    CHECKLIST = "checklist"  # --reveal: which key points did you cover? (numbers)


# ------------------------------------------------------------------------------ events
@dataclass(frozen=True)
class Asked:
    question: Question
    number: int  # 1-based number of the top-level question this chain belongs to
    total: int  # top-level questions planned
    follow_up: tuple[int, int] | None = None  # (k, m): follow-up k of m asked
    parent: str | None = None  # id of the question this one follows up
    new: bool | None = None  # never reviewed before (None: unknown, no store)


@dataclass(frozen=True)
class Hint:
    question: Question
    key_point: str
    text: str
    given: int  # hints given so far for this question
    total: int  # key points


@dataclass(frozen=True)
class NoMoreHints:
    question: Question
    all_shown: bool = False  # every key point was already hinted (not: the answer covers them)


@dataclass(frozen=True)
class UnknownCommand:
    text: str


@dataclass(frozen=True)
class NothingToSubmit:
    """Enter (or, with eof, Ctrl-D) at an answer prompt with nothing written yet: not an
    answer. A second EOF in a row ends the session."""

    question: Question
    eof: bool = False


@dataclass(frozen=True)
class Edited:
    """The answer came back from the editor (it is submitted as it is)."""

    question: Question
    text: str


@dataclass(frozen=True)
class EditorFailed:
    """The editor could not be used; the draft is kept and line input goes on. `reason`:
    'unset' (no $VISUAL/$EDITOR), 'missing' (no such command), 'status' (it exited non-zero),
    'empty' (it returned no answer); `command` and `status` for the message."""

    reason: str
    command: str = ""
    status: int | None = None
    draft_lines: int = 0


@dataclass(frozen=True)
class SeeAlsoMenu:
    question: Question
    commands: tuple[str, ...]


@dataclass(frozen=True)
class Graded:
    question: Question
    grade: Grade
    answer: str | None  # None in --reveal mode (self-graded)


@dataclass(frozen=True)
class ModelAnswer:
    question: Question
    checklist: bool = False  # --reveal: number the key points for ticking


@dataclass(frozen=True)
class BadInput:
    prompt: Prompt
    text: str
    final: bool = False  # the see-also menu: no third try, nothing was run


@dataclass(frozen=True)
class Rated:
    question: Question
    rating: int
    suggested: int
    auto: bool  # the suggestion was kept because of Ctrl-C / EOF at the prompt
    due: object = None  # when the question comes back (a datetime from `record`), if saved


@dataclass(frozen=True)
class RecordFailed:
    question: Question
    message: str


@dataclass(frozen=True)
class Skipped:
    question: Question


@dataclass(frozen=True)
class SeeAlsoFailed:
    command: str
    message: str


# ------------------------------------------------------------------------------ results
@dataclass(frozen=True)
class Review:
    """One rated question: what `record` receives and the summary lists."""

    question_id: str
    title: dict
    rating: int
    suggested: int
    score: float
    covered: tuple[str, ...]
    missed: tuple[str, ...]
    hinted: tuple[str, ...]
    lang: str
    duration_s: float
    tags: tuple[str, ...] = ()
    follow_up_of: str | None = None
    saved: bool = True  # False when `record` raised
    grader: str = "rubric"  # which grader's verdict decided: 'rubric' or 'llm'


@dataclass
class SessionResult:
    reviews: list[Review] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    interrupted: bool = False  # Ctrl-C
    quit: bool = False  # /quit or EOF at an empty answer prompt
    planned: int = 0  # top-level questions planned
    asked: list[str] = field(default_factory=list)  # rated or skipped ids, in the order asked
    follow_up_of: dict[str, str] = field(default_factory=dict)  # skipped follow-up -> parent
    study_next: list[tuple[str, str, int]] = field(default_factory=list)  # (question, kp, times)

    @property
    def unsaved(self) -> int:
        return sum(1 for r in self.reviews if not r.saved)


class _Quit(Exception):
    pass


class _Skip(Exception):
    pass


# ------------------------------------------------------------------------------ planning
def top_level(plan: Iterable[Question]) -> list[Question]:
    """The plan without questions that an earlier plan item reaches through its follow-ups
    (they will be asked inside that chain), duplicates removed."""
    out, reached = [], set()
    by_id = {q.id: q for q in plan}
    for q in plan:
        if q.id in reached:
            continue
        out.append(q)
        reached.add(q.id)
        stack = [(q, 0)]
        while stack:
            cur, depth = stack.pop()
            if depth >= MAX_DEPTH:
                continue
            for fid in cur.follow_ups:
                if fid not in reached:
                    reached.add(fid)
                    if fid in by_id:
                        stack.append((by_id[fid], depth + 1))
    return out


# ------------------------------------------------------------------------------ the machine
class Session:
    def __init__(
        self,
        plan: list[Question],
        *,
        read: Callable[[Prompt, Question, str], str],
        emit: Callable[[object], None],
        record: Callable[[Review], None] | None = None,
        see_also: Callable[[str, str], None] | None = None,
        lookup: Callable[[str], Question | None] | None = None,
        lang: str = "en",
        follow_ups: bool = True,
        chain: bool = True,
        reveal: bool = False,
        demos: bool = False,
        limit: int | None = None,
        clock: Callable[[], float] = time.monotonic,
        seed: int | None = None,
        lexicon=None,
        judge: Callable[[Question, str, Grade], tuple[Grade, str]] | None = None,
        edit: Callable[[Question, str], str] | None = None,
        editor_first: bool = False,
        reviewed: Callable[[str], bool] | None = None,
    ):
        """`plan`: the questions in order. `chain`: insert each answered question's follow-ups
        after it (off when the store already ordered follow-ups). `lookup`: id -> Question for
        follow-ups that are not in the plan. `see_also(kind, target)` runs 'explain' / 'demo'
        targets; `demos`: offer demo targets too (only when `quiz demo` exists). `seed`: draws
        the parameters of `number` questions reproducibly (None: fresh each attempt).
        `lexicon`: the bank's lexicon, passed to grading. `judge(q, answer, rubric_grade) ->
        (grade, 'rubric'|'llm')`: a second grader (quiz ask --grader llm|both) that decides
        which verdict counts; it handles its own failures. `edit(q, draft) -> text`: opens
        the editor (/edit; every answer with `editor_first`), raises `editor.EditorError`.
        `reviewed(id)`: was the question ever reviewed (the header says review or new)."""
        self.read, self.emit = read, emit
        self.record_fn, self.see_also_fn = record, see_also
        self.lookup = lookup or (lambda _id: None)
        self.lang, self.follow_ups, self.chain = lang, follow_ups, chain
        self.reveal, self.demos, self.clock = reveal, demos, clock
        self.judge = judge
        self.edit, self.reviewed = edit, reviewed
        self.editor_first = editor_first and edit is not None
        self._offered: set[str] = set()  # see-also commands already offered this session
        self._follow_ups_asked: dict[str, int] = {}  # parent id -> its follow-ups asked so far
        self._queue: deque = deque()
        known = {q.id: q for q in plan}
        self._known = known
        self.plan = top_level(plan) if (follow_ups and chain) else _dedupe(plan)
        if not follow_ups:
            self.plan = _without_follow_ups(self.plan)
        if limit is not None:
            self.plan = _first_chains(self.plan, limit)
        self.result = SessionResult(planned=_count_chains(self.plan))
        self._asked: set[str] = set()
        self._stack: list[tuple[Question, int]] = []  # the current chain: (question, depth)
        self._number = 0
        import random

        self._draws = random.Random(seed)
        self.lexicon = lexicon

    # -- public ---------------------------------------------------------------------------
    def run(self) -> SessionResult:
        queue: deque[tuple[Question, int]] = deque((q, 0) for q in self.plan)
        self._queue = queue
        try:
            while queue:
                q, depth = queue.popleft()
                if q.id in self._asked:
                    continue
                answered = self._ask(q)
                if answered and self.follow_ups and self.chain and depth < MAX_DEPTH:
                    nxt = [f for f in self._follow_ups_of(q) if f.id not in self._asked]
                    queue.extendleft(reversed([(f, depth + 1) for f in nxt]))
        except _Quit:
            self.result.quit = True
        except KeyboardInterrupt:
            self.result.interrupted = True
        self.result.study_next = study_next(self.result.reviews)
        return self.result

    # -- one question ---------------------------------------------------------------------
    def _follow_ups_of(self, q: Question) -> list[Question]:
        out = []
        for fid in q.follow_ups:
            f = self._known.get(fid) or self.lookup(fid)
            if f is not None:
                out.append(f)
        return out

    def _label(self, q: Question) -> tuple[tuple[int, int] | None, Question | None]:
        """Is q a follow-up of a question in the current chain? -> ((k, m), parent)."""
        while self._stack:
            parent, _depth = self._stack[-1]
            siblings = [f.id for f in self._follow_ups_of(parent)]
            if q.id in siblings:  # numbered by what is asked: k so far, m with those queued
                k = self._follow_ups_asked.get(parent.id, 0) + 1
                self._follow_ups_asked[parent.id] = k
                queued = {x.id for x, _ in self._queue
                          if x.id in siblings and x.id not in self._asked}
                return (k, k + len(queued)), parent
            self._stack.pop()
        return None, None

    def _ask(self, q: Question) -> bool:
        """Ask one question; True when it was answered and rated (its follow-ups come next)."""
        self._asked.add(q.id)
        q = instance(q, self._draws.randrange(2**31))  # a number question draws its parameters
        label, parent = self._label(q)
        if label is None:
            self._number += 1
            self._stack = [(q, 0)]
        else:
            self._stack.append((q, len(self._stack)))
        new = None if self.reviewed is None else not self.reviewed(q.id)
        self.emit(Asked(q, self._number, max(self.result.planned, self._number), label,
                        parent.id if parent else None, new))
        started = self.clock()
        hinted: tuple[str, ...] = ()
        grader = "rubric"
        try:
            if self.reveal:
                g = self._reveal(q)
                answer = None
            else:
                answer, hinted = self._read_answer(q)
                g = kind_grade(q, answer, self.lang, self.lexicon)
                if self.judge is not None:
                    g, grader = self.judge(q, answer, g)
                g = with_hints(g, hinted)
        except _Skip:
            self.result.skipped.append(q.id)
            self.result.asked.append(q.id)
            if parent is not None:
                self.result.follow_up_of[q.id] = parent.id
            self.emit(Skipped(q))
            return False
        duration = max(0.0, self.clock() - started)
        self.emit(Graded(q, g, answer))
        if not self.reveal:
            self.emit(ModelAnswer(q))
        interrupted = False
        try:
            rating, auto = self._read_rating(q, g.suggested_rating)
        except KeyboardInterrupt:
            rating, auto, interrupted = g.suggested_rating, True, True
        review = Review(q.id, dict(q.title), rating, g.suggested_rating, round(g.score, 4),
                        g.covered, g.missed, g.hinted, g.lang if answer is not None else self.lang,
                        round(duration, 3), tuple(q.tags), parent.id if parent else None,
                        grader=grader)
        review, due = self._record(q, review)
        self.result.reviews.append(review)
        self.result.asked.append(q.id)
        self.emit(Rated(q, rating, g.suggested_rating, auto, due))
        if interrupted:
            raise KeyboardInterrupt
        self._offer_see_also(q)
        return True

    def _record(self, q: Question, review: Review) -> tuple[Review, object]:
        """Save the review; -> (review, when it is due again or None)."""
        if self.record_fn is None:
            return review, None
        try:
            saved = self.record_fn(review)
        except KeyboardInterrupt:
            raise
        except Exception as exc:  # the store's QuizError (locked, read-only, …): keep going
            self.emit(RecordFailed(q, str(exc)))
            return replace(review, saved=False), None
        return review, getattr(saved, "due", None)

    def _read_answer(self, q: Question) -> tuple[str, tuple[str, ...]]:
        """Lines until an empty line typed after some text (or EOF) submits. Pasted lines are
        text whatever they hold, so a paste with blank lines between paragraphs stays one
        answer; an empty line or EOF with nothing written is not an answer."""
        lines: list[str] = []
        hinted: list[str] = []
        eofs = 0
        if self.editor_first:
            text = self._edit(q, "")
            if text is not None:
                return text, ()
        while True:
            written = any(x.strip() for x in lines)
            try:
                line = self.read(Prompt.MORE if lines else Prompt.ANSWER, q, "")
            except EOFError:
                if written:
                    break
                eofs += 1
                if eofs > 1:  # Ctrl-D twice in a row, or the end of piped input
                    raise _Quit from None
                self.emit(NothingToSubmit(q, eof=True))
                continue
            eofs = 0
            if isinstance(line, PastedLine) or "\n" in line:
                lines.extend(line.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
                continue
            word = line.strip().casefold()
            if _COMMAND_LIKE.fullmatch(word):
                action = COMMANDS.get(word)
                if action == "skip":
                    raise _Skip
                if action == "quit":
                    raise _Quit
                if action == "hint":
                    self._hint(q, "\n".join(lines), hinted)
                    continue
                if action == "edit" and self.edit is not None:
                    text = self._edit(q, "\n".join(lines).strip("\n"))
                    if text is not None:
                        return text, tuple(hinted)
                    continue
                self.emit(UnknownCommand(line.strip()))
                continue
            if not line.strip():
                if written:
                    break  # an empty line typed after the answer submits it
                self.emit(NothingToSubmit(q))
                continue
            lines.append(line)
        return "\n".join(lines).strip("\n"), tuple(hinted)

    def _edit(self, q: Question, draft: str) -> str | None:
        """The answer from the editor, or None (the reason emitted) to go on typing lines."""
        from .editor import EditorError

        try:
            text = self.edit(q, draft)
        except EditorError as exc:
            self.emit(EditorFailed(exc.reason, exc.command, exc.status,
                                   len(draft.splitlines())))
            return None
        if not text.strip():
            self.emit(EditorFailed("empty", draft_lines=len(draft.splitlines())))
            return None
        self.emit(Edited(q, text))
        return text

    def _hint(self, q: Question, so_far: str, hinted: list[str]) -> None:
        covered = set(kind_grade(q, so_far, self.lang, self.lexicon).covered) if so_far.strip() else set()
        for kp in q.key_points:
            if kp.id not in covered and kp.id not in hinted:
                hinted.append(kp.id)
                text = kp.text.get(self.lang) or next(iter(kp.text.values()))
                self.emit(Hint(q, kp.id, text, len(hinted), len(q.key_points)))
                return
        self.emit(NoMoreHints(q, all_shown=set(hinted) >= {kp.id for kp in q.key_points}))

    def _reveal(self, q: Question) -> Grade:
        try:
            word = self.read(Prompt.REVEAL, q, "").strip().casefold()
        except EOFError:
            raise _Quit from None
        if COMMANDS.get(word) == "skip":
            raise _Skip
        if COMMANDS.get(word) == "quit":
            raise _Quit
        self.emit(ModelAnswer(q, checklist=True))
        n = len(q.key_points)
        while True:
            try:
                text = self.read(Prompt.CHECKLIST, q, "")
            except EOFError:
                text = ""
            ticked = parse_checklist(text, n)
            if ticked is not None:
                ids = [q.key_points[i - 1].id for i in ticked]
                return self_graded(q, ids, self.lang)
            self.emit(BadInput(Prompt.CHECKLIST, text))

    def _read_rating(self, q: Question, suggested: int) -> tuple[int, bool]:
        while True:
            try:
                text = self.read(Prompt.RATING, q, "")
            except EOFError:
                return suggested, True
            if not text.strip():
                return suggested, False
            rating = parse_rating(text)
            if rating is not None:
                return rating, False
            self.emit(BadInput(Prompt.RATING, text))

    def _offer_see_also(self, q: Question) -> None:
        """One menu of the see-also commands not offered before in this session: numbers run
        those, Enter skips; anything else asks once more with a hint, then skips."""
        if self.see_also_fn is None:
            return
        targets = [("explain", n) for n in q.see_explain]
        if self.demos:
            targets += [("demo", d) for d in q.see_demo]
        offers: list[tuple[str, str]] = []
        for kind, target in targets:
            command = f"quiz {kind} {target}"
            if command not in self._offered:
                self._offered.add(command)
                offers.append((kind, target))
        if not offers:
            return
        commands = tuple(f"quiz {kind} {target}" for kind, target in offers)
        self.emit(SeeAlsoMenu(q, commands))
        picked = None
        for attempt in range(2):
            try:
                text = self.read(Prompt.SEE, q, "\n".join(commands))
            except EOFError:
                return
            picked = parse_menu(text, len(offers))
            if picked is not None:
                break
            self.emit(BadInput(Prompt.SEE, text, final=attempt == 1))
        for i in picked or ():
            kind, target = offers[i - 1]
            try:
                self.see_also_fn(kind, target)
            except KeyboardInterrupt:
                raise
            except Exception as exc:  # a see-also target that fails must not end the interview
                self.emit(SeeAlsoFailed(f"quiz {kind} {target}", str(exc)))


# ------------------------------------------------------------------------------ helpers
def _dedupe(plan: list[Question]) -> list[Question]:
    seen, out = set(), []
    for q in plan:
        if q.id not in seen:
            seen.add(q.id)
            out.append(q)
    return out


def _count_chains(plan: list[Question]) -> int:
    """Top-level questions in a plan: items that do not follow up an earlier item."""
    follow, tops = set(), 0
    for q in plan:
        tops += q.id not in follow
        follow.update(q.follow_ups)
    return tops


def _first_chains(plan: list[Question], limit: int) -> list[Question]:
    """The plan cut after `limit` top-level questions; an item that follows up an earlier kept
    item (a schedule-placed follow-up) stays with its parent and is not counted."""
    out, follow, tops = [], set(), 0
    for q in plan:
        if q.id not in follow:
            if tops >= limit:
                break
            tops += 1
        out.append(q)
        follow.update(q.follow_ups)
    return out


def _without_follow_ups(plan: list[Question]) -> list[Question]:
    """--no-follow-ups on an ordered plan: drop items that follow up an earlier plan item."""
    out, follow = [], set()
    for q in plan:
        if q.id in follow:
            continue
        out.append(q)
        follow.update(q.follow_ups)
    return out


def with_hints(g: Grade, hinted: Iterable[str]) -> Grade:
    """A key point revealed by /hint counts as missed, even if the answer then states it."""
    hinted = tuple(h for h in hinted)
    if not hinted:
        return g
    covered = tuple(k for k in g.covered if k not in hinted)
    moved = set(g.covered) - set(covered)
    missed = tuple(k for k in (*g.missed, *[k for k in g.covered if k in moved]))
    order = {k: i for i, k in enumerate((*g.covered, *g.missed))}
    missed = tuple(sorted(missed, key=order.__getitem__))
    total = len(covered) + len(missed)
    score = len(covered) / total if total else 0.0
    return replace(g, covered=covered, missed=missed, score=score, suggested_rating=rating_for(score),
                   matches=tuple(m for m in g.matches if m.key_point not in moved), hinted=hinted)


def parse_checklist(text: str, n: int) -> list[int] | None:
    """'1 3', '1,3', 'all'/'a'/'전부'/'모두', or '' (none) -> sorted numbers; None if invalid."""
    value = text.strip().casefold()
    if not value:
        return []
    if value in ("all", "a", "전부", "모두", "다"):
        return list(range(1, n + 1))
    parts = [p for p in re.split(r"[\s,]+", value) if p]
    if not all(p.isdigit() for p in parts):
        return None
    numbers = sorted({int(p) for p in parts})
    if any(k < 1 or k > n for k in numbers):
        return None
    return numbers


def parse_menu(text: str, n: int) -> list[int] | None:
    """The see-also menu: '' or no -> [] (skip), numbers as in parse_checklist, 'all', and
    yes when there is one item -> [1]; None if invalid ('maybe', '7')."""
    value = text.strip().casefold()
    if value in NO:
        return []
    if value in YES:
        return [1] if n == 1 else None
    return parse_checklist(value, n)


def study_next(reviews: list[Review], limit: int = STUDY_NEXT) -> list[tuple[str, str, int]]:
    """The most-missed key points of the session: (question id, key-point id, times missed),
    most missed first, then those of the lowest-rated questions, then in the order asked."""
    times: Counter = Counter()
    rank: dict[tuple[str, str], tuple[int, int]] = {}
    for i, r in enumerate(reviews):
        for kp in r.missed:
            key = (r.question_id, kp)
            times[key] += 1
            rank.setdefault(key, (r.rating, i))
            rank[key] = min(rank[key], (r.rating, i))
    ordered = sorted(times, key=lambda k: (-times[k], rank[k]))
    return [(qid, kp, times[(qid, kp)]) for qid, kp in ordered[:limit]]
