"""Errors by layer.

`DomainError` and its subclasses are what library code (activations, demos, explain, store,
bank, grading) raises: each carries a one-line message that says what was wrong and what is
allowed. `QuizError` is the CLI's usage error, raised only by `commands/` and the app
boundary. The boundary (quizcli.app.QuizGroup.main) prints either as one line on stderr and
exits with code 2, never a traceback.
"""

from __future__ import annotations

from typing import Iterable


class QuizError(Exception):
    """Bad input at the command line (an option, a name, a file): raised by commands/ only.
    The message is the whole story."""

    exit_code = 2


class DomainError(Exception):
    """A request the domain cannot serve; the message is one line, the whole story."""

    exit_code = 2


class UnknownName(DomainError, LookupError):
    """A name that is not in a registry; the message lists the closest names."""

    kind = "name"

    def __init__(self, name: str, choices: Iterable[str] = (), message: str | None = None):
        self.name = name
        self.choices = tuple(choices)
        super().__init__(message or f"Unknown {self.kind} '{name}'.{did_you_mean(name, self.choices)}")


class UnknownActivation(UnknownName):
    kind = "activation"


class UnknownQuestion(UnknownName):
    kind = "question"


class UnknownDemo(UnknownName):
    kind = "demo"


class InvalidValue(DomainError, ValueError):
    """A value outside what the domain accepts (a depth, a range, a rating)."""


class OverBudget(DomainError):
    """A run that would need more memory or time than the limit allows."""


class ContentError(DomainError):
    """A question file or content directory that cannot be used."""


class StoreError(DomainError):
    """The progress store cannot be read or written (locked, corrupt, wrong version)."""


def closest(word: str, choices: Iterable[str], limit: int = 3) -> list[str]:
    import difflib  # only on the error path: 1.4 ms that --help and every run would pay

    return difflib.get_close_matches(word, list(choices), n=limit, cutoff=0.5)


def did_you_mean(word: str, choices: Iterable[str] = (), *, near: Iterable[str] | None = None) -> str:
    """' Did you mean: a, b?' or '' — appended to an error line. `near` gives the candidates
    when the caller ranks them itself (activation names compare spelling-insensitively)."""
    near = list(near) if near is not None else closest(word, choices)
    return f" Did you mean: {', '.join(near)}?" if near else ""
