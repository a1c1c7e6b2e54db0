import Optimizers
import Testing

/// Every kind of bad value of ASGD, Rprop, Lion and Yogi, with the exact message: torch's words
/// (or, where the package only asserts, words like torch's), then the range in directive names.
@Suite struct ElementwiseValidationTests {
    @Test(arguments: [
        ("ASGD", "lr", HyperValue.real(-0.1), "Invalid learning rate: -0.1 (lr must be ≥ 0)"),
        ("ASGD", "lambd", .real(-1), "Invalid lambd value: -1.0 (lambd must be ≥ 0)"),
        ("ASGD", "alpha", .real(-0.5), "Invalid alpha value: -0.5 (alpha must be ≥ 0)"),
        ("ASGD", "t0", .real(.infinity), "Invalid t0 value: inf (t0 must be finite)"),
        ("ASGD", "weightDecay", .real(-0.01), "Invalid weight_decay value: -0.01 (weightDecay must be ≥ 0)"),
        ("Rprop", "lr", .real(-1), "Invalid learning rate: -1.0 (lr must be ≥ 0)"),
        ("Rprop", "etas", .pair(1.5, 2), "Invalid eta values: 1.5, 2.0 (etas must satisfy 0 < η₋ < 1 < η₊)"),
        ("Rprop", "etas", .pair(0.5, 0.9), "Invalid eta values: 0.5, 0.9 (etas must satisfy 0 < η₋ < 1 < η₊)"),
        ("Rprop", "etas", .pair(0, 1.2), "Invalid eta values: 0.0, 1.2 (etas must satisfy 0 < η₋ < 1 < η₊)"),
        ("Rprop", "stepSizes", .pair(1, 0.5),
         "Invalid step_sizes values: 1.0, 0.5 (stepSizes must satisfy 0 ≤ Δ_min ≤ Δ_max)"),
        ("Rprop", "stepSizes", .pair(-1e-6, 50),
         "Invalid step_sizes values: -1e-06, 50.0 (stepSizes must satisfy 0 ≤ Δ_min ≤ Δ_max)"),
        ("Lion", "lr", .real(0), "Invalid learning rate: 0.0 (lr must be > 0)"),
        ("Lion", "betas", .pair(1.5, 0.99), "Invalid beta parameter at index 0: 1.5 (betas must each be in [0, 1])"),
        ("Lion", "betas", .pair(0.9, -0.1), "Invalid beta parameter at index 1: -0.1 (betas must each be in [0, 1])"),
        ("Lion", "weightDecay", .real(-1), "Invalid weight_decay value: -1.0 (weightDecay must be ≥ 0)"),
        ("Yogi", "lr", .real(-0.01), "Invalid learning rate: -0.01 (lr must be ≥ 0)"),
        ("Yogi", "betas", .pair(1, 0.999), "Invalid beta parameter at index 0: 1.0 (betas must each be in [0, 1))"),
        ("Yogi", "eps", .real(-1e-3), "Invalid epsilon value: -0.001 (eps must be ≥ 0)"),
        ("Yogi", "initialAccumulator", .real(-1e-6),
         "Invalid initial_accumulator value: -1e-06 (initialAccumulator must be ≥ 0)"),
        ("Yogi", "weightDecay", .real(-0.1), "Invalid weight_decay value: -0.1 (weightDecay must be ≥ 0)"),
    ] as [(String, String, HyperValue, String)])
    func badValuesAreRejected(_ method: String, _ name: String, _ value: HyperValue, _ message: String) throws {
        let parameter = try #require(OptimizerCatalog.spec(callName: method)?.parameter(name))
        #expect(parameter.validate(value) == message)
        let config = OptimizerConfig(callName: method, arguments: [name: value])
        #expect(OptimizerCatalog.problems(in: config).contains { $0.argument == name && $0.message == message })
        #expect(Optimizer(config, dimension: 2) == nil)
    }

    /// The edges that the packages accept are accepted: Lion's closed betas, Rprop's Δ_min = 0.
    @Test(arguments: [
        OptimizerConfig(callName: "Lion", arguments: ["betas": .pair(1, 0)]),
        OptimizerConfig(callName: "Rprop", arguments: ["stepSizes": .pair(0, 0)]),
        OptimizerConfig(callName: "ASGD", arguments: ["t0": .real(-5), "alpha": .real(0), "lambd": .real(0)]),
        OptimizerConfig(callName: "Yogi", arguments: ["initialAccumulator": .real(0), "eps": .real(0)]),
    ])
    func edgeValuesAreAccepted(_ config: OptimizerConfig) {
        #expect(OptimizerCatalog.problems(in: config).isEmpty)
    }
}
