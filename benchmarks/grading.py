"""Grading quality and speed on every labelled set in tests/data/.

    python benchmarks/grading.py                      # precision/recall per set and language
    python benchmarks/grading.py --disagreements tune # list disagreements of a tunable set
    python benchmarks/grading.py --json
    python benchmarks/grading.py --grader llm --sets blind4-held   # the configured LLM endpoint

Figures are micro-averaged over (answer, key point) pairs: a pair is a true positive when the
grader covers a key point the label covers. Labels follow one rule: a point is covered only when
its claim is stated correctly (a wrong claim, a bare keyword or a negated statement does not
cover it). Sets:
- first (graded_answers.yaml, 40), heldout (24), blind (32): the first wave's sets, kept as
  regression tests;
- blind2 (graded_answers_blind2.yaml, 159 over 32 questions, 121 of them real answers): split into
  `tune` (rubric work may read it) and `held` (measured, never read: its disagreements are never
  printed) — until session 5, when the held halves of blind sets 2 and 3 were measured a last
  time (after blind 4's tuning round, which never read them) and released to tuning;
- blind3 (graded_answers_blind3.yaml, 169 over 49 questions, 139 of them real answers, mostly on
  the syllabus added after the first 42 questions): split the same way;
- blind4 (graded_answers_blind4.yaml, 172 over 44 questions, 139 of them real answers, none on
  the four core questions; collected in session 5 with no (source, question) pair of earlier
  sets): split the same way;
- para-en (graded_answers_para_en.yaml, 60 over 20 questions): English paraphrase dev set written
  from the key-point meanings before reading the claims; tunable like `first`;
- para-ko (graded_answers_para_ko.yaml, 60 over 20 questions): Korean paraphrase dev set written
  and labelled before its author read the claims or the lexicon; tunable (the rubric was tuned on
  it afterwards);
- para2-en (graded_answers_para2_en.yaml, 60 over 20 activation / gradient-flow questions):
  written by a tuner before it read the claims, then tuned on (tunable, like `first`).

`--grader llm` grades with the model configured by QUIZ_LLM_BASE_URL / QUIZ_LLM_MODEL (or
llm.toml in the quiz home; README, "Grade with an LLM"), through the same measure(). An answer
the model fails on (timeout, HTTP error, malformed reply) counts as covering nothing and is
counted under "failures"; `--limit N` grades only the first N answers of each set.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
sys.path.insert(0, str(ROOT))

SETS = {
    "first": ("graded_answers.yaml", None),
    "para-ko": ("graded_answers_para_ko.yaml", None),
    "heldout": ("graded_answers_heldout.yaml", None),
    "blind": ("graded_answers_blind.yaml", None),
    "blind2": ("graded_answers_blind2.yaml", None),
    "blind2-tune": ("graded_answers_blind2.yaml", "tune"),
    "blind2-held": ("graded_answers_blind2.yaml", "held"),
    "blind2-real": ("graded_answers_blind2.yaml", "real"),
    "para2-ko": ("graded_answers_para2_ko.yaml", None),
    "blind3": ("graded_answers_blind3.yaml", None),
    "blind3-tune": ("graded_answers_blind3.yaml", "tune"),
    "blind3-held": ("graded_answers_blind3.yaml", "held"),
    "blind3-real": ("graded_answers_blind3.yaml", "real"),
    "blind4": ("graded_answers_blind4.yaml", None),
    "blind4-tune": ("graded_answers_blind4.yaml", "tune"),
    "blind4-held": ("graded_answers_blind4.yaml", "held"),
    "blind4-real": ("graded_answers_blind4.yaml", "real"),
    "para-en": ("graded_answers_para_en.yaml", None),
    "para2-en": ("graded_answers_para2_en.yaml", None),
}
# blind sets 2 and 3's held halves were measured for the last time in session 5 (after blind 4's
# tuning round) and then released to tuning: blind set 4's held half is the untouched one
NEVER_SHOWN = {"blind", "blind4", "blind4-held", "blind4-real"}


def load(name: str):
    import yaml

    file, split = SETS[name]
    items = yaml.safe_load((DATA / file).read_text(encoding="utf-8"))
    if split == "real":
        return [i for i in items if i.get("style") == "real" or str(i["id"]).startswith("r-")]
    if split:
        return [i for i in items if i.get("split") == split]
    return items


def measure(bank, items, grade_fn):
    counts = defaultdict(lambda: [0, 0, 0])
    disagreements = []
    seconds = []
    for item in items:
        q = bank.get(item["question"])
        t0 = time.perf_counter()
        covered = set(grade_fn(q, item["answer"]))
        seconds.append(time.perf_counter() - t0)
        gold = set(item["covers"])
        lang = item["lang"]  # en, ko (blind set 1 also has mixed)
        for key in (lang, "all"):
            c = counts[key]
            c[0] += len(covered & gold)
            c[1] += len(covered - gold)
            c[2] += len(gold - covered)
        if covered != gold:
            disagreements.append((item["id"], item["question"], sorted(covered - gold),
                                  sorted(gold - covered)))
    figures = {}
    for lang, (tp, fp, fn) in sorted(counts.items()):
        figures[lang] = {"precision": round(tp / (tp + fp), 3) if tp + fp else 1.0,
                         "recall": round(tp / (tp + fn), 3) if tp + fn else 1.0,
                         "tp": tp, "fp": fp, "fn": fn}
    seconds.sort()
    median_ms = 1000 * seconds[len(seconds) // 2] if seconds else 0.0
    return figures, disagreements, median_ms


def rubric_grader(bank):
    from quizcli import grading

    lexicon = getattr(bank, "lexicon", None)

    def fn(q, answer):
        return grading.grade(q, answer, lexicon=lexicon).covered

    return fn


def llm_grader(bank, failures: list):
    """The LLM grader's covered key points; a failure covers nothing and is recorded."""
    from quizcli.grading.llm import LLMFailure, grade_llm, load_config

    config = load_config()

    def fn(q, answer):
        try:
            return grade_llm(q, answer, config).grade.covered
        except LLMFailure as exc:
            failures.append(exc.code)
            return ()

    return fn


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sets", default=",".join(SETS), help="comma-separated set names")
    ap.add_argument("--disagreements", metavar="SET", help="print the disagreements of SET "
                    "(not allowed for held-out sets)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--grader", choices=("rubric", "llm"), default="rubric",
                    help="rubric (offline, default) or llm (the configured endpoint)")
    ap.add_argument("--limit", type=int, metavar="N", help="only the first N answers of each set")
    args = ap.parse_args(argv)

    from quizcli.bank.loader import load_bank

    bank = load_bank()
    failures: list = []
    if args.grader == "llm":
        from quizcli.errors import QuizError

        try:
            fn = llm_grader(bank, failures)
        except QuizError as exc:
            print(exc, file=sys.stderr)
            return 2
    else:
        fn = rubric_grader(bank)
    report = {}
    for name in args.sets.split(","):
        items = load(name)[:args.limit] if args.limit else load(name)
        failures.clear()
        figures, disagreements, median_ms = measure(bank, items, fn)
        report[name] = {"answers": len(items), "figures": figures, "median_ms": round(median_ms, 3)}
        if args.grader == "llm":
            report[name]["grader"] = "llm"
            report[name]["failures"] = len(failures)
        if args.disagreements == name:
            if name in NEVER_SHOWN:
                print(f"{name} is never shown (blind): figures only", file=sys.stderr)
                return 2
            report[name]["disagreements"] = disagreements
    if args.json:
        print(json.dumps(report, indent=1, ensure_ascii=False))
        return 0
    for name, r in report.items():
        line = [f"{name:12} {r['answers']:4d} answers"]
        for lang in ("en", "ko", "mixed", "all"):
            f = r["figures"].get(lang)
            if f:
                line.append(f"{lang} P {f['precision']:.3f} R {f['recall']:.3f}")
        line.append(f"{r['median_ms']:.2f} ms/answer (median)")
        if "failures" in r:
            line.append(f"{r['failures']} failed (counted as covering nothing)")
        print(" · ".join(line))
        for d in r.get("disagreements", []):
            print(f"    {d[0]} {d[1]}: false credit {d[2]}, missed {d[3]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
