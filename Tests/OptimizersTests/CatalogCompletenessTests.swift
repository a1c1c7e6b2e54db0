import Foundation
import Optimizers
import Testing

/// Every optimizer class of torch 2.15's `torch.optim` and every scheduler of its `lr_scheduler`
/// (`Fixtures/torch-optim-catalog.json`, written by `tools/torch-signatures/catalog.py` from the
/// modules themselves) has a method in the catalog or a schedule in the language.
@Suite struct CatalogCompletenessTests {
    struct Fixture: Decodable {
        let torch: String
        let optimizers: [String]
        let schedulers: [String]
    }

    static let fixture: Fixture? = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/torch-optim-catalog.json")
        return (try? Data(contentsOf: url)).flatMap { try? JSONDecoder().decode(Fixture.self, from: $0) }
    }()

    /// Issue 17's slices were built on separate branches; all are merged, so nothing is pending.
    static let pendingOnOtherBranches: Set<String> = []

    /// Classes of the modules that issue 17's list does not name, so no branch adds them; each
    /// needs the lead's decision (add it, or say here for good why the course leaves it out).
    /// Empty: SparseAdam, the last, takes the gradient as `to_sparse()` gives it.
    static let notInIssue17: Set<String> = []

    /// The language's schedule for each torch scheduler it replays: a value of it, so that the
    /// table only compiles while the schedule exists.
    static let schedules: [String: LearningRateSchedule] = [
        "StepLR": .step(every: 10, gamma: 0.5),
        "ExponentialLR": .exponential(gamma: 0.9),
        "CosineAnnealingLR": .cosine(steps: 100, minLR: 0),
        "LinearLR": .linear(startFactor: 0.1, endFactor: 1, steps: 10),
        "SequentialLR": .sequential(.warmup(steps: 5, startFactor: 0.1), then: .cosine(steps: 100, minLR: 0)),
        "MultiStepLR": .multiStep(milestones: [30, 80], gamma: 0.1),
        "ConstantLR": .constant(factor: 1.0 / 3, steps: 5),
        "PolynomialLR": .polynomial(steps: 5, power: 1),
        "CosineAnnealingWarmRestarts": .cosineRestarts(steps: 10, multiplier: 2, minLR: 0),
        "CyclicLR": .cyclic(CyclicSchedule(maxLR: 0.1)),
        "OneCycleLR": .oneCycle(OneCycleSchedule(steps: 100)),
        "ReduceLROnPlateau": .plateau(PlateauSchedule()),
        "ChainedScheduler": .chained([.constant(factor: 0.1, steps: 2), .exponential(gamma: 0.9)]),
        "LambdaLR": .lambda(ScheduleFunction(text: "{ step in 0.95 }") { _ in 0.95 }),
        "MultiplicativeLR": .multiplicative(ScheduleFunction(text: "{ step in 0.95 }") { _ in 0.95 }),
    ]

    /// The catalog method replaying torch class `name`: call names match torch's up to case (`RMSprop`, `RMSProp`).
    static func method(for name: String) -> OptimizerSpec? {
        OptimizerCatalog.all.first { $0.callName.lowercased() == name.lowercased() }
    }

    /// With nothing exempt, every optimizer class of the fixture must have its method.
    @Test func nothingIsExempt() throws {
        let fixture = try #require(Self.fixture)
        #expect(Self.pendingOnOtherBranches.isEmpty && Self.notInIssue17.isEmpty)
        #expect(fixture.optimizers.contains("SparseAdam") && Self.method(for: "SparseAdam") != nil)
        #expect(fixture.optimizers.allSatisfy { Self.method(for: $0) != nil })
    }

    @Test func fixtureIsTorch215s() throws {
        let fixture = try #require(Self.fixture, "Fixtures/torch-optim-catalog.json is missing or unreadable")
        #expect(fixture.torch.hasPrefix("2.15"))
        // The modules' base classes are no entries.
        #expect(!fixture.optimizers.contains("Optimizer") && !fixture.schedulers.contains("LRScheduler"))
        #expect(fixture.optimizers.contains("Adam") && fixture.schedulers.contains("StepLR"))
    }

    @Test func everyTorchOptimizerIsInTheCatalog() throws {
        let fixture = try #require(Self.fixture)
        for name in fixture.optimizers where !Self.pendingOnOtherBranches.contains(name) && !Self.notInIssue17.contains(name) {
            #expect(Self.method(for: name) != nil, "torch.optim.\(name) has no method in OptimizerCatalog")
        }
    }

    @Test func everyTorchSchedulerIsASchedule() throws {
        let fixture = try #require(Self.fixture)
        for name in fixture.schedulers where !Self.pendingOnOtherBranches.contains(name) && !Self.notInIssue17.contains(name) {
            let schedule = Self.schedules[name]
            #expect(schedule != nil, "torch.optim.lr_scheduler.\(name) has no schedule")
            #expect(schedule?.problems == [], "\(name): \(schedule?.problems ?? [])")
        }
        // The table names torch's classes, no others.
        #expect(Set(Self.schedules.keys).isSubset(of: fixture.schedulers))
    }

    /// A set entry that the catalog already has, or that torch does not, is stale: empty it at merge.
    @Test func exemptionsAreStillNeeded() throws {
        let fixture = try #require(Self.fixture)
        let all = Set(fixture.optimizers + fixture.schedulers)
        for name in Self.pendingOnOtherBranches.union(Self.notInIssue17) {
            #expect(all.contains(name), "\(name) is no class of torch \(fixture.torch)")
            #expect(Self.method(for: name) == nil && Self.schedules[name] == nil, "\(name) is in the catalog now: remove its exemption")
        }
    }
}
