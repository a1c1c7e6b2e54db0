import CourseSite
import CourseTestSupport
import Foundation
import Testing

/// What a lecturer writing in Chinese meets beyond the strings: wrapped lines, math in
/// headings, the figures' own notes and the labels coursegen makes up.
@Suite struct ChineseTypographyTests {
    static func build(_ files: [String: String]) -> (SiteBuilder.Result, [String: String]) {
        let folder = TemporaryFolder("zh-typography")
        defer { folder.remove() }
        for (name, text) in files { folder.write("chapters/" + name, text) }
        let chapters = folder.path + "/chapters"
        let result = SiteBuilder(chaptersFolder: chapters, options: StandardBuild.options(chaptersFolder: chapters, useCache: false)).build()
        var pages: [String: String] = [:]
        for file in result.files where file.path.hasSuffix(".html") { pages[file.path] = String(decoding: file.bytes, as: UTF8.self) }
        return (result, pages)
    }

    static let index = "---\ntitle: 优化方法\nlanguage: zh-CN\n---\n欢迎。\n"

    @Test func aWrappedChineseParagraphHasNoSpaceWhereTheLineBroke() throws {
        let (result, pages) = Self.build([
            "index.md": Self.index,
            "01-lr.md": "# 学习率\n\n学习率太大时，\n损失会发散；AdaGrad（0.12）、\nAdam 也一样。\nIn English\nlines still break.\n",
        ])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let page = try #require(pages["lr.html"])
        #expect(page.contains("<p>学习率太大时，损失会发散；AdaGrad（0.12）、Adam 也一样。In English\nlines still break.</p>"))
    }

    @Test func mathInAHeadingIsMathMLInMarkupAndReadableTextElsewhere() throws {
        let (result, pages) = Self.build([
            "index.md": Self.index,
            "01-lr.md": "# 学习率 $\\eta$ 与 $\\hat{m}_t$\n\n正文。\n\n## 学习率 $\\eta$ 的选择\n\n一。\n\n## 偏差修正 $\\frac{m_t}{1-\\beta_1^t}$\n\n二。\n",
            "02-next.md": "# 下一章\n\n三。\n",
        ])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let first = try #require(pages["lr.html"])
        let second = try #require(pages["next.html"])
        // Where only text may go: the page's <title>, readable, no backslash.
        #expect(first.contains("<title>学习率 η 与 m̂ₜ · 优化方法</title>"))
        // Where markup may go: the heading, the on-page contents, the sidebar, the pager.
        let contents = try #require(first.firstMatch(of: /<nav class="toc"[\s\S]*?<\/nav>/)).0
        #expect(contents.contains("学习率 <math><semantics><mi>η</mi>"))
        #expect(contents.contains("偏差修正 <math>"))
        #expect(first.contains("<h1 id=\"top\">学习率 <math>"))
        let sidebar = try #require(second.firstMatch(of: /<nav class="sidebar"[\s\S]*?<\/nav>/)).0
        #expect(sidebar.contains("<span>学习率 <math>"))
        let pager = try #require(second.firstMatch(of: /<nav class="pager"[\s\S]*?<\/nav>/)).0
        #expect(pager.contains("学习率 <math>"))
        // No LaTeX command outside the formulas' own annotations, in any page's text or attributes.
        for (path, page) in pages {
            let outsideMath = page.replacing(/<math[\s\S]*?<\/math>/, with: "")
            #expect(!outsideMath.contains("\\eta") && !outsideMath.contains("\\hat") && !outsideMath.contains("\\frac"), "\(path)")
        }
        // Ids keep spelling math as its LaTeX, so links made before still land.
        #expect(first.contains("<h2 id=\"学习率-eta-的选择\">"))
    }

    @Test func mathInAnImagesAltTextIsReadable() throws {
        let (result, pages) = Self.build([
            "index.md": Self.index,
            "01-lr.md": "# 学习率\n\n![学习率 $\\eta$ 的曲线](curve.png)\n",
            "curve.png": "png",
        ])
        #expect(!result.diagnostics.containsErrors, "\(result.diagnostics)")
        #expect(pages["lr.html"]?.contains("alt=\"学习率 η 的曲线\"") == true)
    }

    static let averages = """
        ```experiment
        Average("平滑") {
            Series(.constant(1, noise: 0.5), samples: 60)
            MovingAverage(window: 10)
            ExponentialAverage(beta: 0.9, biasCorrection: true)
            WeightedAverage(weights: [3, 2, 1])
            Expect("moving average, w = 10", smootherThan: "weights 3, 2, 1")
        }
        ```
        """

    @Test func madeUpLabelsAreInThePagesLanguageAndClaimsStillNameThem() throws {
        let (result, pages) = Self.build(["index.md": Self.index, "01-avg.md": "# 平均\n\n" + Self.averages + "\n"])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let page = try #require(pages["avg.html"])
        for label in ["滑动平均，w = 10", "β = 0.9，偏差修正", "权重 3、2、1"] {
            #expect(page.contains(label), "\(label)")
        }
        for english in ["moving average", "bias-corrected", "weights 3"] {
            #expect(!page.replacing(/<details class="cg-source">[\s\S]*?<\/details>/, with: "").contains(english), "\(english)")
        }
    }

    @Test func madeUpLabelsStayEnglishInAnEnglishCourse() throws {
        let (result, pages) = Self.build([
            "index.md": "---\ntitle: Optimisers\n---\nWelcome.\n", "01-avg.md": "# Averages\n\n" + Self.averages + "\n",
        ])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let page = try #require(pages["avg.html"])
        for label in ["moving average, w = 10", "β = 0.9, bias-corrected", "weights 3, 2, 1"] {
            #expect(page.contains(label), "\(label)")
        }
    }

    @Test func aClaimNamingTheTranslatedLabelSaysWhichNameToUse() throws {
        let source = Self.averages.replacing("Expect(\"moving average, w = 10\"", with: "Expect(\"滑动平均，w = 10\"")
        let (result, _) = Self.build(["index.md": Self.index, "01-avg.md": "# 平均\n\n" + source + "\n"])
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.message.contains("滑动平均，w = 10"), "\(error.message)")
        #expect(error.hint?.contains("moving average, w = 10") == true, "\(error.hint ?? "")")
    }
}
