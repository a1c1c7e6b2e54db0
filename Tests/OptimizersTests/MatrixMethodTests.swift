import CourseTestSupport
import Foundation
import Testing
@testable import Optimizers

/// Adafactor and Muon, the methods that see parameter shapes: torch 2.15's trajectories on a
/// landscape's point as a 1×2 matrix (`scripts/reference/matrix.py`), their bad values, and
/// Newton–Schulz against torch's bfloat16 arithmetic.
@Suite struct MatrixMethodTests {
    static let cases = ReferenceFixtures.load("matrix-trajectories.json")

    @Test func fixtureLoads() {
        // 6 Adafactor and 7 Muon cases; a parse failure would silently test nothing.
        #expect(Self.cases.count == 13)
        #expect(Self.cases.filter { $0.config.callName == "Muon" }.count == 7)
    }

    /// Every point to 1e-9 relative (1e-12 absolute): Muon's bfloat16 Newton–Schulz gives
    /// torch's bits on a 1×2 matrix, whose sums have at most two exact products.
    @Test(arguments: cases)
    func trajectoryMatchesTorch(_ reference: ReferenceCase) throws {
        let function = try #require(PlaneFunctions.named(reference.objectiveName))
        #expect(OptimizerCatalog.problems(in: reference.config).isEmpty)
        let trajectory = RunLoop.run(
            function, settings: RunSettings(start: reference.start, steps: reference.steps, optimizer: reference.config))
        #expect(trajectory.divergedAt == nil)
        let mismatch = firstMismatch(trajectory.points, reference.trajectory)
        #expect(mismatch == nil, "\(reference.testDescription): \(mismatch ?? "")")
    }

    @Test(arguments: [
        ("Adafactor", "beta2Decay", HyperValue.real(0.5), "beta2_decay should be <= 0 but is: 0.5 (beta2Decay must be ≤ 0)"),
        ("Adafactor", "eps", .pair(-1, 1e-3), "epsilon1 should be >= 0 but is: -1.0 (eps must be a pair of numbers ≥ 0)"),
        ("Adafactor", "eps", .pair(1e-30, -0.5), "epsilon2 should be >= 0 but is: -0.5 (eps must be a pair of numbers ≥ 0)"),
        ("Adafactor", "d", .real(0.5), "Clipping threshold d should be >= 1 but is: 0.5 (d must be ≥ 1)"),
        ("Adafactor", "lr", .real(-0.01), "Invalid learning rate: -0.01 (lr must be ≥ 0)"),
        ("Adafactor", "weightDecay", .real(-1), "Invalid weight_decay value: -1.0 (weightDecay must be ≥ 0)"),
        ("Muon", "lr", .real(-0.02), "Invalid learning rate: -0.02 (lr must be ≥ 0)"),
        ("Muon", "momentum", .real(-0.5), "Invalid momentum value: -0.5 (momentum must be ≥ 0)"),
        ("Muon", "weightDecay", .real(-0.1), "Invalid weight_decay value: -0.1 (weightDecay must be ≥ 0)"),
        ("Muon", "eps", .real(-1e-7), "Invalid epsilon value: -1e-07 (eps must be ≥ 0)"),
        ("Muon", "nsSteps", .integer(100),
         "Number of steps must be less than 100 for computational efficiency (nsSteps must be in 0…99)"),
        ("Muon", "nsSteps", .integer(-1), "Invalid Newton–Schulz steps: -1 (nsSteps must be in 0…99)"),
        ("Muon", "nsA", .real(.infinity), "Invalid Newton–Schulz coefficient: inf (nsA must be finite)"),
    ] as [(String, String, HyperValue, String)])
    func badValuesAreRejected(_ method: String, _ name: String, _ value: HyperValue, _ message: String) throws {
        let parameter = try #require(OptimizerCatalog.spec(callName: method)?.parameter(name))
        #expect(parameter.validate(value) == message)
        let config = OptimizerConfig(callName: method, arguments: [name: value])
        #expect(OptimizerCatalog.problems(in: config).contains { $0.argument == name && $0.message == message })
        #expect(Optimizer(config, dimension: 2) == nil)
    }

    @Test func othersMustStepFromOneGradient() {
        for (others, words) in [("Muon", "not Muon"), ("LBFGS", "LBFGS evaluates the objective itself"),
                                ("Newton", "Newton evaluates the objective itself")] {
            let config = OptimizerConfig(
                callName: "Muon", arguments: ["others": .optimizer(OptimizerConfig(callName: others, arguments: [:]))])
            let problems = OptimizerCatalog.problems(in: config)
            #expect(problems.count == 1 && problems[0].argument == "others" && problems[0].message.contains(words), "\(problems)")
        }
        let lookahead = OptimizerConfig(callName: "Lookahead", arguments: ["": .optimizer(OptimizerConfig(callName: "AdamW", arguments: [:]))])
        #expect(OptimizerCatalog.problems(in: OptimizerConfig(callName: "Muon", arguments: ["others": .optimizer(lookahead)])).isEmpty)
    }

    /// torch's `_adjust_lr` for a 1×2 point, a tall and a wide matrix.
    @Test func learningRateAdjustments() {
        #expect(MuonEngine.ratio("original", rows: 1, columns: 2) == 1)
        #expect(MuonEngine.ratio("original", rows: 8, columns: 2) == 2)
        #expect(MuonEngine.ratio("matchRMSAdamW", rows: 3, columns: 100) == 0.2 * 10)
        #expect(MuonEngine.ratio("spectralUnclamped", rows: 1, columns: 4) == 0.5)
    }

    /// On a 1×2 matrix Newton–Schulz keeps the direction and brings the length near 1.
    @Test func newtonSchulzNormalisesAPoint() {
        let ns = NewtonSchulz(coefficients: (3.4445, -4.7750, 2.0315), steps: 5, capacity: (2, 1))
        var u = [3.0, -4.0]
        u.withUnsafeMutableBufferPointer { ns.orthogonalize($0.baseAddress!, rows: 1, columns: 2, eps: 1e-7) }
        #expect(abs(u[0] / u[1] + 0.75) < 1e-2)
        let length = (u[0] * u[0] + u[1] * u[1]).squareRoot()
        #expect(length > 0.6 && length < 1.3, "\(length)")
    }

    /// A 100×100 matrix: singular values land in torch's band (about 0.68 to 1.13 after five
    /// steps), so XXᵀ is near the identity; every entry is a bfloat16 value.
    @Test func newtonSchulzOrthogonalisesAMatrix() {
        let n = 100
        var generator = Xoshiro256StarStar(seed: 7)
        var u = (0..<n * n).map { _ in Double(generator.next() % 2001) / 1000 - 1 }
        let ns = NewtonSchulz(coefficients: (3.4445, -4.7750, 2.0315), steps: 5, capacity: (n * n, n * n))
        u.withUnsafeMutableBufferPointer { ns.orthogonalize($0.baseAddress!, rows: n, columns: n, eps: 1e-7) }
        #expect(u.allSatisfy { Double(Float(NewtonSchulz.bfloat16(Float($0)))) == $0 })
        var worstDiagonal = 0.0, worstOff = 0.0
        for i in 0..<n {
            for j in 0..<n {
                var dot = 0.0
                for k in 0..<n { dot += u[i * n + k] * u[j * n + k] }
                if i == j { worstDiagonal = max(worstDiagonal, abs(dot - 1)) } else { worstOff = max(worstOff, abs(dot)) }
            }
        }
        #expect(worstDiagonal < 0.75 && worstOff < 0.3, "\(worstDiagonal) \(worstOff)")
    }

    @Test func bfloat16RoundsToNearestEven() {
        #expect(NewtonSchulz.bfloat16(1) == 1)
        // 1 + 2⁻⁸ is halfway between 1 and 1 + 2⁻⁷: ties go to the even 1.
        #expect(NewtonSchulz.bfloat16(1 + 0x1p-8) == 1)
        #expect(NewtonSchulz.bfloat16(1 + 0x1p-8 + 0x1p-20) == 1 + 0x1p-7)
        #expect(NewtonSchulz.bfloat16(1 + 3 * 0x1p-8) == 1 + 0x1p-6)
        #expect(NewtonSchulz.bfloat16(.nan).isNaN)
    }

    /// Element-wise methods ignore the layout: Adam on a network layout steps as on a flat vector.
    @Test func elementwiseMethodsIgnoreTheLayout() throws {
        let layout = try #require(ParameterLayout([
            .init(offset: 0, shape: .matrix(rows: 2, columns: 3), role: .inputWeight),
            .init(offset: 6, shape: .vector(2), role: .bias),
        ]))
        let config = OptimizerConfig(callName: "Adam", arguments: ["lr": .real(0.1)])
        let shaped = try #require(Optimizer(config, layout: layout))
        let flat = try #require(Optimizer(config, dimension: 8))
        var a = (0..<8).map { Double($0) / 3 }, b = a
        var g1 = (0..<8).map { 1 - Double($0) / 5 }, g2 = g1
        a.withUnsafeMutableBufferPointer { x in g1.withUnsafeMutableBufferPointer { _ = shaped.step(x, gradient: $0) } }
        b.withUnsafeMutableBufferPointer { x in g2.withUnsafeMutableBufferPointer { _ = flat.step(x, gradient: $0) } }
        #expect(a == b)
        #expect(ParameterLayout([.init(offset: 1, shape: .vector(2), role: .bias)]) == nil)
    }
}

/// Newton–Schulz on matrices larger than a point against torch's own `_zeropower_via_newtonschulz`.
/// torch's bfloat16 products sum in float32 in oneDNN's order, OpenBLAS in its own, so a sum
/// may round to the neighbouring bfloat16 and the difference then travels through the later
/// steps (on 100×100, most entries end a bfloat16 unit or two apart). The stated bound: every
/// entry within 1/64 of torch's (entries are of order 0.01–0.3); up to 16×16, torch's bits.
@Suite struct NewtonSchulzBoundTests {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        let rows: Int, columns: Int
        let input: [Double], output: [Double]
        var testDescription: String { "\(rows)×\(columns)" }
    }

    struct File: Decodable {
        let newtonSchulz: [Case]
    }

    static let cases: [Case] = {
        guard let data = try? Data(contentsOf: ReferenceFixtures.directory.appendingPathComponent("matrix-trajectories.json")),
              let file = try? JSONDecoder().decode(File.self, from: data)
        else { return [] }
        return file.newtonSchulz
    }()

    @Test func fixtureLoads() {
        #expect(Self.cases.count == 6)
    }

    @Test(arguments: cases)
    func withinTheBoundOfTorch(_ c: Case) {
        let ns = NewtonSchulz(
            coefficients: (3.4445, -4.7750, 2.0315), steps: 5,
            capacity: (c.rows * c.columns, min(c.rows, c.columns) * min(c.rows, c.columns)))
        var u = c.input
        u.withUnsafeMutableBufferPointer { ns.orthogonalize($0.baseAddress!, rows: c.rows, columns: c.columns, eps: 1e-7) }
        let differences = zip(u, c.output).map { abs($0 - $1) }
        let worst = differences.max() ?? 0
        let differing = differences.filter { $0 > 0 }.count
        #expect(worst <= 1.0 / 64, "\(c.testDescription): worst difference \(worst), \(differing) of \(u.count) differ")
        if c.rows * c.columns <= 256 {
            #expect(differing == 0, "\(c.testDescription): \(differing) of \(u.count) differ, worst \(worst)")
        }
    }
}
