"""Shell completion of values (`quiz explain <TAB>`, `quiz show <TAB>`, `--id`, `--tag`,
`--lang`, `quiz demo <TAB>`, `--activations`).

Light by rule: only the standard library and quizcli's plain-data modules (activation names,
demo specs, the parsed-question cache). Ids are file names, so they come from a directory walk;
tags come from the parse cache, and a question file is parsed (YAML) only when the cache has no
current entry for it. A test runs completion and checks that no numpy, yaml, fsrs, uniplot,
sqlite3 or rich is imported.
"""

from __future__ import annotations

import os


def _dirs(ctx) -> list:
    params = getattr(ctx, "params", None) or {}
    return list(params.get("content_dirs") or ())


def _question_files(ctx) -> list[str]:
    from .bank.cache import _scan
    from .bank.discovery import content_roots

    files: list[str] = []
    for root in content_roots(_dirs(ctx)):
        try:
            files += _scan(root.path)
        except OSError:
            pass
    return files


def question_ids(ctx, incomplete) -> list[str]:
    ids = {os.path.basename(f)[:-3] for f in _question_files(ctx)}
    return sorted(i for i in ids if i.startswith(incomplete))


def tags(ctx, incomplete) -> list[str]:
    from pathlib import Path

    from .bank.cache import ParseCache
    from .bank.discovery import content_roots

    cache = ParseCache()
    found: set[str] = set()
    for root in content_roots(_dirs(ctx)):
        from .bank.cache import _scan

        try:
            paths = _scan(root.path)
        except OSError:
            continue
        for path in paths:
            try:
                question, _problems = cache(Path(path), builtin=root.builtin)
            except Exception:  # noqa: BLE001  (a broken file only loses its tags here)
                continue
            if question is not None:
                found.update(question.tags)
    cache.save()
    return sorted(t for t in found if t.startswith(incomplete))


def languages(ctx, incomplete) -> list[str]:
    return [lang for lang in ("ko", "en") if lang.startswith(incomplete)]


def activations(ctx, incomplete) -> list[str]:
    """Canonical names; an alias too when what is typed so far is the start of it."""
    from .activations.names import ALIASES, CANONICAL

    names = [n for n in CANONICAL if n.startswith(incomplete)]
    if incomplete:
        names += sorted(a for a in ALIASES if a.startswith(incomplete) and a not in names)
    return names


def activation_list(ctx, incomplete) -> list[str]:
    """`sigmoid,re<TAB>` -> sigmoid,relu  sigmoid,relu6 … (the last name of the list)."""
    head, _, last = incomplete.rpartition(",")
    prefix = f"{head}," if head else ""
    return [prefix + n for n in activations(ctx, last)]


def demos(ctx, incomplete) -> list[str]:
    from .demos import registry

    return [n for n in registry.names() if n.startswith(incomplete)]
