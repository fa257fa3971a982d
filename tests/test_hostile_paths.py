"""Special files, symlink loops, impossible paths and broken files: a line, not a hang or a
traceback (issue 17, items 6, 9, 18)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quizcli.paths import builtin_content_dir

CORE = builtin_content_dir() / "questions" / "activations" / "leaky-relu.md"
LONG = "x" * 300  # longer than NAME_MAX: ENAMETOOLONG


@pytest.fixture
def hostile_dir(tmp_path) -> Path:
    d = tmp_path / "content"
    d.mkdir()
    (d / "mine.md").write_text(CORE.read_text(encoding="utf-8").replace("id: leaky-relu", "id: mine"),
                               encoding="utf-8")
    os.mkfifo(d / "fifo.md")
    (d / "loop.md").symlink_to("loop.md")
    (d / "zero.md").symlink_to("/dev/zero")
    (d / "curriculum.txt").symlink_to("/dev/zero")
    return d


@pytest.mark.parametrize("args", [["list"], ["show", "mine"], ["lint"], ["ask", "--id", "mine",
                                                                          "--answer", "slope"]])
def test_fifos_devices_and_loops_in_a_content_dir_are_reported_not_read(cli, hostile_dir, args):
    start = time.perf_counter()
    extra = [str(hostile_dir)] if args[0] == "lint" else ["--content-dir", str(hostile_dir)]
    r = cli(*args, *extra)  # a FIFO would block here forever, /dev/zero would fill memory
    assert time.perf_counter() - start < 30
    assert r.exit_code == (1 if args[0] == "lint" else 0), r
    shown = r.stdout + r.stderr
    if args[0] in ("list", "lint", "show"):
        for name in ("fifo.md", "loop.md", "zero.md"):
            line = next(ln for ln in shown.splitlines() if name in ln)
            assert "QZ009" in line
        assert "not a regular file" in shown and "symbolic links" in shown


def test_a_looping_content_path_entry_is_one_problem(cli, tmp_path, monkeypatch):
    (tmp_path / "l1").symlink_to(tmp_path / "l2")
    (tmp_path / "l2").symlink_to(tmp_path / "l1")
    monkeypatch.setenv("QUIZ_CONTENT_PATH", str(tmp_path / "l1"))
    r = cli("list")
    assert r.exit_code == 0
    assert "QZ009" in r.stderr and "l1" in r.stderr


@pytest.mark.parametrize("target", ["/dev/zero", "fifo", "loop", "dir", LONG])
def test_answer_file_reads_only_regular_files(cli, tmp_path, target):
    if target == "fifo":
        os.mkfifo(tmp_path / "fifo")
    if target == "loop":
        (tmp_path / "loop").symlink_to("loop")
    if target == "dir":
        (tmp_path / "dir").mkdir()
    path = target if target.startswith("/") else str(tmp_path / target)
    r = cli("ask", "--id", "relu-vs-sigmoid", "--answer-file", path, "--rate", "good")
    assert r.exit_code == 2 and r.stderr.count("\n") == 1, r
    assert "--answer-file" in r.stderr


def test_an_endless_answer_on_stdin_is_cut_short(tmp_path):
    env = dict(os.environ, QUIZ_HOME=str(tmp_path / "home"))
    yes = subprocess.Popen(["yes"], stdout=subprocess.PIPE)
    try:
        p = subprocess.run([sys.executable, "-m", "quizcli", "ask", "--id", "relu-vs-sigmoid",
                            "--answer-file", "-"], stdin=yes.stdout, capture_output=True,
                           text=True, timeout=60, env=env)
    finally:
        yes.kill()
        yes.wait()
    assert p.returncode == 2 and "more than 2 MB" in p.stderr


@pytest.mark.parametrize("args", [["lint", LONG], ["progress", "export", LONG],
                                  ["progress", "import", LONG], ["list", "--content-dir", LONG],
                                  ["stats", "--home", LONG + "/" + LONG]])
def test_impossible_paths_are_one_line(cli, args):
    r = cli(*args)
    assert r.exit_code in (1, 2), r
    assert "Traceback" not in r.stderr
    assert len([ln for ln in (r.stdout + r.stderr).splitlines() if ln.strip()]) <= 3


def test_an_unreadable_sub_directory_is_reported(cli, tmp_path, monkeypatch):
    d = tmp_path / "content"
    (d / "locked").mkdir(parents=True)
    (d / "mine.md").write_text(CORE.read_text(encoding="utf-8").replace("id: leaky-relu", "id: mine"),
                               encoding="utf-8")
    real = os.scandir

    def scandir(path="."):  # root reads everything: simulate a mode-000 directory
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    r = cli("lint", str(d))
    assert r.exit_code == 1
    line = next(ln for ln in r.stdout.splitlines() if "locked" in ln)
    assert "QZ009" in line and "Permission denied" in line


def test_a_broken_file_is_a_readable_line_not_a_repr(cli, tmp_path):
    d = tmp_path / "mine"
    d.mkdir()
    (d / "broken.md").write_text("---\nid: broken\ntitle: [unclosed\n---\n", encoding="utf-8")
    r = cli("ask", "--id", "broken", "--answer", "x", "--content-dir", str(d))
    assert r.exit_code == 2
    assert "Problem(" not in r.stderr and "broken.md:4: QZ006" in r.stderr
