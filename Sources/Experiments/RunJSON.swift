import ExperimentLanguage
import Optimizers

/// What running one builder's directive gave, as `coursegen run` reports it.
///
/// Each builder's result type conforms where its run lives, so adding a builder adds no case
/// to any switch: `RunJSON` and `RunSummaryText` ask the output itself, and a page registers
/// its rendering by conforming the same type to `ExperimentPages.PageOutput`.
public protocol RunOutput: Sendable {
    /// Its entry in `coursegen run --json`: one object, as `docs/run-json.schema.json` describes.
    func json(_ w: inout JSONWriter)
    /// Its section of `coursegen run`'s plain text, ending in a blank line.
    var runText: String { get }
}

/// The `coursegen run --json` encoding, described by `docs/run-json.schema.json`.
///
/// One object, `{"experiments": [ … ]}`, one entry per fence in file order. Keys appear in a
/// fixed order (never dictionary order) and every number is finite, since runs stop at
/// divergence; the same input gives the same bytes on every machine. One line, no spaces,
/// ending in a newline.
public enum RunJSON {
    /// The schema's `$id`, which every output names as `$schema`.
    public static let schemaID = "https://coursegen.invalid/run-json.schema.json"

    public static func encode(_ outputs: [RunOutput]) -> String {
        var w = JSONWriter()
        w.object { w in
            w.field("$schema", schemaID)
            w.field("experiments") { w in
                w.array(outputs) { w, output in output.json(&w) }
            }
        }
        return w.text + "\n"
    }

    /// One entry of `experiments`: an object that opens, as every entry of the schema does,
    /// with the builder's title (null when it has none) and its kind, then `fields`.
    static func entry(_ kind: String, title: String?, _ w: inout JSONWriter, fields: (inout JSONWriter) -> Void) {
        w.object { w in
            w.field("title") { w in
                if let title { w.string(title) } else { w.null() }
            }
            w.field("kind", kind)
            fields(&w)
        }
    }

    /// An array of one object per labelled line: its call under `keys.call`, its label, and its
    /// numbers under `keys.values`.
    static func labelledSeries(_ lines: [(call: String, label: String)], _ values: [[Double]],
                               keys: (call: String, values: String), _ w: inout JSONWriter) {
        w.array(zip(lines, values)) { w, pair in
            w.object { w in
                w.field(keys.call, pair.0.call)
                w.field("label", pair.0.label)
                w.field(keys.values, numbers: pair.1)
            }
        }
    }

    static func schedule(_ result: ScheduleResult, _ w: inout JSONWriter) {
        let study = result.study
        entry("schedule", title: study.title, &w) { w in
            w.field("steps", study.steps)
            w.field("runs") { w in
                labelledSeries(study.runs.map { ($0.call, $0.label) }, result.learningRates, keys: ("optimizer", "learningRates"), &w)
            }
            w.field("experiment") { w in
                if let problem = result.problem { experiment(problem, &w) } else { w.null() }
            }
        }
    }

    static func average(_ result: AverageResult, _ w: inout JSONWriter) {
        let study = result.study
        entry("average", title: study.title, &w) { w in
            w.field("samples", study.samples)
            w.field("seed", String(study.seed))
            w.field("signal", numbers: result.signal)
            w.field("observations", numbers: result.observations)
            w.field("averages") { w in
                labelledSeries(study.averages.map { ($0.call, $0.label) }, result.averages, keys: ("call", "values"), &w)
            }
        }
    }

    static func experiment(_ result: ExperimentResult, _ w: inout JSONWriter) {
        let e = result.experiment
        entry("experiment", title: e.title, &w) { w in
            w.field("objective", e.objective.call)
            w.field("dimension", e.objective.dimension)
            w.field("steps", e.steps)
            // Seeds are UInt64; JSON readers lose integers above 2⁵³, so the seed is a string.
            w.field("seed", String(e.seed))
            w.field("batchSize", e.batchSize)
            w.field("runs") { w in
                w.array { w in
                    for (r, run) in e.runs.enumerated() {
                        for (s, start) in e.starts.enumerated() {
                            self.run(run, start: start, trajectory: result.trajectories[r][s], &w)
                        }
                    }
                }
            }
        }
    }

    private static func run(_ run: RunDescription, start: [Double], trajectory t: Trajectory, _ w: inout JSONWriter) {
        let n = t.dimension
        w.object { w in
            w.field("optimizer", run.call)
            w.field("label", run.label)
            w.field("start", numbers: start)
            w.field("trajectory") { w in w.array(0..<t.pointCount) { w, k in w.numbers(t.coordinates[k * n..<(k + 1) * n]) } }
            w.field("loss", numbers: t.losses)
            // Only a run evaluated elsewhere (schedule-free) has x beside y; the others' output is as it was.
            if t.hasEvaluationPoints {
                let x = t.evaluationCoordinates
                w.field("evaluatedTrajectory") { w in w.array(0..<t.pointCount) { w, k in w.numbers(x[k * n..<(k + 1) * n]) } }
                w.field("evaluatedLoss", numbers: t.evaluationLosses)
            }
            w.field("learningRates", numbers: t.learningRates)
            // Only runs an effectiveLearningRate claim is about record the rates; the others' output is as it was.
            if !t.effectiveLearningRates.isEmpty {
                let rates = t.effectiveLearningRates
                w.field("effectiveLearningRates") { w in w.array(0..<rates.count / n) { w, k in w.numbers(rates[k * n..<(k + 1) * n]) } }
            }
            w.field("divergedAt", t.divergedAt)
            w.field("switchedAt", t.switchedAt)
            w.field("syncSteps", integers: t.syncSteps)
            w.field("halted") { w in
                let halt: (reason: String, step: Int)? = switch t.halt {
                case nil: nil
                case .hessianUnavailable(let step): ("hessianUnavailable", step)
                case .singularHessian(let step): ("singularHessian", step)
                case .invalidConfiguration: ("invalidConfiguration", 0)
                }
                guard let halt else { return w.null() }
                w.object { w in
                    w.field("reason", halt.reason)
                    w.field("step", halt.step)
                }
            }
            w.field("gradientEvaluations", t.gradientEvaluations)
        }
    }

    static func formulas(_ table: FormulaTable, _ w: inout JSONWriter) {
        entry("formulas", title: nil, &w) { w in
            w.field("methods") { w in
                w.array(table.optimizers) { w, spec in
                    w.object { w in
                        w.field("id", spec.id)
                        w.field("displayName", spec.displayName)
                        w.field("formula") { w in w.array(spec.formula) { w, line in w.string(line) } }
                        w.field("conditions") { w in w.array(spec.conditions) { w, line in w.string(line) } }
                        w.field("reference", spec.reference.citation)
                    }
                }
            }
        }
    }
}
