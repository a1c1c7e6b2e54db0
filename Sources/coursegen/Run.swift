import ArgumentParser
import CourseDiagnostics
import CourseSite
import Experiments
import Foundation

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the experiments of one file and print their numbers.",
        discussion: """
            The file is a chapter, whose every ```experiment fence runs, or a file holding one bare directive.
            With --json, one JSON object is printed (described by docs/run-json.schema.json).
            Results are read from and written to .coursegen-cache/ in the file's folder, the cache
            `build` and `check` use for a chapter: a second run of the same file computes nothing.

            Examples:
              coursegen run chapters/05-adam.md
              coursegen run bowl.swift --json
            """)

    @Argument(help: "A chapter (.md) or a directive file.")
    var file: String

    @Flag(help: "Print the runs as JSON: trajectories, losses, learning rates, divergence and switch steps.")
    var json = false

    @Flag(name: .long, help: "Run every fence again instead of reading results from .coursegen-cache/ (fresh results are still stored).")
    var noCache = false

    @OptionGroup var cost: CostOptions

    @OptionGroup var jobs: JobsOptions

    func run() throws {
        let console = Console()
        let (outputs, diagnostics) = DirectiveFile.run(
            path: file, budget: cost.budget, cache: DirectiveFile.cache(forFile: file, readsEntries: !noCache),
            jobs: jobs.count, progress: { Console.progress.line($0) })
        console.report(diagnostics)
        if diagnostics.containsErrors {
            console.summary(diagnostics, outcome: "nothing printed")
            throw ExitCode(1)
        }
        let text = json ? RunJSON.encode(outputs) : RunSummaryText.render(outputs)
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
