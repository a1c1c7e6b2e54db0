import ArgumentParser
import CourseDiagnostics
import CourseSite
import ExperimentLanguage
import FileAccess
import Foundation
import Scheduling

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

/// How many fences compute at once, for every command that runs directives.
struct JobsOptions: ParsableArguments {
    @Option(name: [.short, .long], help: ArgumentHelp(
        "How many experiments and training runs compute at once (default: the machine's processors). 1 runs them one after another; the results are the same.",
        valueName: "n"))
    var jobs: Int?

    /// `--jobs`, or the machine's active processor count.
    var count: Int { jobs ?? WorkerPool.processorCount }

    func validate() throws {
        if let jobs, jobs < 1 {
            throw ValidationError("--jobs must be at least 1, such as --jobs 1 for a serial build")
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

    @OptionGroup var jobs: JobsOptions

    /// The build of `chapters`, reading and writing the cache in it (`build` and `check` alike).
    func builder(chapters: String) -> SiteBuilder {
        var options = StandardBuild.options(
            chaptersFolder: chapters, useCache: !noCache, storesResults: true, budget: cost.budget,
            progress: { Console.progress.line($0) })
        if Console.progress.terminal { options.status = { Console.progress.status($0) } }
        options.jobs = jobs.count
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
        let result = content.builder(chapters: chapters).build()
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
        abstract: "Do everything a build does (parse, run the experiments, check links and claims) but write no site.",
        discussion: """
            Results are read from and written to .coursegen-cache/ in the chapters folder, as a build \
            does, so a check after a build (or a build after a check) computes nothing again.

            Example: coursegen check chapters/
            """)

    @Argument(help: "The folder of Markdown chapters.")
    var chapters = "chapters"

    @OptionGroup var content: ContentOptions

    func run() throws {
        let console = Console()
        let result = content.builder(chapters: chapters).build()
        console.report(result.diagnostics)
        if result.diagnostics.containsErrors {
            console.summary(result.diagnostics, outcome: "check failed")
            throw ExitCode(1)
        }
        console.status("\(result.pageCount) pages, no errors")
    }
}

/// Progress to standard error: lines, and on a terminal a status line under them, rewritten in
/// place as fences finish, its time left counted down twice a second in between, and cleared at
/// the end (``ProgressDisplay``).
final class ProgressWriter: @unchecked Sendable {
    let terminal: Bool
    private let lock = NSLock()
    private var shown: String?
    private var latest: (status: ProgressStatus, at: Double)?
    private var ticker: DispatchSourceTimer?

    init(terminal: Bool) {
        self.terminal = terminal
    }

    func line(_ text: String) {
        lock.withLock {
            write(terminal ? ProgressDisplay.terminal(lines: [text], status: shown) : ProgressDisplay.plain(lines: [text]))
        }
    }

    func status(_ status: ProgressStatus?) {
        guard terminal else { return }
        lock.withLock {
            latest = status.map { ($0, ProcessInfo.processInfo.systemUptime) }
            if status == nil {
                ticker?.cancel()
                ticker = nil
            } else if ticker == nil {
                let timer = DispatchSource.makeTimerSource(queue: .global())
                timer.schedule(deadline: .now() + 0.5, repeating: 0.5)
                timer.setEventHandler { [weak self] in self?.tick() }
                timer.resume()
                ticker = timer
            }
            draw()
        }
    }

    private func tick() {
        lock.withLock { draw() }
    }

    /// The latest status, its time left less the time since it came. Called under the lock.
    private func draw() {
        var status = latest?.status
        if let latest, let remaining = latest.status.remainingSeconds {
            status?.remainingSeconds = max(0, remaining - (ProcessInfo.processInfo.systemUptime - latest.at))
        }
        let text = status?.line(width: Self.columns() - 1)
        guard text != shown else { return }
        shown = text
        write(ProgressDisplay.terminal(lines: [], status: text))
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// The terminal's width, 80 when it does not say.
    private static func columns() -> Int {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}

/// Diagnostics to standard error, coloured only on a terminal.
struct Console {
    /// Progress (`[3/12] training …`) to standard error: plain lines in logs and pipes, with a
    /// status bar under them on a terminal.
    static let progress = ProgressWriter(terminal: isatty(STDERR_FILENO) != 0)

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
