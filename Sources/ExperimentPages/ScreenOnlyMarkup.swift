import Plotting

/// What a directive's markup holds for a screen alone, each part from its opening text to its
/// closing text, which a printed page such as `print.html` leaves out:
/// - each figure's table of numbers (``DataTable``, `<details class="cg-data">` …
///   `</details>`): paper cannot open it, and the document would carry every table of every
///   chapter (93 tables, 630 KB of the course's 5.3 MB);
/// - each figure's narrow drawing, and the definitions a sweep's narrow drawings share
///   (``ResponsiveFigure``): print shows the wide drawing, and the narrow ones would add
///   2.4 MB to the document.
///
/// The markup holds none of these openings elsewhere: an author's words in it are escaped.
public enum ScreenOnlyMarkup {
    public static let parts: [(open: String, close: String)] = [
        (#"<details class="cg-data">"#, "</details>\n"),
        (ResponsiveFigure.narrowOpening, "</svg>\n"),
        (ResponsiveFigure.narrowDefinitionsOpening, "</svg>\n"),
    ]
}
