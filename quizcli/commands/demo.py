"""`quiz demo [NAME]`: the live computation behind an answer (vanishing, sparsity, dying,
zigzag, kink, saturation). One subcommand per demo, so each has its own --help and example;
`quiz demo` alone lists them. Imports only Typer (and the light demo_names) at module level."""

from contextlib import contextmanager
from typing import Optional

import typer
from typer.core import TyperGroup

from ..app import app
from ..demo_names import DEMO_NAMES, DESCRIPTIONS, EXAMPLES
from .common import lang_option


class DemoGroup(TyperGroup):
    """`quiz demo NAME`: an unknown NAME gets the list and the closest demo names."""

    def resolve_command(self, ctx, args):
        from ..errors import did_you_mean

        name = args[0] if args else ""
        if name and not name.startswith("-") and name not in self.commands:
            raise QuizDemoUsage(ctx, f"Unknown demo '{name}'. Demos: {', '.join(DEMO_NAMES)}."
                                     f"{did_you_mean(name, DEMO_NAMES)}")
        return super().resolve_command(ctx, args)


def _usage_error():
    try:  # typer >= 0.26 vendors Click
        from typer._click.exceptions import UsageError
    except ImportError:  # pragma: no cover
        from click.exceptions import UsageError
    return UsageError


def QuizDemoUsage(ctx, message):  # noqa: N802  (an exception factory)
    return _usage_error()(message, ctx=ctx)


demo_app = typer.Typer(
    name="demo",
    cls=DemoGroup,
    help="Live demos: the numbers behind an answer, computed now (vanishing, sparsity, dying, "
    "zigzag, kink, saturation). Without a NAME, lists them.",
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(demo_app, name="demo")

ACT_HELP = ("Comma-separated activation names or aliases, e.g. sigmoid,relu,leaky-relu "
            "(quiz explain lists them all).")
SEED_HELP = "Random seed; the same seed gives the same numbers."
ASCII_HELP = "ASCII borders (for terminals that draw box characters wide)."


def _json():
    return typer.Option(False, "--json", help="Print the numbers as JSON (no prose, no progress bar).")


def _seed():
    return typer.Option(0, "--seed", metavar="N", help=SEED_HELP)


def _ascii():
    return typer.Option(False, "--ascii", help=ASCII_HELP)


def _epilog(name: str) -> str:
    return f"Example:  quiz demo {EXAMPLES[name]}"


@demo_app.callback()
def demo(
    ctx: typer.Context,
    lang: Optional[str] = lang_option(),
    json_: bool = typer.Option(False, "--json", help="Print the list as JSON."),
    ascii_: bool = _ascii(),
) -> None:
    """Live demos: the numbers behind an answer, computed now. Without a NAME, lists them."""
    if ctx.invoked_subcommand is not None:
        return
    from ..i18n import resolve_lang

    language = resolve_lang(lang)
    rows = _listing(language)
    if json_:
        from ..jsonout import emit

        emit(rows)
        return
    from ..console import make_console
    from ..render.demos import render_listing

    render_listing(make_console(), rows, language, ascii_)


def _listing(lang: str) -> list[dict]:
    cited = _citations()
    return [{"name": name, "description": DESCRIPTIONS[name][lang], "example": EXAMPLES[name],
             "cited_by": list(cited.get(name, ()))} for name in DEMO_NAMES]


def _citations() -> dict:
    from ..demos.citations import all_citations

    return all_citations()


def _cite(result):
    import dataclasses

    from ..demos.citations import cited_by

    return dataclasses.replace(result, cited_by=cited_by(result.demo))


def _seed_ok(seed: int) -> None:
    if seed < 0:
        from ..errors import QuizError

        raise QuizError(f"--seed must be a non-negative integer; got {seed}.")


def _begin(lang, seed: int, width: int | None = None) -> str:
    """What every demo does first: the language, a valid seed, NumPy with the BLAS threading
    that suits `width` (see demos.load_numpy). Returns the language."""
    from ..demos import load_numpy
    from ..i18n import resolve_lang

    language = resolve_lang(lang)
    _seed_ok(seed)
    if width is None:
        load_numpy()
    else:
        load_numpy(width)
    return language


@contextmanager
def _progress(enabled: bool, label: str):
    """A Rich progress bar on stderr, only on a terminal (not when piped, not with --json)."""
    import sys

    if not enabled or not (sys.stderr.isatty() and sys.stdout.isatty()):
        yield None
        return
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

    from ..console import make_console

    with Progress(TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(),
                  TimeRemainingColumn(), console=make_console(stderr=True),
                  transient=True) as bar:
        task = bar.add_task(label, total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def _show(result, json_: bool, lang: str, ascii_: bool, render_name: str) -> None:
    result = _cite(result)
    if json_:
        from ..jsonout import emit

        emit(result)
        return
    from ..console import make_console
    from ..render import demos as render

    getattr(render, render_name)(make_console(), result, lang, ascii_)


@demo_app.command("vanishing", help=DESCRIPTIONS["vanishing"]["en"], epilog=_epilog("vanishing"))
def vanishing(
    depth: int = typer.Option(20, "--depth", metavar="L", help="Number of layers (2 … 100000)."),
    width: int = typer.Option(64, "--width", metavar="N", help="Units per layer."),
    batch: int = typer.Option(128, "--batch", metavar="B", help="Inputs per batch."),
    activations: str = typer.Option("sigmoid,tanh,relu,leaky_relu", "--activations", "-a",
                                    metavar="NAMES", help=ACT_HELP),
    init: str = typer.Option("lecun", "--init", metavar="INIT",
                             help="Weights: lecun (Var W = 1/fan_in, the default), he (2/fan_in), "
                                  "xavier (uniform, 2/(fan_in+fan_out)) or normal:STD."),
    every: Optional[int] = typer.Option(None, "--every", metavar="K",
                                        help="Show every K-th layer (and the first and last) "
                                             "(default: about 20 rows)."),
    seed: int = _seed(),
    lang: Optional[str] = lang_option(),
    json_: bool = _json(),
    ascii_: bool = _ascii(),
) -> None:
    """Gradient norms layer by layer through a deep MLP."""
    language = _begin(lang, seed, width)
    from ..demos import vanishing as core

    core.validate(depth, width, batch, every)
    n_acts = len([a for a in activations.split(",") if a.strip()]) or 1
    long_run = depth * n_acts * batch * width * width >= 2e9
    with _progress(long_run and not json_, "vanishing") as progress:
        result = core.run(depth=depth, width=width, batch=batch, activations=activations,
                          init=init, every=every, seed=seed, progress=progress)
    _show(result, json_, language, ascii_, "render_vanishing")


@demo_app.command("sparsity", help=DESCRIPTIONS["sparsity"]["en"], epilog=_epilog("sparsity"))
def sparsity(
    depth: int = typer.Option(5, "--depth", metavar="L", help="Number of layers."),
    width: int = typer.Option(256, "--width", metavar="N", help="Units per layer."),
    batch: int = typer.Option(256, "--batch", metavar="B", help="Inputs per batch."),
    activations: str = typer.Option("relu,leaky_relu,gelu,tanh", "--activations", "-a",
                                    metavar="NAMES", help=ACT_HELP),
    init: str = typer.Option("he", "--init", metavar="INIT",
                             help="Weights: he (the default), lecun, xavier or normal:STD."),
    seed: int = _seed(),
    lang: Optional[str] = lang_option(),
    json_: bool = _json(),
    ascii_: bool = _ascii(),
) -> None:
    """Exact zeros per layer at initialization."""
    language = _begin(lang, seed, width)
    from ..demos import sparsity as core

    result = core.run(depth=depth, width=width, batch=batch, activations=activations, init=init,
                      seed=seed)
    _show(result, json_, language, ascii_, "render_sparsity")


@demo_app.command("dying", help=DESCRIPTIONS["dying"]["en"], epilog=_epilog("dying"))
def dying(
    lr: float = typer.Option(0.02, "--lr", metavar="LR", help="SGD learning rate."),
    bias: float = typer.Option(-2.0, "--bias", metavar="B",
                               help="Initial bias of every hidden unit (negative: towards dead)."),
    steps: int = typer.Option(1000, "--steps", metavar="N", help="SGD steps (mini-batches of 32)."),
    width: int = typer.Option(64, "--width", metavar="N", help="Units per hidden layer (2 layers)."),
    activations: str = typer.Option("relu,leaky_relu,elu", "--activations", "-a",
                                    metavar="NAMES", help=ACT_HELP),
    every: Optional[int] = typer.Option(None, "--every", metavar="K",
                                        help="Count dead units every K steps (default: steps/20)."),
    seed: int = _seed(),
    lang: Optional[str] = lang_option(),
    json_: bool = _json(),
    ascii_: bool = _ascii(),
) -> None:
    """Dead units while a small MLP trains with SGD."""
    language = _begin(lang, seed, width)
    from ..demos import dying as core

    n_acts = len([a for a in activations.split(",") if a.strip()]) or 1
    with _progress(steps * n_acts >= 3000 and not json_, "dying") as progress:
        result = core.run(lr=lr, bias=bias, steps=steps, width=width, activations=activations,
                          every=every, seed=seed, progress=progress)
    _show(result, json_, language, ascii_, "render_dying")


@demo_app.command("zigzag", help=DESCRIPTIONS["zigzag"]["en"], epilog=_epilog("zigzag"))
def zigzag(
    activations: str = typer.Option("sigmoid,tanh", "--activations", "-a", metavar="NAMES",
                                    help="Activations whose outputs feed the unit. " + ACT_HELP),
    lr: float = typer.Option(0.5, "--lr", metavar="LR", help="SGD learning rate (one sample per step)."),
    tol: float = typer.Option(0.01, "--tol", metavar="T",
                              help="Converged when ‖w − w*‖ ≤ T·‖w*‖."),
    max_steps: int = typer.Option(20000, "--max-steps", metavar="N", help="Give up after N steps."),
    seed: int = _seed(),
    lang: Optional[str] = lang_option(),
    json_: bool = _json(),
    ascii_: bool = _ascii(),
) -> None:
    """Same-sign updates and the zig-zag path of one unit with all-positive inputs."""
    language = _begin(lang, seed)
    from ..demos import zigzag as core

    result = core.run(activations=activations, lr=lr, tol=tol, max_steps=max_steps, seed=seed)
    _show(result, json_, language, ascii_, "render_zigzag")


@demo_app.command("kink", help=DESCRIPTIONS["kink"]["en"], epilog=_epilog("kink"))
def kink(
    activations: str = typer.Option("relu", "--activations", "-a", metavar="NAMES", help=ACT_HELP),
    samples: int = typer.Option(1_000_000, "--samples", metavar="N",
                                help="Float32 pre-activations to check for exact zeros."),
    seed: int = _seed(),
    lang: Optional[str] = lang_option(),
    json_: bool = _json(),
    ascii_: bool = _ascii(),
) -> None:
    """ReLU at 0: one-sided slopes, subgradients, framework conventions, exact zeros."""
    language = _begin(lang, seed)
    from ..demos import kink as core

    result = core.run(activations=activations, samples=samples, seed=seed)
    _show(result, json_, language, ascii_, "render_kink")


@demo_app.command("saturation", help=DESCRIPTIONS["saturation"]["en"], epilog=_epilog("saturation"))
def saturation(
    activations: str = typer.Option("sigmoid,tanh", "--activations", "-a", metavar="NAMES",
                                    help=ACT_HELP),
    points: Optional[str] = typer.Option(None, "--points", metavar="X,Y,…",
                                         help="|x| values for the table (default: 0,2,5,10,20)."),
    lang: Optional[str] = lang_option(),
    json_: bool = _json(),
    ascii_: bool = _ascii(),
) -> None:
    """How small f′ gets away from 0, and from where on it is tiny."""
    from ..i18n import resolve_lang

    language = resolve_lang(lang)
    from ..demos import load_numpy

    load_numpy()
    from ..demos import saturation as core

    result = core.run(activations=activations, points=points)
    _show(result, json_, language, ascii_, "render_saturation")
