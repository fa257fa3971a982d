"""`quiz demo [NAME]`: the live computation behind an answer. One subcommand per demo package
(quizcli/demos/<name>/), built from its spec: its options, --help, example and listing line.
`quiz demo` alone lists them. Imports only Typer and the light specs at module level; a
demo's NumPy code is imported when it runs."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Optional

import typer
from typer.core import TyperCommand, TyperGroup, TyperOption

from ..app import DEMO_HELP, app
from .common import ascii_option, lang_option


def _specs():
    from ..demos import registry

    return registry.specs()


class _Commands(dict):
    """{name: command}: a demo's command is built from its spec when first looked up."""

    def __missing__(self, name):
        if name not in _names():
            raise KeyError(name)
        from ..demos import registry

        command = self[name] = build_command(registry.get(name))
        return command


class DemoGroup(TyperGroup):
    """`quiz demo NAME`: one command per registered demo, built on first use; an unknown NAME
    gets the list and the closest demo names."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.commands = _Commands(self.commands)

    def list_commands(self, ctx):
        return [s.name for s in _specs()] + [n for n in self.commands if n not in _names()]

    def get_command(self, ctx, name):
        try:
            return self.commands[name]
        except KeyError:
            return None

    def resolve_command(self, ctx, args):
        from ..errors import did_you_mean

        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            names = _names()
            raise QuizDemoUsage(ctx, f"Unknown demo '{name}'. Demos: {', '.join(names)}."
                                     f"{did_you_mean(name, names)}")
        return super().resolve_command(ctx, args)

    def format_help(self, ctx, formatter):
        self.epilog = "Demos: " + ", ".join(_names()) + "."
        return super().format_help(ctx, formatter)


def _names() -> tuple[str, ...]:
    return tuple(s.name for s in _specs())


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
    help=DEMO_HELP,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(demo_app, name="demo")

JSON_HELP = "Print the numbers as JSON (no prose, no progress bar)."
WIDTH_HELP = "Output width in columns (default: terminal)."


@demo_app.callback()
def demo(
    ctx: typer.Context,
    lang: Optional[str] = lang_option(),
    json_: bool = typer.Option(False, "--json", help="Print the list as JSON."),
    ascii_: bool = ascii_option(),
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
    from ..demos.citations import all_citations
    from ..demos.spec import example_args

    cited = all_citations()
    return [{"name": s.name, "description": s.summary[lang],
             "example": example_args(s.examples[0]) if s.examples else "",
             "cited_by": list(cited.get(s.name, ()))} for s in _specs()]


# --- one command per spec -----------------------------------------------------------------

def _option(spec_option) -> TyperOption:
    from .common import for_option

    o = spec_option
    decls = [o.flag, o.param] + (["-a"] if o.type == "activations" else [])
    complete = None
    if o.type == "activations":
        from .. import completion

        def complete(ctx, args, text):  # a TyperOption's call: (ctx, args, incomplete)
            return completion.activation_list(ctx, text)
    if o.type == "bool":
        return TyperOption(param_decls=decls, is_flag=True, default=bool(o.default),
                           help=o.help["en"])
    default = o.default
    if isinstance(default, tuple):  # shown and parsed as the command line would write it
        default = ",".join(str(v) for v in default)
    return TyperOption(param_decls=decls, type=for_option(o.type, lo=o.min, hi=o.max,
                                                          choices=o.choices,
                                                          example=default if isinstance(
                                                              o.default, tuple) else None),
                       default=default, metavar=_metavar(o), help=o.help["en"],
                       show_default=default is not None, autocompletion=complete)


def _metavar(o) -> str:
    """The option's placeholder in the help's one style: its own, else the choices as
    a|b|c, else its name in capitals (never Click's <choice> or <integer>)."""
    if o.metavar:
        return o.metavar
    if o.type == "choice" and o.choices:
        return "|".join(o.choices)
    return o.name.upper().replace("-", "_")


def _common_options(spec) -> list[TyperOption]:
    from ..demos.spec import SEED_HELP, own_width
    from .common import ascii_option, lang_option as lang_opt, width_option

    def typer_option(name, info, **kw):
        return TyperOption(param_decls=[*info.param_decls, name], default=info.default,
                           metavar=info.metavar, help=info.help, **kw)

    from .. import completion

    params = [
        TyperOption(param_decls=["--seed", "seed"], type=_int(), default=0, metavar="N",
                    help=SEED_HELP["en"], show_default=True),
        typer_option("lang", lang_opt(),
                     # a TyperOption built here calls it as (ctx, args, incomplete)
                     autocompletion=lambda ctx, args, text: completion.languages(ctx, text)),
        TyperOption(param_decls=["--json", "json_"], is_flag=True, default=False, help=JSON_HELP),
        TyperOption(param_decls=["--ascii", "ascii_"], is_flag=True, default=False,
                    help=ascii_option().help, callback=_ascii_callback),
    ]
    if not own_width(spec):
        w = width_option()
        params.append(TyperOption(param_decls=["--width", "columns"], type=_columns(),
                                  default=None, metavar="COLS", help=w.help))
    return params


def _ascii_callback(ctx, param, value):
    from .common import ascii_callback

    return ascii_callback(value)


def _int():
    from .common import INT

    return INT


def _columns():
    from .common import INT, Bounded

    return Bounded(INT, 40, 400)


def _deprecated(spec) -> list[TyperOption]:
    """Old spellings of renamed options (--width for units per layer): hidden, still
    working, each with one line on stderr naming the new one."""
    params = []
    for o in spec.options:
        for old in o.deprecated:
            def note(ctx, param, value, o=o, old=old):
                if value is not None:
                    import sys

                    what = o.help["en"].split(" (")[0].rstrip(".")
                    sys.stderr.write(f"{ctx.command_path}: {old} is deprecated here; use "
                                     f"{o.flag} ({what[:1].lower() + what[1:]}). {old} will "
                                     "mean output columns, as in every other command.\n")
                return value

            params.append(TyperOption(param_decls=[old, f"_old_{o.param}"], hidden=True,
                                      default=None, metavar=o.metavar, callback=note,
                                      type=_option(o).type))
    return params


def _merge_deprecated(values: dict) -> None:
    """An old spelling's value (`_old_width`) counts as the new option's."""
    for key in [k for k in values if k.startswith("_old_")]:
        old = values.pop(key)
        if old is not None:
            values[key[len("_old_"):]] = old


def build_command(spec) -> TyperCommand:
    """The Click command `quiz demo NAME` for one spec: its options, then the common ones."""
    params = [_option(o) for o in spec.options] + _common_options(spec) + _deprecated(spec)
    examples = spec.examples
    epilog = (("Example:  " if len(examples) == 1 else "Examples:  ") + "  ·  ".join(examples)
              if examples else None)

    def callback(**values):
        seed, lang = values.pop("seed"), values.pop("lang")
        json_, ascii_ = values.pop("json_"), values.pop("ascii_")
        columns = values.pop("columns", None)
        _merge_deprecated(values)
        run_demo(spec, values, seed=seed, lang=lang, json_=json_, ascii_only=ascii_,
                 columns=columns)

    return TyperCommand(spec.name, params=params, callback=callback, help=spec.help["en"],
                        epilog=epilog, rich_markup_mode=app.rich_markup_mode,
                        context_settings={"help_option_names": ["-h", "--help"]})


# --- running a demo (the command line and `quiz ask` see-also lines) ----------------------

def run_demo(spec, values: dict, *, seed: int = 0, lang: str | None = None, json_: bool = False,
             ascii_only: bool = False, columns: int | None = None, console=None) -> None:
    """Compute one demo with typed option values and show it (or print its JSON)."""
    import inspect
    import sys

    from ..demos import load_numpy
    from ..demos.spec import load
    from ..errors import QuizError
    from ..i18n import resolve_lang

    language = resolve_lang(lang)
    if seed < 0:
        raise QuizError(f"--seed must be a non-negative integer; got {seed}.")
    width = values.get("width")
    load_numpy(width if isinstance(width, int) else 0)
    compute = load(spec.compute)
    accepted = inspect.signature(compute).parameters
    kwargs = dict(values)
    if "seed" in accepted:
        kwargs["seed"] = seed
    long_run = getattr(sys.modules[compute.__module__], "long_run", None)
    heavy = bool(long_run and long_run(**kwargs))
    with _progress(heavy and not json_, spec.name) as progress:
        if "progress" in accepted:
            kwargs["progress"] = progress
        result = compute(**kwargs)
    result = _cite(result)
    if json_:
        from ..jsonout import emit

        emit(result)
        return
    from ..console import make_console

    render = load(spec.render)
    render(console or make_console(columns), result, lang=language, ascii_only=ascii_only,
           width=columns)


def _cite(result):
    import dataclasses

    from ..demos.citations import cited_by

    return dataclasses.replace(result, cited_by=cited_by(result.demo))


def parse_line(line: str) -> tuple:
    """A `see.demo` line ('vanishing --depth 20 --seed 1') -> (spec, typed values, common
    values), through the same option types as the command line."""
    import shlex

    from ..demos import registry

    words = shlex.split(line)
    command = build_command(registry.get(words[0]))
    ctx = command.make_context(f"quiz demo {words[0]}", words[1:])
    values = dict(ctx.params)
    _merge_deprecated(values)
    common = {k: values.pop(k) for k in ("seed", "lang", "json_", "ascii_", "columns")
              if k in values}
    return registry.get(words[0]), values, common


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
