import ExperimentLanguage
import NeuralNetworks

/// The `run --json` encoding of `Training` and `Activations` builders (see `docs/run-json.schema.json`).
extension RunJSON {
    static func training(_ result: TrainingStudyResult, _ w: inout JSONWriter) {
        let study = result.study, report = result.report, c = study.configuration
        entry("training", title: study.title, &w) { w in
            w.field("dataset", c.dataset.name)
            w.field("trainCount", report.trainCount)
            w.field("validationCount", report.validationCount)
            w.field("testCount", report.testCount)
            w.field("layers", integers: [report.featureCount] + c.hidden + [report.classCount])
            w.field("parameterCount", report.parameterCount)
            w.field("iterations", c.iterations)
            w.field("batchSize", c.batchSize)
            w.field("seed", String(c.seed))
            w.field("kernel", report.kernel)
            w.field("runs") { w in
                w.array(zip(study.runs, report.results)) { w, pair in trainingRun(pair.0, pair.1, &w) }
            }
        }
    }

    private static func trainingRun(_ run: RunDescription, _ outcome: TrainingResult, _ w: inout JSONWriter) {
        w.object { w in
            w.field("optimizer", run.call)
            w.field("label", run.label)
            w.field("loss", numbers: outcome.trainingLoss)
            w.field("learningRates", numbers: outcome.learningRates)
            w.field("gradientNorms", numbers: outcome.gradientNorms)
            w.field("checkpoints") { w in
                w.array(outcome.checkpoints) { w, checkpoint in
                    w.object { w in
                        w.field("iteration", checkpoint.iteration)
                        w.field("trainAccuracy", checkpoint.trainAccuracy)
                        w.field("validationAccuracy", checkpoint.validationAccuracy)
                        w.field("testAccuracy", checkpoint.testAccuracy)
                    }
                }
            }
            w.field("finalTrainLoss", outcome.finalTrainLoss)
            w.field("trainAccuracy", outcome.trainAccuracy)
            w.field("validationAccuracy", outcome.validationAccuracy)
            w.field("testAccuracy", outcome.testAccuracy)
            w.field("divergedAt", outcome.divergedAt)
            w.field("halted") { w in
                switch outcome.halt {
                case nil: w.null()
                case .hessianUnavailable: w.string("hessianUnavailable")
                case .invalidConfiguration: w.string("invalidConfiguration")
                }
            }
            w.field("syncSteps", integers: outcome.syncSteps)
            w.field("switchedAt", outcome.switchedAt)
        }
    }

    static func activations(_ result: ActivationsStudyResult, _ w: inout JSONWriter) {
        let study = result.study, c = study.configuration
        entry("activations", title: study.title, &w) { w in
            w.field("activation", c.activation.rawValue)
            w.field("layers", c.layers)
            w.field("units", c.units)
            w.field("inputs", c.inputSamples)
            w.field("range", numbers: [c.histogramRange.lowerBound, c.histogramRange.upperBound])
            w.field("seed", String(c.seed))
            w.field("rows") { w in
                w.array(zip(study.calls, result.result.rows)) { w, pair in
                    w.object { w in
                        w.field("weights", pair.0)
                        w.field("label", pair.1.label)
                        w.field("histograms") { w in
                            w.array(pair.1.layers) { w, layer in
                                w.object { w in
                                    w.field("layer", layer.layer)
                                    w.field("counts", integers: layer.counts)
                                    w.field("below", layer.below)
                                    w.field("above", layer.above)
                                    w.field("mean", layer.mean)
                                    w.field("std", layer.standardDeviation)
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
