import CourseDiagnostics
import CourseTestSupport
import Foundation
import Optimizers
import Testing
@testable import ExperimentLanguage
@testable import Objectives

/// The tape against torch: bit for bit where the closure is torch's expression in arithmetic
/// and integer powers, to a stated tolerance where torch's vector math library rounds apart.
@Suite struct AutogradTapeTests {
    @Test func fixtureLoads() {
        #expect(TorchGradientFixture.cases.count == 34)
        #expect(TorchGradientFixture.cases.filter { $0.exact == "both" }.count == 26)
    }

    @Test(arguments: TorchGradientFixture.cases)
    func lossAndGradientMatchAutograd(_ reference: TorchGradientCase) throws {
        let f = try TorchGradientFixture.function(reference.closure)
        #expect(f.dimension == reference.points[0].count)
        var identical = 0
        for (k, point) in reference.points.enumerated() {
            let (value, gradient) = f.gradient(at: point)
            let expectedValue = reference.values[k], expectedGradient = reference.gradients[k]
            let sameValue = value.bitPattern == expectedValue.bitPattern
            let sameGradient = zip(gradient, expectedGradient).allSatisfy { $0.bitPattern == $1.bitPattern }
            if sameValue && sameGradient { identical += 1 }
            // value(_:) runs the forward pass alone; it must give the same loss.
            #expect(f.value(at: point).bitPattern == value.bitPattern)
            // Where bits may differ: 1e-12 relative, or absolute near zero, a few last bits of the terms a sum adds.
            switch reference.exact {
            case "both":
                #expect(sameValue, "loss at \(point): \(value) against torch's \(expectedValue)")
                #expect(sameGradient, "gradient at \(point): \(gradient) against torch's \(expectedGradient)")
            case "gradient":
                #expect(sameGradient, "gradient at \(point): \(gradient) against torch's \(expectedGradient)")
                #expect(isClose(value, expectedValue, relative: 1e-12, absolute: 1e-12), "loss at \(point): \(value) against torch's \(expectedValue)")
            default:
                #expect(isClose(value, expectedValue, relative: 1e-12, absolute: 1e-12), "loss at \(point): \(value) against torch's \(expectedValue)")
                for (g, e) in zip(gradient, expectedGradient) {
                    #expect(isClose(g, e, relative: 1e-12, absolute: 1e-12), "gradient at \(point): \(gradient) against torch's \(expectedGradient)")
                }
            }
        }
        // Where bits may differ, most still agree; a wholesale change of order would not.
        #expect(identical * 2 >= reference.points.count, "\(identical) of \(reference.points.count) points bit for bit")
    }
}
