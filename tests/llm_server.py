"""A loopback server speaking the OpenAI chat-completions protocol, replaying scripted
responses (tests of the LLM grader). 127.0.0.1, a random port, run in a thread by the test.

    with ScriptedLLM() as server:
        server.script(chat({"key_points": [...]}))       # one response per request, in order
        ... QUIZ_LLM_BASE_URL=server.base_url ...
        server.requests  # what the client sent: (path, headers, JSON body)
"""

from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def chat(content, finish_reason: str = "stop") -> dict:
    """A 200 response whose first choice's message content is `content` (a dict is dumped)."""
    text = content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)
    return {"status": 200, "body": {
        "id": "chatcmpl-test", "object": "chat.completion", "model": "scripted",
        "choices": [{"index": 0, "finish_reason": finish_reason,
                     "message": {"role": "assistant", "content": text}}]}}


def verdicts(*items) -> dict:
    """chat() of {"key_points": [{"id", "verdict", "quote"}…]} from (id, verdict, quote)."""
    return chat({"key_points": [{"id": i, "verdict": v, "quote": q} for i, v, q in items]})


def free_port() -> int:
    """A port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ScriptedLLM:
    def __init__(self):
        self.responses: list[dict] = []
        self.requests: list[tuple[str, dict, object]] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                raw = self.rfile.read(length)
                try:
                    body = json.loads(raw)
                except ValueError:
                    body = raw
                with server._lock:
                    server.requests.append((self.path, dict(self.headers), body))
                    spec = server.responses.pop(0) if server.responses else {"status": 500}
                if spec.get("delay"):
                    time.sleep(spec["delay"])
                payload = spec.get("raw")
                if payload is None:
                    payload = json.dumps(spec.get("body", {"error": {"message": "no script"}}),
                                         ensure_ascii=False).encode("utf-8")
                try:
                    self.send_response(spec.get("status", 200))
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except OSError:  # the client gave up (timeout tests)
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.base_url = f"http://127.0.0.1:{self.port}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def script(self, *responses: dict) -> "ScriptedLLM":
        with self._lock:
            self.responses.extend(responses)
        return self

    def __enter__(self) -> "ScriptedLLM":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
