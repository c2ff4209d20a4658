"""A small JSON-RPC client that talks LSP to ``probis lsp`` over stdio (a real subprocess)."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

TIMEOUT = 30.0  # generous: CI machines are slow; nothing waits this long when things work


class LspClient:
    """Start the server, send requests/notifications, collect what it sends back."""

    def __init__(self, cwd: Path, env: dict[str, str] | None = None) -> None:
        self.log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(
            [sys.executable, "-c", "from probis_cli.cli.main import run; run()", "lsp"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.log,  # a file, never a pipe nobody reads: a full pipe would block the server
            cwd=cwd,
            env={**os.environ, **(env or {})},
        )
        self.inbox: queue.Queue[dict[str, Any]] = queue.Queue()
        self.notifications: list[dict[str, Any]] = []
        self.next_id = 0
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        stream = self.proc.stdout
        assert stream is not None
        while True:
            headers: dict[str, str] = {}
            while True:
                line = stream.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode().partition(":")
                headers[name.strip().lower()] = value.strip()
            body = stream.read(int(headers["content-length"]))
            self.inbox.put(json.loads(body))

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps(message).encode()
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method: str, params: Any) -> Any:
        self.next_id += 1
        wanted = self.next_id
        self._send({"jsonrpc": "2.0", "id": wanted, "method": method, "params": params})
        while True:
            message = self._take()
            if message.get("id") == wanted and "method" not in message:
                if "error" in message:
                    raise AssertionError(f"{method}: {message['error']}")
                return message.get("result")
            self._other(message)

    def _take(self) -> dict[str, Any]:
        try:
            return self.inbox.get(timeout=TIMEOUT)
        except queue.Empty:
            raise AssertionError("the server did not answer in time") from None

    def _other(self, message: dict[str, Any]) -> None:
        if "id" in message and "method" in message:  # a request from the server: accept it
            self._send({"jsonrpc": "2.0", "id": message["id"], "result": None})
        else:
            self.notifications.append(message)

    def wait_for(self, test: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
        """The first notification (already received or next) that passes ``test``."""
        for i, message in enumerate(self.notifications):
            if test(message):
                return self.notifications.pop(i)
        while True:
            message = self._take()
            if "method" in message and "id" not in message and test(message):
                return message
            self._other(message)

    def diagnostics(self, uri: str) -> list[dict[str, Any]]:
        """Wait for the next diagnostics published for ``uri``."""
        found = self.wait_for(
            lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
        )
        return list(found["params"]["diagnostics"])

    def settle(self, uri: str, test: Callable[[list[dict[str, Any]]], bool]) -> list[dict[str, Any]]:
        """Wait until the diagnostics published for ``uri`` pass ``test`` (earlier publications
        that do not pass are skipped: the server may publish before it sees the last edit)."""

        def wanted(m: dict[str, Any]) -> bool:
            return (
                m.get("method") == "textDocument/publishDiagnostics"
                and m["params"]["uri"] == uri
                and test(m["params"]["diagnostics"])
            )

        return list(self.wait_for(wanted)["params"]["diagnostics"])

    def drain(self) -> None:
        """Forget the notifications received so far."""
        self.notifications.clear()
        while True:
            try:
                self._other(self.inbox.get_nowait())
            except queue.Empty:
                break
        self.notifications.clear()

    def initialize(self, root: Path, **options: Any) -> Any:
        result = self.request(
            "initialize",
            {"processId": os.getpid(), "rootUri": root.as_uri(), "capabilities": {}, **options},
        )
        self.notify("initialized", {})
        return result

    def close(self) -> None:
        try:
            if self.proc.poll() is None:
                self.request("shutdown", None)
                self.notify("exit", None)
                assert self.proc.stdin is not None
                self.proc.stdin.close()  # as editors do: the server's reader stops
                self.proc.wait(timeout=TIMEOUT)
                assert self.proc.returncode == 0
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()
            for stream in (self.proc.stdin, self.proc.stdout):
                if stream is not None:
                    stream.close()
            self.log.close()

    def stderr(self) -> str:
        """What the server wrote to stderr so far."""
        self.log.seek(0)
        return self.log.read().decode(errors="replace")
