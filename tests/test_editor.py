"""quizcli.editor: the git-commit-style answer file, and which editor runs."""

from __future__ import annotations

import sys

import pytest

from quizcli import editor


def test_editor_command_prefers_visual_and_splits_like_a_shell():
    assert editor.editor_command({"VISUAL": "code --wait", "EDITOR": "vi"}) == ["code", "--wait"]
    assert editor.editor_command({"VISUAL": " ", "EDITOR": "'my editor' -n"}) == ["my editor", "-n"]
    assert editor.editor_command({}) is None


def test_file_round_trip_strips_comments_and_keeps_the_draft():
    text = editor.file_text("first line\n\nsecond", ["Question: why?", "", "help"])
    assert text == "first line\n\nsecond\n\n# Question: why?\n#\n# help\n"
    assert editor.strip_comments(text) == "first line\n\nsecond"
    assert editor.strip_comments("# only comments\n#\n") == ""
    assert editor.strip_comments(" # indented is text\r\n") == " # indented is text"


def test_edit_runs_the_editor_on_a_temporary_file(tmp_path, monkeypatch):
    script = tmp_path / "ed.py"
    script.write_text("import sys\np = sys.argv[1]\ns = open(p).read()\n"
                      "open(p, 'w').write(s.replace('draft', 'draft, edited'))\n")
    monkeypatch.setenv("VISUAL", f"{sys.executable} {script}")
    assert editor.edit("my draft", ["q?"]) == "my draft, edited"
    assert not list(tmp_path.glob("quiz-answer-*"))


@pytest.mark.parametrize("command,reason", [("false", "status"), ("no-such-editor-xyz", "missing")])
def test_edit_failures_say_why(monkeypatch, command, reason):
    monkeypatch.setenv("VISUAL", command)
    with pytest.raises(editor.EditorError) as info:
        editor.edit("draft", [])
    assert info.value.reason == reason and info.value.command == command
