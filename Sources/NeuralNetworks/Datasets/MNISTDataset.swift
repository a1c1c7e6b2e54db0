import Foundation

/// MNIST (or any dataset in its layout, e.g. Fashion-MNIST) read from the four IDX files in a local folder.
///
/// The folder holds `train-images-idx3-ubyte`, `train-labels-idx1-ubyte`,
/// `t10k-images-idx3-ubyte` and `t10k-labels-idx1-ubyte`, uncompressed (the `.idx3-ubyte`
/// spelling of some mirrors is accepted too). The official train/test split is kept;
/// pixels are scaled to [0, 1] by /255; the class count is the largest label + 1.
enum MNISTDataset {
    static func load(folder: String) throws(DatasetError) -> (train: LabeledData, test: LabeledData) {
        let train = try pair(folder: folder, prefix: "train")
        let test = try pair(folder: folder, prefix: "t10k")
        guard train.featureCount == test.featureCount else {
            throw .malformed(
                path: folder,
                reason: "training images have \(train.featureCount) pixels, test images \(test.featureCount)")
        }
        let classCount = max(train.classCount, test.classCount)
        return (
            LabeledData(features: train.features, featureCount: train.featureCount, labels: train.labels, classCount: classCount),
            LabeledData(features: test.features, featureCount: test.featureCount, labels: test.labels, classCount: classCount)
        )
    }

    private static func pair(folder: String, prefix: String) throws(DatasetError) -> LabeledData {
        let imagesPath = path(folder: folder, file: "\(prefix)-images-idx3-ubyte")
        let labelsPath = path(folder: folder, file: "\(prefix)-labels-idx1-ubyte")
        let images = try IDXFile.read(path: imagesPath, missingHint: missingFileHint(imagesPath))
        let labels = try IDXFile.read(path: labelsPath, missingHint: missingFileHint(labelsPath))
        guard images.dimensions.count == 3 else {
            throw .malformed(path: imagesPath, reason: "images need 3 dimensions (count, rows, columns), found \(images.dimensions.count)")
        }
        guard labels.dimensions.count == 1 else {
            throw .malformed(path: labelsPath, reason: "labels need 1 dimension, found \(labels.dimensions.count)")
        }
        guard images.dimensions[0] == labels.dimensions[0] else {
            throw .malformed(
                path: labelsPath, reason: "\(labels.dimensions[0]) labels for \(images.dimensions[0]) images in '\(imagesPath)'")
        }
        guard images.dimensions[0] > 0 else { throw .malformed(path: imagesPath, reason: "it holds no images") }
        let pixels = images.dimensions[1] * images.dimensions[2]
        guard pixels > 0 else { throw .malformed(path: imagesPath, reason: "images of \(images.dimensions[1])×\(images.dimensions[2]) pixels") }
        let classLabels = labels.bytes.map(Int.init)
        return LabeledData(
            features: images.bytes.map { Double($0) / 255 }, featureCount: pixels,
            labels: classLabels, classCount: (classLabels.max() ?? 0) + 1)
    }

    /// The four files a folder must hold, canonical names.
    static let fileNames = [
        "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte",
    ]

    /// The path of `file` (a canonical name) in `folder`, or of its `…-images.idx3-ubyte` spelling when only that exists.
    static func path(folder: String, file: String) -> String {
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        let canonical = base + file
        let variant = base + file.replacingOccurrences(of: "-idx", with: ".idx")
        let exists = FileManager.default.fileExists(atPath:)
        return !exists(canonical) && exists(variant) ? variant : canonical
    }

    /// What to do about a missing file: gunzip it when its `.gz` is there, else which files are needed.
    static func missingFileHint(_ path: String) -> String {
        FileManager.default.fileExists(atPath: path + ".gz")
            ? "'\(path).gz' is there: decompress it with gunzip (coursegen reads uncompressed IDX files)"
            : "the MNIST folder must hold the four uncompressed IDX files (\(fileNames.joined(separator: ", ")))"
    }
}
