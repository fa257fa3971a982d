"""Question kinds: what a question asks for and how an answer to it is graded.

    kind_of(question) -> Kind          the question's kind ("rubric" when the file says none)
    instance(question, seed) -> Question   the concrete question one attempt asks and shows
    grade(question, answer, default_lang, lexicon) -> grading.Grade

A kind is a small object (see `Kind`) registered in `KINDS`: it parses its own front-matter
fields from the loader's draft, grades an answer, adds its lint checks, and turns the stored
question into the concrete one `quiz ask` and `quiz show` display (renderers stay in render/,
they read the concrete Question and its `Grade`). Two kinds ship:

- `rubric` (rubric.py): key points with match patterns; graded by `quizcli.grading.grade`.
- `number` (number.py): a number computed by the engine from parameters drawn per attempt,
  graded exactly with a stated tolerance; one pseudo key point, `value`.

Light module: importing it costs no YAML and no NumPy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # pragma: no cover
    from ..bank.model import Question
    from ..grading import Grade

DEFAULT_KIND = "rubric"


class Kind(Protocol):
    name: str
    fields: tuple[str, ...]  # the top-level front-matter fields only this kind reads
    key_points: bool  # does the file declare key_points (rubric) or are they derived?

    def parse(self, draft, m) -> dict:
        """Its fields from the front matter `m` as Question keyword arguments; problems are
        reported on the draft (draft.add(code, line, …))."""

    def check_text(self, draft, question) -> None:
        """Loader checks of the parsed question that need no engine (reported on the draft)."""

    def lint(self, draft, lexicon=None) -> list:
        """The lint-only checks (they may use the engine and the bank's lexicon)."""

    def instance(self, question: "Question", seed: int | None) -> "Question":
        """The concrete question one attempt shows: for `rubric` the question itself."""

    def grade(self, question: "Question", answer: str, default_lang: str = "en",
              lexicon=None) -> "Grade":
        """Grade an answer to a concrete question (from `instance`)."""

    def describe(self, question: "Question", lang: str) -> list[str]:
        """Extra lines `quiz show` prints about the kind (e.g. the parameters' ranges)."""


def _kinds() -> dict[str, Kind]:
    from . import number, rubric

    return {rubric.KIND.name: rubric.KIND, number.KIND.name: number.KIND}


KIND_NAMES = ("rubric", "number")


def get(name: str) -> Kind:
    return _kinds()[name]


def kind_of(question: "Question") -> Kind:
    return get(getattr(question, "kind", DEFAULT_KIND) or DEFAULT_KIND)


def instance(question: "Question", seed: int | None = 0) -> "Question":
    """The question as one attempt asks it (seed 0 is the draw `quiz show` and a scripted
    `quiz ask --answer` use; the interactive session draws a fresh seed per attempt)."""
    return kind_of(question).instance(question, seed)


def grade(question: "Question", answer: str, default_lang: str = "en", lexicon=None) -> "Grade":
    """Grade `answer` to `question` by its kind (a template `number` question is instantiated
    with seed 0 first). `lexicon`: a grading Lexicon, or a function returning one (a bank's
    `lambda: bank.lexicon`, called only when a key point has claims); None is the built-in."""
    kind = kind_of(question)
    return kind.grade(question, answer, default_lang, lexicon)


def titles(question: "Question") -> dict[str, str]:
    """The title as seed 0 shows it, without computing anything (for `quiz list`, which must
    not import the engine): a `number` question's parameters filled in."""
    if question.number is None or question.draw is not None:
        return dict(question.title)
    from .number import fill, draw_params

    names = draw_params(question, 0)
    return {lang: fill(text, names) for lang, text in question.title.items()}


def point_text(question: "Question", kp_id: str) -> dict[str, str] | None:
    """The text of a key point the kind derives (not in the file), e.g. a number question's
    `value`; None when there is none."""
    if question.number is not None and kp_id == "value":
        from .number import POINT_TEXT

        return dict(POINT_TEXT)
    return None
