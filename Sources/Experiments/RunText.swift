import Foundation
import TextFormatting

/// What every builder's `coursegen run` text shares: its number format and its plain tables.
public enum RunText {
    /// Four significant digits, as on the pages.
    public static func number(_ x: Double) -> String { NumberFormat.printf(x, .general, precision: 4) }

    /// Columns padded to their widest cell, two spaces apart, no trailing spaces.
    public static func table(_ header: [String], _ rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
        return all.map { row in
            let line = row.enumerated().map { c, cell in cell.padding(toLength: widths[c], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
            var trimmed = Substring(line)
            while trimmed.last == " " { trimmed.removeLast() }
            return String(trimmed)
        }.joined(separator: "\n") + "\n"
    }
}
