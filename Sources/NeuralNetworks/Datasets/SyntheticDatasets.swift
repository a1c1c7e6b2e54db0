import Foundation
import Optimizers

/// The 2-D toy datasets, drawn from a seeded stream so the same seed gives the same points.
enum SyntheticDatasets {
    /// CS231n's spirals: class j's points sweep radius 0→1 while the angle goes 4j → 4(j+1) radians, plus noise on the angle.
    static func spirals(samplesPerClass: Int, classes: Int, noise: Double, rng: inout Xoshiro256StarStar) -> LabeledData {
        var features = [Double](), labels = [Int]()
        for label in 0..<classes {
            for i in 0..<samplesPerClass {
                let fraction = Double(i) / Double(samplesPerClass - 1)
                let angle = 4 * Double(label) + 4 * fraction + noise * rng.nextNormal()
                features += [fraction * sin(angle), fraction * cos(angle)]
                labels.append(label)
            }
        }
        return LabeledData(features: features, featureCount: 2, labels: labels, classCount: classes)
    }

    /// scikit-learn's `make_moons`: two interleaving half circles (⌊n/2⌋ on the outer one), plus Gaussian noise.
    static func moons(samples: Int, noise: Double, rng: inout Xoshiro256StarStar) -> LabeledData {
        var features = [Double](), labels = [Int]()
        let outer = samples / 2
        let inner = samples - outer
        for (label, count) in [(0, outer), (1, inner)] {
            for i in 0..<count {
                let t = count == 1 ? 0 : Double.pi * Double(i) / Double(count - 1)
                let x = label == 0 ? cos(t) : 1 - cos(t)
                let y = label == 0 ? sin(t) : 1 - sin(t) - 0.5
                features += [x + noise * rng.nextNormal(), y + noise * rng.nextNormal()]
                labels.append(label)
            }
        }
        return LabeledData(features: features, featureCount: 2, labels: labels, classCount: 2)
    }

    /// scikit-learn's `make_blobs` in 2-D: centres uniform in [−10, 10)², isotropic Gaussian clusters of the given std.
    static func blobs(samples: Int, centers: Int, std: Double, rng: inout Xoshiro256StarStar) -> LabeledData {
        let centres = (0..<centers).map { _ in (20 * rng.halfOpenUniform() - 10, 20 * rng.halfOpenUniform() - 10) }
        var features = [Double](), labels = [Int]()
        for (label, centre) in centres.enumerated() {
            // As make_blobs: the first `samples % centers` clusters get one extra point.
            let count = samples / centers + (label < samples % centers ? 1 : 0)
            for _ in 0..<count {
                features += [centre.0 + std * rng.nextNormal(), centre.1 + std * rng.nextNormal()]
                labels.append(label)
            }
        }
        return LabeledData(features: features, featureCount: 2, labels: labels, classCount: centers)
    }
}
