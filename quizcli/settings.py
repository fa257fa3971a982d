"""Every QUIZ_* environment variable, read here and nowhere else (a test greps the package).

Each variable is one row of SETTINGS (name, meaning, default); the functions below return
its value typed, read at call time (tests and `QUIZ_NOW=… quiz …` change them per run).
README's table of variables is generated from SETTINGS (markdown_table(); a test keeps the
README equal to it).
Light: only `os`.
"""

from __future__ import annotations

import os
from typing import NamedTuple


class Setting(NamedTuple):
    name: str
    meaning: str
    default: str


SETTINGS: tuple[Setting, ...] = (
    Setting("QUIZ_HOME", "Directory of your progress database (`progress.sqlite3`); "
            "`--home DIR` overrides it.", "the platform data dir"),
    Setting("QUIZ_LANG", "Interface language, `ko` or `en`; `--lang` overrides it.",
            "the locale (`ko_*` → ko), else en"),
    Setting("QUIZ_CONTENT_PATH", "More question directories, separated by `:` (`;` on "
            "Windows), loaded after the built-in bank.", "none"),
    Setting("QUIZ_CACHE_DIR", "Directory of the parsed-question cache (always safe to delete).",
            "the platform cache dir"),
    Setting("QUIZ_NO_CACHE", "Any non-empty value: parse the question files on every run.",
            "unset (cache on)"),
    Setting("QUIZ_NOW", "The current time as ISO 8601 (e.g. `2025-03-01T09:00:00Z`), for "
            "reproducible schedules and tests.", "the system clock"),
    Setting("QUIZ_FSRS_FUZZ", "`0`, `false`, `no` or `off`: no random fuzz on review "
            "intervals (reproducible schedules).", "on"),
    Setting("QUIZ_LLM_BASE_URL", "OpenAI-compatible server for `quiz ask --grader llm|both`, "
            "e.g. `http://127.0.0.1:11434/v1` (Ollama); wins over `llm.toml` in the quiz home.",
            "unset (LLM grader off)"),
    Setting("QUIZ_LLM_MODEL", "Model name the LLM grader asks for, e.g. `qwen2.5:7b`.", "unset"),
    Setting("QUIZ_LLM_API_KEY", "API key sent to the LLM server (never printed).", "unset"),
    Setting("QUIZ_LLM_TIMEOUT", "Seconds to wait for the LLM grader before grading by the "
            "rubric.", "30"),
)

_NAMES = frozenset(s.name for s in SETTINGS)
_OFF = ("0", "false", "no", "off")


def raw(name: str) -> str:
    """The variable's text ('' when unset); only the variables in SETTINGS."""
    if name not in _NAMES:
        raise KeyError(f"{name} is not a quiz setting (known: {', '.join(sorted(_NAMES))})")
    return os.environ.get(name, "")


def home() -> str | None:
    return raw("QUIZ_HOME") or None


def lang() -> str:
    """QUIZ_LANG, stripped and lower-cased ('' when unset); i18n validates it."""
    return raw("QUIZ_LANG").strip().lower()


def content_path() -> list[str]:
    return [part.strip() for part in raw("QUIZ_CONTENT_PATH").split(os.pathsep) if part.strip()]


def cache_dir() -> str | None:
    return raw("QUIZ_CACHE_DIR") or None


def no_cache() -> bool:
    return bool(raw("QUIZ_NO_CACHE"))


def now() -> str:
    """QUIZ_NOW, stripped ('' when unset); store.clock parses it."""
    return raw("QUIZ_NOW").strip()


def fsrs_fuzz() -> bool:
    return raw("QUIZ_FSRS_FUZZ").strip().lower() not in _OFF


def markdown_table() -> str:
    """The README's table of variables."""
    rows = ["| Variable | Meaning | Default |", "|---|---|---|"]
    rows += [f"| `{s.name}` | {s.meaning} | {s.default} |" for s in SETTINGS]
    return "\n".join(rows) + "\n"
