import Foundation
import TextFormatting

/// What every builder's `coursegen run` text shares: its number format and its plain tables.
public enum RunText {
    /// Four significant digits, as on the pages.
    public static func number(_ x: Double) -> String { NumberFormat.printf(x, .general, precision: 4) }

    /// Columns padded to their widest cell, two spaces apart, no trailing spaces. Widths are
    /// display widths (``DisplayWidth``), so a column of Chinese labels, two cells a character
    /// in a terminal, lines up with the Latin ones.
    public static func table(_ header: [String], _ rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { c in all.map { DisplayWidth.of($0[c]) }.max() ?? 0 }
        return all.map { row in
            let line = row.enumerated().map { c, cell in cell + String(repeating: " ", count: widths[c] - DisplayWidth.of(cell)) }
                .joined(separator: "  ")
            var trimmed = Substring(line)
            while trimmed.last == " " { trimmed.removeLast() }
            return String(trimmed)
        }.joined(separator: "\n") + "\n"
    }
}
