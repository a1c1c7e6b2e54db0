import ExperimentLanguage
import MathML
import Optimizers
import Plotting
import Synchronization

/// The formula table: one row per method, its name linked to its paper, its update rule
/// from the catalog as MathML, and either the values a run used or each default.
enum FormulaTableRenderer {
    /// The hyperparameter cell of an experiment's row: for each run of the method, the
    /// values it used in the formula's symbols (`η = 0.3, β₁ = 0.9, β₂ = 0.999`).
    static func experimentTable(_ experiment: Experiment) -> String {
        runsTable(experiment.runs)
    }

    /// The same table for any list of optimizer calls (a training's runs).
    static func runsTable(_ allRuns: [RunDescription]) -> String {
        var methods: [String] = []
        for run in allRuns where !methods.contains(run.optimizer.callName) {
            methods.append(run.optimizer.callName)
        }
        var rows = ""
        for callName in methods {
            guard let spec = OptimizerCatalog.spec(callName: callName) else { continue }
            let runs = allRuns.filter { $0.optimizer.callName == callName }
            var values = ""
            for run in runs {
                let assignments = HyperparameterText.assignments(run.optimizer, spec: spec)
                let extra = HyperparameterText.modifiers(run)
                let body = Words.strings.phrases(assignments + extra)
                values += runs.count > 1 || run.label != spec.displayName
                    ? "<p><b>\(HTML.escape(run.label))</b>\(HTML.escape(Words.text("punctuation.colon")))\(HTML.escape(body))</p>"
                    : "<p>\(HTML.escape(body))</p>"
            }
            rows += row(spec, conditions: spec.shownConditions(for: runs.map(\.optimizer)), last: values, summary: false)
        }
        return table(caption: Words.text("formulas.experimentCaption"), lastHeader: Words.text("formulas.valuesUsed"), rows: rows)
    }

    /// The standalone `Formulas(…)` table: each hyperparameter's symbol, meaning and
    /// default, and the other symbols of the rules. No run sets a switch here, so a switch
    /// that only changes the rule when set (torch's `maximize`) is left out, condition and
    /// legend alike (`docs/language.md` gives each switch's rule in full).
    static func standaloneTable(_ formulas: FormulaTable) -> String {
        var rows = ""
        for spec in formulas.optimizers {
            var legend = "<dl>"
            let switches = spec.switches
            for parameter in spec.hyperparameters where !parameter.symbol.isEmpty && !switches.contains(parameter.name) {
                let meaning = MethodWords.hyperparameter(parameter, of: spec)
                let words = parameter.defaultValue.map { Words.text("formulas.default", ["meaning": meaning, "value": HyperparameterText.value($0)]) }
                    ?? Words.text("formulas.required", ["meaning": meaning])
                legend += "<dt>\(HTML.escape(parameter.symbol))</dt><dd>\(HTML.escape(words))"
                legend += " <code>\(HTML.escape(parameter.name.isEmpty ? Words.text("formulas.unlabeled") : parameter.name))</code></dd>"
            }
            for (index, entry) in spec.notation.enumerated() {
                legend += "<dt>\(MathML.render(latex: entry.latex).markup)</dt><dd>\(HTML.escape(MethodWords.notation(spec, index)))</dd>"
            }
            legend += "</dl>"
            rows += row(spec, conditions: spec.shownConditions(for: []), last: legend, summary: true)
        }
        return table(caption: Words.text("formulas.caption"), lastHeader: Words.text("formulas.symbolsAndDefaults"), rows: rows)
    }

    /// A method's row with the conditions at `conditions` (indices into the spec's); `summary`
    /// adds the catalog's sentence on how the method differs, which the standalone table has room for.
    private static func row(_ spec: OptimizerSpec, conditions shown: [Int], last: String, summary: Bool) -> String {
        let reference = spec.reference
        // The paper's title would make a long tooltip on every page; the citation says
        // enough beside the link.
        var out = "<tr><th scope=\"row\"><a href=\"\(HTML.escape(reference.url))\">"
        out += HTML.escape(spec.displayName) + "</a><br><small>\(PaperCitations.html(reference))</small></th>"
        out += "<td>" + rule(spec) + conditions(spec, shown)
        if summary { out += "<p class=\"cg-summary\">\(HTML.escape(MethodWords.summary(spec)))</p>" }
        out += "</td>"
        return out + "<td>" + last + "</td></tr>\n"
    }

    /// The update rule as one display formula, its lines aligned at the first `=`.
    static func rule(_ spec: OptimizerSpec) -> String {
        // Lines align at their first relation: `=`, or `\leftarrow` in an assignment.
        let lines = spec.formula.map { line -> String in
            guard let relation = [line.range(of: "="), line.range(of: "\\leftarrow")].compactMap({ $0 })
                .min(by: { $0.lowerBound < $1.lowerBound }) else { return line }
            return line[..<relation.lowerBound] + "&" + line[relation.lowerBound...]
        }
        let latex = lines.count == 1 ? spec.formula[0] : "\\begin{aligned}" + lines.joined(separator: " \\\\ ") + "\\end{aligned}"
        // On a phone a long rule scrolls in its box, which a keyboard reaches (tabindex) and a
        // screen reader names when it lands there.
        return "<div class=\"display-math\" tabindex=\"0\" role=\"group\" aria-label=\"\(HTML.escape(Words.text("formulas.updateRule")))\">"
            + blockMath(latex) + "</div>"
    }

    /// Update rules rendered so far, by their LaTeX: a course shows the same few methods in
    /// dozens of tables, and MathML depends on nothing but the formula.
    private static let renderedRules = Mutex<[String: String]>([:])

    /// `latex` as display MathML, rendered once a process.
    static func blockMath(_ latex: String) -> String {
        if let known = renderedRules.withLock({ $0[latex] }) { return known }
        let markup = MathML.render(latex: latex, display: .block).markup
        renderedRules.withLock { $0[latex] = markup }
        return markup
    }

    /// When a line of the rule applies or what replaces it, as a list under the rule: the
    /// conditions at `shown`.
    static func conditions(_ spec: OptimizerSpec, _ shown: [Int]) -> String {
        guard !shown.isEmpty else { return "" }
        return "<ul class=\"cg-conditions\">" + shown.map { "<li>" + sentence(MethodWords.condition(spec, $0)) + "</li>" }.joined() + "</ul>"
    }

    /// A sentence with `$…$` math: the text escaped, each formula as inline MathML.
    static func sentence(_ text: String) -> String {
        text.split(separator: "$", omittingEmptySubsequences: false).enumerated().map { i, part in
            i % 2 == 0 ? HTML.escape(String(part)) : MathML.render(latex: String(part)).markup
        }.joined()
    }

    private static func table(caption: String, lastHeader: String, rows: String) -> String {
        "<div class=\"table-wrap\" tabindex=\"0\"><table class=\"cg-formulas\"><caption>\(HTML.escape(caption))</caption>\n"
            + "<thead><tr><th scope=\"col\">\(HTML.escape(Words.text("formulas.method")))</th><th scope=\"col\">\(HTML.escape(Words.text("formulas.updateRule")))</th>"
            + "<th scope=\"col\">\(HTML.escape(lastHeader))</th></tr></thead>\n"
            + "<tbody>\n\(rows)</tbody></table></div>\n"
    }
}
