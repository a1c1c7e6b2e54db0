/// Ramer–Douglas–Peucker simplification: drops points whose removal moves the line by
/// less than a tolerance. Contour lines traced on a fine grid are mostly collinear
/// runs, so this is where most of the SVG's bytes are saved.
enum Simplification {
    /// The points of `points` to keep, first and last always kept; `tolerance` in
    /// drawing units.
    static func simplify(_ points: [Point], tolerance: Double) -> [Point] {
        guard points.count > 2 else { return points }
        var keep = [Bool](repeating: false, count: points.count)
        keep[0] = true
        keep[points.count - 1] = true
        let squaredTolerance = tolerance * tolerance
        // An explicit stack: recursion depth would follow the contour's length.
        var stack = [(0, points.count - 1)]
        while let (first, last) = stack.popLast() {
            guard last > first + 1 else { continue }
            var worst = 0.0
            var worstIndex = first
            for index in (first + 1)..<last {
                let d = squaredDistance(points[index], segment: points[first], points[last])
                if d > worst {
                    worst = d
                    worstIndex = index
                }
            }
            if worst > squaredTolerance {
                keep[worstIndex] = true
                stack.append((first, worstIndex))
                stack.append((worstIndex, last))
            }
        }
        var result: [Point] = []
        result.reserveCapacity(points.count / 2)
        for index in points.indices where keep[index] { result.append(points[index]) }
        return result
    }

    static func squaredDistance(_ p: Point, segment a: Point, _ b: Point) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let length = dx * dx + dy * dy
        var t = length > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / length : 0
        t = min(1, max(0, t))
        let ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y
        return ex * ex + ey * ey
    }
}
