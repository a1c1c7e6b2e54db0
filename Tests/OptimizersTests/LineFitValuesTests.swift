import Testing
import Optimizers

/// A line fit's row of values, four lines at a time, is each line's ``LineFit/value(_:)`` to the bit.
@Suite struct LineFitValuesTests {
    static let fits: [any LineFit] = [LinearRegression(samples: 37, noise: 0.5, seed: 3), LogisticRegression(samples: 29, seed: 5)]

    @Test(arguments: 0...2, 0...9)
    func rowIsEachValue(fit: Int, count: Int) {
        let function = Self.fits[fit % Self.fits.count]
        let ws = (0..<count).map { -3 + 0.731 * Double($0) }
        let b = fit == 2 ? -0.0 : 0.37
        var values = [Double](repeating: .nan, count: count)
        ws.withUnsafeBufferPointer { ws in
            values.withUnsafeMutableBufferPointer { function.values(ws: ws, b: b, into: $0) }
        }
        let expected = ws.map { w in [w, b].withUnsafeBufferPointer { function.value($0) } }
        #expect(values.map(\.bitPattern) == expected.map(\.bitPattern))
    }
}
