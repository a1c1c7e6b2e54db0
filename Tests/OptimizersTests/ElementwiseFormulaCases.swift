import Foundation
import Optimizers

/// ASGD, Rprop, Lion and Yogi for ``FormulaTests``: their catalog formulas, transcribed, and
/// the first steps computed by hand from exactly those lines on the tilted bowl from (−2, 1).
let elementwiseFormulaCases: [FormulaCase] = [
    FormulaCase(
        id: "asgd",
        config: OptimizerConfig(
            callName: "ASGD",
            arguments: ["lr": .real(0.1), "lambd": .real(0.5), "alpha": .real(0.75), "t0": .real(0), "weightDecay": .real(0.05)]),
        formula: [
            #"g_t = \nabla f(\theta_{t-1}) + \lambda \theta_{t-1}"#,
            #"\theta_t = (1 - \kappa \eta_{t-1}) \theta_{t-1} - \eta_{t-1} g_t, \quad \eta_0 = \eta"#,
            #"\bar{\theta}_t = \bar{\theta}_{t-1} + \mu_{t-1} (\theta_t - \bar{\theta}_{t-1}), \quad \mu_0 = 1"#,
            #"\eta_t = \frac{\eta}{(1 + \kappa \eta t)^{\alpha}}, \quad \mu_t = \frac{1}{\max(1, t - t_0)}"#,
        ],
        conditions: [
            #"With maximize, $g_t$ starts from $-\nabla f(\theta_{t-1})$."#,
            #"The run follows $\theta_t$; $\bar{\theta}_t$ is the average torch keeps beside it, $\theta_t$ itself while $\mu_{t-1} = 1$ ($t \le t_0 + 2$)."#,
            #"torch keeps $\eta_t$ and $\mu_t$ in single precision."#,
        ],
        steps: 3,
        hand: { t0 in
            let (eta, kappa, alpha, lambda) = (0.1, 0.5, 0.75, 0.05)
            // Single precision, as the last condition says.
            func single(_ x: Double) -> Double { Double(Float(x)) }
            var theta = t0, etaT = single(eta), out: [Vec] = []
            for t in 1...3 {
                let gt = elementwiseGradient(theta) + lambda * theta
                theta = (1 - kappa * etaT) * theta - etaT * gt
                out.append(theta)
                etaT = single(eta / pow(1 + kappa * eta * Double(t), alpha))
            }
            return out
        }),
    FormulaCase(
        id: "rprop", config: OptimizerConfig(callName: "Rprop", arguments: ["lr": .real(0.5)]),
        formula: [
            #"g_t = \nabla f(\theta_{t-1}), \quad s_t = \operatorname{sign}(g_t \tilde{g}_{t-1}), \quad \tilde{g}_0 = 0"#,
            #"\Delta_t = \min\left(\max\left(\begin{cases} \eta_+ \Delta_{t-1} & s_t > 0 \\ \eta_- \Delta_{t-1} & s_t < 0 \\ \Delta_{t-1} & s_t = 0 \end{cases}, \Delta_{\min}\right), \Delta_{\max}\right), \quad \Delta_0 = \eta"#,
            #"\tilde{g}_t = \begin{cases} 0 & s_t < 0 \\ g_t & s_t \ge 0 \end{cases}"#,
            #"\theta_t = \theta_{t-1} - \Delta_t \operatorname{sign}(\tilde{g}_t)"#,
        ],
        conditions: [
            #"With maximize, $g_t = -\nabla f(\theta_{t-1})$."#,
            #"The learning rate only sets $\Delta_0$: as in torch, a schedule changes nothing after the first step."#,
        ],
        // From (−2, 1) with Δ₀ = 0.5: y's gradient changes sign at step 3, so every case of Δₜ runs.
        steps: 3,
        hand: { t0 in
            let (etaMinus, etaPlus, smallest, largest) = (0.5, 1.2, 1e-6, 50.0)
            var theta = t0, delta: Vec = [0.5, 0.5], previous: Vec = [0, 0], out: [Vec] = []
            for _ in 1...3 {
                let gt = elementwiseGradient(theta)
                let s = hadamard(gt, previous).map(signum)
                delta = (0..<2).map { i in
                    let scaled = s[i] > 0 ? etaPlus * delta[i] : s[i] < 0 ? etaMinus * delta[i] : delta[i]
                    return min(max(scaled, smallest), largest)
                }
                previous = (0..<2).map { s[$0] < 0 ? 0 : gt[$0] }
                theta = theta - hadamard(delta, previous.map(signum))
                out.append(theta)
            }
            return out
        }),
    FormulaCase(
        id: "lion",
        config: OptimizerConfig(callName: "Lion", arguments: ["lr": .real(0.1), "weightDecay": .real(0.1)]),
        formula: [
            #"c_t = \beta_1 m_{t-1} + (1 - \beta_1) g_t"#,
            #"\theta_t = (1 - \eta \lambda) \theta_{t-1} - \eta \operatorname{sign}(c_t)"#,
            #"m_t = \beta_2 m_{t-1} + (1 - \beta_2) g_t"#,
        ],
        conditions: [
            #"With decoupledWeightDecay, $\lambda$ is divided by the configured $\eta$ first, so that a schedule scales the decay $\eta_t \lambda / \eta$ but $\lambda$ is the decay per step at the configured rate."#,
        ],
        steps: 3,
        hand: { t0 in
            let (eta, b1, b2, lambda) = (0.1, 0.9, 0.99, 0.1)
            var theta = t0, m: Vec = [0, 0], out: [Vec] = []
            for _ in 1...3 {
                let gt = elementwiseGradient(theta)
                let c = b1 * m + (1 - b1) * gt
                theta = (1 - eta * lambda) * theta - eta * c.map(signum)
                m = b2 * m + (1 - b2) * gt
                out.append(theta)
            }
            return out
        }),
    FormulaCase(
        id: "yogi",
        config: OptimizerConfig(callName: "Yogi", arguments: ["lr": .real(0.1), "weightDecay": .real(0.1)]),
        formula: [
            #"\theta'_{t-1} = (1 - \eta \lambda) \theta_{t-1}"#,
            #"m_t = \beta_1 m_{t-1} + (1 - \beta_1) g_t, \quad m_0 = v_0"#,
            #"v_t = v_{t-1} - (1 - \beta_2) \operatorname{sign}(v_{t-1} - g_t^2) \, g_t^2"#,
            #"\theta_t = \theta'_{t-1} - \frac{\eta}{1 - \beta_1^t} \frac{m_t}{\sqrt{v_t} / \sqrt{1 - \beta_2^t} + \varepsilon}"#,
        ],
        conditions: [
            #"With fixedDecay, the decay is $1 - \lambda$; without decoupledWeightDecay, $\theta'_{t-1} = \theta_{t-1}$ and $g_t = \nabla f(\theta_{t-1}) + \lambda \theta_{t-1}$."#,
            #"With maximize, $g_t$ starts from $-\nabla f(\theta_{t-1})$."#,
            #"The paper's Algorithm 2 starts from $m_0 = v_0 = 0$ and corrects neither moment; this is pytorch-optimizer's Yogi."#,
        ],
        steps: 3,
        hand: { t0 in
            let (eta, b1, b2, eps, lambda, v0) = (0.1, 0.9, 0.999, 1e-3, 0.1, 1e-6)
            var theta = t0, m: Vec = [v0, v0], v: Vec = [v0, v0], out: [Vec] = []
            for t in 1...3 {
                let gt = elementwiseGradient(theta)
                let decayed = (1 - eta * lambda) * theta
                m = b1 * m + (1 - b1) * gt
                let g2 = hadamard(gt, gt)
                v = v - (1 - b2) * hadamard(map2(v, g2) { signum($0 - $1) }, g2)
                let c1 = 1 - pow(b1, Double(t)), c2 = (1 - pow(b2, Double(t))).squareRoot()
                theta = decayed - (eta / c1) * map2(m, v) { $0 / ($1.squareRoot() / c2 + eps) }
                out.append(theta)
            }
            return out
        }),
    // SparseAdam (torch.optim) shares this file's bowl; its gradient there has no zero, so every
    // coordinate is in S_t (SparseAdamReferenceTests holds the absent ones to torch).
    FormulaCase(
        id: "sparseAdam",
        config: OptimizerConfig(callName: "SparseAdam", arguments: ["lr": .real(0.1), "betas": .pair(0.8, 0.99)]),
        formula: [
            #"S_t = \{\, i : g_{t,i} \neq 0 \,\}"#,
            #"m_{t,i} = \beta_1 m_{t-1,i} + (1 - \beta_1) g_{t,i}, \quad v_{t,i} = \beta_2 v_{t-1,i} + (1 - \beta_2) g_{t,i}^2 \quad (i \in S_t)"#,
            #"\theta_{t,i} = \theta_{t-1,i} - \eta \frac{\sqrt{1 - \beta_2^t}}{1 - \beta_1^t} \frac{m_{t,i}}{\sqrt{v_{t,i}} + \varepsilon} \quad (i \in S_t)"#,
            #"m_{t,i} = m_{t-1,i}, \quad v_{t,i} = v_{t-1,i}, \quad \theta_{t,i} = \theta_{t-1,i} \quad (i \notin S_t)"#,
        ],
        conditions: [
            #"The gradient is taken as torch's $g_t$.to_sparse() gives it: a coordinate whose partial derivative is exactly zero is absent from $S_t$. The step count $t$ counts every step, also those in which a coordinate was absent."#,
            #"With maximize, $g_t$ starts from $-\nabla f(\theta_{t-1})$."#,
        ],
        steps: 3,
        hand: { t0 in
            let (eta, b1, b2, eps) = (0.1, 0.8, 0.99, 1e-8)
            var theta = t0, m: Vec = [0, 0], v: Vec = [0, 0], out: [Vec] = []
            for t in 1...3 {
                let gt = elementwiseGradient(theta)
                let stepSize = eta * (1 - pow(b2, Double(t))).squareRoot() / (1 - pow(b1, Double(t)))
                for i in 0..<2 where gt[i] != 0 {
                    m[i] = b1 * m[i] + (1 - b1) * gt[i]
                    v[i] = b2 * v[i] + (1 - b2) * gt[i] * gt[i]
                    theta[i] -= stepSize * m[i] / (v[i].squareRoot() + eps)
                }
                out.append(theta)
            }
            return out
        }),
]

private func elementwiseGradient(_ p: Vec) -> Vec { gradient(tiltedBowl, p) }

private func signum(_ x: Double) -> Double { x > 0 ? 1 : x < 0 ? -1 : 0 }
