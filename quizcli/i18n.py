"""Interface language: resolution (--lang, QUIZ_LANG, locale) and per-module string catalogs.

Each feature module keeps its own `Catalog` next to the code that uses it, so strings stay
close to their use; a test walks every module and checks that each key has both languages.
"""

from __future__ import annotations

import os

from .errors import InvalidValue

LANGS = ("ko", "en")
CATALOGS: list["Catalog"] = []


def resolve_lang(option: str | None = None) -> str:
    """--lang, else QUIZ_LANG, else the locale (ko_* -> ko), else en."""
    if option:
        value = option.strip().lower()
        if value not in LANGS:
            raise InvalidValue(f"Unknown language '{option}' for --lang. Allowed: ko, en.")
        return value
    from .settings import lang as env_lang

    env = env_lang()
    if env:
        if env not in LANGS:
            raise InvalidValue(f"QUIZ_LANG='{env}' is not a language quiz knows. Allowed: ko, en.")
        return env
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "ko" if value.lower().startswith("ko") else "en"
    return "en"


class Catalog:
    """UI strings of one module: {key: {"en": ..., "ko": ...}}, formatted with str.format."""

    def __init__(self, strings: dict[str, dict[str, str]], fallback: "Catalog | None" = None):
        self.strings = strings
        self.fallback = fallback  # keys this catalog lacks (a demo's own strings, then the shared)
        CATALOGS.append(self)

    def __call__(self, key: str, lang: str, **values) -> str:
        if key not in self.strings and self.fallback is not None:
            return self.fallback(key, lang, **values)
        text = self.strings[key][lang]
        text = text.format(**values) if values else text
        return _english_plurals(text) if lang == "en" and "(s)" in text else text


_PLURAL = None


def _english_plurals(text: str) -> str:
    """'1 day(s)' -> '1 day', '3 answered question(s)' -> '3 answered questions': templates
    write '(s)' and the number before it decides."""
    global _PLURAL
    import re

    if _PLURAL is None:
        _PLURAL = re.compile(r"(?<![\d.])(\d+)((?:[ \t]+[A-Za-z-]+)*?[ \t]+[A-Za-z-]+)\(s\)")
    return _PLURAL.sub(lambda m: m.group(1) + m.group(2) + ("" if m.group(1) == "1" else "s"), text)
