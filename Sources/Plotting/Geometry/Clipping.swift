/// Clips polylines to a rectangle, so that runs which leave the frame (or diverge to
/// ±∞) stop at its border instead of writing huge coordinates into the SVG.
enum Clipping {
    /// The visible pieces of the polyline through `points`, in order.
    ///
    /// Non-finite points break the line: the segment towards a point at infinity is
    /// dropped, because its direction is unknown.
    static func clip(_ points: [Point], to rect: Rect) -> [[Point]] {
        pieces(points, to: rect).map(\.points)
    }

    /// ``clip(_:to:)``'s pieces, each with the index in `points` of its second point: piece
    /// point `t ≥ 1` is (the clipped end of) `points[firstIndex + t - 1]`.
    static func pieces(_ points: [Point], to rect: Rect) -> [(points: [Point], firstIndex: Int)] {
        var pieces: [(points: [Point], firstIndex: Int)] = []
        var current: [Point] = []
        var firstIndex = 0
        func flush() {
            if current.count >= 2 { pieces.append((current, firstIndex)) }
            current = []
        }
        if points.count == 1, points[0].isFinite, rect.contains(points[0]) { return [([points[0]], 0)] }
        for index in points.indices.dropFirst() {
            let a = points[index - 1], b = points[index]
            guard a.isFinite, b.isFinite, let (p, q) = clipSegment(a, b, to: rect) else {
                flush()
                continue
            }
            if let last = current.last, last == p {
                current.append(q)
            } else {
                flush()
                current = [p, q]
                firstIndex = index
            }
            // The segment left the rectangle: the next visible piece starts anew.
            if q != b { flush() }
        }
        flush()
        return pieces
    }

    /// Liang–Barsky: the part of segment `a`–`b` inside `rect`, or `nil`.
    static func clipSegment(_ a: Point, _ b: Point, to rect: Rect) -> (Point, Point)? {
        let dx = b.x - a.x, dy = b.y - a.y
        var t0 = 0.0, t1 = 1.0
        let checks: [(Double, Double)] = [
            (-dx, a.x - rect.x), (dx, rect.maxX - a.x),
            (-dy, a.y - rect.y), (dy, rect.maxY - a.y),
        ]
        for (p, q) in checks {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let r = q / p
                if p < 0 {
                    if r > t1 { return nil }
                    t0 = max(t0, r)
                } else {
                    if r < t0 { return nil }
                    t1 = min(t1, r)
                }
            }
        }
        let start = t0 == 0 ? a : Point(a.x + t0 * dx, a.y + t0 * dy)
        let end = t1 == 1 ? b : Point(a.x + t1 * dx, a.y + t1 * dy)
        return (start, end)
    }
}
