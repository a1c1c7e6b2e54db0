import ArgumentParser
import CourseSite
import Foundation

struct PDF: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdf",
        abstract: "Build the course and print it, every chapter in order, to one PDF through headless Chromium.",
        discussion: """
            The site is built (with the result cache, as 'build' does) into a temporary folder and its \
            print.html is printed by Chromium: $CHROMIUM or $CHROME, else 'chromium', 'chromium-browser' or \
            'google-chrome' on PATH (Debian: apt-get install chromium). The PDF replaces the output only \
            when it is complete.

            Example: coursegen pdf chapters/ -o course.pdf
            """)

    @Argument(help: "The folder of Markdown chapters.")
    var chapters = "chapters"

    @Option(name: [.short, .customLong("output")], help: "The PDF to write.")
    var output = "course.pdf"

    @Option(name: .long, help: ArgumentHelp("Seconds Chromium may take to print before it is stopped.", valueName: "seconds"))
    var timeout: Double = 300

    @OptionGroup var content: ContentOptions

    func validate() throws {
        guard timeout.isFinite && timeout > 0 else { throw ValidationError("--timeout must be a positive number of seconds") }
    }

    func run() throws {
        let console = Console()
        // Look for the browser first: without it the build would be for nothing.
        let browser: String
        do {
            browser = try PDFPrinter.findBrowser()
        } catch let failure as PDFPrinter.Failure {
            console.report([.error(failure.description, hint: failure.hint)])
            throw ExitCode(1)
        }
        let result = content.builder(chapters: chapters).build()
        console.report(result.diagnostics)
        if result.diagnostics.containsErrors {
            console.summary(result.diagnostics, outcome: "no PDF written")
            throw ExitCode(1)
        }
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("coursegen-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        do {
            for file in result.files {
                let url = site.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.bytes).write(to: url)
            }
        } catch {
            console.report([.error("cannot write the site to print into '\(site.path)': \(error.localizedDescription)",
                                   hint: "coursegen builds the site in the temporary folder (TMPDIR) before printing it")])
            throw ExitCode(1)
        }
        let chapterCount = result.pageCount - 2
        console.status("printing \(chapterCount) chapter\(chapterCount == 1 ? "" : "s") with \(browser)")
        do {
            try PDFPrinter(browser: browser, timeout: timeout).print(page: site.appendingPathComponent("print.html"), to: output)
        } catch let failure as PDFPrinter.Failure {
            console.report([.error(failure.description, hint: failure.hint)])
            throw ExitCode(1)
        }
        console.status("wrote \(output)")
    }
}
