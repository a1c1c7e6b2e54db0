import CourseDiagnostics
import ExperimentLanguage
import Optimizers
import Scheduling

/// An `Experiment` builder's behaviour: runs it, one optimizer run per call and start, each
/// independent, and checks its claims against the results (``check(_:)``).
///
/// Runs are spread over the pool's workers and written into their own slots, so the
/// result does not depend on the number of threads or on scheduling.
public enum ExperimentRunner {
    /// The experiment's result through `cache`: a valid entry for this directive and
    /// coursegen version is used instead of running; otherwise `willRun` is called, the
    /// runs run, and the entry is written (a write that fails only costs the next build its speed).
    public static func run(
        _ experiment: Experiment, cache: ResultCache?, pool: WorkerPool = WorkerPool(workers: WorkerPool.processorCount),
        willRun: (() -> Void)? = nil
    ) -> ExperimentResult {
        ResultCache.through(cache, ExperimentResultCoding.self, of: experiment, key: { $0.key(experiment) }, willRun: willRun) {
            run(experiment, pool: pool)
        }
    }

    /// Runs every run of the experiment, long ones as subtasks of `pool`.
    public static func run(
        _ experiment: Experiment, pool: WorkerPool = WorkerPool(workers: WorkerPool.processorCount)
    ) -> ExperimentResult {
        let starts = experiment.starts
        let runs = experiment.runs
        let jobs = runs.count * starts.count
        // Only the runs a claim is about record their effective learning rates.
        let recording = Set(experiment.expectations.compactMap(\.effectiveLearningRateLabel))
        let slots = UnsafeMutableBufferPointer<Trajectory?>.allocate(capacity: jobs)
        slots.initialize(repeating: nil)
        defer { slots.deallocate() }
        nonisolated(unsafe) let output = slots
        let work: @Sendable (Int) -> Void = { job in
            let run = runs[job / starts.count]
            let start = starts[job % starts.count]
            let settings = RunSettings(
                start: start, steps: experiment.steps, optimizer: run.optimizer, schedule: run.schedule,
                noise: run.noise, batchSize: experiment.batchSize, sampling: experiment.sampling, seed: experiment.seed,
                recordsEffectiveLearningRate: recording.contains(run.label))
            output[job] = RunLoop.run(experiment.objective.function, settings: settings)
        }
        // Short 2-D runs cost microseconds: threads only pay off for long ones.
        if jobs > 1 && experiment.steps * jobs >= 20_000 {
            pool.forEach(jobs, work)
        } else {
            for job in 0..<jobs { work(job) }
        }
        let trajectories = runs.indices.map { r in
            starts.indices.map { s in slots[r * starts.count + s]! }
        }
        return ExperimentResult(experiment: experiment, trajectories: trajectories)
    }
}

// MARK: - Claims

/// Decides whether each `Expect` of an experiment holds for its results.
///
/// A false claim is an error at the `Expect`'s own line, with the numbers that
/// contradict it, so the prose can never contradict its figures. Every claim must
/// hold for every start.
extension ExperimentRunner {
    public static func check(_ result: ExperimentResult) -> [Diagnostic] {
        result.experiment.expectations.compactMap { check($0, in: result) }
    }

    static func check(_ claim: Expectation, in result: ExperimentResult) -> Diagnostic? {
        // A claim about the evaluated point reads every run there: schedule-free's x, and the
        // iterate of a method evaluated where it steps.
        let result = claim.point == .evaluated ? result.atEvaluationPoints : result
        let experiment = result.experiment
        func runs(_ label: String) -> [Trajectory]? {
            result.runIndex(label).map { result.trajectories[$0] }
        }
        func summaries(_ label: String) -> [RunSummary]? {
            result.runIndex(label).map { result.summaries[$0] }
        }
        func startText(_ s: Int) -> String {
            experiment.starts.count > 1 ? " from start \(Format.point(experiment.starts[s]))" : ""
        }
        /// The runs labelled `label` and f*, for a claim `name` that compares them with f*; or the
        /// error that it cannot, suggesting `alternative`, which needs no f*.
        func againstMinimum(_ label: String, _ name: String, orClaim alternative: String,
                            _ check: ([Trajectory], Double) -> Diagnostic?) -> Diagnostic? {
            guard let trajectories = runs(label) else { return claim.isFalse("no run is labelled '\(label)'") }
            guard let fStar = experiment.objective.minimumValue else {
                return claim.isFalse("'\(name)' needs the objective's minimum value f*, which is not known",
                                     hint: "add Minimum(x, y) to the experiment, or claim \(alternative) instead")
            }
            return check(trajectories, fStar)
        }

        switch claim.kind {
        case .reaches(let label, let tolerance, let within):
            return againstMinimum(label, "reaches", orClaim: "closerThan") { trajectories, fStar in
                for (s, trajectory) in trajectories.enumerated() {
                    let gaps = trajectory.losses.prefix(within + 1).map { $0 - fStar }
                    if gaps.contains(where: { $0 <= tolerance }) { continue }
                    let first = trajectory.losses.firstIndex { $0 - fStar <= tolerance }
                    let best = gaps.min() ?? .infinity
                    var message = "'\(label)'\(startText(s)) does not get within \(Format.number(tolerance)) of f* by step \(within)"
                    if let divergedAt = trajectory.divergedAt, divergedAt <= within {
                        message += ": it diverges at step \(divergedAt)"
                    } else {
                        message += ": the smallest f − f* by then is \(Format.number(best))"
                        if let first { message += ", and it first gets there at step \(first)" }
                    }
                    return claim.isFalse(message)
                }
                return nil
            }

        case .misses(let label, let tolerance, let within):
            return againstMinimum(label, "misses", orClaim: "endsNear") { trajectories, fStar in
                for (s, trajectory) in trajectories.enumerated() {
                    guard let hit = trajectory.losses.prefix(within + 1).firstIndex(where: { $0 - fStar <= tolerance }) else { continue }
                    let gap = trajectory.losses[hit] - fStar
                    return claim.isFalse("'\(label)'\(startText(s)) gets within \(Format.number(tolerance)) of f* at step \(hit), by step \(within): "
                                         + "f − f* = \(Format.number(gap)) there, at \(Format.point(trajectory.point(hit)))")
                }
                return nil
            }

        case .endsNear(let label, let point, let within, let start):
            guard let trajectories = runs(label) else { return claim.isFalse("no run is labelled '\(label)'") }
            let indices = start.map { [$0] } ?? Array(trajectories.indices)
            for s in indices {
                guard trajectories.indices.contains(s) else {
                    return claim.isFalse("the experiment has no start \(s + 1)")
                }
                let trajectory = trajectories[s]
                if let divergedAt = trajectory.divergedAt {
                    return claim.isFalse("'\(label)'\(startText(s)) diverges at step \(divergedAt), so it ends near no point")
                }
                guard trajectory.pointCount > 0 else { return claim.isFalse("'\(label)'\(startText(s)) has no points") }
                let end = trajectory.finalPoint
                let distance = RunSummary.distance(end, point)
                if distance <= within { continue }
                return claim.isFalse("'\(label)'\(startText(s)) ends at \(Format.point(end)), at distance \(Format.number(distance)) "
                            + "from \(Format.point(point)), more than \(Format.number(within))")
            }
            return nil

        case .diverges(let label, let expected):
            guard let trajectories = runs(label) else { return claim.isFalse("no run is labelled '\(label)'") }
            for (s, trajectory) in trajectories.enumerated() {
                let diverged = trajectory.divergedAt != nil
                guard diverged != expected else { continue }
                if expected {
                    let last = trajectory.losses.last ?? .nan
                    return claim.isFalse("'\(label)'\(startText(s)) does not diverge in \(experiment.steps) steps; it ends at f = \(Format.number(last))")
                }
                return claim.isFalse("'\(label)'\(startText(s)) diverges at step \(trajectory.divergedAt ?? 0)")
            }
            return nil

        case .closerThan(let label, let other):
            guard let mine = summaries(label) else { return claim.isFalse("no run is labelled '\(label)'") }
            guard let theirs = summaries(other) else { return claim.isFalse("no run is labelled '\(other)'") }
            let measure = experiment.objective.minima.isEmpty ? "final f" : "final distance to the nearest minimum"
            for s in mine.indices {
                let a = mine[s].closeness, b = theirs[s].closeness
                if a < b { continue }
                return claim.isFalse("'\(label)'\(startText(s)) is not closer than '\(other)': \(measure) \(Format.number(a)) against \(Format.number(b))")
            }
            return nil

        case .lowerLossThan(let label, let other, let steps, let start):
            guard let mine = runs(label) else { return claim.isFalse("no run is labelled '\(label)'") }
            guard let theirs = runs(other) else { return claim.isFalse("no run is labelled '\(other)'") }
            for s in start.map({ [$0] }) ?? Array(mine.indices) where mine.indices.contains(s) {
                guard let steps else {
                    let a = Self.finalLoss(mine[s]), b = Self.finalLoss(theirs[s])
                    if a < b { continue }
                    return claim.isFalse("'\(label)'s final loss \(Format.number(a))\(startText(s)) is not lower than '\(other)'s \(Format.number(b))")
                }
                for (run, trajectory) in [(label, mine[s]), (other, theirs[s])] where trajectory.divergedAt == nil {
                    guard steps.upperBound < trajectory.losses.count else {
                        return claim.isFalse("'\(run)'s loss\(startText(s)) has no value at step \(steps.upperBound): the run stops at step \(trajectory.losses.count - 1)")
                    }
                }
                let a = { Self.loss(of: mine[s], at: $0) }, b = { Self.loss(of: theirs[s], at: $0) }
                guard let t = steps.first(where: { !(a($0) < b($0)) }) else { continue }
                let (mineText, theirsText) = Format.distinct(a(t), b(t))
                let window = steps.count == 1 ? "" : " (claimed over steps \(steps.lowerBound)...\(steps.upperBound))"
                return claim.isFalse("'\(label)'s loss \(mineText) at step \(t)\(startText(s)) is not lower than '\(other)'s \(theirsText)\(window)")
            }
            return nil

        case .series(let label, let series, let shape, let steps, let start):
            guard let trajectories = runs(label) else { return claim.isFalse("no run is labelled '\(label)'") }
            let minima = experiment.objective.minima
            for s in start.map({ [$0] }) ?? Array(trajectories.indices) where trajectories.indices.contains(s) {
                let trajectory = trajectories[s]
                var components = Self.components(series, of: trajectory, minima: minima)
                if components.isEmpty {
                    // The runner records the rates of every run a claim is about; a run without a step has none.
                    guard trajectory.pointCount <= 1 else { return claim.isFalse("'\(label)'\(startText(s)) recorded no \(series.phrase)") }
                    components = [[0]]
                }
                for (c, values) in components.enumerated() {
                    let part = components.count == 1 ? "" : " in " + Self.coordinateName(c, of: components.count)
                    if let message = Self.failure(of: shape, values, steps: steps, name: "'\(label)'s \(series.phrase)\(part)\(startText(s))",
                                                  divergedAt: trajectory.divergedAt) {
                        return claim.isFalse(message)
                    }
                }
            }
            return nil

        case .rate(let label, let bound, let steps, let start):
            guard let trajectories = runs(label) else { return claim.isFalse("no run is labelled '\(label)'") }
            let window = "over steps \(steps.lowerBound)...\(steps.upperBound)"
            for s in start.map({ [$0] }) ?? Array(trajectories.indices) where trajectories.indices.contains(s) {
                let trajectory = trajectories[s]
                let distances = Self.components(.distance, of: trajectory, minima: experiment.objective.minima)[0]
                guard steps.upperBound < distances.count else {
                    let why = trajectory.divergedAt.map { "the run diverges at step \($0)" } ?? "the run stops at step \(distances.count - 1)"
                    return claim.isFalse("'\(label)'\(startText(s)) has no rate \(window): \(why)")
                }
                guard let rate = Expectation.measuredRate(distances, over: steps) else {
                    return claim.isFalse("'\(label)'\(startText(s)) is at the minimiser at step \(steps.lowerBound), so it has no rate \(window)")
                }
                let holds: Bool, claimed: String
                switch bound {
                case .near(let target, let within):
                    holds = abs(rate - target) <= within
                    claimed = "within \(Format.number(within)) of \(Format.number(target))"
                case .below(let value): holds = rate < value; claimed = "below \(Format.number(value))"
                case .above(let value): holds = rate > value; claimed = "above \(Format.number(value))"
                }
                if holds { continue }
                return claim.isFalse("'\(label)'s rate\(startText(s)) \(window) is \(Format.number(rate)), not \(claimed)")
            }
            return nil
        }
    }

    /// Why `values` (indexed by step) does not have `shape` over `steps`, or nil when it does.
    private static func failure(
        of shape: Expectation.Shape, _ values: [Double], steps: ClosedRange<Int>, name: String, divergedAt: Int?
    ) -> String? {
        let window = steps.count == 1 ? "at step \(steps.lowerBound)" : "over steps \(steps.lowerBound)...\(steps.upperBound)"
        guard steps.upperBound < values.count else {
            let why = divergedAt.map { "the run diverges at step \($0)" } ?? "the run stops at step \(max(0, values.count - 1))"
            return "\(name) has no value at step \(steps.upperBound): \(why)"
        }
        switch shape {
        case .below(let bound), .above(let bound):
            let isBelow = if case .below = shape { true } else { false }
            guard let t = steps.first(where: { isBelow ? !(values[$0] < bound) : !(values[$0] > bound) }) else { return nil }
            return "\(name) is \(Format.number(values[t])) at step \(t), not \(isBelow ? "below" : "above") \(Format.number(bound))"
                + (steps.count == 1 ? "" : " (claimed \(window))")
        case .increasing, .decreasing:
            let rising = shape == .increasing
            guard let t = steps.dropLast().first(where: { rising ? values[$0 + 1] < values[$0] : values[$0 + 1] > values[$0] }) else { return nil }
            let (before, after) = Format.distinct(values[t], values[t + 1])
            return "\(name) \(rising ? "falls" : "rises") from \(before) at step \(t) to \(after) "
                + "at step \(t + 1), so it is not \(rising ? "increasing" : "decreasing") \(window)"
        }
    }

    /// A run's final f; infinite when it diverged.
    public static func finalLoss(_ trajectory: Trajectory) -> Double {
        guard trajectory.divergedAt == nil else { return .infinity }
        return trajectory.losses.last ?? .infinity
    }

    /// A run's f at step t as a loss curve shows it: ∞ from the step it diverged at.
    static func loss(of trajectory: Trajectory, at t: Int) -> Double {
        t < trajectory.losses.count ? trajectory.losses[t] : .infinity
    }

    /// A derived series of a run, one per component, indexed by step: `values[c][t]` for
    /// step t. The loss, distance and step size have one component; the effective learning
    /// rate has one per coordinate, and none when the run did not record it. Index 0 of a
    /// series defined from step 1 is 0, a placeholder: it has no step before the start.
    public static func components(_ series: Expectation.Series, of trajectory: Trajectory, minima: [[Double]]) -> [[Double]] {
        let points = trajectory.points
        switch series {
        case .loss: return [trajectory.losses]
        case .distance: return [points.map { p in minima.map { RunSummary.distance(p, $0) }.min() ?? .infinity }]
        case .stepSize: return [points.indices.map { $0 == 0 ? 0 : RunSummary.distance(points[$0], points[$0 - 1]) }]
        case .effectiveLearningRate:
            let n = trajectory.dimension
            let steps = trajectory.effectiveLearningRates.count / max(1, n)
            // A run that diverged has no rates for the step it diverged at: the series stops with its points.
            return (0..<(steps > 0 ? n : 0)).map { c in
                [0] + (0..<steps).map { trajectory.effectiveLearningRates[$0 * n + c] }
            }
        }
    }

    /// Coordinate `c` of `n` in messages: x, y for a plane; x for a line; `coordinate 3` beyond.
    static func coordinateName(_ c: Int, of n: Int) -> String {
        n <= 2 ? ["x", "y"][c] : "coordinate \(c + 1)"
    }
}

extension Experiment: RunnableDirective {
    public func run(cache: ResultCache?, pool: WorkerPool, shared: SharedRuns?, willRun: (@Sendable () -> Void)?) -> DirectiveRun {
        if sweep != nil {
            let result = SweepRunner.run(self, cache: cache, pool: pool, willRun: willRun)
            return DirectiveRun(output: result, diagnostics: SweepRunner.check(result))
        }
        let result = ExperimentRunner.run(self, cache: cache, pool: pool, willRun: willRun)
        return DirectiveRun(output: result, diagnostics: ExperimentRunner.check(result))
    }
}

extension FormulaTable: RunnableDirective {
    /// A table runs nothing: its output is itself.
    public func run(cache: ResultCache?, pool: WorkerPool, shared: SharedRuns?, willRun: (@Sendable () -> Void)?) -> DirectiveRun {
        DirectiveRun(output: self)
    }
}
