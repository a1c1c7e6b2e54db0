import Testing
@testable import Objectives

/// Constants a formula prints are rounded, however small or large.
@Suite struct FormulaConstantTests {
    @Test(arguments: [(Double, String)]([(1e-300 / 1e10, "10^{-310}"), (2.5e-300 / 1e20, "2.5 \\times 10^{-320}"), (1e308, "10^{308}"), (0.0, "0")]))
    func extremeConstantsPrint(_ value: Double, _ latex: String) {
        #expect(LaTeXPrinter.rounded(value) == latex)
    }
}
