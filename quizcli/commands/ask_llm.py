"""`quiz ask --grader rubric|llm|both`: the LLM grader wired into one-shot answers and the
interactive session (grading: quizcli/grading/llm.py; output: quizcli/render/llm.py).

- rubric (default): the offline grader alone; nothing here runs.
- llm: the LLM's verdict decides; on any failure the rubric's does, with one line saying why.
- both: the two verdicts side by side where they differ; the candidate picks (interactive),
  the rubric decides in one-shot mode (--answer), where the LLM's verdict is reported beside it.
"""

from __future__ import annotations

import sys

GRADERS = ("rubric", "llm", "both")


def check_grader(grader: str, *, reveal: bool, home) -> object | None:
    """The LLM settings for --grader llm|both (None for rubric). Raises QuizError: an unknown
    grader, --reveal (self-graded), or a missing/invalid configuration; before any question
    is asked, so no answer is lost to a configuration mistake."""
    from ..errors import QuizError

    value = (grader or "rubric").strip().casefold()
    if value not in GRADERS:
        raise QuizError(f"Unknown grader '{grader}' for --grader. Allowed: rubric, llm, both.")
    if value == "rubric":
        return None
    if reveal:
        raise QuizError("--reveal is self-graded: it does not take --grader llm or both.")
    from ..grading.llm import load_config

    return load_config(home)


def ask_llm(question, answer: str, config, lang: str, wait=None):
    """(LLMVerdict, None) or (None, LLMFailure); Ctrl-C while waiting is a failure too."""
    from ..grading.llm import LLMFailure, grade_llm

    try:
        if wait is None:
            return grade_llm(question, answer, config, default_lang=lang), None
        with wait:
            return grade_llm(question, answer, config, default_lang=lang), None
    except LLMFailure as failure:
        return None, failure
    except KeyboardInterrupt:
        return None, LLMFailure("interrupted")


def one_shot(question, answer: str, rubric, config, grader: str, lang: str):
    """--answer / --answer-file: (deciding grade, 'rubric'|'llm', extra --json keys). The
    fallback line goes to stderr (stdout stays the grade or the JSON)."""
    from ..render.llm import fallback_line

    verdict, failure = ask_llm(question, answer, config, lang)
    if failure is not None:
        sys.stderr.write(fallback_line(failure, lang) + "\n")
    decided = "llm" if verdict is not None and grader == "llm" else "rubric"
    g = verdict.grade if decided == "llm" else rubric
    extra = {"grader": decided, "llm": verdict_json(verdict) if verdict else None,
             "fallback": ({"reason": failure.code, "detail": failure.detail}
                          if failure is not None else None)}
    return g, decided, extra, verdict


def verdict_json(verdict) -> dict:
    from ..grading import RATINGS

    g = verdict.grade
    return {"model": verdict.model, "covered": list(g.covered), "missed": list(g.missed),
            "contradicted": list(verdict.contradicted), "score": round(g.score, 4),
            "suggested_rating": RATINGS[g.suggested_rating - 1],
            "quotes": {m.key_point: m.phrase for m in (*g.matches, *g.misconceptions)},
            "notes": [{"kind": n.kind, "key_point": n.key_point, "detail": n.detail}
                      for n in verdict.notes]}


def render_one_shot(console, question, rubric, verdict, grader: str, lang: str,
                    ascii_only: bool) -> None:
    """After render_single: who graded, the notes, and with `both` the comparison."""
    from rich.text import Text

    from ..render.llm import T, comparison, note_lines

    if verdict is None:
        return
    for line in note_lines(verdict.notes, lang):
        console.print(Text(line, style="yellow"))
    if grader == "both":
        console.print(comparison(question, rubric, verdict, lang, ascii_only))
    else:
        console.print(Text(T("decided", lang, model=verdict.model), style="dim"))


def session_judge(console, config, grader: str, lang: str, ascii_only: bool, echo: bool):
    """The Session's `judge(question, answer, rubric_grade) -> (grade, grader)`: a spinner while
    the model works, the fallback line, notes, and with `both` the comparison and the pick."""
    from rich.text import Text

    from ..render.llm import T, comparison, differences, fallback_line, note_lines, pick_verdict

    def judge(question, answer, rubric):
        waiting = Text(T("waiting", lang, model=config.model), style="dim")
        if console.is_terminal and not console.is_dumb_terminal:
            status = console.status(waiting, spinner="dots")
        else:  # no spinner on a dumb terminal or a pipe: say it once
            import contextlib

            console.print(waiting)
            status = contextlib.nullcontext()
        verdict, failure = ask_llm(question, answer, config, lang, wait=status)
        if failure is not None:
            console.print(Text(fallback_line(failure, lang), style="yellow"))
            return rubric, "rubric"
        for line in note_lines(verdict.notes, lang):
            console.print(Text(line, style="yellow"))
        if grader == "llm":
            console.print(Text(T("decided", lang, model=verdict.model), style="dim"))
            return verdict.grade, "llm"
        console.print(comparison(question, rubric, verdict, lang, ascii_only))
        if not differences(question, rubric, verdict.grade):
            return rubric, "rubric"
        choice = pick_verdict(console, lang, echo)
        return (verdict.grade, "llm") if choice == "llm" else (rubric, "rubric")

    return judge
