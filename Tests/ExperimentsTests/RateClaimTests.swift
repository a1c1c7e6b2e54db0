import CourseDiagnostics
import ExperimentLanguage
import Foundation
import Testing
@testable import Experiments

/// `Expect(…, rate:)` and `=Result(…, .rate(over:))`: the measured rate of convergence, checked
/// against the theory of gradient descent and heavy-ball momentum on a quadratic.
@Suite struct RateClaimTests {
    /// κ = 10: L = 10, μ = 1. Gradient descent's best constant step 2/(L + μ) contracts every
    /// direction by (κ − 1)/(κ + 1) = 9/11; momentum's best (η, μ) by (√κ − 1)/(√κ + 1).
    static let kappa = 10.0
    static let gdRate = (kappa - 1) / (kappa + 1)
    static let momentumRate = (kappa.squareRoot() - 1) / (kappa.squareRoot() + 1)

    static func experiment(_ claims: String) throws -> Experiment {
        let eta = 2 / (kappa + 1), heavyEta = pow(2 / (kappa.squareRoot() + 1), 2)
        let text = """
            Experiment("Rates on a quadratic") {
                Objective(.quadratic(a: 1, b: 10))
                Start(-8, 1)
                Start(3, -2)
                Steps(100)
                SGD(lr: \(eta))
                Momentum(lr: \(heavyEta), momentum: \(momentumRate * momentumRate))
                SGD(lr: 0.21).label("too far")
                SGD(lr: 0.3).label("diverging")
            \(claims)
            }
            """
        var diagnostics: [Diagnostic] = []
        let directive = DirectiveParser.parse(text, origin: SourceOrigin(file: "c.md", line: 10), diagnostics: &diagnostics)
        guard case .experiment(let experiment)? = directive else {
            Issue.record("did not parse: \(diagnostics)")
            throw CancellationError()
        }
        return experiment
    }

    static func failures(_ claims: String) throws -> [String] {
        ExperimentRunner.check(ExperimentRunner.run(try experiment(claims))).map(\.message)
    }

    @Test func theMeasuredRatesAreTheTheorys() throws {
        let result = ExperimentRunner.run(try Self.experiment(""))
        for start in 0..<2 {
            let gd = ExperimentRunner.components(.distance, of: result.trajectories[0][start], minima: [[0, 0]])[0]
            // Both directions contract by exactly 9/11 at η = 2/11: the distance does too, at every step.
            #expect(abs(try #require(Expectation.measuredRate(gd, over: 0...100)) - Self.gdRate) < 1e-9)
            let heavy = ExperimentRunner.components(.distance, of: result.trajectories[1][start], minima: [[0, 0]])[0]
            // At its optimum, heavy ball's iteration matrix has a double eigenvalue r = (√κ − 1)/(√κ + 1)
            // in both directions: the distance falls as t·rᵗ, so over steps 50…100 it measures
            // r·(100/50)^(1/50), 1.4 % above r.
            let expected = Self.momentumRate * pow(100.0 / 50.0, 1.0 / 50.0)
            #expect(abs(try #require(Expectation.measuredRate(heavy, over: 50...100)) - expected) < 2e-3 * expected)
        }
    }

    @Test func trueClaimsHold() throws {
        #expect(try Self.failures("""
                Expect("SGD", rate: .near(\(Self.gdRate), within: 1e-6))
                Expect("Momentum", rate: .near(0.52, within: 0.01), over: 50...100)
                Expect("Momentum", rate: .below(0.6), over: 20...100, start: 2)
                Expect("too far", rate: .near(1.1, within: 1e-9), over: 50...100)
            """) == [])
    }

    @Test func aFalseClaimNamesTheMeasuredRateAndItsWindow() throws {
        let found = try Self.failures("""
                Expect("SGD", rate: .near(0.5, within: 0.01), over: 10...100)
                Expect("Momentum", rate: .above(0.9), start: 2)
                Expect("too far", rate: .below(1), over: 0...50)
            """)
        #expect(found == [
                "claim is false: 'SGD's rate from start (-8, 1) over steps 10...100 is 0.8182, not within 0.01 of 0.5",
                "claim is false: 'Momentum's rate from start (3, -2) over steps 0...100 is 0.5436, not above 0.9",
                "claim is false: 'too far's rate from start (-8, 1) over steps 0...50 is 1.055, not below 1",
            ])
    }

    @Test func aDivergedRunHasNoRate() throws {
        let found = try Self.failures("    Expect(\"diverging\", rate: .above(1), over: 0...100, start: 1)")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("claim is false: 'diverging' from start (-8, 1) has no rate over steps 0...100: the run diverges at step") == true, "\(found)")
    }
}
