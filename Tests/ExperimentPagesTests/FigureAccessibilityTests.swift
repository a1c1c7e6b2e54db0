import ExperimentLanguage
import Foundation
import Testing
@testable import ExperimentPages

/// A figure for a screen reader (issue 20, Deliver 3): each sentence heard once, and the
/// numbers behind the markers in a table a keyboard reaches, not in hover tooltips.
@Suite struct FigureAccessibilityTests {
    static func page() throws -> String {
        let experiment = try Fixtures.experiment(Fixtures.bowl)
        return ExperimentPage.html(experiment, trajectories: Fixtures.run(experiment), idPrefix: "a")
    }

    /// The text between `open` and the next `close` after it.
    static func between(_ open: String, _ close: String, in html: String) -> String? {
        guard let start = html.range(of: open), let end = html[start.upperBound...].range(of: close) else { return nil }
        return String(html[start.upperBound..<end.lowerBound])
    }

    @Test func theSummaryIsTheDescriptionAndTheCaptionHidesItsCopy() throws {
        let html = try Self.page()
        let description = try #require(Self.between("<desc id=\"a-p-desc\">", "</desc>", in: html))
        #expect(!description.isEmpty)
        let caption = try #require(Self.between("<figcaption", "</figcaption>", in: html))
        // Shown to the eye, hidden from the screen reader that hears it as the description.
        #expect(caption.contains("<span aria-hidden=\"true\">\(description)</span>"))
        #expect(caption.components(separatedBy: description).count == 2, "the summary once in the caption")
        // The caption's own words are not the description.
        let spoken = caption.replacingOccurrences(of: "<span aria-hidden=\"true\">\(description)</span>", with: "")
        #expect(!spoken.contains(description))
    }

    @Test func markersHaveNoTooltipsAndTheTableHasTheirNumbers() throws {
        let html = try Self.page()
        // Each figure's own <title>, nothing more.
        #expect(html.components(separatedBy: "<title").count - 1 == html.components(separatedBy: "<svg").count - 1)
        let table = try #require(Self.between("<details class=\"cg-data\">", "</details>", in: html))
        #expect(table.contains("<summary>The numbers behind the figure</summary>"))
        #expect(table.contains("<th scope=\"col\">Step</th><th scope=\"col\">Point (x, y)</th><th scope=\"col\">f</th>"))
        #expect(table.contains("<tr><th scope=\"row\">0</th><td>(−7, 2)</td>"))
        // The table follows the figure it belongs to, before the loss figure.
        let landscapeEnd = try #require(html.range(of: "</figure>"))
        let details = try #require(html.range(of: "<details class=\"cg-data\">"))
        #expect(landscapeEnd.upperBound <= details.lowerBound)
        #expect(html[landscapeEnd.upperBound..<details.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }
}
