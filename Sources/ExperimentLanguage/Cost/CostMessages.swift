import CourseDiagnostics
import Foundation
import TextFormatting

/// The wording of budget errors: the estimate, the budget it exceeds, and how to get under it.
public enum CostMessages {
    /// An error at the fence when one fence would cost more than `budget` allows.
    public static func overFenceBudget(_ cost: DirectiveCost, _ budget: CostBudget, at location: SourceLocation) -> Diagnostic? {
        if cost.bytes > budget.bytesPerFence {
            return .error(
                "this directive would hold about \(bytes(cost.bytes)) at once, over the \(bytes(budget.bytesPerFence)) one fence may hold",
                at: location,
                hint: "use fewer samples, runs or steps, a smaller network or smaller batches")
        }
        if cost.operations > budget.operationsPerFence {
            return .error(
                "this directive would take about \(operations(cost.operations)) operations, over the budget of \(operations(budget.operationsPerFence)) for one fence",
                at: location,
                hint: "use fewer runs, steps, iterations or samples, or raise the budget with --max-cost \(operations(cost.operations * 1.1))")
        }
        return nil
    }

    /// Errors at the costliest fences when all of them together exceed the build's budget.
    public static func overBuildBudget(_ costs: [(DirectiveCost, SourceLocation)], _ budget: CostBudget) -> [Diagnostic] {
        let total = costs.reduce(0) { $0 + $1.0.operations }
        guard total > budget.operationsPerBuild else { return [] }
        let costliest = costs.sorted { $0.0.operations > $1.0.operations }.prefix(3)
        return costliest.map { cost, location in
            .error(
                "the directives of this build would take about \(operations(total)) operations together, over the build's budget of \(operations(budget.operationsPerBuild)); this one takes \(operations(cost.operations))",
                at: location,
                hint: "make the costliest directives smaller, or raise the budget with --max-cost \(operations(budget.operationsPerFence * total / budget.operationsPerBuild * 1.1))")
        }
    }

    /// `3.2e13`: two significant digits, as a command-line argument can be written.
    static func operations(_ value: Double) -> String {
        value < 1e4 ? String(Int(value.rounded())) : NumberFormat.printf(value, .exponent, precision: 1).replacingOccurrences(of: "e+", with: "e")
    }

    static func bytes(_ value: Double) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        var v = value, i = 0
        while v >= 1024, i < units.count - 1 { v /= 1024; i += 1 }
        return i == 0 ? "\(Int(v)) bytes" : NumberFormat.printf(v, .fixed, precision: v < 10 ? 1 : 0) + " " + units[i]
    }
}
