import CourseTestSupport
import Foundation
import Testing

/// No experiment-derived number is typed by hand in `chapters/`: in every paragraph that names
/// a run of its page, each decimal number, percentage and step count is a setting or claim
/// written in one of the page's fences, is inserted with `` `=Result(…)` `` (code spans are
/// not scanned), or is on the short list below of numbers that are not results.
@Suite struct ProseNumberTests {
    /// Numbers beside run names that are not results, each with why: (file, the number as matched, reason).
    static let notResults: [(file: String, text: String, why: String)] = [
        ("02-momentum.md", "0.3", "exercise 1 asks the reader to set momentum 0.3"),
        ("03-exponentially-weighted-averages.md", "20 steps", "follows from β = 0.9 alone: 1 − 0.9²⁰ ≈ 0.88"),
        ("03-exponentially-weighted-averages.md", "9 steps", "the centre of mass of a window of 19, (19 − 1)/2"),
        ("03-exponentially-weighted-averages.md", "0.99", "exercise 4 asks the reader to set both betas to 0.99"),
        ("03-exponentially-weighted-averages.md", "2.3", "the lag of β = 0.7 alone, 0.7/0.3, in exercise 1's solution"),
        ("03-exponentially-weighted-averages.md", "0.2 %", "follows from β = 0.9 alone: 1 − 0.9⁶⁰ ≈ 0.998, in exercise 3's solution"),
        ("04-adaptive-learning-rates.md", "0.99", "PyTorch's default α"),
        ("04-adaptive-learning-rates.md", "0.9", "the lecture's α"),
        ("04-adaptive-learning-rates.md", "6.5", "the lecture's number"),
        ("04-adaptive-learning-rates.md", "1212.5701", "an arXiv id"),
        ("05-adam.md", "1000 steps", "1/(1 − β₂) for β₂ = 0.999"),
        ("05-adam.md", "6.5", "the lecture's number"),
        ("06-after-adam.md", "step 6", "RAdam's rule: ρ_t > 5 first at t = 6 for β₂ = 0.999, before any run"),
        ("06-after-adam.md", "1712.07628", "an arXiv id"),
        ("07-learning-rate-schedules.md", "1706.02677", "an arXiv id"),
        ("07-learning-rate-schedules.md", "40 steps", "exercise 1's solution claims it in its fence, over: 1...40, which this scan does not read"),
        ("07-learning-rate-schedules.md", "6.6", "the halving time of γ = 0.9 alone, ln 2 / ln(1/0.9), in exercise 2's solution"),
        ("12-training-a-network.md", "90 steps", "an epoch of 1,437 images in batches of 16, a setting, in exercise 3's solution"),
        ("12-training-a-network.md", "0.5 %", "a hypothetical difference in an exercise"),
        ("13-regularisation.md", "0.5", "exercise 3 asks the reader to set the dropout probability to 0.5"),
        ("13-regularisation.md", "0.9", "SGDW's default momentum, a setting, in exercise 5's solution"),
    ]

    /// Statements and builders, which are not runs.
    static let statements: Set<String> = [
        "Experiment", "Objective", "Start", "Steps", "Domain", "Layout", "Seed", "Minimum", "BatchSize", "Sampling", "Expect",
        "Schedule", "Average", "Training", "Activations", "Dataset", "Network", "Iterations", "Series", "Formulas",
        "ExponentialAverage", "MovingAverage", "WeightedAverage", "Dropout", "Layers", "Initialization",
    ]

    static func matches(_ pattern: String, in text: String, options: NSRegularExpression.Options = []) -> [[String?]] {
        let regex = try! NSRegularExpression(pattern: pattern, options: options)
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { match in
            (0..<match.numberOfRanges).map { match.range(at: $0).location == NSNotFound ? nil : ns.substring(with: match.range(at: $0)) }
        }
    }

    /// `file:line: number` for every number beside a run's name that nothing accounts for.
    static func unaccounted(in text: String, file: String) -> [String] {
        var fenceLines: [String] = [], prose: [(line: Int, text: String)] = []
        var inFence = false
        for (index, quoted) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            // Inside a callout (a quote) the `>` markers come off first: its fences are fences, its blank lines part paragraphs.
            var line = quoted
            while case let spaces = line.prefix(while: { $0 == " " }).count, spaces < 4, line.dropFirst(spaces).first == ">" {
                line = line.dropFirst(spaces + 1)
            }
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("```") { inFence.toggle(); continue }
            if inFence { fenceLines.append(String(line)) } else { prose.append((index + 1, String(line))) }
        }
        let fences = fenceLines.joined(separator: "\n")
        var labels = Set(matches(#"\.label\("([^"]+)"\)"#, in: fences).compactMap { $0[1] })
        labels.formUnion(matches(#"^\s*([A-Z][A-Za-z]+)\("#, in: fences, options: .anchorsMatchLines).compactMap { $0[1] }
            .filter { !statements.contains($0) })
        let written = Set(matches(#"(?<![\w.])\d[\d_]*(?:\.\d+)?(?:[eE][-+]?\d+)?"#, in: fences)
            .compactMap { $0[0].flatMap { Double($0.replacingOccurrences(of: "_", with: "")) } })

        var paragraphs: [[(line: Int, text: String)]] = [[]]
        for entry in prose {
            if entry.text.trimmingCharacters(in: .whitespaces).isEmpty { paragraphs.append([]) } else { paragraphs[paragraphs.count - 1].append(entry) }
        }
        var found: [String] = []
        for paragraph in paragraphs where labels.contains(where: { label in paragraph.contains { $0.text.contains(label) } }) {
            for (line, raw) in paragraph {
                // Math, code spans (among them `=Result(…)` insertions) and link targets are not prose numbers.
                let text = matches(#"\$\$.*?\$\$|\$[^$]*\$|`[^`]*`|\]\([^)]*\)"#, in: raw).reduce(raw) {
                    $0.replacingOccurrences(of: $1[0]!, with: " ")
                }
                for match in matches(#"(\d[\d,]*(?:\.\d+)?)\s*%|step (\d+)|(\d+) steps|(?<![\w.])(\d+\.\d+)(?![\w.])"#, in: text) {
                    guard let number = match.dropFirst().compactMap({ $0 }).first,
                          let value = Double(number.replacingOccurrences(of: ",", with: "")) else { continue }
                    let isPercent = match[1] != nil
                    if written.contains(value) || (isPercent && written.contains { abs($0 - value / 100) < 1e-12 }) { continue }
                    if notResults.contains(where: { file.hasSuffix($0.file) && $0.text == match[0] }) { continue }
                    found.append("\(file):\(line): \(match[0]!)")
                }
            }
        }
        return found
    }

    @Test func everyNumberBesideARunIsInsertedClaimedOrASetting() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: ChapterFences.folder.path).filter { $0.hasSuffix(".md") }.sorted()
        var found: [String] = []
        for name in names {
            let text = try String(contentsOf: ChapterFences.folder.appendingPathComponent(name), encoding: .utf8)
            found += Self.unaccounted(in: text, file: "chapters/" + name)
        }
        #expect(found.isEmpty, "numbers typed beside run names, neither inserted nor claimed:\n\(found.joined(separator: "\n"))")
    }

    @Test func theScanFindsATypedResult() {
        let text = """
        ```experiment
        Experiment("t") {
            Objective(.rosenbrock)
            Adam(lr: 0.1)
            Expect("Adam", reaches: 0.1, within: 30)
        }
        ```

        Adam ends at 0.0123 after 40 steps, within 0.1 of f* in 30 steps,
        at `=Result("Adam", .finalLoss, decimals: 3)` with 97.5 % and lr 0.1.
        """
        #expect(Self.unaccounted(in: text, file: "chapters/x.md") == [
            "chapters/x.md:9: 0.0123", "chapters/x.md:9: 40 steps", "chapters/x.md:10: 97.5 %",
        ])
    }
}
