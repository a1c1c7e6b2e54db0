import ArgumentParser
import CourseServer
import CourseSite
import Foundation

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the course, serve it, and rebuild and reload the open pages on every change.",
        discussion: """
            Watches the chapters folder and everything in it (chapters, theme/, references.bib, figures and data \
            files; not hidden files, the result cache or editors' temporary files). After a change it rebuilds and \
            the open pages reload; a build error is shown in the browser and here, and the last good pages stay \
            served. Every good build is also written to the output folder, which never contains the reload script.

            Examples:
              coursegen serve                          serve chapters/ at http://127.0.0.1:8000/
              coursegen serve chapters/ --port 0       any free port (printed)
              coursegen serve --host 0.0.0.0 --open    reachable from other machines; open a browser
            """)

    @Argument(help: "The folder of Markdown chapters.")
    var chapters = "chapters"

    @Option(name: [.short, .customLong("output")], help: "The folder every good build is written to.")
    var output = "site"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port = 8000

    @Option(help: "The address to listen on; the default serves this machine only.")
    var host = "127.0.0.1"

    @Flag(help: "Open the course in the default browser.")
    var open = false

    @OptionGroup var content: ContentOptions

    func run() throws {
        var site = LiveSite.Configuration(chaptersFolder: chapters)
        site.allowHTML = content.allowHTML
        site.includeDrafts = content.drafts
        site.useCache = !content.noCache
        site.budget = content.cost.budget
        if isatty(STDERR_FILENO) != 0 {
            site.progress = { @Sendable line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
        }
        var session = ServeSession(site: site, output: output)
        session.host = host
        session.port = port
        session.openBrowser = open
        // ArgumentParser's root command is synchronous; the server runs on Swift's concurrency threads.
        let finished = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var status: Int32 = 0
        Task.detached {
            status = await session.run()
            finished.signal()
        }
        finished.wait()
        if status != 0 { throw ExitCode(status) }
    }
}
