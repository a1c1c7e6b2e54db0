#!/usr/bin/env python3
"""Tests of check.py on hand-written pages: one that renders at every width
(MathML from the MathML module's golden sample, a table with formulas, code
that scrolls in a focusable box, a figure with a legend in Latin and Chinese),
and broken ones that must fail, each for its own reason; a page that axe-core
faults, in both themes and in the dark one only; and of the Markdown table
reader that tells a cell written empty from one that lost its content. The
browser tests need Debian's chromium (and fonts-noto-cjk for the legend), and
axe-core (fetched with pip on the first run, then cached).

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


def run(*arguments):
    """(exit code, stdout, stderr) of check.py with these arguments."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = check.main(list(arguments))
    return code, out.getvalue(), err.getvalue()


@unittest.skipUnless(check.find_chromium(None), "chromium is not installed")
class GoodPageTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.shots = tempfile.TemporaryDirectory()
        cls.code, cls.out, cls.err = run(os.path.join(FIXTURES, "good"), "--shots", cls.shots.name)

    @classmethod
    def tearDownClass(cls):
        cls.shots.cleanup()

    def test_passes_at_every_width(self):
        self.assertEqual(self.code, 0, self.out + self.err)
        self.assertEqual(self.err, "")
        self.assertIn("browser-check: index.html: ok", self.out)
        self.assertIn("browser check: 1 page × 3 widths, axe-core {} on 4 page views (390 and 1280 px, light "
                      "and dark), 0 failures".format(check.AXE_VERSION), self.out)

    def test_measures_every_formula_and_figure(self):
        self.assertIn("5 <math> and 2 <svg> checked, 1 definitions-only <svg> skipped", self.out)

    def test_writes_one_screenshot_per_width(self):
        self.assertEqual(sorted(os.listdir(self.shots.name)),
                         ["index-1280.png", "index-390.png", "index-768.png"])
        for name in os.listdir(self.shots.name):
            with open(os.path.join(self.shots.name, name), "rb") as f:
                self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")
        self.assertIn("screenshots " + os.path.join(self.shots.name, "index-390.png"), self.out)


@unittest.skipUnless(check.find_chromium(None), "chromium is not installed")
class BrokenPageTests(unittest.TestCase):
    """Every broken page in one run, as CI runs a site."""

    @classmethod
    def setUpClass(cls):
        cls.shots = tempfile.TemporaryDirectory()
        # Without axe-core: these pages are broken for one reason each (AxeTests has axe's).
        cls.code, cls.out, cls.err = run(os.path.join(FIXTURES, "broken"),
                                         "--chapters", os.path.join(FIXTURES, "broken-chapters"),
                                         "--shots", cls.shots.name, "--no-axe")

    @classmethod
    def tearDownClass(cls):
        cls.shots.cleanup()

    def failures(self, page):
        return [line for line in self.err.splitlines() if line.startswith("browser-check: " + page)]

    def assert_fails(self, page, reason, widths=None):
        self.assertEqual(self.code, 1, self.out + self.err)
        lines = [line for line in self.failures(page) if reason in line]
        self.assertTrue(lines, "{} does not fail with {!r}:\n{}".format(page, reason, "\n".join(self.failures(page))))
        if widths:
            prefix = "browser-check: {} at {} px: FAIL: ".format(page, widths)
            self.assertTrue(any(line.startswith(prefix) for line in lines), "\n".join(lines))

    def test_lists_every_failure_and_sums_them_up(self):
        self.assertEqual(self.code, 1)
        self.assertIn("browser check: 14 pages × 3 widths, axe-core off, ", self.out)
        self.assertIn(" failures (", self.out)

    def test_failing_pages_still_leave_their_screenshots(self):
        shots = os.listdir(self.shots.name)
        for page in ("wide-page", "clipped", "blank-svg"):
            for width in (390, 768, 1280):
                self.assertIn("{}-{}.png".format(page, width), shots)

    def test_script_outside_search_fails(self):
        self.assert_fails("script.html", "the page's scripts are assets/search.js where none are allowed")

    def test_svg_without_size_fails(self):
        self.assert_fails("zero-size-svg.html", "<svg> #1 (Collapsed) has no layout size (0.0 x 0.0)",
                          "390, 768, 1280")

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

    def test_page_wider_than_a_phone_fails_at_390_only(self):
        self.assert_fails("wide-page.html", "the page is 718 px wide, wider than the 390 px viewport: "
                          "main#content («A column that is 700 px wide, so on a phone the page is wid…») reaches "
                          "718 px, past the right edge of body > div.layout (354 px wide); held to that width, "
                          "main#content > div.wide («A column that is 700 px wide, so on a phone the page is wid…») "
                          "still reaches 718 px", "390")
        self.assertEqual(len(self.failures("wide-page.html")), 1, "\n".join(self.failures("wide-page.html")))

    def test_content_cut_off_by_overflow_hidden_fails(self):
        self.assert_fails("clipped.html", "article > div.box > p.inner («This paragraph is 320 px wide and loses "
                          "its right end.») is cut off by article > div.box (overflow: hidden): it extends 120 px "
                          "past its right edge", "390, 768, 1280")

    def test_box_that_scrolls_without_focus_fails(self):
        self.assert_fails("scroll-without-tabindex.html", "article > pre («Experiment(\"A line of code much longer "
                          "than a phone is wide…») scrolls sideways (its content is ")
        self.assert_fails("scroll-without-tabindex.html", "but neither it nor anything in it can take focus, so a "
                          "keyboard cannot scroll it: it needs tabindex=\"0\"")

    def test_cell_that_lost_its_formula_fails(self):
        self.assert_fails("empty-cell.html", "<td> article > table > tbody > tr:nth-child(1) > td:nth-child(1) "
                          "(table 1, row 2, column 1) renders empty; its source cell is «$\\theta_t$»",
                          "390, 768, 1280")

    def test_cell_written_empty_may_render_empty(self):
        self.assertFalse([line for line in self.failures("empty-cell.html") if "row 3" in line])

    def test_empty_cell_of_a_generated_table_fails(self):
        self.assert_fails("empty-cell.html", "<td> article > section.cg-experiment > table.cg-results > tbody > "
                          "tr:nth-child(1) > td:nth-child(2) (row 2, column 2) of a generated table renders empty")

    def test_overlapping_legend_entries_fail(self):
        self.assert_fails("legend-overlap.html", "legend entries «learning rate 0.1» and «learning rate 0.01» "
                          "overlap, in body > figure > svg > g.cg-legend of <svg> «Crowded legend»",
                          "390, 768, 1280")

    def test_figure_text_below_eleven_pixels_fails_where_the_figure_is_scaled_down(self):
        # 640 units in a 274 px column (the figure's margins take 80): 11-unit text at 4.7 px
        # on a phone, and at 11 px or more in the wider columns of 768 and 1280 px.
        self.assert_fails("small-figure-text.html", "<text> body > figure > svg.cg-plot > g > text:nth-of-type(1) («0») "
                          "of <svg> «Ticks too small on a phone» is drawn at 4.7 px, below the 11 px", "390")
        self.assertFalse([line for line in self.failures("small-figure-text.html")
                          if "below the 11 px" in line and " at 390 px:" not in line])

    def test_overlapping_figure_text_fails(self):
        self.assert_fails("small-figure-text.html", "texts «10000» and «12000» of <svg> «Ticks too small on a phone» "
                          "overlap by 9.8 x 5 px", "390")

    def test_text_outside_its_figure_fails(self):
        self.assert_fails("svg-text-outside.html", "<text> body > figure > svg > text («iterations») of <svg> "
                          "«Axis label off the edge» extends ")
        self.assert_fails("svg-text-outside.html", " px past the figure's right edge")


@unittest.skipUnless(check.find_chromium(None), "chromium is not installed")
class AxeTests(unittest.TestCase):
    """axe-core on a page with a violation of each kind the course had, and one in the dark theme only."""

    @classmethod
    def setUpClass(cls):
        cls.code, cls.out, cls.err = run(os.path.join(FIXTURES, "axe"), "--widths", "390,1280")

    def assert_fails(self, places, message):
        line = "browser-check: index.html at {}: FAIL: {}".format(places, message)
        self.assertTrue(any(l.startswith(line) for l in self.err.splitlines()), "no line starts with\n{}\nin\n{}"
                        .format(line, self.err))

    def test_names_page_widths_themes_rule_and_element(self):
        self.assertEqual(self.code, 1, self.out + self.err)
        self.assert_fails("390 px light and dark, 1280 px light and dark",
                          "axe label (critical): Form elements must have labels: #unnamed "
                          "«<input type=\"checkbox\" id=\"unnamed\">»: Element does not have an implicit")
        self.assert_fails("390 px light and dark, 1280 px light and dark",
                          "axe region (moderate): All page content should be contained by landmarks: #unnamed")
        self.assert_fails("390 px light and dark, 1280 px light and dark",
                          "axe empty-table-header (minor): Table header text should not be empty: "
                          "th:nth-child(1) «<th></th>»")

    def test_a_colour_that_fails_in_one_theme_is_reported_in_that_theme(self):
        self.assert_fails("390 px dark, 1280 px dark",
                          "axe color-contrast (serious): Elements must meet minimum color contrast ratio thresholds: "
                          ".note «<p class=\"note\">and a note whose grey is readable only in the light theme.</p>»: "
                          "Element has insufficient color contrast of 2.51 (foreground color: #555555, "
                          "background color: #121212")
        self.assertNotIn("light: FAIL: axe color-contrast", self.err)

    def test_counts_the_page_views(self):
        self.assertIn("browser check: 1 page × 2 widths, axe-core {} on 4 page views (390 and 1280 px, light and "
                      "dark), 5 failures (".format(check.AXE_VERSION), self.out)

    def test_axe_that_cannot_be_read_exits_2(self):
        code, _, err = run(os.path.join(FIXTURES, "axe"), "--axe", os.path.join(FIXTURES, "no-such-axe.js"))
        self.assertEqual(code, 2, err)
        self.assertIn("cannot read axe-core from ", err)

    def test_a_file_that_is_not_axe_exits_2(self):
        code, _, err = run(os.path.join(FIXTURES, "axe"), "--axe", os.path.join(FIXTURES, "good", "style.css"))
        self.assertEqual(code, 2, err)

    def test_the_cached_axe_is_the_pinned_one(self):
        source, path = check.load_axe(None)
        self.assertTrue(source.startswith("/*! axe v{}".format(check.AXE_VERSION)), source[:40])
        self.assertEqual(path, check.axe_cache_path())


class PlaceTests(unittest.TestCase):
    def test_widths_and_themes(self):
        self.assertEqual(check.where([]), "")
        self.assertEqual(check.where([390, 768, 1280]), " at 390, 768, 1280 px")
        self.assertEqual(check.where([(390, "light"), (390, "dark"), (1280, "dark")]),
                         " at 390 px light and dark, 1280 px dark")


@unittest.skipUnless(check.find_chromium(None), "chromium is not installed")
class InvocationTests(unittest.TestCase):
    def test_without_the_source_any_empty_cell_fails(self):
        code, _, err = run(os.path.join(FIXTURES, "broken"), "empty-cell.html", "--widths", "1280")
        self.assertEqual(code, 1)
        self.assertIn("(table 1, row 3, column 1) renders empty", err)

    def test_missing_page_fails(self):
        code, out, err = run(os.path.join(FIXTURES, "good"), "nowhere.html")
        self.assertEqual(code, 1)
        self.assertIn("no page nowhere.html", err)
        self.assertIn("browser check: 1 page × 3 widths, axe-core {} on 0 page views (390 and 1280 px, light "
                      "and dark), 1 failure (".format(check.AXE_VERSION), out)

    def test_browser_that_cannot_run_exits_2(self):
        code, _, err = run(os.path.join(FIXTURES, "good"), "--chromium", "/bin/false", "--timeout", "20")
        self.assertEqual(code, 2, err)
        self.assertIn("Chromium", err)


class MarkdownTests(unittest.TestCase):
    def test_page_of_a_chapter(self):
        self.assertEqual(check.page_for_chapter("01-loss-landscapes.md"), "loss-landscapes.html")
        self.assertEqual(check.page_for_chapter("10_adam.md"), "adam.html")
        self.assertEqual(check.page_for_chapter("3.notes.md"), "notes.html")
        self.assertEqual(check.page_for_chapter("index.md"), "index.html")
        self.assertEqual(check.page_for_chapter("appendix.md"), "appendix.html")

    def test_cells_split_on_pipes_outside_code_and_math(self):
        self.assertEqual(check.split_row("| $\\theta_t$ | step $t$ here |"), ["$\\theta_t$", "step $t$ here"])
        self.assertEqual(check.split_row("| $a|b$ | `x|y` | c \\| d |"), ["$a|b$", "`x|y`", "c \\| d"])
        self.assertEqual(check.split_row("| ``a|`b`` | $$x|y$$ |"), ["``a|`b``", "$$x|y$$"])
        self.assertEqual(check.split_row("a | b"), ["a", "b"])
        self.assertEqual(check.split_row("|  | x |"), ["", "x"])
        # Not math: "$5 and $10" (a closing $ is preceded by a non-space and not followed by a digit).
        self.assertEqual(check.split_row("| $5 and $10 | x |"), ["$5 and $10", "x"])
        self.assertEqual(check.split_row("| \\$ | a `b | c |"), ["\\$", "a `b", "c"])

    def test_tables_outside_fences(self):
        markdown = "\n".join([
            "---", "title: a | b", "---",
            "# T",
            "````markdown", "| x | y |", "| - | - |", "| 1 | 2 |", "```", "still code", "````",
            "~~~", "| x | y |", "|---|---|", "~~~",
            "| a | b |", "|:--|--:|", "| $\\theta_t$ | `c|d` |", "| | only the second |", "",
            "Text.",
            "> | q | r |", "> | --- | --- |", "> | 1 | |",
            "| not | a table |", "| --- |",
        ])
        self.assertEqual(check.source_tables(markdown), [
            [["a", "b"], ["$\\theta_t$", "`c|d`"], ["", "only the second"]],
            [["q", "r"], ["1", ""]],
        ])

    def test_sources_of_a_chapters_folder(self):
        sources = check.load_sources(os.path.join(FIXTURES, "chapters"))
        self.assertEqual(sorted(sources), ["decision-regions.html", "index.html", "many-runs.html",
                                           "tables-and-math.html"])
        self.assertEqual(sources["tables-and-math.html"][0][1][:2], ["$\\theta_t$", "step $t$ here"])
        self.assertEqual(len(sources["tables-and-math.html"][0]), 6)
        self.assertEqual(sources["many-runs.html"], [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
