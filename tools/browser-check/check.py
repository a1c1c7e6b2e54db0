#!/usr/bin/env python3
"""Render one page of a built coursegen site in headless Chromium and fail on a
blank or broken render.

    python3 tools/browser-check/check.py site/ chapter.html [--out DIR]

The page itself has no JavaScript, so nothing is injected into it: this script
drives Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe,
null-terminated JSON on file descriptors 3 and 4), which needs only the Python
standard library and Debian's `chromium`. It

1. opens the page from disk at a fixed window size, waits for its load event
   and its fonts, and opens every <details> so the content inside is laid out;
2. fails when a request fails (a missing stylesheet) or leaves the machine
   (pages must fetch nothing from other hosts);
3. measures every <math> and every outermost <svg>: each must have a non-zero
   layout width and height, and <math> must be a real MathMLElement;
4. screenshots the whole page (in bands of 16000 px for long pages), and
   fails when the pixels inside any of those elements are all one colour (an
   SVG that drew nothing, a formula that rendered as blank space) or the
   whole page is one colour; a second, blank tab counts the pixels in a
   canvas, which is fast where decoding PNG in Python is not;
5. prints each screenshot's path, and exits 1 on any failure (2 when
   Chromium cannot be run or does not answer).

Elements that a container scrolled sideways hides cannot be seen in a
screenshot; they are sized but only named in a note. An <svg> holding only
definitions (a sprite for <use>) is skipped.
"""

import argparse
import base64
import fcntl
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time

# The page is screenshotted in bands of this height, in CSS pixels (a canvas
# and a viewport this tall are well within Chromium's limits), at most this
# many bands.
BAND_HEIGHT = 16_000
MAXIMUM_BANDS = 20

MEASURE_SCRIPT = r"""
(() => {
  const elements = Array.from(document.querySelectorAll('math, svg'))
    .filter(e => e.localName === 'math' || !e.parentElement || !e.parentElement.closest('svg'));
  // An <svg> holding only definitions (a sprite that figures <use>) draws
  // nothing by design; it is reported apart, not failed.
  const definitions = new Set(['defs', 'symbol', 'style', 'title', 'desc', 'linearGradient', 'radialGradient',
    'clipPath', 'marker', 'pattern', 'filter', 'mask', 'metadata']);
  return elements.map((e, index) => {
    const r = e.getBoundingClientRect();
    const label = e.localName === 'svg'
      ? ((e.querySelector(':scope > title') || {}).textContent || e.getAttribute('aria-label') || '')
      : ((e.querySelector('annotation') || {}).textContent || e.textContent || '');
    return {
      index,
      tag: e.localName,
      isMathML: typeof MathMLElement !== 'undefined' && e instanceof MathMLElement,
      definitionsOnly: e.localName === 'svg' && Array.from(e.children).every(c => definitions.has(c.localName)),
      x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height,
      label: label.trim().replace(/\s+/g, ' ').slice(0, 70),
    };
  });
})()
"""


# Runs in a second, blank tab: draws the page's screenshot into a canvas and
# tells, for each rectangle, whether its pixels are all one colour (1) or not
# (2); 0 for a rectangle outside the screenshot. JavaScript scans millions of
# pixels in milliseconds, where decoding the PNG in Python would take seconds.
PIXEL_SCRIPT = r"""
(async (data, rects) => {
  const image = new Image();
  image.src = 'data:image/png;base64,' + data;
  await image.decode();
  const canvas = new OffscreenCanvas(image.width, image.height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  context.drawImage(image, 0, 0);
  return rects.map(r => {
    const x = Math.max(0, Math.floor(r.x)), y = Math.max(0, Math.floor(r.y));
    const w = Math.min(image.width, Math.ceil(r.x + r.width)) - x;
    const h = Math.min(image.height, Math.ceil(r.y + r.height)) - y;
    if (w <= 0 || h <= 0) return 0;
    const d = context.getImageData(x, y, w, h).data;
    for (let i = 4; i < d.length; i += 4) {
      if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2] || d[i + 3] !== d[3]) return 2;
    }
    return 1;
  });
})
"""


SETTLE_SCRIPT = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
OPEN_DETAILS_SCRIPT = ("for (const details of document.querySelectorAll('details')) details.open = true; "
                       + SETTLE_SCRIPT)


class CheckError(Exception):
    """Chromium could not be started or did not answer: not a verdict on the page."""


class DevTools:
    """A DevTools protocol connection to a Chromium started with --remote-debugging-pipe."""

    def __init__(self, chromium, user_data_dir, deadline):
        self.deadline = deadline
        # Our ends: we write commands to `to_browser`, read replies from `from_browser`.
        browser_in, self.to_browser = os.pipe()
        self.from_browser, browser_out = os.pipe()
        # Lift the browser's ends above 9 so that moving them to 3 and 4
        # cannot clobber one with the other.
        browser_in, browser_out = (self._above_nine(fd) for fd in (browser_in, browser_out))
        command = [
            chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--hide-scrollbars", "--mute-audio", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-background-networking", "--disable-sync",
            "--font-render-hinting=none", "--remote-debugging-pipe",
            "--user-data-dir=" + user_data_dir, "about:blank",
        ]
        # The protocol lives on descriptors 3 and 4 of the browser; the shell
        # moves our pipe ends there (bash, since dash cannot name descriptors
        # above 9).
        shell = 'exec "$@" 3<&{0} 4>&{1} {0}<&- {1}>&-'.format(browser_in, browser_out)
        self.process = subprocess.Popen(
            ["/bin/bash", "-c", shell, "bash"] + command,
            pass_fds=(browser_in, browser_out),
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            start_new_session=True,
        )
        os.close(browser_in)
        os.close(browser_out)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    @staticmethod
    def _above_nine(fd):
        high = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
        os.close(fd)
        return high

    def close(self):
        for fd in (self.to_browser, self.from_browser):
            try:
                os.close(fd)
            except OSError:
                pass
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=5)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(self.process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.process.wait()
        if self.process.stderr:
            self.process.stderr.close()

    def _read_message(self):
        while b"\0" not in self.buffer:
            remaining = self.deadline - time.monotonic()
            if remaining <= 0:
                raise CheckError("Chromium did not answer in time")
            ready, _, _ = select.select([self.from_browser], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(self.from_browser, 1 << 20)
            if not chunk:
                raise CheckError("Chromium closed the DevTools pipe" + self._stderr_tail())
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def _stderr_tail(self):
        if self.process.poll() is None or not self.process.stderr:
            return ""
        tail = self.process.stderr.read().decode("utf-8", "replace").strip().splitlines()[-5:]
        return ":\n  " + "\n  ".join(tail) if tail else ""

    def call(self, method, params=None, session=None):
        """Sends one command and returns its result; events that arrive meanwhile are kept."""
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        data = json.dumps(message).encode() + b"\0"
        try:
            while data:
                written = os.write(self.to_browser, data)
                data = data[written:]
        except BrokenPipeError:
            raise CheckError("Chromium exited" + self._stderr_tail())
        while True:
            reply = self._read_message()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise CheckError("{} failed: {}".format(method, reply["error"].get("message")))
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def wait_for_event(self, method, session):
        """Returns the first event `method` of `session`, kept or still to come."""
        while True:
            for index, event in enumerate(self.events):
                if event["method"] == method and event.get("sessionId") == session:
                    return self.events.pop(index)
            reply = self._read_message()
            if "method" in reply:
                self.events.append(reply)


def screenshot(devtools, session, x, y, width, height, beyond=False):
    result = devtools.call("Page.captureScreenshot", {
        "format": "png", "fromSurface": True, "captureBeyondViewport": beyond,
        "clip": {"x": x, "y": y, "width": width, "height": height, "scale": 1},
    }, session)
    return base64.b64decode(result["data"])


def check_page(chromium, site, page, out_dir, width, height, timeout):
    """Returns (screenshot paths, failures, notes) for one page."""
    path = os.path.abspath(os.path.join(site, page))
    if not os.path.isfile(path):
        return None, ["no page {} in {}".format(page, site)], []
    url = "file://" + path
    failures, notes, shots = [], [], []
    user_data_dir = tempfile.mkdtemp(prefix="browser-check-profile-")
    devtools = None
    try:
        devtools = DevTools(chromium, user_data_dir, time.monotonic() + timeout)
        target = devtools.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = devtools.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        devtools.call("Page.enable", session=session)
        devtools.call("Network.enable", session=session)
        devtools.call("Emulation.setDeviceMetricsOverride",
                      {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}, session)
        navigation = devtools.call("Page.navigate", {"url": url}, session)
        if navigation.get("errorText"):
            return None, ["could not open {}: {}".format(url, navigation["errorText"])], []
        devtools.wait_for_event("Page.loadEventFired", session)
        devtools.call("Runtime.evaluate", {"expression": "document.fonts.ready.then(() => true)",
                                           "awaitPromise": True}, session)

        requests = {}
        for event in devtools.events:
            if event.get("sessionId") != session:
                continue
            if event["method"] == "Network.requestWillBeSent":
                requested = event["params"]["request"]["url"]
                requests[event["params"]["requestId"]] = requested
                if not requested.startswith(("file:", "data:", "about:")):
                    failures.append("the page fetches {} from another host".format(requested))
            elif event["method"] == "Network.loadingFailed":
                failures.append("loading {} failed: {}".format(
                    requests.get(event["params"]["requestId"], "a resource"), event["params"].get("errorText")))

        # Open every <details> first: what is inside must render too, and the
        # page's height depends on it.
        devtools.call("Runtime.evaluate", {"expression": OPEN_DETAILS_SCRIPT, "awaitPromise": True}, session)
        # A viewport as tall as the page (up to one band): captures inside it
        # are plain crops, many times faster than capturing beyond it.
        metrics = devtools.call("Page.getLayoutMetrics", session=session)
        content = metrics.get("cssContentSize") or metrics["contentSize"]
        page_height = int(min(BAND_HEIGHT * MAXIMUM_BANDS, max(height, content["height"])) + 0.999)
        viewport_height = min(BAND_HEIGHT, page_height)
        devtools.call("Emulation.setDeviceMetricsOverride",
                      {"width": width, "height": viewport_height, "deviceScaleFactor": 1, "mobile": False}, session)
        # The new size takes effect with the next frames; measure after them.
        devtools.call("Runtime.evaluate", {"expression": SETTLE_SCRIPT, "awaitPromise": True}, session)
        # A taller viewport can make the page taller (min-height: 100vh); take
        # the height it has now.
        metrics = devtools.call("Page.getLayoutMetrics", session=session)
        content = metrics.get("cssContentSize") or metrics["contentSize"]
        page_height = int(min(BAND_HEIGHT * MAXIMUM_BANDS, max(viewport_height, content["height"])) + 0.999)
        elements = devtools.call("Runtime.evaluate", {"expression": MEASURE_SCRIPT, "returnByValue": True},
                                 session)["result"]["value"]
        sprites = [element for element in elements if element["definitionsOnly"]]
        elements = [element for element in elements if not element["definitionsOnly"]]
        drawn = []
        for element in elements:
            element["name"] = "<{}> #{} ({})".format(element["tag"], element["index"] + 1, element["label"] or "no label")
            if element["tag"] == "math" and not element["isMathML"]:
                failures.append("{} is not a MathML element in this browser".format(element["name"]))
            if element["width"] < 0.5 or element["height"] < 0.5:
                failures.append("{} has no layout size ({:.1f} x {:.1f})".format(
                    element["name"], element["width"], element["height"]))
            else:
                element["verdict"] = 0
                drawn.append(element)

        # The page in bands of BAND_HEIGHT pixels, each saved and checked in a
        # blank tab; an element drawn anywhere in any band counts as drawn.
        os.makedirs(out_dir, exist_ok=True)
        # Pages in different folders keep apart: chapters/index.html → chapters__index.png.
        stem = os.path.join(out_dir, os.path.splitext(os.path.normpath(page))[0].replace(os.sep, "__"))
        blank = devtools.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        pixels = devtools.call("Target.attachToTarget", {"targetId": blank, "flatten": True})["sessionId"]
        page_verdict = 1
        for band, top in enumerate(range(0, page_height, BAND_HEIGHT)):
            band_height = min(BAND_HEIGHT, page_height - top)
            png = screenshot(devtools, session, 0, top, width, band_height, beyond=top + band_height > viewport_height)
            shots.append(stem + (".png" if band == 0 else "-{}.png".format(band + 1)))
            with open(shots[-1], "wb") as f:
                f.write(png)
            rects = [{"x": 0, "y": 0, "width": width, "height": band_height}] + [
                {"x": e["x"], "y": e["y"] - top, "width": e["width"], "height": e["height"]} for e in drawn]
            expression = "{}({}, {})".format(PIXEL_SCRIPT.strip(), json.dumps(base64.b64encode(png).decode()),
                                             json.dumps(rects))
            verdicts = devtools.call("Runtime.evaluate", {"expression": expression, "awaitPromise": True,
                                                          "returnByValue": True}, pixels)["result"]["value"]
            page_verdict = max(page_verdict, verdicts[0])
            for element, verdict in zip(drawn, verdicts[1:]):
                element["verdict"] = max(element["verdict"], verdict)
        if page_verdict == 1:
            failures.append("the page rendered as a single colour: it is blank")
        unseen = []
        for element in drawn:
            if element["verdict"] == 1:
                failures.append("{} rendered as a single colour: nothing was drawn".format(element["name"]))
            elif element["verdict"] == 0:
                unseen.append(element)
        aside = [e for e in unseen if e["x"] >= width or e["x"] + e["width"] <= 0]
        below = [e for e in unseen if e not in aside]
        # Not failures: a wide table scrolls sideways in its own box, and
        # very long pages end their screenshot somewhere.
        if aside:
            notes.append("{} elements lie outside the {} px wide window (a container scrolled sideways?), "
                         "sized but not screenshotted: {}".format(
                             len(aside), width, ", ".join(e["name"] for e in aside[:3]) + (", …" if len(aside) > 3 else "")))
        if below:
            notes.append("{} elements below the first {} pixels were sized but not screenshotted".format(
                len(below), page_height))
        counts = {"math": 0, "svg": 0}
        for element in elements:
            counts[element["tag"]] += 1
        notes.append("{} <math> and {} <svg> checked{}".format(
            counts["math"], counts["svg"], ", {} definitions-only <svg> skipped".format(len(sprites)) if sprites else ""))
        return shots, failures, notes
    finally:
        if devtools:
            devtools.close()
        shutil.rmtree(user_data_dir, ignore_errors=True)


def find_chromium(explicit):
    candidates = [explicit] if explicit else [os.environ.get("CHROMIUM"), "chromium", "chromium-browser",
                                              "google-chrome", "chrome"]
    for candidate in candidates:
        if candidate and shutil.which(candidate):
            return shutil.which(candidate)
    return None


def main(argv=None):
    parser = argparse.ArgumentParser(description="Render a page of a built site in headless Chromium; "
                                                 "fail on a blank or broken render.")
    parser.add_argument("site", help="the built site folder")
    parser.add_argument("page", help="the page, relative to the site folder (chapter.html)")
    parser.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "coursegen-browser-check"),
                        help="folder for the screenshot (default: %(default)s)")
    parser.add_argument("--width", type=int, default=1000, help="window width in CSS pixels (default: %(default)s)")
    parser.add_argument("--height", type=int, default=800, help="window height in CSS pixels (default: %(default)s)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds before giving up (default: %(default)s)")
    parser.add_argument("--chromium", help="the browser binary (default: $CHROMIUM, then chromium on PATH)")
    args = parser.parse_args(argv)

    chromium = find_chromium(args.chromium)
    if not chromium:
        print("browser-check: Chromium not found; install Debian's chromium or pass --chromium", file=sys.stderr)
        return 2
    try:
        shots, failures, notes = check_page(chromium, args.site, args.page, args.out,
                                           args.width, args.height, args.timeout)
    except CheckError as error:
        print("browser-check: {}: {}".format(args.page, error), file=sys.stderr)
        return 2
    for shot in shots or []:
        print("browser-check: {}: screenshot {}".format(args.page, shot))
    for note in notes:
        print("browser-check: {}: {}".format(args.page, note))
    for failure in failures:
        print("browser-check: {}: FAIL: {}".format(args.page, failure), file=sys.stderr)
    if failures:
        return 1
    print("browser-check: {}: ok".format(args.page))
    return 0


if __name__ == "__main__":
    sys.exit(main())
