"""What a demo is, as plain data (no NumPy, no Rich): the spec every demo package declares.

One demo = one package `quizcli/demos/<name>/`: `__init__.py` defines `SPEC = DemoSpec(...)`
(light), `compute.py` has `run(**options) -> result` (NumPy, no printing), `render.py` has
`render(console, result, *, lang, ascii_only, width)` and the demo's strings. The registry
(quizcli.demos.registry) finds the packages; `quiz demo`, its help and listing, the linter's
check of `see.demo` lines and `quiz ask`'s see-also demos are all built from the specs.

Options common to every demo (not declared in `options`): --seed (passed to `run` when it takes
a `seed`), --json, --lang, --ascii, and --width (output columns) unless the demo declares an
option spelt --width of its own, or as a deprecated alias: vanishing, sparsity and dying took
--width for units per layer, now --units (dest="width"), and --width still works there with a
deprecation line on stderr.
An option of type "activations" also answers to -a.

    Option types: int, float, str, choice, bool (a flag), activations (a comma-separated list
    of activation names -> tuple of canonical names), init (weights: lecun, he, xavier,
    normal:STD), floats (comma-separated numbers -> tuple of floats within min/max).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Option:
    name: str                      # "depth" -> --depth; "max_steps" -> --max-steps
    type: str                      # "int" | "float" | "str" | "choice" | "bool" | "activations" | "init" | "floats"
    default: object
    help: dict[str, str]           # {"en": ..., "ko": ...}
    min: float | None = None       # inclusive bounds for int/float (and each of floats)
    max: float | None = None
    choices: tuple[str, ...] = ()  # for "choice"
    metavar: str | None = None
    dest: str | None = None        # the keyword `run` receives, when not the name ("units" -> width)
    deprecated: tuple[str, ...] = ()  # old spellings that still work, with a note on stderr

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")

    @property
    def param(self) -> str:
        """The keyword `run` receives this option as."""
        return self.dest or self.name.replace("-", "_")

    @property
    def takes_value(self) -> bool:
        return self.type != "bool"


@dataclass(frozen=True)
class DemoSpec:
    name: str
    summary: dict[str, str]        # one line, ko/en (listing, `quiz --help`)
    help: dict[str, str]           # paragraph, ko/en (`quiz demo NAME --help`)
    examples: tuple[str, ...]      # full command lines: "quiz demo vanishing --depth 20"
    options: tuple[Option, ...]    # --seed, --json, --lang, --ascii, --width are common to all demos
    compute: str                   # "quizcli.demos.vanishing.compute:run"
    render: str                    # "quizcli.demos.vanishing.render:render"
    order: int = 100               # listing order


# The common options a `see.demo` line may set (flags such as --json and --ascii are
# presentation, not content).
COMMON_VALUED = ("--seed", "--lang")
SEED_HELP = {"en": "Random seed; the same seed gives the same numbers.",
             "ko": "난수 시드. 같은 시드면 같은 숫자가 나옵니다."}
ACTIVATIONS_HELP = {
    "en": "Comma-separated activation names or aliases, e.g. sigmoid,relu,leaky-relu "
          "(quiz explain lists them all).",
    "ko": "쉼표로 구분한 활성화 함수 이름 또는 별칭, 예: sigmoid,relu,leaky-relu "
          "(quiz explain이 전체 목록을 보여 줍니다).",
}


def own_width(spec: DemoSpec) -> bool:
    """Does the demo use --width for something of its own (units per layer), if only as a
    deprecated spelling?"""
    return any(o.flag == "--width" or "--width" in o.deprecated for o in spec.options)


def valued_options(spec: DemoSpec) -> tuple[str, ...]:
    """The options of `quiz demo NAME` that take a value, in --help order: what a `see.demo`
    line may set."""
    mine = tuple(o.flag for o in spec.options if o.takes_value)
    width = () if own_width(spec) else ("--width",)
    return mine + COMMON_VALUED + width


def example_args(example: str) -> str:
    """'quiz demo vanishing --depth 20' -> 'vanishing --depth 20'."""
    words = example.split()
    return " ".join(words[2:]) if words[:2] == ["quiz", "demo"] else example


def load(ref: str):
    """'package.module:attr' -> the object (imports the module)."""
    import importlib

    module, _, attr = ref.partition(":")
    return getattr(importlib.import_module(module), attr)


def compute_names(package: str):
    """A demo package's module `__getattr__`: the names of its compute module, imported on
    first use, so `from quizcli.demos import NAME as core; core.run(...)` works while reading
    SPEC stays light.

        __getattr__ = compute_names(__name__)
    """
    def __getattr__(name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        import importlib

        return getattr(importlib.import_module(package + ".compute"), name)

    return __getattr__
