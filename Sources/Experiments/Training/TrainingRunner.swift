import CourseDiagnostics
import ExperimentLanguage
import NeuralNetworks
import Scheduling

/// A `Training` builder's behaviour: trains its network once per optimizer call, through the
/// result cache when one is given, and checks its claims (``check(_:)``).
public enum TrainingRunner {
    /// The study's results, or an error at the builder when its data cannot be loaded.
    ///
    /// With a `cache`, a valid entry for this directive, dataset, kernel and coursegen
    /// version is used instead of training; otherwise `willTrain` is called (for progress),
    /// the network trains, its runs as subtasks of `pool`, and the entry is written. A cache
    /// that cannot be written only costs the next build its speed, so write failures are ignored.
    public static func run(
        _ study: TrainingStudy, cache: ResultCache? = nil, kernel: MatrixKernel = .preferred,
        pool: WorkerPool = WorkerPool(workers: WorkerPool.processorCount), shared: SharedRuns? = nil,
        willTrain: (() -> Void)? = nil
    ) -> (result: TrainingStudyResult?, diagnostics: [Diagnostic]) {
        do {
            let report = try ResultCache.through(
                cache, TrainingReportCoding.self, of: study, key: { cache throws(TrainingError) in
                    // The key holds the dataset's fingerprint, so files that cannot be read stop it as they stop a training.
                    do throws(DatasetError) { return try cache.key(study, kernel: kernel) } catch { throw .dataset(error) }
                }, willRun: willTrain
            ) { () throws(TrainingError) in
                let runs = shared.map { SharedTrainingRuns(memo: $0.trainings, keys: study.runKeys(kernel: kernel)) }
                return try Trainer.run(study.configuration, kernel: kernel, pool: pool, shared: runs)
            }
            return (TrainingStudyResult(study: study, report: report), [])
        } catch {
            switch error {
            case .dataset(let problem): return (nil, [failure(problem, study)])
            case .invalidConfiguration(let problems):
                return (nil, problems.map { .error($0, at: study.location, length: "Training".utf8.count) })
            }
        }
    }

    private static func failure(_ error: DatasetError, _ study: TrainingStudy) -> Diagnostic {
        let hint: String?
        switch error {
        case .missingFile(_, let fileHint): hint = fileHint
        case .malformed: hint = "the files must be MNIST's uncompressed IDX format"
        case .unreadable: hint = "the dataset's files must be regular files of at most \(DatasetSource.maximumFileBytes) bytes"
        case .invalidParameter: hint = nil
        }
        return .error("cannot load the dataset of '\(study.title)': \(error.description)", at: study.location,
                      length: "Training".utf8.count, hint: hint)
    }
}

// MARK: - Claims

/// Decides whether each `Expect` of a training holds for its results.
///
/// A false claim is an error at the `Expect`, with the numbers that contradict it, so
/// the chapter's prose can never say more than its figures show. A diverged or halted
/// run never satisfies a claim that it did well.
extension TrainingRunner {
    public static func check(_ result: TrainingStudyResult) -> [Diagnostic] {
        result.study.expectations.compactMap { check($0, in: result) }
    }

    static func check(_ claim: TrainingExpectation, in result: TrainingStudyResult) -> Diagnostic? {
        let runs = claim.labels.map { result.result($0) }
        guard let mine = runs[0], runs.allSatisfy({ $0 != nil }) else {
            return claim.isFalse("no run is labelled '\(claim.labels.first { result.result($0) == nil } ?? "")'")
        }
        let label = claim.labels[0]
        func percent(_ x: Double) -> String { Format.number(100 * x) + " %" }
        func stopped(_ run: TrainingResult) -> String? {
            if let step = run.divergedAt { return "it diverges at iteration \(step)" }
            if run.halt != nil { return "it stopped before training" }
            return nil
        }
        // The checker refuses validation claims without a validation set; a result made by hand may still lack one.
        let noValidation = "the training holds no validation set out, so there is no validation accuracy"
        switch claim.kind {
        case .testAccuracy(_, let floor):
            if let why = stopped(mine) { return claim.isFalse("'\(label)' does not reach a test accuracy of \(percent(floor)): \(why)") }
            guard mine.testAccuracy >= floor else {
                return claim.isFalse("'\(label)' ends with a test accuracy of \(percent(mine.testAccuracy)), below \(percent(floor))")
            }
        case .trainAccuracy(_, let floor):
            if let why = stopped(mine) { return claim.isFalse("'\(label)' does not reach a training accuracy of \(percent(floor)): \(why)") }
            guard mine.trainAccuracy >= floor else {
                return claim.isFalse("'\(label)' ends with a training accuracy of \(percent(mine.trainAccuracy)), below \(percent(floor))")
            }
        case .testAccuracyBelow(_, let ceiling):
            guard mine.testAccuracy < ceiling else {
                return claim.isFalse("'\(label)' ends with a test accuracy of \(percent(mine.testAccuracy)), not below \(percent(ceiling))")
            }
        case .trainLossBelow(_, let ceiling):
            if let why = stopped(mine) { return claim.isFalse("'\(label)' does not get its training loss below \(Format.number(ceiling)): \(why)") }
            guard mine.finalTrainLoss < ceiling else {
                return claim.isFalse("'\(label)' ends with a training loss of \(Format.number(mine.finalTrainLoss)), not below \(Format.number(ceiling))")
            }
        case .lowerTrainLossThan(_, let other):
            let theirs = runs[1]!
            if let why = stopped(mine) { return claim.isFalse("'\(label)' does not end lower than '\(other)': \(why)") }
            guard mine.finalTrainLoss < theirs.finalTrainLoss || theirs.divergedAt != nil else {
                return claim.isFalse("'\(label)' ends with a training loss of \(Format.number(mine.finalTrainLoss)), "
                            + "'\(other)' with \(Format.number(theirs.finalTrainLoss))")
            }
        case .higherTestAccuracyThan(_, let other):
            let theirs = runs[1]!
            if let why = stopped(mine) { return claim.isFalse("'\(label)' does not beat '\(other)': \(why)") }
            guard mine.testAccuracy > theirs.testAccuracy else {
                return claim.isFalse("'\(label)' ends with a test accuracy of \(percent(mine.testAccuracy)), "
                            + "'\(other)' with \(percent(theirs.testAccuracy))")
            }
        case .testAccuracyWithin(_, let tolerance, let other):
            let theirs = runs[1]!
            if let why = stopped(mine) ?? stopped(theirs) { return claim.isFalse("'\(label)' and '\(other)' cannot be compared: \(why)") }
            // Accuracies are multiples of 1/testCount; a hair of slack keeps "within 0.02" exact in decimal.
            guard abs(mine.testAccuracy - theirs.testAccuracy) <= tolerance + 1e-12 else {
                return claim.isFalse("the test accuracies of '\(label)' (\(percent(mine.testAccuracy))) and '\(other)' "
                            + "(\(percent(theirs.testAccuracy))) differ by more than \(percent(tolerance))")
            }
        case .validationAccuracy(_, let floor):
            guard let accuracy = mine.validationAccuracy else { return claim.isFalse(noValidation) }
            if let why = stopped(mine) { return claim.isFalse("'\(label)' does not reach a validation accuracy of \(percent(floor)): \(why)") }
            guard accuracy >= floor else {
                return claim.isFalse("'\(label)' ends with a validation accuracy of \(percent(accuracy)), below \(percent(floor))")
            }
        case .validationAccuracyBelow(_, let ceiling):
            guard let accuracy = mine.validationAccuracy else { return claim.isFalse(noValidation) }
            guard accuracy < ceiling else {
                return claim.isFalse("'\(label)' ends with a validation accuracy of \(percent(accuracy)), not below \(percent(ceiling))")
            }
        case .higherValidationAccuracyThan(_, let other):
            guard let accuracy = mine.validationAccuracy, let theirAccuracy = runs[1]!.validationAccuracy else { return claim.isFalse(noValidation) }
            if let why = stopped(mine) { return claim.isFalse("'\(label)' does not beat '\(other)': \(why)") }
            guard accuracy > theirAccuracy else {
                return claim.isFalse("'\(label)' ends with a validation accuracy of \(percent(accuracy)), "
                            + "'\(other)' with \(percent(theirAccuracy))")
            }
        case .validationAccuracyWithin(_, let tolerance, let other):
            let theirs = runs[1]!
            guard let accuracy = mine.validationAccuracy, let theirAccuracy = theirs.validationAccuracy else { return claim.isFalse(noValidation) }
            if let why = stopped(mine) ?? stopped(theirs) { return claim.isFalse("'\(label)' and '\(other)' cannot be compared: \(why)") }
            guard abs(accuracy - theirAccuracy) <= tolerance + 1e-12 else {
                return claim.isFalse("the validation accuracies of '\(label)' (\(percent(accuracy))) and '\(other)' "
                            + "(\(percent(theirAccuracy))) differ by more than \(percent(tolerance))")
            }
        case .gapAbove(_, let gap):
            if let why = stopped(mine) { return claim.isFalse("'\(label)' cannot overfit: \(why)") }
            let measured = mine.trainAccuracy - mine.testAccuracy
            guard measured > gap else {
                return claim.isFalse("'\(label)' has training accuracy \(percent(mine.trainAccuracy)) and test accuracy "
                            + "\(percent(mine.testAccuracy)), a gap of \(percent(measured)), not above \(percent(gap))")
            }
        case .gapBelow(_, let gap):
            if let why = stopped(mine) { return claim.isFalse("'\(label)' has no final figures to compare: \(why)") }
            let measured = mine.trainAccuracy - mine.testAccuracy
            guard measured < gap else {
                return claim.isFalse("'\(label)' has training accuracy \(percent(mine.trainAccuracy)) and test accuracy "
                            + "\(percent(mine.testAccuracy)), a gap of \(percent(measured)), not below \(percent(gap))")
            }
        case .smallerGapThan(_, let other):
            let theirs = runs[1]!
            if let why = stopped(mine) { return claim.isFalse("'\(label)' cannot be compared with '\(other)': \(why)") }
            let a = mine.trainAccuracy - mine.testAccuracy, b = theirs.trainAccuracy - theirs.testAccuracy
            guard a < b else {
                return claim.isFalse("'\(label)' has a train–test gap of \(percent(a)), '\(other)' of \(percent(b))")
            }
        case .diverges(_, let expected):
            let diverged = mine.divergedAt != nil
            guard diverged == expected else {
                return expected
                    ? claim.isFalse("'\(label)' does not diverge in \(result.study.configuration.iterations) iterations; "
                           + "its final training loss is \(Format.number(mine.finalTrainLoss))")
                    : claim.isFalse("'\(label)' diverges at iteration \(mine.divergedAt ?? 0)")
            }
        }
        return nil
    }
}

extension TrainingStudy: RunnableDirective {
    public func run(cache: ResultCache?, pool: WorkerPool, shared: SharedRuns?, willRun: (@Sendable () -> Void)?) -> DirectiveRun {
        let (result, problems) = TrainingRunner.run(self, cache: cache, pool: pool, shared: shared, willTrain: willRun)
        guard let result else { return DirectiveRun(output: nil, diagnostics: problems) }
        return DirectiveRun(output: result, diagnostics: problems + TrainingRunner.check(result))
    }
}
