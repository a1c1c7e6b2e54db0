import Foundation
import Optimizers

private func c(_ name: String, _ arguments: [String: HyperValue]) -> OptimizerConfig {
    OptimizerConfig(callName: name, arguments: arguments)
}

private let g: @Sendable (Vec) -> Vec = { gradient(tiltedBowl, $0) }

/// bfloat16 rounding to nearest even, for Muon's hand computation: its formula runs in torch's bfloat16.
private func bf(_ x: Float) -> Float {
    Float(bitPattern: (x.bitPattern &+ (0x7FFF &+ ((x.bitPattern >> 16) & 1))) & 0xFFFF_0000)
}

let matrixFormulaCases: [FormulaCase] = [
    FormulaCase(
        id: "adafactor",
        config: c("Adafactor", ["lr": .real(0.5), "d": .real(1.5), "weightDecay": .real(0.1)]),
        formula: [
            #"\hat{\beta}_t = 1 - t^{\tau}, \quad \rho_t = \min(\eta, 1/\sqrt{t}), \quad \alpha_t = \max(\varepsilon_2, \mathrm{RMS}(\theta_{t-1}))\,\rho_t"#,
            #"\theta_{t-1} \leftarrow (1 - \eta \lambda)\,\theta_{t-1}"#,
            #"R_t = \hat{\beta}_t R_{t-1} + (1 - \hat{\beta}_t)\,\tfrac{1}{n} (G_t \odot G_t) 1_n, \quad C_t = \hat{\beta}_t C_{t-1} + (1 - \hat{\beta}_t)\,\tfrac{1}{m} 1_m^\top (G_t \odot G_t)"#,
            #"\hat{V}_t = \frac{R_t C_t}{\max(\tfrac{1}{m} 1_m^\top R_t,\ \varepsilon_1)}"#,
            #"U_t = \frac{G_t}{\sqrt{\max(\hat{V}_t, \varepsilon_1^2)}}, \quad \theta_t = \theta_{t-1} - \frac{\alpha_t}{\max(1, \mathrm{RMS}(U_t)/d)}\,U_t"#,
        ],
        conditions: [
            #"$G_t$ is an $m \times n$ weight matrix's gradient; for a vector (a bias) $\hat{V}_t = \hat{\beta}_t \hat{V}_{t-1} + (1 - \hat{\beta}_t) G_t \odot G_t$ unfactored."#,
            #"A landscape's point is one $1 \times 2$ matrix, whose factored $\hat{V}_t$ is its per-coordinate $C_t$."#,
            #"With maximize, $G_t = -\nabla f(\theta_{t-1})$."#,
        ],
        steps: 2,
        hand: { t0 in
            let (eta, tau, eps1, eps2, d, lambda) = (0.5, -0.8, 0x1p-52, 1e-3, 1.5, 0.1)
            var theta = t0, r = 0.0, cc: Vec = [0, 0], out: [Vec] = []
            for t in 1...2 {
                let gt = g(theta)
                let beta = 1 - pow(Double(t), tau)
                let rho = min(eta, 1 / Double(t).squareRoot())
                let alpha = max(eps2, ((theta[0] * theta[0] + theta[1] * theta[1]) / 2).squareRoot()) * rho
                theta = (1 - eta * lambda) * theta
                r = beta * r + (1 - beta) * (gt[0] * gt[0] + gt[1] * gt[1]) / 2
                cc = [beta * cc[0] + (1 - beta) * gt[0] * gt[0], beta * cc[1] + (1 - beta) * gt[1] * gt[1]]
                let v = [r * cc[0] / max(r, eps1), r * cc[1] / max(r, eps1)]
                let u: Vec = [gt[0] / max(v[0], eps1 * eps1).squareRoot(), gt[1] / max(v[1], eps1 * eps1).squareRoot()]
                let rms = ((u[0] * u[0] + u[1] * u[1]) / 2).squareRoot()
                theta = theta - (alpha / max(1, rms / d)) * u
                out.append(theta)
            }
            return out
        }),
    FormulaCase(
        id: "muon",
        config: c("Muon", ["lr": .real(0.1), "weightDecay": .real(0.05), "momentum": .real(0.9)]),
        formula: [
            #"B_t = \mu B_{t-1} + (1 - \mu) G_t, \quad \tilde{B}_t = G_t + \mu (B_t - G_t)"#,
            #"X_0 = \tilde{B}_t / \max(\|\tilde{B}_t\|_F, \varepsilon), \quad X_{j} = a X_{j-1} + (b A_{j} + c A_{j}^2) X_{j-1}, \quad A_j = X_{j-1} X_{j-1}^\top"#,
            #"\theta_t = (1 - \eta \lambda)\,\theta_{t-1} - \eta\, s(A, B)\, X_k"#,
        ],
        conditions: [
            #"Without nesterov, $\tilde{B}_t = B_t$."#,
            #"$s = \sqrt{\max(1, A/B)}$ (.original), $0.2\sqrt{\max(A, B)}$ (.matchRMSAdamW) or $\sqrt{A/B}$ (.spectralUnclamped), for an $A \times B$ matrix."#,
            #"Newton–Schulz runs in bfloat16 with float32 sums as in torch, on $\tilde{B}_t^\top$ when $A > B$."#,
            #"A landscape's point is one $1 \times 2$ matrix: $X_0$ is the update normalised, and $X_k$ keeps its direction at a length near 1."#,
            #"In a network Muon takes the hidden layers' weight matrices (with matrices: .all, every weight matrix); biases and the rest step with others."#,
        ],
        steps: 2,
        hand: { t0 in
            let (eta, mu, lambda) = (0.1, 0.9, 0.05)
            let (a, b, cf): (Float, Float, Float) = (3.4445, -4.7750, 2.0315)
            var theta = t0, buffer: Vec = [0, 0], out: [Vec] = []
            for _ in 1...2 {
                let gt = g(theta)
                buffer = mu * buffer + (1 - mu) * gt
                let update = gt + mu * (buffer - gt)
                var x = update.map { bf(Float($0)) }
                let norm = max(bf((x[0] * x[0] + x[1] * x[1]).squareRoot()), bf(Float(1e-7)))
                x = x.map { bf($0 / norm) }
                for _ in 0..<5 {
                    let gram = bf(x[0] * x[0] + x[1] * x[1])
                    let poly = bf(b * gram + cf * (gram * gram))
                    x = x.map { bf(a * $0 + poly * $0) }
                }
                // A 1×2 matrix: s = √max(1, 1/2) = 1.
                theta = (1 - eta * lambda) * theta - eta * [Double(x[0]), Double(x[1])]
                out.append(theta)
            }
            return out
        }),
]
