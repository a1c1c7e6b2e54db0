/// The key of one series drawn on its own: a short line in the series' colour and dash
/// with its marker shape, for a legend the page lays out itself (a table under a figure
/// of many runs, whose labels a legend inside the figure could not hold).
public enum LegendKey {
    /// The series' key as a small standalone `<svg>`, hidden from screen readers (the
    /// label beside it says what it is). Its size is set inline, so page styles for the
    /// figures' own `<svg>` (full width) do not stretch it.
    ///
    /// - Parameters:
    ///   - series: the series index, which picks the marker shape, dash and colour.
    ///   - color: the author's chosen colour, as ``LineSeries/color``; `nil` for the palette's.
    public static func svg(series: Int, color: String? = nil) -> String {
        let css = Palette.color(series, chosen: color)
        let width = 30.0, height = 12.0
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"cg-swatch\" viewBox=\"0 0 30 12\" width=\"30\" height=\"12\" "
        out += "style=\"display:inline-block;width:30px;height:12px;vertical-align:middle\" aria-hidden=\"true\" focusable=\"false\">"
        out += "<path d=\"M1 6h28\" fill=\"none\" style=\"stroke:\(css)\" stroke-width=\"1.5\"\(Legend.dashAttribute(series))/>"
        let marker = MarkerShape.forSeries(series).pathData(radius: MarkerSet.Size.small.radius + 0.6)
        out += "<path transform=\"translate(\(SVGText.n(width / 2)) \(SVGText.n(height / 2)))\" d=\"\(marker)\" "
        out += "style=\"\(Legend.stepStyle(css))\"/></svg>"
        return out
    }
}
