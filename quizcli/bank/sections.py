"""A question file's document sections: the bytes (size, UTF-8, BOM, line ends), the front
matter between two `---` lines (parsed with yamlines), and the body's `## ko` / `## en`
answers. `SectionReader` is a mixin of `Draft` (draft.py): it reports through `self.add`
and hands the front matter to `self.build` (fields.py).
"""

from __future__ import annotations

import re

from .model import LANGS
from .yamlines import _Map, _loader_class

MAX_BYTES = 1_048_576
LANG_NAMES = {"ko": "Korean", "en": "English"}
FM_OFFSET = 2  # front-matter line 0 is file line 2 (after the opening '---')

_FAILED = object()  # load_yaml's "already reported" result (None is a valid, empty document)


class SectionReader:
    """Reading one file into its front matter and answers (see the module docstring)."""

    # -- reading -----------------------------------------------------------------------
    def read(self) -> str | None:
        path = self.path
        try:
            st = path.stat()
        except OSError as exc:
            self.add("QZ009", None, what="file", detail=exc.strerror or str(exc))
            return None
        if path.is_dir():
            self.add("QZ009", None, what="file", detail="it is a directory, not a question file")
            return None
        if st.st_size > MAX_BYTES:
            self.add("QZ002", None, size=st.st_size, limit=MAX_BYTES)
            return None
        try:
            with open(path, "rb") as fh:
                data = fh.read(MAX_BYTES + 1)
        except OSError as exc:
            self.add("QZ009", None, what="file", detail=exc.strerror or str(exc))
            return None
        if len(data) > MAX_BYTES:  # grew since stat, or not a regular file
            self.add("QZ002", None, size=f"more than {MAX_BYTES}", limit=MAX_BYTES)
            return None
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
            self.add("QZ001", line, byte=f"{data[exc.start]:02x}", column=column)
            return None
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        return text

    # -- front matter --------------------------------------------------------------------
    def parse(self) -> None:
        text = self.read()
        if text is None:
            return
        lines = text.split("\n")
        if lines[0].rstrip() != "---":
            self.add("QZ003", 1)
            return
        end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "---"), None)
        if end is None:
            self.add("QZ004", len(lines) if lines[-1] else max(1, len(lines) - 1))
            return
        fm_lines = lines[1:end]
        tabs = [i for i, ln in enumerate(fm_lines) if "\t" in ln[: len(ln) - len(ln.lstrip(" \t"))]]
        for i in tabs:
            self.add("QZ005", i + FM_OFFSET)
        if tabs:
            return
        data = self.load_yaml("\n".join(fm_lines), fm_lines)
        if data is _FAILED:
            return
        if not isinstance(data, dict):
            from .fields import describe_value

            self.add("QZ007", 2, got=describe_value(data))
            return
        self.raw = data
        answers, answer_lines = self.parse_body(lines[end + 1:], end + 2)
        self.build(data, answers, answer_lines)

    def load_yaml(self, text: str, fm_lines: list[str]):
        import yaml

        loader = _loader_class()(text)
        try:
            data = loader.get_single_data()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + FM_OFFSET if mark is not None else None
            if mark is not None and 0 <= mark.line < len(fm_lines) and "\t" in fm_lines[mark.line]:
                self.add("QZ005", line)
                return _FAILED
            detail = exc.problem or "cannot parse"
            if exc.context:
                detail = f"{detail} ({exc.context})"
            if mark is not None:
                detail = f"{detail} at column {mark.column + 1}"
            self.add("QZ006", line, detail=" ".join(detail.split()))
            return _FAILED
        except (yaml.YAMLError, RecursionError, ValueError, OverflowError) as exc:
            self.add("QZ006", None, detail=" ".join(str(exc).split())[:200] or type(exc).__name__)
            return _FAILED
        finally:
            loader.dispose()
        for key, line, first in loader.duplicates:
            self.add("QZ008", line + FM_OFFSET, field=key, first=first + FM_OFFSET)
        return data

    # -- body ----------------------------------------------------------------------------
    def parse_body(self, lines: list[str], first_line: int):
        heading = re.compile(r" {0,3}##(?!#)(?:[ \t]+(.*?))?[ \t#]*\Z")
        sections: dict[str, list[str]] = {}
        starts: dict[str, int] = {}
        current: str | None = None
        fence: str | None = None
        stray_reported = False
        for offset, line in enumerate(lines):
            n = first_line + offset
            stripped = line.lstrip()
            if fence is not None:
                if stripped.startswith(fence):
                    fence = None
            elif stripped.startswith("```") or stripped.startswith("~~~"):
                fence = stripped[:3]
            else:
                m = heading.match(line)
                if m is not None:
                    name = (m.group(1) or "").strip()
                    lang = name.casefold()
                    if lang in LANGS and lang not in sections:
                        sections[lang] = []
                        starts[lang] = n
                        current = lang
                        continue
                    self.add("QZ025", n, heading=line.strip())
                    current = None  # the text under a stray heading belongs to no answer
                    continue
            if current is not None:
                sections[current].append(line)
            elif line.strip() and not stray_reported and not sections:
                self.add("QZ026", n)
                stray_reported = True
        answers: dict[str, str] = {}
        end_line = first_line + max(len(lines) - 1, 0)
        for lang in LANGS:
            if lang not in sections:
                self.add("QZ023", end_line, lang=lang, lang_name=LANG_NAMES[lang])
                continue
            text = "\n".join(sections[lang]).strip("\n")
            if not text.strip():
                self.add("QZ024", starts[lang], lang=lang)
                continue
            answers[lang] = text
        if "ko" in starts and "en" in starts and starts["en"] < starts["ko"]:
            self.add("QZ027", starts["en"])
        return answers, starts
