import Testing
import TextFormatting

@Suite struct EastAsianSpacingTests {
    @Test(arguments: [
        ("降", "在", true), ("、", "A", true), ("x", "（", true), ("x", "学", false), ("）", "（", true), ("。", "第", true), ("学", "5", false),
        ("a", "b", false), ("한", "글", true), ("か", "な", true), ("🎉", "好", false),
    ] as [(Character, Character, Bool)])
    func linesJoinBetweenTwoWideCharacters(before: Character, after: Character, joins: Bool) {
        #expect(EastAsianSpacing.joinsLines(before, after) == joins)
    }

    @Test(arguments: [
        ("随机梯度下降 在第 5 步发散", "随机梯度下降在第 5 步发散"),
        ("动量法 （β = 0.9）", "动量法（β = 0.9）"),
        ("起点 ， 终点", "起点，终点"),
        ("Adam 在第 3 步发散", "Adam 在第 3 步发散"),
        ("SGD diverged at step 5", "SGD diverged at step 5"),
    ])
    func tidyDropsTheSpacesChineseDoesNotWrite(text: String, expected: String) {
        #expect(EastAsianSpacing.tidy(text) == expected)
    }
}
