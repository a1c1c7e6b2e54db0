import CourseDiagnostics
import Testing
@testable import ExperimentLanguage
@testable import Objectives

/// Numbers the simplifier computes are printed as the rest of the page prints numbers:
/// an exact small fraction as a fraction, anything else to four significant digits.
@Suite struct FormulaNumberTests {
    static func objective(_ closure: String) throws -> Objective {
        var diagnostics: [Diagnostic] = []
        let directive = DirectiveParser.parse(
            "Experiment(\"t\") {\n    Objective \(closure)\n    SGD(lr: 0.1)\n}", origin: SourceOrigin(file: "c.md", line: 1),
            diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        guard case .experiment(let experiment)? = directive else { throw CancellationError() }
        return experiment.objective
    }

    /// The momentum chapter's double well printed `0.6666666666666666 x^{3}`.
    @Test func aComputedThirdIsAFraction() throws {
        let f = try Self.objective("{ x, y in pow(x, 4) / 4 - 2 * pow(x, 3) / 3 + y * y }")
        #expect(f.latex == "\\frac{x^{4}}{4} - \\frac{2 x^{3}}{3} + y^{2}")
        #expect(!f.latex.contains("666"))
        #expect(f.gradientLatex[1] == "2 y")
    }

    @Test(arguments: [
        (2.0 / 3, "\\frac{2}{3}"), (-1.0 / 7, "-\\frac{1}{7}"), (0.25, "0.25"), (0.1, "0.1"), (2.0, "2"),
        (0.123456789, "0.1235"), (1234.5678, "1235"), (123456.7, "123500"), (9.99996, "10"),
        (1.5e-8, "1.5 \\times 10^{-8}"), (1e-8, "10^{-8}"), (-2.5e-7, "-2.5 \\times 10^{-7}"), (12_345_678.9, "1.235 \\times 10^{7}"), (3.14159e9, "3141590000"),
        (Double.pi, "3.142"),
    ])
    func constants(value: Double, latex: String) {
        #expect(LaTeXPrinter.number(value) == latex)
    }

    @Test func aRoundedCoefficientHasFourSignificantDigits() throws {
        let f = try Self.objective("{ x, y in 0.123456 * x * x + y * y }")
        #expect(f.latex == "0.1235 x^{2} + y^{2}")
    }
}
