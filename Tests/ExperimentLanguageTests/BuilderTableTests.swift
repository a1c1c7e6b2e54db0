import CourseDiagnostics
import Foundation
import Testing
@testable import ExperimentLanguage

/// The shared checker reads every rule from the builders' tables: where a misplaced
/// statement belongs, what a builder without runs says of an optimizer call, and which
/// statements the reference lists.
struct BuilderTableTests {
    private func errors(_ text: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let directive = DirectiveParser.parse(text, origin: SourceOrigin(file: "chapters/x.md", line: 1), diagnostics: &diagnostics)
        #expect(directive == nil)
        return diagnostics.filter { $0.severity == .error }
    }

    /// `Network` is a statement of `Training` and of `Activations`, `Sampling` of `Experiment`
    /// and of `Training`: the hint names every builder that takes it (the hand-written table
    /// this replaced sent both to `Training` alone).
    @Test(arguments: [
        ("Network(hidden: [10])", "move it into 'Training(\"…\") { … }' or 'Activations(\"…\") { … }'"),
        ("Sampling(.withReplacement)", "move it into 'Experiment(\"…\") { … }' or 'Training(\"…\") { … }'"),
        ("Weights(.xavierNormal)", "move it into 'Activations(\"…\") { … }'"),
        ("MovingAverage(window: 3)", "move it into 'Average(\"…\") { … }'"),
        ("Adam(lr: 0.1)", "move it into 'Experiment(\"…\") { … }', 'Schedule(\"…\") { … }' or 'Training(\"…\") { … }'"),
    ])
    func aMisplacedStatementNamesEveryBuilderThatTakesIt(_ statement: String, _ hint: String) {
        let found = errors(statement)
        #expect(found.count == 1)
        #expect(found.first?.message == "'\(statement.prefix { $0 != "(" })' belongs inside a builder's closure")
        #expect(found.first?.hint == hint)
    }

    @Test
    func anUnknownBuilderIsStillSuggested() {
        let found = errors("Trainig(\"t\") { }")
        #expect(found.map(\.message) == ["unknown builder 'Trainig'; did you mean 'Training'?"])
    }

    @Test
    func anOptimizerInABuilderWithoutRunsSaysWhereOptimizersGo() {
        let found = errors("""
        Activations("t") {
            Weights(.xavierNormal)
            Adam(lr: 0.1)
        }
        """)
        #expect(found.map(\.message) == ["'Adam' is an optimizer; an activation study has no runs"])
        #expect(found.first?.hint == "optimizer calls belong in 'Experiment', 'Schedule' or 'Training'")
    }

    @Test
    func anotherBuildersStatementIsUnknownWithAHintToItsBuilder() {
        let found = errors("""
        Activations("t") {
            Weights(.xavierNormal)
            Dataset(.digits)
        }
        """)
        #expect(found.map(\.message) == ["unknown statement 'Dataset'"])
        #expect(found.first?.hint == "'Dataset' belongs in 'Training'")
    }

    @Test
    func modifiersAreRejectedWhereTheTableAllowsNone() {
        let found = errors("""
        Activations("t") {
            Weights(.xavierNormal).label("X")
            Inputs(10).label("n")
        }
        """)
        #expect(found.map(\.message) == ["'Inputs' takes no modifiers"])
        #expect(found.first?.hint == "only 'Weights' takes .label")
    }

    /// Every builder's table is well formed: unique names, and a hint for each required statement.
    @Test(arguments: BuilderDescription.all.map(\.name))
    func everyTableIsWellFormed(_ name: String) throws {
        let builder = try #require(BuilderDescription.named(name))
        #expect(Set(builder.statements.map(\.name)).count == builder.statements.count)
        for statement in builder.statements where statement.isRequired {
            #expect(statement.missingHint != nil, "\(name).\(statement.name) is required but has no hint for when it is missing")
        }
        #expect(StatementSpec.builders.contains { $0.name == name })
    }

    /// "How to add a builder" in docs/ARCHITECTURE.md names files that exist, and names the
    /// shared checker and the registry where they are.
    @Test
    func theArchitectureGuideNamesRealFiles() throws {
        let root = ReferenceTests.referencePath.deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/ARCHITECTURE.md"), encoding: .utf8)
        let section = try #require(text.components(separatedBy: "## How to add a builder").dropFirst().first?
            .components(separatedBy: "\n## ").first)
        let paths = section.components(separatedBy: "`").filter { $0.hasPrefix("Sources/") && !$0.contains("<") }
        #expect(paths.count >= 4)
        for path in paths {
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path), "\(path) does not exist")
        }
        let directive = try String(contentsOf: root.appendingPathComponent("Sources/ExperimentLanguage/Model/Directive.swift"), encoding: .utf8)
        #expect(directive.contains("static let all: [BuilderDescription]"))
    }
}
