"""A bounded fuzz over the options of list, show, explain, lint, stats and progress: random
and boundary values (hostile text, huge numbers, FIFOs, symlink loops, long names) must end
in exit 0, 1 or 2, never a traceback or a hang, never print terminal controls raw, and
never lose a saved review (issue 17).

The options are read from the commands themselves, so a new option is fuzzed too.
QUIZ_FUZZ_EXAMPLES sets the examples per command (default 12: about 20 s in all), and
QUIZ_FUZZ_RANDOM=1 draws new ones each run instead of the fixed, reproducible CI set.
QUIZ_FUZZ_REPORT=FILE appends one JSON line per example (for the issue's table).
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

EXAMPLES = int(os.environ.get("QUIZ_FUZZ_EXAMPLES", "12"))
RANDOM = bool(os.environ.get("QUIZ_FUZZ_RANDOM"))  # else the same examples on every run (CI)
HANG_S = 20.0  # one in-process run longer than this is reported as a hang
RAW = ["\x1b", "\x07", "\x9b", "\u202e", "\x7f"]  # never printed as is

# values from the adversarial run: boundaries, hostile text, numbers, names that exist
WORDS = ["", "-", " ", "0", "-1", "1", "2", "3", "4", "5", "1.5", "99999999999999999999999",
         "1" + "0" * 400, "1e400", "-1e400", "nan", "NaN", "inf", "-inf", "0x10",
         "relu", "sigmoid", "tanh", "gelu", "relu-vs-sigmoid", "leaky-relu", "activation",
         "ko", "en", "KO", "fr", "-5:5", "5:-5", "0:0", "-1e308:1e308", "3", "100000000",
         "\x1b]0;title\x07", "\x1b]52;c;ZXZpbA==\x07", "\x1b[2J", "\x9b", "\u202e", "\u2066",
         "\x7f", "\udcff", "한국어", "x" * 300, "--json", "-h", "[bold]x[/]"]
VALID = ["relu", "sigmoid", "gelu", "relu-vs-sigmoid", "leaky-relu", "activation", "en", "ko",
         "1", "2", "-3:3", "5", "41", "@export", "@file"]  # often enough to get past parsing
PATHS = ["@file", "@fifo", "@loop", "@dir", "@empty-dir", "@missing", "@long", "@export",
         "@hostile-dir", "@bad-json", "@deep-json"]
# no NUL (a process's argv cannot hold one), no "~" or "/" (a --home or lint path outside
# the playground: the real home, the root directory)
SAFE_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",),
                                           blacklist_characters="~/\\\x00"), max_size=12)


def _commands():
    import typer.main

    from quizcli.app import app

    root = typer.main.get_command(app)
    out = {}
    for name in ("list", "show", "explain", "lint", "stats", "progress"):
        cmd = root.get_command(None, name)
        subs = getattr(cmd, "commands", None)
        for sub in (subs.values() if subs else [cmd]):
            path = (name,) if not subs else (name, sub.name)
            out[path] = [p for p in sub.params if p.name not in ("help",)]
    return out


@pytest.fixture(scope="module")
def playground(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("fuzz")
    (d / "file.md").write_text("---\nid: file\n---\n", encoding="utf-8")
    os.mkfifo(d / "fifo")
    (d / "loop").symlink_to("loop")
    (d / "dir").mkdir()
    (d / "dir" / "fifo.md").symlink_to(d / "fifo")
    (d / "empty-dir").mkdir()
    (d / "hostile-dir").mkdir()
    (d / "hostile-dir" / "x.md").write_text('---\nid: x\ntitle: {"\\e]0;t\\a": 1, "\\e]0;t\\a": 2}\n---\n',
                                             encoding="utf-8")
    (d / "bad-json").write_text('{"format": "quizcli-progress", "version": 1, "reviews": '
                                '[{"uid": "u", "question_id": "q", "reviewed_at": '
                                '"9999-12-31T23:59:59Z", "rating": 3, "duration_s": NaN}]}',
                                encoding="utf-8")
    (d / "deep-json").write_text("[" * 50_000 + "]" * 50_000, encoding="utf-8")
    return d


def _value(token: str, playground: Path) -> str:
    if not token.startswith("@"):
        return token
    name = token[1:]
    if name == "long":
        return str(playground / ("y" * 300))
    if name == "missing":
        return str(playground / "missing" / "x")
    if name == "export":
        return str(playground / "export.json")
    return str(playground / name)


def _argv(data, path, params, playground) -> list[str]:
    argv = list(path)
    values = st.one_of(st.sampled_from(VALID), st.sampled_from(VALID), st.sampled_from(WORDS),
                       st.sampled_from(PATHS), SAFE_TEXT)
    for p in params:
        is_flag = getattr(p, "is_flag", False)
        if p.param_type_name == "argument":
            # at least one: `quiz lint` without a path lints the whole built-in bank with
            # every rubric check (minutes of CPU on main as of this test, not a hang)
            count = 1 if p.nargs == 1 else data.draw(st.integers(1, 2))
            argv += [_value(data.draw(values), playground) for _ in range(count)]
        elif data.draw(st.booleans()):
            flag = data.draw(st.sampled_from(p.opts))
            argv.append(flag) if is_flag else argv.extend([flag, _value(data.draw(values), playground)])
    if data.draw(st.integers(0, 9)) == 9:  # now and then an option that does not exist
        argv.append(data.draw(st.sampled_from(["--nope", "--json=1", "-x", "--"])))
    return argv


def _reviews(home: Path) -> int:
    db_path = home / "progress.sqlite3"
    if not db_path.exists():
        return 0
    db = sqlite3.connect(db_path)
    try:
        return db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]
    finally:
        db.close()


COMMANDS = _commands()


@pytest.mark.parametrize("path", sorted(COMMANDS), ids=" ".join)
def test_fuzz_cli_options(cli, quiz_home, playground, monkeypatch, path):
    monkeypatch.chdir(playground)  # relative names (a --home "x") land in the playground
    report = os.environ.get("QUIZ_FUZZ_REPORT")

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=not RANDOM, database=None,
              suppress_health_check=list(HealthCheck),
              phases=[Phase.explicit, Phase.reuse, Phase.generate])  # no shrinking: argv is
    # in the assertion message already, and shrinking a slow CLI run takes minutes
    @given(data=st.data())
    def run(data):
        from quizcli.store import open_store

        if _reviews(quiz_home) == 0:
            with open_store(quiz_home) as store:
                store.record_review("relu-vs-sigmoid", 3)
        before = _reviews(quiz_home)
        argv = _argv(data, path, COMMANDS[path], playground)
        start = time.perf_counter()
        outcome = {"argv": argv, "traceback": False, "hang": False, "lost": False, "unsafe": False}
        try:
            r = cli(*argv, input="")
        except BaseException as exc:  # noqa: BLE001 — counted, then re-raised
            outcome.update(traceback=True, error=f"{type(exc).__name__}: {exc}"[:300])
            _log(report, outcome)
            raise
        outcome["seconds"] = round(time.perf_counter() - start, 3)
        outcome["exit"] = r.exit_code
        outcome["hang"] = outcome["seconds"] > HANG_S
        outcome["unsafe"] = any(ch in r.stdout + r.stderr for ch in RAW)
        resetting = path == ("progress", "reset") and r.exit_code == 0
        outcome["lost"] = not resetting and _reviews(quiz_home) < before
        _log(report, outcome)
        assert "Traceback" not in r.stderr, (argv, r.stderr[-500:])
        assert r.exit_code in (0, 1, 2), (argv, r)
        assert not outcome["hang"], argv
        assert not outcome["unsafe"], (argv, r)
        assert not outcome["lost"], argv

    run()


def _log(report: str | None, outcome: dict) -> None:
    if report:
        with open(report, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(outcome, ensure_ascii=True) + "\n")
