"""The `rubric` kind: today's questions, graded by key points (quizcli.grading)."""

from __future__ import annotations


class RubricKind:
    name = "rubric"
    fields: tuple[str, ...] = ()
    key_points = True

    def parse(self, draft, m) -> dict:
        return {}

    def check_text(self, draft, question) -> None:
        return None

    def lint(self, draft, lexicon=None) -> list:
        from ..bank.lint import check_key_points

        return check_key_points(draft, lexicon)

    def instance(self, question, seed=None):
        return question

    def grade(self, question, answer, default_lang="en", lexicon=None):
        from .. import grading

        if callable(lexicon):  # a bank's lexicon is loaded only when claims need it
            lexicon = lexicon() if any(kp.claims for kp in question.key_points) else None
        return grading.grade(question, answer, default_lang=default_lang, lexicon=lexicon)

    def describe(self, question, lang) -> list[str]:
        return []


KIND = RubricKind()
