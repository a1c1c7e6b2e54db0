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
        switch self {
        case .circle:
            let d = format(2 * r)
            return "M\(format(-r)) 0a\(format(r)) \(format(r)) 0 1 0 \(d) 0a\(format(r)) \(format(r)) 0 1 0 -\(d) 0z"
        case .square:
            return polygon(sides: 4, radius: r * 1.25, rotation: 45)
        case .triangleUp:
            return polygon(sides: 3, radius: r * 1.55, rotation: 0)
        case .diamond:
            return polygon(sides: 4, radius: r * 1.3, rotation: 0)
        case .triangleDown:
            return polygon(sides: 3, radius: r * 1.55, rotation: 180)
        case .pentagon:
            return polygon(sides: 5, radius: r * 1.15, rotation: 0)
        case .hexagon:
            return polygon(sides: 6, radius: r * 1.1, rotation: 30)
        case .star:
            var points: [Point] = []
            for k in 0..<10 {
                let radius = k.isMultiple(of: 2) ? r * 1.6 : r * 0.7
                let angle = Double(k) * .pi / 5
                points.append(Point(radius * Math.sin(angle), -radius * Math.cos(angle)))
            }
            return path(points)
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
