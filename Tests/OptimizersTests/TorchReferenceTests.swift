import CourseTestSupport
import Optimizers
import Testing

/// Every torch.optim reference trajectory, replayed through the engine on exact
/// hand-written gradients: every point to 1e-9 relative or 1e-12 absolute.
@Suite struct TorchReferenceTests {
    @Test func fixturesLoad() {
        // 16 cases in the shared file, 34 + 8 of our own; a parse failure would silently test nothing.
        #expect(ReferenceFixtures.shared.count == 16)
        #expect(ReferenceFixtures.extra.count == 34)
        #expect(ReferenceFixtures.errata.count == 8)
    }

    @Test(arguments: ReferenceFixtures.shared + ReferenceFixtures.extra + ReferenceFixtures.errata)
    func trajectoryMatchesTorch(_ reference: ReferenceCase) throws {
        let function = try #require(PlaneFunctions.named(reference.objectiveName))
        #expect(OptimizerCatalog.problems(in: reference.config).isEmpty)
        let trajectory = RunLoop.run(
            function,
            settings: RunSettings(
                start: reference.start, steps: reference.steps, optimizer: reference.config, schedule: reference.schedule))
        #expect(trajectory.divergedAt == nil)
        let mismatch = firstMismatch(trajectory.points, reference.trajectory)
        #expect(mismatch == nil, "\(reference.testDescription): \(mismatch ?? "")")
        for (k, loss) in reference.lossBeforeEachStep.enumerated() where k < trajectory.losses.count {
            #expect(isClose(trajectory.losses[k], loss, relative: 1e-9, absolute: 1e-12), "loss at point \(k)")
        }
        if let rates = reference.learningRates {
            #expect(trajectory.learningRates.count == rates.count)
            for (k, rate) in rates.enumerated() where k < trajectory.learningRates.count {
                #expect(isClose(trajectory.learningRates[k], rate, relative: 1e-12, absolute: 1e-15), "rate of step \(k + 1)")
            }
        }
    }
}
