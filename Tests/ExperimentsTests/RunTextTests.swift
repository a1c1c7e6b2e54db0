import Testing
import TextFormatting
@testable import Experiments

/// `coursegen run`'s tables line up in a terminal, where a CJK character takes two cells.
@Suite struct RunTextTests {
    @Test func columnsAlignByDisplayWidth() {
        let text = RunText.table(["run", "final f", "steps"], [
            ["随机梯度下降", "0.1234", "100"],
            ["Adam", "1.5e-05", "100"],
            ["动量法 (β = 0.9)", "0.002", "100"],
        ])
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines == [
            "run               final f  steps",
            "随机梯度下降      0.1234   100",
            "Adam              1.5e-05  100",
            "动量法 (β = 0.9)  0.002    100",
        ])
        // Each column starts in the same terminal cell on every line.
        for column in ["0.1234", "1.5e-05", "0.002", "final f"] {
            let line = lines.first { $0.contains(column) }!
            #expect(DisplayWidth.of(line[..<line.range(of: column)!.lowerBound]) == 18)
        }
    }
}
