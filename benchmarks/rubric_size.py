"""How big the rubric of the original 42 questions is, in characters (issue 10's criterion
"the rubric is smaller than today's"), at the working tree or at a git revision.

Regex rubric: every `match:`, `reject:` and `why:` line of a key point. Claim rubric: every
`claims:`/`contradicts:` block (claims and the misconceptions' why texts; their example texts,
lint fixtures, apart), plus the forms of the lexicon concepts those claims name — once each,
since concepts are shared — reported apart, with the whole lexicon's size for reference.

    python benchmarks/rubric_size.py            # the working tree
    python benchmarks/rubric_size.py 53ecd15    # a revision, e.g. before the claim grader
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("activations", "training")  # the 42 questions of the first version


def _files(rev: str | None) -> dict[str, str]:
    if rev is None:
        return {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8")
                for f in FOLDERS for p in sorted((ROOT / "content/questions" / f).glob("*.md"))}
    out = {}
    for f in FOLDERS:
        names = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "--name-only", rev,
                                f"content/questions/{f}/"], capture_output=True, text=True,
                               check=True).stdout.split()
        for n in names:
            if n.endswith(".md"):
                out[n] = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:{n}"],
                                        capture_output=True, text=True, check=True).stdout
    return out


def _lexicon(rev: str | None) -> dict[str, dict]:
    concepts: dict[str, dict] = {}
    if rev is None:
        texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "content/lexicon").glob("*.yaml"))]
    else:
        r = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "--name-only", rev, "content/lexicon/"],
                           capture_output=True, text=True)
        texts = [subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:{n}"], capture_output=True,
                                text=True).stdout for n in r.stdout.split() if n.endswith(".yaml")]
    for t in texts:
        for cid, langs in (yaml.safe_load(t) or {}).items():
            for lang, forms in (langs or {}).items():
                concepts.setdefault(cid, {}).setdefault(lang, []).extend(str(f) for f in forms or [])
    return concepts


_CONCEPT = re.compile(r"[!~]?([a-z0-9][a-z0-9-]*)")


def measure(rev: str | None) -> dict:
    regex = claims = examples = 0
    used: set[str] = set()
    files = _files(rev)
    for text in files.values():
        fm = text.split("---\n", 2)[1]
        block = re.search(r"^key_points:\n(.*?)(?=^[a-z_]+:|\Z)", fm, re.S | re.M)
        if not block:
            continue
        for line in block.group(1).splitlines():
            s = line.strip()
            if re.match(r"(ko: \{.*)?(match|reject|why): ", s) or "match:" in s or "reject:" in s:
                regex += len(s) - len(re.sub(r"(match|reject): \[.*\]", "", s)) if "text:" in s else len(s)
        data = yaml.safe_load(fm)
        for kp in data.get("key_points") or []:
            for c in kp.get("claims") or []:
                claims += len(str(c))
                used.update(_CONCEPT.findall(str(c).replace("|", " ").replace("+", " ").replace(" - ", " ")))
            for con in kp.get("contradicts") or []:
                cl = con.get("claim")
                for c in (cl if isinstance(cl, list) else [cl]):
                    claims += len(str(c))
                    used.update(_CONCEPT.findall(str(c).replace("|", " ").replace("+", " ").replace(" - ", " ")))
                claims += sum(len(v) for v in (con.get("why") or {}).values())
                # the examples are lint fixtures (each must trigger its misconception), not
                # rubric the grader reads: counted apart
                examples += sum(len(v) for v in (con.get("example") or {}).values())
    lex = _lexicon(rev)
    share = sum(len(f) for cid in used if cid in lex for fs in lex[cid].values() for f in fs)
    whole = sum(len(f) for c in lex.values() for fs in c.values() for f in fs)
    return {"questions": len(files), "regex": regex, "claims": claims, "examples": examples,
            "lexicon_share": share,
            "concepts_used": len(used & set(lex)), "lexicon_total": whole}


if __name__ == "__main__":
    rev = sys.argv[1] if len(sys.argv) > 1 else None
    m = measure(rev)
    print(f"{rev or 'working tree'}: {m['questions']} questions · regex rubric (match, reject, why) "
          f"{m['regex']:,} chars · claims, contradictions and why {m['claims']:,} chars "
          f"(+ misconception examples {m['examples']:,}) · lexicon forms of the "
          f"{m['concepts_used']} concepts they use {m['lexicon_share']:,} chars · claims + that "
          f"lexicon share {m['claims'] + m['lexicon_share']:,} chars "
          f"(whole lexicon, all questions: {m['lexicon_total']:,})")
