import CourseTestSupport
import ExperimentLanguage
import Localization
import Testing

@testable import ExperimentPages

/// A switch's condition under a method's rule (torch's `maximize`, Adam's `decoupledWeightDecay`)
/// shows in an experiment's formula table only where some run of the method sets the switch;
/// conditions the rule always needs show everywhere.
@Suite struct SwitchConditionsTests {
    static func table(_ runs: String) throws -> String {
        let experiment = try Fixtures.experiment("""
            Experiment("switches") {
                Objective { x, y in x * x / 20 + y * y }
                Start(-7, 2)
                Steps(5)
            \(runs)
            }
            """)
        return FormulaTableRenderer.experimentTable(experiment)
    }

    @Test func maximizeShowsOnlyWhereARunSetsIt() throws {
        let plain = try Self.table("    SGD(lr: 0.1)")
        #expect(!plain.contains("With maximize"))
        #expect(plain.contains("With nesterov"), "a condition the rule always needs stays")
        #expect(try !Self.table("    SGD(lr: 0.1, maximize: false)").contains("With maximize"), "the default is not a switch set")

        let maximizing = try Self.table("    SGD(lr: 0.1, maximize: true)")
        #expect(maximizing.components(separatedBy: "With maximize").count - 1 == 1)
        #expect(maximizing.contains("With nesterov"))
    }

    /// One run setting the switch shows its condition once in the method's row, whose other runs
    /// share the rule; another method's row in the same table stays without it.
    @Test func theSwitchBelongsToTheMethodsRow() throws {
        let html = try Self.table("""
                SGD(lr: 0.1)
                SGD(lr: 0.1, maximize: true).label("up")
                Adam(lr: 0.1)
            """)
        let rows = html.components(separatedBy: "<tr><th scope=\"row\">").dropFirst()
        #expect(rows.count == 2)
        let sgd = try #require(rows.first { $0.contains(">SGD</a>") })
        let adam = try #require(rows.first { $0.contains(">Adam</a>") })
        #expect(sgd.contains("With maximize"))
        #expect(!adam.contains("With maximize") && !adam.contains("With decoupled"))
    }

    @Test func decoupledWeightDecayShowsOnlyWhereSet() throws {
        #expect(try !Self.table("    Adam(lr: 0.1, weightDecay: 0.1)").contains("With decoupled"))
        let decoupled = try Self.table("    AMSGrad(lr: 0.1, weightDecay: 0.1, decoupledWeightDecay: true)")
        #expect(decoupled.contains("With decoupled"))
        #expect(!decoupled.contains("With maximize"))
    }

    /// The methods that had a maximize condition before the older ones gained it follow the same rule.
    @Test(arguments: ["ASGD(lr: 0.1)", "Rprop(lr: 0.1)", "Yogi(lr: 0.1)", "SparseAdam(lr: 0.1)"])
    func olderMaximizeConditionsFollowTheRule(_ call: String) throws {
        #expect(try !Self.table("    " + call).contains("With maximize"))
        let set = call.replacingOccurrences(of: ")", with: ", maximize: true)")
        #expect(try Self.table("    " + set).contains("With maximize"))
    }

    /// `Formulas(…)` has no runs: the switches are left out of the conditions and the legend alike,
    /// and the conditions the rule always needs stay.
    @Test func referenceTableLeavesSwitchesOut() throws {
        guard case .formulas(let table) = try Fixtures.parse("Formulas(.sgd, .adam, .radam)") else {
            Issue.record("not a formula table")
            return
        }
        let html = ExperimentPage.html(table, idPrefix: "f")
        #expect(!html.contains("maximize"))
        #expect(html.contains("With nesterov"))
        // RAdam's decoupled weight decay was always shown; Adam's is a switch.
        #expect(html.components(separatedBy: "With decoupled").count - 1 == 1)
    }

    /// The Chinese page shows the switch's condition in Chinese where a run sets it.
    @Test func chineseCondition() throws {
        let strings = PageStrings.catalog(for: try #require(CatalogLanguage.serving("zh-Hans")))
        let html = try PageStrings.with(strings, pageLanguage: "zh-Hans") {
            try Self.table("    Adam(lr: 0.1, maximize: true)")
        }
        #expect(html.contains("使用 maximize 时"))
        #expect(!html.contains("With maximize"))
        let plain = try PageStrings.with(strings, pageLanguage: "zh-Hans") { try Self.table("    Adam(lr: 0.1)") }
        #expect(!plain.contains("使用 maximize 时"))
    }
}
