"""The one error type commands raise for bad input: printed as one line, exit code 2."""

from __future__ import annotations

from typing import Iterable


class QuizError(Exception):
    """Bad input from the user (an option, a name, a file). The message is the whole story."""

    exit_code = 2


def closest(word: str, choices: Iterable[str], limit: int = 3) -> list[str]:
    import difflib  # only on the error path: 1.4 ms that --help and every run would pay

    return difflib.get_close_matches(word, list(choices), n=limit, cutoff=0.5)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' Did you mean: a, b?' or '' — appended to an error line."""
    near = closest(word, choices)
    return f" Did you mean: {', '.join(near)}?" if near else ""
