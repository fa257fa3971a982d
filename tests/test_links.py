"""Issue 17, item 3: a Markdown link cannot show one address and open another."""

from __future__ import annotations

import shutil
from pathlib import Path

from quizcli.bank.lint import spoofed_links

FIXTURE = Path(__file__).parent / "fixtures" / "lint" / "QZ044-spoofed-link"


def test_spoofed_links_are_found_and_honest_ones_are_not():
    text = ("one [https://pytorch.org/docs](https://evil.example/steal)\n"
            "two [pytorch.org](https://pytorch.org/) three [the docs](https://pytorch.org)\n"
            "four [www.python.org](https://python.org) five [arxiv.org/abs/1502.01852](https://x.example)")
    found = spoofed_links(text)
    assert [(line, shown) for line, shown, _ in found] == [
        (0, "https://pytorch.org/docs"), (2, "arxiv.org/abs/1502.01852")]


def test_reference_links_are_checked_like_inline_ones():
    """[https://pytorch.org][r] with `[r]: https://evil.example/ref` passed lint (hostile rerun)."""
    text = ("full [https://pytorch.org][r] collapsed [https://arxiv.org][] shortcut [www.python.org]\n"
            "honest [the docs][r] and [https://evil.example/ref][r]\n\n"
            "[r]: https://evil.example/ref\n"
            "[https://arxiv.org]: <https://evil.example/arxiv>\n"
            "[WWW.python.org]: https://python.org/\n")
    found = spoofed_links(text)
    assert [(line, shown, target) for line, shown, target in found] == [
        (0, "https://pytorch.org", "https://evil.example/ref"),
        (0, "https://arxiv.org", "https://evil.example/arxiv")]


def test_targets_with_parentheses_or_spaces_are_checked():
    """[https://pytorch.org](javascript:alert(1)) and a <target with spaces> passed lint."""
    text = ("a [https://pytorch.org](javascript:alert(1)) b [https://pytorch.org](<https://evil.example/a b>)\n"
            "c [https://en.wikipedia.org/wiki/ReLU](https://en.wikipedia.org/wiki/ReLU) "
            "d [https://en.wikipedia.org/wiki/Rectifier_(neural_networks)]"
            "(https://en.wikipedia.org/wiki/Rectifier_(neural_networks))")
    found = spoofed_links(text)
    assert [(line, target) for line, _, target in found] == [
        (0, "javascript:alert(1)"), (0, "https://evil.example/a b")]


def test_show_prints_the_target_next_to_the_link_text(tmp_path, monkeypatch, cli):
    d = tmp_path / "content"
    shutil.copytree(FIXTURE, d)
    monkeypatch.setenv("QUIZ_CONTENT_PATH", str(d))
    r = cli("show", "sample-question", "--lang", "en")
    assert r.exit_code == 0, r
    assert "evil.example/steal" in r.stdout
    assert "\x1b]8;" not in r.stdout  # no terminal hyperlink hiding the target
