"""`quiz ask`: a mock interview (interactive), or one graded answer (--answer, --answer-file)."""

import sys
from pathlib import Path
from typing import List, Optional

import typer

from .. import completion
from ..app import app
from .common import ascii_option, content_dir_option, home_option, lang_option, width_option



@app.command(
    epilog="Examples:  quiz ask · quiz ask --tag relu --count 3 · quiz ask --id relu-vs-sigmoid "
    "--lang ko · quiz ask --reveal · quiz ask --id leaky-relu --answer \"small slope for "
    "negative inputs, fixes dying ReLU\" --json · echo \"...\" | quiz ask --id tanh-vs-sigmoid "
    "--answer-file - --explain-grading.  While answering: type or paste (a pasted answer with "
    "blank lines stays one answer), then Enter on an empty line or Ctrl-D submits; /edit "
    "opens $VISUAL or $EDITOR on the draft, /hint reveals a missed key point (it then counts "
    "as missed), /skip moves on without saving, /quit ends the session; Ctrl-C ends it at "
    "once and keeps what was answered (exit 130). Suggested rating by score (covered/total): "
    ">= 0.9 Easy, >= 0.6 Good, >= 0.3 Hard, else Again."
)
def ask(
    ids: Optional[List[str]] = typer.Option(None, "--id", metavar="ID",
                                            autocompletion=completion.question_ids,
                                            help="Ask this question (repeatable)."),
    tags: Optional[List[str]] = typer.Option(None, "--tag", metavar="TAG",
                                             autocompletion=completion.tags,
                                             help="Questions with any of these tags (repeatable)."),
    difficulty: Optional[str] = typer.Option(None, "--difficulty", metavar="1|2|3",
                                             help="Only this difficulty: 1 easy, 2 medium, 3 hard."),
    count: Optional[int] = typer.Option(None, "--count", min=1, metavar="N",
                                        help="Ask at most N questions (their follow-ups not counted)."),
    no_follow_ups: bool = typer.Option(False, "--no-follow-ups",
                                       help="Do not drill down with follow-up questions."),
    no_see_also: bool = typer.Option(False, "--no-see-also",
                                     help="Do not offer the explain/demo commands after each "
                                     "rating."),
    editor: bool = typer.Option(False, "--editor",
                                help="Write every answer in $VISUAL or $EDITOR (as git commit "
                                "does); /edit does it for one answer."),
    shuffle: bool = typer.Option(False, "--shuffle", help="Ask the selected questions in random order."),
    seed: Optional[int] = typer.Option(None, "--seed", metavar="S",
                                       help="Seed for --shuffle (implies --shuffle) and for the "
                                       "numbers a computed question draws (with --answer: that "
                                       "draw; default the one quiz show shows)."),
    lang: Optional[str] = lang_option(
        "questions and feedback", note="Your answer's language is detected from its text."),
    reveal: bool = typer.Option(False, "--reveal",
                                help="No typing: think, press Enter, see the model answer and a "
                                "checklist of key points, then rate yourself."),
    answer: Optional[str] = typer.Option(None, "--answer", metavar="TEXT",
                                         help="Grade this answer to --id ID and exit (no prompts)."),
    answer_file: Optional[str] = typer.Option(None, "--answer-file", metavar="FILE",
                                              help="Like --answer, read from FILE ('-' reads stdin)."),
    json_: bool = typer.Option(False, "--json",
                               help="With --answer: print {id, lang, covered, missed, score, "
                               "suggested_rating, follow_ups} as JSON."),
    rate: Optional[str] = typer.Option(None, "--rate", metavar="again|hard|good|easy",
                                       help="With --answer: save the review with this rating."),
    explain_grading: bool = typer.Option(False, "--explain-grading",
                                         help="Show which phrase of the answer matched which key point."),
    grader: str = typer.Option("rubric", "--grader", metavar="rubric|llm|both",
                               help="Who grades: the offline rubric (default), an LLM over an "
                               "OpenAI-compatible endpoint (QUIZ_LLM_BASE_URL, QUIZ_LLM_MODEL, "
                               "QUIZ_LLM_API_KEY, QUIZ_LLM_TIMEOUT or llm.toml in the quiz home), "
                               "or both side by side, you pick. Any LLM failure falls back to "
                               "the rubric."),
    home: Optional[str] = home_option(),
    practice: bool = typer.Option(False, "--practice",
                                  help="Ignore the review schedule: every question in curriculum order."),
    new: int = typer.Option(10, "--new", min=0, metavar="N",
                            help="At most N new questions a day when the schedule picks them."),
    interactive: bool = typer.Option(False, "--interactive",
                                     help="Run the session even when stdin is not a terminal "
                                     "(reads the answers line by line, e.g. from a script)."),
    content_dir: Optional[List[Path]] = content_dir_option(),
    ascii_: bool = ascii_option("borders and marks"),
    width: Optional[int] = width_option(),
) -> None:
    """A mock interview: a question, your answer graded, the model answer, then follow-ups."""
    from ..errors import QuizError
    from ..i18n import resolve_lang

    language = resolve_lang(lang)
    one_shot = answer is not None or answer_file is not None
    from .ask_llm import check_grader

    llm_config = check_grader(grader, reveal=reveal, home=home)
    if answer is not None and answer_file is not None:
        raise QuizError("Give the answer once: --answer TEXT or --answer-file FILE, not both.")
    if not one_shot:
        for flag, given in (("--json", json_), ("--rate", rate is not None)):
            if given:
                raise QuizError(f"{flag} goes with --answer TEXT or --answer-file FILE (one graded "
                                "answer); the interactive session asks for the rating itself.")
    if one_shot:
        if reveal:
            raise QuizError("--reveal is the no-typing mode; it does not take --answer or --answer-file.")
        if len(ids or ()) != 1 or tags or difficulty is not None:
            raise QuizError("--answer and --answer-file grade one question: give exactly one --id ID "
                            "(e.g. quiz ask --id relu-vs-sigmoid --answer \"...\").")
        _one_answer(ids[0], answer, answer_file, language, json_=json_, rate=rate,
                        explain=explain_grading, home=home, content_dir=content_dir,
                        ascii_only=ascii_, width=width, seed=seed,
                        grader=grader.strip().casefold(), llm_config=llm_config)
        return
    if ids and (tags or difficulty is not None):
        raise QuizError("Choose questions either by --id or by --tag/--difficulty, not both.")
    if not interactive and not sys.stdin.isatty():
        raise QuizError("stdin is not a terminal and no answer was given. Grade one answer with "
                        "--id ID --answer TEXT (or --answer-file FILE, '-' for stdin), or pass "
                        "--interactive to read the session's lines from stdin.")
    code = _interview(
        ids=ids or [], tags=tags or [], difficulty=difficulty, count=count,
        follow_ups=not no_follow_ups, shuffle=shuffle or seed is not None, seed=seed,
        see_also=not no_see_also, editor=editor,
        lang=language, reveal=reveal, explain=explain_grading, home=home, practice=practice,
        new=new, content_dir=content_dir, ascii_only=ascii_, width=width,
        grader=grader.strip().casefold(), llm_config=llm_config)
    if code:
        raise typer.Exit(code)


# ------------------------------------------------------------------------------ wiring
def _load_bank(content_dir, lang, *, lazy: bool = False):
    from .common import open_bank

    return open_bank(content_dir, lang, lazy=lazy)


def _question(bank, qid: str):
    """bank.get, with ids that contain what was typed added to the suggestions ('tanh' ->
    tanh-vs-sigmoid), since a partial id is the usual mistake."""
    from ..errors import QuizError, closest, did_you_mean

    if qid in bank:
        return bank.get(qid)  # a broken file says why instead of "unknown id"
    typed = qid.strip().casefold()
    ids = bank.ids()
    near = [i for i in ids if typed and typed in i][:3]
    near += [i for i in closest(typed, ids, limit=3) if i not in near]
    raise QuizError(f"Unknown question id '{qid}'.{did_you_mean(qid, near=near[:3])} "
                    f"(quiz list shows all {len(ids)})")


MAX_ANSWER_BYTES = 2 * 1024 * 1024  # far above what grading reads; `yes |` stops here


def _read_answer_file(path: str) -> str:
    from ..errors import QuizError
    from ..safe_io import read_regular

    if path == "-":
        data = sys.stdin.buffer.read(MAX_ANSWER_BYTES + 1) if hasattr(sys.stdin, "buffer") \
            else sys.stdin.read(MAX_ANSWER_BYTES + 1)
        where = "stdin"
    else:
        from pathlib import Path

        p = Path(path).expanduser()
        where = str(p)
        try:
            data = read_regular(p, MAX_ANSWER_BYTES)  # never a FIFO or /dev/zero
        except IsADirectoryError:
            raise QuizError(f"--answer-file {path}: is a directory; give a text file, or '-' for stdin.") from None
        except FileNotFoundError:
            raise QuizError(f"--answer-file {path}: no such file. Give a text file, or '-' for stdin.") from None
        except OSError as exc:
            raise QuizError(f"--answer-file {path}: cannot read it ({exc.strerror}).") from None
    if len(data) > MAX_ANSWER_BYTES:
        raise QuizError(f"--answer-file: {where} holds more than {MAX_ANSWER_BYTES // 2**20} MB; "
                        "an answer is a few paragraphs.")
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise QuizError(f"--answer-file: {where} is not UTF-8 text. Save the answer as UTF-8.") from None


def _one_answer(qid, answer, answer_file, lang, *, json_, rate, explain, home, content_dir,
                ascii_only, width, seed=None, grader="rubric", llm_config=None) -> None:
    """Grade one answer (no prompts); with --rate, save it as a review."""
    from ..errors import QuizError
    from ..grading import RATINGS, parse_rating
    from ..kinds import grade, instance

    rating = None
    if rate is not None:
        rating = parse_rating(rate)
        if rating is None:
            raise QuizError(f"Unknown rating '{rate}' for --rate. Allowed: again, hard, good, easy (or 1-4).")
    bank = _load_bank(content_dir, lang, lazy=True)  # one question: parse only what is asked
    question = instance(_question(bank, qid), 0 if seed is None else seed)
    text = answer if answer is not None else _read_answer_file(answer_file)
    g = grade(question, text, lang, _lexicon(bank))
    decided, extra, verdict, rubric = "rubric", None, None, g
    if llm_config is not None:  # --grader llm|both
        from .ask_llm import one_shot

        g, decided, extra, verdict = one_shot(question, text, g, llm_config, grader, lang)
    saved = None
    if rating is not None:
        from ..store import open_store

        with open_store(home) as store:
            saved = store.record_review(question.id, rating, score=round(g.score, 4),
                                        covered=g.covered, missed=g.missed, lang=g.lang,
                                        duration_s=None, tags=question.tags, grader=decided)
    if json_:
        from ..jsonout import emit

        data = {"id": question.id, "lang": g.lang, "covered": list(g.covered),
                "missed": list(g.missed), "score": round(g.score, 4),
                "suggested_rating": RATINGS[g.suggested_rating - 1],
                "follow_ups": [f for f in question.follow_ups if f in bank]}
        if extra is not None:  # --grader llm|both: after the seven keys, which never change
            data.update(extra)
        if explain:
            data["matches"] = [{"key_point": m.key_point, "lang": m.lang, "pattern": m.pattern,
                                "phrase": m.phrase, "start": m.start, "end": m.end}
                               for m in g.matches]
            data["misconceptions"] = _misconceptions_json(question, g, lang)
        if question.draw is not None:  # a number question: the draw that was graded
            d = question.draw
            data["draw"] = {"seed": d.seed, "values": dict(d.values), "value": d.value,
                            "tol": d.tol}
        if saved is not None:  # with --rate: say that it was saved and when it comes back
            data["saved"] = {"rating": RATINGS[saved.rating - 1], "due": saved.due.isoformat()}
        emit(data)
        return
    from ..console import make_console
    from ..render.ask import render_single

    console = make_console(width)
    render_single(console, question, text, g, lang, ascii_only=ascii_only, explain=explain)
    if llm_config is not None:
        from .ask_llm import render_one_shot

        render_one_shot(console, question, rubric, verdict, grader, lang, ascii_only)
    if saved is not None:
        from ..render.ask import render_saved

        render_saved(console, saved, lang)


def _lexicon(bank):
    """The bank's lexicon for claim grading, loaded only if a graded key point has claims."""
    return lambda: bank.lexicon


def _misconceptions_json(question, g, lang):
    """--json --explain-grading: the reject patterns found, like matches, plus why (in --lang)."""
    from ..grading import misconception_why

    return [{"key_point": m.key_point, "lang": m.lang, "pattern": m.pattern, "phrase": m.phrase,
             "start": m.start, "end": m.end,
             "why": misconception_why(question, m.key_point, lang, m.pattern if m.claim else None)}
            for m in g.misconceptions]


def _plan(bank, ids, tags, difficulty, shuffle, seed):
    from ..errors import QuizError

    if ids:
        plan = [_question(bank, i) for i in ids]
    elif tags or difficulty is not None:
        plan = bank.select(tags, difficulty)
        if not plan:
            wanted = " ".join([f"--tag {t}" for t in tags]
                              + ([f"--difficulty {difficulty}"] if difficulty is not None else []))
            raise QuizError(f"No question matches {wanted}. Drop a filter, or see the tags and "
                            "difficulties with quiz list.")
    else:
        plan = list(bank.questions)
    if not plan:
        raise QuizError("The question bank is empty. Add questions with --content-dir DIR "
                        "(see content/README.md).")
    if shuffle:
        import random

        plan = list(plan)
        random.Random(seed).shuffle(plan)
    return plan


def _demo_available() -> bool:
    """Is `quiz demo` one of the commands (so see-also demo lines can run inline)?"""
    from ..app import COMMANDS

    return "demo" in COMMANDS


def _interview(*, ids, tags, difficulty, count, follow_ups, shuffle, seed, lang, reveal, explain,
               home, practice, new, content_dir, ascii_only, width, grader="rubric",
               llm_config=None, see_also=True, editor=False) -> int:
    """The interactive session; returns the exit code (130 after Ctrl-C)."""
    from ..console import make_console
    from ..render import ask as render
    from ..session import Session
    from ..store import open_store
    from ..store.bankview import curriculum

    bank = _load_bank(content_dir, lang)
    selected = bool(ids or tags or difficulty is not None or shuffle)
    plan = _plan(bank, ids, tags, difficulty, shuffle, seed)
    console = make_console(width)
    with open_store(home) as store:
        chain = True
        if not selected and not practice:
            order, parents = curriculum(bank.questions)
            plan = [bank.find(i) for i in store.order_questions(order, parents, new_limit=new)]
            plan = [q for q in plan if q is not None]
            chain = False  # the schedule already placed new follow-ups after their parents
            if not plan:
                render.render_nothing_due(console, new, lang)
                return 0
        io = render.TerminalIO(console, lang, ascii_only=ascii_only, explain=explain,
                               stdin=sys.stdin)
        session_id = store.start_session()

        def record(review):
            return store.record_review(  # its due date is said after the rating
                review.question_id, review.rating, score=review.score, covered=review.covered,
                missed=review.missed, lang=review.lang, duration_s=review.duration_s,
                session_id=session_id, tags=review.tags, grader=review.grader)

        def see_also_run(kind, target):
            if kind == "explain":
                from .. import explain as core
                from ..render.explain import render_explain

                render_explain(console, core.explain(target, lang=lang), ascii_only=ascii_only)
            else:
                _run_demo(target, lang, ascii_only)

        judge = None
        if llm_config is not None:  # --grader llm|both
            from .ask_llm import session_judge

            judge = session_judge(console, llm_config, grader, lang, ascii_only, io.echo)
        from .. import editor as editors

        def edit(question, draft):
            console.file.flush()
            return editors.edit(draft, render.editor_comments(question, lang))

        if editor and not reveal and editors.editor_command() is None:
            io.show(render.EditorFailed("unset"))  # one line; every answer is typed here
            editor = False
        reviewed = {c.question_id for c in store.cards()}
        session = Session(plan, read=io.read, emit=io.show, record=record,
                          see_also=see_also_run if see_also else None,
                          lookup=bank.find, lang=lang, follow_ups=follow_ups, chain=chain,
                          reveal=reveal, demos=_demo_available(), limit=count, seed=seed,
                          lexicon=_lexicon(bank), judge=judge, edit=edit,
                          editor_first=editor and not reveal, reviewed=reviewed.__contains__)
        from ..streams import TermAsInterrupt

        try:
            with TermAsInterrupt() as sig:  # kill / closing the terminal: saved as Ctrl-C
                result = session.run()
        finally:
            try:
                store.end_session(session_id)
            except Exception:  # noqa: BLE001 — the reviews are saved; the session row is cosmetic
                pass
    render.render_summary(console, result, {q.id: q for q in bank.questions}, lang, ascii_only)
    if result.interrupted:
        return sig.exit_code(130)
    return 1 if result.unsaved else 0


def _run_demo(line: str, lang: str | None = None, ascii_only: bool = False) -> None:
    """Run a `see.demo` line in this process through the demo's spec (the same option types
    as `quiz demo`), in the session's language and border style unless the line sets them."""
    from . import demo

    spec, values, common = demo.parse_line(line)
    demo.run_demo(spec, values, seed=common.get("seed", 0), lang=common.get("lang") or lang,
                  ascii_only=bool(common.get("ascii_")) or ascii_only,
                  columns=common.get("columns"))
