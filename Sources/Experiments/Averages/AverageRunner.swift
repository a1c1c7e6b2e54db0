import ExperimentLanguage
import Optimizers

/// Computes an ``AverageStudy``: draws the series from its seed and every average of it.
public enum AverageRunner {
    /// The study's result through `cache`, as ``ExperimentRunner/run(_:cache:willRun:)`` does.
    public static func run(_ study: AverageStudy, cache: ResultCache?, willRun: (() -> Void)? = nil) -> AverageResult {
        guard let cache else {
            willRun?()
            return run(study)
        }
        let key = cache.key(study)
        if let result = cache.result(for: key, study: study) { return result }
        willRun?()
        let result = run(study)
        cache.store(result, for: key)
        return result
    }

    /// Observation t is s_t + σ z_t, with z_t the t-th normal of `Xoshiro256StarStar(seed:)`
    /// (drawn even when σ = 0, so a series' noise does not depend on its size).
    public static func run(_ study: AverageStudy) -> AverageResult {
        var random = Xoshiro256StarStar(seed: study.seed)
        let signal = (1...study.samples).map { study.signal.value(at: $0) }
        let sigma = study.signal.noise
        let observations = signal.map { $0 + sigma * random.nextNormal() }
        let averages = study.averages.map { average -> [Double] in
            switch average.method {
            case .moving(let window): return AverageMath.moving(observations, window: window)
            case .weighted(let weights): return AverageMath.weighted(observations, weights: weights)
            case .exponential(let beta, let corrected): return AverageMath.exponential(observations, beta: beta, biasCorrection: corrected)
            }
        }
        return AverageResult(study: study, signal: signal, observations: observations, averages: averages)
    }
}
