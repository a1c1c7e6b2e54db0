/// The series colours and plot colours, as CSS custom properties with Okabe–Ito fallbacks.
///
/// Figures are inlined into HTML pages, so every colour is written as
/// `var(--cg-series-N, #fallback)` in a `style` attribute (presentation attributes do
/// not accept `var()`), and all text and axes use `currentColor`. The page's theme
/// defines the properties and switches them under `prefers-color-scheme: dark`;
/// ``stylesheet`` is a ready-made definition of all of them.
///
/// Custom properties a theme may set:
/// - `--cg-series-1` … `--cg-series-8`: series colours, in order of use.
/// - `--cg-plot-contour`: contour lines.
/// - `--cg-plot-band`: filled contour bands (drawn with low opacity, stacked).
/// - `--cg-plot-bg`: the page background, used for halos behind markers and notes.
/// - `--cg-color-red` … `--cg-color-black`: the colours a series may ask for by name
///   (``namedColors``), so `.color(.purple)` also adapts to dark mode.
public enum Palette {
    /// How many series colours there are before they repeat. Series 9 onwards reuse the
    /// colours with other marker shapes (``MarkerShape/forSeries(_:)``) and dashed lines
    /// (``dash(_:)``), so a figure of twelve runs still tells every line apart.
    public static let count = 8

    /// The SVG dash pattern of series `index` (0-based): solid for the first ``count``
    /// series, dashed for the next, dotted for the third round.
    public static func dash(_ index: Int) -> String? {
        switch (max(0, index) / count) % 3 {
        case 1: return "6 3"
        case 2: return "1.5 2.5"
        default: return nil
        }
    }

    /// The contrast every series and contour colour keeps against ``backgroundLight`` or
    /// ``backgroundDark``: WCAG 2.2's 3:1 for graphical objects (success criterion 1.4.11).
    public static let minimumContrast = 3.0

    /// Okabe & Ito's colour-blind-safe palette, ordered so the first colours read well
    /// on white (yellow last). Their hues are kept; the four too light for 3:1 on the
    /// page are darkened in OKLCH lightness only (reddish purple `#CC79A7`, orange
    /// `#E69F00`, sky blue `#56B4E9`, yellow `#F0E442`), to about 3.25:1.
    public static let light = ["#0072B2", "#D55E00", "#009E73", "#C573A1", "#BC8209", "#3495C9", "#000000", "#999005"]

    /// The same hues, lightened to keep their contrast on a dark background.
    public static let dark = ["#56B4E9", "#FF8C42", "#2FD0A0", "#E8A3CB", "#F5C242", "#A6DCF7", "#E6E6E6", "#F0E442"]

    /// The plot backgrounds the colours are chosen against: the bundled theme's page
    /// background in light and in dark mode.
    public static let backgroundLight = "#FDFDFC"
    public static let backgroundDark = "#16181B"

    /// Contour lines: grey, as light as 3:1 allows in light mode, as dark in dark mode, so
    /// they stay behind the paths.
    public static let contourLight = "#858E9B"
    public static let contourDark = "#616A78"
    static let bandLight = "#0072B2"
    static let bandDark = "#56B4E9"

    /// The CSS value of series colour `index` (0-based), with its light fallback.
    public static func color(_ index: Int) -> String {
        let slot = ((index % count) + count) % count
        return "var(--cg-series-\(slot + 1),\(light[slot]))"
    }

    /// The colour names a series may choose, as SwiftUI spells them, each with a light
    /// value and a dark-mode value of the same hue (Apple's system colours; the light
    /// orange, yellow, green, mint, teal and cyan are darkened in OKLCH lightness to keep
    /// 3:1 on the page, as the palette's are).
    public static let namedColors: [(name: String, light: String, dark: String)] = [
        ("red", "#FF3B30", "#FF453A"), ("orange", "#CF7804", "#FF9F0A"), ("yellow", "#AC8907", "#FFD60A"),
        ("green", "#03A33E", "#30D158"), ("mint", "#089E97", "#63E6E2"), ("teal", "#009BB2", "#40C8E0"),
        ("cyan", "#0497CF", "#64D2FF"), ("blue", "#007AFF", "#0A84FF"), ("indigo", "#5856D6", "#5E5CE6"),
        ("purple", "#AF52DE", "#BF5AF2"), ("pink", "#FF2D55", "#FF375F"), ("brown", "#A2845E", "#AC8E68"),
        ("gray", "#8E8E93", "#98989D"), ("black", "#000000", "#E6E6E6"),
    ]

    /// The CSS value of a chosen colour: a name from ``namedColors`` becomes its custom
    /// property with the light fallback, `#rrggbb` is used as written; anything else is
    /// `nil`, and the caller falls back to the palette.
    public static func css(forChosen color: String) -> String? {
        if let named = namedColors.first(where: { $0.name == color }) {
            return "var(--cg-color-\(named.name),\(named.light))"
        }
        let digits = color.dropFirst()
        guard color.hasPrefix("#"), digits.count == 6 || digits.count == 3, digits.allSatisfy(\.isHexDigit) else { return nil }
        return color
    }

    /// The CSS value of a series: its chosen colour when it has a usable one, otherwise
    /// palette colour `index`.
    public static func color(_ index: Int, chosen: String?) -> String {
        chosen.flatMap(css(forChosen:)) ?? color(index)
    }

    static let contour = "var(--cg-plot-contour,\(contourLight))"
    static let band = "var(--cg-plot-band,\(bandLight))"
    // The inline fallback is white, a byte shorter than the theme's off-white; every colour
    // has at least its contrast on white.
    static let background = "var(--cg-plot-bg,#fff)"

    /// CSS that defines every property for light and dark mode, for themes that do not
    /// define their own.
    public static var stylesheet: String {
        func block(_ colors: [String], contour: String, band: String, background: String) -> String {
            var css = ""
            for (index, color) in colors.enumerated() { css += "--cg-series-\(index + 1):\(color);" }
            return css + "--cg-plot-contour:\(contour);--cg-plot-band:\(band);--cg-plot-bg:\(background);"
        }
        func named(dark: Bool) -> String {
            namedColors.map { "--cg-color-\($0.name):\(dark ? $0.dark : $0.light);" }.joined()
        }
        return ":root{" + block(light, contour: contourLight, band: bandLight, background: backgroundLight) + named(dark: false) + "}\n"
            + "@media (prefers-color-scheme: dark){:root{"
            + block(dark, contour: contourDark, band: bandDark, background: backgroundDark) + named(dark: true) + "}}\n"
    }
}
