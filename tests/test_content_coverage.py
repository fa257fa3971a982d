"""The built-in bank as issue 12 asks for it: its size, a 30-second answer per question in both
languages, and follow-up chains that reach every question (measured on the loaded bank, so an
edit that drops a summary or orphans a question fails here)."""

from __future__ import annotations

import re

from quizcli.bank.loader import load_bank


def _bank():
    return load_bank()


def test_bank_holds_at_least_110_questions():
    assert len(_bank().questions) >= 110


def test_every_question_has_a_short_summary_in_both_languages():
    missing, long = [], []
    for q in _bank().questions:
        for lang in ("ko", "en"):
            text = (q.summary or {}).get(lang, "").strip()
            if not text:
                missing.append(f"{q.id}:{lang}")
                continue
            # 2-3 sentences, said in about 30 seconds: far shorter than the full answer
            sentences = [s for s in re.split(r"(?<=[.!?。])(?<!al\.)(?<!e\.g\.)(?<!i\.e\.)\s+", text) if s.strip()]
            # (a computed question's worked answer is itself short: only the sentence count)
            too_long = q.kind != "number" and len(text) * 2 > len(q.answer.get(lang, ""))
            if len(sentences) > 4 or too_long:
                long.append(f"{q.id}:{lang}")
    assert missing == []
    assert long == []


def test_every_question_is_a_root_or_someone_s_follow_up():
    bank = _bank()
    asked = {f for q in bank.questions for f in q.follow_ups}
    # a question nobody asks and that asks nothing is never reached by a follow-up chain
    isolated = [q.id for q in bank.questions if q.id not in asked and not q.follow_ups]
    assert isolated == []


def test_follow_up_chains_pivot_across_topics():
    """Interviews pivot (activations → initialization → normalization → optimizers): a chain
    from the first question reaches each of those topic folders."""
    bank = _bank()
    by_id = {q.id: q for q in bank.questions}
    seen, todo = set(), ["relu-vs-sigmoid"]
    while todo:
        qid = todo.pop()
        if qid in seen:
            continue
        seen.add(qid)
        todo.extend(by_id[qid].follow_ups)
    folders = {by_id[q].path.parent.name for q in seen}
    assert {"activations", "training", "normalization", "optimization"} <= folders
