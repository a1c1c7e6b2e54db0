import CourseDiagnostics
import Testing
@testable import ExperimentLanguage

/// A `Domain` must be a window a figure can draw: enormous or degenerate ranges are errors
/// at the range, not a crash or a minutes-long tick loop in the plotter.
@Suite struct PlotWindowTests {
    @Test(arguments: [
        ("Domain(x: -1e308...1e308, y: -1...1)", "the x range is too large to plot"),
        ("Domain(x: -1...1, y: -1e-320...1e-320)", "the y range is too narrow to plot"),
        ("Domain(x: 1e9...1.0000000001e9, y: -1...1)", "the x range is too narrow to plot"),
        ("Domain(x: -2e15...0, y: -1...1)", "the x range is too large to plot"),
    ])
    func degenerateOrEnormousWindowsAreErrors(_ domain: String, _ message: String) {
        var diagnostics: [Diagnostic] = []
        let text = "Experiment(\"e\") {\n    Objective(.rosenbrock)\n    \(domain)\n    SGD(lr: 0.001)\n}"
        let directive = DirectiveParser.parse(text, origin: SourceOrigin(file: "t.swift", line: 1), diagnostics: &diagnostics)
        #expect(directive == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.hasPrefix(message) == true, "\(diagnostics.map(\.message))")
        #expect(diagnostics.first?.location?.line == 3)
    }

    @Test func ordinaryWindowsAreFine() {
        var diagnostics: [Diagnostic] = []
        let text = "Experiment(\"e\") {\n    Objective(.rosenbrock)\n    Domain(x: -2...2, y: -1e-3...1e-3)\n    SGD(lr: 0.001)\n}"
        #expect(DirectiveParser.parse(text, origin: SourceOrigin(file: "t.swift", line: 1), diagnostics: &diagnostics) != nil)
        #expect(diagnostics.isEmpty)
    }
}
