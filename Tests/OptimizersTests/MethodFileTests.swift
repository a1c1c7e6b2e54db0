import Foundation
import Optimizers
import Testing

/// A method is one file: its spec, its factory and its engine together, listed once in the
/// catalog, and named nowhere else, so that no code switches on call names.
@Suite struct MethodFileTests {
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    /// Every Swift file of Sources with its path relative to Sources and its lines of code
    /// (comment lines left out: a doc comment may say "Adam").
    static func codeFiles() throws -> [(path: String, lines: [Substring])] {
        let enumerator = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var files: [(String, [Substring])] = []
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            let lines = text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
            files.append((String(url.path.dropFirst(sources.path.count + 1)), lines))
        }
        #expect(files.count > 50)
        return files
    }

    @Test func everyCallNameAndIdIsSpelledOnlyInItsMethodFile() throws {
        let files = try Self.codeFiles()
        for spec in OptimizerCatalog.all {
            let owners = files.filter { $0.lines.contains { $0.contains("callName: \"\(spec.callName)\"") } }.map(\.path)
            #expect(owners == ["Optimizers/Methods/\(spec.callName).swift"], "\(spec.callName) is declared in \(owners)")
            let users = files.filter { $0.lines.contains { $0.contains("\"\(spec.callName)\"") } }.map(\.path)
            #expect(users == owners, "\(spec.callName) is spelled in \(users)")
        }
        // Ids such as `momentum` are also hyperparameter names, so they are looked for in comparisons.
        for file in files {
            for line in file.lines where line.contains("id == \"") || line.contains("callName == \"") {
                Issue.record("\(file.path) compares a method's name: \(line)")
            }
        }
    }

    @Test func noCodeSwitchesOnACallName() throws {
        for file in try Self.codeFiles() {
            for line in file.lines where line.contains("switch") && line.contains("callName") {
                Issue.record("\(file.path): \(line)")
            }
        }
    }

    /// Each method type is listed in the catalog exactly once, in the order of ``OptimizerCatalog/all``.
    @Test func theCatalogListsEveryMethodFileOnce() throws {
        let files = try Self.codeFiles()
        let declared = files.filter { $0.path.hasPrefix("Optimizers/Methods/") }.flatMap { file in
            file.lines.compactMap { line -> String? in
                guard line.hasPrefix("enum "), line.hasSuffix(": OptimizerMethod {") else { return nil }
                return String(line.dropFirst("enum ".count).prefix { $0 != ":" })
            }
        }
        let catalog = try #require(files.first { $0.path == "Optimizers/Catalog/OptimizerCatalog.swift" })
        let listed = catalog.lines.compactMap { line -> String? in
            let entry = line.trimmingCharacters(in: .whitespaces)
            return entry.hasSuffix(".self,") ? String(entry.dropLast(".self,".count)) : nil
        }
        #expect(listed.count == Set(listed).count)
        #expect(Set(listed) == Set(declared))
        #expect(listed == OptimizerCatalog.all.map(\.callName))
    }

    static func config(_ callName: String, _ arguments: [String: HyperValue] = [:]) -> OptimizerConfig {
        OptimizerConfig(callName: callName, arguments: arguments)
    }

    /// A wrapper runs the wrapped method's needs and reports; others have no inner method.
    @Test func capabilitiesOfWrappedMethodsAreTheWrappers() {
        let newton = Self.config("Lookahead", ["": .optimizer(Self.config("Newton"))])
        let swats = Self.config("Lookahead", ["": .optimizer(Self.config("SWATS"))])
        #expect(newton.inner?.callName == "Newton" && Self.config("Adam").inner == nil)
        #expect(newton.has(.needsHessian) && newton.has(.needsObjective) && !swats.has(.needsObjective))
        #expect(swats.has(.switchesToSGD) && swats.has(.synchronizes) && !newton.has(.switchesToSGD))
        #expect(!Self.config("Adam").has(.switchesToSGD) && Self.config("SWATS").has(.switchesToSGD))
    }

    /// What a spec declares about needing the objective is what its engine does: a method that
    /// needs only gradients steps from a given gradient, the others refuse without moving.
    @Test(arguments: OptimizerCatalog.all.map(\.callName))
    func needingTheObjectiveIsWhatTheEngineDoes(_ callName: String) throws {
        let spec = try #require(OptimizerCatalog.spec(callName: callName))
        let config = spec.capabilities.contains(.wrapsMethod)
            ? Self.config(callName, ["": .optimizer(Self.config("LBFGS"))]) : Self.config(callName)
        let optimizer = try #require(Optimizer(config, dimension: 2))
        var x = [1.0, -2.0], g = [0.5, 0.25]
        let moved = x.withUnsafeMutableBufferPointer { xp in
            g.withUnsafeMutableBufferPointer { optimizer.step(xp, gradient: $0) }
        }
        #expect(moved == !config.has(.needsObjective))
        #expect(optimizer.needsOnlyGradients == moved)
        #expect(moved || x == [1.0, -2.0])
    }

    /// SWATS reports its switch once; wrapped in Lookahead, the switch and the syncs share one
    /// log, in the order they happen, and the trajectory records both. With ε = 10⁻⁴ and a small
    /// α SWATS switches at step 2 (see ``PaperAlgorithmTests``), before the first sync.
    @Test func eventsOfAWrappedSWATSComeThroughOneLog() throws {
        let swats = Self.config("SWATS", ["lr": .real(0.01), "eps": .real(1e-4)])
        let wrapped = Self.config("Lookahead", ["": .optimizer(swats), "k": .integer(3)])
        let trajectory = RunLoop.run(tiltedBowl, settings: RunSettings(start: [-2, 1], steps: 10, optimizer: wrapped))
        #expect(trajectory.switchedAt == 2)
        #expect(trajectory.syncSteps == [3, 6, 9])

        let optimizer = try #require(Optimizer(wrapped, dimension: 2))
        let oracle = GradientOracle(tiltedBowl)
        var x = [-2.0, 1.0]
        for _ in 0..<10 { _ = x.withUnsafeMutableBufferPointer { optimizer.step($0, oracle: oracle) } }
        #expect(optimizer.events == [.switchedToSGD(step: 2), .synchronized(step: 3), .synchronized(step: 6), .synchronized(step: 9)])
        #expect(optimizer.events.switchedAt == 2 && optimizer.events.syncSteps == [3, 6, 9])
    }
}
