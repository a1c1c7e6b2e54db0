import Testing
@testable import Plotting

/// A phase diagram's colours: ordered in lightness, so the scale reads without hue, and the
/// text on every cell legible (WCAG's 4.5:1 for text) in both themes, whose colours the cells
/// do not take.
@Suite struct HeatPaletteTests {
    @Test func lightnessRisesAlongTheScale() {
        let luminances = (0...40).map { HeatPalette.luminance(HeatPalette.color(Double($0) / 40)) }
        for (a, b) in zip(luminances, luminances.dropFirst()) { #expect(b > a, "\(a) then \(b)") }
        #expect(HeatPalette.color(0) == "#440154" && HeatPalette.color(1) == "#FDE725")
    }

    @Test func everyCellsTextKeepsFourAndAHalfToOne() {
        var backgrounds = (0...100).map { HeatPalette.color(Double($0) / 100) }
        backgrounds += [HeatPalette.divergedStripes.0, HeatPalette.divergedStripes.1, HeatPalette.notReached, "#7AD151"]
        for background in backgrounds {
            let text = HeatPalette.textColor(on: background) == "#000" ? "#000000" : "#FFFFFF"
            let ratio = HeatPalette.contrast(background, text)
            #expect(ratio >= HeatPalette.minimumTextContrast, "\(text) on \(background) is \(ratio):1")
        }
    }

    /// The selected cell's ring is the page's text colour around its background, and the line
    /// black in a white casing: on every cell one of each pair keeps 3:1.
    @Test func ringsAndLinesShowOnEveryCell() {
        let pairs = [("#1D1F21", "#FDFDFC"), ("#E3E3E0", "#16181B"), ("#000000", "#FFFFFF")]
        for t in 0...100 {
            let cell = HeatPalette.color(Double(t) / 100)
            for (a, b) in pairs {
                #expect(max(HeatPalette.contrast(cell, a), HeatPalette.contrast(cell, b)) >= 3, "\(a)/\(b) on \(cell)")
            }
        }
    }

    @Test func cellPositionsFollowTheAxisScale() {
        let log = CellAxis(values: [0.01, 0.1, 1], isLogarithmic: true)
        #expect(abs(log.position(of: 0.1) - 1.5) < 1e-12)
        #expect(abs(log.position(of: 0.0316227766) - 1) < 1e-6)
        #expect(abs(log.position(of: 3.16227766) - 3) < 1e-6)
        #expect(abs(log.value(at: 2.5) - 1) < 1e-12)
        let linear = CellAxis(values: [0, 0.5, 0.9], isLogarithmic: false)
        #expect(abs(linear.position(of: 0.7) - 2) < 1e-12)
        #expect(abs(linear.position(of: -0.25) - 0) < 1e-12)
        #expect(abs(linear.value(at: 0.5) - 0) < 1e-12)
    }
}
