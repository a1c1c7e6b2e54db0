import Testing
@testable import Plotting

/// WCAG 2.2 success criterion 1.4.11: the parts of a graphic needed to read it (lines,
/// markers, contour lines) keep 3:1 against what they are drawn on. Computed from the
/// palette itself, so a colour changed in `Palette` is checked in both themes.
@Suite struct PaletteContrastTests {
    /// (what, colour, background) for every colour a figure draws its data or contours in.
    static var colours: [(String, String, String)] {
        var out: [(String, String, String)] = []
        for (index, colour) in Palette.light.enumerated() { out.append(("series \(index + 1), light", colour, Palette.backgroundLight)) }
        for (index, colour) in Palette.dark.enumerated() { out.append(("series \(index + 1), dark", colour, Palette.backgroundDark)) }
        for named in Palette.namedColors {
            out.append((".\(named.name), light", named.light, Palette.backgroundLight))
            out.append((".\(named.name), dark", named.dark, Palette.backgroundDark))
        }
        out.append(("contour, light", Palette.contourLight, Palette.backgroundLight))
        out.append(("contour, dark", Palette.contourDark, Palette.backgroundDark))
        return out
    }

    @Test func everySeriesAndContourColourKeepsThreeToOneInBothThemes() throws {
        for (what, colour, background) in Self.colours {
            let ratio = try #require(Self.contrast(colour, background), "\(what): \(colour) is not #rrggbb")
            #expect(ratio >= Palette.minimumContrast, "\(what): \(colour) on \(background) is \(ratio):1, below 3:1")
        }
    }

    /// The inline fallback background is white, on which every light colour is darker still.
    @Test func theLightColoursKeepTheirContrastOnTheWhiteFallback() throws {
        for (what, colour, background) in Self.colours where background == Palette.backgroundLight {
            let ratio = try #require(Self.contrast(colour, "#FFFFFF"))
            #expect(ratio >= Palette.minimumContrast, "\(what): \(colour) on white is \(ratio):1")
        }
    }

    /// The formula checks out on WCAG's own reference points: black on white is 21:1,
    /// a colour on itself 1:1, and Okabe–Ito's orange on white the 2.25:1 that failed.
    @Test func contrastFollowsWCAGsDefinition() throws {
        #expect(try #require(Self.contrast("#000000", "#FFFFFF")) == 21)
        #expect(try #require(Self.contrast("#777777", "#777777")) == 1)
        let orange = try #require(Self.contrast("#E69F00", "#FFFFFF"))
        #expect(abs(orange - 2.25) < 0.01)
        #expect(Self.contrast("#12", "#FFFFFF") == nil)
    }

    /// Keeping the hues: the darkened Okabe–Ito colours stay in their hue family, so the
    /// palette stays colour-blind safe (the light and dark series name the same hue).
    @Test func adjustedColoursKeepTheirHue() throws {
        let originals = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]
        for (original, adjusted) in zip(originals, Palette.light) where original != "#000000" {
            let a = try #require(Self.hue(original)), b = try #require(Self.hue(adjusted))
            let difference = min(abs(a - b), 360 - abs(a - b))
            #expect(difference < 6, "\(adjusted) turned \(difference)° away from \(original)")
        }
    }

    /// WCAG's contrast ratio (L1 + 0.05) / (L2 + 0.05) of two `#rrggbb` colours.
    static func contrast(_ a: String, _ b: String) -> Double? {
        guard let la = luminance(a), let lb = luminance(b) else { return nil }
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    static func luminance(_ hex: String) -> Double? {
        guard let (r, g, b) = channels(hex) else { return nil }
        func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    }

    /// The HSV hue in degrees; nil for a grey.
    static func hue(_ hex: String) -> Double? {
        guard let (r, g, b) = channels(hex) else { return nil }
        let high = max(r, g, b), low = min(r, g, b), range = high - low
        guard range > 0 else { return nil }
        let h: Double
        if high == r { h = (g - b) / range } else if high == g { h = (b - r) / range + 2 } else { h = (r - g) / range + 4 }
        return (h * 60 + 360).truncatingRemainder(dividingBy: 360)
    }

    static func channels(_ hex: String) -> (Double, Double, Double)? {
        let digits = Array(hex.dropFirst())
        guard hex.hasPrefix("#"), digits.count == 6, let value = Int(String(digits), radix: 16) else { return nil }
        return (Double(value >> 16 & 255) / 255, Double(value >> 8 & 255) / 255, Double(value & 255) / 255)
    }
}
