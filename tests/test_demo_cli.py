"""`quiz demo …` from the command line: listing, --json shapes, bad input (exit 2, one line),
both languages, the citing questions, and every `see.demo` line of the bank actually runs."""

from __future__ import annotations

import json
import shlex

import pytest

from quizcli.demo_names import DEMO_NAMES, DEMO_OPTIONS, EXAMPLES, parse_demo_line

JSON_KEYS = {
    "vanishing": {"demo", "depth", "width", "batch", "init", "seed", "every", "dtype", "layers",
                  "runs", "plan", "cited_by"},
    "sparsity": {"demo", "depth", "width", "batch", "init", "seed", "samples_per_layer", "band",
                 "runs", "cited_by"},
    "dying": {"demo", "lr", "bias", "steps", "width", "every", "seed", "n_train", "batch", "runs",
              "cited_by"},
    "zigzag": {"demo", "lr", "tol", "max_steps", "seed", "target", "samples", "runs", "cited_by"},
    "kink": {"demo", "rows", "smooth", "conventions", "zeros", "cited_by"},
    "saturation": {"demo", "points", "epsilons", "rows", "cited_by"},
    "attention": {"demo", "dims", "keys", "queries", "seed", "rows", "uniform_max_weight",
                  "uniform_entropy", "uniform_jacobian_norm", "cited_by"},
    "dropout": {"demo", "draws", "units", "seed", "x_mean", "rows", "cited_by"},
    "normalization": {"demo", "depth", "units", "batch", "steps", "momentum", "eps", "seed",
                      "input_mean", "input_std", "none", "batchnorm", "batchnorm_eval",
                      "layernorm", "init_share", "running_mean_error", "running_var_ratio",
                      "small", "cited_by"},
    "conv": {"demo", "input", "channels", "layers_spec", "layers", "size_out", "channels_out",
             "params", "macs", "receptive_field", "jump", "cited_by"},
    "optimizers": {"demo", "problem", "condition", "hessian_eigs", "start", "minimum", "steps",
                   "tol", "momentum", "weight_decay", "seed", "runs", "bias", "bias_first_ratio",
                   "decay", "cited_by"},
    "lr": {"demo", "lambda_min", "lambda_max", "critical_lr", "steps", "every", "shown_steps",
           "seed", "runs", "warmup", "cited_by"},
}
FAST = {"vanishing": ["--depth", "6"], "sparsity": ["--depth", "2", "--units", "32"],
        "dying": ["--steps", "40"], "zigzag": [], "kink": ["--samples", "1000"], "saturation": [],
        "attention": ["--dims", "4,64"], "dropout": ["--draws", "1000"],
        "normalization": ["--steps", "5"], "conv": [], "optimizers": [], "lr": []}


def _bank_citations():
    from quizcli.bank.loader import load_bank

    table = {name: [] for name in DEMO_NAMES}
    for q in load_bank().questions:
        for line in q.see_demo:
            if q.id not in table[line.split()[0]]:
                table[line.split()[0]].append(q.id)
    return table


def test_listing_names_every_demo_with_its_citing_questions(cli):
    r = cli("demo", "--json")
    assert r.exit_code == 0, r
    rows = json.loads(r.stdout)
    assert [row["name"] for row in rows] == list(DEMO_NAMES)
    cited = _bank_citations()
    for row in rows:
        assert row["cited_by"] == cited[row["name"]]
        assert row["example"] == EXAMPLES[row["name"]] and row["description"]
    assert cited["vanishing"] and "relu-vs-sigmoid" in cited["vanishing"]
    text = cli("demo")
    assert text.exit_code == 0 and all(name in text.stdout for name in DEMO_NAMES)


@pytest.mark.parametrize("name", DEMO_NAMES)
def test_json_shape(cli, name):
    r = cli("demo", name, *FAST[name], "--json")
    assert r.exit_code == 0, r
    data = json.loads(r.stdout)
    assert set(data) == JSON_KEYS[name]
    assert data["demo"] == name
    assert data["cited_by"] == _bank_citations()[name]
    assert r.stderr == ""  # no progress bar, no warnings


def test_vanishing_json_numbers(cli):
    data = json.loads(cli("demo", "vanishing", "--json", "--every", "1").stdout)
    assert data["layers"] == list(range(1, 21))
    acts = [run["activation"] for run in data["runs"]]
    assert acts == ["sigmoid", "tanh", "relu", "leaky_relu"]
    sig = data["runs"][0]
    assert len(sig["log10_norm"]) == 20 and sig["log10_rel"][-1] == 0.0
    assert sig["max_df"] == pytest.approx(0.25) and sig["verdict"] == "vanishes"
    assert "_log10_all" not in sig
    assert data["init"]["name"] == "lecun"


def test_vanishing_prints_table_chart_and_conclusion(cli):
    r = cli("demo", "vanishing", "--depth", "20")
    assert r.exit_code == 0, r
    out = r.stdout
    assert "layer 1/20" in out and "│" in out  # the summary table
    # the chart: without colour (NO_COLOR here) each of the four series has its own marker
    legend = [ln for ln in out.splitlines() if "sigmoid" in ln and "leaky_relu" in ln
              and "│" not in ln][0].split()
    assert len(set(legend[0::2])) == 4 and "┌" in out
    assert "Conclusion" in out
    assert "With sigmoid (lecun init), layer 1 receives 1.09e-12 of the gradient layer 20" in out
    assert "Questions that cite this demo:" in out and "relu-vs-sigmoid" in out


def test_vanishing_depth_10000_prints_powers_of_ten(cli):
    r = cli("demo", "vanishing", "--depth", "10000", "--batch", "16", "--activations", "sigmoid")
    assert r.exit_code == 0, r
    assert "e-6" in r.stdout and "10000" in r.stdout
    he = cli("demo", "vanishing", "--depth", "10000", "--batch", "16", "-a", "relu", "--init", "he")
    assert "finite width" in he.stdout  # ×0.98 measured vs ×0.996 expected per layer


def test_korean(cli):
    r = cli("demo", "vanishing", "--lang", "ko", "--activations", "sigmoid,relu", "--init", "he")
    assert r.exit_code == 0, r
    assert "결론" in r.stdout and "1층이 받는 기울기가 20층의" in r.stdout
    for name in DEMO_NAMES:
        out = cli("demo", name, *FAST[name], "--lang", "ko").stdout
        assert "결론" in out, name
    assert "데모" in cli("demo", "--lang", "ko").stdout


BAD = [
    ("vanishing", "--depth", "0"), ("vanishing", "--depth", "-3"), ("vanishing", "--depth", "2.5"),
    ("vanishing", "--units", "0"), ("vanishing", "--activations", "sigmoid,rellu"),
    ("vanishing", "--init", "kaiming_uniformish"), ("vanishing", "--every", "21"),
    ("vanishing", "--depth", "100", "--units", "30000"), ("vanishing", "--seed", "-1"),
    ("vanishing", "--lang", "fr"), ("vanishin",), ("sparsity", "--units", "0"),
    ("sparsity", "--init", "foo"), ("dying", "--lr", "-1"), ("dying", "--every", "5000"),
    ("zigzag", "--tol", "0"), ("kink", "--samples", "0"), ("kink", "-a", "relu,nope"),
    ("saturation", "--points", "1,x"), ("saturation", "--activations", ""),
]


@pytest.mark.parametrize("args", BAD, ids=" ".join)
def test_bad_input_is_one_line_and_exit_2(cli, args):
    r = cli("demo", *args)
    assert r.exit_code == 2, r
    assert r.stdout == ""
    assert len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert "Traceback" not in r.stderr


def test_bad_input_messages_say_what_is_allowed(cli):
    assert "Did you mean: relu" in cli("demo", "vanishing", "-a", "rellu").stderr
    assert "Did you mean: vanishing" in cli("demo", "vanishin").stderr
    assert "Allowed: lecun, he, xavier, normal:STD" in cli("demo", "vanishing", "--init", "foo").stderr
    mem = cli("demo", "vanishing", "--depth", "100", "--units", "30000").stderr
    assert "needs about" in mem and "GiB" in mem and "limit" in mem


@pytest.mark.parametrize("name", DEMO_NAMES)
def test_help_has_the_example_and_the_options_match_demo_names(cli, name):
    r = cli("demo", name, "--help")
    assert r.exit_code == 0
    assert f"quiz demo {name}" in r.stdout and "Example" in r.stdout
    import typer.main

    from quizcli.cli import app

    group = typer.main.get_command(app).commands["demo"]
    cmd = group.commands[name]
    valued = {opt for p in cmd.params if not getattr(p, "is_flag", False)
              and not getattr(p, "hidden", False)  # deprecated spellings
              for opt in p.opts if opt.startswith("--")}
    assert valued == set(DEMO_OPTIONS[name])
    parse_demo_line(EXAMPLES[name])  # the example is a valid see.demo line


def test_every_see_demo_line_in_the_bank_runs(cli):
    from quizcli.bank.loader import load_bank

    lines = sorted({line for q in load_bank().questions for line in q.see_demo})
    assert len(lines) >= 6
    for line in lines:
        r = cli("demo", *shlex.split(line), "--json")
        assert r.exit_code == 0, (line, r.stderr)


def test_a_question_added_through_quiz_content_path_is_listed(cli, tmp_path, monkeypatch):
    from quizcli.paths import builtin_content_dir

    src = (builtin_content_dir() / "questions" / "activations" / "relu-not-differentiable.md")
    text = src.read_text(encoding="utf-8").replace("id: relu-not-differentiable",
                                                   "id: my-kink-question", 1)
    (tmp_path / "my-kink-question.md").write_text(text, encoding="utf-8")
    monkeypatch.setenv("QUIZ_CONTENT_PATH", str(tmp_path))
    data = json.loads(cli("demo", "kink", "--samples", "10", "--json").stdout)
    assert "my-kink-question" in data["cited_by"]


def test_narrow_terminal_ascii_and_no_color(cli):
    r = cli("demo", "zigzag", "--ascii", env={"COLUMNS": "50", "TERMINAL_WIDTH": "50"})
    assert r.exit_code == 0, r
    assert "╭" not in r.stdout and "\x1b[" not in r.stdout
    assert max(len(line) for line in r.stdout.splitlines()) <= 50


def test_progress_bar_only_on_a_terminal(monkeypatch):
    import sys

    from quizcli.commands.demo import _progress

    with _progress(True, "x") as update:
        assert update is None  # pytest captures: not a terminal
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    with _progress(False, "x") as update:
        assert update is None  # --json or a short run
    with _progress(True, "x") as update:
        assert callable(update)
        update(5, 10)
        update(10, 10)


@pytest.mark.parametrize("name", ["vanishing", "sparsity", "dying"])
def test_units_per_layer_is_units_and_the_old_width_still_works_with_a_note(cli, name):
    """--width means output columns everywhere; these demos took it for units per layer."""
    fast = {"vanishing": ["--depth", "4"], "sparsity": ["--depth", "2"], "dying": ["--steps", "20"]}
    new = cli("demo", name, *fast[name], "--units", "8", "--json")
    assert new.exit_code == 0 and new.stderr == "", new
    old = cli("demo", name, *fast[name], "--width", "8", "--json")
    assert old.exit_code == 0, old
    assert json.loads(old.stdout) == json.loads(new.stdout)
    assert old.stderr.count("\n") == 1 and "--width is deprecated here; use --units" in old.stderr
    assert "--width" not in cli("demo", name, "--help").stdout.split("--units")[0].split("Options")[-1]


def test_a_see_demo_line_with_the_old_width_still_parses_and_runs():
    from quizcli.commands.demo import parse_line
    from quizcli.demo_names import parse_demo_line

    assert parse_demo_line("sparsity --width 64") == ("sparsity", (("--width", "64"),))
    spec, values, _common = parse_line("sparsity --depth 2 --width 16")
    assert values["width"] == 16 and not any(k.startswith("_old_") for k in values)
