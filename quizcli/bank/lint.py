"""`quiz lint`: every loader check plus the ones that need the engine or the whole bank.

    lint(paths) -> LintReport(problems, files, questions)

Without paths it lints the built-in bank and every content directory (QUIZ_CONTENT_PATH,
--content-dir). With paths it lints those files and directories; the other directories are
context only (a user's question may follow up a built-in one), their problems unreported.

Checks beyond the loader's (codes in codes.py): see.explain names in the activation registry
(QZ050); patterns that match the empty string (QZ032) or carry upper-case letters (QZ033); each
key point found in its own model answer in both languages (QZ031, with textmatch exactly as
the grader searches); no reject (misconception) pattern found in either model answer (QZ035);
no unbounded repetition but of white space in any pattern (QZ036); facts against the engine
(QZ060, QZ061); duplicate ids (QZ043); unknown follow-ups and related ids (QZ040, QZ042);
follow-up cycles (QZ041); the curriculum (QZ080–83).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from .codes import Problem, problem
from .discovery import CURRICULUM_FILE, Root, content_roots, discover, read_curriculum
from .draft import Draft, parse_draft
from .lexicons import lexicon_dir, load_lexicons, unused_concepts
from .sections import LANG_NAMES
from .model import LANGS, Question


@dataclass
class LintReport:
    problems: list[Problem]
    files: int = 0
    questions: int = 0  # files without errors
    paths: list[str] = field(default_factory=list)  # what was linted

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.is_error)

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors

    @property
    def ok(self) -> bool:
        return self.errors == 0


@dataclass
class _Entry:
    file: Path
    root: Path | None  # the directory whose curriculum applies; None for a lone file
    builtin: bool
    target: bool
    parser: Draft | None = None


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a.absolute() == b.absolute()


def _is_within(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop
        return False
    return True


def lint(paths: Sequence[Path | str] = (), *, extra_dirs: Iterable[Path | str] = (),
         include_builtin: bool = True, use_env: bool = True) -> LintReport:
    problems: list[Problem] = []
    roots = content_roots(extra_dirs, include_builtin=include_builtin, use_env=use_env)
    builtin_roots = [r.path for r in roots if r.builtin]

    targets: list[tuple[Path, bool]] = []  # (path, is a directory root)
    context: list[Root] = []
    if paths:
        for p in paths:
            targets.append((Path(p).expanduser(), True))
        context = roots
    else:
        targets = [(r.path, True) for r in roots]

    entries: dict[Path, _Entry] = {}
    order: list[Path] = []

    def add(file: Path, root: Path | None, target: bool) -> None:
        try:
            key = file.resolve() if file.exists() else file.absolute()
        except (OSError, RuntimeError):  # a symlink loop, a name too long: parse reports it
            key = file.absolute()
        builtin = any(_is_within(file, b) for b in builtin_roots)
        if key in entries:
            if target:
                entries[key].target = True
                entries[key].root = root if root is not None else entries[key].root
            return
        entries[key] = _Entry(file, root, builtin, target)
        order.append(key)

    for root in context:
        files, _ = discover(root.path)
        for f in files:
            add(f, root.path, False)
    target_dirs: list[Path] = []
    linted: list[str] = []
    for path, _ in targets:
        linted.append(str(path))
        files, found = discover(path, allow_file=True)
        problems.extend(found)
        try:
            is_dir = path.is_dir()
        except OSError:  # discover reported it
            is_dir = False
        if is_dir:
            target_dirs.append(path)
        for f in files:
            add(f, path if is_dir else None, True)

    # the lexicons: every root's (context and targets); problems of the targets' files only
    lex_dirs = [lexicon_dir(r.path, r.builtin) for r in context]
    lex_dirs += [lexicon_dir(d, any(_same(d, b) for b in builtin_roots)) for d in target_dirs]
    lex = load_lexicons(lex_dirs)
    lexicon = lex.lexicon
    target_lex = [lexicon_dir(d, any(_same(d, b) for b in builtin_roots)) for d in target_dirs]
    problems.extend(p for p in lex.problems if any(_is_within(Path(p.path), t) for t in target_lex))

    # parse: targets with every per-file check, context only for ids and follow-ups
    for key in order:
        e = entries[key]
        e.parser = parse_draft(e.file, builtin=e.builtin, lint=e.target)
        if e.target:
            problems.extend(e.parser.problems)
            if e.parser.question is not None:
                problems.extend(check_question(e.parser, lexicon))

    # the bank as lint sees it: first definition of each id wins
    by_id: dict[str, _Entry] = {}
    for key in order:
        e = entries[key]
        q = e.parser.question if e.parser else None
        if q is None:
            continue
        first = by_id.get(q.id)
        if first is None:
            by_id[q.id] = e
        elif e.target:
            problems.append(problem("QZ043", e.file, q.source_lines.get("id"), id=q.id,
                                    other=first.file))
        elif first.target:
            fq = first.parser.question
            problems.append(problem("QZ043", first.file, fq.source_lines.get("id"), id=q.id,
                                    other=e.file))

    ids = list(by_id)
    for key in order:
        e = entries[key]
        q = e.parser.question if e.parser else None
        if not e.target or q is None:
            continue
        for name, code, refs in (("follow_ups", "QZ040", q.follow_ups),
                                 ("related", "QZ042", q.related)):
            for i, ref in enumerate(refs):
                if ref not in by_id:
                    problems.append(problem(code, e.file, q.source_lines.get(f"{name}[{i}]"),
                                            ref=ref, hint=_did_you_mean(ref, ids)))
    problems.extend(_cycles(by_id))
    target_files = [f for t in target_lex if t.is_dir() for f in sorted(t.glob("*.yaml"))]
    claims_ok = not any(p.code in ("QZ037", "QZ038") for p in problems)  # else: likely typos
    if target_files and claims_ok:
        bank = [e.parser.question for e in by_id.values()]
        problems.extend(unused_concepts(lex, bank, target_files))
    for d in target_dirs:
        problems.extend(_curriculum(d, [entries[k] for k in order if entries[k].root == d]))

    problems = _dedupe(problems)
    problems.sort(key=lambda p: (p.path, p.line or 0, p.code, p.message))
    target_entries = [entries[k] for k in order if entries[k].target]
    clean = sum(1 for e in target_entries
                if e.parser and e.parser.question is not None
                and not any(p.is_error for p in e.parser.problems))
    return LintReport(problems, len(target_entries), clean, linted)


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen, out = set(), []
    for p in problems:
        key = (p.path, p.line, p.code, p.message)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    from ..errors import closest

    near = closest(word, choices, limit=3)
    return f" Did you mean: {', '.join(near)}?" if near else ""


# --------------------------------------------------------------------------- one question

_ESCAPES = re.compile(r"\\N\{[^}]*\}|\\.|\(\?P<[^>]*>|\(\?P=[^)]*\)|\(\?<[^>=!]*>", re.S)


def _has_upper(pattern: str) -> bool:
    bare = _ESCAPES.sub("", pattern)
    return any(ch != ch.casefold() for ch in bare)


def _unbounded_problems(pattern: str, path, where, label: str) -> list[Problem]:
    found = unbounded_repeats(pattern)
    if not found:
        return []
    return [problem("QZ036", path, where, pattern=pattern, field=label, what=", ".join(found))]


def unbounded_repeats(pattern: str) -> list[str]:
    """What `pattern` repeats without an upper bound (*, +, {n,}), other than white space,
    e.g. ['\\w', '.']; [] when every repetition is bounded or of white space only (answers are
    white-space-collapsed, so \\s* matches at most one character). Walks the parsed pattern, so
    escapes such as '\\.*' (a literal dot) are read as the regex engine reads them."""
    from ..textmatch import repeat_ops, sre

    C, P = sre()
    try:
        parsed = P.parse(pattern)
    except Exception:  # noqa: BLE001 — compile errors are QZ030/QZ034
        return []
    repeats = repeat_ops()
    space_chars = {ord(c) for c in " \t\n\r\f\v"}

    def is_space(body) -> bool:
        items = list(body)
        if len(items) != 1:
            return False
        op, av = items[0]
        if op is C.LITERAL:
            return av in space_chars
        if op is C.IN:
            return all((o is C.CATEGORY and a is C.CATEGORY_SPACE)
                       or (o is C.LITERAL and a in space_chars) for o, a in av)
        return False

    def describe(body) -> str:
        items = list(body)
        if len(items) == 1:
            op, av = items[0]
            if op is C.ANY:
                return "."
            if op is C.LITERAL:
                return re.escape(chr(av))
            if op is C.NOT_LITERAL:
                return f"[^{chr(av)}]"
            if op is C.IN:
                if av and av[0][0] is C.NEGATE:
                    return "[^…]"
                if len(av) == 1 and av[0][0] is C.CATEGORY:
                    return _CATEGORY_NAMES.get(str(av[0][1]), "[…]")
                return "[…]"
        return "(…)"

    out: list[str] = []

    def walk(sub) -> None:
        for op, av in sub:
            if op in repeats:
                _lo, hi, body = av
                if hi == C.MAXREPEAT and not is_space(body):
                    out.append(describe(body))
                walk(body)
            elif op is C.SUBPATTERN:
                walk(av[-1])
            elif op is C.BRANCH:
                for branch in av[1]:
                    walk(branch)
            elif op in (C.ASSERT, C.ASSERT_NOT):
                walk(av[1])
            elif op is C.GROUPREF_EXISTS:
                for branch in av[1:]:
                    if branch is not None:
                        walk(branch)

    walk(parsed)
    return list(dict.fromkeys(out))


_CATEGORY_NAMES = {"CATEGORY_WORD": "\\w", "CATEGORY_NOT_WORD": "\\W", "CATEGORY_DIGIT": "\\d",
                   "CATEGORY_NOT_DIGIT": "\\D", "CATEGORY_NOT_SPACE": "\\S"}


def _claim_problems(parser: Draft, lexicon) -> list[Problem]:
    """Claim rubrics, checked with the grader's own functions (grading/checks.py)."""
    from ..grading import checks
    from ..grading.claims import parse_claim

    q: Question = parser.question  # type: ignore[assignment]
    path, lines = parser.path, q.source_lines
    out: list[Problem] = []
    if lexicon is None or not any(kp.claims for kp in q.key_points):
        return out
    known = set(lexicon.concepts)
    usable = []
    for kp in q.key_points:
        label = f"key_points[{kp.id}]"
        where = lines.get(label)
        bad = False
        for c in list(kp.claims) + [c for con in kp.contradicts for c in con.claims]:
            unknown = sorted(parse_claim(c).concepts - known)
            if unknown:
                bad = True
                out.append(problem("QZ038", path, parser.claim_lines.get((label, c), where),
                                   claim=c, id=kp.id, concepts=", ".join(unknown),
                                   hint=_did_you_mean(unknown[0], known)))
        if not bad and kp.claims:
            usable.append(kp)
    for kp in usable:
        label = f"key_points[{kp.id}]"
        where = lines.get(label)
        for lang in LANGS:
            answer = q.answer.get(lang)
            if answer is None:
                continue
            if not checks.covers(q, kp, answer, lexicon):
                out.append(problem("QZ031", path, where, id=kp.id, lang=lang,
                                   lang_name=LANG_NAMES[lang], what="claims"))
            for i in checks.contradicts(q, kp, answer, lexicon):
                out.append(problem("QZ035", path, where, what="contradiction",
                                   pattern=" / ".join(kp.contradicts[i].claims),
                                   field=f"{label}.contradicts[{i}]", lang_name=LANG_NAMES[lang],
                                   phrase="…", id=kp.id))
            for i, con in enumerate(kp.contradicts):
                example = con.example.get(lang)
                if not example or not con.why.get(lang) or i not in checks.contradicts(
                        q, kp, example, lexicon):
                    out.append(problem("QZ039", path, where, index=i, id=kp.id,
                                       lang_name=LANG_NAMES[lang], example=example or ""))
            for other in usable:
                text = other.text.get(lang)
                if other is not kp and text and checks.covers(q, kp, text, lexicon):
                    out.append(problem("QZ028", path, where, id=kp.id, other=other.id,
                                       lang_name=LANG_NAMES[lang]))
    return out


_LINK = re.compile(r"\[([^\]\n]{1,500})\]\(\s*(?:<([^<>\n]{1,2000})>|((?:[^()\s]|\([^()\s]{0,200}\)){1,2000}))"
                   r"(?:\s+\"[^\"]*\")?\s*\)")
_ADDRESS = re.compile(r"^(?:[a-z][a-z0-9+.-]{1,20}://|www\.|[\w-]+(?:\.[\w-]+)+(?:[/:?#]|$))", re.I)


def _address(text: str) -> str:
    """An address as a reader compares it: no scheme, no 'www.', no trailing slash, lower case."""
    t = re.sub(r"^[a-z][a-z0-9+.-]*://", "", text.strip().strip("<>"), flags=re.I)
    t = re.sub(r"^www\.", "", t, flags=re.I)
    return t.rstrip("/").lower()


_REF_DEF = re.compile(r"^ {0,3}\[([^\]\n]{1,500})\]:[ \t]*<?([^\s>]{1,2000})>?", re.M)
_REF_USE = re.compile(r"\[([^\]\n]{1,500})\](?:\[([^\]\n]{0,500})\])?(?![(:\[])")


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()


def spoofed_links(markdown: str) -> list[tuple[int, str, str]]:
    """(line offset, shown text, target) of each Markdown link whose text is itself an address
    that differs from its target, e.g. [https://pytorch.org/docs](https://evil.example/steal),
    inline or by reference ([https://pytorch.org][r] with `[r]: https://evil.example`)."""
    found = []
    for m in _LINK.finditer(markdown):
        found.append((m.start(), m.group(1), m.group(2) or m.group(3)))  # <target> or target
    refs: dict[str, str] = {}
    for m in _REF_DEF.finditer(markdown):
        refs.setdefault(_label(m.group(1)), m.group(2))
    if refs:
        for m in _REF_USE.finditer(markdown):
            target = refs.get(_label(m.group(2) or m.group(1)))  # [text][label], [text][], [text]
            if target is not None:
                found.append((m.start(), m.group(1), target))
    out = []
    for start, shown, target in sorted(found):
        shown = shown.strip().strip("`")
        if _ADDRESS.match(shown) and _address(shown) != _address(target):
            out.append((markdown.count("\n", 0, start), shown, target))
    return out


def check_question(parser: Draft, lexicon=None) -> list[Problem]:
    """The per-file checks that need the registry, the engine or the model answers."""
    from .. import facts as engine_facts
    from ..activations.names import canonical_name, closest_names

    q: Question = parser.question  # type: ignore[assignment]
    path, lines = parser.path, q.source_lines
    out: list[Problem] = []

    for i, name in enumerate(q.see_explain):
        if canonical_name(name) is None:
            near = closest_names(name)
            out.append(problem("QZ050", path, lines.get(f"see.explain[{i}]"), name=name,
                               hint=f" Did you mean: {', '.join(near)}?" if near else ""))

    for field, texts, base in (("body", q.answer, None), ("summary", q.summary, "summary"),
                               ("note", q.note, "note")):
        for lang, text in (texts or {}).items():
            start = lines.get(f"body.{lang}") if base is None else lines.get(base)
            for offset, shown, target in spoofed_links(text):
                where = start + offset if (start and base is None) else start
                out.append(problem("QZ044", path, where, text=shown, target=target))

    from ..kinds import kind_of

    out.extend(kind_of(q).lint(parser, lexicon))

    for i, fact in enumerate(q.facts):
        where = lines.get(f"facts[{i}]")
        try:
            ok, actual, tol = engine_facts.check(fact.expr, fact.value, fact.tol)
        except engine_facts.FactError as exc:
            out.append(problem("QZ060", path, where, expr=fact.expr, detail=str(exc)))
            continue
        except Exception as exc:  # an engine failure must not crash lint
            out.append(problem("QZ060", path, where, expr=fact.expr,
                               detail=f"{type(exc).__name__}: {exc}"))
            continue
        if not ok:
            out.append(problem("QZ061", path, where, expr=fact.expr, value=f"{fact.value:g}",
                               actual=f"{actual:.6g}", tol=f"{tol:.2g}"))
    return out


def check_key_points(parser: Draft, lexicon=None) -> list[Problem]:
    """The rubric kind's lint checks: its patterns and claims, and each key point against the
    model answers (QZ028, QZ031–QZ039)."""
    from ..textmatch import compile_pattern, normalize, search

    q: Question = parser.question  # type: ignore[assignment]
    path, lines = parser.path, q.source_lines
    out: list[Problem] = []
    normalized = {lang: normalize(text) for lang, text in q.answer.items()}
    for kp in q.key_points:
        for lang in LANGS:
            pats = kp.patterns.get(lang, ())
            label = f"key_points[{kp.id}].{lang}.match"
            for p in pats:
                where = parser.pattern_lines.get((kp.id, lang, p))
                rx = compile_pattern(p)
                if rx.search("") is not None:
                    out.append(problem("QZ032", path, where, pattern=p, field=label, id=kp.id))
                if not rx.flags & re.IGNORECASE and _has_upper(p):
                    out.append(problem("QZ033", path, where, pattern=p, field=label))
                out.extend(_unbounded_problems(p, path, where, label))
            if (pats and not kp.claims and lang in normalized
                    and search(pats, normalized[lang]) is None):
                out.append(problem("QZ031", path, lines.get(label), id=kp.id, lang=lang,
                                   lang_name=LANG_NAMES[lang], what=f"'{lang}' patterns"))
            # reject patterns: the grader tries both languages' lists on any answer, so none may
            # be found in either model answer (the model answer must pass its own rubric)
            rlabel = f"key_points[{kp.id}].{lang}.reject"
            for p in kp.reject.get(lang, ()):
                where = parser.reject_lines.get((kp.id, lang, p))
                rx = compile_pattern(p)
                if not rx.flags & re.IGNORECASE and _has_upper(p):
                    out.append(problem("QZ033", path, where, pattern=p, field=rlabel))
                out.extend(_unbounded_problems(p, path, where, rlabel))
                for alang in LANGS:
                    m = rx.search(normalized[alang]) if alang in normalized else None
                    if m is not None:
                        out.append(problem("QZ035", path, where, pattern=p, field=rlabel,
                                           lang_name=LANG_NAMES[alang], phrase=m.group(0),
                                           id=kp.id, what="reject pattern"))
    out.extend(_claim_problems(parser, lexicon))
    return out


# --------------------------------------------------------------------------- the whole bank

def _cycles(by_id: dict[str, _Entry]) -> list[Problem]:
    """Follow-up cycles that touch a linted file, each reported once (iterative DFS)."""
    graph = {qid: e.parser.question.follow_ups for qid, e in by_id.items()}
    color: dict[str, int] = {}
    found: dict[frozenset, list[str]] = {}
    for start in graph:
        if start in color:
            continue
        color[start] = 1
        path, pos = [start], {start: 0}
        stack = [iter(graph[start])]
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                stack.pop()
                done = path.pop()
                del pos[done]
                color[done] = 2
                continue
            if nxt not in graph:
                continue
            c = color.get(nxt)
            if c is None:
                color[nxt] = 1
                pos[nxt] = len(path)
                path.append(nxt)
                stack.append(iter(graph[nxt]))
            elif c == 1:
                cycle = path[pos[nxt]:]
                found.setdefault(frozenset(cycle), cycle)
    out = []
    for cycle in found.values():
        targets = [i for i, qid in enumerate(cycle) if by_id[qid].target]
        if not targets:
            continue
        k = min(targets, key=lambda i: cycle[i])
        cycle = cycle[k:] + cycle[:k]
        head = by_id[cycle[0]].parser.question
        nxt = cycle[1] if len(cycle) > 1 else cycle[0]
        idx = head.follow_ups.index(nxt)
        out.append(problem("QZ041", by_id[cycle[0]].file, head.source_lines.get(f"follow_ups[{idx}]"),
                           cycle=_cycle_text(cycle)))
    return out


def _cycle_text(cycle: list[str], limit: int = 8) -> str:
    """'a → b → a'; a long cycle keeps its first ids and says how many are left out."""
    if len(cycle) <= limit:
        return " → ".join(cycle + [cycle[0]])
    shown = cycle[: limit - 2]
    return " → ".join(shown) + f" → … ({len(cycle) - len(shown) - 1} more) → {cycle[-1]} → {cycle[0]}"


def _curriculum(root: Path, entries: list[_Entry]) -> list[Problem]:
    listed = read_curriculum(root)
    if listed is None:
        return []
    cpath = root / CURRICULUM_FILE
    questions = [e.parser.question for e in entries if e.parser and e.parser.question]
    ids = {q.id for q in questions}
    out: list[Problem] = []
    first: dict[str, int] = {}
    position: dict[str, int] = {}
    for qid, line in listed:
        if qid in first:
            out.append(problem("QZ081", cpath, line, ref=qid, first=first[qid]))
            continue
        first[qid] = line
        position[qid] = len(position)
        if qid not in ids:
            out.append(problem("QZ080", cpath, line, ref=qid, hint=_did_you_mean(qid, ids)))
    parents: dict[str, list[str]] = {}
    for q in questions:
        for f in q.follow_ups:
            if q.id in position:
                parents.setdefault(f, []).append(q.id)
    for q in questions:
        if q.id not in first:
            out.append(problem("QZ082", q.path or root, q.source_lines.get("id"), id=q.id,
                               curriculum=cpath))
            continue
        ps = [p for p in parents.get(q.id, ()) if p != q.id]
        if ps and all(position[p] > position[q.id] for p in ps):
            out.append(problem("QZ083", cpath, first[q.id], id=q.id,
                               parents=", ".join(sorted(ps))))
    return out
