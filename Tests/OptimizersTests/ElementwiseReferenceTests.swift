import CourseTestSupport
import Foundation
@testable import Optimizers
import Testing

/// ASGD and Rprop against torch.optim 2.15, Lion against lion-pytorch and Yogi against
/// pytorch-optimizer (`scripts/reference/elementwise.py`): every point to 1e-9 relative or
/// 1e-12 absolute, and ASGD's averaged iterate after every step likewise.
@Suite struct ElementwiseReferenceTests {
    static let file = "elementwise-trajectories.json"
    static let cases = ReferenceFixtures.load(file)

    @Test func fixtureLoadsEveryCase() throws {
        // A case whose call no longer decodes would silently drop out of the parameterised test.
        #expect(Self.cases.count == 21)
        let methods = Set(Self.cases.map(\.config.callName))
        #expect(methods == ["ASGD", "Rprop", "Lion", "Yogi"])
        let data = try Data(contentsOf: ReferenceFixtures.directory.appendingPathComponent(Self.file))
        let generator = try JSONDecoder().decode(Generator.self, from: data).generator
        #expect(generator.hasPrefix("torch 2.15"))
    }

    @Test(arguments: cases)
    func trajectoryMatchesReference(_ reference: ReferenceCase) throws {
        try reference.expectReproduced(requireRates: true)
    }

    /// torch's `state["ax"]` after every step, read through ``Optimizer/averagedIterate(_:)``.
    @Test func asgdAverageMatchesTorch() throws {
        let data = try Data(contentsOf: ReferenceFixtures.directory.appendingPathComponent(Self.file))
        let averages = try JSONDecoder().decode(Averages.self, from: data).cases.map(\.averageAfterEachStep)
        var compared = 0
        for (reference, expected) in zip(Self.cases, averages) {
            guard let expected else {
                #expect(reference.config.callName != "ASGD", "\(reference.testDescription) lacks torch's average")
                continue
            }
            let function = try #require(PlaneFunctions.named(reference.objectiveName))
            let optimizer = try #require(Optimizer(reference.config, dimension: 2))
            var x = reference.start, average = [0.0, 0.0]
            #expect(!average.withUnsafeMutableBufferPointer { optimizer.averagedIterate($0) }, "no average before a step")
            let oracle = GradientOracle(function)
            var actual: [[Double]] = []
            for k in 0..<reference.steps {
                let rate = reference.learningRates?[k]
                x.withUnsafeMutableBufferPointer { _ = optimizer.step($0, oracle: oracle, learningRate: rate) }
                #expect(average.withUnsafeMutableBufferPointer { optimizer.averagedIterate($0) })
                actual.append(average)
            }
            let mismatch = firstMismatch(actual, expected)
            #expect(mismatch == nil, "\(reference.testDescription): \(mismatch ?? "")")
            compared += 1
        }
        #expect(compared == 5)
        // Methods that keep no average say so.
        let adam = try #require(Optimizer(OptimizerConfig(callName: "Adam", arguments: [:]), dimension: 2))
        var sink = [0.0, 0.0]
        #expect(!sink.withUnsafeMutableBufferPointer { adam.averagedIterate($0) })
    }

    private struct Generator: Decodable { let generator: String }
    private struct Averages: Decodable {
        struct Case: Decodable { let averageAfterEachStep: [[Double]]? }
        let cases: [Case]
    }
}
