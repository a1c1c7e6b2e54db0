import TextFormatting

/// What `serve` changes in an HTML page on its way to the browser, and only there: the files
/// on disk never carry any of it. The page gets the live-reload script and its stylesheet,
/// its `Content-Security-Policy` allows exactly that script's origin, and while the course is
/// broken it carries the overlay with the diagnostics.
public enum LivePage {
    public static let scriptPath = "/__coursegen/live.js"
    public static let stylePath = "/__coursegen/live.css"
    public static let eventsPath = "/__coursegen/events"

    /// The elements inserted before `</head>`.
    static let headElements = "<link rel=\"stylesheet\" href=\"\(stylePath)\"><script src=\"\(scriptPath)\" defer></script>"

    /// `html` as served: the CSP rewritten, the script and stylesheet linked, and with `failure`
    /// (the diagnostics as printed) the overlay.
    public static func served(_ html: String, failure: String?, hasGoodBuild: Bool = true) -> String {
        var page = allowingLiveScript(html)
        if let head = range(of: "</head>", in: page) {
            page.insert(contentsOf: headElements, at: head.lowerBound)
        } else {
            page = headElements + page
        }
        if let failure {
            let overlay = overlay(failure, hasGoodBuild: hasGoodBuild)
            if let body = range(of: "</body>", in: page) {
                page.insert(contentsOf: overlay, at: body.lowerBound)
            } else {
                page += overlay
            }
        }
        return page
    }

    /// The overlay's markup, as live.js also builds it: the diagnostics escaped in a `<pre>`.
    public static func overlay(_ failure: String, hasGoodBuild: Bool = true) -> String {
        "<div id=\"coursegen-live-overlay\" role=\"alertdialog\" aria-labelledby=\"coursegen-live-title\">"
            + "<div class=\"coursegen-live-box\"><p id=\"coursegen-live-title\">\(hasGoodBuild ? lastGoodTitle : noGoodBuildTitle)</p>"
            + "<pre>\(Escaping.html(failure))</pre>"
            + "<p class=\"coursegen-live-hint\">Fix the source and save: the page reloads. "
            + "<button type=\"button\" class=\"coursegen-live-hide\">Hide</button></p></div></div>"
    }

    static let lastGoodTitle = "The course has errors. This page is from the last good build."
    static let noGoodBuildTitle = "The course has errors. No build of this session has succeeded yet."

    /// `html` with every `Content-Security-Policy` meta element allowing scripts and connections
    /// from the page's own origin: `script-src 'none'` becomes `script-src 'self'`, a list without
    /// `'self'` gains it, and a `default-src` without a `script-src` gets one. Everything else is kept.
    public static func allowingLiveScript(_ html: String) -> String {
        var page = html
        var searchFrom = page.startIndex
        while let attribute = range(of: "http-equiv=\"content-security-policy\"", in: page, from: searchFrom) {
            searchFrom = attribute.upperBound
            guard let open = page[..<attribute.lowerBound].range(of: "<", options: .backwards),
                  let close = page[attribute.upperBound...].firstIndex(of: ">"),
                  let content = range(of: "content=\"", in: page, from: open.upperBound), content.upperBound < close,
                  let end = page[content.upperBound..<close].firstIndex(of: "\"")
            else { continue }
            let policy = allowingSelf(String(page[content.upperBound..<end]))
            let offset = page.utf8.distance(from: page.startIndex, to: content.upperBound)
            page.replaceSubrange(content.upperBound..<end, with: policy)
            searchFrom = page.utf8.index(page.startIndex, offsetBy: offset + policy.utf8.count)
        }
        return page
    }

    /// A policy's text with `'self'` allowed for scripts and connections (the event stream).
    static func allowingSelf(_ policy: String) -> String {
        var directives = policy.split(separator: ";").map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init) }
            .filter { !$0.isEmpty }
        let names = directives.map { $0[0].lowercased() }
        for name in ["script-src", "connect-src"] {
            if let k = names.firstIndex(of: name) {
                var sources = directives[k].dropFirst().filter { $0.lowercased() != "'none'" }
                if !sources.contains(where: { $0.lowercased() == "'self'" }) { sources.append("'self'") }
                directives[k] = [directives[k][0]] + sources
            } else if names.contains("default-src") {
                directives.append([name, "'self'"])
            }
        }
        return directives.map { $0.joined(separator: " ") }.joined(separator: "; ")
    }

    /// The first case-insensitive (ASCII) occurrence of `needle`, lowercase, in `text`.
    static func range(of needle: String, in text: String, from start: String.Index? = nil) -> Range<String.Index>? {
        text.range(of: needle, options: [.caseInsensitive, .literal], range: (start ?? text.startIndex)..<text.endIndex)
    }

    /// The page a missing path gets: it links home, and reloads itself when a build brings the page.
    public static func notFound(_ path: String) -> String {
        served("""
            <!doctype html>
            <html lang="en" data-coursegen-missing>
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="script-src 'none'; object-src 'none'">
            <title>Not found</title><link rel="stylesheet" href="/assets/style.css"></head>
            <body><main class="coursegen-live-missing"><h1>Not found</h1>
            <p>The course has no page <code>\(Escaping.html(path))</code>.</p>
            <p><a href="/">Go to the course’s home page</a></p></main></body>
            </html>

            """, failure: nil)
    }

    /// The page every HTML path gets while no build of the session has succeeded yet.
    public static func noGoodBuild(failure: String) -> String {
        served("""
            <!doctype html>
            <html lang="en" data-coursegen-missing>
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="script-src 'none'; object-src 'none'">
            <title>The course has errors</title></head>
            <body><main class="coursegen-live-missing"><h1>The course has errors</h1>
            <p>No build of this session has succeeded yet.</p></main></body>
            </html>

            """, failure: failure, hasGoodBuild: false)
    }
}
