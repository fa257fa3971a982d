"""The LLM grader (quizcli/grading/llm.py) against a scripted loopback server: the verdict and
its quote checks, each failure the issue lists, the request it sends, and its configuration."""

from __future__ import annotations

import json
import time

import pytest

from llm_server import ScriptedLLM, chat, free_port, verdicts

QID = "relu-vs-sigmoid"
KEY = "sk-test-7f3a9c1e5d"
ANSWER = ("Sigmoid saturates, so gradients vanish in deep nets.\n"
          "ReLU is cheap: one comparison. ReLU completely solves vanishing gradients.")


@pytest.fixture(scope="module")
def question():
    from quizcli.bank.loader import load_bank

    return load_bank().get(QID)


@pytest.fixture
def server():
    with ScriptedLLM() as s:
        yield s


def config(server_or_url, timeout: float = 5.0, key: str | None = KEY):
    from quizcli.grading.llm import LLMConfig

    url = server_or_url if isinstance(server_or_url, str) else server_or_url.base_url
    return LLMConfig(url, "scripted-model", key, timeout)


def grade(question, cfg, answer=ANSWER, lang="en"):
    from quizcli.grading.llm import grade_llm

    return grade_llm(question, answer, cfg, default_lang=lang)


def failure(question, cfg, answer=ANSWER):
    from quizcli.grading.llm import LLMFailure

    with pytest.raises(LLMFailure) as info:
        grade(question, cfg, answer)
    assert KEY not in str(info.value) and KEY not in info.value.detail
    return info.value


# ------------------------------------------------------------------ success
def test_verdict_with_verified_quotes(question, server):
    server.script(verdicts(
        ("vanishing-gradient", "covered", "Sigmoid saturates, so gradients vanish"),
        ("compute-cost", "covered", "ReLU is cheap: one comparison"),
        ("mitigates-not-abolishes", "contradicted", "ReLU completely solves vanishing gradients"),
        ("sparsity", "missed", ""), ("not-zero-centered", "missed", ""),
        ("dying-relu", "missed", "")))
    v = grade(question, config(server))
    g = v.grade
    assert g.covered == ("vanishing-gradient", "compute-cost")
    assert g.missed == ("mitigates-not-abolishes", "sparsity", "not-zero-centered", "dying-relu")
    assert v.contradicted == ("mitigates-not-abolishes",)
    assert g.misconceptions[0].phrase == "relu completely solves vanishing gradients"
    assert [m.phrase for m in g.matches] == ["sigmoid saturates, so gradients vanish",
                                             "relu is cheap: one comparison"]
    from quizcli.textmatch import normalize

    for m in (*g.matches, *g.misconceptions):  # offsets point into the normalised answer
        assert normalize(ANSWER)[m.start:m.end] == m.phrase
    assert g.score == pytest.approx(2 / 6) and g.suggested_rating == 2  # hard
    assert v.notes == ()


def test_request_carries_rubric_in_the_answers_language(question, server):
    server.script(verdicts(("vanishing-gradient", "missed", "")))
    grade(question, config(server), answer="시그모이드는 포화되어 기울기가 소실됩니다")
    path, headers, body = server.requests[0]
    assert path == "/v1/chat/completions"
    assert headers["Authorization"] == f"Bearer {KEY}"
    assert body["model"] == "scripted-model" and body["temperature"] == 0
    assert body["response_format"]["type"] == "json_schema"
    schema = body["response_format"]["json_schema"]["schema"]
    assert schema["required"] == ["key_points"]
    prompt = body["messages"][-1]["content"]
    assert question.title["ko"] in prompt and question.title["en"] not in prompt
    for kp in question.key_points:
        assert f"- {kp.id}: {kp.text['ko']}" in prompt
        for con in kp.contradicts:
            assert con.why["ko"] in prompt
    assert question.answer["ko"] in prompt
    assert "시그모이드는 포화되어 기울기가 소실됩니다" in prompt


def test_english_answer_gets_english_rubric(question, server):
    server.script(verdicts(("vanishing-gradient", "missed", "")))
    grade(question, config(server))
    prompt = server.requests[0][2]["messages"][-1]["content"]
    assert question.key_points[0].text["en"] in prompt
    assert question.key_points[0].text["ko"] not in prompt


def test_quotes_match_after_normalisation_and_across_an_ellipsis(question, server):
    server.script(verdicts(
        ("vanishing-gradient", "covered", "SIGMOID   saturates, so gradients vanish"),  # case, spaces
        ("compute-cost", "covered", "ReLU is cheap … one comparison")))
    g = grade(question, config(server)).grade
    assert g.covered == ("vanishing-gradient", "compute-cost")


def test_hallucinated_quote_is_not_credited(question, server):
    server.script(verdicts(
        ("vanishing-gradient", "covered", "Sigmoid saturates, so gradients vanish"),
        ("sparsity", "covered", "ReLU outputs exactly zero for negative inputs"),
        ("dying-relu", "contradicted", "dead units never recover"),
        ("compute-cost", "covered", "")))  # covered without evidence
    v = grade(question, config(server))
    assert v.grade.covered == ("vanishing-gradient",)
    assert "sparsity" in v.grade.missed and "compute-cost" in v.grade.missed
    assert v.grade.misconceptions == ()  # an unquoted contradiction is not reported either
    kinds = {(n.kind, n.key_point) for n in v.notes}
    assert {("unverified_quote", "sparsity"), ("unverified_quote", "dying-relu"),
            ("unverified_quote", "compute-cost")} <= kinds


def test_unknown_key_point_is_ignored_with_a_note(question, server):
    server.script(verdicts(
        ("vanishing-gradient", "covered", "gradients vanish"),
        ("universal-approximation", "covered", "deep nets")))
    v = grade(question, config(server))
    assert v.grade.covered == ("vanishing-gradient",)
    assert ("unknown_id", "universal-approximation") in {(n.kind, n.key_point) for n in v.notes}
    left_out = {n.key_point for n in v.notes if n.kind == "not_returned"}
    assert left_out == {kp.id for kp in question.key_points} - {"vanishing-gradient"}


def test_only_unknown_key_points_is_a_failure(question, server):
    server.script(verdicts(("made-up", "covered", "deep nets")))
    f = failure(question, config(server))
    assert (f.code, f.detail) == ("malformed", "no_key_points")


def test_fenced_json_reply_is_read(question, server):
    content = "```json\n" + json.dumps({"key_points": [
        {"id": "compute-cost", "verdict": "covered", "quote": "relu is cheap"}]}) + "\n```"
    server.script(chat(content))
    assert grade(question, config(server)).grade.covered == ("compute-cost",)


def test_server_without_json_schema_is_asked_again_in_json_mode(question, server):
    server.script({"status": 400, "body": {"error": {"message": "response_format json_schema "
                                                      "is not supported"}}},
                  verdicts(("compute-cost", "covered", "relu is cheap")))
    assert grade(question, config(server)).grade.covered == ("compute-cost",)
    formats = [r[2]["response_format"]["type"] for r in server.requests]
    assert formats == ["json_schema", "json_object"]


# ------------------------------------------------------------------ failures
def test_timeout(question, server):
    server.script({**verdicts(("compute-cost", "covered", "relu is cheap")), "delay": 3})
    t0 = time.monotonic()
    f = failure(question, config(server, timeout=1.0))
    assert (f.code, f.detail) == ("timeout", "1")
    assert time.monotonic() - t0 < 2.5


def test_refused_connection(question):
    f = failure(question, config(f"http://127.0.0.1:{free_port()}/v1"))
    assert f.code == "refused" and f.detail.startswith("http://127.0.0.1:")


@pytest.mark.parametrize("status", [401, 404, 429, 500, 503])
def test_http_errors(question, server, status):
    # a server that echoes the key back must not leak it into the message
    server.script({"status": status, "body": {"error": {"message": f"bad key {KEY}"}}})
    f = failure(question, config(server))
    assert f.code == "http" and f.detail.startswith(str(status))
    assert "***" in f.detail


def test_reply_not_json(question, server):
    server.script(chat("The candidate covered vanishing gradients."))
    f = failure(question, config(server))
    assert (f.code, f.detail) == ("malformed", "not_json")


def test_body_not_json(question, server):
    server.script({"status": 200, "raw": b"<html>gateway</html>"})
    f = failure(question, config(server))
    assert (f.code, f.detail) == ("malformed", "body_not_json")


def test_no_choices(question, server):
    server.script({"status": 200, "body": {"object": "chat.completion", "choices": []}})
    assert failure(question, config(server)).detail == "no_content"


def test_wrong_shape(question, server):
    server.script(chat({"verdicts": "all good"}))
    assert failure(question, config(server)).detail == "no_list"


def test_partial_json_cut_off(question, server):
    text = json.dumps({"key_points": [{"id": "compute-cost", "verdict": "covered",
                                       "quote": "relu is cheap"}]})
    server.script(chat(text[:40], finish_reason="length"))
    assert failure(question, config(server)).code == "partial"
    server.script(chat(text[:40]))  # cut without saying so: still not credited
    assert failure(question, config(server)).code == "malformed"


def test_empty_answer_sends_nothing(question, server):
    f = failure(question, config(server), answer="  \n ")
    assert f.code == "empty"
    assert server.requests == []


# ------------------------------------------------------------------ configuration
def test_config_from_environment(monkeypatch):
    from quizcli.grading.llm import load_config

    monkeypatch.setenv("QUIZ_LLM_BASE_URL", "http://localhost:11434/v1")
    monkeypatch.setenv("QUIZ_LLM_MODEL", "qwen2.5:7b")
    monkeypatch.setenv("QUIZ_LLM_TIMEOUT", "12.5")
    monkeypatch.setenv("QUIZ_LLM_API_KEY", KEY)
    c = load_config()
    assert (c.base_url, c.model, c.timeout, c.api_key) == (
        "http://localhost:11434/v1", "qwen2.5:7b", 12.5, KEY)
    assert c.endpoint == "http://localhost:11434/v1/chat/completions"
    assert KEY not in repr(c)


def test_endpoint_without_version_gets_v1():
    from quizcli.grading.llm import LLMConfig

    assert LLMConfig("http://h:8080", "m").endpoint == "http://h:8080/v1/chat/completions"
    assert LLMConfig("https://api.x.ai/v1/", "m").endpoint == "https://api.x.ai/v1/chat/completions"
    assert LLMConfig("https://u:p@h/v1", "m").where == "https://h"


def test_config_file_and_environment_override(quiz_home, monkeypatch):
    from quizcli.grading.llm import load_config

    quiz_home.mkdir(parents=True, exist_ok=True)
    (quiz_home / "llm.toml").write_text('base_url = "http://127.0.0.1:8080/v1"\nmodel = "local"\n'
                                        'timeout = 7\napi_key = "from-file"\n', encoding="utf-8")
    c = load_config()
    assert (c.base_url, c.model, c.timeout, c.api_key) == (
        "http://127.0.0.1:8080/v1", "local", 7.0, "from-file")
    monkeypatch.setenv("QUIZ_LLM_MODEL", "override")
    assert load_config().model == "override"


def test_json_config_file(quiz_home):
    from quizcli.grading.llm import load_config

    quiz_home.mkdir(parents=True, exist_ok=True)
    (quiz_home / "llm.json").write_text(json.dumps({"base_url": "https://api.example.com/v1",
                                                    "model": "m"}), encoding="utf-8")
    assert load_config().base_url == "https://api.example.com/v1"


@pytest.mark.parametrize("env, needle", [
    ({}, "QUIZ_LLM_BASE_URL and QUIZ_LLM_MODEL"),
    ({"QUIZ_LLM_BASE_URL": "http://h/v1"}, "QUIZ_LLM_MODEL"),
    ({"QUIZ_LLM_BASE_URL": "localhost:11434", "QUIZ_LLM_MODEL": "m"}, "http://"),
    ({"QUIZ_LLM_BASE_URL": "http://h/v1", "QUIZ_LLM_MODEL": "m", "QUIZ_LLM_TIMEOUT": "soon"},
     "seconds"),
    ({"QUIZ_LLM_BASE_URL": "http://h/v1", "QUIZ_LLM_MODEL": "m", "QUIZ_LLM_TIMEOUT": "-1"},
     "seconds"),
])
def test_config_errors(monkeypatch, env, needle):
    from quizcli.grading.llm import LLMConfigError, load_config

    for k, v in env.items():
        monkeypatch.setenv(k, v)
    with pytest.raises(LLMConfigError) as info:
        load_config()
    assert needle in str(info.value)


def test_bad_config_file(quiz_home):
    from quizcli.grading.llm import LLMConfigError, load_config

    quiz_home.mkdir(parents=True, exist_ok=True)
    (quiz_home / "llm.toml").write_text('model = "m"\nbase = "x"\n', encoding="utf-8")
    with pytest.raises(LLMConfigError, match="unknown setting 'base'"):
        load_config()
    (quiz_home / "llm.toml").write_text('model = "m\n', encoding="utf-8")
    with pytest.raises(LLMConfigError, match="llm.toml: cannot read"):
        load_config()


# ------------------------------------------------------------------ review log
def test_review_log_records_the_grader():
    from quizcli.store import open_store

    with open_store() as s:
        s.record_review(QID, 3, covered=["compute-cost"], grader="llm")
        s.record_review("leaky-relu", 2)
        assert [(r.question_id, r.grader) for r in s.reviews()] == [(QID, "llm"),
                                                                     ("leaky-relu", "rubric")]
        with pytest.raises(ValueError):
            s.record_review(QID, 3, grader="gpt")
        cols = {r[1]: r for r in s.db.execute("PRAGMA table_info(reviews)")}
        assert cols["grader"][4] == "'rubric'"  # the default of every older review


# ------------------------------------------------------------------ benchmark
def test_benchmark_measures_the_configured_endpoint(server, monkeypatch, capsys):
    """benchmarks/grading.py --grader llm: a model that states exactly the labels scores 1.0
    on the answers it grades; a failed answer covers nothing and is counted."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "benchmarks" / "grading.py"
    spec = importlib.util.spec_from_file_location("bench_grading", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    items = bench.load("first")[:3]
    for item in items[:2]:  # the whole answer is a verbatim quote
        server.script(verdicts(*[(k, "covered", item["answer"]) for k in item["covers"]],
                               *[("not-a-point", "missed", "")]) if item["covers"] else
                      chat({"key_points": [{"id": kp, "verdict": "missed", "quote": ""} for kp in
                                           [k.id for k in _bank().get(item["question"]).key_points]]}))
    server.script({"status": 500, "body": {}})
    monkeypatch.setenv("QUIZ_LLM_BASE_URL", server.base_url)
    monkeypatch.setenv("QUIZ_LLM_MODEL", "scripted-model")
    assert bench.main(["--grader", "llm", "--sets", "first", "--limit", "3", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)["first"]
    assert report["answers"] == 3 and report["failures"] == 1
    figures = report["figures"]["all"]
    assert figures["fp"] == 0
    assert figures["tp"] == sum(len(i["covers"]) for i in items[:2])
    assert figures["fn"] == len(items[2]["covers"])


def _bank():
    from quizcli.bank.loader import load_bank

    return load_bank()
