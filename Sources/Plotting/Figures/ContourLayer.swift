/// The contour lines (and optional filled bands) of a grid, drawn into a plot area.
struct ContourLayer {
    static let simplification = 0.25

    let grid: ScalarGrid
    let levels: [Double]
    let filled: Bool

    /// The markup in coordinates where the grid's ranges fill `rect`.
    func render(in rect: Rect) -> String {
        let mapX = ScaleMapping(scale: .linear, domain: grid.xRange, from: rect.x, to: rect.maxX)
        let mapY = ScaleMapping(scale: .linear, domain: grid.yRange, from: rect.maxY, to: rect.y)
        func draw(_ line: Polyline) -> [Point] {
            Simplification.simplify(line.points.map { Point(mapX($0.x), mapY($0.y)) }, tolerance: Self.simplification)
        }
        var out = ""
        if filled {
            // Each level's region {f ≤ level} is painted faintly; nested regions stack,
            // so the valley comes out darkest.
            out += "<g style=\"fill:\(Palette.band)\" fill-opacity=\".07\" fill-rule=\"evenodd\">\n"
            for level in levels.reversed() {
                var data = PathData()
                for ring in MarchingSquares.sublevelBoundary(grid, level: level) {
                    data.add(draw(ring), closed: true)
                }
                if !data.isEmpty { out += "<path d=\"\(data.text)\"/>\n" }
            }
            out += "</g>\n"
        }
        var data = PathData()
        for lines in MarchingSquares.isolines(grid, levels: levels) {
            for line in lines {
                data.add(draw(line), closed: line.closed)
            }
        }
        if !data.isEmpty {
            out += "<path d=\"\(data.text)\" fill=\"none\" style=\"stroke:\(Palette.contour)\" stroke-width=\".7\"/>\n"
        }
        return out
    }
}
