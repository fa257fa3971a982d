"""The interview state machine (quizcli.session), driven by scripted lines: no terminal, no
store, no bank files. Every event and every recorded review is asserted."""

from __future__ import annotations

import pytest

from quizcli.bank.model import KeyPoint, Question
from quizcli.session import (Asked, BadInput, Edited, EditorFailed, Graded, Hint, ModelAnswer,
                             NoMoreHints, NothingToSubmit, PastedLine, Prompt, Rated,
                             RecordFailed, SeeAlsoFailed, SeeAlsoMenu, Session, Skipped,
                             UnknownCommand, parse_checklist, parse_menu, study_next, top_level)

EOF = object()
CTRL_C = object()


def kp(name: str) -> KeyPoint:
    return KeyPoint(name, {"en": f"say {name}", "ko": f"{name}라고 말하기"},
                    {"en": (rf"\b{name}\b",), "ko": (rf"{name}",)})


def q(qid: str, points=("alpha", "beta"), follow_ups=(), explain=(), demo=()) -> Question:
    return Question(id=qid, title={"en": f"{qid}?", "ko": f"{qid}인가요?"},
                    answer={"en": f"model {qid}", "ko": f"모범 {qid}"}, tags=("t",), difficulty=2,
                    key_points=tuple(kp(p) for p in points), follow_ups=tuple(follow_ups),
                    see_explain=tuple(explain), see_demo=tuple(demo))


A = q("a", follow_ups=("b", "c"), explain=("relu",))
B = q("b", points=("gamma", "delta", "eps", "zeta"), follow_ups=("d",))
C = q("c", points=("eta",))
D = q("d", points=("theta",))
E = q("e", points=("iota",))
BANK = {x.id: x for x in (A, B, C, D, E)}


class Script:
    def __init__(self, *lines):
        self.lines = list(lines)
        self.prompts: list[tuple[Prompt, str, str]] = []

    def __call__(self, prompt, question, detail):
        self.prompts.append((prompt, question.id, detail))
        if not self.lines:
            raise EOFError
        value = self.lines.pop(0)
        if value is EOF:
            raise EOFError
        if value is CTRL_C:
            raise KeyboardInterrupt
        return value


def run(plan, *lines, **options):
    script = Script(*lines)
    events, saved, seen = [], [], []
    options.setdefault("lookup", BANK.get)
    session = Session(plan, read=script, emit=events.append, record=saved.append,
                      see_also=lambda kind, target: seen.append((kind, target)),
                      clock=iter(range(0, 10_000, 5)).__next__, **options)
    return session.run(), events, saved, script, seen


def of(events, kind):
    return [e for e in events if isinstance(e, kind)]


def test_one_question_full_flow_records_the_rating_given():
    result, events, saved, script, _ = run([E], "iota is the answer", "", "4")
    assert [type(e).__name__ for e in events] == ["Asked", "Graded", "ModelAnswer", "Rated"]
    g = of(events, Graded)[0].grade
    assert g.covered == ("iota",) and g.missed == () and g.score == 1.0 and g.suggested_rating == 4
    assert [p for p, _, _ in script.prompts] == [Prompt.ANSWER, Prompt.MORE, Prompt.RATING]
    assert len(saved) == 1
    r = saved[0]
    assert (r.question_id, r.rating, r.suggested, r.score, r.covered, r.missed, r.lang) == \
        ("e", 4, 4, 1.0, ("iota",), (), "en")
    assert r.duration_s == 5.0  # clock ticks once at Asked, once at submission
    assert result.reviews == saved and not result.interrupted and not result.quit


def test_multi_line_answer_is_joined_and_graded_as_one():
    result, events, *_ = run([A], "first alpha", "then beta", "", "")
    g = of(events, Graded)[0]
    assert g.answer == "first alpha\nthen beta"
    assert g.grade.covered == ("alpha", "beta")


def test_enter_keeps_the_suggested_rating_and_bad_rating_asks_again():
    result, events, saved, *_ = run([A], "alpha", "", "meh", "5", "")
    assert saved[0].rating == saved[0].suggested == 2  # 1 of 2 = 0.5 -> Hard
    bad = of(events, BadInput)
    assert [b.text for b in bad] == ["meh", "5"] and all(b.prompt is Prompt.RATING for b in bad)


@pytest.mark.parametrize("typed,rating", [("again", 1), ("h", 2), ("GOOD", 3), ("e", 4), ("3", 3),
                                          ("쉬움", 4), ("다시", 1)])
def test_rating_words(typed, rating):
    _, _, saved, *_ = run([E], "x", "", typed)
    assert saved[0].rating == rating


def test_follow_ups_in_order_depth_first_with_labels():
    # a -> b -> d (b's follow-up), then c; e is the next top-level question
    lines = []
    for _ in range(5):
        lines += ["nothing", "", "", "n"]  # answer, submit, Enter rating, see-also (only a has one)
    result, events, saved, script, _ = run([A, E], *lines, follow_ups=True)
    asked = of(events, Asked)
    assert [(x.question.id, x.number, x.total, x.follow_up, x.parent) for x in asked] == [
        ("a", 1, 2, None, None),
        ("b", 1, 2, (1, 2), "a"),
        ("d", 1, 2, (1, 1), "b"),
        ("c", 1, 2, (2, 2), "a"),
        ("e", 2, 2, None, None),
    ]
    assert [r.follow_up_of for r in saved] == [None, "a", "b", "a", None]


def test_a_plan_item_reached_as_a_follow_up_is_asked_once():
    lines = ["x", "", ""] * 6
    result, events, saved, *_ = run([A, C, B, E], *lines)
    ids = [x.question.id for x in of(events, Asked)]
    assert ids == ["a", "b", "d", "c", "e"]
    assert top_level([A, C, B, E]) == [A, E]


def test_no_follow_ups():
    result, events, *_ = run([A, E], *(["x", "", ""] * 3), follow_ups=False)
    assert [x.question.id for x in of(events, Asked)] == ["a", "e"]


def test_limit_counts_top_level_questions_only():
    result, events, *_ = run([A, E], *(["x", "", ""] * 6), limit=1)
    assert [x.question.id for x in of(events, Asked)] == ["a", "b", "d", "c"]
    assert result.planned == 1


def test_schedule_order_without_chaining_still_labels_follow_ups():
    # the store placed b right after its parent a; the session must not add c or d itself
    result, events, *_ = run([A, B, E], *(["x", "", ""] * 3), chain=False)
    asked = of(events, Asked)
    # numbered by what is asked: c is not in this plan, so b is follow-up 1 of 1, not "1 of 2"
    assert [(x.question.id, x.follow_up) for x in asked] == [("a", None), ("b", (1, 1)), ("e", None)]
    assert result.planned == 2 and [x.number for x in asked] == [1, 1, 2]


def test_skip_moves_on_without_saving_and_skips_the_chain():
    result, events, saved, *_ = run([A, E], "/skip", "iota", "", "")
    assert [x.question.id for x in of(events, Asked)] == ["a", "e"]
    assert result.skipped == ["a"] and [r.question_id for r in saved] == ["e"]
    assert len(of(events, Skipped)) == 1


def test_quit_ends_the_session_keeping_earlier_reviews():
    result, events, saved, *_ = run([E, C], "iota", "", "", "/quit", "never read")
    assert result.quit and not result.interrupted
    assert [r.question_id for r in saved] == ["e"]


def test_hint_reveals_a_missed_point_which_then_counts_as_missed():
    result, events, saved, *_ = run([B], "gamma", "/hint", "delta", "/hint", "/hint", "/hint", "", "")
    hints = of(events, Hint)
    assert [(h.key_point, h.given, h.total) for h in hints] == [("delta", 1, 4), ("eps", 2, 4),
                                                               ("zeta", 3, 4)]
    assert hints[0].text == "say delta"
    assert [n.all_shown for n in of(events, NoMoreHints)] == [False]  # gamma was answered
    g = of(events, Graded)[0].grade
    assert g.covered == ("gamma",) and g.missed == ("delta", "eps", "zeta")
    assert g.hinted == ("delta", "eps", "zeta") and g.score == 0.25 and g.suggested_rating == 1
    assert saved[0].hinted == ("delta", "eps", "zeta")


def test_no_more_hints_after_every_point_was_hinted_says_so():
    _, events, *_ = run([B], "/hint", "/hint", "/hint", "/hint", "/hint", "", "")
    assert len(of(events, Hint)) == 4
    assert [n.all_shown for n in of(events, NoMoreHints)] == [True]


def test_hint_in_korean_session_gives_korean_text():
    _, events, *_ = run([E], "/hint", "", "", lang="ko")
    assert of(events, Hint)[0].text == "iota라고 말하기"


def test_unknown_slash_command_is_not_part_of_the_answer():
    _, events, *_ = run([E], "/hlep", "iota / 2", "", "")
    assert [u.text for u in of(events, UnknownCommand)] == ["/hlep"]
    assert of(events, Graded)[0].answer == "iota / 2"


def test_enter_with_nothing_written_is_not_an_answer():
    # Issue 11: Enter on an empty first line used to submit an empty answer that a second
    # Enter then saved as a review; now it only says what to do
    result, events, saved, script, _ = run([E], "", "  ", "iota", "", "")
    assert [n.eof for n in of(events, NothingToSubmit)] == [False, False]
    assert [g.answer for g in of(events, Graded)] == ["iota"]
    assert [p for p, _, _ in script.prompts] == [Prompt.ANSWER] * 3 + [Prompt.MORE, Prompt.RATING]
    assert len(saved) == 1 and saved[0].covered == ("iota",)


def test_a_pasted_answer_with_blank_lines_is_one_answer():
    # a paste arrives line by line; its blank lines and a line like "/skip" are text
    paste = ["alpha first", "", "/skip is not a command here", "", "beta last"]
    result, events, saved, script, _ = run(
        [A], paste[0], *[PastedLine(x) for x in paste[1:]], "", "3")
    [g] = of(events, Graded)
    assert g.answer == "\n".join(paste) and g.grade.covered == ("alpha", "beta")
    assert not result.skipped and saved[0].rating == 3
    # as one string with newlines (GNU readline's bracketed paste), the same
    result, events, *_ = run([A], "alpha first\n\nbeta last", "", "")
    assert of(events, Graded)[0].answer == "alpha first\n\nbeta last"


def test_only_a_typed_empty_line_submits_a_paste_that_ends_with_blank_lines():
    result, events, *_ = run([A], "alpha", PastedLine(""), PastedLine(""), "beta", "", "")
    assert of(events, Graded)[0].answer == "alpha\n\n\nbeta"


def test_eof_while_typing_submits_what_was_typed():
    result, events, saved, *_ = run([E], "iota", EOF, "")
    assert of(events, Graded)[0].answer == "iota" and saved[0].score == 1.0


def test_eof_at_an_empty_answer_prompt_warns_once_then_quits():
    result, events, saved, *_ = run([E, C], EOF)  # piped input: EOF, then EOF again
    assert result.quit and saved == [] and len(of(events, Asked)) == 1
    assert [n.eof for n in of(events, NothingToSubmit)] == [True]
    # Ctrl-D once on a terminal does not end the session: the answer typed after it counts
    result, events, saved, *_ = run([E], EOF, "iota", "", "")
    assert not result.quit and [r.score for r in saved] == [1.0]


def test_eof_at_rating_keeps_the_suggestion():
    result, events, saved, *_ = run([E], "iota", "", EOF)
    assert saved[0].rating == 4 and of(events, Rated)[0].auto is True


def test_ctrl_c_while_typing_drops_the_half_answer_keeps_the_earlier_ones():
    result, events, saved, *_ = run([E, C], "iota", "", "3", "half an ans", CTRL_C)
    assert result.interrupted and not result.quit
    assert [r.question_id for r in saved] == ["e"] and result.reviews == saved


def test_ctrl_c_at_rating_saves_the_graded_answer_with_its_suggestion():
    result, events, saved, *_ = run([E, C], "iota", "", CTRL_C)
    assert result.interrupted
    assert [(r.question_id, r.rating) for r in saved] == [("e", 4)]
    assert of(events, Rated)[0].auto is True
    assert [x.question.id for x in of(events, Asked)] == ["e"]  # nothing asked after Ctrl-C


def test_ctrl_c_at_see_also_ends_after_the_saved_review():
    result, events, saved, *_ = run([A], "alpha", "", "", CTRL_C)
    assert result.interrupted and [r.question_id for r in saved] == ["a"]


def test_see_also_is_one_menu_numbers_run_enter_skips():
    a = q("a2", explain=("relu", "sigmoid"), demo=("vanishing --depth 20",))
    _, events, _, script, seen = run([a], "x", "", "", "2")
    assert seen == [("explain", "sigmoid")]
    assert [m.commands for m in of(events, SeeAlsoMenu)] == [("quiz explain relu",
                                                              "quiz explain sigmoid")]
    assert [p for p, _, _ in script.prompts].count(Prompt.SEE) == 1  # one prompt, not one each
    _, _, _, _, seen = run([a], "x", "", "", "all")
    assert seen == [("explain", "relu"), ("explain", "sigmoid")]  # demos only when they exist
    _, _, _, _, seen = run([a], "x", "", "", "")
    assert seen == []


def test_see_also_bad_input_asks_once_more_then_skips():
    a = q("a2", explain=("relu", "sigmoid"))
    _, events, _, script, seen = run([a], "x", "", "", "maybe", "1")
    assert seen == [("explain", "relu")]
    assert [(b.prompt, b.text, b.final) for b in of(events, BadInput)] == [(Prompt.SEE, "maybe", False)]
    _, events, _, script, seen = run([a], "x", "", "", "maybe", "y")  # y: which of two?
    assert seen == [] and [b.final for b in of(events, BadInput)] == [False, True]
    assert [p for p, _, _ in script.prompts].count(Prompt.SEE) == 2


def test_see_also_never_offers_a_command_twice_in_a_session():
    one = q("s1", points=("alpha",), explain=("relu", "tanh"))
    two = q("s2", points=("beta",), explain=("relu",))
    three = q("s3", points=("gamma",), explain=("relu", "gelu"))
    _, events, _, script, seen = run([one, two, three], "alpha", "", "", "",
                                     "beta", "", "", "gamma", "", "", "y", follow_ups=False)
    assert [m.commands for m in of(events, SeeAlsoMenu)] == [
        ("quiz explain relu", "quiz explain tanh"), ("quiz explain gelu",)]
    assert seen == [("explain", "gelu")]  # y picks the only item


def test_no_see_also_offers_nothing():
    a = q("a2", explain=("relu",))
    events = []
    s = Session([a], read=Script("x", "", ""), emit=events.append, see_also=None)
    s.run()
    assert of(events, SeeAlsoMenu) == []


@pytest.mark.parametrize("text,n,expected", [
    ("", 3, []), ("n", 3, []), ("아니요", 2, []), ("2", 3, [2]), ("3 1", 3, [1, 3]), ("all", 2, [1, 2]),
    ("y", 1, [1]), ("네", 1, [1]), ("y", 2, None), ("maybe", 3, None), ("4", 3, None),
])
def test_parse_menu(text, n, expected):
    assert parse_menu(text, n) == expected


def test_see_also_offers_demo_targets_when_demos_exist():
    a = q("a3", explain=("relu",), demo=("vanishing --depth 20",))
    _, _, _, script, seen = run([a], "x", "", "", "2", demos=True)
    assert seen == [("demo", "vanishing --depth 20")]
    assert [d for p, _, d in script.prompts if p is Prompt.SEE] == [
        "quiz explain relu\nquiz demo vanishing --depth 20"]


def test_rated_carries_when_the_question_is_due_again():
    from datetime import datetime, timezone
    from types import SimpleNamespace

    due = datetime(2026, 12, 3, 9, 0, tzinfo=timezone.utc)
    events = []
    s = Session([E], read=Script("iota", "", ""), emit=events.append,
                record=lambda review: SimpleNamespace(due=due))
    s.run()
    assert [r.due for r in of(events, Rated)] == [due]


def test_header_says_review_or_new():
    result, events, *_ = run([E, C], "iota", "", "", "eta", "", "", reviewed={"c"}.__contains__)
    assert [(x.question.id, x.new) for x in of(events, Asked)] == [("e", True), ("c", False)]
    _, events, *_ = run([E], "iota", "", "")
    assert of(events, Asked)[0].new is None  # no store: not said


def test_follow_ups_are_numbered_by_what_is_asked():
    # b was already asked as a top-level question: a's follow-ups asked are c only, "1 of 1"
    _, events, *_ = run([B, A], *(["x", "", ""] * 6), follow_ups=True, chain=True)
    labels = [(x.question.id, x.follow_up) for x in of(events, Asked)]
    assert ("c", (1, 1)) in labels and ("c", (2, 2)) not in labels


def test_summary_order_keeps_a_skipped_question_in_place():
    result, *_ = run([E, C, D], "iota", "", "", "/skip", "theta", "", "", follow_ups=False)
    assert result.asked == ["e", "c", "d"] and result.skipped == ["c"]


def test_edit_takes_the_answer_from_the_editor_with_the_draft():
    from quizcli.editor import EditorError

    drafts = []

    def edit(question, draft):
        drafts.append(draft)
        return draft + "\nand beta from the editor"

    events = []
    s = Session([A], read=Script("alpha typed", "/edit", ""), emit=events.append, edit=edit)
    result = s.run()
    assert drafts == ["alpha typed"]
    assert [e.text for e in of(events, Edited)] == ["alpha typed\nand beta from the editor"]
    assert of(events, Graded)[0].grade.covered == ("alpha", "beta")

    def broken(question, draft):
        raise EditorError("status", "vi", 1)

    events = []
    s = Session([A], read=Script("alpha", "/edit", "beta", "", ""), emit=events.append,
                edit=broken)
    s.run()  # the draft is kept, line input goes on
    assert [(f.reason, f.command, f.status, f.draft_lines) for f in of(events, EditorFailed)] == [
        ("status", "vi", 1, 1)]
    assert of(events, Graded)[0].answer == "alpha\nbeta"


def test_editor_first_and_an_empty_editor_answer_fall_back_to_typing():
    events = []
    s = Session([A], read=Script("alpha", "", ""), emit=events.append,
                edit=lambda q, d: "# only a comment was left\n" and "", editor_first=True)
    s.run()
    assert [f.reason for f in of(events, EditorFailed)] == ["empty"]
    assert of(events, Graded)[0].answer == "alpha"


def test_a_failing_see_also_target_does_not_end_the_interview():
    events = []

    def boom(kind, target):
        raise RuntimeError("no such thing")

    s = Session([A, E], read=Script("x", "", "", "y", "iota", "", ""), emit=events.append,
                see_also=boom, follow_ups=False)
    result = s.run()
    assert [f.command for f in of(events, SeeAlsoFailed)] == ["quiz explain relu"]
    assert [r.question_id for r in result.reviews] == ["a", "e"]


def test_a_failing_store_is_reported_and_the_session_goes_on():
    events = []

    def record(review):
        raise OSError("database is locked")

    s = Session([E, C], read=Script("iota", "", "", "eta", "", ""), emit=events.append,
                record=record)
    result = s.run()
    assert len(of(events, RecordFailed)) == 2 and "locked" in of(events, RecordFailed)[0].message
    assert result.unsaved == 2 and [r.saved for r in result.reviews] == [False, False]


def test_reveal_mode_checklist_and_self_rating():
    result, events, saved, script, _ = run([B], "", "1 3", "", reveal=True)
    assert [p for p, _, _ in script.prompts][:3] == [Prompt.REVEAL, Prompt.CHECKLIST, Prompt.RATING]
    assert of(events, ModelAnswer)[0].checklist is True
    g = of(events, Graded)[0]
    assert g.answer is None and g.grade.covered == ("gamma", "eps") and g.grade.score == 0.5
    assert saved[0].rating == 2 and saved[0].covered == ("gamma", "eps")


def test_reveal_mode_rejects_a_bad_checklist_then_accepts_all():
    result, events, saved, *_ = run([B], "", "9", "x y", "all", "", reveal=True)
    assert len(of(events, BadInput)) == 2 and saved[0].score == 1.0 and saved[0].rating == 4


def test_reveal_mode_skip_and_eof():
    result, events, saved, *_ = run([B, E], "/skip", EOF, reveal=True)
    assert result.skipped == ["b"] and result.quit and saved == []


@pytest.mark.parametrize("text,n,expected", [
    ("", 4, []), ("1 3", 4, [1, 3]), ("3,1,3", 4, [1, 3]), ("ALL", 3, [1, 2, 3]), ("모두", 2, [1, 2]),
    ("0", 4, None), ("5", 4, None), ("a b", 4, None), ("1.5", 4, None),
])
def test_parse_checklist(text, n, expected):
    assert parse_checklist(text, n) == expected


def test_study_next_orders_by_times_missed_then_rating_then_order():
    from quizcli.session import Review

    def r(qid, rating, missed):
        return Review(qid, {"en": qid}, rating, rating, 0.0, (), tuple(missed), (), "en", 1.0)

    reviews = [r("a", 3, ["x", "y"]), r("b", 1, ["z"]), r("a", 2, ["y"])]
    assert study_next(reviews) == [("a", "y", 2), ("b", "z", 1), ("a", "x", 1)]
    assert study_next(reviews, limit=1) == [("a", "y", 2)]


def test_language_of_the_review_is_the_answers_not_the_ui():
    _, _, saved, *_ = run([E], "이건 iota 입니다 한국어 답변", "", "", lang="en")
    assert saved[0].lang == "ko"
