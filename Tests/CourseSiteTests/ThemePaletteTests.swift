import Foundation
import Plotting
import Testing
@testable import CourseSite

/// The bundled theme's copy of the figure colours is the Plotting palette's, in light
/// and in dark mode, so the palette's contrast test (`PaletteContrastTests`) holds for
/// the colours a reader sees.
@Suite struct ThemePaletteTests {
    static func blocks() throws -> (light: String, dark: String) {
        let css = BundledStylesheet.css.lowercased()
        let parts = css.components(separatedBy: "@media (prefers-color-scheme: dark)")
        try #require(parts.count >= 2)
        return (parts[0], parts[1].components(separatedBy: "}").first ?? "")
    }

    static func value(_ property: String, in block: String) -> String? {
        guard let start = block.range(of: property + ":") else { return nil }
        let rest = block[start.upperBound...]
        return rest.prefix(while: { $0 != ";" }).trimmingCharacters(in: .whitespaces)
    }

    @Test func theBundledThemeDefinesThePalettesColours() throws {
        let (light, dark) = try Self.blocks()
        for index in 0..<Palette.count {
            #expect(Self.value("--cg-series-\(index + 1)", in: light) == Palette.light[index].lowercased(), "series \(index + 1), light")
            #expect(Self.value("--cg-series-\(index + 1)", in: dark) == Palette.dark[index].lowercased(), "series \(index + 1), dark")
        }
        for named in Palette.namedColors {
            #expect(Self.value("--cg-color-\(named.name)", in: light) == named.light.lowercased(), "\(named.name), light")
            #expect(Self.value("--cg-color-\(named.name)", in: dark) == named.dark.lowercased(), "\(named.name), dark")
        }
        #expect(Self.value("--cg-plot-contour", in: light) == Palette.contourLight.lowercased())
        #expect(Self.value("--cg-plot-contour", in: dark) == Palette.contourDark.lowercased())
        #expect(Self.value("--cg-plot-bg", in: light) == Palette.backgroundLight.lowercased())
        #expect(Self.value("--cg-plot-bg", in: dark) == Palette.backgroundDark.lowercased())
    }
}
