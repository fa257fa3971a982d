"""The demo registry: `quiz demo`, its help and listing, `quiz --help`, the linter's check of
`see.demo` lines and `quiz ask`'s see-also runs are all built from the demo packages' specs,
so a new package is a new demo with no other file touched."""

from __future__ import annotations

import json
import sys
import textwrap

import pytest

from quizcli.demos import registry
from quizcli.demos.spec import DemoSpec, valued_options

FAKE_INIT = '''
from quizcli.demos.spec import DemoSpec, Option

SPEC = DemoSpec(
    name="echo",
    summary={"en": "Echo a number back, squared.", "ko": "숫자를 제곱해서 돌려줍니다."},
    help={"en": "Echo a number back, squared (a test demo).",
          "ko": "숫자를 제곱해서 돌려줍니다(테스트용 데모)."},
    examples=("quiz demo echo --times 3",),
    options=(
        Option("times", "int", 2, {"en": "How many times.", "ko": "몇 번."}, min=1, max=9,
               metavar="N"),
        Option("scale", "float", 1.5, {"en": "A factor.", "ko": "배율."}, metavar="S"),
        Option("mode", "choice", "plain", {"en": "How to echo.", "ko": "출력 방식."},
               choices=("plain", "loud")),
        Option("activations", "activations", ("relu",), {"en": "Names.", "ko": "이름."}),
        Option("negate", "bool", False, {"en": "Negate the values.", "ko": "부호를 바꿉니다."}),
    ),
    compute="quizcli.demos.echo.compute:run",
    render="quizcli.demos.echo.render:render",
    order=1000,
)
'''
FAKE_COMPUTE = '''
from dataclasses import dataclass


@dataclass(frozen=True)
class EchoResult:
    demo: str
    values: tuple
    mode: str
    activations: tuple
    seed: int
    cited_by: tuple = ()


def run(times, scale, mode, activations, negate, seed=0):
    sign = -1 if negate else 1
    return EchoResult("echo", tuple(sign * (scale * i) ** 2 for i in range(times)), mode,
                      tuple(activations), seed)
'''
FAKE_RENDER = '''
def render(console, result, *, lang, ascii_only=False, width=None):
    word = "메아리" if lang == "ko" else "echo"
    console.print(f"{word} {result.mode}: " + " ".join(f"{v:g}" for v in result.values))
'''


@pytest.fixture
def echo_demo(tmp_path, monkeypatch):
    """A demo package `echo` on the quizcli.demos package path, found by discovery."""
    import quizcli.demos as demos

    pkg = tmp_path / "echo"
    pkg.mkdir()
    (pkg / "__init__.py").write_text(textwrap.dedent(FAKE_INIT), encoding="utf-8")
    (pkg / "compute.py").write_text(textwrap.dedent(FAKE_COMPUTE), encoding="utf-8")
    (pkg / "render.py").write_text(textwrap.dedent(FAKE_RENDER), encoding="utf-8")
    monkeypatch.setattr(demos, "__path__", [*demos.__path__, str(tmp_path)])
    registry.reset()
    yield "echo"
    registry.reset()
    for name in [m for m in sys.modules if m.startswith("quizcli.demos.echo")]:
        del sys.modules[name]


def test_discovery_finds_every_demo_package_in_order():
    specs = registry.specs()
    assert {"vanishing", "sparsity", "dying", "zigzag", "kink", "saturation"} <= set(registry.names())
    assert all(isinstance(s, DemoSpec) for s in specs)
    assert list(specs) == sorted(specs, key=lambda s: (s.order, s.name))
    for spec in specs:
        assert spec.summary["en"] and spec.summary["ko"] and spec.help["en"] and spec.help["ko"]
        assert spec.examples and all(e.startswith(f"quiz demo {spec.name}") for e in spec.examples)
        for option in spec.options:
            assert option.help["en"] and option.help["ko"], (spec.name, option.name)


def test_unknown_demo_names_the_closest():
    from quizcli.errors import DomainError, UnknownDemo

    with pytest.raises(UnknownDemo) as err:
        registry.get("vanishin")
    assert isinstance(err.value, DomainError)
    assert "Did you mean: vanishing" in str(err.value)


def test_cli_options_are_built_from_the_specs(cli):
    import typer.main

    import quizcli.commands.demo  # noqa: F401  (registers `quiz demo` on the app)
    from quizcli.cli import app

    group = typer.main.get_command(app).commands["demo"]
    for spec in registry.specs():
        cmd = group.commands[spec.name]
        flags = {opt for p in cmd.params for opt in p.opts}
        assert {o.flag for o in spec.options} <= flags
        assert {"--seed", "--lang", "--json", "--ascii", "--width"} <= flags
        assert cmd.help == spec.help["en"]
        valued = [opt for p in cmd.params if not getattr(p, "is_flag", False)
                  and not getattr(p, "hidden", False)  # deprecated spellings
                  for opt in p.opts if opt.startswith("--")]
        assert set(valued) == set(valued_options(spec))


def test_a_new_demo_package_appears_everywhere(cli, echo_demo):
    from quizcli.demo_names import DEMO_NAMES, DemoLineError, parse_demo_line

    assert registry.names()[-1] == "echo" and "echo" in DEMO_NAMES
    # quiz --help and quiz demo --help name it
    assert "echo" in cli("--help").stdout
    assert "echo" in cli("demo", "--help").stdout
    # the listing
    rows = json.loads(cli("demo", "--json").stdout)
    assert rows[-1] == {"name": "echo", "description": "Echo a number back, squared.",
                        "example": "echo --times 3", "cited_by": []}
    assert "숫자를 제곱해서" in cli("demo", "--lang", "ko").stdout
    # its own --help: options from the spec, the example as epilog
    helped = cli("demo", "echo", "--help")
    assert helped.exit_code == 0
    for word in ("--times", "--scale", "--mode", "--activations", "--negate", "--seed", "--width",
                 "quiz demo echo --times 3", "a test demo"):
        assert word in helped.stdout, word
    # it runs, with typed options, in both languages and as JSON
    data = json.loads(cli("demo", "echo", "--times", "3", "--scale", "2", "-a", "Leaky-ReLU,relu",
                          "--seed", "4", "--json").stdout)
    assert data == {"demo": "echo", "values": [0.0, 4.0, 16.0], "mode": "plain",
                    "activations": ["leaky_relu", "relu"], "seed": 4, "cited_by": []}
    assert "echo loud: 0 2.25" in cli("demo", "echo", "--mode", "loud").stdout
    assert "echo plain: -0 -2.25" in cli("demo", "echo", "--negate").stdout
    assert "메아리" in cli("demo", "echo", "--lang", "ko").stdout
    # bad values: one line, exit 2, what is allowed
    for args, fragment in ((["--times", "0"], "--times"), (["--mode", "quiet"], "plain, loud"),
                           (["-a", "rellu"], "Did you mean: relu")):
        r = cli("demo", "echo", *args)
        assert r.exit_code == 2 and fragment in r.stderr and len(r.stderr.splitlines()) == 1, r
    # the linter's see.demo check knows it
    assert parse_demo_line("echo --times 3") == ("echo", (("--times", "3"),))
    with pytest.raises(DemoLineError, match="has no option --depth"):
        parse_demo_line("echo --depth 3")


def test_ask_runs_a_see_also_line_through_the_spec(echo_demo, capsys):
    from quizcli.commands.ask import _run_demo

    _run_demo("echo --times 2 --mode loud", "ko")
    assert "메아리 loud: 0 2.25" in capsys.readouterr().out


def test_lint_checks_see_demo_lines_against_the_registry(cli, echo_demo, tmp_path):
    from quizcli.paths import builtin_content_dir

    src = builtin_content_dir() / "questions" / "activations" / "relu-not-differentiable.md"
    text = src.read_text(encoding="utf-8").replace("id: relu-not-differentiable", "id: echo-q", 1)
    assert 'demo: ["kink"]' in text
    good, bad = tmp_path / "good.md", tmp_path / "bad.md"
    good.write_text(text.replace('demo: ["kink"]', 'demo: ["echo --times 3"]'), encoding="utf-8")
    bad.write_text(text.replace('demo: ["kink"]', 'demo: ["echo --depth 3", "echoo"]'),
                   encoding="utf-8")
    ok = cli("lint", str(good))
    assert "QZ05" not in ok.stdout + ok.stderr
    broken = cli("lint", str(bad))
    out = broken.stdout + broken.stderr
    assert broken.exit_code != 0 and "QZ052" in out and "--depth" in out
    assert "QZ051" in out and "echo" in out


def test_option_parsing_leaves_numpy_to_load_numpy():
    """Typed options are parsed before the demo runs; NumPy must still be imported by
    demos.load_numpy, which picks single-threaded BLAS (10x faster here for small matrices)."""
    import os
    import subprocess

    code = ("import sys\nfrom quizcli.commands.common import ActivationList\n"
            "ActivationList().convert('relu,Leaky-ReLU', None, None)\n"
            "import quizcli.activations\nprint('numpy' in sys.modules)\n"
            "from quizcli.cli import app\nimport quizcli.demos as d\n"
            "try:\n    app(['demo', 'vanishing', '--depth', '3', '--json'], prog_name='quiz')\n"
            "except SystemExit:\n    pass\nprint(d.blas_one_thread)\n")
    env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         check=True).stdout.split()
    assert out[0] == "False" and out[-1] == "True"
