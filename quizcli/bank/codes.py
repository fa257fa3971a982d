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


_TABLE: tuple[Code, ...] = (
    # files and front-matter syntax
    Code("QZ001", ERROR, "file is not valid UTF-8 (byte 0x{byte}, column {column}); save it as UTF-8",
         "The file decodes as UTF-8 (a leading BOM is accepted)."),
    Code("QZ002", ERROR, "file is {size} bytes; question files are limited to {limit} bytes (1 MB)",
         "The file is at most 1 MB; larger files are refused unread."),
    Code("QZ003", ERROR, "no front matter: the first line must be '---', then the YAML fields, then '---'",
         "The file starts with a '---' line."),
    Code("QZ004", ERROR, "front matter is not closed: expected a second '---' line after the YAML fields",
         "A second '---' line ends the front matter."),
    Code("QZ005", ERROR, "tab character in the front matter's indentation; YAML indents with spaces only",
         "The front matter is indented with spaces, never tabs."),
    Code("QZ006", ERROR, "YAML syntax error: {detail}",
         "The front matter parses with yaml.safe_load."),
    Code("QZ007", ERROR, "front matter must be a mapping of fields (id: …, title: …), not {got}",
         "The front matter is a YAML mapping."),
    Code("QZ008", ERROR, "'{field}' is given twice in the same mapping (first at line {first}); YAML keeps only the last",
         "No key appears twice in one mapping."),
    Code("QZ009", ERROR, "cannot read {what}: {detail}",
         "A given path exists and can be read (a directory, or a file where a question file is expected)."),
    Code("QZ010", ERROR, "no question files (*.md) in this directory",
         "A content directory holds at least one question file."),
    # fields and types
    Code("QZ011", ERROR, "missing required field '{field}' ({expected})",
         "Required fields are present: id, title, tags, difficulty, key_points, sources; "
         "in a key point: id, ko, en, text, match; in a fact: expr, value."),
    Code("QZ012", ERROR, "'{field}' must be {expected}, not {got}",
         "Every field has the documented type."),
    Code("QZ013", WARNING, "unknown field '{field}'{hint}",
         "Every key is a documented field (a typo would be silently ignored)."),
    Code("QZ014", ERROR, "'{field}' = {value!r} is not a slug; use lower-case words joined by '-', e.g. relu-vs-sigmoid",
         "Ids, tags, key-point ids, follow-ups and related ids are slugs [a-z0-9]+(-[a-z0-9]+)*."),
    Code("QZ015", ERROR, "id '{id}' does not match the file name '{stem}.md'; rename one so they agree",
         "The id equals the file name without .md."),
    Code("QZ016", ERROR, "'{field}' = {value!r} is out of range; expected {expected}",
         "difficulty is 1, 2 or 3; a fact's tol is a non-negative number."),
    Code("QZ017", ERROR, "'{field}' is empty; expected {expected}",
         "tags, key_points, sources and every match list have at least one entry."),
    Code("QZ018", ERROR, "'{field}' is blank; write the text",
         "Titles, key-point texts and sources are not blank."),
    Code("QZ019", WARNING, "only {n} key point(s); a question needs at least 3 for a useful rubric",
         "A question has at least 3 key points."),
    Code("QZ020", ERROR, "key point id '{id}' is used twice (first at line {first})",
         "Key-point ids are unique within a question."),
    Code("QZ021", WARNING, "'{field}' lists {value!r} twice",
         "tags, follow_ups, related, see lists and sources have no duplicates."),
    # languages and the body
    Code("QZ022", ERROR, "'{field}' has no '{lang}' entry; every text is written in both ko and en",
         "title and every key point have both ko and en."),
    Code("QZ023", ERROR, "the body has no '## {lang}' section with the {lang_name} model answer",
         "The body has a '## ko' and a '## en' section."),
    Code("QZ024", ERROR, "the '## {lang}' section is empty; write the model answer",
         "Each answer section has text."),
    Code("QZ025", ERROR, "unexpected heading '{heading}': the body has exactly one '## ko' and one '## en'; use ### and lower inside an answer",
         "The only level-2 headings are '## ko' and '## en', once each."),
    Code("QZ026", WARNING, "text before the first '## ko'/'## en' section is ignored",
         "Nothing but blank lines sits between the front matter and the first section."),
    Code("QZ027", WARNING, "'## en' comes before '## ko'; write the Korean answer first",
         "The sections are in the order ko, en."),
    # the rubric
    Code("QZ030", ERROR, "pattern {pattern!r} in '{field}' is not a valid regular expression: {detail}",
         "Every match pattern compiles as a Python regular expression."),
    Code("QZ031", ERROR, "key point '{id}' is not recognised in its own {lang_name} model answer: none of its '{lang}' patterns is found in the '## {lang}' section",
         "Each key point's patterns find it in its own model answer, in both languages "
         "(searched after textmatch.normalize, as the grader does)."),
    Code("QZ032", ERROR, "pattern {pattern!r} in '{field}' matches the empty string, so every answer would cover key point '{id}'",
         "No pattern matches the empty string."),
    Code("QZ033", WARNING, "pattern {pattern!r} in '{field}' has upper-case letters; answers are case-folded before matching, so write it in lower case",
         "Patterns are written in lower case (answers are case-folded)."),
    # references between questions
    Code("QZ040", ERROR, "follow-up '{ref}' is not a question in the bank.{hint}",
         "Every follow-up id names a question."),
    Code("QZ041", ERROR, "follow-ups form a cycle: {cycle}; an interviewer's drill-down must end",
         "Follow-ups form no cycle."),
    Code("QZ042", ERROR, "related question '{ref}' is not in the bank.{hint}",
         "Every related id names a question."),
    Code("QZ043", ERROR, "id '{id}' is also defined in {other}; ids are unique across all content directories",
         "No id is defined twice (built-in bank and every content directory together)."),
    # see-also targets
    Code("QZ050", ERROR, "'{name}' in see.explain is not an activation quiz explain knows.{hint}",
         "see.explain names are in the activation registry (any accepted spelling or alias)."),
    Code("QZ051", ERROR, "unknown demo '{name}' in see.demo line {line_text!r}; known demos: {known}.{hint}",
         "The first word of a see.demo line is a demo name."),
    Code("QZ052", ERROR, "see.demo line {line_text!r}: {detail}",
         "A see.demo line's options are '--name value' pairs."),
    # facts
    Code("QZ060", ERROR, "fact expr {expr!r} cannot be evaluated: {detail}",
         "Every fact expression parses and names known engine functions and activations."),
    Code("QZ061", ERROR, "fact {expr} = {value} but the engine gives {actual} (tolerance ±{tol}); fix the number here and in both answers",
         "Every fact's value matches the engine within its tolerance."),
    # curriculum order (curriculum.txt at the root of a question directory)
    Code("QZ080", ERROR, "curriculum lists '{ref}', which is not a question in this directory.{hint}",
         "Every curriculum line names a question of that directory."),
    Code("QZ081", WARNING, "curriculum lists '{ref}' twice (first at line {first}); the first place counts",
         "No id is listed twice in the curriculum."),
    Code("QZ082", WARNING, "'{id}' is not in {curriculum}; it is asked after every listed question",
         "Every question of a directory with a curriculum is listed in it."),
    Code("QZ083", WARNING, "'{id}' is listed before every question that asks it as a follow-up ({parents}); list it after one of them",
         "In the curriculum a follow-up comes after at least one question that asks it."),
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
