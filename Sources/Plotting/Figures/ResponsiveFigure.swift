/// A figure drawn twice, for a wide column and for a phone's, of which the stylesheet
/// shows the one that fits.
///
/// A figure's text is 11 to 13 drawing units and the `<svg>` scales to its column, so a
/// 640-unit drawing in a phone's 288 to 358 px column would show 11-unit text at 5 to 6 px.
/// Scaling the text alone would crowd the ticks, legend and notes laid out for it, so the
/// narrow drawing is laid out anew at ``narrowWidth``: one column of panels, fewer ticks, the
/// legend wrapped into more rows. In a column narrower than ``wideFrom`` CSS pixels (a
/// container query on the `.cg-plots` box) the narrow one shows, and its text is never drawn
/// below 11 px; print shows the wide one.
public enum ResponsiveFigure {
    /// The narrow drawing's width in drawing units: at most the narrowest column a figure
    /// has, a solution's inside a callout on a 320 px screen (238 px; the page's column is
    /// 288 px), so that its text is drawn at its size or larger on every phone.
    public static let narrowWidth = 236.0

    /// The column width, in CSS pixels, from which the wide drawing shows: a 640-unit figure
    /// draws its text there at its own size or larger.
    public static let wideFrom = 640

    /// Whether a drawing `width` units wide is a narrow one, laid out with fewer ticks.
    static func isNarrow(_ width: Double) -> Bool { width < 400 }

    /// The two drawings in the box the stylesheet switches between them in.
    public static func html(wide: String, narrow: String) -> String {
        "<div class=\"cg-plots\">\n" + wide + narrow + "</div>\n"
    }
}

/// A figure that can draw itself at a phone's width as well as at its own.
public protocol ResponsiveDrawing: Sendable {
    /// The figure as one `<svg>`.
    func svg(_ text: FigureText) -> String
    /// The same figure laid out at ``ResponsiveFigure/narrowWidth``.
    var narrow: Self { get }
}

extension ResponsiveDrawing {
    /// Both drawings, wide and narrow, in the box that shows one (``ResponsiveFigure``).
    public func responsiveSVG(_ text: FigureText) -> String {
        ResponsiveFigure.html(wide: svg(text), narrow: narrow.svg(text.narrow))
    }
}
