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
        var out = "<div class=\"table-wrap\" tabindex=\"0\"><table class=\"cg-results\"><caption>Results after \(iterations) iterations "
        out += "(numbers to \(Numbers.digits) significant digits; accuracies of the final network, without dropout)</caption>\n"
        out += "<thead><tr><th scope=\"col\">Run</th><th scope=\"col\">final training loss</th>"
        let hasValidation = result.study.configuration.hasValidation
        out += "<th scope=\"col\">training accuracy</th>"
        if hasValidation { out += "<th scope=\"col\">validation accuracy</th>" }
        out += "<th scope=\"col\">test accuracy</th><th scope=\"col\">diverged</th></tr></thead>\n<tbody>\n"
        for (run, outcome) in zip(result.study.runs, result.report.results) {
            out += "<tr><th scope=\"row\">\(HTML.escape(run.label))</th>"
            out += "<td>\(Numbers.text(outcome.finalTrainLoss))</td>"
            out += "<td>\(percent(outcome.trainAccuracy))</td>"
            if hasValidation { out += "<td>\(outcome.validationAccuracy.map(percent) ?? "–")</td>" }
            out += "<td>\(percent(outcome.testAccuracy))</td>"
            var status = outcome.divergedAt.map { "at iteration \($0)" } ?? "no"
            switch outcome.halt {
            case .hessianUnavailable?: status += "; stopped: no Hessian"
            case .invalidConfiguration(let problems)?: status += "; did not run: " + problems.joined(separator: "; ")
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
        var layers = "\(report.featureCount) inputs"
        if !widths.isEmpty {
            let allEqual = widths.allSatisfy { $0 == widths[0] }
            layers += " → " + (allEqual && widths.count > 1 ? "\(widths.count) × \(widths[0])" : widths.map(String.init).joined(separator: " → "))
            layers += " \(configuration.activation.displayName)"
        }
        layers += " → \(report.classCount) softmax outputs"
        var rows: [(String, String)] = []
        var data = "\(datasetName(configuration.dataset)): \(grouped(report.trainCount)) training"
        data += configuration.hasValidation ? ", \(grouped(report.validationCount)) validation" : ""
        data += " and \(grouped(report.testCount)) test samples"
        if configuration.trainingSamples != nil { data += " (the training set cut to its first \(grouped(report.trainCount)))" }
        rows.append(("Data", HTML.escape(data)))
        var network = HTML.escape(layers + ", \(grouped(report.parameterCount)) parameters")
        if configuration.dropout > 0 { network += HTML.escape(", dropout \(Numbers.text(configuration.dropout)) after each hidden layer in training") }
        rows.append(("Network", network))
        rows.append(("Activation", MathML.render(latex: configuration.activation.latex).markup))
        var weights = HTML.escape(configuration.initialization.displayName)
        let arguments = configuration.initialization.arguments
        if !arguments.isEmpty { weights += " <code>(\(HTML.escape(arguments)))</code>" }
        weights += ": " + MathML.render(latex: configuration.initialization.latex).markup
        weights += "; biases " + MathML.render(latex: configuration.biasInitialization.latex).markup
        rows.append(("Initial weights", weights))
        var loss = "softmax cross-entropy"
        if configuration.l2 > 0 { loss += " plus the L2 penalty (λ/2)‖W‖² with λ = \(Numbers.text(configuration.l2))" }
        rows.append(("Loss", HTML.escape(loss)))
        let sampling = configuration.sampling == .withReplacement ? "drawn with replacement" : "shuffled each epoch"
        rows.append(("Training", HTML.escape(
            "\(grouped(configuration.iterations)) iterations of mini-batches of \(configuration.batchSize), \(sampling); "
                + "accuracy measured every \(configuration.evaluationInterval) iterations; seed \(configuration.seed)")))
        var out = "<div class=\"table-wrap\" tabindex=\"0\"><table class=\"cg-setup\"><caption>Setup: every run starts from the same weights and sees the same mini-batches</caption>\n<tbody>\n"
        for (name, value) in rows { out += "<tr><th scope=\"row\">\(name)</th><td>\(value)</td></tr>\n" }
        out += "</tbody></table></div>\n"
        if let citation = report.datasetCitation { out += "<p class=\"cg-citation\"><small>Data: \(HTML.escape(citation))</small></p>\n" }
        return out
    }

    static func percent(_ fraction: Double) -> String { Numbers.text(100 * fraction) + " %" }

    static func datasetName(_ source: DatasetSource) -> String {
        switch source {
        case .digits: "the UCI 8×8 handwritten digits"
        case .spirals(let perClass, let classes, let noise): "\(classes) spirals of \(perClass) points (noise \(Numbers.text(noise)))"
        case .moons(let samples, let noise): "two moons of \(samples) points (noise \(Numbers.text(noise)))"
        case .blobs(let samples, let centers, let std): "\(centers) Gaussian blobs of \(samples) points (std \(Numbers.text(std)))"
        case .mnist(let path): "MNIST from \(path)"
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
