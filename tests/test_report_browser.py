"""report in a real browser: headless Chromium opens the page offline, every chart renders,
nothing is logged as an error or warning, no network request is made, and a screenshot is
kept as a test artefact (build/test-artifacts/, or $EVENTS_TEST_ARTIFACTS).

Chromium is driven over its DevTools pipe (--remote-debugging-pipe), so the test needs no
extra Python package. When Chromium is not installed (Debian: `apt-get install chromium`;
.ci/run installs it) the test is skipped, saying so.
"""
from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from events import report
from test_report import db  # noqa: F401  (the shared five-event store fixture)

ARTIFACTS = Path(os.environ.get("EVENTS_TEST_ARTIFACTS", Path(__file__).resolve().parent.parent / "build"
                                / "test-artifacts"))
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-extensions", "--no-default-browser-check",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--remote-debugging-pipe"]
WAIT = 60.0     # seconds at most for the browser to answer (a guard, not a measurement)


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.skip("chromium is not installed (Debian: apt-get install chromium): browser test skipped")
    return found


class DevTools:
    """A minimal Chrome DevTools Protocol client over the pipe (fd 3 in, fd 4 out, NUL-separated JSON)."""

    def __init__(self, binary: str, profile: Path) -> None:
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()
        # above any fd the child could be given as 3 or 4, so one dup2 cannot clobber the other
        high_r, high_w = (fcntl.fcntl(fd, fcntl.F_DUPFD, 100) for fd in (to_chrome_r, from_chrome_w))
        os.close(to_chrome_r)
        os.close(from_chrome_w)

        def child_fds() -> None:
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        self.proc = subprocess.Popen([binary, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, preexec_fn=child_fds, close_fds=False)
        os.close(high_r)
        os.close(high_w)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict] = []

    def _read_message(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self._from_chrome], [], [], max(0.0, left))
            if not ready:
                raise TimeoutError("chromium did not answer")
            chunk = os.read(self._from_chrome, 1 << 20)
            if not chunk:
                raise ConnectionError("chromium closed its DevTools pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + WAIT
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def evaluate(self, expression: str, session: str) -> object:
        return self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True},
                         session)["result"].get("value")

    def close(self) -> None:
        try:
            self.send("Browser.close")
        except (OSError, TimeoutError, ConnectionError, RuntimeError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_chrome)
        os.close(self._from_chrome)


def _problems(events: list[dict]) -> tuple[list[str], list[str]]:
    """(console errors and warnings, URLs requested from anywhere but the page itself)."""
    logged, requested = [], []
    for e in events:
        method, params = e["method"], e.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "warning", "assert"):
            logged.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            logged.append(params["exceptionDetails"].get("exception", {}).get("description", "exception"))
        elif method == "Log.entryAdded" and params["entry"]["level"] in ("error", "warning"):
            logged.append(params["entry"]["text"])
        elif method == "Network.requestWillBeSent":
            url = params["request"]["url"]
            if not url.startswith(("file:", "data:", "blob:", "about:")):
                requested.append(url)
    return logged, requested


def test_report_browser_renders_offline_without_errors(db, tmp_path):  # noqa: F811
    binary = _chromium()
    page = tmp_path / "report.html"
    report.write(db, page, title="Browser test report")
    browser = DevTools(binary, tmp_path / "profile")
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Network", "Runtime", "Log", "Page"):
            browser.send(f"{domain}.enable", session=session)
        browser.send("Emulation.setDeviceMetricsOverride",
                     {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}, session)
        browser.send("Page.navigate", {"url": page.resolve().as_uri()}, session)
        deadline = time.monotonic() + WAIT
        state = None
        while time.monotonic() < deadline:
            state = browser.evaluate("document.body && document.body.dataset.chartsRendered !== undefined ? "
                                     "[+document.body.dataset.chartsRendered, +document.body.dataset.chartsFailed]"
                                     " : null", session)
            if state:
                break
            time.sleep(0.2)
        assert state == [7, 0], f"charts rendered, failed: {state}"
        counts = browser.evaluate("({svgs: document.querySelectorAll('.chart svg').length, "
                                  "land: document.querySelectorAll('#chart-map path').length, "
                                  "rows: document.querySelectorAll('tbody tr').length, "
                                  "title: document.title, radios: document.querySelectorAll('input[type=radio]').length})",
                                  session)
        assert counts == {"svgs": 7, "land": counts["land"], "rows": 5, "title": "Browser test report", "radios": 2}
        assert counts["land"] > 20                   # country outlines drawn, not just the points
        # switching the stacking to region re-renders without error
        browser.evaluate("document.querySelector('input[type=radio][value=region]').click()", session)
        time.sleep(0.5)
        legend = browser.evaluate("Array.from(document.querySelectorAll('#chart-timeline .role-legend-label text'))"
                                  ".map(t => t.textContent)", session)
        assert legend == ["Middle East", "Southeast Asia"]
        height = browser.send("Page.getLayoutMetrics", session=session)["cssContentSize"]["height"]
        shot = browser.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                                       "clip": {"x": 0, "y": 0, "width": 1280,
                                                                "height": height, "scale": 1}}, session)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        png = base64.b64decode(shot["data"])
        (ARTIFACTS / "report-browser.png").write_bytes(png)
        assert png.startswith(b"\x89PNG") and len(png) > 20_000
        logged, requested = _problems(browser.events)
    finally:
        browser.close()
    assert logged == []
    assert requested == []
