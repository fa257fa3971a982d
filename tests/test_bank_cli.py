"""`quiz list`, `quiz show`, `quiz lint` through the real CLI (error boundary included)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "lint"
MARKUP = FIXTURES / "pass" / "markup-and-escapes"
SAMPLE = (FIXTURES / "QZ040-unknown-follow-up" / "sample-question.md").read_text(encoding="utf-8")


def _user_dir(tmp_path: Path, **files: str) -> Path:
    d = tmp_path / "mine"
    d.mkdir()
    for name, text in files.items():
        (d / f"{name}.md").write_text(text, encoding="utf-8")
    return d


# --------------------------------------------------------------------------- list

def test_list_shows_the_bank_in_curriculum_order(cli):
    r = cli("list", "--width", "120")
    assert r.exit_code == 0, r
    lines = r.stdout.splitlines()
    assert "Questions (" in lines[0]
    first = next(i for i, ln in enumerate(lines) if "relu-vs-sigmoid" in ln)
    second = next(i for i, ln in enumerate(lines) if "relu-not-differentiable" in ln)
    assert first < second
    assert "Why use ReLU instead of sigmoid?" in r.stdout
    assert "medium" in lines[first]


def test_list_json_matches_the_bank(cli):
    from quizcli.bank.loader import load_bank

    r = cli("list", "--json")
    assert r.exit_code == 0, r
    data = json.loads(r.stdout)
    assert [d["id"] for d in data] == load_bank(use_env=False).ids()
    assert data[0]["position"] == 1
    assert data[0]["title"]["ko"] == "sigmoid 대신 ReLU를 사용하는 이유가 뭔가요?"
    assert data[0]["follow_ups"] == ["relu-not-differentiable", "leaky-relu"]
    assert set(data[0]) >= {"id", "title", "tags", "difficulty", "follow_ups", "path"}


def test_list_filters(cli):
    r = cli("list", "--json", "--tag", "softmax", "--difficulty", "2")
    data = json.loads(r.stdout)
    assert data and all("softmax" in d["tags"] and d["difficulty"] == 2 for d in data)
    r2 = cli("list", "--json", "-t", "softmax", "-t", "relu")
    ids2 = {d["id"] for d in json.loads(r2.stdout)}
    assert {d["id"] for d in data} <= ids2


def test_list_korean_and_narrow(cli):
    r = cli("list", "--lang", "ko", "--width", "50")
    assert r.exit_code == 0, r
    assert "질문 (" in r.stdout and "보통" in r.stdout
    assert "sigmoid 대신 ReLU를" in r.stdout
    assert max(len(line) for line in r.stdout.splitlines()) <= 50


def test_list_unknown_tag_and_bad_difficulty_are_one_line_exit_2(cli):
    r = cli("list", "--tag", "reluu")
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.count("\n") == 1 and "Did you mean: relu" in r.stderr
    r = cli("list", "--difficulty", "9")
    assert r.exit_code == 2 and "Allowed: 1 (easy), 2 (medium), 3 (hard)" in r.stderr


def test_list_empty_result_is_a_message(cli):
    from quizcli.bank.loader import load_bank

    bank = load_bank(use_env=False)
    tag, level = next((t, d) for t in bank.tags() for d in (1, 2, 3)
                      if not bank.select([t], d))
    r = cli("list", "--tag", tag, "--difficulty", str(level))
    assert r.exit_code == 0
    assert r.stdout.startswith("No question matches these filters")
    assert json.loads(cli("list", "--tag", tag, "--difficulty", str(level), "--json").stdout) == []


def test_missing_content_dir_is_exit_2(cli, tmp_path):
    r = cli("list", "--content-dir", tmp_path / "nope")
    assert r.exit_code == 2
    assert "--content-dir" in r.stderr and "does not exist" in r.stderr
    assert "Traceback" not in r.stderr


def test_broken_user_file_reported_on_stderr_rest_listed(cli, tmp_path):
    good = SAMPLE.replace("follow_ups: [relu-not-diferentiable]", "follow_ups: [relu-vs-sigmoid]")
    bad = SAMPLE.replace("id: sample-question", "id: broken-q").replace("difficulty: 1",
                                                                          "difficulty: high")
    d = _user_dir(tmp_path, **{"sample-question": good, "broken-q": bad})
    r = cli("list", "--json", "--content-dir", d)
    assert r.exit_code == 0, r
    ids = [x["id"] for x in json.loads(r.stdout)]
    assert "sample-question" in ids and "broken-q" not in ids and "relu-vs-sigmoid" in ids
    assert "broken-q.md:7: QZ012 'difficulty' must be 1, 2 or 3, not the text 'high'" in r.stderr
    assert "quiz lint" in r.stderr


def test_env_content_path_is_read(cli, tmp_path):
    d = _user_dir(tmp_path, **{"sample-question": SAMPLE.replace(
        "follow_ups: [relu-not-diferentiable]", "follow_ups: []")})
    r = cli("list", "--json", env={"QUIZ_CONTENT_PATH": str(d)})
    assert json.loads(r.stdout)[-1]["id"] == "sample-question"
    assert json.loads(r.stdout)[-1]["builtin"] is False


# --------------------------------------------------------------------------- show

def test_show_korean(cli):
    r = cli("show", "relu-vs-sigmoid", "--lang", "ko", "--width", "100")
    assert r.exit_code == 0, r
    out = r.stdout
    assert "sigmoid 대신 ReLU를 사용하는 이유가 뭔가요?" in out
    assert "모범 답안" in out and "핵심 포인트" in out and "꼬리 질문" in out
    assert "기울기 소실" in out
    assert "[vanishing-gradient]" in out
    assert "quiz show relu-not-differentiable" in out
    assert "$ quiz explain relu" in out and "$ quiz demo vanishing --depth 20" in out
    assert "Glorot" in out
    assert "**" not in out  # Markdown rendered, not printed raw


def test_show_english_sections_in_order(cli):
    r = cli("show", "leaky-relu", "--lang", "en", "--width", "100")
    out = r.stdout
    idx = [out.index(h) for h in ("Model answer", "Key points", "Sources")]
    assert idx == sorted(idx)


def test_show_json_is_the_whole_question(cli):
    r = cli("show", "tanh-vs-sigmoid", "--json")
    data = json.loads(r.stdout)
    assert data["id"] == "tanh-vs-sigmoid" and data["position"] == 4
    assert {kp["id"] for kp in data["key_points"]} >= {"zero-centered", "still-saturates",
                                                       "tanh-sigmoid-relation", "derivative-peak"}
    assert set(data["answer"]) == {"ko", "en"}
    assert data["see"]["commands"] and data["sources"]
    assert all(isinstance(f["value"], float) for f in data["facts"])


def test_show_unknown_id_suggests(cli):
    r = cli("show", "leaky-relo")
    assert r.exit_code == 2 and r.stdout == ""
    assert "Unknown question id 'leaky-relo'. Did you mean: leaky-relu" in r.stderr


def test_show_prints_markup_and_escapes_literally(cli):
    r = cli("show", "markup-and-escapes", "--content-dir", MARKUP, "--width", "400")
    assert r.exit_code == 0, r
    out = r.stdout
    assert "What is [bold]ReLU[/bold]? [link=https://example.com]link[/link]" in out
    assert "[bold]not bold[/] [link=https://example.com]x[/link]" in out
    assert "\x1b" not in out and "\\x1b[31mred\\x1b[0m" in out
    r = cli("show", "markup-and-escapes", "--content-dir", MARKUP, "--lang", "ko", "--width", "400")
    assert "[bold]ReLU[/]는 어떤 함수인가요?" in r.stdout and "\x1b" not in r.stdout


def test_list_prints_markup_literally(cli):
    r = cli("list", "--content-dir", MARKUP, "--tag", "activation", "--width", "200")
    assert "What is [bold]ReLU[/bold]?" in r.stdout and "\x1b" not in r.stdout


# --------------------------------------------------------------------------- lint

def test_lint_builtin_bank_passes(cli):
    r = cli("lint")
    assert r.exit_code == 0, r.stdout
    assert " 0 errors" in r.stderr


def test_lint_reports_lines_and_exits_1(cli):
    r = cli("lint", FIXTURES / "QZ040-unknown-follow-up")
    assert r.exit_code == 1
    (line,) = r.stdout.splitlines()
    path, lineno, rest = line.split(":", 2)
    assert path.endswith("QZ040-unknown-follow-up/sample-question.md") and lineno == "8"
    assert rest.startswith(" QZ040 follow-up 'relu-not-diferentiable' is not a question")
    assert "1 error," in r.stderr


def test_lint_warning_only_exits_0(cli):
    r = cli("lint", FIXTURES / "QZ013-unknown-field")
    assert r.exit_code == 0 and "QZ013" in r.stdout


def test_lint_json(cli):
    r = cli("lint", FIXTURES / "QZ061-fact-mismatch", "--json")
    assert r.exit_code == 1
    data = json.loads(r.stdout)
    assert data["ok"] is False and data["errors"] == 1 and data["files"] == 1
    (p,) = data["problems"]
    assert p["code"] == "QZ061" and p["severity"] == "error" and p["line"] == 23
    assert "engine gives 0.25" in p["message"]


def test_lint_codes_table(cli):
    from quizcli.bank.codes import CODES

    r = cli("lint", "--codes")
    assert r.exit_code == 0
    for code in CODES:
        assert code in r.stdout
    data = json.loads(cli("lint", "--codes", "--json").stdout)
    assert [d["code"] for d in data] == list(CODES)
    assert data[0]["checks"]["ko"] and data[0]["severity"] == "error"
    ko = cli("lint", "--codes", "--lang", "ko")
    assert "검사 내용" in ko.stdout and "오류" in ko.stdout


def test_lint_missing_path_is_a_problem_not_a_traceback(cli, tmp_path):
    r = cli("lint", tmp_path / "nope")
    assert r.exit_code == 1
    assert "QZ009 cannot read content directory: it does not exist" in r.stdout


@pytest.mark.parametrize("cmd", [("list",), ("show", "relu-vs-sigmoid"), ("lint",)])
def test_no_color_and_no_escape_codes(cli, cmd):
    r = cli(*cmd)
    assert "\x1b" not in r.stdout


def test_user_content_cannot_be_loaded_when_huge(cli, tmp_path):
    d = tmp_path / "big"
    d.mkdir()
    (d / "huge.md").write_bytes(b"---\n" + b"x" * 1_100_000)
    r = cli("list", "--json", "--content-dir", d)
    assert r.exit_code == 0
    assert "huge.md: QZ002 file is 1100004 bytes" in r.stderr


def test_summary_and_note_are_shown_apart_from_the_answer(cli, tmp_path):
    """The 30-second answer comes before the full answer; the interviewer's note comes after
    the key points, under its own heading, and is never part of the answer text."""
    text = SAMPLE.replace("follow_ups:", "summary: {ko: '짧은 답.', en: 'SHORT-ANSWER.'}\n"
                          "note: {ko: '메모.', en: 'NOTE-TEXT.'}\nfollow_ups:", 1)
    d = _user_dir(tmp_path, **{"sample-question": text.replace("relu-not-diferentiable", "relu-vs-sigmoid")})
    r = cli("show", "sample-question", "--content-dir", str(d), "--lang", "en")
    assert r.exit_code == 0, r
    out = r.stdout
    assert out.index("In 30 seconds") < out.index("SHORT-ANSWER.") < out.index("The full answer")
    assert out.index("Key points") < out.index("Interviewer's note") < out.index("NOTE-TEXT.")
    data = json.loads(cli("show", "sample-question", "--content-dir", str(d), "--json").stdout)
    assert data["summary"] == {"ko": "짧은 답.", "en": "SHORT-ANSWER."}
    assert data["note"]["en"] == "NOTE-TEXT." and "NOTE-TEXT." not in data["answer"]["en"]
    bad = text.replace("summary: {ko: '짧은 답.', en: 'SHORT-ANSWER.'}", "summary: {en: 'x'}")
    d2 = tmp_path / "bad"
    d2.mkdir()
    (d2 / "sample-question.md").write_text(bad, encoding="utf-8")
    r = cli("lint", str(d2))
    assert r.exit_code == 1 and "QZ022" in r.stdout, r.stdout
