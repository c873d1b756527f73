#!/usr/bin/env python3
"""A local OpenAI-compatible chat-completions server for the fault campaign.

It answers like a diligent, deterministic forecaster, reading only the conversation it is sent (so a resumed run that
sends the same conversation gets the same answer): on the morning briefing it calls search_news and list_questions,
then submits a forecast on each open question (and writes notes), then calls next_day.

With the model name "faulty" it also injects endpoint faults, chosen from the request itself:
  transient, on the first attempt of a request only (the retry succeeds):
    429 with Retry-After: 1, 429 with Retry-After: 1e15, 503, a hang longer than the client's timeout,
    a reset connection
  permanent (every attempt): a 200 reply that is not JSON, a 200 reply without choices
  in the answer: tool arguments that are not JSON, negative token counts
Usage: chat_server.py PORT_FILE  (binds 127.0.0.1 on a free port and writes the port to PORT_FILE)
"""
import hashlib
import http.server
import json
import re
import socket
import socketserver
import struct
import sys
import threading
import time
import zlib

OPEN_QUESTION = re.compile(r"^## (\S+) \((\w+), resolves", re.MULTILINE)
TODAY = re.compile(r"Today is (\d{4}-\d{2}-\d{2})")
ATTEMPTS = {}
ATTEMPTS_LOCK = threading.Lock()


def text_of(message):
    content = message.get("content")
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(part.get("text", "") for part in content if isinstance(part, dict))
    return ""


def today(messages):
    for message in reversed(messages):
        match = TODAY.search(text_of(message))
        if match:
            return match.group(1)
    return ""


def latest_results(messages):
    """The results of the tool calls answered after the last assistant message, by tool name."""
    if not messages or messages[-1].get("role") != "tool":
        return {}
    i = len(messages) - 1
    while i >= 0 and messages[i].get("role") != "assistant":
        i -= 1
    if i < 0:
        return {}
    names = {c["id"]: c["function"]["name"] for c in messages[i].get("tool_calls") or []}
    return {names.get(m.get("tool_call_id"), ""): text_of(m) for m in messages[i + 1:] if m.get("role") == "tool"}


def decide(model, messages):
    """The tool calls of the next step: (name, arguments) pairs."""
    results = latest_results(messages)
    day = today(messages)
    if not results or "next_day" in results:
        return [("search_news", json.dumps({"query": "election result " + day, "max_results": 3})), ("list_questions", "{}")]
    if "list_questions" in results:
        calls = []
        for question_id, kind in OPEN_QUESTION.findall(results["list_questions"])[:12]:
            p = 0.2 + (zlib.crc32((model + question_id).encode()) % 60) / 100
            if kind == "binary":
                calls.append(("submit_forecasts", json.dumps({"question_id": question_id, "outcomes": {"Yes": round(p, 2)}})))
            elif kind == "free_form":
                calls.append(("submit_forecasts", json.dumps({"question_id": question_id, "outcomes": {"Alpha": round(p, 2)}})))
        calls.append(("write_notes", json.dumps({"text": "Forecast %d questions on %s." % (len(calls), day)})))
        return calls
    return [("next_day", "{}")]


def completion(messages, model, calls, prompt_tokens):
    tool_calls = [{"id": "call_%d_%d" % (len(messages), i), "type": "function", "function": {"name": n, "arguments": a}}
                  for i, (n, a) in enumerate(calls)]
    return {
        "id": "chatcmpl-%d" % len(messages), "object": "chat.completion", "created": 1767225600, "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": None, "tool_calls": tool_calls}, "finish_reason": "tool_calls"}],
        "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": 12 * len(calls), "total_tokens": prompt_tokens + 12 * len(calls)},
    }


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body, headers=()):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        try:
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (it timed out on a hang): that is the point

    def do_POST(self):
        raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        request = json.loads(raw)
        messages, model = request["messages"], request.get("model", "")
        calls = decide(model, messages)
        prompt_tokens = len(raw) // 4
        if model == "faulty":
            key = hashlib.sha1(raw).hexdigest()
            with ATTEMPTS_LOCK:
                attempt = ATTEMPTS[key] = ATTEMPTS.get(key, 0) + 1
            fault = zlib.crc32(("%s|%d" % (today(messages), len(messages))).encode()) % 12
            if attempt == 1 and fault == 0:
                return self.reply(429, {"error": {"message": "slow down"}}, [("Retry-After", "1")])
            if attempt == 1 and fault == 1:
                return self.reply(429, {"error": {"message": "slow down"}}, [("Retry-After", "1e15")])
            if attempt == 1 and fault == 2:
                return self.reply(503, {"error": {"message": "overloaded"}})
            if attempt == 1 and fault == 3:
                time.sleep(3)
                return self.reply(200, completion(messages, model, calls, prompt_tokens))
            if attempt == 1 and fault == 4:
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.close_connection = True
                return
            if fault == 5:
                return self.reply(200, b"<html>upstream error</html>")
            if fault == 6:
                return self.reply(200, {"id": "chatcmpl-x", "object": "chat.completion", "created": 1, "model": model})
            if fault == 7:
                calls = [(n, "{oops " + a) for n, a in calls]
            if fault == 8:
                prompt_tokens = -prompt_tokens
        self.reply(200, completion(messages, model, calls, prompt_tokens))


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        pass  # clients that hang up mid-request are part of the campaign


def main():
    server = Server(("127.0.0.1", 0), Handler)
    with open(sys.argv[1], "w") as port_file:
        port_file.write(str(server.server_address[1]))
    server.serve_forever()


if __name__ == "__main__":
    main()
