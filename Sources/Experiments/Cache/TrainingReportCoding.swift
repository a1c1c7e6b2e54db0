import ExperimentLanguage
import NeuralNetworks
import Optimizers

/// The data section of a `Training` entry of the result cache (framed by ``CacheEntry``):
/// space-separated text tokens.
///
/// Doubles are their IEEE 754 bit patterns in hex, so a cached build reproduces a cold
/// one bit for bit; strings are hex-encoded UTF-8. The configuration and the labels are
/// not stored: the configuration's meaning is in the key, and the labels, title and claims
/// are taken from the directive as it is now, so a label edit shows with the stored numbers.
enum TrainingReportCoding: ResultCoding {
    static func encode(_ report: TrainingReport) -> [UInt8] {
        var w = Writer()
        w.string(report.kernel)
        for count in [report.trainCount, report.validationCount, report.testCount, report.featureCount, report.classCount,
                      report.parameterCount, report.results.count] {
            w.int(count)
        }
        for result in report.results {
            w.doubles(result.trainingLoss)
            w.doubles(result.learningRates)
            w.doubles(result.gradientNorms)
            w.int(result.checkpoints.count)
            for checkpoint in result.checkpoints {
                w.int(checkpoint.iteration)
                w.double(checkpoint.trainAccuracy)
                // Present exactly when the training holds a validation set out (validationCount > 0).
                if let validation = checkpoint.validationAccuracy { w.double(validation) }
                w.double(checkpoint.testAccuracy)
            }
            w.double(result.finalTrainLoss)
            w.double(result.trainAccuracy)
            if let validation = result.validationAccuracy { w.double(validation) }
            w.double(result.testAccuracy)
            w.optionalInt(result.divergedAt)
            switch result.halt {
            case nil: w.int(0)
            case .hessianUnavailable: w.int(1)
            case .invalidConfiguration(let messages):
                w.int(2)
                w.int(messages.count)
                for message in messages { w.string(message) }
            }
            if let boundary = result.decisionBoundary {
                w.int(1)
                for bound in [boundary.xRange.lowerBound, boundary.xRange.upperBound, boundary.yRange.lowerBound, boundary.yRange.upperBound] {
                    w.double(bound)
                }
                w.int(boundary.columns)
                w.int(boundary.rows)
                w.ints(boundary.predictions)
                for (points, labels) in [(boundary.trainPoints, boundary.trainLabels), (boundary.testPoints, boundary.testLabels)] {
                    w.doubles(points)
                    w.ints(labels)
                }
            } else {
                w.int(0)
            }
            w.ints(result.syncSteps)
            w.optionalInt(result.switchedAt)
        }
        return Array(w.text.utf8)
    }

    /// The report in `data`, or nil unless it is UTF-8 text whose shape (one result per run
    /// of `study`) and values match.
    static func decode(_ data: ArraySlice<UInt8>, of study: TrainingStudy) -> TrainingReport? {
        guard let text = String(validating: data, as: UTF8.self) else { return nil }
        var r = Reader(text: text)
        return decodeReport(&r, study: study)
    }

    /// Decodes the data section, checking every count and value against what a training of
    /// `study` can produce: a forged entry with a valid checksum is refused, not trusted.
    /// Counts are bounded by the tokens left before anything is allocated, and no arithmetic
    /// on a stored number can trap.
    private static func decodeReport(_ r: inout Reader, study: TrainingStudy) -> TrainingReport? {
        guard let kernel = r.string(), let trainCount = r.int(), let validationCount = r.int(), let testCount = r.int(), let featureCount = r.int(), let classCount = r.int(),
              let parameterCount = r.int(), let runCount = r.int(), runCount == study.runs.count,
              trainCount >= 1, testCount >= 0, validationCount >= 0,
              (validationCount > 0) == study.configuration.hasValidation, featureCount >= 1, (1...maximumClasses).contains(classCount), parameterCount >= 1
        else { return nil }
        let configuration = study.configuration
        let iterations = configuration.iterations
        let classes = 0..<classCount
        let hasValidation = validationCount > 0
        /// The validation accuracy that follows when the training has a validation set: `.some(nil)` on a bad token.
        func readValidation(_ r: inout Reader) -> Double?? {
            guard hasValidation else { return .some(nil) }
            guard let x = r.double(), (0...1).contains(x) else { return nil }
            return .some(x)
        }
        var results: [TrainingResult] = []
        for run in configuration.runs {
            guard let losses = r.doubles(), let rates = r.doubles(), losses.count == rates.count, losses.count <= iterations,
                  rates.allSatisfy(\.isFinite),
                  let gradientNorms = r.doubles(), gradientNorms.count == losses.count,
                  // A norm can overflow to infinity, or be NaN on the step that diverged, but is never negative.
                  gradientNorms.allSatisfy({ !($0 < 0) }),
                  let checkpointCount = r.count(), checkpointCount >= 1
            else { return nil }
            var checkpoints: [TrainingCheckpoint] = []
            for _ in 0..<checkpointCount {
                guard let iteration = r.int(), let train = r.double(), let validation = readValidation(&r), let test = r.double(),
                      iteration >= (checkpoints.last.map { $0.iteration + 1 } ?? 0), iteration <= losses.count,
                      (0...1).contains(train), (0...1).contains(test)
                else { return nil }
                checkpoints.append(TrainingCheckpoint(iteration: iteration, trainAccuracy: train, validationAccuracy: validation, testAccuracy: test))
            }
            guard checkpoints[0].iteration == 0,
                  let finalLoss = r.double(), finalLoss >= 0,
                  let trainAccuracy = r.double(), trainAccuracy == checkpoints[checkpoints.count - 1].trainAccuracy,
                  let validationAccuracy = readValidation(&r), validationAccuracy == checkpoints[checkpoints.count - 1].validationAccuracy,
                  let testAccuracy = r.double(), testAccuracy == checkpoints[checkpoints.count - 1].testAccuracy,
                  let divergedAt = r.optionalInt(), let haltTag = r.int()
            else { return nil }
            var halt: TrainingResult.Halt?
            switch haltTag {
            case 0: halt = nil
            case 1: halt = .hessianUnavailable
            case 2:
                guard let messages = r.strings() else { return nil }
                halt = .invalidConfiguration(messages)
            default: return nil
            }
            // The losses tell how the run ended: all of them, finite; or up to the one that was not.
            if let divergedAt {
                guard divergedAt == losses.count, divergedAt >= 1, losses.dropLast().allSatisfy(\.isFinite) else { return nil }
            } else {
                guard losses.allSatisfy(\.isFinite) else { return nil }
                switch halt {
                case nil: guard losses.count == iterations else { return nil }
                case .hessianUnavailable: guard losses.count < iterations else { return nil }
                case .invalidConfiguration: guard losses.isEmpty else { return nil }
                }
            }
            guard let hasBoundary = r.int() else { return nil }
            var boundary: DecisionBoundary?
            if hasBoundary == 1 {
                guard featureCount == 2,
                      let x0 = r.double(), let x1 = r.double(), let y0 = r.double(), let y1 = r.double(),
                      x0.isFinite, x1.isFinite, y0.isFinite, y1.isFinite, x0 < x1, y0 < y1,
                      let columns = r.int(), let rows = r.int(),
                      (1...maximumBoundaryCells).contains(columns), (1...maximumBoundaryCells).contains(rows),
                      let predictions = r.ints(), predictions.count == columns * rows, predictions.allSatisfy(classes.contains),
                      let trainPoints = r.doubles(), let trainLabels = r.ints(),
                      trainLabels.count == trainCount, trainPoints.count == 2 * trainCount,
                      let testPoints = r.doubles(), let testLabels = r.ints(),
                      testLabels.count == testCount, testPoints.count == 2 * testCount,
                      trainLabels.allSatisfy(classes.contains), testLabels.allSatisfy(classes.contains),
                      trainPoints.allSatisfy(\.isFinite), testPoints.allSatisfy(\.isFinite)
                else { return nil }
                boundary = DecisionBoundary(
                    xRange: x0...x1, yRange: y0...y1, columns: columns, rows: rows, predictions: predictions,
                    trainPoints: trainPoints, trainLabels: trainLabels, testPoints: testPoints, testLabels: testLabels)
            } else if hasBoundary != 0 {
                return nil
            }
            guard let syncSteps = r.ints(), let switchedAt = r.optionalInt(),
                  zip(syncSteps, syncSteps.dropFirst()).allSatisfy({ $0 < $1 }),
                  syncSteps.allSatisfy({ (1...iterations).contains($0) }),
                  switchedAt.map({ (0...iterations).contains($0) }) ?? true
            else { return nil }
            results.append(TrainingResult(
                label: run.label, optimizer: run.optimizer, trainingLoss: losses, learningRates: rates, gradientNorms: gradientNorms,
                checkpoints: checkpoints,
                finalTrainLoss: finalLoss, trainAccuracy: trainAccuracy, validationAccuracy: validationAccuracy,
                testAccuracy: testAccuracy, divergedAt: divergedAt,
                halt: halt, decisionBoundary: boundary, syncSteps: syncSteps, switchedAt: switchedAt))
        }
        guard r.atEnd else { return nil }
        return TrainingReport(
            configuration: configuration, trainCount: trainCount, validationCount: validationCount, testCount: testCount, featureCount: featureCount,
            classCount: classCount, parameterCount: parameterCount, datasetCitation: configuration.dataset.citation,
            kernel: kernel, results: results)
    }

    /// Bounds on stored sizes, far above what a training produces (60×60 cells, at most
    /// 100,000 classes), so that products of them cannot overflow.
    static let maximumClasses = 1 << 20
    static let maximumBoundaryCells = 1 << 12

    private struct Writer {
        var text = ""
        private var first = true

        mutating func token(_ token: String) {
            if !first { text += " " }
            first = false
            text += token
        }

        mutating func int(_ n: Int) { token(String(n)) }
        mutating func optionalInt(_ n: Int?) { token(n.map(String.init) ?? "-") }
        mutating func double(_ x: Double) { token(CacheEntry.hex(x.bitPattern)) }
        mutating func string(_ s: String) { token("s" + s.utf8.map { byteHex($0) }.joined()) }

        mutating func doubles(_ xs: [Double]) {
            int(xs.count)
            for x in xs { double(x) }
        }

        mutating func ints(_ ns: [Int]) {
            int(ns.count)
            for n in ns { int(n) }
        }

        private func byteHex(_ byte: UInt8) -> String {
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }
    }

    /// Reads the data section's tokens, each checked for its type; nil on any mismatch.
    /// Tokens are the runs between single spaces (empty ones too), read from the UTF-8
    /// bytes without making a string of each: an entry holds tens of thousands of numbers.
    private struct Reader: EntryFieldReader {
        private let bytes: [UInt8]
        private var position = 0
        private var tokensLeft: Int

        init(text: String) {
            bytes = Array(text.utf8)
            tokensLeft = bytes.reduce(1) { $0 + ($1 == UInt8(ascii: " ") ? 1 : 0) }
        }

        var atEnd: Bool { tokensLeft == 0 }

        /// The next token's bytes.
        private mutating func next() -> Range<Int>? {
            guard tokensLeft > 0 else { return nil }
            tokensLeft -= 1
            let start = position
            while position < bytes.count, bytes[position] != UInt8(ascii: " ") { position += 1 }
            let token = start..<position
            position += 1
            return token
        }

        /// A decimal integer with an optional sign, as `Int(_:)` reads it.
        private func integer(_ token: Range<Int>) -> Int? {
            var i = token.lowerBound
            var negative = false
            if i < token.upperBound, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
                negative = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            guard i < token.upperBound else { return nil }
            var value = 0
            while i < token.upperBound {
                let digit = Int(bytes[i]) - Int(UInt8(ascii: "0"))
                guard (0...9).contains(digit) else { return nil }
                let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
                guard !overflow, !overflow2 else { return nil }
                value = sum
                i += 1
            }
            return value
        }

        private static func hexDigit(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: nil
            }
        }

        mutating func int() -> Int? { next().flatMap(integer) }

        /// A count, bounded by the tokens left so that a corrupt count cannot allocate wildly.
        mutating func count() -> Int? {
            guard let n = int(), n >= 0, n <= tokensLeft else { return nil }
            return n
        }

        mutating func optionalInt() -> Int?? {
            guard let token = next() else { return nil }
            if token.count == 1, bytes[token.lowerBound] == UInt8(ascii: "-") { return .some(nil) }
            guard let n = integer(token) else { return nil }
            return .some(n)
        }

        /// Sixteen hex digits: the bit pattern.
        mutating func double() -> Double? {
            guard let token = next(), token.count == 16 else { return nil }
            var bits: UInt64 = 0
            for i in token {
                guard let digit = Self.hexDigit(bytes[i]) else { return nil }
                bits = bits << 4 | UInt64(digit)
            }
            return Double(bitPattern: bits)
        }

        mutating func string() -> String? {
            guard let token = next(), token.count % 2 == 1, bytes[token.lowerBound] == UInt8(ascii: "s") else { return nil }
            var decoded: [UInt8] = []
            decoded.reserveCapacity(token.count / 2)
            var i = token.lowerBound + 1
            while i < token.upperBound {
                guard let high = Self.hexDigit(bytes[i]), let low = Self.hexDigit(bytes[i + 1]) else { return nil }
                decoded.append(high << 4 | low)
                i += 2
            }
            return String(validating: decoded, as: UTF8.self)
        }

        mutating func doubles() -> [Double]? { list { $0.double() } }
    }
}
