import ExperimentLanguage
import Experiments
import Objectives
import Plotting
import TextFormatting

/// A swept experiment's fragment: one row of radio buttons per swept value, and every
/// variant's figures and tables, of which CSS shows the one the buttons select.
///
/// The switch is the stylesheet's `:has(:checked)`, no script: the fragment's own rules sit
/// in a `<style>` inside a hidden `<svg>` (the one place HTML allows a style element in the
/// body), each hiding the variants that do not have an axis's checked value; they apply on
/// screens only, so print, and a browser without CSS, shows every variant in order under its
/// name. What every variant shares (the objective, the contours and axes of a common window,
/// the directive's source) is written once; the contours and axes through `<use>`.
enum SweepPage {
    static func html(_ result: SweepResult, idPrefix: String, figure number: FigureNumber?) -> String {
        let prefix = FigureText.safePrefix(idPrefix)
        let sweep = result.sweep
        var variants = result.variants.map(\.experiment)
        // One window for every variant, so that the contours stay put as the reader switches.
        if result.experiment.domain == nil, result.experiment.objective.dimension == 2 {
            var merged = result.experiment
            merged.starts = variants.flatMap(\.starts)
            let window = LandscapeSVG.window(merged, trajectories: [result.variants.flatMap { $0.trajectories.flatMap { $0 } }])
            for index in variants.indices { variants[index].domain = Domain(x: window.x, y: window.y) }
        }
        let sharesObjective = Set(variants.map(\.objective.call)).count == 1
        let backgroundID = "\(prefix)-bg"
        var background: String?
        var formulas: [String] = []
        var body = ""

        let map = sweep.phaseDiagram == nil ? nil : PhaseMap(result)
        var out = ExperimentPage.sectionStart(class: "cg-experiment cg-sweep" + (map == nil ? "" : " cg-phase-sweep"), id: prefix)
        if sharesObjective { out += ExperimentPage.objective(result.experiment.objective) }
        // A phase diagram's cells are the controls, and its figure takes the number.
        var variantNumber = number
        if let map {
            out += PhaseDiagramPage.html(result, map: map, prefix: prefix, figure: number)
            variantNumber = nil
        } else {
            out += controls(sweep, prefix: prefix)
        }
        let id = variantNumber.map { " id=\"\(HTML.escape($0.id))\"" } ?? ""
        out += "<div class=\"cg-variants\"\(id)>\n"
        for (index, variant) in variants.enumerated() {
            body += "<div class=\"cg-variant \(classes(sweep, index, prefix: prefix))\">\n"
            if let map {
                let sentence = PhaseDiagramPage.sentence(map.cells[index], name: sweep.pageName(of: index), map: map)
                body += "<p class=\"cg-variant-name cg-phase-shown\">\(HTML.escape(Words.text("phase.shown", ["cell": sentence])))</p>\n"
            } else {
                body += "<p class=\"cg-variant-name\">\(HTML.escape(sweep.pageName(of: index)))</p>\n"
            }
            if !sharesObjective { body += ExperimentPage.objective(variant.objective) }
            var drawn: String?
            let parts = ExperimentPage.parts(
                variant, trajectories: result.variants[index].trajectories, idPrefix: "\(prefix)-v\(index)", figure: variantNumber,
                numberID: false, sharedBackground: sharesObjective ? backgroundID : nil, background: &drawn)
            if background == nil { background = drawn }
            formulas.append(parts.formulas)
            body += parts.figures + "\u{0}" + parts.results + "</div>\n"
        }
        // The formula table is the same for every variant but for the values it lists: one
        // table, whose values cells switch as the variants do.
        if let table = sharedTable(formulas, sweep: sweep, prefix: prefix) {
            body = body.replacingOccurrences(of: "\u{0}", with: "")
            out += body + "</div>\n" + table
        } else {
            var index = 0
            body = body.split(separator: "\u{0}", omittingEmptySubsequences: false).enumerated().map { part, text in
                part == 0 ? String(text) : { index += 1; return formulas[index - 1] + text }()
            }.joined()
            out += body + "</div>\n"
        }
        out += shared(sweep, prefix: prefix, background: sharesObjective ? background : nil,
                      extraRules: map.map { PhaseDiagramPage.narrowRules(result, map: $0, prefix: prefix) } ?? "")
        out += ExperimentPage.source(result.experiment.source)
        return out + "</section>\n"
    }

    /// The variants' formula tables as one, when they differ only in their values cells; each
    /// cell then lists every variant's values, of which the sweep's rules show the selected one's.
    static func sharedTable(_ tables: [String], sweep: ExperimentSweep, prefix: String) -> String? {
        let open = "<td><p>", close = "</p></td>"
        func split(_ table: String) -> (frame: [String], cells: [String]) {
            var frame: [String] = [], cells: [String] = []
            var rest = Substring(table)
            while let start = rest.range(of: open), let end = rest.range(of: close, range: start.upperBound..<rest.endIndex) {
                frame.append(String(rest[..<start.lowerBound]))
                cells.append(String(rest[start.upperBound..<end.lowerBound]))
                rest = rest[end.upperBound...]
            }
            frame.append(String(rest))
            return (frame, cells)
        }
        let split = tables.map(split)
        guard let first = split.first, split.allSatisfy({ $0.frame == first.frame }) else { return nil }
        var out = first.frame[0]
        for cell in first.cells.indices {
            out += "<td>"
            let values = split.map { $0.cells[cell] }
            if Set(values).count == 1 {
                out += "<p>\(values[0])</p>"
            } else {
                for (index, value) in values.enumerated() {
                    out += "<p class=\"\(classes(sweep, index, prefix: prefix))\"><span class=\"cg-swept-name\">\(HTML.escape(sweep.pageName(of: index))): </span>\(value)</p>"
                }
            }
            out += "</td>" + first.frame[cell + 1]
        }
        return out
    }

    /// The classes that mark what belongs to `variant` (its part of the page, a number quoted
    /// from it): the sweep's, one per axis value and, for a phase diagram, its cell's, which the
    /// sweep's rules (``shared(_:prefix:background:extraRules:)``) hide unless selected.
    static func classes(_ sweep: ExperimentSweep, _ variant: Int, prefix: String) -> String {
        var classes = ["\(prefix)-v"] + sweep.indices(of: variant).enumerated().map { "\(prefix)-a\($0)-\($1)" }
        if sweep.phaseDiagram != nil { classes.append("\(prefix)-c\(variant)") }
        return classes.joined(separator: " ")
    }

    /// One `fieldset` per axis, its `legend` the swept name (and symbol), a radio button per
    /// value: arrow keys move among them, as among any radio buttons.
    static func controls(_ sweep: ExperimentSweep, prefix: String) -> String {
        var out = "<div class=\"cg-sweep-controls\">\n"
        for (a, axis) in sweep.axes.enumerated() {
            let legend = axis.symbol.map { "\(axis.name) (\($0))" } ?? axis.name
            out += "<fieldset class=\"cg-sweep-axis\"><legend>\(HTML.escape(legend))</legend>"
            for (i, value) in axis.values.enumerated() {
                let id = "\(prefix)-a\(a)-\(i)"
                let checked = i == axis.defaultIndex ? " checked" : ""
                out += "<input type=\"radio\" class=\"cg-sweep-radio\" name=\"\(prefix)-a\(a)\" id=\"\(id)\"\(checked)>"
                out += "<label for=\"\(id)\">\(HTML.escape(NumberFormat.shortest(value)))</label>"
            }
            out += "</fieldset>\n"
        }
        return out + "</div>\n"
    }

    /// The hidden `<svg>` holding the fragment's switching rules and what the variants share.
    /// A rule per axis and value: while that value is checked, hide every variant (and every
    /// number quoted from one, ``SweptNumbers``) without it.
    /// A phase diagram's cells are one group, a rule per cell. `extraRules` are the phase
    /// diagram's own for narrow columns. `background` defines the contours and axes the
    /// variants' drawings `<use>`.
    static func shared(_ sweep: ExperimentSweep, prefix: String, background: String?, extraRules: String = "") -> String {
        var rules = ""
        if sweep.phaseDiagram != nil {
            for k in sweep.variants.indices {
                rules += ":root:has(#\(prefix)-c\(k):checked) .\(prefix)-v:not(.\(prefix)-c\(k)){display:none}\n"
            }
        } else {
            for (a, axis) in sweep.axes.enumerated() {
                for i in axis.values.indices {
                    rules += ":root:has(#\(prefix)-a\(a)-\(i):checked) .\(prefix)-v:not(.\(prefix)-a\(a)-\(i)){display:none}\n"
                }
            }
        }
        rules += extraRules
        var out = "<svg class=\"cg-sweep-shared\" width=\"0\" height=\"0\" aria-hidden=\"true\" focusable=\"false\">"
        out += "<style>@media screen{\n\(rules)}</style>"
        if let background { out += "<defs>\(background)</defs>" }
        return out + "</svg>\n"
    }
}

extension SweepResult: PageOutput {
    public func html(idPrefix: String, figure: FigureNumber?) -> String { SweepPage.html(self, idPrefix: idPrefix, figure: figure) }
}

extension ExperimentSweep {
    /// "lr = 0.1" or "eps = 1×10⁻⁸": the variant named by its values as a page writes
    /// numbers (``NumberFormat/shortest(_:)``); messages keep the source's `1e-08`.
    func pageName(of variant: Int) -> String {
        zip(axes, values(of: variant)).map { "\($0.name) = \(NumberFormat.shortest($1))" }.joined(separator: ", ")
    }
}
