import CourseDiagnostics
import ExperimentLanguage
import NeuralNetworks
import Scheduling
import Synchronization
import Testing
@testable import Experiments

private func training(_ text: String) throws -> TrainingStudy {
    var diagnostics: [Diagnostic] = []
    let directive = DirectiveParser.parse(text, origin: SourceOrigin(file: "c.md", line: 10), diagnostics: &diagnostics)
    guard case .training(let study)? = directive else {
        Issue.record("did not parse: \(diagnostics)")
        throw CancellationError()
    }
    return study
}

/// A small 2-D training (milliseconds even in a debug build) with `runs` and `seed`.
private func moons(_ title: String, seed: Int = 3, _ runs: String) throws -> TrainingStudy {
    try training("""
        Training("\(title)") {
            Dataset(.moons(samples: 120, noise: 0.1), test: 0.25)
            Network(hidden: [12, 12], activation: .tanh, initialization: .xavierNormal)
            BatchSize(16)
            Iterations(150)
            Seed(\(seed))
        \(runs)
        }
        """)
}

/// Runs `studies` as one build does: each a task of one pool, every run through one `SharedRuns`.
private func build(_ studies: [TrainingStudy], workers: Int, shared: SharedRuns) -> [TrainingStudyResult] {
    let pool = WorkerPool(workers: workers)
    return pool.map(studies.count) { k in
        TrainingRunner.run(studies[k], pool: pool, shared: shared).result!
    }
}

/// A run two fences of a build hold trains once (a chapter's training and its exercise's solution).
@Suite struct SharedRunsTests {
    static let chapter = """
            SGD(lr: 0.05)
            Adam(lr: 0.02)
        """
    /// The chapter's Adam again, under another title and label, beside a run of its own.
    static let solution = """
            Adam(lr: 0.02).label("the same Adam")
            Adam(lr: 0.03)
        """

    @Test(arguments: [1, 2, 4])
    func twoFencesWithTheSameRunTrainItOnce(workers: Int) throws {
        let shared = SharedRuns()
        let studies = [try moons("Moons", Self.chapter), try moons("Quick copy", Self.solution)]
        let results = build(studies, workers: workers, shared: shared)
        #expect(shared.trainings.statistics.computed == 3, "SGD, Adam 0.02 and Adam 0.03 train")
        #expect(shared.trainings.statistics.shared == 1, "the second Adam 0.02 is the first's")

        let mine = results[1].report.results[0], theirs = results[0].report.results[1]
        #expect(mine.label == "the same Adam" && theirs.label == "Adam", "each keeps its own label")
        #expect(mine.trainingLoss.map(\.bitPattern) == theirs.trainingLoss.map(\.bitPattern))
        #expect(mine.checkpoints == theirs.checkpoints && mine.decisionBoundary == theirs.decisionBoundary)

        // Shared or not, each fence gets exactly what it gets alone.
        for (study, result) in zip(studies, results) {
            let alone = try #require(TrainingRunner.run(study, pool: WorkerPool(workers: 1)).result)
            #expect(alone.report == result.report)
        }
    }

    @Test func theSameRunTwiceInOneFenceTrainsOnce() throws {
        let shared = SharedRuns()
        let study = try moons("Twice", """
                Adam(lr: 0.02)
                Adam(lr: 0.02).label("again")
            """)
        let result = try #require(build([study], workers: 2, shared: shared).first)
        #expect(shared.trainings.statistics.computed == 1 && shared.trainings.statistics.shared == 1)
        #expect(result.report.results.map(\.label) == ["Adam", "again"])
        #expect(result.report.results[0].trainingLoss == result.report.results[1].trainingLoss)
    }

    /// Whatever a run's numbers depend on keeps two fences' runs apart; a label does not.
    static let variations: [(String, String, String)] = [
        ("another seed", "Seed(3)", "Seed(4)"),
        ("another batch size", "BatchSize(16)", "BatchSize(17)"),
        ("another evaluation interval", "Iterations(150)", "Iterations(150)\n    EvaluationInterval(10)"),
        ("another dataset", "noise: 0.1", "noise: 0.11"),
        ("another width", "hidden: [12, 12]", "hidden: [12, 13]"),
    ]

    @Test(arguments: 0..<variations.count)
    func aRunThatDiffersInWhatItComputesTrainsAgain(_ index: Int) throws {
        let (name, from, to) = Self.variations[index]
        let first = try moons("Moons", "    Adam(lr: 0.02)")
        let text = """
            Training("Moons") {
                Dataset(.moons(samples: 120, noise: 0.1), test: 0.25)
                Network(hidden: [12, 12], activation: .tanh, initialization: .xavierNormal)
                BatchSize(16)
                Iterations(150)
                Seed(3)
                Adam(lr: 0.02)
            }
            """
        let changed = text.replacingOccurrences(of: from, with: to)
        #expect(changed != text, "\(name): the edit applies")
        let second = try training(changed)
        let shared = SharedRuns()
        _ = build([first, second], workers: 2, shared: shared)
        #expect(shared.trainings.statistics.computed == 2, "\(name) trains again")
        #expect(shared.trainings.statistics.shared == 0)
    }

    /// Many tasks asking for one key at once: one computes, the others wait (helping the pool) and get its value.
    @Test func concurrentAsksComputeOnce() {
        let memo = SharedResults<String, Int>()
        let computed = Atomic(0)
        let pool = WorkerPool(workers: 4)
        let values = pool.map(16) { k in
            memo.value(for: k % 2 == 0 ? "even" : "odd", in: pool) {
                computed.add(1, ordering: .relaxed)
                var x = 0
                for i in 0..<200_000 { x &+= i &* (k % 2 + 1) }
                return x
            }
        }
        #expect(computed.load(ordering: .relaxed) == 2)
        #expect(Set(values.indices.filter { $0 % 2 == 0 }.map { values[$0] }).count == 1)
        #expect(Set(values.indices.filter { $0 % 2 == 1 }.map { values[$0] }).count == 1)
        #expect(memo.statistics.computed == 2 && memo.statistics.shared == 14)
    }
}
