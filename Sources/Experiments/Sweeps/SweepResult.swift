import CourseDiagnostics
import ExperimentLanguage

/// A swept experiment with the result of every variant, row-major as ``ExperimentSweep`` numbers them.
public struct SweepResult: Sendable {
    /// The default variant, carrying the sweep.
    public var experiment: Experiment
    /// One result per variant, each exactly the result of the experiment that writes its values.
    public var variants: [ExperimentResult]

    public init(experiment: Experiment, variants: [ExperimentResult]) {
        precondition(experiment.sweep?.variants.count == variants.count, "one result per variant of a sweep")
        self.experiment = experiment
        self.variants = variants
    }

    public var sweep: ExperimentSweep { experiment.sweep! }

    /// The result the page shows first, and `=Result(…)` quotes where the page cannot switch.
    public var defaultResult: ExperimentResult { variants[sweep.defaultVariant] }
}

extension SweepResult: RunOutput {
    /// The sweep's axes and, per variant, its values and its results as a plain experiment writes them.
    public func json(_ w: inout JSONWriter) {
        let sweep = self.sweep
        RunJSON.entry("sweep", title: experiment.title, &w) { w in
            w.field("axes") { w in
                w.array(sweep.axes) { w, axis in
                    w.object { w in
                        w.field("name", axis.name)
                        w.field("values", numbers: axis.values)
                        w.field("default", axis.values[axis.defaultIndex])
                    }
                }
            }
            w.field("variants") { w in
                w.array(variants.indices) { w, index in
                    w.object { w in
                        w.field("values", numbers: sweep.values(of: index))
                        w.field("result") { w in variants[index].json(&w) }
                    }
                }
            }
        }
    }

    public var runText: String {
        variants.indices.map { index in
            "[\(sweep.name(of: index))\(index == sweep.defaultVariant ? ", shown first" : "")] " + variants[index].runText
        }.joined()
    }
}

extension SweepRunner {
    /// Whether each claim holds where its `variants:` says it must, and fails where it must fail:
    /// one error per claim, at its line, naming the variants that broke it.
    public static func check(_ result: SweepResult) -> [Diagnostic] {
        let sweep = result.sweep
        return result.experiment.expectations.indices.compactMap { k -> Diagnostic? in
            var falseWhereClaimed: [(variant: Int, problem: Diagnostic)] = []
            var trueWhereDenied: [Int] = []
            for (variant, variantResult) in result.variants.enumerated() {
                let claim = variantResult.experiment.expectations[k]
                guard let expected = claim.expected else { continue }
                let problem = ExperimentRunner.check(claim, in: variantResult)
                if expected, let problem { falseWhereClaimed.append((variant, problem)) }
                if !expected, problem == nil { trueWhereDenied.append(variant) }
            }
            guard !falseWhereClaimed.isEmpty || !trueWhereDenied.isEmpty else { return nil }
            let claim = result.experiment.expectations[k]
            func names(_ variants: [Int]) -> String {
                let listed = variants.prefix(6).map { sweep.name(of: $0) }
                let more = variants.count > 6 ? " and \(variants.count - 6) more" : ""
                return listed.joined(separator: "; ") + more + " (\(variants.count) of \(sweep.variants.count) variants)"
            }
            var parts: [String] = []
            if !falseWhereClaimed.isEmpty { parts.append("it is false for \(names(falseWhereClaimed.map(\.variant)))") }
            if !trueWhereDenied.isEmpty { parts.append("it holds for \(names(trueWhereDenied)), where \(claim.scopeText) says it fails") }
            let hint = falseWhereClaimed.first.map { "at \(sweep.name(of: $0.variant)): \($0.problem.message)" }
                ?? "the claim holds there; change the condition, or the claim"
            return .error("sweep claim is false: " + parts.joined(separator: ", and "), at: claim.location,
                          length: claim.call.unicodeScalars.count, hint: hint)
        }
    }
}

extension Expectation {
    /// `variants: .none` as written, for messages.
    var scopeText: String {
        switch variants {
        case .every: return "'variants: .all'"
        case .none: return "'variants: .none'"
        case .exactlyWhen(let condition): return "'variants: .exactlyWhen(\(condition))'"
        case .when(let condition): return "'variants: .when(\(condition))'"
        }
    }
}
