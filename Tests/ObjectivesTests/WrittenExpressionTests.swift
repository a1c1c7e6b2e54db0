import Optimizers
import Testing
@testable import ExperimentLanguage
@testable import Objectives

/// The record of an expression as written, and the tape that runs it: what the graph's
/// simplification merges stays apart here, and the backward pass ends as torch's does.
struct WrittenExpressionTests {
    /// Operations the tape of `closure` evaluates.
    static func operationCount(_ closure: String) throws -> Int {
        try TorchGradientFixture.compile(closure).tape.registerCount
    }

    @Test func associationIsKeptAsWritten() throws {
        // The graph flattens both sums into x + y + 1; Python rounds them differently.
        let left = try TorchGradientFixture.compile("{ x, y in (x + y) + 1 }")
        let right = try TorchGradientFixture.compile("{ x, y in x + (y + 1) }")
        #expect(left.graph.nodes.count == right.graph.nodes.count)
        let (x, y) = (-0.15432374172319602, -4.537715809541205e-08)
        let point = [x, y]
        #expect(left.value(at: point) == (x + y) + 1)
        #expect(right.value(at: point) == x + (y + 1))
        #expect(left.value(at: point) != right.value(at: point))
    }

    @Test func aSquareWrittenAsAProductStaysAProduct() throws {
        let f = try TorchGradientFixture.compile("{ x in x * x / 20 }")
        // The graph knows it as x²/20; the tape multiplies, then divides, as torch does.
        #expect(f.graph.nodes.contains { if case .power = $0 { true } else { false } })
        #expect(try Self.operationCount("{ x in x * x / 20 }") == 3)
        #expect(f.value(at: [3.3]) == 3.3 * 3.3 / 20)
        // div's backward gives 1/20 to the product, whose two factors each get (1/20)·x.
        let share: Double = 1.0 / 20 * 3.3
        #expect(f.gradient(at: [3.3]).gradient == [share + share])
    }

    @Test func repeatedFactorsOfOneProductAreOneValue() throws {
        // (y - x·x) written twice as factors of one product is computed once: variables, x·x, the
        // difference, 100·u and the product.
        #expect(try Self.operationCount("{ x, y in 100 * (y - x * x) * (y - x * x) }") == 6)
        // Elsewhere a repeat is computed again, as Python does.
        #expect(try Self.operationCount("{ x, y in (x * y + 1) + (x * y + 1) }") == 7)
        #expect(try Self.operationCount("{ x, y in let u = x * y; return u + u }") == 4)
    }

    @Test func differentiatingRecordsNothing() throws {
        let f = try TorchGradientFixture.compile("{ x, y in sin(x * y) + pow(x, 3) / y }")
        // Two variables, x·y, sin, pow, division, sum; the derivatives' nodes live only in the graph.
        #expect(f.graph.written.reachable(from: f.graph.written.operations.count - 1).count == 8)
        #expect(f.tape.registerCount == 7)
        #expect(f.graph.nodes.count > 20)
    }

    @Test func aNodeNoCallerWroteIsTranscribed() throws {
        let f = try TorchGradientFixture.compile("{ x, y in exp(x) * y + x * x * y }")
        // ∂f/∂x was built by the graph itself; a function of it runs its simplified form.
        let partial = try SymbolicFunction(graph: f.graph, root: f.gradient[0], dimension: 2)
        var rng = Xoshiro256StarStar(seed: 11)
        for _ in 0..<20 {
            let point = [Double.random(in: -2...2, using: &rng), Double.random(in: -2...2, using: &rng)]
            let expected = f.graph.evaluate(f.gradient[0], at: point)
            #expect(abs(partial.value(at: point) - expected) <= 1e-14 * max(1, abs(expected)))
        }
    }

    @Test(arguments: 0..<40)
    func tapeGradientAgreesWithTheSymbolicOne(seed: Int) throws {
        var rng = Xoshiro256StarStar(seed: UInt64(1000 + seed))
        let source = "{ x, y in \(RandomExpressionDerivativeTests.expression(4, &rng)) + 0 * x * y }"
        let f = try TorchGradientFixture.compile(source)
        for _ in 0..<10 {
            let point = [Double.random(in: -2...2, using: &rng), Double.random(in: -2...2, using: &rng)]
            let (value, gradient) = f.gradient(at: point)
            let walked = f.graph.evaluate(f.root, at: point)
            // Two orders of the same arithmetic: they agree to rounding, amplified by cancellation at most 1e3.
            #expect(abs(value - walked) <= 1e-12 * max(1, abs(walked)), "\(source) at \(point)")
            for i in 0..<2 {
                let symbolic = f.graph.evaluate(f.gradient[i], at: point)
                #expect(abs(gradient[i] - symbolic) <= 1e-12 * max(1, abs(symbolic), abs(walked)), "∂/∂x\(i) of \(source) at \(point)")
            }
        }
    }

    @Test func zeroGradientsCarryTorchsSigns() throws {
        // torch sums the per-coordinate `select` gradients when both coordinates are used,
        // which turns −0 into +0; a single coordinate keeps its sign.
        let both = try TorchGradientFixture.compile("{ x, y in x * x - y * y }").gradient(at: [1, 0]).gradient
        #expect(both[1].bitPattern == (0.0).bitPattern)
        let onlyY = try TorchGradientFixture.compile("{ x, y in -(y * y) }").gradient(at: [1, 0]).gradient
        #expect(onlyY[0].bitPattern == (0.0).bitPattern)
        #expect(onlyY[1].bitPattern == (-0.0).bitPattern)
        let single = try TorchGradientFixture.compile("{ x in -(x * x) }").gradient(at: [0]).gradient
        #expect(single[0].bitPattern == (-0.0).bitPattern)
    }

    @Test func constantAndVariableRoots() {
        var expression = WrittenExpression()
        let x = expression.variable(0)
        let variableTape = AutogradTape(expression, root: x, dimension: 2)
        var g = [9.0, 9.0]
        let value = [2.5, 7.0].withUnsafeBufferPointer { variableTape.valueAndGradient($0.baseAddress!, &g) }
        #expect(value == 2.5)
        #expect(g == [1, 0])
        let three = expression.constant(3), four = expression.constant(4)
        let seven = expression.append(.binary(.add, three, four))
        let constantTape = AutogradTape(expression, root: seven, dimension: 2)
        let constant = [2.5, 7.0].withUnsafeBufferPointer { constantTape.valueAndGradient($0.baseAddress!, &g) }
        #expect(constant == 7)
        #expect(g == [0, 0])
        #expect(constantTape.stepCount == 0)
    }
}
