"""Rerunnable hostile campaign for issue 17: hostile files, faults and signals.

Every attack runs the installed `quiz` in a subprocess with a timeout, with QUIZ_HOME,
QUIZ_CACHE_DIR and the XDG directories in fresh temp dirs (never the real home), and is classified:

  ok         nothing wrong
  traceback  "Traceback" or "Fatal Python error" on stderr/stdout, or death by a signal we did not send
  hang       past its budget (20 s; lint of the whole bank 60 s; demos 60 s; a 100k import 240 s)
  data lost  reviews missing afterwards (or `PRAGMA integrity_check` not ok)
  unsafe     code executed, raw ESC / C1 / DEL / bidi bytes on the terminal, a link whose target
             is hidden, a file replaced that must not be
  other      cosmetic failures of items 16-18 (empty output at COLUMNS=0, exit 1 on EPIPE,
             a Python repr or several lines before a one-line error)

Usage: python benchmarks/hostile.py [--quick] [--jobs N] [--out FILE] [--seed S]
Prints one Markdown table (one row per issue item, then totals) and the failures found.
Not part of pytest (a full run takes ~10-15 min on a loaded 2-core machine; --quick < 2 min).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "fixtures" / "lint" / "QZ036-unbounded-repetition" / "sample-question.md"
KINDS = ("traceback", "hang", "data lost", "unsafe", "other")
BUDGET = 20.0
LINT_BUDGET = 60.0
QID = "relu-vs-sigmoid"
GOOD_ANSWER = "Sigmoid saturates, so gradients vanish in deep nets; ReLU is cheap and sparse."

ITEMS = {
    1: "pickle cache / hostile cache files",
    2: "escape sequences (content, args, JSON)",
    3: "spoofed Markdown links",
    4: "ReDoS in match/reject patterns",
    5: "unbounded fact expressions",
    6: "special files (FIFO, devices, endless stdin)",
    7: "long demos",
    8: "huge numbers in facts",
    9: "symlink loops, ENAMETOOLONG, ENOTDIR",
    10: "hostile progress imports",
    11: "closed standard streams",
    12: "odd environment",
    13: "SIGTERM/SIGHUP/SIGINT at the rating prompt",
    14: "export --force onto special files",
    15: "kill -9 during review writes, stale temp files",
    16: "COLUMNS=0 and unusable widths",
    17: "EPIPE (quiz … | head -n 1)",
    18: "reprs, extra lines, stdin a directory",
    19: "concurrent reviews",
    20: "random CLI-argument fuzz",
}


# --------------------------------------------------------------------------- running


def quiz_exe() -> list[str]:
    script = Path(sys.executable).parent / "quiz"
    return [str(script)] if script.exists() else [sys.executable, "-m", "quizcli"]


QUIZ = quiz_exe()


@dataclass
class Run:
    rc: int | None
    out: bytes
    err: bytes
    seconds: float
    hung: bool = False


def _limits():  # in the child: never let one attack eat the machine's memory
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))
    os.setsid()


class Env:
    """A throw-away home, cache and XDG tree for one attack."""

    def __init__(self, base: Path):
        self.base = Path(tempfile.mkdtemp(dir=base))
        self.home = self.base / "home"
        self.cache = self.base / "cache"
        self.content = self.base / "content"
        self.home.mkdir()
        self.content.mkdir()
        self.vars = {
            "QUIZ_HOME": str(self.home), "QUIZ_CACHE_DIR": str(self.cache),
            "HOME": str(self.base), "XDG_CACHE_HOME": str(self.base / "xdg-cache"),
            "XDG_DATA_HOME": str(self.base / "xdg-data"), "XDG_CONFIG_HOME": str(self.base / "xdg-config"),
            "QUIZ_LANG": "en", "TERM": "dumb", "NO_COLOR": "1", "COLUMNS": "100", "LANG": "C.UTF-8",
            "QUIZ_FSRS_FUZZ": "0", "PYTHONDONTWRITEBYTECODE": "1",
        }

    def env(self, **extra) -> dict:
        keep = {k: v for k, v in os.environ.items()
                if k in ("PATH", "SYSTEMROOT", "LD_LIBRARY_PATH", "VIRTUAL_ENV")}
        env = {**keep, **self.vars}
        for k, v in extra.items():
            if v is None:
                env.pop(k, None)
            else:
                env[k] = v
        return env

    def quiz(self, *args, env: dict | None = None, stdin=subprocess.DEVNULL, input: bytes | None = None,
             timeout: float = BUDGET, close: tuple[int, ...] = (), cwd: Path | None = None) -> Run:
        # never outside the temp tree: a missing directory is one inside it
        argv = QUIZ + [str(a).replace("NOWHERE", str(self.base / "no-such-dir")) for a in args]
        if timeout == BUDGET and args and args[0] == "lint" and "--codes" not in args:
            timeout = LINT_BUDGET  # lint of the whole built-in bank: ~4 s of CPU, slow under load
        return run(argv, env=self.env(**(env or {})), stdin=stdin, input=input, timeout=timeout,
                   close=close, cwd=cwd or self.base)

    def reviews(self) -> int:
        db = self.home / "progress.sqlite3"
        if not db.exists():
            return 0
        c = sqlite3.connect(db, timeout=30)
        try:
            return c.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]
        finally:
            c.close()

    def integrity(self) -> str:
        db = self.home / "progress.sqlite3"
        if not db.exists():
            return "ok"
        c = sqlite3.connect(db, timeout=30)
        try:
            return c.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            c.close()


def run(argv, *, env, stdin=subprocess.DEVNULL, input=None, timeout=BUDGET, close=(), cwd=None) -> Run:
    def pre():
        _limits()
        for fd in close:
            os.close(fd)

    t = time.monotonic()
    p = subprocess.Popen(argv, env=env, cwd=cwd, stdin=subprocess.PIPE if input is not None else stdin,
                         stdout=subprocess.DEVNULL if 1 in close else subprocess.PIPE,
                         stderr=subprocess.DEVNULL if 2 in close else subprocess.PIPE,
                         preexec_fn=pre)
    try:
        out, err = p.communicate(input=input, timeout=timeout)
        return Run(p.returncode, out or b"", err or b"", time.monotonic() - t)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        out, err = p.communicate()
        return Run(None, out or b"", err or b"", time.monotonic() - t, hung=True)


# --------------------------------------------------------------------------- classification

BAD_BYTES = [b"\x1b", b"\x7f"] + [chr(c).encode() for c in list(range(0x80, 0xA0)) + list(range(0x202A, 0x202F))
                                  + list(range(0x2066, 0x206A))]


def raw_escape(data: bytes) -> bytes | None:
    for b in BAD_BYTES:
        if b in data:
            return b
    return None


@dataclass
class Result:
    item: int
    name: str
    kind: str  # ok or one of KINDS
    detail: str = ""


def classify(r: Run, *, scan: bool = True, sent_signal: bool = False) -> tuple[str, str]:
    text = r.out + r.err
    if r.hung:
        return "hang", f"over {r.seconds:.0f} s"
    if b"Fatal Python error: init_" in text:  # CPython dies before quizcli runs (stdin a
        # directory, PYTHONIOENCODING unknown): outside the package's reach
        return "other", r.err.decode("utf-8", "replace").splitlines()[0][:100] + " (before any quizcli code)"
    if b"Traceback" in text or b"Fatal Python error" in text:
        last = [ln for ln in r.err.decode("utf-8", "replace").splitlines() if ln.strip()][-1:] or ["?"]
        return "traceback", last[0][:160]
    if r.rc is not None and r.rc < 0 and not sent_signal:
        return "traceback", f"killed by signal {-r.rc}"
    if scan:
        b = raw_escape(text)
        if b is not None:
            where = "stdout" if raw_escape(r.out) else "stderr"
            return "unsafe", f"raw {b!r} on {where}"
    return "ok", ""


def short(r: Run) -> str:
    err = r.err.decode("utf-8", "replace").strip().splitlines()
    return f"rc={r.rc} {err[-1][:140] if err else ''}".strip()


# --------------------------------------------------------------------------- content helpers


def question(qid: str = "sample-question", *, title: str | None = None, body: str | None = None,
             en_match: str | None = None, reject: str | None = None, facts: str | None = None,
             extra: str = "") -> str:
    text = SAMPLE.read_text(encoding="utf-8").replace("id: sample-question", f"id: {qid}")
    if title is not None:
        text = text.replace('en: "What is ReLU?"', f"en: {title}")
    if en_match is not None:
        text = text.replace("match: ['sparse']}", f"match: [{en_match}]" + "}")
    if reject is not None:
        text = text.replace("match: ['sparse']}", f"match: ['sparse'], reject: [{reject}]" + "}")
    if facts is not None:
        text = text.replace("""  - {expr: "df('relu', 1)", value: 1}""", facts)
    if extra:
        text = text.replace("difficulty: 1\n", "difficulty: 1\n" + extra)
    if body is not None:
        text = text.replace("so activations are sparse.\n", "so activations are sparse. " + body + "\n")
    return text


def yq(s: str) -> str:
    """A YAML double-quoted scalar for s."""
    return json.dumps(s)


BANK_COMMANDS = [
    ("list",), ("list", "--json"), ("show", "sample-question"), ("show", "sample-question", "--json"),
    ("lint",), ("ask", "--id", "sample-question", "--answer", "relu is max(0, x), sparse"),
    ("ask", "--id", "sample-question", "--answer", "a" * 40 + "!", "--json"),
    ("export", "csv", "OUT.csv", "--force"),
]


def bank_args(cmd: tuple, env: Env, content: Path) -> list[str]:
    args = [a.replace("OUT.csv", str(env.base / "out.csv")) for a in cmd]
    if cmd[0] == "lint":
        return ["lint", str(content)]
    return args


# --------------------------------------------------------------------------- the campaign


class Campaign:
    def __init__(self, quick: bool, seed: int, jobs: int):
        self.quick = quick
        self.rng = random.Random(seed)
        self.jobs = jobs
        self.base = Path(tempfile.mkdtemp(prefix="quiz-hostile-"))
        self.tasks: list[tuple[int, str, Callable[[], list[Result] | Result]]] = []
        self.results: list[Result] = []
        self.lock = threading.Lock()

    def env(self) -> Env:
        return Env(self.base)

    def add(self, item: int, name: str, fn: Callable[[], "Result | list[Result]"]) -> None:
        self.tasks.append((item, name, fn))

    def sample(self, seq: list, quick_n: int) -> list:
        if not self.quick or len(seq) <= quick_n:
            return list(seq)
        return self.rng.sample(list(seq), quick_n)

    def pick(self, seq: list, quick_n: int, full_n: int) -> list:
        seq = list(seq)
        return self.rng.sample(seq, min(len(seq), quick_n if self.quick else full_n))

    # ---- generic: hostile content dir x bank commands

    def content_case(self, item: int, name: str, files: dict[str, str | bytes | Callable[[Path], None]],
                     commands=BANK_COMMANDS, *, check: Callable[[tuple, Run, Env], tuple[str, str] | None] = None,
                     timeout: float = BUDGET, env_extra: dict | None = None, scan: bool = True,
                     quick_n: int = 2, full_n: int = 3) -> None:
        cmds = list(commands)
        picked = self.sample(cmds, quick_n) if self.quick else self.rng.sample(cmds, min(full_n, len(cmds)))
        for cmd in picked:
            def attack(cmd=cmd):
                e = self.env()
                for rel, data in files.items():
                    p = e.content / rel
                    p.parent.mkdir(parents=True, exist_ok=True)
                    if callable(data):
                        data(p)
                    elif isinstance(data, bytes):
                        p.write_bytes(data)
                    else:
                        p.write_text(data, encoding="utf-8")
                r = e.quiz(*bank_args(cmd, e, e.content), timeout=timeout,
                           env={"QUIZ_CONTENT_PATH": str(e.content), **(env_extra or {})})
                kind, detail = classify(r, scan=scan)
                if kind == "ok" and check:
                    got = check(cmd, r, e)
                    if got:
                        kind, detail = got
                return Result(item, f"{name}: quiz {' '.join(cmd)[:60]}", kind, detail or short(r))
            self.add(item, name, attack)

    # ---- item 1

    def item1_cache(self) -> None:
        marker_dir = self.base / "markers"
        marker_dir.mkdir(exist_ok=True)

        def pickle_payload(marker: Path, exit_code: bool = False) -> bytes:
            import pickle

            class Boom:
                def __reduce__(self):
                    if exit_code:
                        return (os._exit, (77,))
                    return (os.system, (f"touch {marker}",))
            return pickle.dumps(Boom())

        def json_variants(real: dict) -> dict[str, bytes]:
            key = real.get("key")
            entries = real.get("entries") or {}
            name = next(iter(entries), "x.md")
            bad = {
                "not json": b"\x80\x04\x95garbage",
                "empty": b"",
                "list": b"[]",
                "null": b"null",
                "entries a number": json.dumps({"key": key, "directory": real.get("directory"), "entries": 5}).encode(),
                "entry a string": json.dumps({**real, "entries": {name: "x"}}).encode(),
                "question wrong shape": json.dumps({**real, "entries": {name: [[0, 0], {"id": 5, "title": [1]}, []]}}).encode(),
                "problems wrong shape": json.dumps({**real, "entries": {name: [[0, 0], None, [{"path": 1}]]}}).encode(),
                "deep nesting": b'{"key": ' + json.dumps(key).encode() + b', "entries": ' + b"[" * 200000 + b"]" * 200000 + b"}",
                "huge int": json.dumps({**real, "entries": {name: [[10 ** 4400, 0], None, []]}}).encode()
                if sys.version_info < (3, 11) else b'{"key": ' + json.dumps(key).encode() + b', "entries": {"' + name.encode() + b'": [[' + b"9" * 5000 + b', 0], null, []]}}',
                "NaN stamp": b'{"key": ' + json.dumps(key).encode() + b', "entries": {"' + name.encode() + b'": [[NaN, 1e400], null, []]}}',
                "lone surrogate": json.dumps({**real, "directory": "\ud800"}).encode(),
            }
            return bad

        owners = [("self", None), ("nobody", 65534)] if os.geteuid() == 0 else [("self", None)]
        payloads = ["pickle touch", "pickle exit 77", "not json", "empty", "list", "null", "entries a number",
                    "entry a string", "question wrong shape", "problems wrong shape", "deep nesting", "huge int",
                    "NaN stamp", "lone surrogate"]
        dir_modes = [0o700, 0o777]
        routes = ["QUIZ_CACHE_DIR", "XDG_CACHE_HOME"]
        combos = [(p, o, m, rt, cmd) for p in payloads for o in owners for m in dir_modes for rt in routes
                  for cmd in (("list",), ("show", QID), ("ask", "--id", QID, "--answer", GOOD_ANSWER))]
        if not self.quick:
            combos = self.rng.sample(combos, min(len(combos), 80))
        else:
            combos = self.rng.sample([c for c in combos if c[0].startswith("pickle")], 3) + self.rng.sample(combos, 3)
        for payload, (owner, uid), mode, route, cmd in combos:
            def attack(payload=payload, owner=owner, uid=uid, mode=mode, route=route, cmd=cmd):
                e = self.env()
                extra = {} if route == "QUIZ_CACHE_DIR" else {"QUIZ_CACHE_DIR": None}
                cache = e.cache if route == "QUIZ_CACHE_DIR" else e.base / "xdg-cache" / "quizcli"
                args = list(cmd)
                first = e.quiz(*args, env=extra, timeout=60)
                files = sorted(cache.glob("dir-*.json"))
                if first.rc not in (0, 1) or not files:
                    return Result(1, f"cache {payload}", "other", f"no cache written: {short(first)}")
                marker = marker_dir / f"m-{os.getpid()}-{time.monotonic_ns()}"
                for f in files:
                    if payload == "pickle touch":
                        data = pickle_payload(marker)
                    elif payload == "pickle exit 77":
                        data = pickle_payload(marker, exit_code=True)
                    else:
                        data = json_variants(json.loads(f.read_text(encoding="utf-8")))[payload]
                    f.write_bytes(data)
                    if payload.startswith("pickle"):  # also the old (format 3) name
                        f.with_suffix(".pickle").write_bytes(data)
                    if uid is not None:
                        os.chown(f, uid, uid)
                        if payload.startswith("pickle"):
                            os.chown(f.with_suffix(".pickle"), uid, uid)
                os.chmod(cache, mode)
                if uid is not None and mode == 0o777:
                    os.chown(cache, uid, uid)
                r = e.quiz(*args, env=extra)
                kind, detail = classify(r)
                if marker.exists() or r.rc == 77:
                    kind, detail = "unsafe", "planted pickle executed"
                elif kind == "ok" and r.rc != first.rc:
                    kind, detail = "other", f"exit {r.rc} instead of {first.rc}: {short(r)}"
                return Result(1, f"cache {payload} owner={owner} dir={mode:o} via {route}: quiz {cmd[0]}",
                              kind, detail)
            self.add(1, "cache", attack)

    # ---- item 2

    def item2_escapes(self) -> None:
        seqs = {
            "OSC title": "\x1b]0;pwned\x07", "OSC 52": "\x1b]52;c;cHduZWQ=\x07", "CSI clear": "\x1b[2J",
            "C1 CSI": "\u009b2J", "C1 OSC": "\u009d0;x\u009c", "DEL": "a\x7fb", "bidi RLO": "abc\u202edef",
            "bidi isolate": "x\u2066y\u2069",
        }
        cases = {}
        for label, s in seqs.items():
            esc = json.dumps(s)  # JSON escapes are valid YAML double-quoted escapes
            cases[f"{label} in title"] = {"sample-question.md": question(title=esc)}
            cases[f"{label} in body"] = {"sample-question.md": question(body=s.replace("\x07", ""))}
            cases[f"{label} in duplicate key"] = {"sample-question.md": question(extra=f"{esc}: 1\n{esc}: 2\n")}
            cases[f"{label} in unknown field"] = {"sample-question.md": question(extra=f"{esc}: 1\n")}
            cases[f"{label} in id"] = {"sample-question.md": question(qid=esc)}
            cases[f"{label} in tag"] = {"sample-question.md": question().replace("tags: [activation, relu]", f"tags: [{esc}]")}
            cases[f"{label} raw in YAML"] = {"sample-question.md": question(title='"' + s + '"')}
            cases[f"{label} in file name"] = {f"q{s.replace('/', '')}.md": question()}
            cases[f"{label} in sub-directory"] = {f"d{s.replace('/', '')}/sample-question.md": question()}
            cases[f"{label} in broken file"] = {f"b{s.replace('/', '')}.md": "---\nid: [\n" + s + "\n"}
        items = list(cases.items())
        if self.quick:
            items = self.rng.sample(items, 4)
        commands = BANK_COMMANDS + [("export", "csv", "-")]
        for name, files in items:
            self.content_case(2, name, files, commands, quick_n=1, full_n=2)
        # escapes in arguments the user typed
        arg_cases = []
        for label, s in seqs.items():
            arg_cases += [("show", s), ("ask", "--id", s, "--answer", "x"), ("list", "--tag", s),
                          ("list", "--content-dir", "/tmp/" + s), ("ask", "--id", QID, "--answer", s, "--json"),
                          ("ask", "--id", QID, "--answer", s), ("explain", s), ("demo", s),
                          ("lint", "NOWHERE/" + s), ("progress", "export", "NOWHERE/" + s),
                          ("ask", "--id", QID, "--answer-file", "NOWHERE/" + s),
                          ("config", "set", "retention", s), ("config", "set", s, "1")]
        for args in self.pick(arg_cases, 4, 40):
            def attack(args=args):
                e = self.env()
                r = e.quiz(*args)
                kind, detail = classify(r)
                return Result(2, f"arg: quiz {ascii(' '.join(args))[:70]}", kind, detail or short(r))
            self.add(2, "args", attack)

    # ---- item 3

    def item3_links(self) -> None:
        links = [
            ("[https://pytorch.org/docs](https://evil.example/steal)", "evil.example", True),
            ("[http://arxiv.org/abs/1](https://evil.example/x)", "evil.example", True),
            ("[pytorch.org/docs](https://evil.example/steal)", "evil.example", False),
            ("[docs](https://evil.example/steal)", "evil.example", False),
            ("[https://pytorch.org](javascript:alert(1))", "javascript", True),
            ("[https://pytorch.org](<https://evil.example/a b>)", "evil.example", True),
            ("[https://pytorch.org][r]\n\n[r]: https://evil.example/ref", "evil.example", True),
            ("<https://evil.example/auto>", "evil.example", False),
            ("[https://pytorch.org/docs](https://evil.example/steal \"https://pytorch.org\")", "evil.example", True),
            ("[https://pytorch.org\u202e](https://evil.example/bidi)", "evil.example", True),
        ]
        for text, host, url_text in self.sample(links, 3):
            for cmd in self.sample([("show", "sample-question"), ("lint",), ("ask", "--id", "sample-question",
                                    "--answer", "relu is max(0, x) and sparse"), ("show", "sample-question", "--json")],
                                   1 if self.quick else 4):
                def attack(text=text, host=host, url_text=url_text, cmd=cmd):
                    e = self.env()
                    (e.content / "sample-question.md").write_text(question(body=text), encoding="utf-8")
                    r = e.quiz(*bank_args(cmd, e, e.content), env={"QUIZ_CONTENT_PATH": str(e.content)})
                    kind, detail = classify(r)
                    out = r.out.decode("utf-8", "replace")
                    if kind == "ok":
                        if b"\x1b]8;" in r.out:
                            kind, detail = "unsafe", "OSC 8 hyperlink"
                        elif cmd[0] == "lint" and url_text and r.rc == 0:
                            kind, detail = "unsafe", "lint passes a link whose text is another URL"
                        elif cmd[0] in ("show", "ask") and r.rc == 0 and host not in out:
                            kind, detail = "unsafe", f"link target {host} not visible"
                    return Result(3, f"link {ascii(text)[:50]}: quiz {cmd[0]}", kind, detail or short(r))
                self.add(3, "links", attack)

    # ---- item 4

    def item4_redos(self) -> None:
        patterns = ["alpha|(a|a){1,60}$", "(a+)+$", "(ab|a)*x", r"(?:\w{1,9}){1,60}$", r"(\w+\s?)*$",
                    "(a|aa)+$", "([a-z]+)*!", "(.*a){25}", "(x+x+)+y", "(?:a*)*b", r"(\w|\d)+$",
                    r"^(\s*a)+$", "(a?){30}a{30}", r"(?:(?:a+)+)+c", "(a{1,30}){1,30}$"]
        answers = ["a" * 40 + "!", "a" * 5000 + "!", "x" * 100 + "y" * 0, " a" * 3000 + "!", "ab" * 2000]
        combos = []
        for p in patterns:
            for where in ("match", "reject"):
                for cmd in ("lint", "ask", "ask-json", "list"):
                    combos.append((p, where, cmd))
        for p, where, cmd in self.pick(combos, 4, 60):
            def attack(p=p, where=where, cmd=cmd):
                e = self.env()
                pat = yq(p).replace("\\\\", "\\\\")
                text = question(en_match=f"'sparse', {pat}") if where == "match" else question(reject=pat)
                # a model answer that itself triggers the pattern (hangs lint's self-check)
                text = text.replace("so activations are sparse.\n", "so activations are sparse. " + "a" * 40 + "!\n")
                (e.content / "sample-question.md").write_text(text, encoding="utf-8")
                ans = self.rng.choice(answers)
                args = {"lint": ["lint", str(e.content)], "list": ["list"],
                        "ask": ["ask", "--id", "sample-question", "--answer", ans],
                        "ask-json": ["ask", "--id", "sample-question", "--answer", ans, "--json", "--explain-grading"]}[cmd]
                r = e.quiz(*args, env={"QUIZ_CONTENT_PATH": str(e.content)})
                kind, detail = classify(r)
                return Result(4, f"{where} {p!r}: quiz {cmd}", kind, detail or f"{r.seconds:.1f}s {short(r)}")
            self.add(4, "redos", attack)
        # hostile answers against the real bank
        for ans in self.sample(["a" * 100000, "(" * 50000, "\\" * 10000 + "x", "ReLU " * 40000, "\u0000" * 1000,
                                "가" * 100000, "a\u0301" * 20000, "\n" * 100000], 2):
            def attack(ans=ans):
                e = self.env()
                r = e.quiz("ask", "--id", QID, "--answer-file", "-", "--json", input=ans.encode("utf-8", "surrogatepass"))
                kind, detail = classify(r)
                return Result(4, f"answer {ascii(ans[:10])}×{len(ans)}", kind, detail or f"{r.seconds:.1f}s {short(r)}")
            self.add(4, "answers", attack)

    # ---- item 5

    def item5_facts(self) -> None:
        exprs = ["10**10**10", "2**2**2**2**2**2", "9**9**9", "(10**6)**(10**6)", "10**-10**10", "-(10**400)",
                 "1e308*10", "'a'*10**9", "[1]*10**9", "((((((((((((((((((((1))))))))))))))))))))" * 1,
                 "(" * 200 + "1" + ")" * 200, "1+" * 5000 + "1", "__import__('os').system('touch /tmp/pwn')",
                 "().__class__.__base__.__subclasses__()", "df('relu', 10**400)", "demo('vanishing', 'x', 10**9)",
                 "lambda: 1", "[x for x in range(10**9)]", "f(10**10)", "2**0.5**-1000", "10.0**10**3"]
        for expr in self.sample(exprs, 3):
            self.content_case(5, f"expr {expr[:40]}", {"sample-question.md": question(facts=f"  - {{expr: {yq(expr)}, value: 1}}")},
                              [("lint",), ("list",), ("show", "sample-question")], quick_n=1, full_n=3)

    # ---- item 6

    def item6_special(self) -> None:
        def fifo(p: Path):
            os.mkfifo(p)

        def link(target):
            def make(p: Path):
                os.symlink(target, p)
            return make

        def sock(p: Path):
            import socket

            s = socket.socket(socket.AF_UNIX)
            try:
                s.bind(str(p))
            finally:
                s.close()

        cases = {
            "FIFO *.md": {"sample-question.md": question(), "fifo.md": fifo},
            "FIFO curriculum.txt": {"sample-question.md": question(), "curriculum.txt": fifo},
            "curriculum.txt -> /dev/zero": {"sample-question.md": question(), "curriculum.txt": link("/dev/zero")},
            "x.md -> /dev/zero": {"sample-question.md": question(), "x.md": link("/dev/zero")},
            "x.md -> /dev/urandom": {"sample-question.md": question(), "x.md": link("/dev/urandom")},
            "x.md -> /dev/stdin": {"sample-question.md": question(), "x.md": link("/dev/stdin")},
            "socket *.md": {"sample-question.md": question(), "s.md": sock},
            "directory *.md": {"sample-question.md": question(), "d.md/inner-q.md": question(qid="inner-q")},
            "2 MB file": {"sample-question.md": question(), "big-q.md": question(qid="big-q") + "x" * (2 << 20)},
            "sub/curriculum.txt FIFO": {"sample-question.md": question(), "sub/curriculum.txt": fifo, "sub/z-q.md": question(qid="z-q")},
        }
        for name, files in self.sample(list(cases.items()), 3):
            self.content_case(6, name, files, quick_n=1, full_n=4)
        # answer files
        def fifo_file(e: Env) -> str:
            p = e.base / "ans.fifo"
            os.mkfifo(p)
            return str(p)
        sources = [("--answer-file /dev/zero", lambda e: "/dev/zero", None),
                   ("--answer-file /dev/urandom", lambda e: "/dev/urandom", None),
                   ("--answer-file FIFO (no writer)", fifo_file, None),
                   ("--answer-file a directory", lambda e: str(e.base), None),
                   ("yes | --answer-file -", lambda e: "-", "yes"),
                   ("/dev/zero | --answer-file -", lambda e: "-", "zero")]
        for name, path, feed in self.sample(sources, 2):
            for extra in self.sample([(), ("--json",), ("--rate", "good")], 1 if self.quick else 3):
                def attack(name=name, path=path, feed=feed, extra=extra):
                    e = self.env()
                    stdin = subprocess.DEVNULL
                    src = None
                    if feed == "yes":
                        src = subprocess.Popen(["yes"], stdout=subprocess.PIPE)
                        stdin = src.stdout
                    elif feed == "zero":
                        stdin = open("/dev/zero", "rb")
                    try:
                        r = e.quiz("ask", "--id", QID, "--answer-file", path(e), *extra, stdin=stdin)
                    finally:
                        if src:
                            src.kill()
                            src.wait()
                        elif feed == "zero":
                            stdin.close()
                    kind, detail = classify(r)
                    return Result(6, f"{name} {' '.join(extra)}", kind, detail or f"{r.seconds:.1f}s {short(r)}")
                self.add(6, "answer files", attack)

    # ---- item 7

    def item7_demos(self) -> None:
        demos = [("dying", "--width", "4096"), ("sparsity", "--depth", "1000", "--width", "2000", "--batch", "2000"),
                 ("vanishing", "--depth", "100000"), ("dying", "--steps", "100000000"),
                 ("optimizers", "--steps", "100000000"), ("lr", "--steps", "100000000"),
                 ("zigzag", "--steps", "100000000"), ("saturation", "--depth", "1000000"),
                 ("kink", "--steps", "100000000"), ("dying", "--width", "100000000"),
                 ("sparsity", "--width", "9" * 40), ("vanishing", "--width", "1000000", "--depth", "1000"),
                 ("optimizers", "--condition", "1e308"), ("lr", "--lr", "1e308"), ("dying", "--lr", "nan"),
                 ("dying", "--seed", "-1"), ("vanishing", "--depth", "-1")]
        for args in self.sample(demos, 2):
            for extra in self.sample([(), ("--json",)], 1 if self.quick else 2):
                def attack(args=args, extra=extra):
                    e = self.env()
                    r = e.quiz("demo", *args, *extra, timeout=60)
                    kind, detail = classify(r)
                    return Result(7, f"demo {' '.join(args)} {' '.join(extra)}", kind,
                                  detail or f"{r.seconds:.1f}s {short(r)}")
                self.add(7, "demos", attack)

    # ---- item 8

    def item8_numbers(self) -> None:
        values = ["9" * 400, "-" + "9" * 400, "1e400", "-1e400", ".nan", ".inf", "1" + "0" * 5000,
                  "100, tol: " + "9" * 400, "100, tol: .nan", "100, tol: -1", "0x" + "f" * 500, "[1, 2]",
                  "{a: 1}", "'text'", "null", "1e-400", "100, tol: 1e400"]
        for v in self.sample(values, 2):
            self.content_case(8, f"fact value {v[:30]}", {
                "sample-question.md": question(facts=f"  - {{expr: \"df('relu', 1)\", value: {v}}}"),
                "fine-question.md": question(qid="fine-question")}, quick_n=1, full_n=3)

    # ---- item 9

    def item9_paths(self) -> None:
        long = "x" * 300

        def self_loop(p: Path):
            os.symlink(p.name, p)

        def pair_loop(p: Path):
            os.symlink(p.name + ".b", p)
            os.symlink(p.name, str(p) + ".b")

        def dir_loop(p: Path):
            p.mkdir(parents=True, exist_ok=True)
            os.symlink("..", p / "up")

        cases = {"loop.md -> loop.md": {"sample-question.md": question(), "loop.md": self_loop},
                 "a.md <-> a.md.b": {"sample-question.md": question(), "a.md": pair_loop},
                 "sub/up -> ..": {"sample-question.md": question(), "sub": dir_loop},
                 "curriculum.txt loop": {"sample-question.md": question(), "curriculum.txt": self_loop}}
        for name, files in self.sample(list(cases.items()), 1):
            self.content_case(9, name, files, quick_n=1, full_n=5)
        path_cases = [
            ("lint", long), ("lint", "/tmp/" + "/".join(["y" * 250] * 20)), ("progress", "export", long),
            ("progress", "export", "/tmp/" + long + "/x.json"), ("ask", "--id", QID, "--answer-file", long),
            ("progress", "import", long), ("list", "--content-dir", long), ("list", "--content-dir", "x" * 5000),
            ("stats", "--home", long), ("ask", "--id", QID, "--answer", "x", "--rate", "good", "--home", long),
            ("export", "csv", long), ("export", "anki", "/tmp/" + long + "/a.apkg"), ("list", "--content-dir", "LOOP"),
            ("lint", "LOOP"), ("list", "--content-dir", "FILE/sub"), ("progress", "export", "FILE/sub/x.json"),
            ("ask", "--id", QID, "--answer-file", "FILE/sub"), ("stats", "--home", "FILE/sub"),
            ("list", "ENV_LONG"), ("list", "ENV_LOOP"), ("list", "ENV_FILE"), ("show", QID, "--content-dir", "\x00"),
        ]
        for args in self.sample(path_cases, 4 if self.quick else len(path_cases)):
            def attack(args=args):
                e = self.env()
                loop = e.base / "loopdir"
                os.symlink(loop.name, loop)
                f = e.base / "file"
                f.write_text("x")
                env = {}
                real = []
                for a in args:
                    if a == "ENV_LONG":
                        env["QUIZ_CONTENT_PATH"] = long
                    elif a == "ENV_LOOP":
                        env["QUIZ_CONTENT_PATH"] = str(loop)
                    elif a == "ENV_FILE":
                        env["QUIZ_CONTENT_PATH"] = str(f / "sub")
                    else:
                        real.append(a.replace("LOOP", str(loop)).replace("FILE", str(f)))
                try:
                    r = e.quiz(*real, env=env)
                except ValueError as exc:  # NUL in argv: the OS refuses it, not quiz
                    return Result(9, f"quiz {args[0]} NUL", "ok", str(exc))
                kind, detail = classify(r)
                return Result(9, f"quiz {' '.join(a[:20] for a in args)}", kind, detail or short(r))
            self.add(9, "paths", attack)

    # ---- item 10

    def item10_imports(self) -> None:
        good = {"uid": "r-good", "question_id": QID, "reviewed_at": "2025-03-01T09:01:00Z", "rating": 3,
                "score": 0.5, "covered": [], "missed": [], "tags": ["relu"], "lang": "en", "duration_s": 12.5,
                "session": "s1"}

        def export(reviews_json: str, sessions: str | None = None, head: str = "") -> bytes:
            sessions = sessions or '[{"uid": "s1", "started_at": "2025-03-01T09:00:00Z", "ended_at": null}]'
            return ('{"format": "quizcli-progress", "version": 1, %s"sessions": %s, "reviews": [%s]}'
                    % (head, sessions, reviews_json)).encode("utf-8", "surrogatepass")

        def review(**raw) -> str:
            base = dict(good, uid="r-bad")
            text = json.dumps(base)
            for k, v in raw.items():
                text = text.replace(f'"{k}": {json.dumps(base[k])}', f'"{k}": {v}')
            return text

        g = json.dumps(good)
        hostile = {
            "nesting 100k": b"[" * 100000 + b"]" * 100000,
            "nesting in review": export(g + ", " + review(covered="[" * 50000 + "]" * 50000)),
            "nesting in session": export(g, '[{"uid": "s1", "started_at": ' + "[" * 50000 + "]" * 50000 + "}]"),
            "5000-digit rating": export(g + ", " + review(rating="1" + "0" * 5000)),
            "5000-digit version": b'{"format": "quizcli-progress", "version": 1' + b"0" * 5000 + b', "sessions": [], "reviews": []}',
            "1e400 duration": export(g + ", " + review(duration_s="1e400")),
            "NaN duration": export(g + ", " + review(duration_s="NaN")),
            "Infinity duration": export(g + ", " + review(duration_s="Infinity")),
            "-Infinity score": export(g + ", " + review(score="-Infinity")),
            "NaN score": export(g + ", " + review(score="NaN")),
            "score 1e308": export(g + ", " + review(score="1e308")),
            "year 9999": export(g + ", " + review(reviewed_at='"9999-12-31T23:59:59Z"')),
            "year 1 +14:00": export(g + ", " + review(reviewed_at='"0001-01-01T00:00:00+14:00"')),
            "year 1 -14:00": export(g + ", " + review(reviewed_at='"0001-01-01T00:00:00-14:00"')),
            "session year 9999": export(g, '[{"uid": "s1", "started_at": "9999-12-31T23:59:59-14:00", "ended_at": null}]'),
            "date garbage": export(g + ", " + review(reviewed_at='"yesterday"')),
            "date a number": export(g + ", " + review(reviewed_at="1e400")),
            "lone surrogate id": export(g + ", " + review(question_id='"q\\ud800"')),
            "lone surrogate tag": export(g + ", " + review(tags='["\\udfff"]')),
            "lone surrogate uid": export(g + ", " + review(uid='"\\udc80"')),
            "raw surrogate bytes": export(g + ", " + review(uid='"\ud800"')),
            "session a list": export(g + ", " + review(session="[1]")),
            "session an object": export(g + ", " + review(session='{"a": 1}')),
            "rating text": export(g + ", " + review(rating='"3"')),
            "rating 0": export(g + ", " + review(rating="0")),
            "rating true": export(g + ", " + review(rating="true")),
            "covered text": export(g + ", " + review(covered='"x"')),
            "covered numbers": export(g + ", " + review(covered="[1, 2]")),
            "lang number": export(g + ", " + review(lang="5")),
            "uid NaN": export(g + ", " + review(uid="NaN")),
            "review a list": export(g + ", [1, 2]"),
            "review null": export(g + ", null"),
            "reviews an object": b'{"format": "quizcli-progress", "version": 1, "sessions": [], "reviews": {}}',
            "sessions a string": b'{"format": "quizcli-progress", "version": 1, "sessions": "x", "reviews": []}',
            "version 999": b'{"format": "quizcli-progress", "version": 999, "sessions": [], "reviews": []}',
            "version -1": b'{"format": "quizcli-progress", "version": -1, "sessions": [], "reviews": []}',
            "format other": b'{"format": "anki", "version": 1, "sessions": [], "reviews": []}',
            "top-level list": b"[]",
            "top-level null": b"null",
            "empty": b"",
            "BOM": b"\xef\xbb\xbf" + export(g),
            "UTF-16": export(g).decode().encode("utf-16"),
            "invalid UTF-8": export(g).replace(b"relu", b"\xff\xfe"),
            "NUL bytes": export(g).replace(b"relu-vs", b"relu\x00vs"),
            "duplicate keys": export(g.replace('"rating": 3', '"rating": 3, "rating": "x"')),
            "duplicate uid other data": export(g + ", " + g.replace('"rating": 3', '"rating": 1')),
            "missing fields": export(g + ', {"uid": "x"}'),
            "extra fields": export(g[:-1] + ', "__class__": 1}'),
            "unknown question": export(g + ", " + review(question_id='"no-such-question"')),
            "id with ESC": export(g + ", " + review(question_id='"\\u001b]0;x\\u0007"')),
            "id 10k chars": export(g + ", " + review(question_id=json.dumps("q" * 10000))),
            "huge string": export(g + ", " + review(question_id=json.dumps("q" * (5 << 20)))),
            "ended before started": export(g, '[{"uid": "s1", "started_at": "2025-03-01T09:00:00Z", "ended_at": "2001-01-01T00:00:00Z"}]'),
            "trailing garbage": export(g) + b" ]]]",
            "1e400 everywhere": export(review(rating="1e400", score="1e400", duration_s="1e400")),
            "negative duration": export(g + ", " + review(duration_s="-1e300")),
        }
        names = list(hostile)
        if self.quick:
            names = self.rng.sample(names, 5)
        for name in names:
            for via in (["file"] if self.quick else ["file", "stdin"]):
                def attack(name=name, via=via):
                    e = self.env()
                    seed_file = e.base / "seed.json"
                    seed_file.write_bytes(export(json.dumps(dict(good, uid="seed"))))
                    s = e.quiz("progress", "import", seed_file)
                    before = e.reviews()
                    data = hostile[name]
                    if via == "file":
                        f = e.base / "hostile.json"
                        f.write_bytes(data)
                        r = e.quiz("progress", "import", f, timeout=30)
                    else:
                        r = e.quiz("progress", "import", "-", input=data, timeout=30)
                    kind, detail = classify(r)
                    if kind == "ok" and (e.reviews() < before or e.integrity() != "ok" or before < 1):
                        kind, detail = "data lost", f"reviews {before} -> {e.reviews()} ({short(s)})"
                    if kind == "ok" and r.rc not in (0, 2):
                        kind, detail = "other", short(r)
                    if kind == "ok" and r.rc == 2 and len(r.err.decode("utf-8", "replace").strip().splitlines()) != 1:
                        kind, detail = "other", "error is not one line: " + r.err.decode("utf-8", "replace")[:120]
                    if kind == "ok" and r.rc == 0 and name in ("NaN duration", "Infinity duration", "NaN score",
                                                               "-Infinity score", "1e400 duration"):
                        kind, detail = "other", "non-finite number accepted"
                    return Result(10, f"import {name} via {via}", kind, detail or short(r))
                self.add(10, "imports", attack)
        if not self.quick:
            def big():
                e = self.env()
                n = 100_000
                f = e.base / "big.json"
                with open(f, "w") as fh:
                    fh.write('{"format": "quizcli-progress", "version": 1, "sessions": '
                             '[{"uid": "s1", "started_at": "2025-03-01T09:00:00Z", "ended_at": null}], "reviews": [')
                    for i in range(n):
                        fh.write(("," if i else "") + json.dumps(dict(good, uid=f"r{i}",
                                 reviewed_at=f"2025-03-01T{9 + i // 3600 % 10:02d}:{i // 60 % 60:02d}:{i % 60:02d}Z")))
                    fh.write("]}")
                r = e.quiz("progress", "import", f, timeout=240)
                kind, detail = classify(r)
                if kind == "ok" and r.rc == 0 and e.reviews() != n:
                    kind, detail = "data lost", f"{e.reviews()} of {n} stored"
                return Result(10, f"import {n} reviews", kind, detail or f"{r.seconds:.0f}s {short(r)}")
            self.add(10, "big import", big)

    # ---- item 11

    def item11_streams(self) -> None:
        cases = [
            ("ask --answer-file - <&-", ("ask", "--id", QID, "--answer-file", "-"), (0,), False),
            ("interactive ask <&-", ("ask", "--id", QID, "--interactive"), (0,), False),
            ("ask <&-", ("ask",), (0,), False),
            ("progress import - <&-", ("progress", "import", "-"), (0,), False),
            ("progress reset <&-", ("progress", "reset"), (0,), False),
            ("--rate good --json >&-", ("ask", "--id", QID, "--answer", GOOD_ANSWER, "--rate", "good", "--json"), (1,), True),
            ("--rate good >&- 2>&-", ("ask", "--id", QID, "--answer", GOOD_ANSWER, "--rate", "good"), (1, 2), True),
            ("--rate good 2>&-", ("ask", "--id", QID, "--answer", GOOD_ANSWER, "--rate", "good"), (2,), True),
            ("--rate good <&- >&- 2>&-", ("ask", "--id", QID, "--answer", GOOD_ANSWER, "--rate", "good"), (0, 1, 2), True),
            ("list >&-", ("list",), (1,), False), ("list --json >&-", ("list", "--json"), (1,), False),
            ("show >&-", ("show", QID), (1,), False), ("show nope 2>&-", ("show", "nope"), (2,), False),
            ("stats >&-", ("stats",), (1,), False), ("explain relu >&-", ("explain", "relu"), (1,), False),
            ("progress export - >&-", ("progress", "export", "-"), (1,), False),
            ("demo vanishing >&-", ("demo", "vanishing", "--depth", "5"), (1,), False),
            ("lint >&-", ("lint",), (1,), False), ("--help >&-", ("--help",), (1,), False),
            ("export csv - >&-", ("export", "csv", "-"), (1,), False),
        ]
        for name, args, close, saves in self.sample(cases, 4 if self.quick else len(cases)):
            def attack(name=name, args=args, close=close, saves=saves):
                e = self.env()
                if args[:2] == ("progress", "reset") or args[:1] == ("stats",):
                    e.quiz("ask", "--id", QID, "--answer", GOOD_ANSWER, "--rate", "good")
                before = e.reviews()
                r = e.quiz(*args, close=close)
                kind, detail = classify(r)
                after = e.reviews()
                if kind == "ok" and saves and after != before + 1:
                    kind, detail = "data lost", f"reviews {before} -> {after} ({short(r)})"
                if kind == "ok" and not saves and after < before:
                    kind, detail = "data lost", f"reviews {before} -> {after}"
                return Result(11, name, kind, detail or short(r))
            self.add(11, "streams", attack)

    # ---- item 12

    def item12_env(self) -> None:
        envs = [{"QUIZ_NOW": v} for v in ("9999-12-31T00:00:00Z", "9999-12-31T23:59:59-14:00",
                                          "0001-01-01T00:00:00+01:00", "0001-01-01T00:00:00Z", "garbage", "1e400",
                                          "99999-01-01", " ", "2025-02-30T00:00:00Z", "\udcff" if False else "\x1b[2J")]
        envs += [{"TZ": v} for v in ("UTC+24", "UTC-25", "UTC+99999999999", ":/etc/passwd", "garbage", "A" * 5000,
                                     "/dev/zero")]
        envs += [{"PYTHONIOENCODING": v} for v in ("ascii", "latin-1", "ascii:strict", "utf-16", "cp1252", "nonsense")]
        envs += [{"LANG": "C", "LC_ALL": "C"}, {"LANG": "ko_KR.EUC-KR", "LC_ALL": "ko_KR.EUC-KR"},
                 {"QUIZ_LANG": "xx"}, {"QUIZ_LANG": "\x1b[2J"}, {"COLUMNS": "-1"}, {"COLUMNS": "99999999999"},
                 {"COLUMNS": "abc"}, {"LINES": "0"}, {"TERM": "xterm-256color", "NO_COLOR": None},
                 {"QUIZ_HOME": ""}, {"QUIZ_CACHE_DIR": "/dev/null"}, {"QUIZ_CACHE_DIR": "/proc/self"},
                 {"QUIZ_CONTENT_PATH": ":::"}, {"QUIZ_CONTENT_PATH": "/dev/zero"}, {"QUIZ_NO_CACHE": "1"},
                 {"QUIZ_FSRS_FUZZ": "\x00" if False else "maybe"}, {"QUIZ_LLM_TIMEOUT": "1e400"},
                 {"HOME": "MISSING", "QUIZ_HOME": None, "XDG_DATA_HOME": None}]
        cmds = [("list",), ("show", QID), ("stats",), ("ask", "--id", QID, "--answer", GOOD_ANSWER, "--rate", "good"),
                ("ask", "--id", QID, "--answer", GOOD_ANSWER, "--json"), ("explain", "relu"),
                ("demo", "vanishing", "--depth", "5"), ("progress", "export", "-"), ("config", "show")]
        combos = [(e, c) for e in envs for c in cmds]
        for extra, cmd in self.sample(combos, 5) if self.quick else self.rng.sample(combos, min(len(combos), 80)):
            def attack(extra=extra, cmd=cmd):
                e = self.env()
                before = e.reviews()
                extra = {k: (str(e.base / "missing-home") if v == "MISSING" else v) for k, v in extra.items()}
                if "HOME" in extra:  # the store lands under HOME: count there
                    e.home = e.base / "missing-home" / ".local" / "share" / "quizcli"
                elif "QUIZ_HOME" in extra and not extra["QUIZ_HOME"]:  # empty: the XDG data dir
                    e.home = e.base / "xdg-data" / "quizcli"
                r = e.quiz(*cmd, env=extra)
                # colour codes are expected when TERM asks for them
                kind, detail = classify(r, scan="TERM" not in extra)
                if kind == "ok" and "--rate" in cmd and r.rc == 0 and e.reviews() != before + 1:
                    kind, detail = "data lost", "rated with exit 0, not stored"
                return Result(12, f"{ascii(extra)[:50]} quiz {' '.join(cmd)[:40]}", kind, detail or short(r))
            self.add(12, "env", attack)

    # ---- item 13

    def item13_signals(self) -> None:
        try:
            import pexpect  # noqa: F401
        except ImportError:  # pragma: no cover
            return
        sigs = ["SIGTERM", "SIGHUP", "SIGINT"]
        reps = 1 if self.quick else 5
        for sig in sigs:
            for where in (["rating"] if self.quick else ["rating", "answer"]):
                for i in range(reps if where == "rating" else 2):
                    def attack(sig=sig, where=where):
                        import pexpect

                        e = self.env()
                        child = pexpect.spawn(QUIZ[0], QUIZ[1:] + ["ask", "--id", QID], env=e.env(),
                                              encoding="utf-8", timeout=60, dimensions=(40, 100), cwd=str(e.base))
                        try:
                            child.expect("Your answer")
                            if where == "rating":
                                child.sendline(GOOD_ANSWER)
                                child.sendline("")
                                child.expect(r"Rate it \[")
                            time.sleep(0.3 + self.rng.random() * 0.5)
                            child.kill(getattr(signal, sig))
                            child.expect(pexpect.EOF, timeout=20)
                            out = child.before or ""
                        except pexpect.TIMEOUT:
                            child.close(force=True)
                            return Result(13, f"{sig} at {where}", "hang", "no exit within 20 s")
                        except pexpect.EOF:
                            out = child.before or ""
                        child.close()
                        if "Traceback" in out:
                            return Result(13, f"{sig} at {where}", "traceback", out.strip().splitlines()[-1][:120])
                        n = e.reviews()
                        db = sqlite3.connect(e.home / "progress.sqlite3")
                        open_sessions = db.execute("SELECT COUNT(*) FROM sessions WHERE ended_at IS NULL").fetchone()[0]
                        db.close()
                        if where == "rating" and n != 1:
                            return Result(13, f"{sig} at {where}", "data lost", f"{n} reviews saved")
                        if open_sessions:
                            return Result(13, f"{sig} at {where}", "data lost", "session left without ended_at")
                        return Result(13, f"{sig} at {where}", "ok",
                                      f"exit {child.exitstatus}/{child.signalstatus}, {n} saved")
                    self.add(13, "signals", attack)

    # ---- item 14

    def item14_export_targets(self) -> None:
        def make(kind: str, e: Env) -> tuple[Path, Callable[[], str | None]]:
            p = e.base / "target"
            if kind == "FIFO":
                os.mkfifo(p)
                return p, lambda: None if stat.S_ISFIFO(os.lstat(p).st_mode) else "FIFO replaced"
            if kind == "char device":
                os.mknod(p, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
                return p, lambda: None if stat.S_ISCHR(os.lstat(p).st_mode) else "device node replaced"
            if kind in ("symlink to file", "symlink in dir"):
                t = e.base / "precious.txt"
                t.write_text("precious")
                os.symlink(t, p)
                return p, lambda: (None if os.path.islink(p) and t.read_text() == "precious"
                                   else "symlink or its target replaced")
            if kind == "symlink to /dev/null-like device":
                d = e.base / "null"
                os.mknod(d, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
                os.symlink(d, p)
                return p, lambda: None if os.path.islink(p) and stat.S_ISCHR(os.lstat(d).st_mode) else "replaced"
            if kind == "dangling symlink":
                os.symlink(e.base / "nowhere" / "x", p)
                return p, lambda: None if os.path.islink(p) else "symlink replaced"
            if kind == "directory":
                p.mkdir()
                (p / "keep").write_text("k")
                return p, lambda: None if (p / "keep").exists() else "directory replaced"
            if kind == "regular file":
                p.write_text("old")
                return p, lambda: None  # --force may replace a regular file
            if kind == "read-only file":
                p.write_text("old")
                os.chmod(p, 0o444)
                return p, lambda: None
            raise ValueError(kind)

        kinds = ["FIFO", "char device", "symlink to file", "symlink to /dev/null-like device", "dangling symlink",
                 "directory", "regular file", "read-only file"]
        cmds = [("progress", "export", "T", "--force"), ("progress", "export", "T"),
                ("export", "csv", "T", "--force"), ("export", "anki", "T", "--force")]
        combos = [(k, c) for k in kinds for c in cmds]
        for kind, cmd in self.sample(combos, 4):
            def attack(kind=kind, cmd=cmd):
                e = self.env()
                e.quiz("ask", "--id", QID, "--answer", GOOD_ANSWER, "--rate", "good")
                try:
                    p, intact = make(kind, e)
                except (PermissionError, OSError) as exc:
                    return Result(14, f"{' '.join(cmd[:2])} onto {kind}", "ok", f"skipped: {exc}")
                r = e.quiz(*[str(p) if a == "T" else a for a in cmd], timeout=20)
                k, detail = classify(r)
                broken = intact()
                if broken:
                    k, detail = "unsafe", broken + f" ({short(r)})"
                return Result(14, f"quiz {' '.join(cmd[:2])} {' '.join(cmd[3:])} onto {kind}", k, detail or short(r))
            self.add(14, "export targets", attack)

    # ---- item 15

    def item15_kills(self) -> None:
        rounds = 2 if self.quick else 8
        kills = 4 if self.quick else 12
        for _ in range(rounds):
            def attack():
                e = self.env()
                done = 0
                killed = 0
                for i in range(kills):
                    argv = QUIZ + ["ask", "--id", QID, "--answer", GOOD_ANSWER, "--rate", "good"]
                    p = subprocess.Popen(argv, env=e.env(QUIZ_NOW=f"2025-03-{1 + i:02d}T09:00:00Z"),
                                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=_limits)
                    delay = self.rng.uniform(0.2, 2.5)
                    try:
                        out, err = p.communicate(timeout=delay)
                    except subprocess.TimeoutExpired:
                        p.kill()
                        out, err = p.communicate()
                        killed += 1
                    if b"Traceback" in err:
                        return Result(15, "kill -9 during review write", "traceback", err.decode()[-150:])
                    if p.returncode == 0:
                        done += 1
                ic = e.integrity()
                n = e.reviews()
                leftovers = [x.name for x in (e.home / "backups").glob(".progress-*")] if (e.home / "backups").exists() else []
                if ic != "ok" or n < done:
                    return Result(15, "kill -9 during review write", "data lost",
                                  f"integrity={ic}, {n} stored, {done} completed")
                # the next run must still work
                r = e.quiz("stats", "--json")
                kind, detail = classify(r)
                if kind == "ok" and r.rc != 0:
                    kind, detail = "data lost", f"store unusable after kills: {short(r)}"
                return Result(15, "kill -9 during review write", kind,
                              detail or f"{killed} kills, {done} completed, {n} stored, {leftovers}")
            self.add(15, "kill -9", attack)

        def stale(kind: str):
            def attack():
                e = self.env()
                e.quiz("list")
                e.quiz("ask", "--id", QID, "--answer", GOOD_ANSWER, "--rate", "good")
                old = time.time() - 7200
                if kind == "cache":
                    e.cache.mkdir(exist_ok=True)
                    f = e.cache / ".parsed-killed123"
                    cmd = ("list",)
                else:
                    (e.home / "backups").mkdir(exist_ok=True)
                    f = e.home / "backups" / ".progress-killed123.tmp"
                    cmd = ("progress", "reset", "--yes")
                f.write_bytes(b"x" * 100000)
                os.utime(f, (old, old))
                r = e.quiz(*cmd)
                k, detail = classify(r)
                if k == "ok" and f.exists():
                    k, detail = "other", f"stale {f.name} left after quiz {cmd[0]}"
                return Result(15, f"stale {kind} temp file", k, detail or short(r))
            return attack
        for kind in ("cache", "backups"):
            self.add(15, "stale", stale(kind))

    # ---- item 16

    def item16_widths(self) -> None:
        cmds = [("list",), ("show", QID), ("explain", "relu"), ("stats",),
                ("ask", "--id", QID, "--answer", GOOD_ANSWER, "--rate", "good"), ("demo", "vanishing", "--depth", "5"),
                ("lint", "--codes"), ("--help",), ("progress", "--help")]
        widths = ["0", "1", "-5", "3", "100000", ""]
        combos = [(c, w) for c in cmds for w in widths]
        for cmd, w in (self.sample(combos, 3) if self.quick else self.rng.sample(combos, 30)):
            def attack(cmd=cmd, w=w):
                e = self.env()
                r = e.quiz(*cmd, env={"COLUMNS": w})
                kind, detail = classify(r)
                if kind == "ok" and r.rc == 0 and not r.out.strip():
                    kind, detail = "other", "printed nothing"
                return Result(16, f"COLUMNS={w!r} quiz {' '.join(cmd)[:40]}", kind, detail or short(r))
            self.add(16, "widths", attack)

    # ---- item 17

    def item17_epipe(self) -> None:
        cmds = [("list",), ("list", "--json"), ("show", QID), ("explain", "relu"), ("lint", "--codes"),
                ("export", "csv", "-"), ("demo", "vanishing", "--depth", "30"), ("--help",), ("progress", "export", "-"),
                ("stats",)]
        for cmd in self.sample(cmds, 2):
            def attack(cmd=cmd):
                e = self.env()
                p = subprocess.Popen(QUIZ + list(cmd), env=e.env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     stdin=subprocess.DEVNULL, preexec_fn=_limits)
                p.stdout.readline()
                p.stdout.close()
                try:
                    err = p.stderr.read()
                    p.wait(timeout=BUDGET)
                except subprocess.TimeoutExpired:
                    p.kill()
                    return Result(17, f"quiz {' '.join(cmd)} | head -n 1", "hang", "")
                r = Run(p.returncode, b"", err, 0)
                kind, detail = classify(r)
                if kind == "ok" and p.returncode not in (0, 141):
                    kind, detail = "other", f"exit {p.returncode} {err.decode()[-100:]}"
                if kind == "ok" and err.strip():
                    kind, detail = "other", f"stderr: {err.decode()[-100:]}"
                return Result(17, f"quiz {' '.join(cmd)} | head -n 1", kind, detail or f"exit {p.returncode}")
            self.add(17, "epipe", attack)

    # ---- item 18

    def item18_messages(self) -> None:
        broken = {"yaml error": "---\nid: [\n---\n", "no front matter": "just text\n",
                  "tab indent": "---\nid: x\n\ttitle: y\n---\n", "wrong types": "---\nid: 5\ntitle: [1]\n---\n",
                  "binary": "\x00\x01\x02", "empty": ""}
        for name, text in self.sample(list(broken.items()), 2):
            for cmd in self.sample([("list",), ("show", "nope"), ("ask", "--id", "nope", "--answer", "x"),
                                    ("show", "sample-question")], 1 if self.quick else 4):
                def attack(name=name, text=text, cmd=cmd):
                    e = self.env()
                    (e.content / "sample-question.md").write_text(question(), encoding="utf-8")
                    (e.content / "broken.md").write_text(text, encoding="utf-8")
                    r = e.quiz(*cmd, env={"QUIZ_CONTENT_PATH": str(e.content)})
                    kind, detail = classify(r)
                    err = r.err.decode("utf-8", "replace")
                    if kind == "ok" and ("Problem(" in err or "Problem(" in r.out.decode("utf-8", "replace")):
                        kind, detail = "other", "Python repr printed"
                    elif kind == "ok" and r.rc == 2 and len(err.strip().splitlines()) > 1:
                        kind, detail = "other", f"{len(err.strip().splitlines())} lines on stderr before exit 2"
                    return Result(18, f"broken {name}: quiz {' '.join(cmd)}", kind, detail or short(r))
                self.add(18, "broken", attack)
        for cmd in self.sample([("list",), ("ask",), ("ask", "--id", QID, "--answer-file", "-"), ("progress", "import", "-"),
                                ("progress", "reset"), ("ask", "--id", QID, "--interactive")], 2):
            def attack(cmd=cmd):
                e = self.env()
                fd = os.open(str(e.base), os.O_RDONLY)
                try:
                    r = e.quiz(*cmd, stdin=fd)
                finally:
                    os.close(fd)
                kind, detail = classify(r)
                return Result(18, f"quiz {' '.join(cmd)} < directory", kind, detail or short(r))
            self.add(18, "stdin dir", attack)

    # ---- concurrent reviews

    def item19_concurrent(self) -> None:
        rounds, n = (1, 4) if self.quick else (4, 10)
        for _ in range(rounds):
            def attack():
                e = self.env()
                e.quiz("stats")  # create the store first, as a user would have
                procs = []
                qids = ["relu-vs-sigmoid", "leaky-relu", "momentum-nesterov", "dropout"]
                for i in range(n):
                    argv = QUIZ + ["ask", "--id", qids[i % len(qids)], "--answer", GOOD_ANSWER, "--rate", "good"]
                    procs.append(subprocess.Popen(argv, env=e.env(), stdout=subprocess.PIPE,
                                                  stderr=subprocess.PIPE, preexec_fn=_limits))
                ok = 0
                errs = []
                for p in procs:
                    try:
                        out, err = p.communicate(timeout=120)
                    except subprocess.TimeoutExpired:
                        p.kill()
                        return Result(19, f"{n} concurrent reviews", "hang", "")
                    if b"Traceback" in err:
                        return Result(19, f"{n} concurrent reviews", "traceback", err.decode()[-150:])
                    if p.returncode == 0:
                        ok += 1
                    else:
                        errs.append(err.decode()[-120:])
                stored = e.reviews()
                if stored != ok or e.integrity() != "ok":
                    return Result(19, f"{n} concurrent reviews", "data lost", f"{ok} exited 0, {stored} stored")
                if ok != n:
                    return Result(19, f"{n} concurrent reviews", "other", f"{n - ok} refused: {errs[:1]}")
                return Result(19, f"{n} concurrent reviews", "ok", f"{stored}/{n} stored")
            self.add(19, "concurrent", attack)

    # ---- random fuzz

    def item20_fuzz(self) -> None:
        subs = {
            "ask": ["--id", "--tag", "--difficulty", "--count", "--no-follow-ups", "--shuffle", "--seed", "--lang",
                    "--reveal", "--answer", "--answer-file", "--json", "--rate", "--explain-grading", "--grader",
                    "--practice", "--new", "--content-dir", "--ascii", "--width"],
            "list": ["--tag", "--difficulty", "--lang", "--json", "--content-dir", "--ascii", "--width"],
            "show": ["ID", "--lang", "--json", "--content-dir", "--ascii", "--width"],
            "lint": ["PATH", "--content-dir", "--codes", "--json", "--lang", "--ascii"],
            "stats": ["--json", "--lang", "--ascii", "--width", "--content-dir"],
            "explain": ["NAME", "--lang", "--json", "--ascii", "--width"],
            "demo vanishing": ["--depth", "--width", "--json", "--lang", "--ascii", "--seed"],
            "demo sparsity": ["--depth", "--width", "--batch", "--json"],
            "demo dying": ["--width", "--steps", "--lr", "--bias", "--every", "--seed", "--json"],
            "demo optimizers": ["--steps", "--condition", "--optimizers", "--json"],
            "demo lr": ["--steps", "--lr", "--json"],
            "progress export": ["FILE", "--force", "--lang"], "progress import": ["FILE", "--lang"],
            "progress rebuild": [], "progress suspend": ["ID"], "progress unsuspend": ["ID"],
            "config show": [], "config set": ["KEY", "VALUE"], "export csv": ["FILE", "--lang", "--tag", "--force"],
            "export anki": ["FILE", "--lang", "--force"],
        }
        values = ["", "0", "-1", "1", "2", "3", "4", "1e400", "nan", "inf", "-inf", "9" * 50, "0x10", "relu",
                  QID, "ko", "en", "both", "good", "again", "llm", "rubric", "-", "--",
                  "NOWHERE/x", "x" * 300, "\x1b[2J", "\u202e", "가나다", "retention", "0.9", "1.5", "%s%n",
                  "{}", "[]", "'", '"', ";rm -rf ~", "*", "..", "-h"]
        for _ in range(15 if self.quick else 200):
            sub = self.rng.choice(list(subs))
            args = sub.split()
            opts = subs[sub]
            for _ in range(self.rng.randint(0, 4)):
                if not opts:
                    break
                o = self.rng.choice(opts)
                if o.isupper():
                    args.append(self.rng.choice(values))
                elif o in ("--json", "--ascii", "--shuffle", "--reveal", "--force", "--codes", "--no-follow-ups",
                           "--practice", "--explain-grading"):
                    args.append(o)
                else:
                    args += [o, self.rng.choice(values)]
            if self.rng.random() < 0.1:
                args.insert(self.rng.randint(0, len(args)), self.rng.choice(values))

            def attack(args=args):
                e = self.env()
                r = e.quiz(*args, timeout=60 if args[0] == "demo" else BUDGET, stdin=subprocess.DEVNULL)
                # the user typed the escape in a path: a literal echo would be unsafe
                kind, detail = classify(r)
                return Result(20, f"quiz {ascii(' '.join(args))[:80]}", kind, detail or short(r))
            self.add(20, "fuzz", attack)

    # ---- driver

    def build(self) -> None:
        for n in range(1, 21):
            getattr(self, [m for m in dir(self) if m.startswith(f"item{n}_")][0])()

    def run(self) -> None:
        t0 = time.monotonic()
        total = len(self.tasks)
        print(f"{total} attacks, {self.jobs} at a time, in {self.base}", file=sys.stderr)

        def go(task):
            item, name, fn = task
            try:
                got = fn()
            except Exception as exc:  # the harness itself failed: report, do not count as quiz's fault
                got = Result(item, name, "other", f"harness error: {type(exc).__name__}: {exc}")
            got = got if isinstance(got, list) else [got]
            with self.lock:
                self.results.extend(got)
                done = len(self.results)
                if done % 25 == 0:
                    print(f"  {done}/{total} in {time.monotonic() - t0:.0f}s", file=sys.stderr)

        order = list(self.tasks)
        self.rng.shuffle(order)  # mix slow and fast items across workers
        with ThreadPoolExecutor(self.jobs) as pool:
            list(pool.map(go, order))
        self.seconds = time.monotonic() - t0

    def table(self) -> str:
        rows = ["| # | item | attempts | tracebacks | hangs | data lost | unsafe | other |",
                "|---:|---|---:|---:|---:|---:|---:|---:|"]
        tot = [0] * 6
        for n, title in ITEMS.items():
            rs = [r for r in self.results if r.item == n]
            counts = [len(rs)] + [sum(r.kind == k for r in rs) for k in KINDS]
            tot = [a + b for a, b in zip(tot, counts)]
            rows.append(f"| {n} | {title} | " + " | ".join(map(str, counts)) + " |")
        rows.append("| | **total** | " + " | ".join(f"**{c}**" for c in tot) + " |")
        return "\n".join(rows)

    def failures(self) -> str:
        bad = sorted((r for r in self.results if r.kind != "ok"), key=lambda r: (r.item, r.kind, r.name))
        if not bad:
            return "No failures."
        return "\n".join(f"- item {r.item} · {r.kind} · `{r.name}` · {r.detail}".replace("\x1b", "\\x1b")
                         for r in bad)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="a small sample (< 2 min)")
    ap.add_argument("--jobs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--out", type=Path, help="also write the Markdown report here")
    ap.add_argument("--only", type=int, nargs="*", help="only these item numbers")
    ap.add_argument("--verbose", action="store_true", help="also list every attack and its outcome")
    a = ap.parse_args(argv)
    c = Campaign(a.quick, a.seed, a.jobs)
    c.build()
    if a.only:
        c.tasks = [t for t in c.tasks if t[0] in a.only]
    try:
        c.run()
    finally:
        import shutil

        shutil.rmtree(c.base, ignore_errors=True)
    head = (f"Hostile campaign ({'quick' if a.quick else 'full'}, seed {a.seed}): {len(c.results)} attacks "
            f"in {c.seconds:.0f} s, {a.jobs} at a time, as uid {os.geteuid()}.\n")
    report = head + "\n" + c.table() + "\n\n### Failures\n\n" + c.failures() + "\n"
    report = "".join(ch if ch.isprintable() or ch == "\n" else ascii(ch)[1:-1] for ch in report)
    if a.verbose:
        for r in sorted(c.results, key=lambda r: (r.item, r.name)):
            print(ascii(f"{r.item:2} {r.kind:9} {r.name} · {r.detail}")[1:-1][:220])
    print(report)
    if a.out:
        a.out.parent.mkdir(parents=True, exist_ok=True)
        a.out.write_text(report, encoding="utf-8")
    bad = sum(r.kind in ("traceback", "hang", "data lost", "unsafe") for r in c.results)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
