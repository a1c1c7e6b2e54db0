import ExperimentLanguage
import Experiments
import MathML
import NeuralNetworks

/// The tables of a `Training` builder: the setup, and the final figures of every run.
enum TrainingTables {
    /// Per run: final training loss, training, validation (when the training holds a validation
    /// set out) and test accuracy, and whether it diverged. No wall times, so that pages stay
    /// byte-identical between builds.
    static func results(_ result: TrainingStudyResult) -> String {
        let iterations = result.study.configuration.iterations
        let caption = Words.text("training.resultsCaption", [
            "iterations": Words.text("count.iterations", count: iterations), "significant": Words.significant(),
        ])
        var out = "<div class=\"table-wrap\" tabindex=\"0\"><table class=\"cg-results\"><caption>\(HTML.escape(caption))</caption>\n<thead><tr>"
        let hasValidation = result.study.configuration.hasValidation
        let headers = ["table.run", "training.finalTrainingLoss", "training.trainingAccuracy"]
            + (hasValidation ? ["training.validationAccuracyHeader"] : []) + ["training.testAccuracyHeader", "table.diverged"]
        for header in headers { out += "<th scope=\"col\">\(HTML.escape(Words.text(header)))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for (run, outcome) in zip(result.study.runs, result.report.results) {
            out += "<tr><th scope=\"row\">\(HTML.escape(run.label))</th>"
            out += "<td>\(Numbers.text(outcome.finalTrainLoss))</td>"
            out += "<td>\(percent(outcome.trainAccuracy))</td>"
            if hasValidation { out += "<td>\(outcome.validationAccuracy.map(percent) ?? "–")</td>" }
            out += "<td>\(percent(outcome.testAccuracy))</td>"
            var status = outcome.divergedAt.map { Words.text("training.atIteration", ["iteration": String($0)]) } ?? Words.text("table.no")
            switch outcome.halt {
            case .hessianUnavailable?: status = Words.strings.clauses([status, Words.text("training.stoppedNoHessian")])
            case .invalidConfiguration(let problems)?:
                status = Words.strings.clauses([status, Words.text("results.didNotRun", ["problems": problems.joined(separator: "; ")])])
            case nil: break
            }
            out += "<td>\(HTML.escape(status))</td></tr>\n"
        }
        return out + "</tbody></table></div>\n"
    }

    /// The data, the network and the loop, with the initialisation's and activation's formulas.
    static func setup(_ result: TrainingStudyResult) -> String {
        let configuration = result.study.configuration
        let report = result.report
        let widths = configuration.hidden
        var layers = Words.text("setup.inputs", ["count": String(report.featureCount)])
        if !widths.isEmpty {
            let allEqual = widths.allSatisfy { $0 == widths[0] }
            layers += " → " + (allEqual && widths.count > 1 ? "\(widths.count) × \(widths[0])" : widths.map(String.init).joined(separator: " → "))
            layers += " \(configuration.activation.displayName)"
        }
        layers += " → " + Words.text("setup.outputs", ["count": String(report.classCount)])
        var rows: [(String, String)] = []
        let dataset = datasetName(configuration.dataset)
        var data = configuration.hasValidation
            ? Words.text("setup.samplesWithValidation", [
                "dataset": dataset, "train": grouped(report.trainCount), "validation": grouped(report.validationCount), "test": grouped(report.testCount),
            ])
            : Words.text("setup.samples", ["dataset": dataset, "train": grouped(report.trainCount), "test": grouped(report.testCount)])
        if configuration.trainingSamples != nil {
            data = Words.strings.sentences([data, Words.text("setup.trainingCut", ["count": grouped(report.trainCount)])])
        }
        rows.append(("setup.data", HTML.escape(data)))
        var network = Words.text("setup.parameters", ["layers": layers, "count": grouped(report.parameterCount)])
        if configuration.dropout > 0 {
            network = Words.strings.phrases([network, Words.text("setup.dropout", ["rate": Numbers.text(configuration.dropout)])])
        }
        if configuration.batchNorm {
            network = Words.strings.phrases([network, Words.text("setup.batchNorm")])
        }
        rows.append(("setup.network", HTML.escape(network)))
        rows.append(("setup.activation", MathML.render(latex: configuration.activation.latex).markup))
        var name = HTML.escape(MethodWords.initialization(configuration.initialization))
        let arguments = configuration.initialization.arguments
        if !arguments.isEmpty { name += " <code>(\(HTML.escape(arguments)))</code>" }
        rows.append(("setup.initialWeights", Words.html("setup.weights", [
            "name": name, "rule": MathML.render(latex: configuration.initialization.latex).markup,
            "biasRule": MathML.render(latex: configuration.biasInitialization.latex).markup,
        ])))
        let loss = configuration.l2 > 0
            ? Words.text("setup.crossEntropyL2", ["lambda": Numbers.text(configuration.l2)]) : Words.text("setup.crossEntropy")
        rows.append(("setup.loss", HTML.escape(loss)))
        let sampling = Words.text(configuration.sampling == .withReplacement ? "setup.withReplacement" : "setup.shuffled")
        var loop = Words.text("setup.loop", [
            "iterations": grouped(configuration.iterations), "batch": String(configuration.batchSize), "sampling": sampling,
            "interval": String(configuration.evaluationInterval), "seed": String(configuration.seed),
        ])
        switch configuration.clipping {
        case nil: break
        case .norm(let maxNorm)?: loop = Words.strings.clauses([loop, Words.text("setup.clipNorm", ["threshold": Numbers.text(maxNorm)])])
        case .value(let v)?: loop = Words.strings.clauses([loop, Words.text("setup.clipValue", ["threshold": Numbers.text(v)])])
        }
        rows.append(("setup.training", HTML.escape(loop)))
        let caption = HTML.escape(Words.text("setup.caption"))
        var out = "<div class=\"table-wrap\" tabindex=\"0\"><table class=\"cg-setup\"><caption>\(caption)</caption>\n<tbody>\n"
        for (key, value) in rows { out += "<tr><th scope=\"row\">\(HTML.escape(Words.text(key)))</th><td>\(value)</td></tr>\n" }
        out += "</tbody></table></div>\n"
        if let citation = report.datasetCitation {
            // A dataset is cited as published, in English: a screen reader on a page in
            // another language should read it as English.
            let cited = Words.englishTextAttribute.isEmpty ? HTML.escape(citation) : "<span\(Words.englishTextAttribute)>\(HTML.escape(citation))</span>"
            out += "<p class=\"cg-citation\"><small>\(Words.html("setup.citation", ["citation": cited]))</small></p>\n"
        }
        return out
    }

    static func percent(_ fraction: Double) -> String { Words.percent(Numbers.text(100 * fraction)) }

    static func datasetName(_ source: DatasetSource) -> String {
        switch source {
        case .digits: Words.text("dataset.digits")
        case .spirals(let perClass, let classes, let noise):
            Words.text("dataset.spirals", ["classes": String(classes), "points": String(perClass), "noise": Numbers.text(noise)])
        case .moons(let samples, let noise): Words.text("dataset.moons", ["samples": String(samples), "noise": Numbers.text(noise)])
        case .blobs(let samples, let centers, let std):
            Words.text("dataset.blobs", ["centers": String(centers), "samples": String(samples), "std": Numbers.text(std)])
        case .mnist(let path): Words.text("dataset.mnist", ["path": path])
        }
    }

    /// 1437 → "1,437".
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return (n < 0 ? "−" : "") + out
    }
}
