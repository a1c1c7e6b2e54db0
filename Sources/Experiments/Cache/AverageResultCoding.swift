import ExperimentLanguage

/// The data section of an `Average` entry: the clean signal, the observations and every
/// average, one value per observation.
enum AverageResultCoding: ResultCoding {
    static func encode(_ result: AverageResult) -> [UInt8] {
        var w = EntryWriter()
        w.doubles(result.signal)
        w.doubles(result.observations)
        w.int(result.averages.count)
        for average in result.averages { w.doubles(average) }
        return w.bytes
    }

    /// The result, or nil unless every series has the study's length, the signal is the
    /// study's own (recomputed, bit for bit), and every value is finite. Absurd series can
    /// overflow (`.constant(1e308, noise: 1e308)`); their entries are refused and they are
    /// computed again, which costs milliseconds.
    static func decode(_ data: ArraySlice<UInt8>, of study: AverageStudy) -> AverageResult? {
        var r = EntryReader(data)
        guard let signal = r.doubles(), signal.count == study.samples,
              signal.indices.allSatisfy({ signal[$0].bitPattern == study.signal.value(at: $0 + 1).bitPattern }),
              let observations = r.doubles(), observations.count == study.samples, observations.allSatisfy(\.isFinite),
              r.int() == study.averages.count
        else { return nil }
        var averages: [[Double]] = []
        for _ in study.averages {
            guard let values = r.doubles(), values.count == study.samples, values.allSatisfy(\.isFinite) else { return nil }
            averages.append(values)
        }
        guard r.atEnd else { return nil }
        return AverageResult(study: study, signal: signal, observations: observations, averages: averages)
    }
}
