"""README.md's examples, generated from the real tool (the way sqlite-utils uses cog).

    python scripts/readme.py --update   # rewrite the generated parts of README.md
    python scripts/readme.py --check    # exit 1 and show a diff when README.md has drifted

A generated part sits between two HTML comments, which Markdown does not show:

    <!-- gen: KIND ARGS -->…generated text…<!-- /gen -->

KINDS
    python                  the Python version pyproject.toml requires (">= X.Y" -> X.Y)
    count questions|activations|demos
                            how many the built-in bank, the catalog, the registry hold
    env-table               the table of QUIZ_* variables (quizcli.settings.markdown_table)
    demos                   one row per registered demo: name, what it shows, an example
    console [width=N]       a ```console block; the lines after the kind are the commands:
                              $ quiz ARGS  [# comment shown, not run]  | SELECT
                            SELECT picks output lines: 3, 2-9, /regex/ (the first line
                            matching, after the previous pick), /regex/+N (and N more),
                            /regex/-/regex/ (from one match to the next);
                            a gap between picks prints as "…"; no SELECT prints all.
                            {ARGS} in braces are passed but not shown (--interactive:
                            answers read from the block's `< text` line instead of a
                            terminal); a command whose line starts with `#$` runs
                            unshown (history for a later `quiz stats`).

Every command runs as `python -m quizcli` in a fresh QUIZ_HOME shared by one README, with a
fixed clock (QUIZ_NOW), no colour, stdout and stderr as a terminal shows them, English, COLUMNS=80 unless width=N. tests/test_readme.py
runs --check, so CI fails when the README and the tool disagree.
"""

from __future__ import annotations

import difflib
import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
MARK = re.compile(r"(?P<head><!-- gen: (?P<spec>.*?)\s*-->)(?P<body>.*?)<!-- /gen -->", re.S)
NOW = "2026-03-02T09:00:00Z"
_RE = r"/(?:[^/\\]|\\.)+/"
ITEM = re.compile(rf"{_RE}(?:-{_RE})?(?:\+\d+)?|\d+(?:-\d+)?")


class Runner:
    def __init__(self, home: str):
        keep = {k: v for k, v in os.environ.items()
                if not k.startswith(("QUIZ_", "LC_", "COLUMNS", "LINES", "FORCE_COLOR"))}
        self.env = dict(keep, QUIZ_HOME=os.path.join(home, "home"),
                        QUIZ_CACHE_DIR=os.path.join(home, "cache"), QUIZ_NOW=NOW,
                        QUIZ_FSRS_FUZZ="0", QUIZ_LANG="en", NO_COLOR="1", TERM="dumb",
                        LANG="C.UTF-8", PYTHONPATH=str(ROOT))

    def run(self, args: list[str], columns: int, stdin: str | None = None) -> str:
        env = dict(self.env, COLUMNS=str(columns), TERMINAL_WIDTH=str(columns))
        p = subprocess.run([sys.executable, "-m", "quizcli", *args], input=stdin,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                           env=env, cwd=ROOT, timeout=120)
        if p.returncode not in (0, 1):  # lint exits 1 on errors in the files it checks
            raise SystemExit(f"readme.py: quiz {' '.join(args)} exited {p.returncode}:\n"
                             f"{p.stdout}")
        return "\n".join(line.rstrip() for line in p.stdout.splitlines())


def _select(lines: list[str], spec: str) -> list[str]:
    """The picked lines, with '…' for each gap."""
    if not spec.strip():
        return lines
    picked: list[int] = []

    def find(pattern: str, start: int, item: str) -> int:
        regex = re.compile(pattern)
        at = next((i for i in range(start, len(lines)) if regex.search(lines[i])), None)
        if at is None:
            raise SystemExit(f"readme.py: no output line matches {item!r}")
        return at

    for item in ITEM.findall(spec):
        found = re.fullmatch(r"/(.+?)/(?:-/(.+)/)?(?:\+(\d+))?", item)
        if found:
            at = find(found.group(1), picked[-1] + 1 if picked else 0, item)
            end = (find(found.group(2), at + 1, item) if found.group(2)
                   else min(len(lines) - 1, at + int(found.group(3) or 0)))
            picked += range(at, end + 1)
        elif "-" in item:
            a, b = (int(n) for n in item.split("-"))
            picked += range(a - 1, min(len(lines), b))
        else:
            picked.append(int(item) - 1)
    out, last = [], -1
    for i in picked:
        if i <= last:
            continue
        if out and i > last + 1:
            out.append("…")
        out.append(lines[i])
        last = i
    if last < len(lines) - 1 and lines[last + 1:] and any(ln.strip() for ln in lines[last + 1:]):
        out.append("…")
    return out


def console_block(runner: Runner, spec: str) -> str:
    head, *body = spec.split("\n")
    width = int(dict(re.findall(r"(\w+)=(\d+)", head)).get("width", 80))
    shown: list[str] = []
    stdin = None
    for raw in body:
        line = raw.strip()
        if not line:
            continue
        if line.startswith("<"):
            stdin = line[1:].strip().encode().decode("unicode_escape")
            continue
        hidden = line.startswith("#$")
        command, _, select = line.lstrip("#").lstrip("$").strip().partition(" | ")
        visible, _, comment = command.partition("  #")
        args = shlex.split(visible.replace("{", " ").replace("}", " "))[1:]  # drop "quiz"
        output = runner.run(args, width, stdin)
        stdin = None
        if hidden:
            continue
        text = re.sub(r"\s*\{[^}]*\}", "", visible).rstrip()
        shown.append(f"$ {text}" + (f"  # {comment.strip()}" if comment else ""))
        shown += _select(output.split("\n"), select) if output else []
    return "\n```console\n" + "\n".join(shown) + "\n```\n"


def demos_table() -> str:
    from quizcli.demos import registry

    rows = ["| demo | what it shows | try |", "|---|---|---|"]
    for spec in registry.specs():
        example = spec.examples[0] if spec.examples else f"quiz demo {spec.name}"
        rows.append(f"| `{spec.name}` | {spec.summary['en']} | `{example}` |")
    return "\n" + "\n".join(rows) + "\n"


def count(what: str, runner: Runner) -> str:
    if what == "demos":
        from quizcli.demos import registry

        return str(len(registry.names()))
    if what == "activations":
        from quizcli.activations.names import CANONICAL

        return str(len(CANONICAL))
    if what == "questions":
        import json

        return str(len(json.loads(runner.run(["list", "--json"], 100))))
    raise SystemExit(f"readme.py: cannot count {what!r}")


def python_version() -> str:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    found = re.search(r'^requires-python\s*=\s*">=\s*([\d.]+)"', text, re.M)
    if not found:
        raise SystemExit("readme.py: pyproject.toml has no requires-python = \">=X.Y\"")
    return found.group(1)


def generate(text: str) -> str:
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as home:
        runner = Runner(home)

        def replace(match: re.Match) -> str:
            spec = match.group("spec")
            kind, _, rest = spec.strip().partition(" ")
            kind = kind.split("\n")[0]
            if kind == "python":
                body = python_version()
            elif kind == "count":
                body = count(rest.strip(), runner)
            elif kind == "env-table":
                from quizcli import settings

                body = "\n" + settings.markdown_table()
            elif kind == "demos":
                body = demos_table()
            elif kind == "console":
                body = console_block(runner, spec.strip())
            else:
                raise SystemExit(f"readme.py: unknown kind {kind!r}")
            return f"{match.group('head')}{body}<!-- /gen -->"

        return MARK.sub(replace, text)


def main(argv: list[str]) -> int:
    if argv not in (["--check"], ["--update"]):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    current = README.read_text(encoding="utf-8")
    fresh = generate(current)
    if argv == ["--update"]:
        if fresh != current:
            README.write_text(fresh, encoding="utf-8")
        return 0
    if fresh == current:
        return 0
    sys.stdout.writelines(difflib.unified_diff(current.splitlines(True), fresh.splitlines(True),
                                               "README.md", "README.md (from the tool)"))
    print("README.md differs from the tool: run `python scripts/readme.py --update`.",
          file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
