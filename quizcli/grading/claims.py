r"""Claims: what a key point says, as concepts that must occur together in one clause.

    "gradient + vanish + layer|deep|sigmoid"      three slots, each met by a different occurrence
    "sigmoid|output + !zero-centred"             `!`: the concept must occur negated
    "once-zero + ~stop"                          `~`: negated or not (never … 않: 다시는 활성화되지 않)
    "output + dense|!zero"                       polarity is per alternative
    "variance + two-over-fan-in - standard-deviation"   ` - c`: void if c occurs in the clause

How an answer is read (`analyse`), so authors can predict it:
1. Lines, then sentences (. ? ! ; — not the dot inside 0.25, not a ; inside brackets), then clauses at contrast markers
   (but, however, whereas, although, while (not "while training"), 하지만, 그러나, 반면, -지만 …)
   and before a new topic after -고/-며 ("정밀도는 …이고 재현율은 …"), and at a comma splice
   (", it doesn't …", ", this is …"; not after an if/when clause). A claim holds within one
   clause.
2. Concept occurrences come from the lexicon (lexicon.py): longest form first, non-overlapping.
3. Negation. English `not`, `n't`, `never`, `no`, `non-`, `without`, `cannot`, `nor`, `rarely`,
   "failed/unable/struggled to" … negate the next occurrence within four words ("not only" does
   not); so does "prevents/keeps/stops … from" before an end state ("preventing it from reaching
   zero", not "prevents co-adaptation"); "X does not happen / is not the issue / has nothing
   to do with it / is ruled out" negates X.
   Korean 않/없/아니/못/말 within the two words after an occurrence negate the nearest
   occurrence before them (사라지지 않는다, 소실이 없다, 0이 아니다); the words 안/못 negate
   the next occurrence, or, when the verb after them is no concept, the noun before them
   (초기화는 신경 안 써도); not 거의 안, 0.25밖에 안, nor "not only" (A뿐만 아니라 B).
4. Lists. Three or more groups of occurrences separated only by commas, and/or, `/`, 와/과/및/
   랑/하고/그리고 are a keyword list: its occurrences state nothing and cannot make a claim,
   unless a predicate introduces them ("decomposes into A, B and C", "split into three parts:",
   "turns each token into a query, a key and a value", "오차는 편향 제곱, 분산, 노이즈의 합이다")
   or a modal verb puts them forward ("you can resample, oversampling A or undersampling B").
   So are three or more short verbless noun phrases separated by commas ("vanishing gradient
   problem, sparse activations, computational efficiency"). Items that all name the same
   concept are the parts of one thing, not a list ("W_Q, W_K, W_V learned in training").
5. Reported speech. A clause followed by "but actually / in fact / 사실은 / 실제로는" (also when
   the next sentence opens by denying it: "But actually that's not true", "하지만 실제로는
   그렇지 않고"), or framed as
   a misconception, a myth, "people say", 오해, 흔히 … 라고 하지만, "…인 줄 알았지만", or hedged ("not sure", "no
   idea", "I doubt"), is not the candidate's claim.
6. Rival subjects. The lexicon may name concepts that compete as subjects (`contrast:`, e.g.
   l1/l2, precision/recall, sigmoid/tanh). When a clause names a claim's subject and one of its
   rivals, each other concept the claim uses belongs to the nearest of them before it: "L2 is a
   Laplace prior and L1 a Gaussian one" does not state "l1 + laplace". A rival after a
   comparison word (unlike, than, compared to, instead of, 와 달리, 보다, 대신, 에 비해) owns
   nothing ("Unlike sigmoid, tanh is zero-centred").
7. Reference back. A clause that starts with a pronoun or a consequence marker (it, this,
   they, so, therefore, while, 이는, 그래서, 이 때문에, 이 과정에서, 이를, 결국 …) may take one slot of a claim from the
   clause before it; never two, never for a misconception, never when the clause names a rival
   of that slot's concept (6). After -지만, a clause without its own subject ("L2는 작게
   만들지만 0으로 만들진 않는다") may take the first concept of the clause before (its subject),
   not the predicate it contrasts with. A line under a heading (a short line without a
   predicate that ends with a colon, or is numbered or a Markdown heading, or asks what a thing
   is: "RMSProp :", "2. L1 Regularization (Lasso)", "L2 정칙화란?") may take one slot from the
   heading in the same way (a -지만 line that names nothing passes on what it took), and so
   may the bullet lines under a longer line that they complete, ending with a preposition,
   "as follows" or "works" and a colon ("BN normalises each input by:" / "- the mean of the
   mini-batch"; not "what I remember about L1:"). A bullet line that only names one term,
   maybe with its other name in brackets ("- Max Pooling", "- GAP (Global Average Pooling)"),
   heads the bullet lines after it that end like a Korean statement ("- 각 창의 최댓값을
   꺼내는 방법이다."): notes flattened from a nested list; a list of bare-term bullets states
   nothing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Mapping

from .lexicon import Lexicon, Occurrence, to_match_text

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_SLOTS = 6


class ClaimSyntaxError(ValueError):
    """A claim string that does not parse; the message says what is wrong."""


@dataclass(frozen=True)
class Slot:
    """One slot of a claim: alternatives, each with a polarity: '+' (not negated), '!' (negated)
    or '~' (either)."""

    alts: tuple[tuple[str, str], ...]

    @property
    def concepts(self) -> tuple[str, ...]:
        return tuple(c for c, _ in self.alts)


@dataclass(frozen=True)
class Claim:
    text: str
    slots: tuple[Slot, ...]
    excluded: tuple[str, ...] = ()

    @property
    def concepts(self) -> frozenset[str]:
        return frozenset(c for s in self.slots for c in s.concepts) | frozenset(self.excluded)


def parse_claim(text: object) -> Claim:
    """Parse 'a|b + !c - d'. ClaimSyntaxError says what is wrong.

    >>> parse_claim("gradient + vanish|shrink - relu").slots[1].concepts
    ('vanish', 'shrink')
    """
    if not isinstance(text, str) or not text.strip():
        raise ClaimSyntaxError("a claim is text such as 'gradient + vanish'")
    body, *excluded = [p.strip() for p in re.split(r"\s+-\s+", text.strip())]
    slots = []
    for raw in body.split("+"):
        alts = []
        for n in raw.split("|"):
            n = n.strip()
            polarity = n[0] if n[:1] in ("!", "~") else "+"
            name = n[1:].strip() if polarity != "+" else n
            if not _SLUG.fullmatch(name):
                raise ClaimSyntaxError(
                    f"{n!r} is not a concept id (slugs joined by ' + ', alternatives by '|', "
                    f"'!' negated, '~' either polarity, ' - ' excludes): {text!r}")
            alts.append((name, polarity))
        slots.append(Slot(tuple(alts)))
    if len(slots) > MAX_SLOTS:
        raise ClaimSyntaxError(f"a claim has at most {MAX_SLOTS} slots: {text!r}")
    ex = []
    for part in excluded:
        for n in part.split("|"):
            n = n.strip()
            if not _SLUG.fullmatch(n):
                raise ClaimSyntaxError(f"{n!r} after ' - ' is not a concept id: {text!r}")
            ex.append(n)
    return Claim(text.strip(), tuple(slots), tuple(ex))


# --------------------------------------------------------------------------- reading an answer

def _n(text: str) -> str:
    return to_match_text(text)


# a sentence ends at . ? ! ; and their full-width forms, not after an abbreviation that
# continues it ("i.e. standard deviation …", "e.g.", "et al.", "vs.", "cf.")
_SENTENCE_END = re.compile(r"(?<!\bw\.r\.t\.)(?<!\bi\.e\.)(?<!\be\.g\.)(?<!\bal\.)(?<!\bvs\.)(?<!\bcf\.)"
                           r"(?<=[.!?;。！？])[*_\"'”’)\]]*\s+")
_CONTRAST = re.compile(_n(
    r"(?:,\s*|\s)(?=(?:but|however|whereas|although|though|yet|nevertheless|하지만|그러나|그렇지만"
    r"|반면|반대로|그런데|근데|다만|그래도)(?:[\s,]|$))"
    r"|,\s*(?=while\s)|\s(?=while\s(?![a-z]+ing(?![a-z]))(?!(?:we|you|it|they|i|the model)\s))"
    r"|(?<=[\u1100-\u11ff]지만),?\s+"))
# a comma splice: a subject pronoun and its verb after a comma start a clause of their own
# ("subtract the max, it doesn't change the result") that may refer back (7); not after a
# subordinate clause ("if a unit only gets negative inputs, it will output 0")
_SPLICE = re.compile(
    r",\s*(?=(?:it|this|they)\s+(?:is|are|was|were|does|do|did|doesn['’]t|don['’]t|didn['’]t|isn['’]t"
    r"|aren['’]t|can|can['’]t|cannot|makes?|keeps?|just|also|only|still)(?:\s|$))")
_SUBORDINATE = re.compile(r"^(?:if|when|whenever|once|as|since|because|although|though|unless|after|before"
                          r"|while|until|whether|even if|even though)(?![a-z])")
_CONJUNCTION_ONLY = re.compile(_n(r"(?:하지만|그렇지만)[\s,]*"))
# a new topic after a predicate joined by -고/-며: "정밀도는 … 비율이고 재현율은 …", "L2는 … 주고,
# L1은 …": each half states its own subject, so a claim must not pair one half's noun with the
# other half's predicate
_TOPIC_SWITCH = re.compile(_n(
    r"(?<=고|며)(?:,\s*|\s+)(?=(?:[^\s,]{1,15}\s)?[^\s,]{1,15}"
    + "".join(f"(?<!{v})" for v in "있없하되다지보주오가나라리르") + r"(?:은|는)\s)"))
_BUT = r"(?:but|however|yet|하지만|그러나|그런데|근데|그렇지만)"
_IN_FACT = r"(?:actually|in fact|in reality|사실|실제로|실제|오히려)"
_ACTUALLY = re.compile(_n(rf"^{_BUT}?[\s,]*{_IN_FACT}"))
# a sentence that corrects the one before it ("But actually that's not true", "하지만 실제로는
# 그렇지 않고")
_CORRECTION = re.compile(_n(rf"^{_BUT}[\s,]+{_IN_FACT}\S*[\s,]*"
                            r"(?:that['’]?s|that is|it['’]?s|it is|this is|이는|그건|그것은)?\s*"
                            r"(?:not\b|wrong|false|the opposite|그렇지 않|아니|틀렸|틀린|반대)"))
_REPORTED = re.compile(_n(
    r"misconception|(?<![a-z])myths?(?![a-z])|common mistake|it is a mistake|wrong to (?:say|think)"
    r"|people (?:say|think|believe)|some (?:say|claim)|is often (?:said|claimed)|wrong answer"
    r"|오해|잘못 알려|착각(?!하면 안|하지 말|하지 않)|흔한 오답|대표적인 오답|오답은 "
    # a denial of what the clause says: "…라는 건 틀린 말이에요", "…다는 말은 사실이 아니에요"
    r"|틀린 말|틀린 생각|잘못된 말|잘못된 생각|잘못 알고|사실이 아니|사실과 다르"
    r"|흔히들|라고들|다고들"
    # a belief since dropped: "…를 줄여서 좋아진 줄 알았지만", "that was thought to …"
    r"|[\u11ab\u11af] ?줄 알았|것으로 여겨졌|로 알려져 있었|(?:was|were) (?:once )?(?:thought|believed) to"
    # a hedge the candidate puts on the clause: "I'm not sure dropout zeroes units at random"
    r"|not (?:really )?sure|not certain|no idea|i doubt|(?:don't|do not|dont) know (?:if|whether)"))
_SEPARATOR = re.compile(_n(
    r"\s*(?:,|/|&|·|and|or|및|그리고|또는|혹은|plus)?\s*(?:,|/|&|and|or)?\s*(?:the|a|an)?\s*"))
# after a list's last item: the list is the object of a decomposition ("…의 합", "…으로 나뉜다")
_KO_LIST_OBJECT = re.compile(_n(
    r"\S{0,3}?\s?(?:의\s?)?(?:합(?:이|입|으로|과|을|$|\s)|합계|세 가지|세가지|(?:으로|로)\s?(?:분해|나뉘|나눌|나뉩|구성|이루어))"))
_JIMAN = _n("지만")
# a clause that opens with its own subject or topic ("L1은 …", "기울기가 …")
_KO_OWN_SUBJECT = re.compile(_n(r"(?:[^\s,]{1,15}\s)?[^\s,]{1,15}(?:은|는|이|가)\s"))
_COORD_PARTICLE = re.compile(_n(r"(?:와|과|랑|이랑|하고|이나|나|,|/)$"))
# the rest of a noun, not a predicate: 희소|성, 정규|화, 학습|률 ("희소성, dying relu, He 초기화")
_NOMINAL_REST = re.compile(_n(r"(?:성|화|들|률|율|값|법)(?:과|와|이나|나)?"))
_LATIN_REST = re.compile(r"[a-z0-9'’]*")
_WORD_REST = re.compile(r"[^\s,/;:]*")
_EN_NEG = re.compile(
    r"(?<![a-z])(?:not|never|no|non(?=-)|without|cannot|can't|cant|nor|neither|none|nothing|hardly|barely|rarely|seldom|"
    r"lack(?:s|ing)?|fails? to|failed to|unable to|struggl(?:e|es|ed|ing) to|free of|[a-z]+n['’]t|dont|doesnt|isnt|wont|arent|didnt|wasnt"
    # an end state kept out of reach: "preventing it from reaching zero", "keeps them from
    # becoming exactly 0" (not "prevents units from co-adapting": that one is the claim itself)
    r"|(?:prevent(?:s|ing|ed)?|keeps?|keeping|kept|stops?|stopping|stopped)(?:\s+[a-z'’]+){0,3}?"
    r"\s+from(?=\s+(?:ever\s+)?(?:reach|becom|hitt?|getting to|going to|get to|go to)))(?![a-z])")
_EN_POST_NEG = re.compile(
    r"^\s*(?:do|does|did|will|would|can|could|should)?\s*(?:n['’]t|not|never)\s*(?:really\s*)?"
    r"(?:happen|occur|exist|arise|appear|show up|matter)|^\s*(?:is|are|was|were)(?:n['’]t| not)"
    r"\s*(?:a problem|an issue|present|there|needed|necessary|required|the (?:issue|problem|cause|culprit|reason)"
    r"|to blame|responsible|at fault)|^\s*(?:never|rarely|no longer)\s*(?:happen|occur|arise)"
    r"|^\s*(?:has|had|have)\s+nothing to do with|^\s*(?:is|are|was|were|can be)\s+ruled out")
_EN_NOT_NEG = re.compile(r"^\s*(?:only|just|merely|to mention)(?![a-z])|^\s*matter(?![a-z])"
                         r"|^\s*(?:really\s*)?(?:happen|occur|exist|arise|appear|show up)")
# 문제없다 (fine), 틀림없다 (surely), 끊임없이 (constantly) negate nothing; nor does "not only"
# (A뿐만 아니라 B도, A만 아니라)
_KO_POST_NEG = re.compile(_n(r"않|(?<!문제)(?<!문제 )(?<!틀림)(?<!끊임)(?<!빠짐)없"
                             r"|(?<!뿐만 )(?<!뿐 )(?<!뿐만)(?<!만 )아니(?!고서는)|아닌|아닙|(?<!잘)못|말고|마세|마라|마십"))
_KO_NEW_NOUN = re.compile(_n(r"..(?:가|이|은|는|을|를)$|때문"))
# …but not a verb's -지는/-기는 form or a dependent noun the negation is about: "없애 주지는
# 않는다", "당기는 효과는 없다", "그런 건 아니다", "L1과는 상관이 없다"
_KO_NOT_NEW_NOUN = re.compile(_n(r"(?:지는|지도|지가|기는|기도|기가|게는|^건|^것은|^것이|^게|^수는|^수가"
                                 r"|^필요는|^필요가|^효과는|^효과가|^적은|^적이|^일은|^일이"
                                 # "희소성은 L1과 별 상관이 없다": unrelated, said of the pair
                                 r"|^상관이|^상관은|^상관도|^관계가|^관계는|^관계도|^관련이|^관련은|^관련도)$"))
# what introduces a list as the object of a claim (English; _mark_lists)
_ENUMERATION = re.compile(
    r"(?:decompos\w*|splits?|broken|breaks?(?: down)?|divided|consists?|comprises?|made up"
    r"|composed|sum|(?:three|two|four|3|2|4) (?:parts|terms|components|pieces))"
    r"(?: (?:into|of|as|up into))?(?: (?:three|two|four|3|2|4) (?:parts|terms|components|pieces))?"
    r"\s*[:=]?\s*(?:the\s*)?$"
    r"|(?<![a-z])(?:into|to produce|to get)\s*(?:the|a|an)?\s*$")
_MODAL = re.compile(r"(?:(?<![a-z])(?:can|could|should|must|would|need to|have to)|['’]d)(?![a-z])"
                    r"(?! (?:say|mention|list|guess|think|name)(?![a-z]))")
_CONNECTIVE = re.compile(_n(r"(?:서|니까|므로|고|며|면|는데|때문\S*)(?:\s|,|$)|(?<![a-z])(?:so|because|since|which|and|thus|therefore|but)(?![a-z])|[,;:]"))
_SU = {_n("수"), _n("수가"), _n("수는"), _n("수도")}
_KO_PRE_NEG = re.compile(_n(r"(?<![\u1100-\u11ff])(?:안|못)\s$"))
_NEG_WORDS_EN = 4
# a new subject or a conjunction ends an English negator's reach: "if a layer isn't useful it
# can just learn zero" does not negate "learn"
_NEG_STOP = re.compile(r"(?<![a-z])(?:it|they|we|you|he|she|which|that|so|then|and|because)(?![a-z])")
_BULLET = re.compile(r"^\s*(?:[-*•·▪]|\d{1,2}[.)])\s+")
_KO_NEG_ADVERBS = {_n("안"), _n("못")}
_KO_NOT_NEG_BEFORE = re.compile(_n(r"(?:^(?:거의|잘|별로)|밖에)$"))
# 안/못 as the last word before the next occurrence: it negates that occurrence, not this one
_KO_NEG_ADVERB_BEFORE_NEXT = re.compile(_n(r"(?:^|\s)(?:안|못)\s*$"))
# a clause that refers back to the one before it: a pronoun or a consequence marker first
_ANAPHOR = re.compile(_n(
    r"^(?:and\s+|so\s+|thus\s+|hence\s+|therefore\s*,?\s+|as a result\s*,?\s+)?"
    r"(?:it|this|that|they|these|those|which|its|their|doing so|so|thus|hence|therefore"
    r"|as a result|consequently|while)(?![a-z])"
    r"|^(?:이는|이것은|이것이|이게|이건|그것은|그것이|그건|이로 인해|이로써|이 때문에|이때문에|그 때문에"
    r"|그래서|따라서|그러므로|그러면|결과적으로|즉|이렇게|그렇게|이러한|이런|그러한|그런"
    # demonstratives that pick up the clause before ("이 과정에서 chain rule이 쓰인다",
    # "이를 위해", "결국 …")
    r"|이 과정에서|이 과정|이때|이 때|여기서|이를|그 결과|결국|그렇기 때문에|그렇기에|이처럼|이와 같이|이렇듯)(?=[\s,]|$)"))


@dataclass
class Clause:
    text: str  # NFD, normalised
    sentence: str  # the sentence it belongs to (NFC, for feedback)
    occurrences: list[Occurrence] = field(default_factory=list)
    negated: set[int] = field(default_factory=set)  # indices into occurrences
    listed: set[int] = field(default_factory=set)
    reported: bool = False
    subject_only: bool = False  # may borrow only the antecedent's first occurrence
    # the clause before it, when this one refers back to it ("It …", "This makes …", "그래서 …",
    # "이는 …"): a claim may take one slot from there (find_claim)
    antecedent: "Clause | None" = field(default=None, repr=False, compare=False)
    _index: dict | None = field(default=None, repr=False, compare=False)
    _compared: list[bool] | None = field(default=None, repr=False, compare=False)

    def compared(self) -> list[bool]:
        """Per occurrence: is it the thing compared with ("unlike sigmoid", "sigmoid와 달리";
        coordinated occurrences share it: "than sigmoid and tanh")? Built once, for the rival
        subject rule."""
        if self._compared is None:
            self._compared = _compared_all(self)
        return self._compared

    def by_concept(self) -> dict[str, tuple[list[int], list[int]]]:
        """concept -> (plain, negated) usable occurrence indices, in order; built once, after
        negation and lists are marked (analyse), so each claim looks up its slots directly."""
        if self._index is None:
            index: dict[str, tuple[list[int], list[int]]] = {}
            for i, o in enumerate(self.occurrences):
                if i in self.listed:
                    continue
                for concept in o.concepts:
                    index.setdefault(concept, ([], []))[i in self.negated].append(i)
            self._index = index
        return self._index


def split_sentences(normalised_lines: list[str]) -> list[str]:
    out = []
    for line in normalised_lines:
        carry = ""
        for s in _SENTENCE_END.split(line):
            s = (carry + " " + s.strip()).strip() if carry else s.strip()
            carry = ""
            if s.endswith(";") and s.count("(") > s.count(")"):
                carry = s  # a semicolon inside brackets ("f(x; W) + x") ends no sentence
                continue
            if s:
                out.append(s)
        if carry:
            out.append(carry)
    return out


def split_clauses(sentence_nfd: str) -> list[str]:
    parts, last = [], 0
    for m in _CONTRAST.finditer(sentence_nfd):
        if m.start() > last:
            parts.append(sentence_nfd[last:m.start()])
        last = m.end()
    parts.append(sentence_nfd[last:])
    parts = [q for p in parts for q in _TOPIC_SWITCH.split(p)]
    parts = [q for p in parts
             for q in ([p] if _SUBORDINATE.match(p.strip(" ,")) else _SPLICE.split(p))]
    out: list[str] = []
    carry = ""
    for p in parts:
        p = p.strip(" ,")
        if not p:
            continue
        if _CONJUNCTION_ONLY.fullmatch(p):
            carry = p + " "
            continue
        out.append(carry + p)
        carry = ""
    return out


def _mark_negation(clause: Clause) -> None:
    text, occ = clause.text, clause.occurrences
    if not occ:
        return
    import bisect

    starts = [o.start for o in occ]

    def inside(pos: int) -> bool:
        k = bisect.bisect_right(starts, pos) - 1
        return k >= 0 and occ[k].start <= pos < occ[k].end

    # English: a negator negates the next occurrence within four words
    for m in _EN_NEG.finditer(text):
        if inside(m.start()) or _EN_NOT_NEG.match(text[m.end():m.end() + 24]):
            continue
        for i, o in enumerate(occ):
            if o.start >= m.end():
                between = text[m.end():o.start]
                if (len(between.split()) <= _NEG_WORDS_EN and not re.search(r"[,;:]", between)
                        and not _NEG_STOP.search(between)):
                    clause.negated.add(i)
                break
    # English: "X does not happen / never occurs / is not a problem" negates X
    for i, o in enumerate(occ):
        rest = _LATIN_REST.match(text, o.end).end()
        if text.startswith("()", rest):  # "model.eval() doesn't matter"
            rest += 2
        if _EN_POST_NEG.match(text[rest:rest + 40]):
            # the whole noun phrase before it: "vanishing gradients do not happen"
            j = i
            clause.negated.add(j)
            while j > 0 and not text[_LATIN_REST.match(text, occ[j - 1].end).end():occ[j].start].strip():
                j -= 1
                clause.negated.add(j)
    # Korean: 않/없/아니/못 after an occurrence (its word and the next three) negate it
    for i, o in enumerate(occ):
        nxt = occ[i + 1].start if i + 1 < len(occ) else len(text)
        words = text[o.end:nxt].split(" ")
        # the rest of its word and up to three more, stopping at a new subject or object
        # ("미분 가능하기 때문에 문제가 없다": 없 negates 문제, not 미분 가능)
        window = []
        for k, word in enumerate(words[:4]):
            # ("무시할 수 없는": 없는 ends like a subject but is the negation itself)
            # ("잡을 수 없다": -을 before 수 is a verb's ending, not an object)
            if (k and _KO_NEW_NOUN.search(word) and not _KO_POST_NEG.match(word)
                    and not (k + 1 < len(words) and words[k + 1] in _SU)
                    and not _KO_NOT_NEW_NOUN.search(word)):
                break
            window.append(word)
        m = _KO_POST_NEG.search(" ".join(window))
        if m and not inside(o.end + m.start()):
            clause.negated.add(i)
        elif i + 1 == len(occ) or not _KO_NEG_ADVERB_BEFORE_NEXT.search(text[o.end:nxt]):
            # "체크는 안 해도 된다": a bare 안/못 before a verb that is not itself a concept
            # (안 사라진다 negates 사라지, below, not the noun before it)
            # not 거의 안 (barely), 잘 안 (seldom), 0.25밖에 안 (only)
            if any(w in _KO_NEG_ADVERBS and not _KO_NOT_NEG_BEFORE.search(window[k - 1])
                   for k, w in enumerate(window) if k):
                clause.negated.add(i)
        before = text[max(0, o.start - 12):o.start]
        if _KO_PRE_NEG.search(before):
            clause.negated.add(i)


def _mark_lists(clause: Clause) -> None:
    text, occ = clause.text, clause.occurrences
    if len(occ) < 3:
        return
    # group adjacent occurrences into items ("vanishing gradients" is one item); between items,
    # the gap is the rest of the word (a Korean particle, an English plural) and what follows
    items: list[list[int]] = [[0]]
    separated: list[bool] = []
    for i in range(1, len(occ)):
        prev_end = occ[i - 1].end
        latin = _LATIN_REST.match(text, prev_end).end()
        if not text[latin:occ[i].start].strip() or re.fullmatch(r"\s*(?:the|a|an|of)?\s*",
                                                                text[latin:occ[i].start]):
            if latin == prev_end or text[prev_end:latin].isascii():
                items[-1].append(i)
                continue
        word_end = _WORD_REST.match(text, prev_end).end()
        rest, gap = text[prev_end:word_end], text[word_end:occ[i].start]
        rest = rest[len(_LATIN_REST.match(rest).group(0)):]
        items.append([i])
        separated.append((not rest or bool(_COORD_PARTICLE.search(rest))
                          or bool(_NOMINAL_REST.fullmatch(rest)))
                         and _SEPARATOR.fullmatch(gap) is not None)
    # a list followed by more concepts in its clause is a subject ("PyTorch, TensorFlow and
    # JAX all use 0"), not a bare list of keywords
    runs, run = [], [0]
    for k, sep in enumerate(separated):
        if sep:
            run.append(k + 1)
        else:
            runs.append(run)
            run = [k + 1]
    runs.append(run)
    for run in runs:
        if len(run) >= 3 and run[-1] == len(items) - 1:
            # a list that a predicate introduces is the sentence's object, not bare keywords:
            # "the error decomposes into bias², variance and noise", "split into three parts: …",
            # "오차는 편향 제곱, 분산, 노이즈의 합이다"; and so is one a modal verb puts forward
            # ("you can also resample, oversampling the minority or undersampling the
            # majority"), but not "I'd say A, B, C"
            if _introduced(text, occ[items[run[0]][0]].start, occ[items[run[-1]][-1]].end):
                continue
            # the parts of one thing are no keyword list: "(W_Q, W_K, W_V learned in training)"
            if len({occ[items[it][0]].concepts for it in run}) == 1:
                continue
            for it in run:
                clause.listed.update(items[it])


def _introduced(text: str, start: int, end: int) -> bool:
    """Is the list text[start:end] the object of a predicate or put forward by a modal?"""
    return bool(_ENUMERATION.search(text[max(0, start - 60):start]) or _MODAL.search(text[:start])
                or _KO_LIST_OBJECT.match(text, end))


# a keyword list whose items are short noun phrases with words the question's concepts do not
# cover ("vanishing gradient problem, sparse activations, computational efficiency"; "기울기 소실
# 해결, 희소한 활성화, 빠른 계산 속도"): no item has a verb
_ITEM_SPLIT = re.compile(_n(r"\s*(?:[,;·]|(?<=[^\W\d_]{3})/(?=[^\W\d_]{3})|\s(?:and|or|및|그리고|또는)\s)\s*(?:and\s|or\s)?"))
_EN_VERB = re.compile(
    r"(?<![a-z])(?:is|are|was|were|be|been|being|has|have|had|can|could|will|would|should|may|"
    r"might|must|does|do|did|doesn't|don't|isn't|aren't|makes?|made|gives?|gave|causes?|caused|"
    r"leads?|led|helps?|means?|prevents?|avoids?|keeps?|reduces?|becomes?|became|gets?|got|stays?|"
    r"saturates?|vanishes|dies|die|died|outputs|returns?|allows?|lets|solves?|solved|fixes|fixed|"
    r"mitigates?|passes|flows?|shrinks?|explodes?|converges?|kills?|uses?|used|works?|happens?|"
    r"requires?|needs?|produces?|increases?|decreases?|improves?|stops?|learns?|scales?|adds?|"
    r"takes?|turns?|sets?|zeroes|goes|go|went|comes?|tends?|depends?|affects?|changes?|"
    # words that open a clause, not a noun phrase
    r"when|that|which|because|if|so|this|it|they|we|you|there|then|while|whereas|since)(?![a-z])")
# a Korean item ends in a noun: not in a predicate ending (…다, …고, …서, …음/함/됨) nor a case
# particle that ties it into a sentence (…이/가/을/를/은/는/에/로)
_KO_PREDICATE_END = re.compile(_n(
    r"(?:다|요|고|며|서|니|면|지|게|음|함|됨|임|데|까|므로|어|아|여|해|죠|도록|려고|이|가|을|를|은|는|에|로|의)$"))
_NOT_AN_ITEM = re.compile(r"[=≈→<>≤≥∼√]")
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_ITEM_WORDS = 4


def _mark_phrase_lists(clause: Clause) -> None:
    text, occ = clause.text, clause.occurrences
    if len(occ) < 2:
        return
    start = text.rfind(":") + 1
    # separators inside brackets do not separate items: "n(0, 2/n_in)"
    flat = _BRACKETED.sub(lambda m: " " * len(m.group(0)), text)
    if not _ITEM_SPLIT.search(flat, start):
        return
    spans, last = [], start
    for m in _ITEM_SPLIT.finditer(flat, start):
        spans.append((last, m.start()))
        last = m.end()
    spans.append((last, len(text.rstrip(" .!?。"))))
    spans = [(a, b) for a, b in spans if text[a:b].strip()]
    # three or more items need at least two punctuation separators ("A, B and C"; "A or B over
    # C and D" is a sentence); two items are a list only when each is a bare name (one concept
    # at most): "XOR, 보편 근사 정리." but not "training error low, validation error high"
    pair = len(spans) == 2 and len(re.findall(r"[,;·]", flat[start:])) == 1
    if not pair and (len(spans) < 3 or len(re.findall(r"[,;·]", flat[start:])) < 2):
        return
    items = []
    for a, b in spans:
        seg = text[a:b].strip(" .!?\"'()")
        words = seg.split()
        inside = [i for i, o in enumerate(occ) if a <= o.start and o.end <= b]
        hangul = any("\u1100" <= ch <= "\u11ff" for ch in seg)
        if (not words or len(words) > _ITEM_WORDS or _EN_VERB.search(seg) or _NOT_AN_ITEM.search(seg)
                or (hangul and _KO_PREDICATE_END.search(words[-1]))):
            return
        items.append(inside)
    # every item of a pair names a concept, at least three of a longer list do ("lr 0.001" and
    # "AdamW" may be items too); and "split into three parts: …" introduces its list
    named = sum(1 for inside in items if inside)
    if (named < 2 if pair else named < 3) or (pair and any(len(i) > 1 for i in items)):
        return
    first = min(i for inside in items for i in inside)
    last = max(i for inside in items for i in inside)
    if _introduced(text, occ[first].start if not start else start, occ[last].end):
        return
    for inside in items:
        clause.listed.update(inside)


def analyse(answer_lines: list[str], lexicon: Lexicon, concepts=None) -> list[Clause]:
    """The answer's clauses with their concept occurrences, negation, lists and reported
    speech marked. `answer_lines`: the answer's lines, each already normalised."""
    clauses: list[Clause] = []
    previous: Clause | None = None
    heading: Clause | None = None
    intro: Clause | None = None  # a line ending with a colon, while bullet lines follow it
    in_bullets = False
    term_heading = False  # the heading is a bullet that only names a term ("- Max Pooling")
    bullet_line = False
    for sentence, mark in _sentences_by_line(answer_lines):
        nfd = _n(sentence)
        is_heading = mark is not None and _is_heading(sentence, mark)
        if mark is not None:
            bullet_line = bool(_BULLET.match(sentence))
            in_bullets = intro is not None and bullet_line
            if not in_bullets:
                intro = None
        parts = split_clauses(nfd)
        new = [Clause(p, sentence) for p in parts]
        for c in new:
            c.occurrences = lexicon.occurrences(c.text, concepts)
        is_term = False
        if mark == "" and bullet_line and not is_heading and len(new) == 1:
            is_term = _is_term_bullet(new[0])
            is_heading = is_term
        if new and previous is not None and _CORRECTION.match(new[0].text):
            # "…라고 이해했습니다. 하지만 실제로는 …": the sentence before is what the new one
            # corrects, not the candidate's claim
            previous.reported = True
        for k, c in enumerate(new):
            if _REPORTED.search(c.text):
                c.reported = True
            if k + 1 < len(new) and _ACTUALLY.match(new[k + 1].text):
                c.reported = True
            _mark_negation(c)
            _mark_lists(c)
            # also when part of the clause is a list already: "ReLU, He 초기화, 배치 정규화,
            # residual, LSTM." has a plain run (정규화, residual, LSTM) that leaves the first
            # items out; read as phrases, the whole line is one keyword list
            _mark_phrase_lists(c)
            if previous is not None and not previous.reported and _ANAPHOR.match(_BULLET.sub("", c.text)):
                c.antecedent = previous
            elif (k and not new[k - 1].reported and new[k - 1].text.rstrip(" ,").endswith(_JIMAN)
                  and not _KO_OWN_SUBJECT.match(c.text)):
                # "L2는 0에 가깝게 만들지만 | 0으로 만들진 않는다": the subject goes on, so the
                # clause may take the first concept of the one before (its subject), never the
                # predicate it contrasts with ("ReLU는 포화를 없애지만 …" lends ReLU, not 포화)
                # a "-지만" clause that names nothing itself ("- 특징: 0에 가깝게 만들지만")
                # passes on what it took from its heading
                c.antecedent = (previous.antecedent if not previous.occurrences
                                and previous.antecedent is not None else previous)
                c.subject_only = True
            elif heading is not None and not is_heading and (not term_heading or (
                    bullet_line and _KO_PREDICATE_END.search(c.text.rstrip(" .")))):
                # a line under a heading ("Adagrad:", "2. L1 Regularization (Lasso)") is about
                # it: "- 중요하지 않은 가중치를 정확히 0으로 만든다" may take the heading's subject
                c.antecedent = heading
            elif in_bullets and not intro.reported:
                # a bullet under a line that introduces it with a colon ("BN normalises each
                # layer's input as follows:" / "- the mean of the mini-batch") is about that line
                c.antecedent = intro
            previous = c
        if not is_heading and new and _INTRO_END.search(sentence) and new[-1].occurrences:
            intro = new[-1]
        if is_heading and new and new[-1].occurrences:
            heading = new[-1]
            term_heading = is_term
        elif is_heading:
            heading = None
        clauses.extend(new)
    return clauses


_HEADING_END = re.compile(r"[:：]\s*$")
_HEADING_MARK = re.compile(r"^\s*(?:#{1,6}\s|\*\*|\(?[a-z0-9]\)\s)")
_HEADING_WORDS = 6
# a longer line that its bullets complete: it ends on a preposition or "as follows"/"works"
# before the colon ("normalises each input by:", "here is how it works:"), unlike "here is
# what I remember about L1:", whose bullets need not be about L1
_INTRO_END = re.compile(r"(?<![a-z])(?:where|by|using|with|via|through|from|of|into|to|is|are|as follows"
                        r"|follows|includes?|including|such as|namely|works?|steps?)\s*[:：]\s*$")
# a line that asks what a thing is names what the lines under it are about ("L2 정칙화란?",
# "Dropout이란 무엇인가?", "What is L2 regularization?")
_QUESTION_HEADING = re.compile(_n(r"(?:^|[^\s])(?:이란|란)(?:\s?무엇인가(?:요)?|\s?뭔가요|\s?뭘까)?\?$"
                                  r"|(?:은|는)\s?(?:무엇인가(?:요)?|뭔가요|뭘까)\?$|^what\s(?:is|are)\s.{1,60}\?$"))


_ENUMERATOR = re.compile(r"^\s*\d{1,2}[.)]\s+(?=\S)")


def _sentences_by_line(lines: list[str]):
    """(sentence, how it opens its line: None inside a line, "" at the start, "1." when the
    line is numbered) in order; a line's number is not a sentence of its own."""
    for line in lines:
        m = _ENUMERATOR.match(line)
        mark = m.group(0).strip() if m else ""
        first = True
        for s in split_sentences([line[m.end():] if m else line]):
            yield s, (mark if first else None)
            first = False


def _is_term_bullet(clause: Clause) -> bool:
    """A bullet line that only names one term, maybe with its other name in brackets ("- Max
    Pooling", "- GAP (Global Average Pooling)", "- 업데이트 게이트 (z)"): in notes flattened
    from a nested list, the bullet lines after it describe that term. Korean lines under it that
    end like a statement may take one slot from it (analyse), as under any heading."""
    occ = clause.occurrences
    text = _BULLET.sub("", clause.text).strip()
    if not occ or len(text.split()) > 4 or re.search(r"[.!?。:：]$", text):
        return False
    if len({frozenset(o.concepts) for o in occ}) != 1:
        return False
    rest = list(clause.text)
    for o in occ:
        rest[o.start:o.end] = [" "] * (o.end - o.start)
    rest = _BRACKETED.sub(" ", _BULLET.sub("", "".join(rest)))
    return len(re.sub(r"[\s*_`()\[\]]", "", rest)) <= 4


def _is_heading(sentence: str, mark: str) -> bool:
    """A short line with no predicate that names what the lines under it are about: it ends
    with a colon ("RMSProp :"), or is numbered or a Markdown heading and does not end like a
    sentence ("1. L2 Regularization (Ridge)", "## Adam")."""
    s = sentence.strip()
    words = s.split()
    if not words or len(words) > _HEADING_WORDS:
        return False
    if _HEADING_END.search(s) or (mark is not None and _QUESTION_HEADING.search(_n(s))):
        return True
    return ((bool(mark) or bool(_HEADING_MARK.match(s))) and not re.search(r"[.!?。]$", s)
            and not _KO_PREDICATE_END.search(_n(s)))


@dataclass(frozen=True)
class ClaimHit:
    claim: Claim
    clause: str  # the clause text (NFC)
    sentence: str  # NFC
    phrases: tuple[str, ...]  # the occurrences that met the slots (NFC)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def find_claim(claim: Claim, clauses: list[Clause], strict: bool = False,
               rivals: Mapping[str, frozenset[str]] | None = None) -> ClaimHit | None:
    """The first clause in which `claim` holds. `strict` (for misconceptions): not when a
    negated occurrence follows the ones the claim uses (Korean puts the negation last: "수치 미분으로
    근사하지 않습니다" does not say autograd approximates). `rivals`: concept -> the concepts
    that compete with it as a subject (Lexicon.contrast)."""
    for c in clauses:
        if c.reported or not c.occurrences:
            continue
        index = c.by_concept()
        if claim.excluded and any(index.get(x, ((), ()))[0] for x in claim.excluded):
            continue
        # each slot's candidates first, from the clause's index: a clause lacking one slot is
        # skipped without trying the others' combinations
        per_slot = [_candidates(slot, index) for slot in claim.slots]
        if not all(per_slot):
            hit = None if strict else _borrow(claim, c, per_slot, rivals)
            if hit is not None:
                return hit
            continue
        ok = _binding(claim, c, rivals) if rivals else None
        chosen = _assign_from(per_slot, [], ok)
        if chosen is not None and strict and not any(k in c.negated for k in chosen):
            last = max(c.occurrences[k].end for k in chosen)
            for k in range(len(c.occurrences)):
                o = c.occurrences[k]
                if (k in c.negated and k not in chosen and o.start >= last
                        and not _CONNECTIVE.search(c.text[last:o.start])):
                    chosen = None
                    break
        if chosen is not None:
            return ClaimHit(claim, _nfc(c.text), c.sentence,
                            tuple(_nfc(c.occurrences[i].text) for i in chosen))
        if not strict and c.antecedent is not None and len(claim.slots) > 1:
            # every slot has candidates but they collide (one phrase names two of the
            # claim's concepts: "chain rule" is chain-rule and multiply): the antecedent may
            # still lend one slot ("역전파는 … 계산한다. 이 과정에서 chain rule이 쓰인다.")
            for k in range(len(per_slot)):
                hit = _borrow(claim, c, [[] if j == k else cands for j, cands in enumerate(per_slot)],
                              rivals)
                if hit is not None:
                    return hit
    return None


def _rivals_of(alts: frozenset[str], rivals: Mapping[str, frozenset[str]],
               named: frozenset[str]) -> frozenset[str]:
    """The concepts competing with a slot's alternatives, less those the claim names itself."""
    r: set[str] = set()
    for name in alts:
        r |= rivals.get(name, frozenset())
    return frozenset(r - named)


def _rival_here(slot: Slot, c: Clause, rivals) -> bool:
    alts = frozenset(slot.concepts)
    r = _rivals_of(alts, rivals, alts)
    if not r:
        return False
    compared = c.compared()
    return any(o.concepts & r and not compared[k] for k, o in enumerate(c.occurrences))


def _borrow(claim: Claim, c: Clause, per_slot: list[list[int]], rivals=None) -> ClaimHit | None:
    """A claim whose one missing slot is met in the antecedent clause ("Sigmoid saturates. This
    makes gradients vanish."): never for misconceptions, never more than one slot, and never
    from a clause with an excluded concept."""
    a = c.antecedent
    missing = [k for k, cands in enumerate(per_slot) if not cands]
    if a is None or len(missing) != 1 or len(claim.slots) < 2 or not a.occurrences:
        return None
    index = a.by_concept()
    if claim.excluded and any(index.get(x, ((), ()))[0] for x in claim.excluded):
        return None
    if rivals and _rival_here(claim.slots[missing[0]], c, rivals):
        return None  # "L1 shrinks weights, while L2 …": the clause has its own subject
    far = _candidates(claim.slots[missing[0]], index)
    if c.subject_only:
        far = [i for i in far if i == 0]
    if not far:
        return None
    rest = [cands for cands in per_slot if cands]
    chosen = _assign_from(rest, [])
    if chosen is None:
        return None
    phrases = [_nfc(a.occurrences[far[0]].text)] + [_nfc(c.occurrences[i].text) for i in chosen]
    return ClaimHit(claim, _nfc(c.text), f"{a.sentence} {c.sentence}" if a.sentence != c.sentence
                    else c.sentence, tuple(phrases))


_COMPARED_BEFORE = re.compile(_n(
    r"(?<![a-z])(?:unlike|than|compared (?:to|with)|as opposed to|instead of|rather than|vs\.?"
    r"|versus|over)(?:\s+(?:the|a|an|plain|standard|regular))?\s*$"))
_COMPARED_AFTER = re.compile(_n(
    r"^\S{0,4}?(?:와|과|랑|이랑)?\s?(?:달리|다르게|비해|비교해|보다|대신|같은|같이|처럼|만큼|마찬가지)"
    r"|^(?:을|를)(?:\s|$)"))  # an object ("LSTM을 단순화한") is no subject either


def _binding(claim: Claim, c: Clause, rivals: Mapping[str, frozenset[str]]):
    """A test for an assignment: every occurrence a claim uses belongs to the claim's subject,
    not to a rival the clause also names (docstring, 6)."""
    occ = c.occurrences
    wanted = [frozenset(s.concepts) for s in claim.slots]
    named = frozenset().union(*wanted)
    # a rival the claim names itself is no rival
    rival_of = [_rivals_of(alts, rivals, named) for alts in wanted]
    if not any(rival_of):
        return None
    compared = c.compared()
    # per slot with rivals: where the clause names the slot's subject, and where its rivals
    positions = {si: ([k for k, o in enumerate(occ) if o.concepts & wanted[si]],
                      [k for k, o in enumerate(occ)
                       if o.concepts & rival_of[si] and not o.concepts & wanted[si]
                       and k not in c.listed and not compared[k]])
                 for si in range(len(wanted)) if rival_of[si]}

    def ok(chosen: list[int]) -> bool:
        for si, i in enumerate(chosen):
            if si not in positions:
                continue
            mine, theirs = positions[si]
            ks = [k for k in theirs if k not in chosen]
            if not ks:
                continue
            for j in chosen:
                if j == i:
                    continue
                start = occ[j].start
                before = sorted((k for k in mine + ks if occ[k].end <= start),
                                key=lambda k: occ[k].start)
                # the nearest subject before j owns it; subjects joined by and/or/와/과 share
                # it ("the training and the validation loss are both high")
                n = len(before) - 1
                while n > 0 and before[n] in ks and _COORDINATED.fullmatch(
                        c.text[occ[before[n - 1]].end:occ[before[n]].start]):
                    n -= 1
                if n >= 0 and before[n] in ks and not _attached_after(c, occ, j, mine, ks):
                    return False
        return True

    return ok


_ATTACHING = re.compile(r"(?<![a-z])(?:with|for|in|of|using|under|by|from|like)\s+(?:the\s+|a\s+|an\s+)?$")


def _attached_after(c: Clause, occ, j: int, mine: list[int], ks: list[int]) -> bool:
    """The claim's subject follows j, attached by a preposition ("gradients vanish with
    sigmoid", "expensive exponentials as in sigmoid"): j is said of it."""
    after = sorted((k for k in mine + ks if occ[k].start >= occ[j].end), key=lambda k: occ[k].start)
    return bool(after) and after[0] in mine and bool(
        _ATTACHING.search(c.text[max(0, occ[after[0]].start - 16):occ[after[0]].start]))


_COORDINATED = re.compile(_n(r"\s*(?:,|and|or|&|/|와|과|및|이나|나|랑|이랑|하고)?\s*(?:,\s*)?"
                            r"(?:and\s+|or\s+)?(?:the\s+|its\s+)?"))


def _compared_all(c: Clause) -> list[bool]:
    """Clause.compared, computed."""
    occ, text = c.occurrences, c.text
    out = [_compared(text, o) for o in occ]
    joined = [bool(_COORDINATED.fullmatch(text[occ[k].end:occ[k + 1].start]))
              for k in range(len(occ) - 1)]
    for k in range(len(occ) - 2, -1, -1):
        out[k] = out[k] or (out[k + 1] and joined[k])
    for k in range(1, len(occ)):
        out[k] = out[k] or (out[k - 1] and joined[k - 1])
    return out


def _compared(text: str, o: Occurrence) -> bool:
    """The occurrence is the thing compared with ("unlike sigmoid", "sigmoid와 달리")."""
    return bool(_COMPARED_BEFORE.search(text[max(0, o.start - 24):o.start])
                or _COMPARED_AFTER.match(text[o.end:o.end + 12]))


def _candidates(slot, index) -> list[int]:
    found: set[int] = set()
    for concept, pol in slot.alts:
        plain, negated = index.get(concept, ((), ()))
        if pol != "!":
            found.update(plain)
        if pol != "+":
            found.update(negated)
    return sorted(found)


def _assign_from(per_slot: list[list[int]], taken: list[int], ok=None):
    """Distinct occurrences, one per slot (fewest candidates first would be faster still, but
    the chosen occurrences are reported in slot order), accepted by `ok` when given."""
    if len(taken) == len(per_slot):
        return list(taken) if ok is None or ok(taken) else None
    for i in per_slot[len(taken)]:
        if i in taken:
            continue
        got = _assign_from(per_slot, taken + [i], ok)
        if got is not None:
            return got
    return None
