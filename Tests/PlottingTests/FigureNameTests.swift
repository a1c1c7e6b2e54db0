import Testing
@testable import Plotting

/// A screen reader hears a figure's title as its name and its data summary as its
/// description, once each.
@Suite struct FigureNameTests {
    static func bowl(description: String) -> String {
        LandscapeFigure(grid: Fixtures.bowlGrid(), panels: [.init(trajectories: Fixtures.bowlRuns())])
            .svg(FigureText(idPrefix: "n", title: "Four runs", description: description))
    }

    @Test func theNameIsTheTitleAndTheDescriptionTheSummary() {
        let svg = Self.bowl(description: "Adam gets closest.")
        #expect(svg.contains("role=\"img\" aria-labelledby=\"n-title\" aria-describedby=\"n-desc\" "))
        #expect(svg.contains("<title id=\"n-title\">Four runs</title>\n<desc id=\"n-desc\">Adam gets closest.</desc>"))
    }

    @Test func aFigureWithoutASummaryHasNoDescription() {
        let svg = Self.bowl(description: "")
        #expect(svg.contains("role=\"img\" aria-labelledby=\"n-title\" font-size"))
        #expect(!svg.contains("<desc") && !svg.contains("aria-describedby"))
    }
}
