import Experiments
import Plotting
import TextFormatting
import ExperimentLanguage

/// A number the prose quotes (`=Result(…)`) from a run of a swept experiment: one per
/// variant, each switched with its variant by the sweep's own rules (``SweepPage``).
public enum SweptNumbers {
    /// The markup of `reference` when its number changes with a sweep among `outputs`, the
    /// page's run outputs, each fragment's id prefix in `prefixes`; `nil` when no sweep changes it.
    public static func html(_ reference: ResultReference, outputs: [RunOutput], prefixes: [String]) -> String? {
        for (k, output) in outputs.enumerated() {
            guard let swept = output as? SweepResult else { continue }
            var numbers: [String?] = []
            for variant in swept.variants {
                var replaced = outputs
                replaced[k] = variant
                if case .success(let number) = ResultReferenceResolver.resolve(reference, in: replaced) {
                    numbers.append(number)
                } else {
                    numbers.append(nil)
                }
            }
            guard Set(numbers).count > 1 else { continue }
            let prefix = FigureText.safePrefix(prefixes[k])
            let sweep = swept.sweep
            var out = "<span class=\"cg-swept\">"
            for (index, number) in numbers.enumerated() {
                let separator = index == 0 ? "" : "; "
                out += "<span class=\"\(SweepPage.classes(sweep, index, prefix: prefix))\"><span class=\"cg-swept-name\">\(separator)\(HTML.escape(sweep.pageName(of: index))): </span>"
                out += HTML.escape(number ?? "–") + "</span>"
            }
            return out + "</span>"
        }
        return nil
    }
}
