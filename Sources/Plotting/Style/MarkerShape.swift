import TextFormatting

/// Marker shapes, one per series, so that colour is never the only difference between
/// two optimizers' paths.
public enum MarkerShape: Int, CaseIterable, Hashable, Sendable {
    case circle, square, triangleUp, diamond, triangleDown, pentagon, hexagon, star

    /// The shape for series `index` (0-based), in the order colours are used; each
    /// round of the palette shifts the shapes by one, so series 9 is not series 1's
    /// colour with series 1's shape.
    public static func forSeries(_ index: Int) -> MarkerShape {
        let n = allCases.count
        let k = max(0, index)
        return allCases[(k + k / Palette.count) % n]
    }

    /// Path data centred at the origin, with about the area of a circle of `radius`, so
    /// that no shape looks heavier than another.
    func pathData(radius r: Double) -> String {
        if let (sides, scale, rotation) = regularPolygon {
            return polygon(sides: sides, radius: r * scale, rotation: rotation)
        }
        if self == .circle {
            let d = format(2 * r)
            return "M\(format(-r)) 0a\(format(r)) \(format(r)) 0 1 0 \(d) 0a\(format(r)) \(format(r)) 0 1 0 -\(d) 0z"
        }
        // The star: ten vertices, alternately on an outer and an inner circle.
        var points: [Point] = []
        for k in 0..<10 {
            let radius = k.isMultiple(of: 2) ? r * 1.6 : r * 0.7
            let angle = Double(k) * .pi / 5
            points.append(Point(radius * Math.sin(angle), -radius * Math.cos(angle)))
        }
        return path(points)
    }

    /// The regular polygons: sides, circumradius as a multiple of the marker's radius, and
    /// turn in degrees; `nil` for the circle and the star.
    private var regularPolygon: (sides: Int, scale: Double, rotation: Double)? {
        switch self {
        case .square: (4, 1.25, 45)
        case .triangleUp: (3, 1.55, 0)
        case .diamond: (4, 1.3, 0)
        case .triangleDown: (3, 1.55, 180)
        case .pentagon: (5, 1.15, 0)
        case .hexagon: (6, 1.1, 30)
        case .circle, .star: nil
        }
    }

    /// A regular polygon with a vertex at the top, turned by `rotation` degrees.
    private func polygon(sides: Int, radius: Double, rotation: Double) -> String {
        var points: [Point] = []
        for k in 0..<sides {
            let angle = (Double(k) * 360 / Double(sides) + rotation) * .pi / 180
            points.append(Point(radius * Math.sin(angle), -radius * Math.cos(angle)))
        }
        return path(points)
    }

    private func path(_ points: [Point]) -> String {
        var d = ""
        for (index, p) in points.enumerated() {
            d += (index == 0 ? "M" : "L") + format(p.x) + " " + format(p.y)
        }
        return d + "z"
    }

    private func format(_ x: Double) -> String { NumberFormat.fixed(x, decimals: 2) }
}
