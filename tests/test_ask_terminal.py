"""TerminalIO's side of pasted answers, with the terminal faked: which lines count as part of
a paste (arrived at once, or inside bracketed-paste markers that reached us as text, as with
a Python built without GNU readline), driven through the real Session."""

from __future__ import annotations

import io

import pytest

from quizcli.bank.model import KeyPoint, Question
from quizcli.render.ask import PASTE_GAP, TerminalIO
from quizcli.session import Graded, NothingToSubmit, Prompt, Session


class FakeTTY(io.StringIO):
    def isatty(self):
        return True

    def fileno(self):
        raise io.UnsupportedOperation  # nothing to flush


def kp(name):
    return KeyPoint(name, {"en": f"say {name}"}, {"en": (rf"\b{name}\b",)})


Q = Question(id="q", title={"en": "q?"}, answer={"en": "model"}, tags=("t",), difficulty=1,
             key_points=(kp("alpha"), kp("beta"), kp("gamma")))


def drive(monkeypatch, timed_lines, tty=True):
    """timed_lines: (seconds the person took, line) for each input() call."""
    from quizcli.console import make_console

    lines = list(timed_lines)
    now = [0.0]

    def fake_input(prompt=""):
        if not lines:
            raise EOFError
        took, line = lines.pop(0)
        now[0] += took
        return line

    monkeypatch.setattr("builtins.input", fake_input)
    console = make_console(80)
    console.file = io.StringIO()
    terminal = TerminalIO(console, "en", stdin=FakeTTY() if tty else io.StringIO(),
                          clock=lambda: now[0])
    events = []

    def emit(event):
        events.append(event)
        terminal.show(event)

    Session([Q], read=terminal.read, emit=emit).run()
    return events, console.file.getvalue()


SLOW, FAST = 2.0, PASTE_GAP / 10


def test_lines_that_arrive_at_once_are_one_paste(monkeypatch):
    events, _ = drive(monkeypatch, [(SLOW, "alpha"), (FAST, ""), (FAST, "/skip"), (FAST, ""),
                                    (SLOW, "gamma"), (SLOW, ""), (SLOW, "")])
    [g] = [e for e in events if isinstance(e, Graded)]
    assert g.answer == "alpha\n\n/skip\n\ngamma" and g.grade.covered == ("alpha", "gamma")


def test_bracketed_paste_markers_read_as_text_are_taken_out_and_hold_the_paste(monkeypatch):
    # no GNU readline: the markers arrive inside the lines, and the paste's last line came
    # with the person's Enter (slow), still inside the paste
    events, out = drive(monkeypatch, [(SLOW, "\x1b[200~alpha"), (SLOW, ""), (SLOW, "beta"),
                                      (SLOW, "gamma\x1b[201~"), (SLOW, ""), (SLOW, "")])
    [g] = [e for e in events if isinstance(e, Graded)]
    assert g.answer == "alpha\n\nbeta\ngamma" and len(g.grade.covered) == 3
    assert "\x1b" not in out


def test_a_person_typing_submits_with_an_empty_line(monkeypatch):
    events, _ = drive(monkeypatch, [(SLOW, "alpha"), (SLOW, ""), (SLOW, "")])
    assert [e.answer for e in events if isinstance(e, Graded)] == ["alpha"]


@pytest.mark.parametrize("tty", [True, False])
def test_an_empty_first_line_is_never_an_answer_even_at_once(monkeypatch, tty):
    events, out = drive(monkeypatch, [(FAST, ""), (SLOW, "beta"), (SLOW, ""), (SLOW, "")], tty=tty)
    assert len([e for e in events if isinstance(e, NothingToSubmit)]) == 1
    assert [e.answer for e in events if isinstance(e, Graded)] == ["beta"]
    assert "Nothing to submit yet" in out


def test_without_a_terminal_lines_are_plain_lines(monkeypatch):
    # piped input arrives at once; a blank line still submits (scripts rely on it)
    events, _ = drive(monkeypatch, [(FAST, "alpha"), (FAST, ""), (FAST, "")], tty=False)
    assert [e.answer for e in events if isinstance(e, Graded)] == ["alpha"]


def test_the_rating_prompt_is_never_treated_as_a_paste(monkeypatch):
    events, _ = drive(monkeypatch, [(SLOW, "alpha"), (SLOW, ""), (FAST, "4")])
    from quizcli.session import Rated

    assert [e.rating for e in events if isinstance(e, Rated)] == [4]


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("width", [24, 40, 100])
def test_the_rating_scale_breaks_between_items_only(lang, width):
    from rich.cells import cell_len

    from quizcli.ratings import rating_name
    from quizcli.render.ask import rating_scale

    text = rating_scale(lang, width)
    assert all(cell_len(line) <= width for line in text.splitlines())
    for i in range(1, 5):  # every number stays next to its name, on one line
        assert any(f"{i} {rating_name(i, lang)}" in line for line in text.splitlines())
