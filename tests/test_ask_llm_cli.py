"""`quiz ask --grader llm|both` through the CLI against a scripted loopback server: the JSON
keys, each failure's one fallback line, the review log, the interactive pick, and Ctrl-C while
waiting for the model."""

from __future__ import annotations

import io
import json

import pytest

from llm_server import ScriptedLLM, chat, free_port, verdicts

QID = "relu-vs-sigmoid"
KEY = "sk-cli-0b8e2d4f6a"
ANSWER = "Sigmoid saturates so gradients vanish; ReLU is cheap"
JSON_KEYS = ["id", "lang", "covered", "missed", "score", "suggested_rating", "follow_ups"]
LLM_SAYS = verdicts(("vanishing-gradient", "covered", "Sigmoid saturates so gradients vanish"),
                    ("compute-cost", "covered", "ReLU is cheap"),
                    ("mitigates-not-abolishes", "missed", ""), ("sparsity", "missed", ""),
                    ("not-zero-centered", "missed", ""), ("dying-relu", "missed", ""))


@pytest.fixture(autouse=True)
def no_demo_offers(monkeypatch):
    monkeypatch.setattr("quizcli.commands.ask._demo_available", lambda: False)


@pytest.fixture
def server(monkeypatch):
    with ScriptedLLM() as s:
        monkeypatch.setenv("QUIZ_LLM_BASE_URL", s.base_url)
        monkeypatch.setenv("QUIZ_LLM_MODEL", "scripted-model")
        monkeypatch.setenv("QUIZ_LLM_API_KEY", KEY)
        monkeypatch.setenv("QUIZ_LLM_TIMEOUT", "1")
        yield s


def rubric_json(cli, answer=ANSWER):
    r = cli("ask", "--id", QID, "--answer", answer, "--json")
    assert r.exit_code == 0, r
    return {k: v for k, v in json.loads(r.stdout).items() if k in JSON_KEYS}


def no_key(r):
    assert KEY not in r.stdout and KEY not in r.stderr


# ------------------------------------------------------------------ --json
def test_llm_decides_and_keys_follow_the_seven(cli, server):
    answer = ANSWER + ". Units whose input is negative for every example stop learning for good."
    server.script(verdicts(("vanishing-gradient", "covered", "Sigmoid saturates so gradients vanish"),
                           ("dying-relu", "covered", "stop learning for good")))
    r = cli("ask", "--id", QID, "--answer", answer, "--json", "--grader", "llm")
    assert r.exit_code == 0, r
    data = json.loads(r.stdout)
    assert list(data)[:7] == JSON_KEYS
    assert list(data)[7:] == ["misconceptions", "grader", "llm", "fallback"]
    assert data["grader"] == "llm" and data["fallback"] is None
    assert data["covered"] == ["vanishing-gradient", "dying-relu"]
    assert data["llm"]["covered"] == data["covered"] and data["llm"]["model"] == "scripted-model"
    assert data["llm"]["quotes"]["dying-relu"] == "stop learning for good"
    assert "compute-cost" in rubric_json(cli, answer)["covered"]  # the LLM's verdict decided
    no_key(r)


def test_both_in_one_shot_mode_keeps_the_rubric_and_reports_the_llm(cli, server):
    server.script(verdicts(("vanishing-gradient", "covered", "gradients vanish")))
    r = cli("ask", "--id", QID, "--answer", ANSWER, "--json", "--grader", "both")
    data = json.loads(r.stdout)
    rubric = rubric_json(cli)
    assert {k: data[k] for k in JSON_KEYS} == rubric
    assert data["grader"] == "rubric" and data["llm"]["covered"] == ["vanishing-gradient"]


def test_rate_records_the_deciding_grader(cli, server):
    from quizcli.store import open_store

    server.script(LLM_SAYS)
    r = cli("ask", "--id", QID, "--answer", ANSWER, "--json", "--grader", "llm", "--rate", "good")
    assert r.exit_code == 0, r
    cli("ask", "--id", "leaky-relu", "--answer", "small slope", "--rate", "hard")
    with open_store() as s:
        assert [(x.question_id, x.grader) for x in s.reviews()] == [(QID, "llm"),
                                                                     ("leaky-relu", "rubric")]


FAILURES = [
    ("timeout", {**LLM_SAYS, "delay": 2.5}, "no reply within 1 s"),
    ("http", {"status": 401, "body": {"error": {"message": f"Incorrect API key {KEY}"}}},
     "HTTP 401"),
    ("http", {"status": 500, "body": {"error": {"message": "boom"}}}, "HTTP 500 boom"),
    ("malformed", chat("I think the answer is fine."), "not JSON"),
    ("partial", chat('{"key_points": [{"id": "compute', finish_reason="length"), "cut off"),
    ("malformed", verdicts(("nonsense", "covered", "x")), "none of the key points"),
]


@pytest.mark.parametrize("code, response, words", FAILURES)
def test_each_failure_falls_back_with_one_line(cli, server, code, response, words):
    server.script(response)
    r = cli("ask", "--id", QID, "--answer", ANSWER, "--json", "--grader", "llm")
    assert r.exit_code == 0, r
    data = json.loads(r.stdout)
    assert {k: data[k] for k in JSON_KEYS} == rubric_json(cli)
    assert data["grader"] == "rubric" and data["llm"] is None
    assert data["fallback"]["reason"] == code
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "graded by the rubric" in lines[0] and words in lines[0], r.stderr
    assert "Traceback" not in r.stderr
    no_key(r)


def test_refused_connection_falls_back(cli, server, monkeypatch):
    monkeypatch.setenv("QUIZ_LLM_BASE_URL", f"http://127.0.0.1:{free_port()}/v1")
    r = cli("ask", "--id", QID, "--answer", ANSWER, "--grader", "llm")
    assert r.exit_code == 0, r
    assert "Covered 2 of 6 key points" in " ".join(r.stdout.split())
    assert r.stderr.count("\n") == 1 and "connection refused by http://127.0.0.1:" in r.stderr


def test_empty_answer_is_refused_without_a_request(cli, server):
    r = cli("ask", "--id", QID, "--answer", "   ", "--json", "--grader", "llm")
    assert r.exit_code == 2 and r.stdout == "" and server.requests == []
    assert "answer is empty" in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_korean_fallback_line(cli, server):
    server.script({"status": 503, "body": {}})
    r = cli("ask", "--id", QID, "--answer", ANSWER, "--grader", "llm", "--lang", "ko")
    assert "LLM 채점을 쓸 수 없어 루브릭으로 채점했습니다 (서버 응답 HTTP 503)." in r.stderr


def test_human_output_shows_notes_and_the_comparison(cli, server):
    server.script(verdicts(("vanishing-gradient", "covered", "gradients vanish"),
                           ("compute-cost", "covered", "ReLU is free of cost"),
                           ("made-up", "covered", "x")))
    r = cli("ask", "--id", QID, "--answer", ANSWER, "--grader", "both")
    out = " ".join(r.stdout.split())
    assert "LLM note: ignored unknown key point 'made-up'." in out
    assert "LLM note: compute-cost not credited: its quote is not in your answer" in out
    assert "The graders differ on 1 key point:" in out
    assert "2 of 6 · suggested Hard" in out and "1 of 6 · suggested Again" in out


# ------------------------------------------------------------------ bad use
@pytest.mark.parametrize("args, needle", [
    (["--grader", "gpt"], "Unknown grader 'gpt'"),
    (["--grader", "llm", "--reveal"], "--reveal is self-graded"),
])
def test_bad_grader_use(cli, server, args, needle):
    r = cli("ask", "--id", QID, *args)
    assert r.exit_code == 2 and needle in r.stderr and r.stderr.count("\n") == 1, r


def test_not_configured_is_one_line_before_any_question(cli, monkeypatch):
    for name in ("QUIZ_LLM_BASE_URL", "QUIZ_LLM_MODEL"):
        monkeypatch.delenv(name, raising=False)
    r = cli("ask", "--id", QID, "--answer", ANSWER, "--grader", "both")
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.count("\n") == 1 and "not configured" in r.stderr


# ------------------------------------------------------------------ interactive
def session_input(*lines):
    return "\n".join(lines) + "\n"


def test_both_interactive_pick_llm(cli, server):
    from quizcli.store import open_store

    server.script(verdicts(("vanishing-gradient", "covered", "gradients vanish"),
                           ("compute-cost", "covered", "relu is cheap"),
                           ("sparsity", "covered", "ReLU is cheap")))  # LLM: 3 points
    r = cli("ask", "--id", QID, "--no-follow-ups", "--interactive", "--grader", "both",
            input=session_input(ANSWER, "", "x", "l", "", "n"))
    assert r.exit_code == 0, r
    out = " ".join(r.stdout.split())
    assert "The graders differ on 1 key point:" in out
    assert "Type r (rubric) or l (LLM)" in out  # 'x' was refused
    assert "Covered 3 of 6 key points · score 0.50 · suggested: Hard" in out
    with open_store() as s:
        (review,) = s.reviews()
    assert review.grader == "llm" and "sparsity" in review.covered and review.rating == 2


def test_both_interactive_enter_keeps_rubric(cli, server):
    from quizcli.store import open_store

    server.script(verdicts(("vanishing-gradient", "missed", "")))
    r = cli("ask", "--id", QID, "--no-follow-ups", "--interactive", "--grader", "both",
            input=session_input(ANSWER, "", "", "", "n"))
    assert r.exit_code == 0, r
    with open_store() as s:
        (review,) = s.reviews()
    assert review.grader == "rubric" and "vanishing-gradient" in review.covered


def test_llm_interactive_failure_keeps_the_session_going(cli, server):
    server.script({"status": 502, "body": {}},
                  verdicts(("zero-centered", "covered", "tanh is zero-centred")))
    r = cli("ask", "--id", QID, "--id", "tanh-vs-sigmoid", "--no-follow-ups", "--interactive",
            "--grader", "llm",
            input=session_input(ANSWER, "", "", "n", "n", "tanh is zero-centred", "", ""))
    assert r.exit_code == 0, r
    out = " ".join(r.stdout.split())
    assert out.count("LLM grader unavailable (the server answered HTTP 502): graded by the "
                     "rubric.") == 1
    assert "Graded by the LLM (scripted-model)." in out
    from quizcli.store import open_store

    with open_store() as s:
        assert [(x.question_id, x.grader, x.covered) for x in s.reviews()] == [
            (QID, "rubric", ("vanishing-gradient", "compute-cost")),
            ("tanh-vs-sigmoid", "llm", ("zero-centered",))]


def test_ctrl_c_while_waiting_falls_back_and_the_session_goes_on(monkeypatch):
    """Ctrl-C lands in the thread that waits for the reply: the judge grades with the rubric and
    the session asks for the rating as usual."""
    from quizcli.bank.loader import load_bank
    from quizcli.commands.ask_llm import session_judge
    from quizcli.console import make_console
    from quizcli.grading.llm import LLMConfig
    from quizcli.session import Graded, Prompt, Session

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("quizcli.grading.llm.post_json", interrupted)
    buf = io.StringIO()
    console = make_console(100)
    console.file = buf
    judge = session_judge(console, LLMConfig("http://127.0.0.1:9/v1", "m"), "llm", "en", False, True)
    bank = load_bank()
    answers = iter([ANSWER, "", "3"])
    events = []

    def read(prompt, q, detail):
        if prompt in (Prompt.ANSWER, Prompt.MORE, Prompt.RATING):
            return next(answers)
        raise EOFError

    result = Session([bank.get(QID)], read=read, emit=events.append, judge=judge,
                     follow_ups=False).run()
    assert not result.interrupted and [r.rating for r in result.reviews] == [3]
    assert result.reviews[0].grader == "rubric"
    assert "LLM grader unavailable (stopped with Ctrl-C): graded by the rubric." in buf.getvalue()
    graded = [e for e in events if isinstance(e, Graded)]
    assert graded[0].grade.covered == ("vanishing-gradient", "compute-cost")
