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
public enum Palette {
    /// How many series colours there are before they repeat (shapes repeat too, so
    /// series 9 differs from series 1 in neither; eight is plenty for one figure).
    public static let count = 8

    /// Okabe & Ito's colour-blind-safe palette, ordered so the first colours read well
    /// on white (yellow last).
    public static let light = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]

    /// The same hues, lightened to keep their contrast on a dark background.
    public static let dark = ["#56B4E9", "#FF8C42", "#2FD0A0", "#E8A3CB", "#F5C242", "#A6DCF7", "#E6E6E6", "#F0E442"]

    static let contourLight = "#A3ACB9"
    static let contourDark = "#5B6472"
    static let bandLight = "#0072B2"
    static let bandDark = "#56B4E9"

    /// The CSS value of series colour `index` (0-based), with its light fallback.
    public static func color(_ index: Int) -> String {
        let slot = ((index % count) + count) % count
        return "var(--cg-series-\(slot + 1),\(light[slot]))"
    }

    static let contour = "var(--cg-plot-contour,\(contourLight))"
    static let band = "var(--cg-plot-band,\(bandLight))"
    static let background = "var(--cg-plot-bg,#fff)"

    /// CSS that defines every property for light and dark mode, for themes that do not
    /// define their own.
    public static var stylesheet: String {
        func block(_ colors: [String], contour: String, band: String, background: String) -> String {
            var css = ""
            for (index, color) in colors.enumerated() { css += "--cg-series-\(index + 1):\(color);" }
            return css + "--cg-plot-contour:\(contour);--cg-plot-band:\(band);--cg-plot-bg:\(background);"
        }
        return ":root{" + block(light, contour: contourLight, band: bandLight, background: "#fff") + "}\n"
            + "@media (prefers-color-scheme: dark){:root{"
            + block(dark, contour: contourDark, band: bandDark, background: "#111") + "}}\n"
    }
}
