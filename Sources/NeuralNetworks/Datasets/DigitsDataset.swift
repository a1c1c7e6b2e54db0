/// The UCI optical-recognition handwritten digits: 1,797 images of 8×8 pixels valued 0–16, 10 classes.
///
/// Alpaydin, E. & Kaynak, C. (1998). *Optical Recognition of Handwritten Digits*.
/// UCI Machine Learning Repository. https://doi.org/10.24432/C50P49 — licensed under
/// CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); see `NOTICE` beside this file.
///
/// The data is compiled into coursegen (from scikit-learn's copy, re-encoded as text in
/// `DigitsDataset+Data.swift`), so the default course needs no download and a binary
/// moved away from its build folder still has it. Pixels are scaled to [0, 1] by /16,
/// as scikit-learn's examples and the PyTorch baseline do.
enum DigitsDataset {
    static let imageCount = 1797
    static let pixelCount = 64
    static let classCount = 10

    /// Decoded once per process; decoding takes well under a millisecond per hundred images.
    static let data: LabeledData = decode()

    private static func decode() -> LabeledData {
        var features = [Double]()
        features.reserveCapacity(imageCount * pixelCount)
        var labels = [Int]()
        labels.reserveCapacity(imageCount)
        for line in encoded.utf8.split(separator: UInt8(ascii: "\n")) {
            precondition(line.count == 1 + pixelCount, "corrupt embedded digits line")
            var bytes = line.makeIterator()
            labels.append(Int(bytes.next()! - UInt8(ascii: "0")))
            while let byte = bytes.next() {
                let value = byte <= UInt8(ascii: "9") ? byte - UInt8(ascii: "0") : byte - UInt8(ascii: "a") + 10
                features.append(Double(value) / 16)
            }
        }
        precondition(labels.count == imageCount, "corrupt embedded digits data")
        return LabeledData(features: features, featureCount: pixelCount, labels: labels, classCount: classCount)
    }
}
