import ExperimentLanguage
import NeuralNetworks

/// The `run --json` encoding of `Training` and `Activations` builders (see `docs/run-json.schema.json`).
extension RunJSON {
    static func training(_ result: TrainingStudyResult, _ w: inout JSONWriter) {
        let study = result.study, report = result.report, c = study.configuration
        w.raw("{")
        w.key("title")
        w.string(study.title)
        w.key("kind")
        w.string("training")
        w.key("dataset")
        w.string(c.dataset.name)
        w.key("trainCount")
        w.integer(report.trainCount)
        w.key("validationCount")
        w.integer(report.validationCount)
        w.key("testCount")
        w.integer(report.testCount)
        w.key("layers")
        w.raw("[" + ([report.featureCount] + c.hidden + [report.classCount]).map(String.init).joined(separator: ",") + "]")
        w.key("parameterCount")
        w.integer(report.parameterCount)
        w.key("iterations")
        w.integer(c.iterations)
        w.key("batchSize")
        w.integer(c.batchSize)
        w.key("seed")
        w.string(String(c.seed))
        w.key("kernel")
        w.string(report.kernel)
        w.key("runs")
        w.raw("[")
        for (i, (run, outcome)) in zip(study.runs, report.results).enumerated() {
            if i > 0 { w.raw(",") }
            w.raw("{")
            w.key("optimizer")
            w.string(run.call)
            w.key("label")
            w.string(run.label)
            w.key("loss")
            w.numbers(outcome.trainingLoss)
            w.key("learningRates")
            w.numbers(outcome.learningRates)
            w.key("checkpoints")
            w.raw("[")
            for (j, checkpoint) in outcome.checkpoints.enumerated() {
                if j > 0 { w.raw(",") }
                w.raw("{")
                w.key("iteration")
                w.integer(checkpoint.iteration)
                w.key("trainAccuracy")
                w.number(checkpoint.trainAccuracy)
                w.key("validationAccuracy")
                w.optionalNumber(checkpoint.validationAccuracy)
                w.key("testAccuracy")
                w.number(checkpoint.testAccuracy)
                w.raw("}")
            }
            w.raw("]")
            w.key("finalTrainLoss")
            w.number(outcome.finalTrainLoss)
            w.key("trainAccuracy")
            w.number(outcome.trainAccuracy)
            w.key("validationAccuracy")
            w.optionalNumber(outcome.validationAccuracy)
            w.key("testAccuracy")
            w.number(outcome.testAccuracy)
            w.key("divergedAt")
            w.optionalInteger(outcome.divergedAt)
            w.key("halted")
            switch outcome.halt {
            case nil: w.raw("null")
            case .hessianUnavailable: w.string("hessianUnavailable")
            case .invalidConfiguration: w.string("invalidConfiguration")
            }
            w.key("syncSteps")
            w.raw("[" + outcome.syncSteps.map(String.init).joined(separator: ",") + "]")
            w.key("switchedAt")
            w.optionalInteger(outcome.switchedAt)
            w.raw("}")
        }
        w.raw("]}")
    }

    static func activations(_ result: ActivationsStudyResult, _ w: inout JSONWriter) {
        let study = result.study, c = study.configuration
        w.raw("{")
        w.key("title")
        w.string(study.title)
        w.key("kind")
        w.string("activations")
        w.key("activation")
        w.string(c.activation.rawValue)
        w.key("layers")
        w.integer(c.layers)
        w.key("units")
        w.integer(c.units)
        w.key("inputs")
        w.integer(c.inputSamples)
        w.key("range")
        w.numbers([c.histogramRange.lowerBound, c.histogramRange.upperBound])
        w.key("seed")
        w.string(String(c.seed))
        w.key("rows")
        w.raw("[")
        for (i, (call, row)) in zip(study.calls, result.result.rows).enumerated() {
            if i > 0 { w.raw(",") }
            w.raw("{")
            w.key("weights")
            w.string(call)
            w.key("label")
            w.string(row.label)
            w.key("histograms")
            w.raw("[")
            for (j, layer) in row.layers.enumerated() {
                if j > 0 { w.raw(",") }
                w.raw("{")
                w.key("layer")
                w.integer(layer.layer)
                w.key("counts")
                w.raw("[" + layer.counts.map(String.init).joined(separator: ",") + "]")
                w.key("below")
                w.integer(layer.below)
                w.key("above")
                w.integer(layer.above)
                w.key("mean")
                w.number(layer.mean)
                w.key("std")
                w.number(layer.standardDeviation)
                w.raw("}")
            }
            w.raw("]}")
        }
        w.raw("]}")
    }
}
