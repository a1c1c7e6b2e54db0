import ExperimentLanguage
import NeuralNetworks

/// The data section of an `Activations` entry: per initialisation and layer, the
/// histogram's counts, the values below and above its range, the mean and the standard
/// deviation. Labels, initialisations and ranges follow from the directive.
enum ActivationsResultCoding: ResultCoding {
    static func encode(_ result: ActivationsStudyResult) -> [UInt8] {
        var w = EntryWriter()
        w.int(result.result.rows.count)
        for row in result.result.rows {
            w.int(row.layers.count)
            for histogram in row.layers {
                w.int(histogram.layer)
                w.ints(histogram.counts)
                w.int(histogram.below)
                w.int(histogram.above)
                w.double(histogram.mean)
                w.double(histogram.standardDeviation)
            }
        }
        return w.bytes
    }

    /// The result, or nil unless there is one row per `Weights`, one histogram per layer
    /// numbered in order, `bins` counts that with those outside the range add up to every
    /// activation (inputs × units), a finite mean and a finite, non-negative deviation.
    static func decode(_ data: ArraySlice<UInt8>, of study: ActivationsStudy) -> ActivationsStudyResult? {
        let configuration = study.configuration
        let (activations, overflow) = configuration.inputSamples.multipliedReportingOverflow(by: configuration.units)
        guard !overflow else { return nil }
        var r = EntryReader(data)
        guard r.int() == configuration.rows.count else { return nil }
        var rows: [ActivationHistogramsResult.Row] = []
        for row in configuration.rows {
            guard r.int() == configuration.layers else { return nil }
            var layers: [LayerHistogram] = []
            for layer in 1...max(1, configuration.layers) {
                guard r.int() == layer,
                      let counts = r.ints(), counts.count == configuration.bins, counts.allSatisfy({ (0...activations).contains($0) }),
                      let below = r.int(), let above = r.int(), (0...activations).contains(below), (0...activations).contains(above),
                      total(counts, below, above, atMost: activations) == activations,
                      let mean = r.double(), let deviation = r.double(), mean.isFinite, deviation.isFinite, deviation >= 0
                else { return nil }
                layers.append(LayerHistogram(
                    layer: layer, range: configuration.histogramRange, counts: counts, below: below, above: above,
                    mean: mean, standardDeviation: deviation))
            }
            rows.append(ActivationHistogramsResult.Row(label: row.label, initialization: row.initialization, layers: layers))
        }
        guard r.atEnd else { return nil }
        return ActivationsStudyResult(study: study, result: ActivationHistogramsResult(configuration: configuration, rows: rows))
    }

    /// The sum of values each at most `bound`, or nil once it passes `bound`: no sum can overflow.
    private static func total(_ counts: [Int], _ below: Int, _ above: Int, atMost bound: Int) -> Int? {
        var sum = below + above
        for count in counts {
            guard sum <= bound else { return nil }
            sum += count
        }
        return sum <= bound ? sum : nil
    }
}
