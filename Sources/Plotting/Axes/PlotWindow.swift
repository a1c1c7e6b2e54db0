/// The region a landscape figure shows when its author did not choose one: every start
/// and every known minimum, the paths as far as they stay near them, and a margin.
///
/// A diverging path would stretch a bounding box to 10³⁰⁰ and squash everything else into
/// a dot, so path points count only within a limit around the anchors (the starts, the
/// minima and where the finished runs ended): the anchors' box widened on every side by
/// ``reach`` times its larger side. Points beyond it leave the plot, and the figure
/// notes where. The result is rounded outwards to nice ticks.
public enum PlotWindow {
    /// How far beyond the anchors' box a path may wander and still be shown, in multiples
    /// of the box's larger side.
    public static let reach = 1.0
    /// The margin around what is shown, as a fraction of its larger side.
    public static let margin = 0.06
    /// The narrower side is widened to at least this fraction of the wider one, so that
    /// paths along a line still have contours around them.
    public static let minimumAspect = 0.3

    /// The x and y ranges that show `anchors` and `paths`.
    ///
    /// - Parameters:
    ///   - anchors: points that must be shown: starts, known minima, the runs' last points.
    ///   - paths: every run's points; non-finite and far-away points are left out.
    ///   - preferred: a window known to show the function well (a built-in's), kept when it
    ///     already contains everything, widened to contain it otherwise.
    public static func fitting(
        anchors: [Point], paths: [[Point]], preferred: (x: ClosedRange<Double>, y: ClosedRange<Double>)? = nil
    ) -> (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        let finiteAnchors = anchors.filter(\.isFinite)
        guard var box = Box(finiteAnchors) else {
            return preferred ?? (-5...5, -5...5)
        }
        let side = max(box.width, box.height, box.scale * 1e-3, 1e-9)
        let limit = box.widened(by: reach * max(side, box.scale * 0.5))
        for path in paths {
            for p in path where p.isFinite && limit.contains(p) { box.add(p) }
        }
        if let preferred, preferred.x.contains(box.x) && preferred.y.contains(box.y) {
            return preferred
        }
        var shown = box.widened(by: margin * max(box.width, box.height, side))
        shown.ensureAspect(minimumAspect)
        var x = Ticks.niceLinearRange(shown.x.lowerBound, shown.x.upperBound, count: 8)
        var y = Ticks.niceLinearRange(shown.y.lowerBound, shown.y.upperBound, count: 8)
        if let preferred {
            x = min(x.lowerBound, preferred.x.lowerBound)...max(x.upperBound, preferred.x.upperBound)
            y = min(y.lowerBound, preferred.y.lowerBound)...max(y.upperBound, preferred.y.upperBound)
        }
        return (x, y)
    }

    /// An axis-aligned box that grows to contain points.
    private struct Box {
        var x: ClosedRange<Double>
        var y: ClosedRange<Double>

        init?(_ points: [Point]) {
            guard let first = points.first else { return nil }
            x = first.x...first.x
            y = first.y...first.y
            for p in points.dropFirst() { add(p) }
        }

        init(x: ClosedRange<Double>, y: ClosedRange<Double>) {
            self.x = x
            self.y = y
        }

        var width: Double { x.upperBound - x.lowerBound }
        var height: Double { y.upperBound - y.lowerBound }
        /// The size of the coordinates, for boxes that are a single point.
        var scale: Double { max(abs(x.lowerBound), abs(x.upperBound), abs(y.lowerBound), abs(y.upperBound), 1) }

        func contains(_ p: Point) -> Bool { x.contains(p.x) && y.contains(p.y) }

        mutating func add(_ p: Point) {
            x = min(x.lowerBound, p.x)...max(x.upperBound, p.x)
            y = min(y.lowerBound, p.y)...max(y.upperBound, p.y)
        }

        func widened(by d: Double) -> Box {
            Box(x: (x.lowerBound - d)...(x.upperBound + d), y: (y.lowerBound - d)...(y.upperBound + d))
        }

        mutating func ensureAspect(_ ratio: Double) {
            let w = width, h = height
            if h < ratio * w {
                let half = (ratio * w - h) / 2
                y = (y.lowerBound - half)...(y.upperBound + half)
            } else if w < ratio * h {
                let half = (ratio * h - w) / 2
                x = (x.lowerBound - half)...(x.upperBound + half)
            }
        }
    }
}

extension ClosedRange where Bound == Double {
    fileprivate func contains(_ other: ClosedRange<Double>) -> Bool {
        lowerBound <= other.lowerBound && other.upperBound <= upperBound
    }
}
