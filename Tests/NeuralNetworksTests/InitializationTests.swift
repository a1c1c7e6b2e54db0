import Testing

@testable import NeuralNetworks

/// torch.nn.init's formulas, checked on the statistics of a 512×512 weight.
@Suite struct InitializationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var initialization: Initialization
        var mean: Double
        var std: Double
        var testDescription: String { "\(initialization.torchName)(\(initialization.arguments))" }
    }

    /// Expected moments from torch's formulas, written out independently of `moments(fanIn:fanOut:)`.
    static let n = 512.0
    static let cases: [Case] = [
        Case(initialization: .uniform(a: -0.5, b: 1.5), mean: 0.5, std: 2 / 12.0.squareRoot()),
        Case(initialization: .normal(mean: 0.3, std: 0.02), mean: 0.3, std: 0.02),
        Case(initialization: .xavierUniform(gain: 1), mean: 0, std: (6 / (2 * n)).squareRoot() / 3.0.squareRoot()),
        Case(initialization: .xavierNormal(gain: 5.0 / 3), mean: 0, std: 5.0 / 3 * (2 / (2 * n)).squareRoot()),
        Case(initialization: .kaimingUniform(), mean: 0, std: 2.0.squareRoot() * (3 / n).squareRoot() / 3.0.squareRoot()),
        Case(initialization: .kaimingNormal(mode: .fanOut, nonlinearity: .relu), mean: 0, std: (2 / n).squareRoot()),
        Case(initialization: .kaimingNormal(nonlinearity: .tanh), mean: 0, std: 5.0 / 3 / n.squareRoot()),
        Case(initialization: .torchLinearDefault, mean: 0, std: 1 / n.squareRoot() / 3.0.squareRoot()),
    ]

    @Test(arguments: cases)
    func sampleMomentsMatchTorchFormulas(_ c: Case) {
        let architecture = NetworkArchitecture(inputSize: 512, hidden: [], outputSize: 512, activation: .relu, bias: false)
        let weights = architecture.initialParameters(weights: c.initialization, seed: 42)
        let count = Double(weights.count)
        let mean = weights.reduce(0, +) / count
        let std = (weights.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / count).squareRoot()
        // 262,144 draws: the sample mean's standard error is σ/512, the sample std's about σ/724;
        // 5 standard errors keeps the test stable under any seed and fails any wrong formula.
        #expect(abs(mean - c.mean) <= 5 * c.std / 512, "mean \(mean), expected \(c.mean)")
        #expect(abs(std - c.std) <= 5 * c.std / 724, "std \(std), expected \(c.std)")
        let (formulaMean, formulaStd) = c.initialization.moments(fanIn: 512, fanOut: 512)
        #expect(abs(formulaMean - c.mean) <= 1e-15 && abs(formulaStd - c.std) <= 1e-15 * c.std)
    }

    @Test func uniformRulesStayWithinTheirBounds() {
        let architecture = NetworkArchitecture(inputSize: 300, hidden: [], outputSize: 100, activation: .relu)
        let weights = architecture.initialParameters(weights: .xavierUniform(gain: 2), biases: .torchDefault, seed: 1)
        let bound = 2 * (6.0 / 400).squareRoot()
        #expect(weights[0..<30_000].allSatisfy { abs($0) <= bound })
        #expect(weights[30_000...].allSatisfy { abs($0) <= 1 / 300.0.squareRoot() })
        #expect(weights[0..<30_000].max()! > 0.99 * bound, "the range is used up to its bound")
    }

    @Test func constantRulesLeaveEveryUnitIdentical() {
        let architecture = NetworkArchitecture(inputSize: 3, hidden: [4], outputSize: 2, activation: .relu)
        #expect(architecture.initialParameters(weights: .zeros, seed: 0).allSatisfy { $0 == 0 })
        #expect(architecture.initialParameters(weights: .ones, biases: .zeros, seed: 0).filter { $0 == 1 }.count == 20)
        #expect(architecture.initialParameters(weights: .constant(value: 0.25), biases: .constant(-1), seed: 0).count == 26)
    }

    @Test(arguments: [
        (Nonlinearity.linear, nil as Double?, 1.0), (.sigmoid, nil, 1), (.tanh, nil, 5.0 / 3), (.relu, nil, 2.0.squareRoot()),
        (.leakyRelu, nil, (2 / (1 + 0.0001)).squareRoot()), (.leakyRelu, 0, 2.0.squareRoot()),
        (.leakyRelu, 5.0.squareRoot(), (1.0 / 3).squareRoot()), (.selu, nil, 0.75),
    ])
    func calculateGainMatchesTorch(_ nonlinearity: Nonlinearity, _ param: Double?, _ expected: Double) {
        #expect(abs(nonlinearity.gain(param: param) - expected) <= 1e-15)
    }

    @Test func sameSeedSameWeightsOtherSeedOtherWeights() {
        let architecture = NetworkArchitecture(inputSize: 8, hidden: [8], outputSize: 3, activation: .tanh)
        let a = architecture.initialParameters(weights: .kaimingNormal(), seed: 5)
        #expect(a == architecture.initialParameters(weights: .kaimingNormal(), seed: 5))
        #expect(a != architecture.initialParameters(weights: .kaimingNormal(), seed: 6))
    }

    @Test func everyRuleHasAFormulaAndTorchName() {
        let all: [Initialization] = [
            .uniform(), .normal(), .constant(value: 2), .zeros, .ones, .xavierUniform(), .xavierNormal(),
            .kaimingUniform(), .kaimingNormal(mode: .fanOut, nonlinearity: .relu),
        ]
        #expect(Set(all.map(\.torchName)).count == all.count)
        #expect(all.allSatisfy { $0.latex.hasPrefix("W_{ij}") })
        #expect(Initialization.kaimingNormal(mode: .fanOut, nonlinearity: .relu).latex.contains("\\frac{\\sqrt{2}}{\\sqrt{n_{\\text{out}}}}"))
    }
}

extension InitializationTests {
    @Test func specsBuildEveryRuleWithTorchDefaults() throws {
        #expect(InitializationSpec.all.map(\.name) == [
            "uniform", "normal", "constant", "zeros", "ones", "xavierUniform", "xavierNormal", "kaimingUniform", "kaimingNormal",
        ])
        for spec in InitializationSpec.all where spec.name != "constant" {
            #expect(spec.make([:])?.name == spec.name)
        }
        #expect(InitializationSpec.named("kaimingNormal")?.make([:]) == .kaimingNormal(a: 0, mode: .fanIn, nonlinearity: .leakyRelu))
        #expect(
            InitializationSpec.named("kaimingUniform")?.make(["mode": .fanMode(.fanOut), "nonlinearity": .nonlinearity(.relu)])
                == .kaimingUniform(mode: .fanOut, nonlinearity: .relu))
        #expect(InitializationSpec.named("constant")?.make(["value": .real(0.5)]) == .constant(value: 0.5))
    }

    @Test func specsRejectWhatTorchWouldReject() {
        let constant = InitializationSpec.named("constant")!
        #expect(constant.make([:]) == nil, "value is required")
        #expect(constant.make(["value": .fanMode(.fanIn)]) == nil, "wrong kind")
        #expect(InitializationSpec.named("xavierNormal")!.make(["mode": .fanMode(.fanIn)]) == nil, "unknown label")
        #expect(InitializationSpec.named("heNormal") == nil)
    }
}
