import ExperimentLanguage
import Experiments
import Plotting
import TextFormatting

/// A sweep's phase diagram (`PhaseDiagram(…)`): a heat map of one summary of a run over the
/// grid of two swept values, whose cells are the labels of one group of radio buttons, one
/// per variant, so that choosing a cell shows its variant (``SweepPage``'s rules, no script).
///
/// The cells are HTML: a CSS grid of `<label>`s, each coloured by its value (``HeatPalette``),
/// its text the value and, for assistive technology, a sentence naming both swept values.
/// Arrow keys move through the cells as through any radio group. Where heavy-ball theory
/// applies (``HeavyBallTheory``) an SVG over the cells draws the border of the region where the
/// iteration converges, in the cells' own coordinates, and a ring marks the fastest α and μ.
enum PhaseDiagramPage {
    /// The tick labels, the cell text and the key are 0.75 rem; these are their widths in CSS
    /// pixels per character (digits, `×`, `⁻` and the like are narrow) and around a cell's text.
    static let characterWidth = 7.0
    static let cellPadding = 6.0

    /// The figure: the heat map with its axes and key, and a caption that says what the
    /// colour is and, when drawn, what the line is.
    static func html(_ result: SweepResult, map: PhaseMap, prefix: String, figure number: FigureNumber?) -> String {
        let sweep = result.sweep
        let (columns, rows) = (sweep.axes[0].values.count, sweep.axes[1].values.count)
        let scale = ColourScale(map)
        var out = number.figureOpen.replacingOccurrences(of: "class=\"cg-figure\"", with: "class=\"cg-figure cg-phase\"")
        out += "\n<div class=\"cg-phase-plot\" style=\"--cg-phase-columns:\(columns);--cg-phase-rows:\(rows)\">\n"
        out += "<div class=\"cg-phase-ytitle\" aria-hidden=\"true\">\(HTML.escape(title(sweep.axes[1])))</div>\n"
        out += "<div class=\"cg-phase-yticks\" aria-hidden=\"true\">"
        for value in sweep.axes[1].values.reversed() { out += "<span>\(HTML.escape(tick(value)))</span>" }
        out += "</div>\n"
        let group = Words.text("phase.cells", ["x": title(sweep.axes[0]), "y": title(sweep.axes[1])])
        out += "<div class=\"cg-phase-cells\" role=\"radiogroup\" aria-label=\"\(HTML.escape(group))\">\n"
        // Rows from the top, the second axis's largest value first, so the grid reads as a plot;
        // arrow keys follow this order.
        for row in (0..<rows).reversed() {
            for column in 0..<columns {
                let variant = sweep.variant([column, row])
                let id = "\(prefix)-c\(variant)"
                let checked = variant == sweep.defaultVariant ? " checked" : ""
                out += "<input type=\"radio\" class=\"cg-phase-radio\" name=\"\(prefix)-c\" id=\"\(id)\"\(checked)>"
                out += cell(map.cells[variant], id: id, name: sweep.pageName(of: variant), map: map, scale: scale)
            }
            out += "\n"
        }
        if let theory = map.theory { out += overlay(theory, sweep: sweep) }
        out += "</div>\n<div class=\"cg-phase-xticks\" aria-hidden=\"true\">"
        for (index, value) in sweep.axes[0].values.enumerated() {
            let minor = index % tickStride(sweep) == 0 ? "" : " class=\"cg-phase-minor\""
            out += "<span\(minor)>\(HTML.escape(tick(value)))</span>"
        }
        out += "</div>\n<div class=\"cg-phase-xtitle\" aria-hidden=\"true\">\(HTML.escape(title(sweep.axes[0])))</div>\n</div>\n"
        out += key(map, scale: scale)
        out += number.captionOpen + "<strong>\(HTML.escape(Words.strings.sentence(result.experiment.title)))</strong>\(Words.sentenceGap)"
        var sentences = [Words.text("phase.caption", ["summary": summaryTitle(map, inSentence: true), "x": title(sweep.axes[0]), "y": title(sweep.axes[1])])]
        if let theory = map.theory { sentences += theoryWords(theory, sweep: sweep) }
        out += HTML.escape(Words.strings.sentences(sentences)) + "</figcaption></figure>\n"
        return out
    }

    /// The sentence that names a variant's cell and what it shows, for assistive technology
    /// and above the variant shown.
    static func sentence(_ cell: PhaseMap.Cell, name: String, map: PhaseMap) -> String {
        switch (cell, map.diagram.summary) {
        case (.value(let v), .stepsTo(let loss)):
            return Words.text("phase.cell.reached", ["values": name, "loss": Numbers.text(loss), "step": String(Int(v))])
        case (.value(let v), _):
            return Words.text(map.minimumIsKnown ? "phase.cell.finalLoss" : "phase.cell.finalValue", ["values": name, "value": Numbers.text(v)])
        case (.notReached, .stepsTo(let loss)):
            return Words.text("phase.cell.notReached", ["values": name, "loss": Numbers.text(loss), "steps": Words.steps(map.steps)])
        case (.notReached, _):
            return Words.text("phase.cell.finite", ["values": name])
        case (.diverged(let step), _):
            return Words.text("phase.cell.diverged", ["values": name, "step": String(step)])
        case (.finite, _):
            return Words.text("phase.cell.finite", ["values": name])
        }
    }

    /// A cell: the label of its radio button, coloured by its value, its visible text short and
    /// hidden from assistive technology, which reads the sentence instead.
    static func cell(_ cell: PhaseMap.Cell, id: String, name: String, map: PhaseMap, scale: ColourScale) -> String {
        var attributes: String
        var text: String
        switch cell {
        case .value(let v):
            let colour = scale.colour(v)
            attributes = "style=\"background:\(colour);color:\(HeatPalette.textColor(on: colour))\""
            text = map.isSteps ? String(Int(v)) : short(v)
        case .notReached:
            attributes = "class=\"cg-phase-missed\""
            text = "–"
        case .diverged(let step):
            attributes = "class=\"cg-phase-diverged\""
            text = map.diagram.summary == .diverged ? String(step) : "✕"
        case .finite:
            attributes = "class=\"cg-phase-finite\""
            text = ""
        }
        return "<label for=\"\(id)\" \(attributes)><span class=\"visually-hidden\">\(HTML.escape(sentence(cell, name: name, map: map)))</span>"
            + "<span class=\"cg-phase-value\" aria-hidden=\"true\">\(HTML.escape(text))</span></label>"
    }

    /// The colour scale and the marks for cells without a number, with their meanings.
    static func key(_ map: PhaseMap, scale: ColourScale) -> String {
        var out = "<div class=\"cg-phase-key\">"
        if let ticks = scale.ticks {
            let stops = (0...10).map { scale.colourAt(Double($0) / 10) }.joined(separator: ",")
            out += "<div class=\"cg-phase-scale\"><span class=\"cg-phase-scale-title\">\(HTML.escape(summaryTitle(map, inSentence: false)))"
            out += scale.isLogarithmic ? HTML.escape(Words.text("phase.logScale")) : ""
            out += "</span><span class=\"cg-phase-bar\" style=\"background:linear-gradient(to right,\(stops))\"></span>"
            out += "<span class=\"cg-phase-scale-ticks\">" + ticks.map { "<span>\(HTML.escape($0))</span>" }.joined() + "</span></div>"
        }
        var entries: [(swatch: String, words: String)] = []
        if map.cells.contains(.notReached), case .stepsTo(let loss) = map.diagram.summary {
            entries.append(("<span class=\"cg-phase-swatch cg-phase-missed\">–</span>",
                            Words.text("phase.key.notReached", ["loss": Numbers.text(loss), "steps": Words.steps(map.steps)])))
        }
        if map.diagram.summary == .diverged {
            entries.append(("<span class=\"cg-phase-swatch cg-phase-finite\"></span>", Words.text("phase.key.finite")))
        }
        if map.cells.contains(where: { if case .diverged = $0 { true } else { false } }) || map.diagram.summary == .diverged {
            let mark = map.diagram.summary == .diverged ? "7" : "✕"
            entries.append(("<span class=\"cg-phase-swatch cg-phase-diverged\">\(mark)</span>",
                            Words.text(map.diagram.summary == .diverged ? "phase.key.divergedAt" : "phase.key.diverged")))
        }
        if map.theory != nil {
            entries.append(("<svg class=\"cg-phase-swatch-line\" viewBox=\"0 0 24 12\" aria-hidden=\"true\"><path class=\"cg-phase-casing\" d=\"M1 6H23\"/><path class=\"cg-phase-line\" d=\"M1 6H23\"/></svg>",
                            Words.text("phase.key.boundary")))
            if map.theory?.optimum != nil {
                entries.append(("<span class=\"cg-phase-swatch-optimum\"></span>", Words.text("phase.key.optimum")))
            }
        }
        for entry in entries {
            out += "<span class=\"cg-phase-entry\">\(entry.swatch.replacingOccurrences(of: "<span class=", with: "<span aria-hidden=\"true\" class="))\(HTML.escape(entry.words))</span>"
        }
        return out + "</div>\n"
    }

    /// The theory's line and ring over the cells, in the cells' coordinates (``PhaseBoundary``).
    static func overlay(_ theory: HeavyBallTheory, sweep: ExperimentSweep) -> String {
        let (columns, rows) = (sweep.axes[0].values.count, sweep.axes[1].values.count)
        let path = PhaseBoundary.path(columns: columns, rows: rows, level: 0) { x, y in
            theory.margin(at: [AxisPosition.value(at: x, on: sweep.axes[0]), AxisPosition.value(at: y, on: sweep.axes[1])])
        }
        var out = ""
        if !path.isEmpty {
            let unit = PhaseBoundary.unit
            out += "<svg class=\"cg-phase-theory\" viewBox=\"0 0 \(columns * unit) \(rows * unit)\" preserveAspectRatio=\"none\" aria-hidden=\"true\" focusable=\"false\">"
            out += "<path class=\"cg-phase-casing\" d=\"\(path)\"/><path class=\"cg-phase-line\" d=\"\(path)\"/></svg>\n"
        }
        if let optimum = theory.optimum {
            var at = [0.0, 0.0]
            at[theory.learningRateAxis!] = optimum.learningRate
            at[theory.momentumAxis!] = optimum.momentum
            let x = AxisPosition.position(of: at[0], on: sweep.axes[0]), y = AxisPosition.position(of: at[1], on: sweep.axes[1])
            if (0...Double(columns)).contains(x), (0...Double(rows)).contains(y) {
                let left = NumberFormat.fixed(100 * x / Double(columns), decimals: 2)
                let top = NumberFormat.fixed(100 * (1 - y / Double(rows)), decimals: 2)
                out += "<span class=\"cg-phase-optimum\" style=\"left:\(left)%;top:\(top)%\" aria-hidden=\"true\"></span>\n"
            }
        }
        return out
    }

    /// What the caption says of the line and the ring.
    static func theoryWords(_ theory: HeavyBallTheory, sweep: ExperimentSweep) -> [String] {
        let eigenvalues = theory.eigenvalues.map(Numbers.text).joined(separator: ", ")
        var words = [Words.text("phase.theory", ["eigenvalues": eigenvalues])]
        if let optimum = theory.optimum {
            var at = [0.0, 0.0]
            at[theory.learningRateAxis!] = optimum.learningRate
            at[theory.momentumAxis!] = optimum.momentum
            let inside = (0...Double(sweep.axes[0].values.count)).contains(AxisPosition.position(of: at[0], on: sweep.axes[0]))
                && (0...Double(sweep.axes[1].values.count)).contains(AxisPosition.position(of: at[1], on: sweep.axes[1]))
            words.append(Words.text(inside ? "phase.theory.optimum" : "phase.theory.optimumOutside", [
                "lr": Numbers.text(optimum.learningRate), "momentum": Numbers.text(optimum.momentum), "rate": Numbers.text(optimum.rate),
            ]))
        }
        return words
    }

    /// An axis's title: its name, and its symbol when the catalog has one.
    static func title(_ axis: SweepAxis) -> String {
        axis.symbol.map { "\(axis.name) (\($0))" } ?? axis.name
    }

    /// What colours the cells: inside the caption's sentence (`inSentence`) or as the key's title.
    static func summaryTitle(_ map: PhaseMap, inSentence: Bool) -> String {
        let group = inSentence ? "phase.summary" : "phase.scale"
        switch map.diagram.summary {
        case .stepsTo(let loss): return Words.text("\(group).steps", ["loss": Numbers.text(loss)])
        case .finalLoss: return Words.text(map.minimumIsKnown ? "\(group).finalLoss" : "\(group).finalValue", ["steps": Words.steps(map.steps)])
        case .diverged: return Words.text("phase.summary.diverged")
        }
    }

    /// A swept value as a tick label: as the author wrote it, the shortest form.
    static func tick(_ value: Double) -> String {
        NumberFormat.significant(value, digits: 3, trimmingZeros: true)
    }

    /// A number short enough for a cell: two significant digits.
    static func short(_ value: Double) -> String {
        NumberFormat.significant(value, digits: 2, trimmingZeros: true)
    }

    /// Every how many columns an x tick is labelled in the narrowest column a figure has,
    /// so that labels do not collide: the others are hidden there (``narrowRules``).
    static func tickStride(_ sweep: ExperimentSweep) -> Int {
        let widest = Double(sweep.axes[0].values.map { tick($0).count }.max() ?? 1) * characterWidth + 4
        let column = narrowGridWidth(sweep) / Double(sweep.axes[0].values.count)
        return max(1, Int((widest / column).rounded(.up)))
    }

    /// The cells' width in the narrowest column (``ResponsiveFigure/narrowWidth``), less the y axis.
    static func narrowGridWidth(_ sweep: ExperimentSweep) -> Double {
        ResponsiveFigure.narrowWidth - yAxisWidth(sweep)
    }

    /// The y title (one line of text turned on its side) and the widest y tick label.
    static func yAxisWidth(_ sweep: ExperimentSweep) -> Double {
        20 + Double(sweep.axes[1].values.map { tick($0).count }.max() ?? 1) * characterWidth + 6
    }

    /// The fragment's rules for columns too narrow for the cells' text or every x tick label,
    /// by container queries on the figure, for the sweep's `<style>` (screens only).
    static func narrowRules(_ result: SweepResult, map: PhaseMap, prefix: String) -> String {
        let sweep = result.sweep
        let columns = Double(sweep.axes[0].values.count)
        let texts = map.cells.map { cell -> Int in
            switch cell {
            case .value(let v): return map.isSteps ? String(Int(v)).count : short(v).count
            case .diverged(let step): return map.diagram.summary == .diverged ? String(step).count : 1
            default: return 1
            }
        }
        let cellText = Double(texts.max() ?? 1) * characterWidth + cellPadding
        let ticks = Double(sweep.axes[0].values.map { tick($0).count }.max() ?? 1) * characterWidth + 4
        let yAxis = yAxisWidth(sweep)
        var rules = ""
        let figure = "#\(prefix) .cg-phase"
        rules += "@container (max-width:\(Int((columns * cellText + yAxis).rounded(.up)))px){\(figure) .cg-phase-value{display:none}}\n"
        rules += "@container (max-width:\(Int((columns * ticks + yAxis).rounded(.up)))px){\(figure) .cg-phase-minor{visibility:hidden}}\n"
        return rules
    }

    /// How values map to colours: linear, or log for losses spanning positive values; the
    /// lowest value is viridis's yellow, the highest its purple, so the fastest and lowest stand out.
    struct ColourScale {
        var low: Double
        var high: Double
        var isLogarithmic: Bool
        /// Three labels under the bar (lowest, middle, highest); `nil` when no cell has a number.
        var ticks: [String]?

        init(_ map: PhaseMap) {
            let values = map.values
            low = values.min() ?? 0
            high = values.max() ?? 1
            isLogarithmic = !map.isSteps && low > 0 && high / low > 10
            guard !values.isEmpty else { ticks = nil; return }
            let middle = isLogarithmic ? (low * high).squareRoot() : (low + high) / 2
            let steps = map.isSteps
            func format(_ value: Double) -> String { steps ? String(Int(value.rounded())) : PhaseDiagramPage.short(value) }
            ticks = low == high ? [format(low)] : [format(low), format(middle), format(high)]
        }

        func fraction(_ value: Double) -> Double {
            guard high > low else { return 0.5 }
            return HeatPalette.fraction(value, from: low, to: high, logarithmic: isLogarithmic)
        }

        func colour(_ value: Double) -> String { colourAt(fraction(value)) }

        /// The colour a fraction `t` of the way from the lowest value to the highest.
        func colourAt(_ t: Double) -> String { HeatPalette.color(1 - t) }
    }
}

extension PhaseMap {
    var isSteps: Bool { if case .stepsTo = diagram.summary { true } else { false } }
}

/// Where a swept value sits along its axis of cells (``CellAxis``).
enum AxisPosition {
    static func position(of value: Double, on axis: SweepAxis) -> Double {
        CellAxis(values: axis.values, isLogarithmic: axis.isLogarithmic).position(of: value)
    }

    static func value(at position: Double, on axis: SweepAxis) -> Double {
        CellAxis(values: axis.values, isLogarithmic: axis.isLogarithmic).value(at: position)
    }
}
