#!/usr/bin/env python3
"""Tests of check.py on hand-written pages: one that renders (MathML from the
MathML module's golden sample and an SVG), and broken ones that must fail,
each for its own reason. Needs Debian's chromium.

    python3 tools/browser-check/test_check.py
"""

import contextlib
import io
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check  # noqa: E402

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")


def run(site, page):
    """(exit code, stdout, stderr) of check.py on one page."""
    out, err = io.StringIO(), io.StringIO()
    with tempfile.TemporaryDirectory() as shots, contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = check.main([os.path.join(FIXTURES, site), page, "--out", shots])
        shot_exists = any(name.endswith(".png") for name in os.listdir(shots))
    return code, out.getvalue(), err.getvalue(), shot_exists


@unittest.skipUnless(check.find_chromium(None), "chromium is not installed")
class BrowserCheckTests(unittest.TestCase):
    def test_page_with_mathml_and_svg_passes(self):
        code, out, err, shot = run("good", "index.html")
        self.assertEqual(code, 0, err)
        self.assertIn("2 <math> and 1 <svg> checked, 1 definitions-only <svg> skipped", out)
        self.assertIn("screenshot ", out)
        self.assertTrue(shot)

    def assert_fails(self, page, reason):
        code, out, err, shot = run("broken", page)
        self.assertEqual(code, 1, out + err)
        self.assertIn(reason, err)
        self.assertTrue(shot, "a failing page still leaves its screenshot for the log")

    def test_svg_without_size_fails(self):
        self.assert_fails("zero-size-svg.html", "<svg> #1 (Collapsed) has no layout size (0.0 x 0.0)")

    def test_svg_that_draws_nothing_fails(self):
        self.assert_fails("blank-svg.html", "<svg> #1 (Empty plot) rendered as a single colour")

    def test_empty_formula_fails(self):
        self.assert_fails("empty-math.html", "<math> #1 (no label) has no layout size")

    def test_missing_stylesheet_fails(self):
        self.assert_fails("missing-stylesheet.html", "missing.css failed: net::ERR_FILE_NOT_FOUND")

    def test_stylesheet_from_another_host_fails(self):
        # 127.0.0.1:9 (discard) refuses at once; no traffic leaves the machine.
        self.assert_fails("remote-stylesheet.html", "the page fetches http://127.0.0.1:9/remote.css from another host")

    def test_blank_page_fails(self):
        self.assert_fails("blank-page.html", "the page rendered as a single colour: it is blank")

    def test_missing_page_fails(self):
        code, _, err, _ = run("good", "nowhere.html")
        self.assertEqual(code, 1)
        self.assertIn("no page nowhere.html", err)


if __name__ == "__main__":
    unittest.main(verbosity=2)
