"""`quiz ask` through the CLI (CliRunner): the interactive flow with scripted input, the JSON
mode, the store wiring, and every bad input the issue lists."""

from __future__ import annotations

import json
import time

import pytest

CORE = "relu-vs-sigmoid"


@pytest.fixture(autouse=True)
def no_demo_offers(request, monkeypatch):
    """Scripted sessions answer a fixed number of see-also prompts: offer only the explain
    targets unless a test is about demos (it then takes the `with_demos` fixture)."""
    if "with_demos" not in request.fixturenames:
        monkeypatch.setattr("quizcli.commands.ask._demo_available", lambda: False)


@pytest.fixture
def with_demos():
    """Marker fixture: keep demo see-also offers (when `quiz demo` is registered)."""
JSON_KEYS = ["id", "lang", "covered", "missed", "score", "suggested_rating", "follow_ups"]


def reviews(home=None):
    from quizcli.store import open_store

    with open_store(home) as store:
        return store.reviews()


def flat(text: str) -> str:
    """Output with line wrapping undone (Rich wraps long lines at COLUMNS=100, inside boxes)."""
    return " ".join(text.replace("│", " ").split())


def one_line_error(r, *needles):
    assert r.exit_code == 2, r
    assert r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    for n in needles:
        assert n in lines[0], lines[0]
    assert "Traceback" not in r.stderr


# ------------------------------------------------------------------ JSON mode
def test_json_exact_keys_and_values(cli):
    r = cli("ask", "--id", CORE, "--answer", "Sigmoid saturates, so gradients vanish.", "--json")
    assert r.exit_code == 0, r
    data = json.loads(r.stdout)
    assert list(data) == JSON_KEYS
    assert data == {
        "id": CORE, "lang": "en", "covered": ["vanishing-gradient"],
        "missed": ["mitigates-not-abolishes", "sparsity", "compute-cost", "not-zero-centered",
                   "dying-relu"],
        "score": round(1 / 6, 4), "suggested_rating": "again",
        "follow_ups": ["relu-not-differentiable", "leaky-relu"],
    }


def test_json_korean_answer_full_marks_from_the_model_answer(cli):
    from quizcli.bank.loader import load_bank

    q = load_bank().get("tanh-vs-sigmoid")
    r = cli("ask", "--id", q.id, "--answer", q.answer["ko"], "--json")
    data = json.loads(r.stdout)
    assert data["lang"] == "ko" and data["missed"] == [] and data["score"] == 1.0
    assert data["suggested_rating"] == "easy" and len(data["covered"]) == len(q.key_points)


def test_json_does_not_touch_the_store_without_rate(cli, quiz_home):
    r = cli("ask", "--id", CORE, "--answer", "vanish", "--json")
    assert r.exit_code == 0
    assert not (quiz_home / "progress.sqlite3").exists()


def test_rate_saves_the_review(cli):
    r = cli("ask", "--id", "leaky-relu", "--answer", "small slope for negative inputs; fixes dying ReLU",
            "--rate", "good", "--json")
    assert r.exit_code == 0, r
    assert list(json.loads(r.stdout)) == JSON_KEYS + ["saved"]  # --rate adds what was saved
    [log] = reviews()
    assert (log.question_id, log.rating, log.lang) == ("leaky-relu", 3, "en")
    assert set(log.covered) == {"definition", "fixes-dying"}


def test_rate_with_home_option(cli, tmp_path):
    home = tmp_path / "elsewhere"
    r = cli("ask", "--id", CORE, "--answer", "x", "--rate", "1", "--home", str(home))
    assert r.exit_code == 0, r
    assert [x.rating for x in reviews(home)] == [1]


def test_answer_file_and_stdin(cli, tmp_path):
    f = tmp_path / "answer.txt"
    f.write_text("\ufeff시그모이드는 포화되어서 층이 깊어지면 기울기가 소실됩니다.\n", encoding="utf-8")
    r = cli("ask", "--id", CORE, "--answer-file", str(f), "--json")
    data = json.loads(r.stdout)
    assert data["lang"] == "ko" and "vanishing-gradient" in data["covered"]
    r = cli("ask", "--id", CORE, "--answer-file", "-", "--json",
            input="dead units never update, and ReLU outputs are sparse\n")
    assert json.loads(r.stdout)["covered"] == ["sparsity", "dying-relu"]


def test_explain_grading_json_and_text(cli):
    answer = "Sigmoid saturates so gradients VANISH. ReLU is cheap."
    r = cli("ask", "--id", CORE, "--answer", answer, "--json", "--explain-grading")
    data = json.loads(r.stdout)
    assert list(data) == JSON_KEYS + ["matches", "misconceptions"]
    # a claim's evidence: the concepts that met its slots, and the sentence they stand in
    assert {m["key_point"]: m["phrase"] for m in data["matches"]} == {
        "vanishing-gradient": "gradient … vanish … sigmoid", "compute-cost": "relu … cheap"}
    assert data["misconceptions"] == []
    r = cli("ask", "--id", CORE, "--answer", answer, "--explain-grading")
    assert r.exit_code == 0
    assert "stated by “gradient … vanish … sigmoid”" in r.stdout and "Covered 2 of 6" in r.stdout


def test_explain_grading_text_shows_a_claim_misconception(cli):
    # the evidence line of a contradicted claim names the phrase that stated it (it raised a
    # KeyError before: the template has {phrase} and the call did not pass it)
    r = cli("ask", "--id", CORE, "--answer", "ReLU is zero-centred, so training is more stable.",
            "--explain-grading")
    assert r.exit_code == 0, r.stdout
    assert "misconception [relu + zero-centred" in r.stdout
    assert "stated by “relu …" in r.stdout


def test_markup_and_ansi_in_answers_are_shown_literally(cli):
    answer = "[bold red]vanish[/bold red] \x1b[31mred\x1b[0m [link=http://x]cheap[/link]"
    r = cli("ask", "--id", CORE, "--answer", answer, "--explain-grading")
    assert r.exit_code == 0
    assert "[bold red]vanish[/bold red]" in r.stdout and "[link=http://x]cheap[/link]" in r.stdout
    assert "\\x1b[31mred" in r.stdout and "\x1b" not in r.stdout


def test_one_megabyte_answer_file(cli, tmp_path):
    f = tmp_path / "big.txt"
    f.write_text(("ReLU is cheap and gradients vanish with sigmoid. " * 21_000)[:1_000_000])
    t = time.perf_counter()
    r = cli("ask", "--id", CORE, "--answer-file", str(f), "--json")
    assert r.exit_code == 0 and time.perf_counter() - t < 5
    assert json.loads(r.stdout)["covered"] == ["vanishing-gradient", "compute-cost"]


# ------------------------------------------------------------------ the interactive flow
def session_input(*lines):
    return "\n".join(lines) + "\n"


def test_interactive_question_follow_up_and_summary(cli):
    r = cli("ask", "--id", CORE, "--interactive", input=session_input(
        "Sigmoid saturates so gradients vanish.", "ReLU is also cheap.", "",  # answer 1
        "",  # keep the suggested rating (Hard)
        "",  # the see-also menu (quiz explain relu, quiz explain sigmoid): Enter skips
        "any value between 0 and 1 is a subgradient; PyTorch uses 0", "",  # follow-up 1
        "g",  # rate it Good
        "/quit"))
    assert r.exit_code == 0, r
    out = r.stdout
    assert "Question 1 of 1" in out and "Why use ReLU instead of sigmoid?" in out
    assert "Covered 2 of 6 key points · score 0.33 · suggested: Hard" in out
    assert "Model answer" in out
    assert "See also: 1 quiz explain relu · 2 quiz explain sigmoid" in out
    assert "Run which? [1-2, Enter skips]" in out
    assert "You covered 2 of 6 key points; suggested rating: Hard." in out
    assert "Question 1 of 1 · follow-up 1 of 2" in out
    assert "ReLU is not differentiable at 0" in out
    assert "Covered 2 of 4 key points" in out
    assert "Session summary" in out and "Study next" in out
    logs = reviews()
    assert [(x.question_id, x.rating) for x in logs] == [(CORE, 2), ("relu-not-differentiable", 3)]
    assert set(logs[1].covered) == {"subgradient", "framework-convention"}
    assert logs[0].session_id is not None and logs[0].session_id == logs[1].session_id


def test_interactive_korean_ui(cli):
    r = cli("ask", "--id", "tanh-vs-sigmoid", "--no-follow-ups", "--lang", "ko", "--interactive",
            input=session_input("tanh는 zero-centered이고 도함수 최댓값이 4배입니다", "", "", "n", "n"))
    assert r.exit_code == 0, r
    assert "tanh는 sigmoid와 무엇이 다르고" in r.stdout
    assert "핵심 포인트 4개 중 2개" in r.stdout and "모범 답안" in r.stdout and "세션 요약" in r.stdout
    assert [x.lang for x in reviews()] == ["ko"]


def test_interactive_echoes_markup_literally(cli):
    r = cli("ask", "--id", CORE, "--no-follow-ups", "--interactive",
            input=session_input("[bold]vanish[/bold] \x1b[2J", "", "", "n", "n"))
    assert "[bold]vanish[/bold] \\x1b[2J" in r.stdout and "\x1b" not in r.stdout


def test_see_also_yes_runs_explain_inline(cli):
    r = cli("ask", "--id", "leaky-relu", "--no-follow-ups", "--interactive",
            input=session_input("x", "", "", "1"))
    assert r.exit_code == 0, r
    assert "See also: 1 quiz explain leaky_relu · 2 quiz explain prelu" in r.stdout
    assert "Kink at x = 0" in r.stdout  # quiz explain's own output, inline


def test_hint_skip_and_unknown_command(cli):
    r = cli("ask", "--tag", "relu", "--count", "2", "--no-follow-ups", "--interactive",
            input=session_input("/hint", "", "x", "", "", "", "/skip"))
    assert r.exit_code == 0, r
    assert "Hint 1/6:" in r.stdout and "(hint given: counted as missed)" in flat(r.stdout)
    # Enter with nothing written is not an answer: it says what to do and asks again
    assert "Nothing to submit yet: type your answer" in r.stdout
    assert "Skipped" in r.stdout
    assert len(reviews()) == 1


def test_reveal_mode(cli):
    r = cli("ask", "--id", "relu-not-differentiable", "--no-follow-ups", "--reveal", "--interactive",
            input=session_input("", "1 2", "", "n"))
    assert r.exit_code == 0, r
    assert "press Enter to see the model answer" in r.stdout
    assert "Key points" in r.stdout and "You ticked 2 of 4 key points" in r.stdout
    [log] = reviews()
    assert tuple(log.covered) == ("subgradient", "framework-convention") and log.rating == 2


def test_eof_at_the_first_prompt_ends_cleanly(cli):
    r = cli("ask", "--id", CORE, "--interactive", input="")
    assert r.exit_code == 0, r
    assert "No question was answered." in r.stdout and reviews() == []


def test_ctrl_c_keeps_answered_reviews_and_exits_130(cli, monkeypatch):
    lines = iter(["vanish", "", "", "n", "n", "half typed"])

    def fake_input(prompt=""):
        try:
            return next(lines)
        except StopIteration:
            raise KeyboardInterrupt from None

    monkeypatch.setattr("builtins.input", fake_input)
    r = cli("ask", "--id", CORE, "--interactive")
    assert r.exit_code == 130, r
    assert "Interrupted. 1 answered question saved." in r.stdout
    assert "Session summary" in r.stdout
    assert [x.question_id for x in reviews()] == [CORE]


def test_fresh_user_starts_with_relu_vs_sigmoid(cli):
    r = cli("ask", "--interactive", input=session_input("x", ""))
    assert r.exit_code == 0, r
    first_panel = r.stdout.split("╰")[0]
    assert "Why use ReLU instead of sigmoid?" in first_panel
    assert [x.question_id for x in reviews()] == [CORE]


def test_new_zero_means_nothing_to_do_today(cli):
    r = cli("ask", "--new", "0", "--interactive", input="")
    assert r.exit_code == 0, r
    assert "Nothing is due now" in r.stdout and "--practice" in r.stdout


def test_practice_ignores_the_schedule(cli):
    r = cli("ask", "--practice", "--new", "0", "--count", "1", "--no-follow-ups", "--interactive",
            input=session_input("x", "", ""))
    assert r.exit_code == 0, r
    assert "Why use ReLU instead of sigmoid?" in r.stdout


def test_shuffle_with_seed_is_repeatable(cli):
    def first(seed):
        r = cli("ask", "--shuffle", "--seed", str(seed), "--count", "1", "--no-follow-ups",
                "--interactive", input="")
        return r.stdout.split("╰")[0]

    assert first(7) == first(7)
    assert len({first(s) for s in range(6)}) > 1


def test_difficulty_filter(cli):
    r = cli("ask", "--difficulty", "easy", "--count", "1", "--no-follow-ups", "--interactive",
            input="")
    assert r.exit_code == 0 and "difficulty: easy" in r.stdout


# ------------------------------------------------------------------ bad input
def test_stdin_not_a_terminal_without_an_answer(cli):
    one_line_error(cli("ask", input="hello\n"), "stdin is not a terminal", "--answer", "--interactive")


def test_unknown_id_names_the_closest(cli):
    one_line_error(cli("ask", "--id", "relu-vs-sigmod", "--interactive", input=""),
                   "relu-vs-sigmod", "relu-vs-sigmoid")
    one_line_error(cli("ask", "--id", "leaky", "--answer", "x", "--json"), "leaky-relu")
    one_line_error(cli("ask", "--id", "tanh", "--answer", "x"), "Did you mean: tanh-vs-sigmoid")


def test_unknown_tag_names_the_closest(cli):
    one_line_error(cli("ask", "--tag", "relus", "--interactive", input=""), "relus", "relu")


def test_filters_that_leave_nothing(cli):
    from quizcli.bank.loader import load_bank

    bank = load_bank()
    tag, level = next((t, d) for t in bank.tags() for d in (1, 2, 3)
                      if not bank.select([t], d))
    one_line_error(cli("ask", "--tag", tag, "--difficulty", str(level), "--interactive", input=""),
                   "No question matches", f"--tag {tag}", f"--difficulty {level}")


@pytest.mark.parametrize("args,needle", [
    (["--rate", "good"], "--rate goes with --answer"),
    (["--json"], "--json goes with --answer"),
    (["--id", CORE, "--answer", "x", "--answer-file", "f"], "not both"),
    (["--answer", "x"], "exactly one --id"),
    (["--id", CORE, "--id", "leaky-relu", "--answer", "x"], "exactly one --id"),
    (["--id", CORE, "--answer", "x", "--rate", "great"], "Unknown rating 'great'"),
    (["--id", CORE, "--answer", "x", "--reveal"], "--reveal"),
    (["--id", CORE, "--tag", "relu", "--interactive"], "not both"),
    (["--difficulty", "7", "--interactive"], "Unknown difficulty '7'"),
    (["--lang", "fr", "--id", CORE, "--answer", "x"], "Allowed: ko, en"),
    (["--count", "0", "--interactive"], "--count"),
    (["--new", "-1", "--interactive"], "--new"),
    (["--bogus"], "--bogus"),
])
def test_bad_options_are_one_line(cli, args, needle):
    one_line_error(cli("ask", *args, input=""), needle)


def test_bad_answer_files(cli, tmp_path):
    one_line_error(cli("ask", "--id", CORE, "--answer-file", str(tmp_path / "nope.txt")),
                   "nope.txt", "no such file")
    one_line_error(cli("ask", "--id", CORE, "--answer-file", str(tmp_path)), "is a directory")
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("caf\xe9 vanish".encode("latin-1"))
    one_line_error(cli("ask", "--id", CORE, "--answer-file", str(bad)), "not UTF-8")


def test_help_has_examples(cli):
    r = cli("ask", "--help")
    assert r.exit_code == 0
    for option in ("--id", "--tag", "--difficulty", "--count", "--no-follow-ups", "--shuffle",
                   "--seed", "--reveal", "--answer", "--answer-file", "--json", "--rate",
                   "--explain-grading", "--home", "--practice", "--new", "--lang"):
        assert option in r.stdout
    assert "Examples" in r.stdout
    # Rich help markup would swallow an unescaped "[default: …]"
    assert "(default: QUIZ_LANG, locale, en)" in flat(r.stdout)
    assert "(default: QUIZ_HOME, else the platform data dir)" in flat(r.stdout).replace("│ ", "")


def test_demo_targets_are_offered_and_run_inline_through_the_spec(cli, monkeypatch, with_demos):
    """See-also demo lines run in-process through the demo's spec: the line's options arrive
    typed (as `quiz demo` would parse them), the session's language goes along, and a demo
    that fails is reported while the session goes on."""
    from quizcli.commands import demo as demo_command
    from quizcli.errors import OverBudget

    calls = []

    def stand_in(spec, values, *, seed=0, lang=None, json_=False, ascii_only=False, columns=None,
                 console=None):
        calls.append((spec.name, values, seed, lang))
        if spec.name == "sparsity":
            raise OverBudget("sparsity demo broke")
        print("STAND-IN DEMO", spec.name)

    monkeypatch.setattr(demo_command, "run_demo", stand_in)
    r = cli("ask", "--id", CORE, "--no-follow-ups", "--interactive",
            input=session_input("x", "", "", "3 4"))
    assert r.exit_code == 0, r
    # six commands do not fit one 100-column line: one a line, never broken
    assert "\n  3 quiz demo vanishing --depth 20\n  4 quiz demo sparsity\n" in r.stdout
    assert "STAND-IN DEMO vanishing" in r.stdout
    name, values, seed, lang = calls[0]
    assert name == "vanishing" and values["depth"] == 20 and seed == 0 and lang == "en"
    assert values["activations"] == ("sigmoid", "tanh", "relu", "leaky_relu")  # typed defaults
    assert "quiz demo sparsity failed: sparsity demo broke" in r.stdout  # reported, goes on
    assert "Session summary" in r.stdout and len(reviews()) == 1


def test_real_demo_see_also(cli, with_demos):
    """With the real `quiz demo` registered, leaky-relu offers `quiz demo dying` after its
    explain targets and `y` runs it inline; without it, only the explain targets are offered."""
    from quizcli.commands.ask import _demo_available

    explain_offers = ["quiz explain leaky_relu", "quiz explain prelu", "quiz explain relu"]
    r = cli("ask", "--id", "leaky-relu", "--no-follow-ups", "--interactive",
            input=session_input("x", "", "", "4"))
    assert r.exit_code == 0, r
    [menu] = [line for line in r.stdout.splitlines() if line.startswith("See also: ")]
    offers = [item.split(" ", 1)[1] for item in menu[len("See also: "):].split(" · ")]
    if _demo_available():
        assert offers == explain_offers + ["quiz demo dying"]
        assert "failed" not in r.stdout, r.stdout[-2000:]
        assert "Session summary" in r.stdout
        assert r.stdout.index("Run which? [1-4") < r.stdout.index("Session summary") - 200
    else:
        assert offers == explain_offers
    assert len(reviews()) == 1


def test_demo_availability_follows_the_command_table(monkeypatch, with_demos):
    # see-also demo lines run inline only when `quiz demo` is one of the app's commands
    from quizcli import app as app_module
    from quizcli.commands import ask as ask_command

    assert ask_command._demo_available() is True
    without = {k: v for k, v in app_module.COMMANDS.items() if k != "demo"}
    monkeypatch.setattr(app_module, "COMMANDS", without)
    assert ask_command._demo_available() is False


def test_rate_says_it_was_saved_and_when_it_is_due(cli):
    r = cli("ask", "--id", "leaky-relu", "--answer", "x", "--rate", "good", "--json")
    assert r.exit_code == 0, r
    data = json.loads(r.stdout)
    assert data["saved"]["rating"] == "good"
    from datetime import datetime

    assert datetime.fromisoformat(data["saved"]["due"]) > datetime.fromisoformat("2020-01-01T00:00:00+00:00")
    r = cli("ask", "--id", "leaky-relu", "--answer", "x", "--rate", "again")
    assert "Saved as Again; due again" in r.stdout
    r = cli("ask", "--id", "leaky-relu", "--answer", "x", "--json")
    assert "saved" not in json.loads(r.stdout)  # without --rate nothing is saved or said


def test_model_answer_labels_the_30_second_answer_not_as_session_summary(cli):
    """The model answer after grading opens with the question's 30-second answer under its own
    label; 'Session summary' is the end-of-session table only (two labels once shared one key)."""
    r = cli("ask", "--id", "leaky-relu", "--no-follow-ups", "--interactive", "--lang", "en",
            input=session_input("x", "", "", "n", "n", "n", "n"))
    assert r.exit_code == 0, r
    out = r.stdout
    assert out.count("Session summary") == 1
    assert out.index("In 30 seconds") < out.index("The full answer") < out.index("Session summary")


# ------------------------------------------------------------------ issue 11: flow and editor
def summary_part(out: str) -> str:
    return out[out.index("Session summary"):]


def test_summary_lists_a_skipped_question_where_it_was_asked(cli):
    r = cli("ask", "--id", "tanh-vs-sigmoid", "--id", "leaky-relu", "--no-follow-ups",
            "--no-see-also", "--interactive", input=session_input("/skip", "x", "", ""))
    assert r.exit_code == 0, r
    rows = [line for line in summary_part(r.stdout).splitlines() if line.startswith("│")]
    assert "How does tanh differ from sigmoid" in rows[1] and "skipped" in rows[1]
    assert "What is Leaky ReLU" in rows[2] and rows[2].split("│")[1].strip() == "2"


def test_study_next_commands_are_whole_lines_and_keep_the_language(cli):
    r = cli("ask", "--id", "relu-vs-sigmoid", "--no-follow-ups", "--no-see-also", "--lang", "ko",
            "--width", "40", "--interactive", input=session_input("x", "", ""))
    assert r.exit_code == 0, r
    study = r.stdout[r.stdout.index("다음에 공부할 것"):]
    assert "   quiz ask --id relu-vs-sigmoid --lang ko\n" in study  # one line, even at 40 columns
    r = cli("ask", "--id", "relu-vs-sigmoid", "--no-follow-ups", "--no-see-also",
            "--interactive", input=session_input("x", "", ""))
    assert "   quiz ask --id relu-vs-sigmoid\n" in r.stdout  # English: no --lang added


def test_no_see_also_and_the_due_date_after_a_rating(cli):
    r = cli("ask", "--id", "leaky-relu", "--no-follow-ups", "--no-see-also", "--interactive",
            input=session_input("x", "", "3"))
    assert r.exit_code == 0, r
    assert "See also" not in r.stdout and "Run which" not in r.stdout
    [log] = reviews()
    from quizcli.store import open_store

    with open_store() as store:
        due = store.card("leaky-relu").due.astimezone().strftime("%Y-%m-%d %H:%M")
    assert f"Rated Good; due again {due}." in r.stdout
    # asked again, the header says it is a review now
    r = cli("ask", "--id", "leaky-relu", "--no-follow-ups", "--no-see-also", "--interactive",
            input=session_input("/quit"))
    assert "Question 1 of 1 · review" in r.stdout


def test_slash_edit_without_an_editor_says_so_and_keeps_the_draft(cli, monkeypatch):
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    r = cli("ask", "--id", "leaky-relu", "--no-follow-ups", "--no-see-also", "--interactive",
            input=session_input("small slope for negative inputs", "/edit", "it fixes dying ReLU",
                                "", ""))
    assert r.exit_code == 0, r
    assert "No editor set: export VISUAL or EDITOR" in flat(r.stdout)
    assert "your draft of 1 line is kept" in flat(r.stdout)
    [log] = reviews()
    assert set(log.covered) == {"definition", "fixes-dying"}  # both lines were graded


def test_editor_option_writes_every_answer_in_the_editor(cli, tmp_path, monkeypatch):
    script = tmp_path / "ed.py"
    script.write_text("import sys\nopen(sys.argv[1], 'w').write("
                      "'small slope for negative inputs; fixes dying ReLU\\n# note\\n')\n")
    import sys

    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    r = cli("ask", "--id", "leaky-relu", "--no-follow-ups", "--no-see-also", "--editor",
            "--interactive", input=session_input(""))
    assert r.exit_code == 0, r
    assert "Your answer" in r.stdout and "# note" not in r.stdout
    [log] = reviews()
    assert set(log.covered) == {"definition", "fixes-dying"}


def test_ctrl_c_with_nothing_answered_is_one_line(cli, monkeypatch):
    def fake_input(prompt=""):
        raise KeyboardInterrupt

    monkeypatch.setattr("builtins.input", fake_input)
    r = cli("ask", "--id", CORE, "--lang", "ko", "--interactive")
    assert r.exit_code == 130, r
    assert r.stdout.count("답한 질문이 없습니다") == 1 and "중단했습니다" in r.stdout
