import Optimizers
import Testing

/// Every kind of bad value of SparseAdam, in torch's words (`sparse_adam.py`: lr and eps must be
/// strictly positive, both betas in [0, 1)), then the range in directive names.
@Suite struct SparseAdamValidationTests {
    @Test(arguments: [
        ("lr", HyperValue.real(0), "Invalid learning rate: 0.0 (lr must be > 0)"),
        ("lr", .real(-0.001), "Invalid learning rate: -0.001 (lr must be > 0)"),
        ("lr", .real(.nan), "Invalid learning rate: nan (lr must be > 0)"),
        ("eps", .real(0), "Invalid epsilon value: 0.0 (eps must be > 0)"),
        ("eps", .real(-1e-8), "Invalid epsilon value: -1e-08 (eps must be > 0)"),
        ("betas", .pair(1.5, 0.999), "Invalid beta parameter at index 0: 1.5 (betas must each be in [0, 1))"),
        ("betas", .pair(-0.1, 0.999), "Invalid beta parameter at index 0: -0.1 (betas must each be in [0, 1))"),
        ("betas", .pair(0.9, 1), "Invalid beta parameter at index 1: 1.0 (betas must each be in [0, 1))"),
    ] as [(String, HyperValue, String)])
    func badValuesAreRejected(_ name: String, _ value: HyperValue, _ message: String) throws {
        let parameter = try #require(OptimizerCatalog.spec(callName: "SparseAdam")?.parameter(name))
        #expect(parameter.validate(value) == message)
        let config = OptimizerConfig(callName: "SparseAdam", arguments: [name: value])
        #expect(OptimizerCatalog.problems(in: config).contains { $0.argument == name && $0.message == message })
        #expect(Optimizer(config, dimension: 2) == nil)
    }

    /// torch's defaults, and the edges it accepts: β = 0, tiny positive lr and eps.
    @Test func defaultsAndEdges() throws {
        let spec = try #require(OptimizerCatalog.spec(callName: "SparseAdam"))
        #expect(spec.hyperparameters.map(\.name) == ["lr", "betas", "eps", "maximize"])
        #expect(spec.parameter("lr")?.defaultValue == .real(1e-3))
        #expect(spec.parameter("betas")?.defaultValue == .pair(0.9, 0.999))
        #expect(spec.parameter("eps")?.defaultValue == .real(1e-8))
        #expect(spec.parameter("maximize")?.defaultValue == .bool(false))
        let edges = OptimizerConfig(
            callName: "SparseAdam", arguments: ["lr": .real(1e-300), "eps": .real(5e-324), "betas": .pair(0, 0)])
        #expect(OptimizerCatalog.problems(in: edges).isEmpty)
    }
}
