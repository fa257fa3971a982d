"""The one table of lint codes (QZ001 …) and the Problem record every check produces.

Each code has a severity (an `error` makes `quiz lint` exit 1 and makes the loader skip the
file; a `warning` is reported only), a message template (str.format fields) and a sentence
saying what it checks. `quiz lint --codes` prints this table; content/README.md points here;
tests/fixtures/lint/ holds one failing fixture per code (a test walks this table).

Light module: no YAML, no NumPy.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Code:
    code: str
    severity: str
    template: str  # str.format fields, filled by `problem(...)`
    checks: str  # what the check is about, one sentence (for --codes and the docs)
    checks_ko: str  # the same sentence in Korean (quiz lint --codes --lang ko)


_TABLE: tuple[Code, ...] = (
    # files and front-matter syntax
    Code("QZ001", ERROR, "file is not valid UTF-8 (byte 0x{byte}, column {column}); save it as UTF-8",
         "The file decodes as UTF-8 (a leading BOM is accepted).",
         "파일이 UTF-8로 디코딩되는지 확인합니다(맨 앞의 BOM은 허용)."),
    Code("QZ002", ERROR, "file is {size} bytes; question files are limited to {limit} bytes (1 MB)",
         "The file is at most 1 MB; larger files are refused unread.",
         "파일이 1 MB 이하인지 확인합니다(넘으면 읽지 않고 거부)."),
    Code("QZ003", ERROR, "no front matter: the first line must be '---', then the YAML fields, then '---'",
         "The file starts with a '---' line.",
         "파일이 '---' 줄로 시작하는지 확인합니다."),
    Code("QZ004", ERROR, "front matter is not closed: expected a second '---' line after the YAML fields",
         "A second '---' line ends the front matter.",
         "두 번째 '---' 줄로 front matter가 닫히는지 확인합니다."),
    Code("QZ005", ERROR, "tab character in the front matter's indentation; YAML indents with spaces only",
         "The front matter is indented with spaces, never tabs.",
         "front matter 들여쓰기에 탭 없이 공백만 쓰는지 확인합니다."),
    Code("QZ006", ERROR, "YAML syntax error: {detail}",
         "The front matter parses with yaml.safe_load.",
         "front matter가 yaml.safe_load로 파싱되는지 확인합니다."),
    Code("QZ007", ERROR, "front matter must be a mapping of fields (id: …, title: …), not {got}",
         "The front matter is a YAML mapping.",
         "front matter가 YAML 매핑인지 확인합니다."),
    Code("QZ008", ERROR, "'{field}' is given twice in the same mapping (first at line {first}); YAML keeps only the last",
         "No key appears twice in one mapping.",
         "한 매핑 안에 같은 키가 두 번 나오지 않는지 확인합니다."),
    Code("QZ009", ERROR, "cannot read {what}: {detail}",
         "A given path exists and can be read (a directory, or a file where a question file is expected).",
         "주어진 경로가 존재하고 읽을 수 있는지 확인합니다(디렉터리, 또는 질문 파일이 있어야 할 자리의 파일)."),
    Code("QZ010", ERROR, "no question files (*.md) in this directory",
         "A content directory holds at least one question file.",
         "콘텐츠 디렉터리에 질문 파일이 하나 이상 있는지 확인합니다."),
    # fields and types
    Code("QZ011", ERROR, "missing required field '{field}' ({expected})",
         "Required fields are present: id, title, tags, difficulty, key_points, sources; "
         "in a key point: id, ko, en, text, match; in a fact: expr, value.",
         "필수 필드가 있는지 확인합니다: id, title, tags, difficulty, key_points, sources, 핵심 포인트의 id, ko, en, text, match, fact의 expr, value."),
    Code("QZ012", ERROR, "'{field}' must be {expected}, not {got}",
         "Every field has the documented type.",
         "모든 필드가 문서에 적힌 타입인지 확인합니다."),
    Code("QZ013", WARNING, "unknown field '{field}'{hint}",
         "Every key is a documented field (a typo would be silently ignored).",
         "모든 키가 문서에 있는 필드인지 확인합니다(오타 난 필드는 조용히 무시되기 때문)."),
    Code("QZ014", ERROR, "'{field}' = {value!r} is not a slug; use lower-case words joined by '-', e.g. relu-vs-sigmoid",
         "Ids, tags, key-point ids, follow-ups and related ids are slugs [a-z0-9]+(-[a-z0-9]+)*.",
         "id, 태그, 핵심 포인트 id, 꼬리 질문과 관련 질문 id가 슬러그 [a-z0-9]+(-[a-z0-9]+)* 형식인지 확인합니다."),
    Code("QZ015", ERROR, "id '{id}' does not match the file name '{stem}.md'; rename one so they agree",
         "The id equals the file name without .md.",
         "id가 .md를 뺀 파일 이름과 같은지 확인합니다."),
    Code("QZ016", ERROR, "'{field}' = {value!r} is out of range; expected {expected}",
         "difficulty is 1, 2 or 3; a fact's tol is a non-negative number.",
         "difficulty가 1, 2, 3 중 하나이고 fact의 tol이 0 이상인지 확인합니다."),
    Code("QZ017", ERROR, "'{field}' is empty; expected {expected}",
         "tags, key_points, sources and every match list have at least one entry.",
         "tags, key_points, sources와 모든 match 목록에 항목이 하나 이상 있는지 확인합니다."),
    Code("QZ018", ERROR, "'{field}' is blank; write the text",
         "Titles, key-point texts and sources are not blank.",
         "제목, 핵심 포인트 문장, 출처가 비어 있지 않은지 확인합니다."),
    Code("QZ019", WARNING, "only {n} key point(s); a question needs at least 3 for a useful rubric",
         "A question has at least 3 key points.",
         "질문마다 핵심 포인트가 3개 이상인지 확인합니다."),
    Code("QZ020", ERROR, "key point id '{id}' is used twice (first at line {first})",
         "Key-point ids are unique within a question.",
         "한 질문 안에서 핵심 포인트 id가 겹치지 않는지 확인합니다."),
    Code("QZ021", WARNING, "'{field}' lists {value!r} twice",
         "tags, follow_ups, related, see lists and sources have no duplicates.",
         "tags, follow_ups, related, see 목록, sources에 중복 항목이 없는지 확인합니다."),
    # languages and the body
    Code("QZ022", ERROR, "'{field}' has no '{lang}' entry; every text is written in both ko and en",
         "title and every key point have both ko and en.",
         "title과 모든 핵심 포인트에 ko와 en이 모두 있는지 확인합니다."),
    Code("QZ023", ERROR, "the body has no '## {lang}' section with the {lang_name} model answer",
         "The body has a '## ko' and a '## en' section.",
         "본문에 '## ko'와 '## en' 섹션이 있는지 확인합니다."),
    Code("QZ024", ERROR, "the '## {lang}' section is empty; write the model answer",
         "Each answer section has text.",
         "답안 섹션마다 내용이 있는지 확인합니다."),
    Code("QZ025", ERROR, "unexpected heading '{heading}': the body has exactly one '## ko' and one '## en'; use ### and lower inside an answer",
         "The only level-2 headings are '## ko' and '## en', once each.",
         "2단계 제목은 '## ko'와 '## en'뿐이고 각각 한 번씩만 나오는지 확인합니다."),
    Code("QZ026", WARNING, "text before the first '## ko'/'## en' section is ignored",
         "Nothing but blank lines sits between the front matter and the first section.",
         "front matter와 첫 섹션 사이에 빈 줄 말고 다른 내용이 없는지 확인합니다."),
    Code("QZ027", WARNING, "'## en' comes before '## ko'; write the Korean answer first",
         "The sections are in the order ko, en.",
         "섹션이 ko, en 순서인지 확인합니다."),
    Code("QZ028", WARNING, "key point '{id}' is covered by the {lang_name} text of key point '{other}' alone: its claims may be too broad to tell the two apart",
         "No key point is covered by another key point's text alone.",
         "어떤 핵심 포인트도 다른 핵심 포인트의 text만으로 인정되지 않는지 확인합니다."),
    Code("QZ029", ERROR, "pattern {pattern!r} in '{field}' can backtrack exponentially ({what}): some answers would hang the grader, so it is not used; write each repeated part so it can match only one way, e.g. (?:a|b){{0,9}} not (?:a|ab){{0,60}}",
         "No match or reject pattern repeats (more than 8 times) a part that itself repeats or "
         "whose alternatives can start with the same character: such patterns are refused at load.",
         "match·reject 패턴이 반복 안에 반복을 두거나 같은 글자로 시작할 수 있는 선택지를 8번 넘게 반복하지 않는지 확인합니다. 이런 패턴은 불러올 때 빠집니다."),
    # the rubric
    Code("QZ030", ERROR, "pattern {pattern!r} in '{field}' is not a valid regular expression: {detail}",
         "Every match pattern compiles as a Python regular expression.",
         "모든 match 패턴이 파이썬 정규식으로 컴파일되는지 확인합니다."),
    Code("QZ031", ERROR, "key point '{id}' is not recognised in its own {lang_name} model answer: none of its {what} is found in the '## {lang}' section",
         "Each key point is recognised in its own model answer, in both languages: one of its "
         "claims holds, or one of its patterns is found (as the grader reads answers).",
         "각 핵심 포인트가 자기 모범 답안에서 두 언어 모두 인식되는지 확인합니다(채점기와 똑같이 textmatch.normalize 후 검색)."),
    Code("QZ032", ERROR, "pattern {pattern!r} in '{field}' matches the empty string, so every answer would cover key point '{id}'",
         "No pattern matches the empty string.",
         "빈 문자열에 매칭되는 패턴이 없는지 확인합니다."),
    Code("QZ033", WARNING, "pattern {pattern!r} in '{field}' has upper-case letters; answers are case-folded before matching, so write it in lower case",
         "Patterns (match and reject) are written in lower case (answers are case-folded).",
         "패턴(match와 reject)을 소문자로 썼는지 확인합니다(답안은 case-fold한 뒤 검색하므로)."),
    Code("QZ034", ERROR, "reject pattern {pattern!r} in '{field}' is not a valid regular expression: {detail}",
         "Every reject (misconception) pattern compiles as a Python regular expression.",
         "모든 reject(오개념) 패턴이 파이썬 정규식으로 컴파일되는지 확인합니다."),
    Code("QZ035", ERROR, "{what} {pattern!r} in '{field}' is found in the {lang_name} model answer ({phrase!r}), so the model answer would fail its own rubric on key point '{id}'; make it more specific",
         "No misconception of a key point (reject pattern or contradiction claim) is found in the "
         "question's own model answers (either language).",
         "어떤 핵심 포인트의 reject 패턴도 그 질문의 모범 답안에서 검색되지 않는지 확인합니다(채점기가 두 언어 패턴을 모두 쓰므로 두 답안 모두)."),
    Code("QZ036", WARNING, "pattern {pattern!r} in '{field}' repeats {what} without a bound; on a long answer it backtracks badly: use a bounded gap such as \\w{{0,12}} or .{{0,40}}",
         "Match and reject patterns have no unbounded repetition (*, +, {n,}) of anything but "
         "white space: \\w*, .+ and [^…]* backtrack on long answers; \\s* is fine.",
         "match와 reject 패턴에 공백 외의 무제한 반복(*, +, {n,})이 없는지 확인합니다. \\w*, .+, [^…]*는 긴 답안에서 백트래킹이 심하고, \\s*는 괜찮습니다."),
    Code("QZ037", ERROR, "claim in '{field}' does not parse: {detail}",
         "Every claim parses: concept ids joined by ' + ', alternatives by '|', '!' for a negated "
         "concept, ' - ' for an excluded one.",
         "모든 claim이 문법에 맞는지 확인합니다: 개념 id를 ' + '로 잇고, 대안은 '|', 부정은 '!', 제외는 ' - '."),
    Code("QZ038", ERROR, "claim {claim!r} of key point '{id}' names concepts that no lexicon defines: {concepts}{hint}",
         "Every concept a claim names is defined in a lexicon file (content/lexicon/*.yaml or a "
         "content directory's lexicon/).",
         "claim이 쓰는 개념이 모두 lexicon 파일(content/lexicon/*.yaml 또는 콘텐츠 디렉터리의 lexicon/)에 정의되어 있는지 확인합니다."),
    Code("QZ039", ERROR, "contradiction {index} of key point '{id}' is not triggered by its own {lang_name} example {example!r}",
         "Each contradiction (misconception) has a why and an example in both languages, and its "
         "example triggers it.",
         "각 contradiction(오개념)에 두 언어의 why와 example이 있고, example이 실제로 그 오개념으로 판정되는지 확인합니다."),
    # references between questions
    Code("QZ040", ERROR, "follow-up '{ref}' is not a question in the bank.{hint}",
         "Every follow-up id names a question.",
         "모든 꼬리 질문 id가 실제 질문을 가리키는지 확인합니다."),
    Code("QZ041", ERROR, "follow-ups form a cycle: {cycle}; an interviewer's drill-down must end",
         "Follow-ups form no cycle.",
         "꼬리 질문이 순환하지 않는지 확인합니다."),
    Code("QZ042", ERROR, "related question '{ref}' is not in the bank.{hint}",
         "Every related id names a question.",
         "모든 관련 질문 id가 실제 질문을 가리키는지 확인합니다."),
    Code("QZ043", ERROR, "id '{id}' is also defined in {other}; ids are unique across all content directories",
         "No id is defined twice (built-in bank and every content directory together).",
         "같은 id가 두 번 정의되지 않았는지 확인합니다(내장 문제은행과 모든 콘텐츠 디렉터리를 통틀어)."),
    Code("QZ044", ERROR, "link text {text!r} shows an address other than its target {target!r}: a reader would open something else than what they see; write the target as the text, or plain words",
         "No Markdown link in an answer, summary or note shows a web address as its text that differs from where it leads.",
         "답안·요약·메모의 Markdown 링크가 실제 대상과 다른 웹 주소를 텍스트로 보여 주지 않는지 확인합니다."),
    # see-also targets
    Code("QZ050", ERROR, "'{name}' in see.explain is not an activation quiz explain knows.{hint}",
         "see.explain names are in the activation registry (any accepted spelling or alias).",
         "see.explain의 이름이 활성화 함수 레지스트리에 있는지 확인합니다(허용되는 표기와 별칭 포함)."),
    Code("QZ051", ERROR, "unknown demo '{name}' in see.demo line {line_text!r}; known demos: {known}.{hint}",
         "The first word of a see.demo line is a demo name.",
         "see.demo 줄의 첫 단어가 데모 이름인지 확인합니다."),
    Code("QZ052", ERROR, "see.demo line {line_text!r}: {detail}",
         "A see.demo line's options are '--name value' pairs.",
         "see.demo 줄의 옵션이 '--이름 값' 쌍인지 확인합니다."),
    # facts
    Code("QZ060", ERROR, "fact expr {expr!r} cannot be evaluated: {detail}",
         "Every fact expression parses and names known engine functions and activations.",
         "모든 fact 식이 파싱되고 알려진 엔진 함수와 활성화 함수만 쓰는지 확인합니다."),
    Code("QZ061", ERROR, "fact {expr} = {value} but the engine gives {actual} (tolerance ±{tol}); fix the number here and in both answers",
         "Every fact's value matches the engine within its tolerance.",
         "모든 fact 값이 허용 오차 안에서 엔진이 계산한 값과 일치하는지 확인합니다."),
    # question kinds (quizcli/kinds/): number questions
    Code("QZ070", ERROR, "'kind' is {value}, not a question kind; known kinds: {known}.{hint}",
         "kind, when given, is a known question kind (rubric, number).",
         "kind를 적었다면 알려진 질문 종류(rubric, number)인지 확인합니다."),
    Code("QZ071", ERROR, "'{{{name}}}' in '{field}' names no parameter or step of this number question (known: {known})",
         "Every {placeholder} in a number question's texts names a parameter, a step, value or tol.",
         "number 질문의 텍스트에 쓴 {자리표시자}가 매개변수, step, value, tol 중 하나인지 확인합니다."),
    Code("QZ072", ERROR, "'{field}': {detail}",
         "A number question's params are named lists of numbers or {min, max, step} ranges, at most 2000 combinations; step names are new.",
         "number 질문의 params가 이름 붙은 숫자 목록이나 {min, max, step} 범위이고 조합이 2000개 이하이며, steps 이름이 겹치지 않는지 확인합니다."),
    Code("QZ073", ERROR, "number.value cannot be computed at {at}: {detail}",
         "A number question's steps and value evaluate to a finite number for every draw of its parameters.",
         "number 질문의 steps와 value가 매개변수의 모든 조합에서 유한한 수로 계산되는지 확인합니다."),
    Code("QZ074", WARNING, "parameter '{name}' is not shown in '{field}'; the candidate cannot compute the answer without it",
         "A number question's title shows every drawn parameter in both languages.",
         "number 질문의 제목이 두 언어 모두에서 뽑힌 매개변수를 전부 보여 주는지 확인합니다."),
    Code("QZ075", ERROR, "the '## {lang}' worked solution at {at} is not graded as stating the value {value}; write {{value}} in it, not next to other numbers in a list",
         "A number question's worked solution, filled in for every draw, is graded as stating the value (in both languages).",
         "number 질문의 풀이를 모든 조합으로 채웠을 때 두 언어 모두 정답 값을 말한 것으로 채점되는지 확인합니다."),
    # curriculum order (curriculum.txt at the root of a question directory)
    Code("QZ080", ERROR, "curriculum lists '{ref}', which is not a question in this directory.{hint}",
         "Every curriculum line names a question of that directory.",
         "커리큘럼의 모든 줄이 그 디렉터리의 질문을 가리키는지 확인합니다."),
    Code("QZ081", WARNING, "curriculum lists '{ref}' twice (first at line {first}); the first place counts",
         "No id is listed twice in the curriculum.",
         "커리큘럼에 같은 id가 두 번 나오지 않는지 확인합니다."),
    Code("QZ082", WARNING, "'{id}' is not in {curriculum}; it is asked after every listed question",
         "Every question of a directory with a curriculum is listed in it.",
         "커리큘럼이 있는 디렉터리의 모든 질문이 커리큘럼에 올라 있는지 확인합니다."),
    Code("QZ083", WARNING, "'{id}' is listed before every question that asks it as a follow-up ({parents}); list it after one of them",
         "In the curriculum a follow-up comes after at least one question that asks it.",
         "커리큘럼에서 꼬리 질문이 그것을 묻는 질문 중 적어도 하나보다 뒤에 오는지 확인합니다."),
    Code("QZ090", ERROR, "lexicon: {detail}",
         "Lexicon files are mappings of concept ids to {en: [forms], ko: [forms]}; every form "
         "compiles and matches no empty text.",
         "lexicon 파일이 개념 id → {en: [표현], ko: [표현]} 매핑이고, 모든 표현이 컴파일되며 빈 문자열에 매칭되지 않는지 확인합니다."),
    Code("QZ091", ERROR, "lexicon concept '{id}' is given twice in this file (first at {first}); YAML keeps only the last: merge the two lists of forms",
         "No concept id is given twice in one lexicon file (across files a concept gathers its forms).",
         "한 lexicon 파일 안에서 같은 개념 id가 두 번 나오지 않는지 확인합니다(파일이 다르면 표현을 합칩니다)."),
    Code("QZ092", WARNING, "lexicon concept '{id}' is named by no claim of the bank; use it or remove it",
         "Every lexicon concept is named by some claim (checked once the bank has claims).",
         "모든 lexicon 개념이 어떤 claim에서든 쓰이는지 확인합니다(은행에 claim이 생긴 뒤부터)."),
    Code("QZ093", ERROR, "lexicon concept '{id}' names '{ref}' as a contrast, which is not another concept of the lexicon",
         "Every `contrast:` entry of a lexicon concept names another concept of the lexicon.",
         "lexicon 개념의 `contrast:` 항목이 lexicon의 다른 개념을 가리키는지 확인합니다."),
)

CODES: dict[str, Code] = {c.code: c for c in _TABLE}


@dataclass(frozen=True)
class Problem:
    """One finding: where (file, 1-based line or None), which code, the filled-in message."""

    path: str
    line: int | None
    code: str
    message: str

    @property
    def severity(self) -> str:
        return CODES[self.code].severity

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def format(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.code} {self.message}"


def problem(code: str, path: Path | str, line: int | None = None, **fields) -> Problem:
    """A Problem with the code's message template filled in."""
    return Problem(str(path), line, code, CODES[code].template.format(**fields))


def table() -> tuple[Code, ...]:
    return _TABLE
