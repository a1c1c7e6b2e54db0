@testable import CourseServer
import Testing

/// What a served page gains on its way to the browser: the script, its stylesheet, a policy that
/// lets exactly that script run, and the overlay while the course is broken.
@Suite struct LivePageTests {
    static let page = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="script-src 'none'; object-src 'none'">
        <title>Adam</title>
        </head>
        <body><p>Text</p></body>
        </html>
        """

    @Test func theScriptIsLinkedAndThePolicyAllowsOnlyTheSameOrigin() {
        let served = LivePage.served(Self.page, failure: nil)
        #expect(served.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self'; object-src 'none'\">"))
        #expect(!served.contains("'none'; object") && !served.contains("script-src 'none'"))
        #expect(served.contains("<script src=\"/__coursegen/live.js\" defer></script></head>"))
        #expect(served.contains("<link rel=\"stylesheet\" href=\"/__coursegen/live.css\">"))
        #expect(!served.contains("coursegen-live-overlay"))
        // Nothing else moved.
        #expect(served.replacingOccurrences(of: LivePage.headElements, with: "").replacingOccurrences(of: "script-src 'self'", with: "script-src 'none'") == Self.page)
    }

    @Test(arguments: [
        ("script-src 'none'; object-src 'none'", "script-src 'self'; object-src 'none'"),
        ("script-src 'self'; object-src 'none'", "script-src 'self'; object-src 'none'"),
        ("script-src https://cdn.example.org", "script-src https://cdn.example.org 'self'"),
        ("default-src 'none'", "default-src 'none'; script-src 'self'; connect-src 'self'"),
        ("script-src 'none'; connect-src 'none'", "script-src 'self'; connect-src 'self'"),
        ("object-src 'none'", "object-src 'none'"),
        ("SCRIPT-SRC 'NONE' ;  img-src *", "SCRIPT-SRC 'self'; img-src *"),
    ])
    func policies(policy: String, allowing expected: String) {
        #expect(LivePage.allowingSelf(policy) == expected)
    }

    @Test func searchPageKeepsItsPolicyAndScripts() {
        let search = """
            <html><head><meta http-equiv="Content-Security-Policy" content="script-src 'self'; object-src 'none'">
            <script src="assets/search-index.js" defer></script>
            <script src="assets/search.js" defer></script></head><body></body></html>
            """
        let served = LivePage.served(search, failure: nil)
        #expect(served.contains("content=\"script-src 'self'; object-src 'none'\""))
        #expect(served.contains("<script src=\"assets/search.js\" defer></script><link rel=\"stylesheet\" href=\"/__coursegen/live.css\">"))
    }

    @Test func everyPolicyMetaIsRewrittenWhateverItsCase() {
        let page = """
            <HEAD><META HTTP-EQUIV="content-security-policy" CONTENT="script-src 'none'">
            <meta http-equiv="Content-Security-Policy" content="default-src 'self'"></HEAD>
            """
        let served = LivePage.allowingLiveScript(page)
        #expect(served == """
            <HEAD><META HTTP-EQUIV="content-security-policy" CONTENT="script-src 'self'">
            <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; connect-src 'self'"></HEAD>
            """)
    }

    @Test func theOverlayCarriesTheDiagnosticsEscaped() {
        let report = """
            chapters/05-adam.md:12:5: error: unknown statement 'Stpes' <b>
                Stpes(30)
                ^~~~~
            hint: did you mean 'Steps'?

            """
        let served = LivePage.served(Self.page, failure: report)
        #expect(served.contains("<div id=\"coursegen-live-overlay\""))
        #expect(served.contains("<pre>chapters/05-adam.md:12:5: error: unknown statement &#39;Stpes&#39; &lt;b&gt;\n    Stpes(30)\n    ^~~~~\n")
            || served.contains("<pre>chapters/05-adam.md:12:5: error: unknown statement 'Stpes' &lt;b&gt;\n    Stpes(30)\n    ^~~~~\n"))
        #expect(!served.contains("<b>"))
        #expect(served.hasSuffix("</div></div></body>\n</html>"))
    }

    @Test func aPageWithoutHeadOrBodyStillGetsTheScript() {
        let served = LivePage.served("<p>fragment</p>", failure: "error: x\n")
        #expect(served.hasPrefix(LivePage.headElements + "<p>fragment</p><div id=\"coursegen-live-overlay\""))
    }

    @Test(arguments: [
        ("/", SitePath.Resolution.file("index.html")),
        ("/adam.html", .file("adam.html")),
        ("/assets/style.css", .file("assets/style.css")),
        ("/figures/", .file("figures/index.html")),
        ("//adam.html", .file("adam.html")),
        ("/etc/passwd", .file("etc/passwd")),
        ("/a%20b.html", .file("a b.html")),
        ("/../etc/passwd", .refused),
        ("/assets/../../secret", .refused),
        ("/%2e%2e/etc/passwd", .refused),
        ("/%2E%2E%2Fetc%2Fpasswd", .refused),
        ("/./index.html", .refused),
        ("/..%5c..%5csecret", .refused),
        ("/a%00.html", .refused),
        ("/%zz", .refused),
    ])
    func requestPathsNameOnlySiteFiles(path: String, resolution: SitePath.Resolution) {
        #expect(SitePath.resolve(path) == resolution)
    }

    @Test(arguments: [("adam.html", "text/html; charset=utf-8"), ("assets/style.css", "text/css; charset=utf-8"),
                      ("assets/search.js", "text/javascript; charset=utf-8"), ("f/plot.SVG", "image/svg+xml"),
                      ("a.png", "image/png"), ("data.bin", "application/octet-stream"), ("README", "application/octet-stream")])
    func contentTypes(path: String, type: String) {
        #expect(SitePath.contentType(path) == type)
    }

    @Test func eventsAreServerSentEvents() {
        let reload = LiveEvent.reload(.init(generation: 3, changed: ["adam.html", "assets/search-index.js"], removed: ["old.html"]))
        #expect(reload.serverSentEvent
            == "event: reload\nid: 3\ndata: {\"changed\":[\"adam.html\",\"assets/search-index.js\"],\"generation\":3,\"removed\":[\"old.html\"]}\n\n")
        let failed = LiveEvent.failed(.init(generation: 4, report: "a.md:1:1: error: x\n  ^\n"))
        #expect(failed.serverSentEvent == "event: failed\nid: 4\ndata: a.md:1:1: error: x\ndata:   ^\ndata: \n\n")
    }
}
