"""The Typer application and the error boundary every command shares.

This module and the command modules import only Typer (and, for help, Rich): NumPy, YAML,
fsrs and uniplot are imported inside command bodies, so `quiz --help` and shell completion
stay fast. A test asserts it.
"""

from __future__ import annotations

import sys

import typer
from typer.core import TyperGroup

from .errors import DomainError, QuizError


def _fail(prefix: str, message: str, code: int = 2) -> None:
    # one line, always: what was wrong and what is allowed
    from .safe_text import escape

    message = " ".join(escape(f"{prefix}: {message}").split())
    sys.stderr.write(f"{message}\n")
    sys.exit(code)


def _silence_stdout() -> None:
    """After the reader left: stdout to /dev/null, so the interpreter's last flush succeeds."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


# The demo names are not written here: they come from the demo registry (quizcli/demos/),
# appended to this line when `quiz --help` lists the commands.
DEMO_HELP = "Live demos: the numbers behind an answer, computed now. Without a NAME, lists them."

# Every command, in help order: the module that defines it and its one-line help. Modules
# are imported only when their command runs: `quiz explain relu` builds one command's options,
# not all forty functions' signatures, and `quiz --help` lists these lines without importing
# any command module (a test keeps them equal to the commands' own help).
COMMANDS = {
    "ask": ("quizcli.commands.ask",
            "A mock interview: a question, your answer graded, the model answer, then follow-ups."),
    "explain": ("quizcli.commands.explain",
                "Show an activation function: formula, derivative, properties, values and a chart."),
    "demo": ("quizcli.commands.demo", DEMO_HELP),
    "list": ("quizcli.commands.list",
             "List the questions: id, title, difficulty, tags and follow-ups, in the order quiz "
             "ask uses."),
    "show": ("quizcli.commands.show",
             "Show a question with its model answer, key points, follow-ups and see-also commands."),
    "stats": ("quizcli.commands.stats",
              "Your progress: due questions, answers per day, retention, weak tags, missed key "
              "points."),
    "progress": ("quizcli.commands.progress",
                 "Back up, restore, rebuild or reset your progress (answers and review schedules)."),
    "config": ("quizcli.commands.config",
               "Your settings, kept with your progress: desired retention (quiz config set "
               "retention 0.9)."),
    "export": ("quizcli.commands.export",
               "Export the questions: an Anki deck (.apkg) or a CSV table, in Korean, English "
               "or both."),
    "lint": ("quizcli.commands.lint",
             "Check question files: format, types, both languages, rubric, facts, follow-ups, "
             "order."),
}


def _usage_error():
    try:  # typer >= 0.26 vendors Click
        from typer._click.exceptions import UsageError
    except ImportError:  # pragma: no cover
        from click.exceptions import UsageError
    return UsageError


def _quiet_pipe_help(cls) -> None:
    """Help screens are printed by Typer's own Rich console, whose reaction to a reader that
    left (`quiz --help | head -n 1`) is exit 1; make it the quiet exit 0 every other output
    gets. Patched when help is formatted, so runs without help never import Rich for it."""
    original = cls.format_help

    def format_help(self, ctx, formatter):
        from rich.console import Console

        from .console import quiet_broken_pipe

        Console.on_broken_pipe = quiet_broken_pipe  # type: ignore[method-assign]
        _hide_argument_types(self)
        return original(self, ctx, formatter)

    cls.format_help = format_help


def _hide_argument_types(command) -> None:
    """Typer's help puts `<str>` / `<path>` beside an argument's name (ID, PATH): the name is
    the placeholder, in the one style of the options' (NAME, FILE, COLS), so the type goes."""
    from typer.core import TyperArgument

    for param in getattr(command, "params", ()):
        if isinstance(param, TyperArgument) and not getattr(param.type, "_quiz_silent", False):
            base = type(param.type)
            silent = type(base.__name__, (base,), {
                "_quiz_silent": True, "get_metavar": lambda self, param, ctx=None: ""})
            clone = object.__new__(silent)
            clone.__dict__.update(param.type.__dict__)
            param.type = clone


def _build(name: str):
    """The Click command for `name`, from what its module registered on `app`."""
    from typer.main import get_command_from_info, get_command_name, get_group_from_info

    for info in app.registered_commands:
        if (info.name or get_command_name(info.callback.__name__)) == name:
            return get_command_from_info(info, pretty_exceptions_short=app.pretty_exceptions_short,
                                         rich_markup_mode=app.rich_markup_mode)
    for info in app.registered_groups:
        if info.name == name:
            return get_group_from_info(info, pretty_exceptions_short=app.pretty_exceptions_short,
                                       rich_markup_mode=app.rich_markup_mode,
                                       suggest_commands=True)
    return None


def _listing_help(name: str, short_help: str) -> str:
    """The root help's line for a command; `demo` names the registered demos (their light
    specs are read, no demo code is imported)."""
    if name != "demo":
        return short_help
    from .demos import registry

    return f"{short_help} Demos: {', '.join(registry.names())}."


class QuizGroup(TyperGroup):
    """Loads commands lazily, and turns every usage error into one line on stderr with exit
    code 2, never a traceback."""

    _listing = False  # True while the root help lists the commands

    def list_commands(self, ctx):
        return list(COMMANDS) + [n for n in self.commands if n not in COMMANDS]

    def get_command(self, ctx, name):
        if self._listing and name in COMMANDS:
            # the help screen needs the name and one line, nothing more
            from typer.core import TyperCommand

            return TyperCommand(name, help=_listing_help(name, COMMANDS[name][1]))
        command = self.commands.get(name)
        if command is None and name in COMMANDS:
            module, short_help = COMMANDS[name]
            import importlib

            importlib.import_module(module)
            command = _build(name)
            if command is not None:
                self.commands[name] = command
        return command

    def format_help(self, ctx, formatter):
        self._listing = True
        try:
            return super().format_help(ctx, formatter)
        finally:
            self._listing = False

    def resolve_command(self, ctx, args):
        """`quiz aks`: one line naming the closest commands (ids, activations and demos get
        the same hint). The commands are loaded lazily, so Typer's own suggestion, which
        reads only the commands built so far, would find none."""
        try:
            return super().resolve_command(ctx, args)
        except _usage_error() as exc:
            name = args[0] if args else ""
            if name and not name.startswith("-"):
                from .errors import did_you_mean

                exc.message = (exc.message.rstrip(".") + "."
                               + did_you_mean(name, self.list_commands(ctx)))
            raise

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except BrokenPipeError:  # before Click's own EPIPE handler, which exits 1
            sys.stderr = None  # type: ignore[assignment]
            _silence_stdout()
            sys.exit(0)

    def _command_path(self, prog: str, args) -> str:
        """'quiz explain' for errors raised inside a command body (the context is gone)."""
        words, cmd = [prog], self
        for arg in list(args if args is not None else sys.argv[1:]):
            sub = getattr(cmd, "commands", {}).get(arg)
            if sub is None:
                break
            words.append(arg)
            cmd = sub
        return " ".join(words)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:  # typer >= 0.26 vendors Click
            from typer._click import exceptions as click_exc
        except ImportError:  # pragma: no cover
            from click import exceptions as click_exc

        prog = prog_name or "quiz"
        from .console import set_ascii

        set_ascii(False)  # until a command's --ascii says otherwise (tests run many in one process)
        try:
            rv = super().main(args=args, prog_name=prog, complete_var=complete_var,
                              standalone_mode=False, **extra)
        except click_exc.NoArgsIsHelpError as exc:
            # `quiz`, `quiz progress`: the help is the answer, not an error
            message = exc.format_message()
            if message.strip():
                sys.stdout.write(message.rstrip("\n") + "\n")
            sys.exit(0)
        except click_exc.UsageError as exc:
            # an option of a lazily built subcommand can fail while the root context is the
            # one recorded: name the subcommand the user typed
            where = (exc.ctx.command_path if exc.ctx is not None and exc.ctx.command is not self
                     else self._command_path(prog, args))
            hint = f" (see '{where} --help')"
            _fail(where, exc.format_message() + hint, 2)
        except click_exc.ClickException as exc:
            _fail(prog, exc.format_message(), exc.exit_code)
        except typer.Abort:
            sys.stderr.write("\n")
            sys.exit(130)
        except (QuizError, DomainError) as exc:
            _fail(self._command_path(prog, args), str(exc), exc.exit_code)
        except KeyboardInterrupt:
            sys.stderr.write("\n")
            sys.exit(130)
        except BrokenPipeError:
            # `quiz … | head`: the reader left; exit quietly like other Unix tools
            sys.stderr = None  # type: ignore[assignment]
            _silence_stdout()
            sys.exit(0)
        except OSError as exc:  # a path no check foresaw (too long, no permission, a loop)
            where = f"{exc.filename}: " if exc.filename else ""
            _fail(self._command_path(prog, args), f"{where}{exc.strerror or exc}", 2)
        code = rv if isinstance(rv, int) else 0
        if standalone_mode:
            sys.exit(code)
        return code


from typer.core import TyperArgument, TyperCommand  # noqa: E402

for _cls in (TyperGroup, TyperCommand):
    _quiet_pipe_help(_cls)


def _plain_required_metavar(original):
    """Usage lines in one style, Click's: a required argument is `ID`, an optional one `[ID]`
    (Typer writes a required one as `{ID}`)."""
    import re

    def make_metavar(self, ctx, *, usage=False):
        var = original(self, ctx, usage=usage)
        return re.sub(r"^\{(.*)\}((?:\.\.\.)?)$", r"\1\2", var) if usage else var

    return make_metavar


TyperArgument.make_metavar = _plain_required_metavar(TyperArgument.make_metavar)

app = typer.Typer(
    cls=QuizGroup,
    name="quiz",
    help="A terminal tutor for deep-learning interviews: questions, graded answers, "
    "follow-ups, spaced repetition, and live numbers behind every claim.\n\n"
    "Start with: quiz ask · quiz explain relu · quiz demo vanishing --depth 20",
    no_args_is_help=True,
    suggest_commands=False,  # QuizGroup.resolve_command suggests, in the project's wording
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from . import __version__

        sys.stdout.write(f"quiz {__version__}\n")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Show the version and exit."),
) -> None:
    """A terminal tutor for deep-learning interviews."""
