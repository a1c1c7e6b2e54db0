import CourseDiagnostics
import CourseMarkdown
import ExperimentLanguage
import Experiments
import FileAccess
import Foundation
import Scheduling

/// `coursegen run`: the directives of one file, every directive fence of a Markdown file or
/// the whole file when it is a bare directive (not `.md`), through the build's stages
/// (``CollectDirectives``, ``RunDirectives``), through the result cache when one is given.
public enum DirectiveFile {
    /// The results of the fences that checked and ran, in order, and every diagnostic, each
    /// fence's in turn. A fence over `budget` is reported and skipped; the others still run.
    /// When any diagnostic is an error, the caller prints them and exits 1 without the results.
    /// With a `cache` (``cache(forFile:readsEntries:)``), results are read from and written to
    /// it as a build reads and writes them; `progress` receives a line per training that trains,
    /// and `jobs` fences and runs compute at once.
    public static func run(
        path: String, budget: CostBudget = .standard, directives: DirectiveRegistry = StandardBuild.directives,
        cache: ResultCache? = nil, jobs: Int = WorkerPool.processorCount, progress: (@Sendable (String) -> Void)? = nil
    ) -> (outputs: [RunOutput], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let source = page(path: path, diagnostics: &diagnostics) else { return ([], diagnostics) }
        var collected = CollectDirectives(directives: directives).run([source])
        if case .markdown = source, collected.fences.isEmpty {
            diagnostics.append(Diagnostic(.warning, "'\(path)' has no experiment fences", hint: "write one as ```experiment"))
        }
        var overBudget: [FenceID: Diagnostic] = [:]
        for fence in collected.fences {
            guard let directive = fence.directive else { continue }
            // Said at the fence's body, where a bare directive file starts.
            let at = SourceLocation(file: fence.block.origin.file, line: fence.block.origin.line,
                                    column: fence.block.origin.columnOffset + 1)
            if let problem = CostMessages.overFenceBudget(DirectiveCost.of(directive), budget, at: at) {
                overBudget[fence.id] = problem
                collected.pages[fence.id.page][fence.id.index].directive = nil
            }
        }
        let results = RunDirectives(cache: cache, jobs: jobs, progress: progress).run(collected)
        var outputs: [RunOutput] = []
        for fence in collected.fences {
            diagnostics += fence.diagnostics
            if let problem = overBudget[fence.id] { diagnostics.append(problem) }
            guard let run = results[fence.id] else { continue }
            diagnostics += run.diagnostics
            if let output = run.output { outputs.append(output) }
        }
        return (outputs, diagnostics)
    }

    /// The cache `coursegen run` uses for `path`: the one in the folder the file is in, which
    /// for a chapter is the course's own, shared with `build` and `check`; for a chapter of a
    /// part (`chapters/02-adaptive/04-adam.md`) the course's one folder up, when the part has
    /// none of its own and the course has one. `readsEntries: false` (`--no-cache`) runs
    /// everything again and refreshes the entries.
    public static func cache(forFile path: String, readsEntries: Bool = true) -> ResultCache {
        let folder = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
        let parent = folder.deletingLastPathComponent()
        let has = { (url: URL) in FileManager.default.fileExists(atPath: url.appendingPathComponent(ResultCache.folderName).path) }
        let chosen = !has(folder) && has(parent) && parent.path != folder.path ? parent : folder
        return ResultCache.inside(folder: chosen.path, version: CoursegenVersion.string, readsEntries: readsEntries)
    }

    /// The file read as a page of directives, or `nil` with why not.
    static func page(path: String, diagnostics: inout [Diagnostic]) -> DirectivePage? {
        let data: [UInt8]
        do {
            data = try BoundedFile.read(path, limit: SiteLimits.chapterBytes)
        } catch .missing, .notRegularFile(kind: "a folder") {
            diagnostics.append(.error("'\(path)' is not a file", hint: "name a chapter (.md) or a file holding one directive"))
            return nil
        } catch {
            diagnostics.append(CourseLoader.unreadable(path, error))
            return nil
        }
        guard let text = SourceText.decode(data, file: path, diagnostics: &diagnostics) else { return nil }
        guard path.hasSuffix(".md") else { return .bare(file: path, text: text) }
        let (_, body) = FrontMatter.split(text, file: path, isIndex: false, diagnostics: &diagnostics)
        let document = MarkdownParser.parse(body, origin: SourceOrigin(file: path, line: 1), diagnostics: &diagnostics)
        return .markdown(file: path, blocks: document.blocks)
    }
}
