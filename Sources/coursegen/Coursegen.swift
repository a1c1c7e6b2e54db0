import ArgumentParser
import CourseDiagnostics
import CourseSite
import ExperimentLanguage
import FileAccess
import Foundation

@main
struct Coursegen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coursegen",
        abstract: "Turn a folder of Markdown chapters into a static course website whose experiments run at build time.",
        discussion: """
            Examples:
              coursegen init my-course              start a course: a starter chapter in my-course/
              coursegen build chapters/ -o site/    build the course into site/
              coursegen check chapters/             report every problem, write nothing
              coursegen serve chapters/             preview at http://127.0.0.1:8000/, reloading on every save
              coursegen pdf chapters/ -o course.pdf print the whole course to one PDF (needs Chromium)
              coursegen run chapters/05-adam.md --json
                                                    run a chapter's experiments, print the numbers

            Exit status: 0 on success, 1 when the content has errors, 64 for usage errors.
            """,
        version: CoursegenVersion.string,
        subcommands: [Init.self, Build.self, Check.self, Serve.self, Run.self, PDF.self]
    )
}

/// The compute budget, for every command that runs directives.
struct CostOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The operations one directive fence may take (default 2e12, a minute or two on one core); a build may take eight times as much.",
        valueName: "operations"))
    var maxCost: Double?

    /// The budget `--max-cost` sets, or the standard one.
    var budget: CostBudget { maxCost.map { CostBudget(operationsPerFence: $0) } ?? .standard }

    func validate() throws {
        if let maxCost, !(maxCost.isFinite && maxCost > 0) {
            throw ValidationError("--max-cost must be a positive number of operations, such as 5e12")
        }
    }
}

/// Options shared by the commands that read a chapters folder.
struct ContentOptions: ParsableArguments {
    @Flag(name: .long, help: "Emit the raw HTML that chapters contain (GitHub's tag filter still applies). Off by default, so a chapter cannot inject <script>.")
    var allowHTML = false

    @Flag(name: .long, help: "Include chapters marked 'draft: true'.")
    var drafts = false

    @Flag(name: .long, help: "Run every fence again instead of reading results from .coursegen-cache/ (fresh results are still stored).")
    var noCache = false

    @OptionGroup var cost: CostOptions

    /// The build of `chapters`; only `build` stores fresh training results (`check` writes nothing).
    func builder(chapters: String, writesCache: Bool) -> SiteBuilder {
        // Progress lines help a person waiting at a terminal; logs and pipes stay quiet.
        var progress: (@Sendable (String) -> Void)?
        if isatty(STDERR_FILENO) != 0 {
            progress = { @Sendable line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
        }
        var options = StandardBuild.options(
            chaptersFolder: chapters, useCache: !noCache, storesResults: writesCache, budget: cost.budget, progress: progress)
        options.allowHTML = allowHTML
        options.includeDrafts = drafts
        return SiteBuilder(chaptersFolder: chapters, options: options)
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site.",
        discussion: """
            The site is written to a temporary folder beside the output and swapped in only when the whole \
            build succeeded, so a failed build leaves the previous site as it was.

            Example: coursegen build chapters/ -o site/
            """)

    @Argument(help: "The folder of Markdown chapters.")
    var chapters = "chapters"

    @Option(name: [.short, .customLong("output")], help: "The folder to write the site to.")
    var output = "site"

    @OptionGroup var content: ContentOptions

    func run() throws {
        let console = Console()
        let writer = SiteWriter(output: output)
        let refusals = writer.check(chaptersFolder: chapters)
        if refusals.containsErrors {
            console.report(refusals)
            throw ExitCode(1)
        }
        // Held for the whole build: a second build into the same output waits for this one.
        let lock: SiteWriter.Lock
        do {
            lock = try writer.lock(whileWaiting: { console.status("waiting for another build into '\(output)' to finish") })
        } catch {
            console.report([.error("cannot lock the output '\(output)': \(error.localizedDescription)",
                                   hint: "coursegen locks a file beside the output; check that you may write there")])
            throw ExitCode(1)
        }
        defer { lock.release() }
        let result = content.builder(chapters: chapters, writesCache: true).build()
        console.report(result.diagnostics)
        if result.diagnostics.containsErrors {
            console.summary(result.diagnostics, outcome: "build failed; '\(output)' is unchanged")
            throw ExitCode(1)
        }
        do {
            try writer.write(result.files, holding: lock)
        } catch let refusal as SiteWriter.Refusal {
            console.report(refusal.diagnostics)
            console.summary(refusal.diagnostics, outcome: "'\(output)' is unchanged")
            throw ExitCode(1)
        } catch {
            console.report([.error("cannot write the site to '\(output)': \(error.localizedDescription)",
                                   hint: "'\(output)' is unchanged")])
            throw ExitCode(1)
        }
        console.status("wrote \(result.pageCount) pages to \(output)")
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Do everything a build does (parse, run the experiments, check links and claims) but write nothing.",
        discussion: "Example: coursegen check chapters/")

    @Argument(help: "The folder of Markdown chapters.")
    var chapters = "chapters"

    @OptionGroup var content: ContentOptions

    func run() throws {
        let console = Console()
        let result = content.builder(chapters: chapters, writesCache: false).build()
        console.report(result.diagnostics)
        if result.diagnostics.containsErrors {
            console.summary(result.diagnostics, outcome: "check failed")
            throw ExitCode(1)
        }
        console.status("\(result.pageCount) pages, no errors")
    }
}

/// Diagnostics to standard error, coloured only on a terminal.
struct Console {
    let color = isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        // Source lines are quoted only from regular files no larger than a chapter may be:
        // a diagnostic about a huge file or a device must not read it.
        let printer = DiagnosticPrinter(color: color, sources: { path in
            (try? BoundedFile.read(path, limit: SiteLimits.chapterBytes)).flatMap { String(validating: $0, as: UTF8.self) }
        })
        FileHandle.standardError.write(Data(printer.render(diagnostics).utf8))
    }

    func summary(_ diagnostics: [Diagnostic], outcome: String) {
        let errors = diagnostics.filter { $0.severity == .error }.count
        status("\(errors) error\(errors == 1 ? "" : "s"); \(outcome)")
    }

    func status(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
