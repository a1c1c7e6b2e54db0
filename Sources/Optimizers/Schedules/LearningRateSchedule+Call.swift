extension LearningRateSchedule {
    /// The schedule as the directive language writes it, every argument spelled out (defaults
    /// too) and each number written by `number`: `.cyclic(maxLR: 0.5, stepsUp: 10, …)`.
    public func call(number: (Double) -> String) -> String {
        func args(_ pairs: [(String, String)]) -> String {
            "(" + pairs.map { $0.0.isEmpty ? $0.1 : "\($0.0): \($0.1)" }.joined(separator: ", ") + ")"
        }
        switch self {
        case .step(let every, let gamma): return ".step" + args([("every", "\(every)"), ("gamma", number(gamma))])
        case .exponential(let gamma): return ".exponential" + args([("gamma", number(gamma))])
        case .cosine(let steps, let minLR): return ".cosine" + args([("steps", "\(steps)"), ("minLR", number(minLR))])
        case .linear(let a, let b, let steps):
            return ".linear" + args([("startFactor", number(a)), ("endFactor", number(b)), ("steps", "\(steps)")])
        case .warmup(let steps, let start): return ".warmup" + args([("steps", "\(steps)"), ("startFactor", number(start))])
        case .sequential(let first, let then): return first.call(number: number) + ", then: " + then.call(number: number)
        case .multiStep(let milestones, let gamma):
            return ".multiStep" + args([("milestones", "[" + milestones.map(String.init).joined(separator: ", ") + "]"), ("gamma", number(gamma))])
        case .constant(let factor, let steps): return ".constant" + args([("factor", number(factor)), ("steps", "\(steps)")])
        case .polynomial(let steps, let power): return ".polynomial" + args([("steps", "\(steps)"), ("power", number(power))])
        case .cosineRestarts(let steps, let multiplier, let minLR):
            return ".cosineRestarts" + args([("steps", "\(steps)"), ("multiplier", "\(multiplier)"), ("minLR", number(minLR))])
        case .cyclic(let c):
            var pairs = [("maxLR", number(c.maxLR)), ("stepsUp", "\(c.stepsUp)")]
            if let down = c.stepsDown { pairs.append(("stepsDown", "\(down)")) }
            pairs += [("mode", "." + c.mode.rawValue), ("gamma", number(c.gamma))]
            if let scale = c.scale { pairs += [("scale", scale.text), ("scaleMode", "." + c.scaleMode.rawValue)] }
            pairs.append(("cycleMomentum", "\(c.cycleMomentum)"))
            if c.cycleMomentum { pairs += [("baseMomentum", number(c.baseMomentum)), ("maxMomentum", number(c.maxMomentum))] }
            return ".cyclic" + args(pairs)
        case .oneCycle(let c):
            var pairs = [("steps", "\(c.steps)")]
            if let maxLR = c.maxLR { pairs.append(("maxLR", number(maxLR))) }
            pairs += [("pctStart", number(c.pctStart)), ("anneal", "." + c.anneal.rawValue), ("divFactor", number(c.divFactor)),
                      ("finalDivFactor", number(c.finalDivFactor)), ("threePhase", "\(c.threePhase)"), ("cycleMomentum", "\(c.cycleMomentum)")]
            if c.cycleMomentum { pairs += [("baseMomentum", number(c.baseMomentum)), ("maxMomentum", number(c.maxMomentum))] }
            return ".oneCycle" + args(pairs)
        case .plateau(let p):
            return ".plateau" + args([
                ("mode", "." + p.mode.rawValue), ("factor", number(p.factor)), ("patience", "\(p.patience)"),
                ("threshold", number(p.threshold)), ("thresholdMode", "." + p.thresholdMode.rawValue), ("cooldown", "\(p.cooldown)"),
                ("minLR", number(p.minLR)), ("eps", number(p.eps)),
            ])
        case .chained(let parts): return ".chained" + args(parts.map { ("", $0.call(number: number)) })
        case .lambda(let f): return ".lambda " + f.text
        case .multiplicative(let f): return ".multiplicative " + f.text
        }
    }
}
