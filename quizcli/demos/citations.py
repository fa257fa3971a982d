"""Which questions cite a demo: read from the question bank at run time (`see.demo` lines),
so a new question that links `quiz demo dying` shows up under that demo with no code change."""

from __future__ import annotations


def cited_by(demo: str) -> tuple[str, ...]:
    """Ids of the questions whose `see.demo` lines run this demo, in curriculum order."""
    from ..bank.cache import load_bank

    ids: list[str] = []
    for q in load_bank().questions:
        if any(line.split()[:1] == [demo] for line in q.see_demo) and q.id not in ids:
            ids.append(q.id)
    return tuple(ids)


def all_citations() -> dict[str, tuple[str, ...]]:
    """{demo: question ids} for every demo, from one load of the bank."""
    from ..bank.cache import load_bank
    from . import registry

    table: dict[str, list[str]] = {name: [] for name in registry.names()}
    for q in load_bank().questions:
        for line in q.see_demo:
            name = line.split()[0] if line.split() else ""
            if name in table and q.id not in table[name]:
                table[name].append(q.id)
    return {name: tuple(ids) for name, ids in table.items()}
