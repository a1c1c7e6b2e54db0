import CourseDiagnostics
import CourseMarkdown
import Testing

private func document(_ text: String) -> Document {
    var diagnostics: [Diagnostic] = []
    return MarkdownParser.parse(text, origin: SourceOrigin(file: "t.md", line: 1), diagnostics: &diagnostics)
}

private func html(_ text: String) -> String {
    HTMLRenderer().render(document(text))
}

private func marker(_ text: String) -> Callout.Marker? {
    guard case .blockQuote(let blocks)? = document(text).blocks.first else { return nil }
    return Callout.marker(in: blocks)
}

@Suite struct CalloutTests {
    @Test(arguments: [
        ("NOTE", "note", "Note"), ("TIP", "tip", "Tip"), ("IMPORTANT", "important", "Important"),
        ("WARNING", "warning", "Warning"), ("CAUTION", "caution", "Caution"),
    ])
    func eachAlertKindIsAnAsideWithItsLabel(marker: String, kind: String, label: String) {
        #expect(html("> [!\(marker)]\n> Mind the *lag*.\n") == """
            <aside class="callout callout-\(kind)" role="note">
            <p class="callout-title">\(label)</p>
            <p>Mind the <em>lag</em>.</p>
            </aside>

            """)
    }

    @Test func markersAreCaseInsensitiveAsOnGitHub() {
        #expect(html("> [!warning]\n> Hot.\n").hasPrefix("<aside class=\"callout callout-warning\" role=\"note\">"))
        #expect(html("> [!Tip]\n> Hot.\n").hasPrefix("<aside class=\"callout callout-tip\" role=\"note\">"))
    }

    @Test func aTitleAfterTheMarkerReplacesTheLabel() {
        #expect(html("> [!TIP] Why $\\beta_2$ is *large*\n> Because.\n") == """
            <aside class="callout callout-tip" role="note">
            <p class="callout-title">Why <code class="math">$\\beta_2$</code> is <em>large</em></p>
            <p>Because.</p>
            </aside>

            """)
    }

    @Test func theBodyMayStartOnTheMarkersParagraph() {
        #expect(html("> [!NOTE]\n> First line\n> second line.\n>\n> More.\n") == """
            <aside class="callout callout-note" role="note">
            <p class="callout-title">Note</p>
            <p>First line
            second line.</p>
            <p>More.</p>
            </aside>

            """)
    }

    @Test func anIDAfterTheTitleIsTakenOffIt() {
        guard case .callout(let callout)? = marker("> [!EXERCISE] Bias at the start {#ex-bias}\n> Compute it.\n") else {
            Issue.record("no callout")
            return
        }
        #expect(callout.kind == .exercise)
        #expect(callout.title == [.text("Bias at the start")])
        #expect(callout.id == "ex-bias")
        #expect(callout.position == TextPosition(line: 1, column: 3))
        guard case .callout(let bare)? = marker("> [!EXERCISE] {#ex-1b}\n> Q.\n") else {
            Issue.record("no callout")
            return
        }
        #expect(bare.title.isEmpty)
        #expect(bare.id == "ex-1b")
    }

    @Test(arguments: ["{#}", "{#ex bias}", "{#a/b}"])
    func aMalformedIDIsReported(id: String) {
        guard case .badID? = marker("> [!EXERCISE] Title \(id)\n> Q.\n") else {
            Issue.record("\(id) was accepted")
            return
        }
    }

    @Test func anUnknownKindIsReportedAtItsBracket() {
        #expect(marker("> [!NOTTE]\n> Body.\n") == .unknownKind("NOTTE", TextPosition(line: 1, column: 3)))
        #expect(marker("  > [!Nope] x\n") == .unknownKind("Nope", TextPosition(line: 1, column: 5)))
    }

    @Test(arguments: [
        "> [!NOTE]: not a marker\n", "> Text, then [!NOTE]\n", "> [!not a marker]\n", "> [!NOTE\n",
        "> *[!NOTE]*\n", "> [!]\n", "> [!NOTE]x\n", "> `[!NOTE]`\n", "> [!NOTE2]\n",
    ])
    func aQuoteThatMerelyStartsWithBracketBangStaysAQuote(text: String) {
        #expect(marker(text) == nil)
        #expect(html(text).hasPrefix("<blockquote>\n"))
    }

    @Test func aSolutionRightAfterAnExerciseGoesInsideItClosed() {
        let text = "> [!EXERCISE] Memory\n> How long?\n\n> [!SOLUTION]\n> About $1/(1-\\beta)$ steps.\n\nAfter.\n"
        #expect(html(text) == """
            <div class="callout callout-exercise">
            <p class="callout-title"><span class="callout-label">Exercise</span>: Memory</p>
            <p>How long?</p>
            <details class="solution"><summary>Solution</summary>
            <p>About <code class="math">$1/(1-\\beta)$</code> steps.</p>
            </details>
            </div>
            <p>After.</p>

            """)
    }

    @Test func aSolutionsTitleReplacesItsSummary() {
        #expect(html("> [!EXERCISE]\n> Q.\n\n> [!SOLUTION] Hint and answer\n> A.\n").contains(
            "<details class=\"solution\"><summary>Hint and answer</summary>\n<p>A.</p>\n</details>\n</div>\n"))
    }

    @Test func occurrencesSayWhetherASolutionFollowsAnExercise() {
        let text = """
            > [!SOLUTION]
            > Orphan.

            > [!EXERCISE]
            > Q.

            > [!SOLUTION]
            > A.

            > [!SOLUTION]
            > A second one.

            - > [!EXERCISE]
              > In a list.

              > [!SOLUTION]
              > Attached.
            """
        let found = Callout.occurrences(in: document(text).blocks).map { occurrence -> String in
            guard case .callout(let callout) = occurrence.marker else { return "?" }
            return "\(callout.kind.rawValue)@\(callout.position.line)\(occurrence.followsExercise ? "+" : "")"
        }
        #expect(found == ["solution@1", "exercise@4", "solution@7+", "solution@10", "exercise@13", "solution@16+"])
    }

    @Test func calloutsInsideCalloutsAreFound() {
        let found = Callout.occurrences(in: document("> [!EXERCISE]\n> Q.\n>\n> > [!TIP]\n> > Think.\n").blocks)
        #expect(found.count == 2)
    }

    @Test func aFramerChoosesLabelsAndIDs() {
        var renderer = HTMLRenderer()
        renderer.calloutFrame = { callout in
            callout.kind == .note ? nil : HTMLRenderer.CalloutFrame(label: "练习 3.1", id: "exercise-1")
        }
        let out = renderer.render(document("> [!EXERCISE]\n> Q.\n\n> [!NOTE]\n> Plain.\n"))
        #expect(out.hasPrefix("<div class=\"callout callout-exercise\" id=\"exercise-1\">\n<p class=\"callout-title\"><span class=\"callout-label\">练习 3.1</span></p>\n"))
        #expect(out.contains("<blockquote>\n<p>[!NOTE]\nPlain.</p>\n</blockquote>"))
    }
}
