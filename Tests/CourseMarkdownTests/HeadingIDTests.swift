import CourseTestSupport
import Testing
@testable import CourseMarkdown

/// Headings never take an id coursegen generates (issue 11, item 13).
@Suite struct HeadingIDTests {
    /// A heading never takes an id of a numbered namespace (footnotes, directive fragments)
    /// nor one whose repeats would fall into one.
    @Test func headingsStayOutOfGeneratedNamespaces() {
        var slugger = HeadingSlugger(reserved: ["top"], numberedPrefixes: HTMLRenderer.footnoteNamespaces() + ["d", "xd"])
        let ids = ["fn-1", "fnref-2", "fnref-1-2", "xd1 p s0", "d3-x", "xd12", "fn", "fn", "top", "d", "xd", "fn 1a", "section fn 1"]
            .map { slugger.slug(for: $0) }
        #expect(ids == ["section-fn-1", "section-fnref-2", "section-fnref-1-2", "section-xd1-p-s0", "section-d3-x",
                        "section-xd12", "section-fn", "section-fn-2", "top-1", "d", "xd", "fn-1a", "section-fn-1-1"])
    }

    /// Many equal headings get their numbers in linear time.
    @Test func repeatedHeadingsAreNumberedInLinearTime() {
        let timing = Fuzz.scaling { repeats in
            var slugger = HeadingSlugger()
            for _ in 0..<(repeats * 20) { _ = slugger.slug(for: "Summary") }
        }
        // Linear is 20; numbering each repeat from 1 again made it about 400.
        #expect(timing.large / timing.small < 100, "\(timing)")
    }
}
