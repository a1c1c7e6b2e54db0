import TextFormatting

/// How a figure plays its paths step by step: CSS keyframes, scoped by a selector that holds
/// only while the reader has pressed play, over elements the still figure already has.
///
/// Nothing is drawn twice: a path is revealed through `stroke-dashoffset` over its own
/// `pathLength`, its end marker is moved back along it with `transform`, and every keyframe
/// is one step's exact position, held until the next (`step-end`), never a point between
/// two steps. The last keyframe restores the still figure's values, so the last frame is
/// the still figure, and so is every state the animation does not run in (reduced motion,
/// print, CSS off, before play).
public struct PathAnimation: Hashable, Sendable {
    /// The selector that matches an ancestor-or-sibling context while the figure plays,
    /// e.g. `#x1-play:checked~figure`; each rule is this, a space, and the element's class.
    public var playing: String
    /// From the first step to the last.
    public var seconds: Double
    /// The steps of the runs (the paths have one more point: the start).
    public var steps: Int

    public init(playing: String, seconds: Double, steps: Int) {
        self.playing = playing
        self.seconds = seconds
        self.steps = steps
    }

    /// Keyframes per animation; beyond this many steps, frames are every k-th step (each
    /// still exact), so a run of 10,000 steps costs what one of sixty does.
    public static let maximumFrames = 60

    /// The class every animated element carries, for the theme's reduced-motion, print and
    /// pause rules.
    public static let animatedClass = "cg-anim"

    /// The class of the loss figure's step cursor, which the still figure hides.
    public static let cursorClass = "cg-cursor"

    /// The step shown by each frame: 0, …, `steps`, evenly spaced.
    public var frames: [Int] {
        let count = max(1, min(steps, Self.maximumFrames))
        return (0...count).map { Int((Double($0) * Double(steps) / Double(count)).rounded()) }
    }
}

/// The rules and classes of one figure's animation, collected while the figure is drawn.
struct AnimationSheet {
    let animation: PathAnimation
    /// Prefix of the figure's class and keyframe names (its id prefix).
    let prefix: String
    private(set) var css = ""
    private var count = 0

    init(_ animation: PathAnimation, prefix: String) {
        self.animation = animation
        self.prefix = prefix
    }

    /// The `pathLength` every revealed piece is measured in.
    static let pathLength = 1000.0

    /// Adds an animation whose frame `i` has declarations `values[i]` (the last restoring
    /// the still figure), and returns the class attribute of the element it animates.
    mutating func animate(_ values: [String], also extraClass: String? = nil) -> String {
        let name = "\(prefix)-a\(count)"
        count += 1
        let frames = Double(max(1, values.count - 1))
        css += "@keyframes \(name){"
        var previous: String?
        for (index, value) in values.enumerated() where value != previous || index == values.count - 1 {
            css += NumberFormat.significant(Double(index) / frames * 100, digits: 4, trimmingZeros: true) + "%{\(value)}"
            previous = value
        }
        css += "}\n\(animation.playing) .\(name){animation:\(name) \(NumberFormat.significant(animation.seconds, digits: 4, trimmingZeros: true))s step-end both}\n"
        return " class=\"\(extraClass.map { $0 + " " } ?? "")\(PathAnimation.animatedClass) \(name)\""
    }

    /// The attributes that reveal one piece of a clipped path step by step: `piece` as drawn
    /// (before rounding), whose segment `t` (from point `t − 1` to `t`) ends at step
    /// `firstStep + t − 1`. Empty for a piece of no length.
    mutating func reveal(_ piece: [Point], firstStep: Int) -> String {
        // Lengths between the positions the path data writes (tenths), so that each keyframe
        // ends exactly at a vertex of the drawn path.
        let rounded = piece.map { Point(Double(PathData.tenths($0.x)), Double(PathData.tenths($0.y))) }
        var lengths = [0.0]
        for t in rounded.indices.dropFirst() {
            let dx = rounded[t].x - rounded[t - 1].x, dy = rounded[t].y - rounded[t - 1].y
            lengths.append(lengths[t - 1] + (dx * dx + dy * dy).squareRoot())
        }
        guard let total = lengths.last, total > 0 else { return "" }
        let full = Self.pathLength
        let values = animation.frames.enumerated().map { index, step -> String in
            if index == animation.frames.count - 1 { return "stroke-dasharray:none;stroke-dashoffset:0" }
            let segments = min(max(step - firstStep + 1, 0), rounded.count - 1)
            let hidden = full * (1 - lengths[segments] / total)
            let offset = "stroke-dashoffset:" + NumberFormat.fixed(hidden, decimals: 1)
            return index == 0 ? "stroke-dasharray:\(SVGText.n(full)) \(SVGText.n(full + 1));" + offset : offset
        }
        return animate(values) + " pathLength=\"\(SVGText.n(full))\""
    }

    /// The attributes that move a marker drawn at `drawn[steps]` to each frame's point,
    /// hiding it while that point lies outside `rect`.
    mutating func head(_ drawn: [Point], in rect: Rect) -> String {
        let end = drawn[drawn.count - 1]
        let frames = animation.frames.map { min($0, drawn.count - 1) }
        let leaves = frames.contains { !(drawn[$0].isFinite && rect.contains(drawn[$0])) }
        let values = frames.enumerated().map { index, step -> String in
            if index == frames.count - 1 { return "transform:none" + (leaves ? ";visibility:visible" : "") }
            let p = drawn[step]
            guard p.isFinite, rect.contains(p) else { return "visibility:hidden" }
            let move = "transform:translate(\(SVGText.n(p.x - end.x))px,\(SVGText.n(p.y - end.y))px)"
            return leaves ? move + ";visibility:visible" : move
        }
        return animate(values)
    }

    /// The attributes of an element that appears only with the last frame: a path that cannot
    /// be revealed by its dashes (it has a dash pattern of its own), or step markers.
    mutating func atEnd() -> String {
        animate(["visibility:hidden", "visibility:visible"])
    }

    /// The attributes of a vertical cursor drawn at `x(steps)`, moved to each frame's step
    /// and hidden again at the end.
    mutating func cursor(_ x: (Int) -> Double) -> String {
        let end = x(animation.steps)
        let frames = animation.frames
        let values = frames.enumerated().map { index, step -> String in
            if index == frames.count - 1 { return "transform:none;visibility:hidden" }
            return "transform:translate(\(SVGText.n(x(step) - end))px,0);visibility:visible"
        }
        return animate(values, also: PathAnimation.cursorClass)
    }

    /// The `<style>` element of the figure, or nothing when nothing plays.
    var element: String { css.isEmpty ? "" : "<style>\n\(css)</style>\n" }
}

extension AnimationSheet {
    /// A run's line through `drawn`, clipped to `rect`. A still figure draws it as one `<path>`
    /// whose subpaths are the pieces inside the frame. A playing one draws one `<path>` per
    /// piece (a dash pattern restarts at every subpath, so pieces of one path could not be
    /// revealed in turn), each revealed step by step, or, when the line has a dash pattern of
    /// its own (`attributes` sets one), shown at the end.
    static func lines(_ drawn: [Point], in rect: Rect, attributes: String, sheet: inout AnimationSheet?) -> String {
        guard sheet != nil else {
            var data = PathData()
            for piece in Clipping.clip(drawn, to: rect) where piece.count >= 2 { data.add(piece) }
            return data.isEmpty ? "" : "<path d=\"\(data.text)\"\(attributes)/>\n"
        }
        var out = ""
        for (piece, firstIndex) in Clipping.pieces(drawn, to: rect) where piece.count >= 2 {
            var data = PathData()
            data.add(piece)
            guard !data.isEmpty else { continue }
            var play = ""
            if sheet != nil {
                play = attributes.contains("stroke-dasharray") ? sheet!.atEnd() : sheet!.reveal(piece, firstStep: firstIndex)
            }
            out += "<path d=\"\(data.text)\"\(attributes)\(play)/>\n"
        }
        return out
    }
}
