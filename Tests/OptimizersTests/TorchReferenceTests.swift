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
        try reference.expectReproduced()
    }
}
