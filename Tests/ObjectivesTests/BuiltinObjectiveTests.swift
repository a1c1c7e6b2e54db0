import Optimizers
import Testing
@testable import ExperimentLanguage
@testable import Objectives

/// Every built-in compiles, its derivatives match central differences, and its minima are minima.
struct BuiltinObjectiveTests {
    static let names = BuiltinObjective.all.map(\.name)

    static func objective(_ name: String) throws -> Objective {
        let builtin = try #require(BuiltinObjective.named(name))
        return try #require(builtin.objective(parameterValues: builtin.parameters.map(\.defaultValue), call: "." + name))
    }

    @Test(arguments: names)
    func gradientAndHessianMatchCentralDifferences(name: String) throws {
        let objective = try Self.objective(name)
        let f = try #require(objective.symbolic)
        var rng = Xoshiro256StarStar(seed: 7)
        let domain = objective.recommendedDomain
        for _ in 0..<25 {
            let x = Double.random(in: domain.x, using: &rng)
            let y = Double.random(in: try #require(domain.y), using: &rng)
            let point = [x, y]
            let gradient = f.gradient(at: point).gradient
            let hessian = f.hessian(at: point)
            for i in 0..<2 {
                let h = 1e-6 * max(1, abs(point[i]))
                var plus = point, minus = point
                plus[i] += h
                minus[i] -= h
                let numeric = (f.value(at: plus) - f.value(at: minus)) / (2 * h)
                // Central differences are accurate to O(h²·f‴) plus rounding of f/h.
                let scale = max(1, abs(f.value(at: point)), abs(gradient[i]))
                #expect(abs(numeric - gradient[i]) <= 1e-5 * scale, "∂f/∂x\(i) of \(name) at \(point)")
                let gPlus = f.gradient(at: plus).gradient, gMinus = f.gradient(at: minus).gradient
                for j in 0..<2 {
                    let numericH = (gPlus[j] - gMinus[j]) / (2 * h)
                    let scaleH = max(1, abs(hessian[i * 2 + j]), abs(gradient[j]))
                    #expect(abs(numericH - hessian[j * 2 + i]) <= 1e-5 * scaleH, "∂²f/∂x\(i)∂x\(j) of \(name) at \(point)")
                }
            }
        }
    }

    @Test(arguments: names)
    func minimaAreStationaryAndStartIsInsideTheDomain(name: String) throws {
        let objective = try Self.objective(name)
        let f = try #require(objective.symbolic)
        for minimum in objective.minima {
            let g = f.gradient(at: minimum).gradient
            // Ackley's gradient is undefined at its minimum (|x| under a square root); skip its stationarity.
            if name != "ackley" {
                #expect(g.allSatisfy { abs($0) < 1e-9 }, "∇f at \(minimum) is \(g)")
            }
            let value = try #require(objective.minimumValue)
            // No other known minimiser is lower, and nearby points are not lower.
            for dx in [-1e-3, 1e-3] {
                #expect(f.value(at: [minimum[0] + dx, minimum[1]]) >= value)
                #expect(f.value(at: [minimum[0], minimum[1] + dx]) >= value)
            }
        }
        #expect(objective.recommendedDomain.x.contains(objective.defaultStart[0]))
        #expect(try #require(objective.recommendedDomain.y).contains(objective.defaultStart[1]))
    }

    @Test
    func knownMinimumValues() throws {
        // Published values: Goldstein–Price f* = 3, Styblinski–Tang f* = −39.16616570377142 per coordinate.
        #expect(abs(try #require(Self.objective("goldsteinPrice").minimumValue) - 3) < 1e-12)
        #expect(abs(try #require(Self.objective("styblinskiTang").minimumValue) - 2 * -39.16616570377142) < 1e-9)
        #expect(try Self.objective("himmelblau").minima.count == 4)
        #expect(try Self.objective("saddle").minimumValue == nil)
    }

    @Test
    func formulasPrintAsWritten() throws {
        #expect(try Self.objective("bowl").latex == "\\frac{x^{2}}{20} + y^{2}")
        #expect(try Self.objective("bowl").gradientLatex == ["\\frac{x}{10}", "2 y"])
        #expect(try Self.objective("rosenbrock").latex == "\\left(1 - x\\right)^{2} + 100 \\left(y - x^{2}\\right)^{2}")
    }
}
