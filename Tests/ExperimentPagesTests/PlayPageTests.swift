import CourseTestSupport
import ExperimentLanguage
import Experiments
import Foundation
import Optimizers
import Testing
@testable import ExperimentPages
@testable import Plotting

/// `Play(…)`: paths that draw themselves step by step, by CSS alone, over the still figure's
/// own elements, ending on the still figure.
@Suite struct PlayPageTests {
    static let overshoot = """
        Experiment("Momentum overshoots, then settles") {
            Objective { x, y in x * x / 20 + y * y }
            Minimum(0, 0)
            Start(-7, 2)
            Steps(40)
            SGD(lr: 0.9)
            Momentum(lr: 0.1, momentum: 0.9)
            Play(seconds: 8)
        }
        """

    /// The fragment of `source` as written, and as it is without its `Play` line.
    static func playedAndStill(_ source: String, prefix: String = "m") throws -> (played: String, still: String) {
        var experiment = try Fixtures.experiment(source)
        let trajectories = Fixtures.run(experiment)
        let played = ExperimentPage.html(experiment, trajectories: trajectories, idPrefix: prefix)
        experiment.playback = nil
        let still = ExperimentPage.html(experiment, trajectories: trajectories, idPrefix: prefix)
        return (played, still)
    }

    /// What the animation adds, taken away: the controls, the `<style>` sheets, the classes
    /// and `pathLength`s, and the loss figure's hidden cursor.
    static func withoutAnimation(_ html: String) -> String {
        var out = html
        for pattern in [
            #"<input type="checkbox" id="[^"]*-play" class="cg-play-toggle"><input [^>]*>\n<div class="cg-play">.*?</div>\n"#,
            #"<style>\n[^<]*</style>\n"#,
            #"<path [^>]* visibility="hidden" class="cg-cursor [^"]*"/>\n"#,
            #" class="cg-anim [^"]*""#,
            #" pathLength="1000""#,
        ] {
            out = out.replacingOccurrences(of: pattern, with: "", options: .regularExpression)
        }
        return out
    }

    /// `html` with consecutive `<path>`s that differ only in their data joined into one: a
    /// playing line clipped by the frame is one `<path>` per piece, a still one a `<path>`
    /// whose subpaths are the pieces, the same drawing.
    static func joiningPaths(_ html: String) -> String {
        var out = html, joined = ""
        while joined != out {
            joined = out
            out = out.replacingOccurrences(of: #"<path d="([^"]*)"( [^>]*)/>\n<path d="(M[^"]*)"\2/>"#, with: "<path d=\"$1$3\"$2/>",
                                           options: .regularExpression)
        }
        return out
    }

    /// How many subpaths the page's `<path>`s draw.
    static func subpaths(_ html: String) -> Int {
        html.matches(of: #/ d="([^"]*)"/#).reduce(0) { $0 + $1.output.1.filter { $0 == "M" }.count }
    }

    /// The directive's source box, which shows `Play` where it is written.
    static func withoutSource(_ html: String) -> String {
        html.replacingOccurrences(of: #"<details class="cg-source">.*?</details>\n"#, with: "", options: .regularExpression)
    }

    @Test func playingFragmentMatchesGolden() throws {
        let experiment = try Fixtures.experiment(Self.overshoot)
        let html = ExperimentPage.html(experiment, trajectories: Fixtures.run(experiment), idPrefix: "m")
        try GoldenFile.check(html, named: "play.html")
        #expect(!html.contains("<script"))
    }

    /// The last frame is the still figure: the played fragment without its animation is the
    /// still one, byte for byte, for an overlay, small multiples with a path that diverges
    /// out of the frame (pieces), a schedule-free run (dashed evaluated path) and a 1-D curve.
    @Test(arguments: [
        overshoot,
        Fixtures.rosenbrock.replacingOccurrences(of: "Steps(200)", with: "Steps(200)\n    Play()"),
        Fixtures.bowl.replacingOccurrences(of: "Steps(30)", with: "Steps(30)\n    Play()"),
        Fixtures.scheduleFree.replacingOccurrences(of: "Steps(", with: "Play()\n    Steps("),
        """
        Experiment("A bowl in one variable") {
            Objective { x in x * x }
            Minimum(0)
            Start(3)
            Steps(12)
            SGD(lr: 0.9)
            Play()
        }
        """,
    ])
    func lastFrameIsTheStillFigure(_ source: String) throws {
        #expect(source.contains("Play("))
        let (played, still) = try Self.playedAndStill(source)
        #expect(played != still)
        #expect(played.contains("cg-anim"))
        #expect(Self.joiningPaths(Self.withoutSource(Self.withoutAnimation(played))) == Self.joiningPaths(Self.withoutSource(still)))
        // Nothing is drawn again: the same subpaths, and one more in each drawing, wide and
        // narrow (the loss curves' cursor).
        #expect(Self.subpaths(played) == Self.subpaths(still) + 2)
    }

    /// Each keyframe shows exactly the path up to its step: the revealed length ends at the
    /// vertex of that step, and the end marker sits on that step's point.
    @Test func framesAreExactSteps() throws {
        let experiment = try Fixtures.experiment(Self.overshoot)
        let html = ExperimentPage.html(experiment, trajectories: Fixtures.run(experiment), idPrefix: "m")
        // SGD's path: the first revealed path of the landscape.
        let path = try #require(html.firstMatch(of: #/<path d="([^"]*)" style="stroke:[^"]*" class="cg-anim (m-p-a\d+)" pathLength="1000"/>/#))
        let name = String(path.output.2)
        let points = Self.absolutePoints(String(path.output.1))
        #expect(points.count == 41, "40 steps and the start")
        var lengths = [0.0]
        for k in 1..<points.count { lengths.append(lengths[k - 1] + hypot(points[k].0 - points[k - 1].0, points[k].1 - points[k - 1].1)) }
        let keyframes = try #require(html.firstMatch(of: try Regex("@keyframes \(name)\\{(.*?)\\}\n")))
        let frames = String(keyframes.output[1].substring!).split(separator: "}").map(String.init)
        // 40 steps: one frame per step, 0 % … 100 % by 2.5 %; equal frames are written once.
        var last = -1.0
        for frame in frames {
            let parts = frame.split(separator: "{")
            let percent = try #require(Double(parts[0].dropLast()))
            let step = percent / 2.5
            #expect(step == step.rounded(), "frame at \(percent) % is no step")
            guard let offset = parts[1].split(separator: ";").first(where: { $0.hasPrefix("stroke-dashoffset:") }) else { continue }
            let hidden = try #require(Double(offset.dropFirst("stroke-dashoffset:".count)))
            let expected = 1000 * (1 - lengths[Int(step)] / lengths[40])
            #expect(abs(hidden - expected) <= 0.051, "step \(step): offset \(hidden), expected \(expected)")
            #expect(percent > last)
            last = percent
        }
        #expect(last == 100)
        #expect(html.contains("#m-play:checked~figure .\(name){animation:\(name) 8s step-end both}"))
    }

    /// More steps than frames: sixty frames, each still an exact step.
    @Test func longRunsPlaySixtyExactFrames() {
        let animation = PathAnimation(playing: "#p:checked~figure", seconds: 5, steps: 1000)
        let frames = animation.frames
        #expect(frames.count == 61)
        #expect(frames.first == 0 && frames.last == 1000)
        #expect(zip(frames, frames.dropFirst()).allSatisfy { $0 < $1 })
        #expect(PathAnimation(playing: "", seconds: 1, steps: 3).frames == [0, 1, 2, 3])
    }

    @Test func controlsAreLabelledCheckboxesBeforeTheFigures() throws {
        let experiment = try Fixtures.experiment(Self.overshoot)
        let html = ExperimentPage.html(experiment, trajectories: Fixtures.run(experiment), idPrefix: "m")
        let play = try #require(html.range(of: "<input type=\"checkbox\" id=\"m-play\" class=\"cg-play-toggle\">"))
        let pause = try #require(html.range(of: "<input type=\"checkbox\" id=\"m-pause\" class=\"cg-play-pause\">"))
        let figure = try #require(html.range(of: "<figure"))
        #expect(play.upperBound <= pause.lowerBound && pause.upperBound < figure.lowerBound)
        #expect(html.contains("<label for=\"m-play\" class=\"cg-play-button\"><span class=\"cg-play-icon\" aria-hidden=\"true\"></span>Play the paths step by step</label>"))
        #expect(html.contains("<label for=\"m-pause\" class=\"cg-pause-button\"><span class=\"cg-play-icon\" aria-hidden=\"true\"></span>Pause</label>"))
        // Both figures follow the controls as siblings, so `#m-play:checked~figure` reaches them.
        #expect(html.components(separatedBy: "#m-play:checked~figure .m-p-a").count > 2)
        #expect(html.contains("#m-play:checked~figure .m-l-a0{"))
    }

    /// Absolute points of path data written by ``PathData`` (`M`, `l`, `h`, `v`).
    static func absolutePoints(_ d: String) -> [(Double, Double)] {
        var points: [(Double, Double)] = []
        var x = 0.0, y = 0.0
        var command: Character = "M"
        var numbers: [Double] = []
        var token = ""
        func flushToken() {
            if !token.isEmpty, let value = Double(token) { numbers.append(value) }
            token = ""
        }
        func apply() {
            switch command {
            case "M", "l":
                while numbers.count >= 2 {
                    if command == "M" { x = numbers[0]; y = numbers[1]; command = "l" } else { x += numbers[0]; y += numbers[1] }
                    numbers.removeFirst(2)
                    points.append((x, y))
                }
            case "h":
                for n in numbers { x += n; points.append((x, y)) }
                numbers = []
            case "v":
                for n in numbers { y += n; points.append((x, y)) }
                numbers = []
            default: numbers = []
            }
        }
        for c in d {
            if c.isLetter {
                flushToken(); apply(); command = c
            } else if c == "-" {
                flushToken(); token = "-"
            } else if c == "." && token.contains(".") {
                flushToken(); token = "."
            } else if c == " " {
                flushToken()
            } else {
                token.append(c)
            }
        }
        flushToken()
        apply()
        return points
    }
}
