import CourseTestSupport
import Foundation
@testable import Optimizers
import Testing

/// The flags of the older torch.optim methods against torch 2.15 (`scripts/reference/flags.py`):
/// every method with `maximize: true` on a negated objective, and Adam and AMSGrad with
/// `decoupledWeightDecay: true`; every point to 1e-9 relative or 1e-12 absolute.
@Suite struct FlagsReferenceTests {
    static let file = "flags-trajectories.json"
    static let cases = ReferenceFixtures.load(file)

    @Test func fixtureLoadsEveryCase() throws {
        // A case whose call no longer decodes would silently drop out of the parameterised test.
        #expect(Self.cases.count == 25)
        let methods = Set(Self.cases.map(\.config.callName))
        #expect(methods == [
            "SGD", "Momentum", "Nesterov", "AdaGrad", "RMSProp", "Adadelta", "Adam", "AMSGrad", "AdamW", "Adamax",
            "NAdam", "RAdam", "LBFGS",
        ])
        // Every method is run maximising at least once.
        let maximizing = Set(Self.cases.filter { $0.config[bool: "maximize"] }.map(\.config.callName))
        #expect(maximizing == methods)
        let data = try Data(contentsOf: ReferenceFixtures.directory.appendingPathComponent(Self.file))
        let generator = try JSONDecoder().decode(Generator.self, from: data).generator
        #expect(generator.hasPrefix("torch 2.15"))
    }

    @Test(arguments: cases)
    func trajectoryMatchesReference(_ reference: ReferenceCase) throws {
        try reference.expectReproduced()
    }

    /// torch 2.15's AdamW is Adam with decoupled_weight_decay=True: the two calls take the same steps, bit for bit.
    @Test func adamDecoupledIsAdamW() throws {
        for amsgrad in [false, true] {
            let values: [String: HyperValue] = [
                "lr": .real(0.05), "weightDecay": .real(0.1), "amsgrad": .bool(amsgrad), "maximize": .bool(true),
            ]
            var adam = values
            adam["decoupledWeightDecay"] = .bool(true)
            let settings = { (config: OptimizerConfig) in RunSettings(start: [-1.5, 2.0], steps: 50, optimizer: config) }
            let a = RunLoop.run(
                PlaneFunctions.negatedRosenbrock, settings: settings(OptimizerConfig(callName: "Adam", arguments: adam)))
            let w = RunLoop.run(
                PlaneFunctions.negatedRosenbrock, settings: settings(OptimizerConfig(callName: "AdamW", arguments: values)))
            #expect(a.points == w.points, "amsgrad: \(amsgrad)")
        }
    }

    /// Maximising −f takes exactly the steps of minimising f: negation is exact.
    @Test(arguments: [
        "SGD", "Momentum", "Nesterov", "AdaGrad", "RMSProp", "Adadelta", "Adam", "AMSGrad", "AdamW", "Adamax", "NAdam",
        "RAdam", "LBFGS",
    ])
    func maximizingIsMinimizingTheNegation(_ callName: String) throws {
        let settings = { (values: [String: HyperValue]) in
            RunSettings(start: [-7.0, 2.0], steps: 30, optimizer: OptimizerConfig(callName: callName, arguments: values))
        }
        let up = RunLoop.run(PlaneFunctions.negatedBowl, settings: settings(["lr": .real(0.1), "maximize": .bool(true)]))
        let down = RunLoop.run(PlaneFunctions.bowl, settings: settings(["lr": .real(0.1)]))
        #expect(up.divergedAt == nil)
        #expect(up.points == down.points)
        #expect(up.points.count == 31)
        #expect(up.points.last != up.points.first)
    }

    private struct Generator: Decodable { let generator: String }
}
