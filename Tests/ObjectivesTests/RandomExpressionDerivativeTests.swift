import CourseDiagnostics
import Optimizers
import Testing
@testable import ExperimentLanguage
@testable import Objectives

/// Randomly generated closures: the compiled value equals the graph walk, and the symbolic
/// gradient and Hessian match central differences.
struct RandomExpressionDerivativeTests {
    /// A random smooth expression in x and y, as closure source.
    static func expression(_ depth: Int, _ rng: inout Xoshiro256StarStar) -> String {
        if depth == 0 {
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: return "x"
            case 1: return "y"
            case 2: return "\(Int.random(in: 1...5, using: &rng))"
            default: return "0.\(Int.random(in: 1...9, using: &rng))"
            }
        }
        let a = expression(depth - 1, &rng), b = expression(depth - 1, &rng)
        switch Int.random(in: 0..<10, using: &rng) {
        case 0: return "(\(a) + \(b))"
        case 1: return "(\(a) - \(b))"
        case 2, 3: return "(\(a) * \(b))"
        case 4: return "\(a) / (2 + \(b) * \(b))"
        case 5: return "sin(\(a))"
        case 6: return "exp(0.1 * \(a))"
        case 7: return "pow(\(a), 2)"
        case 8: return "sqrt(1 + \(a) * \(a))"
        default: return "tanh(\(a)) + atan(\(b))"
        }
    }

    @Test(arguments: 0..<40)
    func derivativesMatchCentralDifferences(seed: Int) throws {
        var rng = Xoshiro256StarStar(seed: UInt64(seed))
        let source = "{ x, y in \(Self.expression(4, &rng)) + 0 * x * y }"
        var diagnostics: [Diagnostic] = []
        let origin = SourceOrigin(file: "random", line: 1)
        let statements = Parser.parse(source, origin: origin, diagnostics: &diagnostics)
        guard case .expression(let expr)? = statements.first, case .closure(let closure) = expr.kind else {
            Issue.record("\(source) did not parse: \(diagnostics)")
            return
        }
        let compiled = try #require(ClosureCompiler.compile(closure, origin: origin, constants: ConstantScope(), diagnostics: &diagnostics))
        let f = compiled.function
        for _ in 0..<10 {
            let point = [Double.random(in: -2...2, using: &rng), Double.random(in: -2...2, using: &rng)]
            let walked = f.graph.evaluate(f.root, at: point)
            // Compiled code and the graph walk may round differently (fused terms), never by more.
            #expect(abs(f.value(at: point) - walked) <= 1e-12 * max(1, abs(walked)), "\(source) at \(point)")
            let g = f.gradient(at: point).gradient
            let hessian = f.hessian(at: point)
            for i in 0..<2 {
                let h = 1e-5
                var plus = point, minus = point
                plus[i] += h
                minus[i] -= h
                let numeric = (f.value(at: plus) - f.value(at: minus)) / (2 * h)
                #expect(abs(numeric - g[i]) <= 1e-6 * max(1, abs(g[i]), abs(walked)), "∂/∂x\(i) of \(source) at \(point)")
                let gp = f.gradient(at: plus).gradient, gm = f.gradient(at: minus).gradient
                for j in 0..<2 {
                    let numericH = (gp[j] - gm[j]) / (2 * h)
                    #expect(abs(numericH - hessian[i * 2 + j]) <= 1e-5 * max(1, abs(hessian[i * 2 + j]), abs(g[j])),
                            "∂²/∂x\(i)∂x\(j) of \(source) at \(point)")
                }
            }
        }
    }
}
