"""An optional LLM grader over an OpenAI-compatible `/v1/chat/completions` endpoint.

Off by default: `quiz ask --grader llm|both` with a configured endpoint (`load_config`). The
standard library only (urllib; `import openai` costs 0.56–0.73 s, urllib 0.06 s, issue 16).

How an answer is graded:

1. The prompt carries the question, every key point's text and the `why` of its contradictions
   (old key points: their `why`) in the answer's language, the model answer, and the answer.
2. The model replies with JSON, one item per key point: `covered | missed | contradicted` and a
   verbatim quote from the answer. The request asks for the server's JSON-schema mode
   (`response_format` json_schema); a server that rejects it (400/422) is asked once more with
   plain JSON mode (`json_object`).
3. Every quote is checked: after `textmatch.normalize` (the rubric's normalisation) it must be a
   substring of the normalised answer (a quote with `...`/`…` must have each fragment in it).
   A covered or contradicted verdict whose quote is not in the answer is not credited: the key
   point counts as missed and a note says so. Ids that are not key points are ignored with a
   note; key points the reply leaves out count as missed with a note.
4. The result is the rubric's `Grade` type (covered/missed, the quote as the match's phrase,
   contradictions as `Misconception`s), so feedback, scoring and the review log treat both
   graders alike.

Anything that goes wrong raises `LLMFailure(code, detail)`; the caller grades with the rubric
and shows one line saying why. The API key is sent in the Authorization header only and never
appears in an error, a log line or `--json` (`LLMConfig` hides it from repr; messages are
scrubbed of it).
"""

from __future__ import annotations

import json
import os
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InvalidValue
from . import (Grade, KeyPointMatch, Misconception, detect_lang, hangul_share, prepare,
               rating_for)

DEFAULT_TIMEOUT = 30.0
MAX_LLM_CHARS = 12_000  # characters of the answer sent to the model (a long spoken answer: ~5,000)
LLM_PATTERN = "(llm quote)"  # KeyPointMatch.pattern of a verified LLM quote
VERDICTS = ("covered", "missed", "contradicted")
CONFIG_FILES = ("llm.toml", "llm.json")  # in the quiz home, first found wins
ENV = {"base_url": "QUIZ_LLM_BASE_URL", "model": "QUIZ_LLM_MODEL",
       "api_key": "QUIZ_LLM_API_KEY", "timeout": "QUIZ_LLM_TIMEOUT"}
_CONTEXT = 30


# ------------------------------------------------------------------------------ config
@dataclass(frozen=True)
class LLMConfig:
    base_url: str
    model: str
    api_key: str | None = field(default=None, repr=False)
    timeout: float = DEFAULT_TIMEOUT
    source: str = "environment"  # where it was read: 'environment', a file path, or both

    @property
    def endpoint(self) -> str:
        """`…/v1/chat/completions`: the base URL may end in /v1 (OpenAI style) or not."""
        base = self.base_url.rstrip("/")
        if base.endswith("/chat/completions"):
            return base
        if not re.search(r"/v\d+$", base):
            base += "/v1"
        return base + "/chat/completions"

    @property
    def where(self) -> str:
        """The endpoint without credentials, query or path: safe to print."""
        from urllib.parse import urlsplit

        parts = urlsplit(self.base_url)
        host = parts.hostname or "?"
        return f"{parts.scheme}://{host}" + (f":{parts.port}" if parts.port else "")


class LLMConfigError(InvalidValue):
    """The LLM grader was asked for but is not configured, or its configuration is invalid."""


def _env_values() -> dict[str, str]:
    """The QUIZ_LLM_* variables that are set (the only place this grader reads the environment;
    register them in quizcli/settings.py once it exists)."""
    from ..settings import raw

    out = {}
    for key, name in ENV.items():
        value = raw(name).strip()
        if value:
            out[key] = value
    return out


def _file_values(home: Path) -> tuple[dict, Path | None]:
    for name in CONFIG_FILES:
        path = home / name
        if not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
            if name.endswith(".toml"):
                import tomllib

                data = tomllib.loads(text)
            else:
                data = json.loads(text)
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            # tomllib.TOMLDecodeError and json.JSONDecodeError are ValueErrors
            raise LLMConfigError(f"{path}: cannot read the LLM grader settings "
                                 f"({type(exc).__name__}: {str(exc).splitlines()[0][:120]}).") from None
        if not isinstance(data, dict):
            raise LLMConfigError(f"{path}: expected a table of settings (base_url, model, "
                                 "api_key, timeout).")
        unknown = sorted(set(data) - set(ENV))
        if unknown:
            raise LLMConfigError(f"{path}: unknown setting {unknown[0]!r} (known: base_url, "
                                 "model, api_key, timeout).")
        return {k: v for k, v in data.items() if v not in (None, "")}, path
    return {}, None


def load_config(home: str | os.PathLike | None = None) -> LLMConfig:
    """The endpoint settings: QUIZ_LLM_BASE_URL, QUIZ_LLM_MODEL, QUIZ_LLM_API_KEY,
    QUIZ_LLM_TIMEOUT (seconds), each overriding the same key (base_url, model, api_key,
    timeout) of `llm.toml` or `llm.json` in the quiz home. Raises LLMConfigError."""
    from ..paths import home_dir

    values, path = _file_values(home_dir(home))
    env = _env_values()
    values.update(env)
    source = " and ".join(s for s in (str(path) if path else "", "environment" if env else "") if s)
    base_url = str(values.get("base_url", "")).strip()
    model = str(values.get("model", "")).strip()
    if not base_url or not model:
        missing = " and ".join(ENV[k] for k in ("base_url", "model") if not values.get(k))
        raise LLMConfigError(f"The LLM grader is not configured: set {missing} (or base_url and "
                             "model in llm.toml in the quiz home); see README, 'Grade with an "
                             "LLM'.")
    if not re.match(r"https?://[^/\s]+", base_url):
        raise LLMConfigError(f"LLM base URL must start with http:// or https:// and name a host "
                             f"(e.g. http://localhost:11434/v1), not {_shown_url(base_url)!r}.")
    raw_timeout = values.get("timeout", DEFAULT_TIMEOUT)
    try:
        timeout = float(raw_timeout)
    except (TypeError, ValueError):
        timeout = -1.0
    if not 0 < timeout <= 3600:
        raise LLMConfigError(f"LLM timeout must be a number of seconds between 0 and 3600 "
                             f"(QUIZ_LLM_TIMEOUT or timeout), not {str(raw_timeout)[:20]!r}.")
    key = values.get("api_key")
    return LLMConfig(base_url, model, str(key) if key else None, timeout, source or "environment")


def _shown_url(url: str) -> str:
    """A URL with any user:password@ part removed."""
    return re.sub(r"//[^/@\s]*@", "//", url)[:80]


# ------------------------------------------------------------------------------ failures
class LLMFailure(Exception):
    """Why the LLM verdict is not available: `code` is one of timeout, refused, network, http,
    malformed, partial, empty, interrupted; `detail` a short, key-free explanation (for
    malformed: a code the renderer words, e.g. not_json, no_list)."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code, self.detail = code, detail


@dataclass(frozen=True)
class Note:
    """Something the LLM's reply got wrong that did not stop the grading."""

    kind: str  # unknown_id | unverified_quote | not_returned | bad_verdict
    key_point: str
    detail: str = ""  # the quote or verdict as the model wrote it (shortened)


@dataclass(frozen=True)
class LLMVerdict:
    grade: Grade
    model: str
    notes: tuple[Note, ...] = ()

    @property
    def contradicted(self) -> tuple[str, ...]:
        return tuple(m.key_point for m in self.grade.misconceptions)


# ------------------------------------------------------------------------------ prompt
SYSTEM = (
    "You grade a candidate's answer in a deep-learning job interview against a rubric of key "
    "points. For every key point decide one verdict:\n"
    "- covered: the answer states the key point correctly (in any words or language);\n"
    "- missed: the answer does not state it, or only names a keyword without the claim;\n"
    "- contradicted: the answer states something wrong about it (see 'wrong if').\n"
    "Evidence: for covered and contradicted, copy into 'quote' the shortest exact span of the "
    "candidate's answer that shows it, character for character, in the answer's own language "
    "(do not translate, paraphrase or fix typos). For missed, 'quote' is an empty string. "
    "Use only the key-point ids given. Judge only the candidate's answer, never the model "
    "answer. Reply with JSON only: "
    '{"key_points": [{"id": "...", "verdict": "covered|missed|contradicted", "quote": "..."}]}'
)

SCHEMA = {
    "type": "object",
    "properties": {"key_points": {"type": "array", "items": {
        "type": "object",
        "properties": {"id": {"type": "string"},
                       "verdict": {"type": "string", "enum": list(VERDICTS)},
                       "quote": {"type": "string"}},
        "required": ["id", "verdict", "quote"],
        "additionalProperties": False}}},
    "required": ["key_points"],
    "additionalProperties": False,
}


def _pick(by_lang: dict, lang: str) -> str:
    return (by_lang or {}).get(lang) or next(iter((by_lang or {}).values()), "")


def _whys(kp, lang: str) -> list[str]:
    out = [_pick(con.why, lang) for con in getattr(kp, "contradicts", ()) if con.why]
    if getattr(kp, "why", None):
        out.append(_pick(kp.why, lang))
    return [w for w in out if w]


def build_messages(question, answer: str, lang: str) -> list[dict]:
    """The chat messages: rubric and model answer in `lang` (the answer's language)."""
    lines = [f"Question: {_pick(question.title, lang)}", "", "Key points (id: text):"]
    for kp in question.key_points:
        lines.append(f"- {kp.id}: {_pick(kp.text, lang)}")
        for why in _whys(kp, lang):
            lines.append(f"  wrong if the answer claims the opposite of: {why}")
    lines += ["", "Model answer (reference only, not the candidate's):",
              _pick(question.answer, lang), "",
              "Candidate's answer (between the markers):", "<<<", answer, ">>>"]
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": "\n".join(lines)}]


# ------------------------------------------------------------------------------ transport
def _scrub(text: str, config: LLMConfig) -> str:
    text = " ".join(str(text).split())[:160]
    if config.api_key:
        text = text.replace(config.api_key, "***")
    return _shown_url(text) if "//" in text else text


def post_json(config: LLMConfig, payload: dict, timeout: float) -> dict:
    """POST `payload` to the chat-completions endpoint and return the decoded JSON body.

    The request runs in a daemon thread and is abandoned after `timeout` seconds in all
    (urllib's own timeout is per socket operation, so a server trickling bytes could exceed
    it); Ctrl-C while waiting raises KeyboardInterrupt here. Raises LLMFailure."""
    import urllib.request

    data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    headers = {"Content-Type": "application/json", "Accept": "application/json",
               "User-Agent": "quizcli"}
    if config.api_key:
        headers["Authorization"] = f"Bearer {config.api_key}"
    request = urllib.request.Request(config.endpoint, data=data, headers=headers, method="POST")
    from urllib.parse import urlsplit

    host = urlsplit(config.base_url).hostname or ""
    handlers = [urllib.request.ProxyHandler({})] if host in ("localhost", "127.0.0.1", "::1") else []
    opener = urllib.request.build_opener(*handlers)
    box: dict = {}
    done = threading.Event()

    def work():
        try:
            with opener.open(request, timeout=timeout) as resp:
                box["status"], box["body"] = resp.status, resp.read(4_000_000)
        except BaseException as exc:  # noqa: BLE001 — handed to the waiting thread
            box["error"] = exc
        finally:
            done.set()

    threading.Thread(target=work, name="quiz-llm", daemon=True).start()
    if not done.wait(timeout):
        raise LLMFailure("timeout", f"{timeout:g}")
    if "error" in box:
        raise _failure(box["error"], config, timeout)
    try:
        return json.loads(box["body"].decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise LLMFailure("malformed", "body_not_json") from None


def _failure(exc: BaseException, config: LLMConfig, timeout: float) -> LLMFailure:
    import socket
    import urllib.error

    if isinstance(exc, urllib.error.HTTPError):
        message = ""
        try:
            body = json.loads(exc.read(20_000).decode("utf-8", "replace"))
            err = body.get("error") if isinstance(body, dict) else None
            message = err.get("message", "") if isinstance(err, dict) else (err or "")
        except Exception:  # noqa: BLE001 — the status alone is enough
            pass
        detail = f"{exc.code}" + (f" {_scrub(message, config)}" if message else "")
        failure = LLMFailure("http", detail)
        failure.status = exc.code
        return failure
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, (socket.timeout, TimeoutError)):
        return LLMFailure("timeout", f"{timeout:g}")
    if isinstance(reason, ConnectionRefusedError):
        return LLMFailure("refused", config.where)
    if isinstance(reason, (ConnectionError, OSError)):
        text = getattr(reason, "strerror", None) or str(reason)
        return LLMFailure("network", _scrub(f"{config.where}: {text}", config))
    return LLMFailure("network", _scrub(f"{config.where}: {type(exc).__name__}", config))


# ------------------------------------------------------------------------------ reply
_FENCE = re.compile(r"^\s*```(?:json)?\s*(.*?)\s*```\s*$", re.S)


def reply_items(body: dict) -> list:
    """The key-point items of a chat-completions body. Raises LLMFailure (malformed, partial)."""
    try:
        choice = body["choices"][0]
        content = choice["message"]["content"]
    except (KeyError, IndexError, TypeError):
        raise LLMFailure("malformed", "no_content") from None
    if not isinstance(content, str) or not content.strip():
        raise LLMFailure("malformed", "empty_reply")
    cut = isinstance(choice, dict) and choice.get("finish_reason") == "length"
    m = _FENCE.match(content)
    text = m.group(1) if m else content.strip()
    try:
        data = json.loads(text)
    except ValueError:
        lo, hi = text.find("{"), text.rfind("}")
        try:
            data = json.loads(text[lo:hi + 1]) if 0 <= lo < hi else None
        except ValueError:
            data = None
        if data is None:
            raise LLMFailure("partial" if cut else "malformed", "" if cut else "not_json") from None
    items = data.get("key_points") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise LLMFailure("malformed", "no_list")
    return items


def _find_quote(quote: str, text: str) -> tuple[int, int] | None:
    """(start, end) of the normalised quote in the normalised answer `text`, None when any
    fragment of it (split at ... or …) is not there."""
    from ..textmatch import normalize

    q = normalize(quote).strip(" \"'“”‘’«»「」")
    parts = [p.strip(" \"'“”‘’") for p in re.split(r"\.\.\.|…", q)]
    parts = [p for p in parts if p]
    if not parts:
        return None
    first = None
    pos = 0
    for p in parts:
        i = text.find(p, pos)
        if i < 0:
            return None
        if first is None:
            first = i
        pos = i + len(p)
    return first, pos


def verdict_from_items(question, answer: str, items: list, lang: str, model: str,
                       truncated: bool = False) -> LLMVerdict:
    """The Grade the reply's items give, after checking every quote against `answer`."""
    from ..textmatch import normalize

    text = normalize(answer)
    ids = [kp.id for kp in question.key_points]
    said: dict[str, tuple[str, str]] = {}
    notes: list[Note] = []
    for item in items:
        if not isinstance(item, dict):
            raise LLMFailure("malformed", "bad_item")
        kid = str(item.get("id", item.get("key_point", "")))
        verdict = str(item.get("verdict", "")).strip().casefold()
        quote = item.get("quote") or ""
        if not isinstance(quote, str):
            quote = str(quote)
        if kid not in ids:
            notes.append(Note("unknown_id", kid[:60]))
            continue
        if kid in said:
            continue  # the first verdict for an id counts
        if verdict not in VERDICTS:
            notes.append(Note("bad_verdict", kid, verdict[:40]))
            verdict = "missed"
        said[kid] = (verdict, quote)
    if not said:
        raise LLMFailure("malformed", "no_key_points")
    covered, missed, matches, wrong = [], [], [], []
    for kid in ids:
        if kid not in said:
            notes.append(Note("not_returned", kid))
            missed.append(kid)
            continue
        verdict, quote = said[kid]
        if verdict == "missed":
            missed.append(kid)
            continue
        span = _find_quote(quote, text)
        if span is None:
            notes.append(Note("unverified_quote", kid, " ".join(quote.split())[:120]))
            missed.append(kid)
            continue
        start, end = span
        lo, hi = max(0, start - _CONTEXT), min(len(text), end + _CONTEXT)
        context = ("…" if lo else "") + text[lo:hi] + ("…" if hi < len(text) else "")
        kind = KeyPointMatch if verdict == "covered" else Misconception
        hit = kind(kid, lang, LLM_PATTERN, text[start:end], start, end, context)
        if verdict == "covered":
            covered.append(kid)
            matches.append(hit)
        else:
            missed.append(kid)
            wrong.append(hit)
    total = len(ids)
    score = len(covered) / total if total else 0.0
    prepared = prepare(answer)
    g = Grade(question.id, lang, tuple(covered), tuple(missed), tuple(matches), score,
              rating_for(score), round(hangul_share(prepared), 4), len(prepared), truncated,
              misconceptions=tuple(wrong))
    return LLMVerdict(g, model, tuple(notes))


# ------------------------------------------------------------------------------ the grader
def grade_llm(question, answer: str, config: LLMConfig, default_lang: str = "en") -> LLMVerdict:
    """Grade `answer` with the configured model. Raises LLMFailure (the caller falls back to
    the rubric), and KeyboardInterrupt when Ctrl-C is pressed while waiting."""
    import time

    if not answer.strip():
        raise LLMFailure("empty")
    truncated = len(answer) > MAX_LLM_CHARS
    answer = answer[:MAX_LLM_CHARS]
    lang = detect_lang(prepare(answer), default_lang)
    payload = {"model": config.model, "messages": build_messages(question, answer, lang),
               "temperature": 0, "stream": False,
               "response_format": {"type": "json_schema",
                                   "json_schema": {"name": "key_point_verdicts", "strict": True,
                                                   "schema": SCHEMA}}}
    deadline = time.monotonic() + config.timeout
    try:
        body = post_json(config, payload, config.timeout)
    except LLMFailure as exc:
        # a server without JSON-schema mode rejects it: ask once more in plain JSON mode
        if exc.code != "http" or getattr(exc, "status", 0) not in (400, 422):
            raise
        left = deadline - time.monotonic()
        if left <= 0.05:
            raise LLMFailure("timeout", f"{config.timeout:g}") from None
        payload["response_format"] = {"type": "json_object"}
        try:
            body = post_json(config, payload, left)
        except LLMFailure as again:
            if again.code == "timeout":  # the deadline covers both requests
                raise LLMFailure("timeout", f"{config.timeout:g}") from None
            raise
    items = reply_items(body)
    return verdict_from_items(question, answer, items, lang, config.model, truncated)
