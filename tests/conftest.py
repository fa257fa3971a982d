"""Shared test set-up: every test gets its own QUIZ_HOME and a stable, colourless terminal."""

from __future__ import annotations

import pytest

STABLE_ENV = {"TERM": "dumb", "COLUMNS": "100", "TERMINAL_WIDTH": "100", "NO_COLOR": "1",
              "QUIZ_LANG": "en", "LANG": "C.UTF-8"}


@pytest.fixture(autouse=True)
def quiz_home(tmp_path, monkeypatch):
    """Isolate user data (the simonw/llm pattern): nothing a test does touches a real home."""
    home = tmp_path / "quiz-home"
    monkeypatch.setenv("QUIZ_HOME", str(home))
    monkeypatch.setenv("QUIZ_CACHE_DIR", str(tmp_path / "quiz-cache"))
    monkeypatch.delenv("QUIZ_CONTENT_PATH", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    for key, value in STABLE_ENV.items():
        monkeypatch.setenv(key, value)
    return home


class Result:
    def __init__(self, exit_code: int, stdout: str, stderr: str, exception):
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr
        self.exception = exception

    def __repr__(self):
        return f"Result(exit_code={self.exit_code}, stdout={self.stdout[:200]!r}, stderr={self.stderr[:200]!r})"


@pytest.fixture
def cli():
    """Run `quiz ARGS…` in-process through the real app (QuizGroup error boundary included)."""
    from typer.testing import CliRunner

    from quizcli.cli import app

    def run(*args: str, input: str | None = None, env: dict | None = None) -> Result:
        runner = CliRunner()
        res = runner.invoke(app, [str(a) for a in args], input=input, env=env, prog_name="quiz")
        if res.exception is not None and not isinstance(res.exception, SystemExit):
            raise res.exception
        return Result(res.exit_code, res.stdout, res.stderr, res.exception)

    return run


@pytest.fixture(scope="session")
def bank():
    """The built-in bank (no content directories from the environment), loaded once for the
    grading tests; tests read it, none changes it."""
    from quizcli.bank.loader import load_bank

    return load_bank(use_env=False)
