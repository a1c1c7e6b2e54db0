import Foundation
import Optimizers
import Testing

/// For every method: the catalog's formula lines, and the first steps computed by hand
/// from exactly those lines (plain arithmetic, no PyTorch rounding tricks). If the code
/// or the formula changes alone, this fails.
struct FormulaCase: Sendable, CustomTestStringConvertible {
    let id: String
    let config: OptimizerConfig
    /// The catalog's formula, transcribed here; the hand computation follows these lines.
    let formula: [String]
    /// The catalog's conditions under the rule (flags, warm-up, switches), transcribed likewise.
    var conditions: [String] = []
    let steps: Int
    let hand: @Sendable (Vec) -> [Vec]

    var testDescription: String { id }
}

private func c(_ name: String, _ arguments: [String: HyperValue]) -> OptimizerConfig {
    OptimizerConfig(callName: name, arguments: arguments)
}

private let start: Vec = [-2, 1]
private let g: @Sendable (Vec) -> Vec = { gradient(tiltedBowl, $0) }

let formulaCases: [FormulaCase] = [
    FormulaCase(
        id: "sgd",
        config: c("SGD", ["lr": .real(0.1), "momentum": .real(0.8), "dampening": .real(0.25), "weightDecay": .real(0.05)]),
        formula: [
            #"g_t = \nabla f(\theta_{t-1}) + \lambda \theta_{t-1}"#,
            #"v_t = \mu v_{t-1} + (1 - \tau) g_t, \quad v_1 = g_1"#,
            #"d_t = v_t"#,
            #"\theta_t = \theta_{t-1} - \eta d_t"#,
        ],
        conditions: [
            #"With nesterov, $d_t = g_t + \mu v_t$."#,
            #"With $\mu = 0$ there is no buffer: $d_t = g_t$."#,
            #"With maximize, $g_t$ starts from $-\nabla f(\theta_{t-1})$."#,
        ],
        steps: 2,
        hand: { t0 in
            let (eta, mu, tau, lambda) = (0.1, 0.8, 0.25, 0.05)
            let g1 = g(t0) + lambda * t0
            let v1 = g1
            let t1 = t0 - eta * v1
            let g2 = g(t1) + lambda * t1
            let v2 = mu * v1 + (1 - tau) * g2
            return [t1, t1 - eta * v2]
        }),
    FormulaCase(
        id: "momentum", config: c("Momentum", ["lr": .real(0.1)]),
        formula: [
            #"g_t = \nabla f(\theta_{t-1})"#, #"v_t = \mu v_{t-1} + g_t, \quad v_0 = 0"#, #"\theta_t = \theta_{t-1} - \eta v_t"#,
        ],
        conditions: [
            #"With maximize, $g_t = -\nabla f(\theta_{t-1})$."#,
        ],
        steps: 2,
        hand: { t0 in
            let (eta, mu) = (0.1, 0.9)
            let v1 = mu * [0, 0] + g(t0)
            let t1 = t0 - eta * v1
            let v2 = mu * v1 + g(t1)
            return [t1, t1 - eta * v2]
        }),
    FormulaCase(
        id: "nesterov", config: c("Nesterov", ["lr": .real(0.1), "momentum": .real(0.7)]),
        formula: [
            #"g_t = \nabla f(\theta_{t-1})"#, #"v_t = \mu v_{t-1} + g_t, \quad v_0 = 0"#,
            #"\theta_t = \theta_{t-1} - \eta (g_t + \mu v_t)"#,
        ],
        conditions: [
            #"With maximize, $g_t = -\nabla f(\theta_{t-1})$."#,
        ],
        steps: 2,
        hand: { t0 in
            let (eta, mu) = (0.1, 0.7)
            let g1 = g(t0)
            let v1 = g1
            let t1 = t0 - eta * (g1 + mu * v1)
            let g2 = g(t1)
            let v2 = mu * v1 + g2
            return [t1, t1 - eta * (g2 + mu * v2)]
        }),
    FormulaCase(
        id: "adagrad",
        config: c("AdaGrad", [
            "lr": .real(0.5), "lrDecay": .real(0.1), "weightDecay": .real(0.05), "initialAccumulatorValue": .real(0.2),
            "eps": .real(1e-3),
        ]),
        formula: [
            #"g_t = \nabla f(\theta_{t-1}) + \lambda \theta_{t-1}"#,
            #"\eta_t = \frac{\eta}{1 + (t - 1) \zeta}"#,
            #"G_t = G_{t-1} + g_t^2"#,
            #"\theta_t = \theta_{t-1} - \eta_t \frac{g_t}{\sqrt{G_t} + \varepsilon}"#,
        ],
        conditions: [
            #"$G_0$ is the initial accumulator."#,
            #"With maximize, $g_t$ starts from $-\nabla f(\theta_{t-1})$."#,
        ],
        steps: 2,
        hand: { t0 in
            let (eta, kappa, lambda, eps) = (0.5, 0.1, 0.05, 1e-3)
            var theta = t0, G: Vec = [0.2, 0.2], out: [Vec] = []
            for t in 1...2 {
                let gt = g(theta) + lambda * theta
                let etaT = eta / (1 + Double(t - 1) * kappa)
                G = G + hadamard(gt, gt)
                theta = theta - etaT * map2(gt, G) { $0 / ($1.squareRoot() + eps) }
                out.append(theta)
            }
            return out
        }),
    FormulaCase(
        id: "rmsprop",
        config: c("RMSProp", [
            "lr": .real(0.01), "alpha": .real(0.9), "eps": .real(1e-4), "weightDecay": .real(0.1), "momentum": .real(0.5),
            "centered": .bool(true),
        ]),
        formula: [
            #"g_t = \nabla f(\theta_{t-1}) + \lambda \theta_{t-1}"#,
            #"v_t = \alpha v_{t-1} + (1 - \alpha) g_t^2"#,
            #"\bar{g}_t = \alpha \bar{g}_{t-1} + (1 - \alpha) g_t"#,
            #"\tilde{v}_t = v_t"#,
            #"b_t = \mu b_{t-1} + \frac{g_t}{\sqrt{\tilde{v}_t} + \varepsilon}"#,
            #"\theta_t = \theta_{t-1} - \eta b_t"#,
        ],
        conditions: [
            #"With centered, $\tilde{v}_t = v_t - \bar{g}_t^2$."#,
            #"With maximize, $g_t$ starts from $-\nabla f(\theta_{t-1})$."#,
        ],
        steps: 2,
        hand: { t0 in
            let (eta, alpha, eps, lambda, mu) = (0.01, 0.9, 1e-4, 0.1, 0.5)
            var theta = t0, v: Vec = [0, 0], gBar: Vec = [0, 0], b: Vec = [0, 0], out: [Vec] = []
            for _ in 1...2 {
                let gt = g(theta) + lambda * theta
                v = alpha * v + (1 - alpha) * hadamard(gt, gt)
                gBar = alpha * gBar + (1 - alpha) * gt
                let vTilde = v - hadamard(gBar, gBar)
                b = mu * b + map2(gt, vTilde) { $0 / ($1.squareRoot() + eps) }
                theta = theta - eta * b
                out.append(theta)
            }
            return out
        }),
    FormulaCase(
        id: "adadelta",
        config: c("Adadelta", ["lr": .real(0.9), "rho": .real(0.8), "eps": .real(1e-3), "weightDecay": .real(0.1)]),
        formula: [
            #"g_t = \nabla f(\theta_{t-1}) + \lambda \theta_{t-1}"#, #"v_t = \rho v_{t-1} + (1 - \rho) g_t^2"#,
            #"\Delta_t = \frac{\sqrt{u_{t-1} + \varepsilon}}{\sqrt{v_t + \varepsilon}} g_t"#,
            #"u_t = \rho u_{t-1} + (1 - \rho) \Delta_t^2"#, #"\theta_t = \theta_{t-1} - \eta \Delta_t"#,
        ],
        conditions: [
            #"With maximize, $g_t$ starts from $-\nabla f(\theta_{t-1})$."#,
        ],
        steps: 2,
        hand: { t0 in
            let (eta, rho, eps, lambda) = (0.9, 0.8, 1e-3, 0.1)
            var theta = t0, v: Vec = [0, 0], u: Vec = [0, 0], out: [Vec] = []
            for _ in 1...2 {
                let gt = g(theta) + lambda * theta
                v = rho * v + (1 - rho) * hadamard(gt, gt)
                let delta = (0..<2).map { i in ((u[i] + eps).squareRoot() / (v[i] + eps).squareRoot()) * gt[i] }
                u = rho * u + (1 - rho) * hadamard(delta, delta)
                theta = theta - eta * delta
                out.append(theta)
            }
            return out
        }),
    FormulaCase(
        id: "adam",
        config: c("Adam", ["lr": .real(0.1), "betas": .pair(0.8, 0.9), "eps": .real(1e-3), "weightDecay": .real(0.1)]),
        formula: [
            #"g_t = \nabla f(\theta_{t-1}) + \lambda \theta_{t-1}"#, #"m_t = \beta_1 m_{t-1} + (1 - \beta_1) g_t"#,
            #"v_t = \beta_2 v_{t-1} + (1 - \beta_2) g_t^2"#,
            #"\hat{m}_t = \frac{m_t}{1 - \beta_1^t}, \quad \hat{v}_t = \frac{v_t}{1 - \beta_2^t}"#,
            #"\theta_t = \theta_{t-1} - \eta \frac{\hat{m}_t}{\sqrt{\hat{v}_t} + \varepsilon}"#,
        ],
        conditions: [
            #"With decoupled, the decay acts on the weights instead of the gradient: $\theta_{t-1} \leftarrow (1 - \eta \lambda) \theta_{t-1}$ and $g_t = \nabla f(\theta_{t-1})$."#,
            #"With maximize, $g_t$ starts from $-\nabla f(\theta_{t-1})$."#,
        ],
        steps: 2,
        hand: { adamHand($0, eta: 0.1, b1: 0.8, b2: 0.9, eps: 1e-3, lambda: 0.1, amsgrad: false, decoupled: false) }),
    FormulaCase(
        id: "amsgrad",
        config: c("AMSGrad", ["lr": .real(0.1), "betas": .pair(0.8, 0.9), "eps": .real(1e-3)]),
        formula: [
            #"g_t = \nabla f(\theta_{t-1}) + \lambda \theta_{t-1}"#, #"m_t = \beta_1 m_{t-1} + (1 - \beta_1) g_t"#,
            #"v_t = \beta_2 v_{t-1} + (1 - \beta_2) g_t^2"#, #"v^{\max}_t = \max(v^{\max}_{t-1}, v_t)"#,
            #"\hat{m}_t = \frac{m_t}{1 - \beta_1^t}, \quad \hat{v}_t = \frac{v^{\max}_t}{1 - \beta_2^t}"#,
            #"\theta_t = \theta_{t-1} - \eta \frac{\hat{m}_t}{\sqrt{\hat{v}_t} + \varepsilon}"#,
        ],
        conditions: [
            #"With decoupled, the decay acts on the weights instead of the gradient: $\theta_{t-1} \leftarrow (1 - \eta \lambda) \theta_{t-1}$ and $g_t = \nabla f(\theta_{t-1})$."#,
            #"With maximize, $g_t$ starts from $-\nabla f(\theta_{t-1})$."#,
        ],
        // The maximum only matters once v shrinks, which takes a few steps here.
        steps: 6,
        hand: { adamHand($0, eta: 0.1, b1: 0.8, b2: 0.9, eps: 1e-3, lambda: 0, amsgrad: true, decoupled: false, steps: 6) }),
    FormulaCase(
        id: "adamW",
        config: c("AdamW", ["lr": .real(0.1), "betas": .pair(0.8, 0.9), "eps": .real(1e-3), "weightDecay": .real(0.2)]),
        formula: [
            #"g_t = \nabla f(\theta_{t-1})"#, #"m_t = \beta_1 m_{t-1} + (1 - \beta_1) g_t"#,
            #"v_t = \beta_2 v_{t-1} + (1 - \beta_2) g_t^2"#,
            #"\hat{m}_t = \frac{m_t}{1 - \beta_1^t}, \quad \hat{v}_t = \frac{v_t}{1 - \beta_2^t}"#,
            #"\theta_t = (1 - \eta \lambda) \theta_{t-1} - \eta \frac{\hat{m}_t}{\sqrt{\hat{v}_t} + \varepsilon}"#,
        ],
        conditions: [
            #"With maximize, $g_t = -\nabla f(\theta_{t-1})$."#,
        ],
        steps: 2,
        hand: { adamHand($0, eta: 0.1, b1: 0.8, b2: 0.9, eps: 1e-3, lambda: 0.2, amsgrad: false, decoupled: true) }),
    FormulaCase(
        id: "sgdw", config: c("SGDW", ["lr": .real(0.1), "momentum": .real(0.8), "weightDecay": .real(0.3)]),
        formula: [
            #"g_t = \nabla f(\theta_{t-1})"#, #"v_t = \mu v_{t-1} + g_t, \quad v_0 = 0"#,
            #"\theta_t = (1 - \eta \lambda) \theta_{t-1} - \eta v_t"#,
        ],
        steps: 2,
        hand: { t0 in
            let (eta, mu, lambda) = (0.1, 0.8, 0.3)
            let v1 = g(t0)
            let t1 = (1 - eta * lambda) * t0 - eta * v1
            let v2 = mu * v1 + g(t1)
            return [t1, (1 - eta * lambda) * t1 - eta * v2]
        }),
    FormulaCase(
        id: "adamax",
        config: c("Adamax", ["lr": .real(0.2), "betas": .pair(0.8, 0.9), "eps": .real(1e-3), "weightDecay": .real(0.1)]),
        formula: [
            #"g_t = \nabla f(\theta_{t-1}) + \lambda \theta_{t-1}"#, #"m_t = \beta_1 m_{t-1} + (1 - \beta_1) g_t"#,
            #"u_t = \max(\beta_2 u_{t-1}, |g_t| + \varepsilon)"#,
            #"\theta_t = \theta_{t-1} - \frac{\eta}{1 - \beta_1^t} \frac{m_t}{u_t}"#,
        ],
        conditions: [
            #"With maximize, $g_t$ starts from $-\nabla f(\theta_{t-1})$."#,
        ],
        steps: 2,
        hand: { t0 in
            let (eta, b1, b2, eps, lambda) = (0.2, 0.8, 0.9, 1e-3, 0.1)
            var theta = t0, m: Vec = [0, 0], u: Vec = [0, 0], out: [Vec] = []
            for t in 1...2 {
                let gt = g(theta) + lambda * theta
                m = b1 * m + (1 - b1) * gt
                u = map2(u, gt) { max(b2 * $0, abs($1) + eps) }
                theta = theta - (eta / (1 - pow(b1, Double(t)))) * map2(m, u, /)
                out.append(theta)
            }
            return out
        }),
    FormulaCase(
        id: "nadam",
        config: c("NAdam", [
            "lr": .real(0.1), "betas": .pair(0.8, 0.9), "eps": .real(1e-3), "weightDecay": .real(0.1),
            "momentumDecay": .real(0.05),
        ]),
        formula: [
            #"g_t = \nabla f(\theta_{t-1}) + \lambda \theta_{t-1}"#,
            #"\mu_t = \beta_1 \left(1 - \frac{1}{2} 0.96^{t \psi}\right)"#,
            #"m_t = \beta_1 m_{t-1} + (1 - \beta_1) g_t"#,
            #"v_t = \beta_2 v_{t-1} + (1 - \beta_2) g_t^2, \quad \hat{v}_t = \frac{v_t}{1 - \beta_2^t}"#,
            #"\theta_t = \theta_{t-1} - \eta \frac{1 - \mu_t}{1 - \prod_{i=1}^{t} \mu_i} \frac{g_t}{\sqrt{\hat{v}_t} + \varepsilon} - \eta \frac{\mu_{t+1}}{1 - \prod_{i=1}^{t+1} \mu_i} \frac{m_t}{\sqrt{\hat{v}_t} + \varepsilon}"#,
        ],
        conditions: [
            #"With decoupled, the decay acts on the weights instead of the gradient: $\theta_{t-1} \leftarrow (1 - \eta \lambda) \theta_{t-1}$ and $g_t = \nabla f(\theta_{t-1})$."#,
            #"With maximize, $g_t$ starts from $-\nabla f(\theta_{t-1})$."#,
        ],
        steps: 2,
        hand: { t0 in
            let (eta, b1, b2, eps, lambda, psi) = (0.1, 0.8, 0.9, 1e-3, 0.1, 0.05)
            func mu(_ t: Int) -> Double { b1 * (1 - 0.5 * pow(0.96, Double(t) * psi)) }
            var theta = t0, m: Vec = [0, 0], v: Vec = [0, 0], out: [Vec] = []
            for t in 1...2 {
                let gt = g(theta) + lambda * theta
                m = b1 * m + (1 - b1) * gt
                v = b2 * v + (1 - b2) * hadamard(gt, gt)
                let vHat = (1 / (1 - pow(b2, Double(t)))) * v
                // PyTorch keeps the running product in single precision (see the catalog's notation).
                let productT = (1...t).reduce(1.0) { Double(Float($0) * Float(mu($1))) }
                let productNext = productT * mu(t + 1)
                let denominator = vHat.map { $0.squareRoot() + eps }
                theta = theta - (eta * (1 - mu(t)) / (1 - productT)) * map2(gt, denominator, /)
                    - (eta * mu(t + 1) / (1 - productNext)) * map2(m, denominator, /)
                out.append(theta)
            }
            return out
        }),
    FormulaCase(
        id: "radam",
        config: c("RAdam", ["lr": .real(0.1), "betas": .pair(0.8, 0.9), "eps": .real(1e-3), "weightDecay": .real(0.1)]),
        formula: [
            #"g_t = \nabla f(\theta_{t-1}) + \lambda \theta_{t-1}"#,
            #"m_t = \beta_1 m_{t-1} + (1 - \beta_1) g_t, \quad \hat{m}_t = \frac{m_t}{1 - \beta_1^t}"#,
            #"v_t = \beta_2 v_{t-1} + (1 - \beta_2) g_t^2"#,
            #"\rho_\infty = \frac{2}{1 - \beta_2} - 1, \quad \rho_t = \rho_\infty - \frac{2 t \beta_2^t}{1 - \beta_2^t}"#,
            #"r_t = \sqrt{\frac{(\rho_t - 4)(\rho_t - 2) \rho_\infty}{(\rho_\infty - 4)(\rho_\infty - 2) \rho_t}}"#,
            #"\theta_t = \theta_{t-1} - \eta \hat{m}_t r_t \frac{\sqrt{1 - \beta_2^t}}{\sqrt{v_t} + \varepsilon}"#,
        ],
        conditions: [
            #"The last line applies while $\rho_t > 5$; before that, $\theta_t = \theta_{t-1} - \eta \hat{m}_t$."#,
            #"With decoupled, the decay acts on the weights instead of the gradient: $\theta_{t-1} \leftarrow (1 - \eta \lambda) \theta_{t-1}$ and $g_t = \nabla f(\theta_{t-1})$."#,
            #"With maximize, $g_t$ starts from $-\nabla f(\theta_{t-1})$."#,
        ],
        // ρ₁ = 1 always; with β₂ = 0.9 the rectified branch starts at t = 6.
        steps: 8,
        hand: { t0 in
            let (eta, b1, b2, eps, lambda) = (0.1, 0.8, 0.9, 1e-3, 0.1)
            var theta = t0, m: Vec = [0, 0], v: Vec = [0, 0], out: [Vec] = []
            let rhoInf = 2 / (1 - b2) - 1
            for t in 1...8 {
                let tt = Double(t)
                let gt = g(theta) + lambda * theta
                m = b1 * m + (1 - b1) * gt
                v = b2 * v + (1 - b2) * hadamard(gt, gt)
                let mHat = (1 / (1 - pow(b1, tt))) * m
                let rho = rhoInf - 2 * tt * pow(b2, tt) / (1 - pow(b2, tt))
                if rho > 5 {
                    let r = ((rho - 4) * (rho - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rho)).squareRoot()
                    let scale = eta * r * (1 - pow(b2, tt)).squareRoot()
                    theta = theta - scale * map2(mHat, v) { $0 / ($1.squareRoot() + eps) }
                } else {
                    theta = theta - eta * mHat
                }
                out.append(theta)
            }
            return out
        }),
    FormulaCase(
        id: "lbfgs", config: c("LBFGS", ["lr": .real(0.8), "lineSearch": .choice("none")]),
        formula: [
            #"g_t = \nabla f(\theta_{t-1})"#,
            #"s_k = \theta_k - \theta_{k-1}, \quad y_k = g_{k+1} - g_k"#,
            #"H_t^0 = \frac{s^\top y}{y^\top y} I, \quad d_t = -H_t g_t"#,
            #"\alpha_1 = \eta \min(1, 1 / \|g_1\|_1), \quad \alpha_t = \eta \quad (t > 1)"#,
            #"\theta_t = \theta_{t-1} + \alpha_t d_t"#,
        ],
        conditions: [
            #"Stops when $\max_i |g_{t,i}| \le \varepsilon_g$, and takes no step when $g_t^\top d_t > -\varepsilon_c$."#,
            #"Keeps the last $m$ pairs with $y_k^\top s_k > 10^{-10}$; $H_t^0$ uses the newest pair, and $d_t$ comes from the two-loop recursion."#,
            #"With a line search, a strong Wolfe search refines $\alpha_t$."#,
            #"With maximize, the method minimises $-f$: every loss and gradient it evaluates is negated."#,
        ],
        steps: 2,
        hand: { t0 in
            let eta = 0.8
            let g1 = g(t0)
            let alpha1 = eta * min(1, 1 / (abs(g1[0]) + abs(g1[1])))
            let t1 = t0 + alpha1 * (-1 * g1)
            let g2 = g(t1)
            let s = t1 - t0, y = g2 - g1
            let rho = 1 / dot(y, s)
            let h0 = dot(s, y) / dot(y, y)
            var q = -1 * g2
            let a = rho * dot(s, q)
            q = q - a * y
            var r = h0 * q
            let b = rho * dot(y, r)
            r = r + (a - b) * s
            return [t1, t1 + eta * r]
        }),
    FormulaCase(
        id: "lookahead",
        config: c("Lookahead", [
            "": .optimizer(OptimizerConfig(callName: "SGD", arguments: ["lr": .real(0.2)])), "k": .integer(2),
            "alpha": .real(0.3),
        ]),
        formula: [
            #"\theta_t = A(\theta_{t-1}), \quad \phi_0 = \theta_0"#,
            #"\phi \leftarrow \phi + \alpha (\theta_t - \phi), \quad \theta_t \leftarrow \phi"#,
        ],
        conditions: [
            #"The second line runs every $k$ steps, when $k$ divides $t$."#,
        ],
        steps: 2,
        hand: { t0 in
            let (eta, alpha) = (0.2, 0.3)
            let phi0 = t0
            let t1 = t0 - eta * g(t0)
            let fast2 = t1 - eta * g(t1)
            let phi = phi0 + alpha * (fast2 - phi0)
            return [t1, phi]
        }),
    FormulaCase(
        id: "swats",
        config: c("SWATS", ["lr": .real(0.1), "betas": .pair(0.8, 0.9), "eps": .real(1e-3)]),
        formula: [
            #"m_t = \beta_1 m_{t-1} + (1 - \beta_1) g_t, \quad v_t = \beta_2 v_{t-1} + (1 - \beta_2) g_t^2"#,
            #"p_t = -\eta \frac{\sqrt{1 - \beta_2^t}}{1 - \beta_1^t} \frac{m_t}{\sqrt{v_t} + \varepsilon}, \quad \theta_t = \theta_{t-1} + p_t"#,
            #"\gamma_t = \frac{p_t^\top p_t}{-p_t^\top g_t}, \quad \Lambda_t = \beta_2 \Lambda_{t-1} + (1 - \beta_2) \gamma_t"#,
            #"\eta_{\mathrm{SGD}} = \frac{\Lambda_t}{1 - \beta_2^t}"#,
            #"w_t = \beta_1 w_{t-1} + g_t, \quad \theta_t = \theta_{t-1} - (1 - \beta_1) \eta_{\mathrm{SGD}} w_t"#,
        ],
        conditions: [
            #"$\Lambda_t$ changes only when $p_t^\top g_t \ne 0$."#,
            #"It switches to SGD at the first $t > 1$ with $\left| \frac{\Lambda_t}{1 - \beta_2^t} - \gamma_t \right| < \varepsilon$; from then on the last line replaces the first two, with $w = 0$ at the switch."#,
        ],
        steps: 2,
        hand: { t0 in
            let (eta, b1, b2, eps) = (0.1, 0.8, 0.9, 1e-3)
            var theta = t0, m: Vec = [0, 0], v: Vec = [0, 0], out: [Vec] = []
            for t in 1...2 {
                let gt = g(theta)
                m = b1 * m + (1 - b1) * gt
                v = b2 * v + (1 - b2) * hadamard(gt, gt)
                let scale = -eta * (1 - pow(b2, Double(t))).squareRoot() / (1 - pow(b1, Double(t)))
                let p = scale * map2(m, v) { $0 / ($1.squareRoot() + eps) }
                theta = theta + p
                out.append(theta)
            }
            return out
        }),
    FormulaCase(
        id: "newton", config: c("Newton", ["lr": .real(0.7), "damping": .real(0.5)]),
        formula: [
            #"g_t = \nabla f(\theta_{t-1}), \quad H_t = \nabla^2 f(\theta_{t-1})"#,
            #"\theta_t = \theta_{t-1} - \eta (H_t + \delta I)^{-1} g_t"#,
        ],
        steps: 2,
        hand: { t0 in
            let (eta, delta) = (0.7, 0.5)
            // (H + δI)⁻¹ of the constant Hessian [[0.2, 0.3], [0.3, 4]] by Cramer's rule.
            let (a, b, d) = (0.2 + delta, 0.3, 4 + delta)
            let det = a * d - b * b
            func step(_ t: Vec) -> Vec {
                let gt = g(t)
                return t - eta * [(d * gt[0] - b * gt[1]) / det, (a * gt[1] - b * gt[0]) / det]
            }
            let t1 = step(t0)
            return [t1, step(t1)]
        }),
    FormulaCase(
        id: "scheduleFreeAdamW",
        config: c("ScheduleFreeAdamW", [
            "lr": .real(0.1), "betas": .pair(0.8, 0.9), "eps": .real(1e-3), "weightDecay": .real(0.05),
            "warmupSteps": .integer(2), "r": .real(1), "weightLrPower": .real(2),
        ]),
        formula: [
            #"g_t = \nabla f(y_{t-1}), \quad y_0 = x_0 = z_0 = \theta_0"#,
            #"\eta_t = \eta \min(1, t / T_w), \quad c_t = \frac{t^r \, (\max_{s \le t} \eta_s)^p}{\sum_{s \le t} s^r \, (\max_{i \le s} \eta_i)^p}"#,
            #"v_t = \beta_2 v_{t-1} + (1 - \beta_2) g_t^2"#,
            #"z_t = z_{t-1} - \eta_t \lambda y_{t-1} - \eta_t \frac{g_t}{\sqrt{v_t / (1 - \beta_2^t)} + \varepsilon}"#,
            #"x_t = (1 - c_t) x_{t-1} + c_t z_t"#,
            #"y_t = \beta_1 x_t + (1 - \beta_1) z_t"#,
        ],
        conditions: [
            #"With decayAtZ, the decay term is $\eta_t \lambda z_{t-1}$."#,
            #"Gradients are taken at $y_t$; $x_t$ is the point evaluated (the package's `optimizer.eval()`)."#,
        ],
        steps: 3,
        hand: { t0 in
            let (eta, b1, b2, eps, lambda, warmup, r, p) = (0.1, 0.8, 0.9, 1e-3, 0.05, 2.0, 1.0, 2.0)
            var (y, x, z, v, out): (Vec, Vec, Vec, Vec, [Vec]) = (t0, t0, t0, [0, 0], [])
            var (etaMax, weightSum) = (0.0, 0.0)
            for t in 1...3 {
                let etaT = eta * min(1, Double(t) / warmup)
                etaMax = max(etaMax, etaT)
                let weight = pow(Double(t), r) * pow(etaMax, p)
                weightSum += weight
                let ct = weight / weightSum
                let gt = g(y)
                v = b2 * v + (1 - b2) * hadamard(gt, gt)
                let scaled = map2(gt, v) { $0 / (($1 / (1 - pow(b2, Double(t)))).squareRoot() + eps) }
                z = z - (etaT * lambda) * y - etaT * scaled
                x = (1 - ct) * x + ct * z
                y = b1 * x + (1 - b1) * z
                out.append(y)
            }
            return out
        }),
    FormulaCase(
        id: "scheduleFreeSGD",
        config: c("ScheduleFreeSGD", [
            "lr": .real(0.2), "momentum": .real(0.7), "weightDecay": .real(0.05), "warmupSteps": .integer(2),
            "r": .real(0.5), "weightLrPower": .real(1),
        ]),
        formula: [
            #"g_t = \nabla f(y_{t-1}) + \lambda y_{t-1}, \quad y_0 = x_0 = z_0 = \theta_0"#,
            #"\eta_t = \eta \min(1, t / T_w), \quad c_t = \frac{t^r \, (\max_{s \le t} \eta_s)^p}{\sum_{s \le t} s^r \, (\max_{i \le s} \eta_i)^p}"#,
            #"z_t = z_{t-1} - \eta_t g_t"#,
            #"x_t = (1 - c_t) x_{t-1} + c_t z_t"#,
            #"y_t = \mu x_t + (1 - \mu) z_t"#,
        ],
        conditions: [
            #"Gradients are taken at $y_t$; $x_t$ is the point evaluated (the package's `optimizer.eval()`)."#,
        ],
        steps: 3,
        hand: { t0 in
            let (eta, mu, lambda, warmup, r, p) = (0.2, 0.7, 0.05, 2.0, 0.5, 1.0)
            var (y, x, z, out): (Vec, Vec, Vec, [Vec]) = (t0, t0, t0, [])
            var (etaMax, weightSum) = (0.0, 0.0)
            for t in 1...3 {
                let etaT = eta * min(1, Double(t) / warmup)
                etaMax = max(etaMax, etaT)
                let weight = pow(Double(t), r) * pow(etaMax, p)
                weightSum += weight
                let ct = weight / weightSum
                let gt = g(y) + lambda * y
                z = z - etaT * gt
                x = (1 - ct) * x + ct * z
                y = mu * x + (1 - mu) * z
                out.append(y)
            }
            return out
        }),
]

@Suite struct FormulaTests {
    @Test func everyMethodHasAHandComputation() {
        #expect(Set((formulaCases + elementwiseFormulaCases + matrixFormulaCases).map(\.id)) == Set(OptimizerCatalog.all.map(\.id)))
    }

    @Test(arguments: formulaCases + elementwiseFormulaCases + matrixFormulaCases)
    func formulaMatchesCode(_ formulaCase: FormulaCase) throws {
        let spec = try #require(OptimizerCatalog.spec(id: formulaCase.id))
        #expect(spec.formula == formulaCase.formula)
        #expect(spec.conditions == formulaCase.conditions)
        #expect(OptimizerCatalog.problems(in: formulaCase.config).isEmpty)
        let engine = enginePoints(formulaCase.config, from: start, steps: formulaCase.steps)
        let hand = [start] + formulaCase.hand(start)
        // The hand computation rounds differently (no fused operations), so 1e-12 relative.
        let mismatch = firstMismatch(engine, hand, relative: 1e-12, absolute: 1e-14)
        #expect(mismatch == nil, "\(formulaCase.id): \(mismatch ?? "")")
    }
}

/// Adam, AMSGrad and AdamW by hand, from their catalog formulas.
func adamHand(
    _ t0: Vec, eta: Double, b1: Double, b2: Double, eps: Double, lambda: Double, amsgrad: Bool, decoupled: Bool,
    steps: Int = 2
) -> [Vec] {
    var theta = t0, m: Vec = [0, 0], v: Vec = [0, 0], vMax: Vec = [0, 0], out: [Vec] = []
    for t in 1...steps {
        let gt = decoupled ? gradient(tiltedBowl, theta) : gradient(tiltedBowl, theta) + lambda * theta
        m = b1 * m + (1 - b1) * gt
        v = b2 * v + (1 - b2) * hadamard(gt, gt)
        vMax = map2(vMax, v, max)
        let mHat = (1 / (1 - pow(b1, Double(t)))) * m
        let vHat = (1 / (1 - pow(b2, Double(t)))) * (amsgrad ? vMax : v)
        let update = map2(mHat, vHat) { $0 / ($1.squareRoot() + eps) }
        theta = (decoupled ? (1 - eta * lambda) * theta : theta) - eta * update
        out.append(theta)
    }
    return out
}
