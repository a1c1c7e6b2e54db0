import Foundation
import Optimizers
import Testing

/// Lookahead, SWATS and SGDW, step by step as their papers' algorithms state them.
@Suite struct PaperAlgorithmTests {
    private let start: Vec = [-2, 1]
    private func g(_ p: Vec) -> Vec { gradient(tiltedBowl, p) }

    /// Kingma & Ba 2015, Algorithm 1: one Adam step with its own state.
    private struct AdamState {
        var m: Vec = [0, 0], v: Vec = [0, 0], t = 0

        mutating func step(_ theta: Vec, _ g: Vec, alpha: Double, b1: Double = 0.9, b2: Double = 0.999, eps: Double = 1e-8)
            -> Vec
        {
            t += 1
            m = b1 * m + (1 - b1) * g
            v = b2 * v + (1 - b2) * hadamard(g, g)
            let mHat = (1 / (1 - pow(b1, Double(t)))) * m
            let vHat = (1 / (1 - pow(b2, Double(t)))) * v
            return theta - alpha * map2(mHat, vHat) { $0 / ($1.squareRoot() + eps) }
        }
    }

    /// Zhang et al. 2019, Algorithm 1, with Adam as the inner optimizer A, k = 3, α = 0.5.
    @Test func lookaheadFollowsAlgorithmOne() {
        let steps = 10, k = 3, alpha = 0.5
        var phi = start, theta = start, adam = AdamState()
        var expected = [start], syncs: [Int] = []
        for t in 1...steps {
            theta = adam.step(theta, g(theta), alpha: 0.1)
            if t % k == 0 {
                phi = phi + alpha * (theta - phi)
                theta = phi
                syncs.append(t)
            }
            expected.append(theta)
        }
        let config = OptimizerConfig(callName: "Lookahead", arguments: [
            "": .optimizer(OptimizerConfig(callName: "Adam", arguments: ["lr": .real(0.1)])), "k": .integer(k),
            "alpha": .real(alpha),
        ])
        let trajectory = RunLoop.run(tiltedBowl, settings: RunSettings(start: start, steps: steps, optimizer: config))
        #expect(firstMismatch(trajectory.points, expected, relative: 1e-12, absolute: 1e-14) == nil)
        #expect(trajectory.syncSteps == syncs)
        #expect(syncs == [3, 6, 9])
    }

    /// Keskar & Socher 2017, Algorithm 1. With ε = 10⁻⁴ and a small α the projected rate
    /// settles at once, so the switch happens at k = 2 and the rest is momentum SGD.
    @Test func swatsFollowsAlgorithmOneAndRecordsTheSwitch() {
        let (alpha, b1, b2, eps) = (0.01, 0.9, 0.999, 1e-4)
        var x = start, m: Vec = [0, 0], a: Vec = [0, 0], v: Vec = [0, 0], lambda = 0.0
        var sgd = false, bigLambda = 0.0, switchedAt: Int?
        var expected = [start]
        for k in 1...25 {
            let gk = g(x)
            if sgd {
                v = b1 * v + gk
                x = x - ((1 - b1) * bigLambda) * v
                expected.append(x)
                continue
            }
            m = b1 * m + (1 - b1) * gk
            a = b2 * a + (1 - b2) * hadamard(gk, gk)
            let p = (-alpha * (1 - pow(b2, Double(k))).squareRoot() / (1 - pow(b1, Double(k))))
                * map2(m, a) { $0 / ($1.squareRoot() + eps) }
            x = x + p
            if dot(p, gk) != 0 {
                let gamma = dot(p, p) / -dot(p, gk)
                lambda = b2 * lambda + (1 - b2) * gamma
                if k > 1, abs(lambda / (1 - pow(b2, Double(k))) - gamma) < eps {
                    sgd = true
                    v = [0, 0]
                    bigLambda = lambda / (1 - pow(b2, Double(k)))
                    switchedAt = k
                }
            }
            expected.append(x)
        }
        let config = OptimizerConfig(callName: "SWATS", arguments: ["lr": .real(alpha), "eps": .real(eps)])
        let trajectory = RunLoop.run(tiltedBowl, settings: RunSettings(start: start, steps: 25, optimizer: config))
        #expect(switchedAt == 2)
        #expect(trajectory.switchedAt == switchedAt)
        #expect(firstMismatch(trajectory.points, expected, relative: 1e-12, absolute: 1e-14) == nil)
    }

    @Test func swatsWithThePapersDefaultsStaysWithAdamOnASmoothBowl() {
        // ε = 10⁻⁹ is a strict test: on this bowl the projected rate never settles that far.
        let config = OptimizerConfig(callName: "SWATS", arguments: ["lr": .real(0.1)])
        let trajectory = RunLoop.run(tiltedBowl, settings: RunSettings(start: start, steps: 200, optimizer: config))
        #expect(trajectory.switchedAt == nil)
        #expect(trajectory.divergedAt == nil)
    }

    /// Loshchilov & Hutter 2019, Algorithm 1 (SGD with momentum and decoupled decay), with the
    /// decay scaled by the learning rate as PyTorch's AdamW does: θ ← θ − ηλθ − η v.
    @Test func sgdwDecaysTheWeightsNotTheGradient() {
        let (eta, mu, lambda) = (0.05, 0.9, 0.2)
        var theta = start, v: Vec = [0, 0], expected = [start]
        for _ in 1...12 {
            let gt = g(theta)
            v = mu * v + gt
            theta = theta - (eta * lambda) * theta - eta * v
            expected.append(theta)
        }
        let config = OptimizerConfig(
            callName: "SGDW", arguments: ["lr": .real(eta), "momentum": .real(mu), "weightDecay": .real(lambda)])
        let trajectory = RunLoop.run(tiltedBowl, settings: RunSettings(start: start, steps: 12, optimizer: config))
        #expect(firstMismatch(trajectory.points, expected, relative: 1e-12, absolute: 1e-14) == nil)
        // Coupled decay (SGD's weightDecay) takes a different path.
        let coupled = OptimizerConfig(
            callName: "SGD", arguments: ["lr": .real(eta), "momentum": .real(mu), "weightDecay": .real(lambda)])
        let other = RunLoop.run(tiltedBowl, settings: RunSettings(start: start, steps: 12, optimizer: coupled))
        #expect(firstMismatch(other.points, expected, relative: 1e-6, absolute: 1e-9) != nil)
    }
}
