import CourseDiagnostics
import CourseMarkdown
import ExperimentLanguage

/// Where a directive fence is: its page, in the order ``CollectDirectives`` read the pages,
/// and its place among that page's fences.
public struct FenceID: Hashable, Sendable {
    public var page: Int
    public var index: Int
}

/// The text ``CollectDirectives`` reads: a page's Markdown, or a file that is one bare
/// directive (`coursegen run bowl.swift`).
public enum DirectivePage: Sendable {
    case markdown(file: String, blocks: [Block])
    case bare(file: String, text: String)
}

/// A directive fence, parsed and checked once, with where it is and what checking found.
public struct CollectedFence: Sendable {
    public var id: FenceID
    public var block: DirectiveBlock
    /// The checked directive; `nil` when it does not check (``diagnostics`` says why) or its
    /// handler has nothing to run.
    public var directive: Directive?
    /// What parsing and checking found, in order.
    public var diagnostics: [Diagnostic]
    /// The fence's position in its page's Markdown, where rendering finds it again.
    var position: TextPosition
    var handler: any DirectiveHandler
}

/// The directive fences of every page, in document order.
public struct CollectedDirectives: Sendable {
    /// Per page read, its fences.
    public var pages: [[CollectedFence]]

    /// Every fence of every page, pages in order.
    public var fences: [CollectedFence] { pages.flatMap { $0 } }

    /// The checked `Training` builders: the trainings a build may announce.
    public var trainingCount: Int {
        fences.filter { fence in
            guard case .training? = fence.directive else { return false }
            return true
        }.count
    }

    /// A build's gate before anything runs: a fence over its budget, else all fences together
    /// over the build's. Empty when everything may run.
    public func overBudget(_ budget: CostBudget) -> [Diagnostic] {
        let costs = fences.compactMap { fence in fence.directive.map { (DirectiveCost.of($0), fence.block.location) } }
        let overFence = costs.compactMap { CostMessages.overFenceBudget($0.0, budget, at: $0.1) }
        return overFence.isEmpty ? CostMessages.overBuildBudget(costs, budget) : overFence
    }
}

/// The stage that finds every directive fence of the pages (inside quotes, lists and
/// footnotes too) and has its handler parse and check it, once, pages in parallel.
public struct CollectDirectives: Sendable {
    public var directives: DirectiveRegistry
    /// Keeps each fence's check for the next build in the process, by its text and place.
    var memo: BuildMemo?

    public init(directives: DirectiveRegistry) {
        self.directives = directives
    }

    public func run(_ pages: [DirectivePage]) -> CollectedDirectives {
        CollectedDirectives(pages: ConcurrentMap.map(Array(pages.enumerated())) { page in
            collect(page.element, page: page.offset)
        })
    }

    private func collect(_ source: DirectivePage, page: Int) -> [CollectedFence] {
        var fences: [CollectedFence] = []
        func add(_ handler: any DirectiveHandler, _ block: DirectiveBlock, position: TextPosition) {
            let check = { () -> (Directive?, [Diagnostic]) in
                var diagnostics: [Diagnostic] = []
                return (handler.check(block, diagnostics: &diagnostics), diagnostics)
            }
            let (directive, diagnostics) = memo.map { $0.checked(block, check: check) } ?? check()
            fences.append(CollectedFence(id: FenceID(page: page, index: fences.count), block: block, directive: directive,
                                         diagnostics: diagnostics, position: position, handler: handler))
        }
        switch source {
        case .bare(let file, let text):
            guard let handler = directives.handler(named: "experiment") else { return [] }
            let location = SourceLocation(file: file, line: 1, column: 1)
            add(handler, DirectiveBlock(name: handler.name, info: handler.name, body: text,
                                        origin: SourceOrigin(file: file, line: 1), location: location, idPrefix: "d1-"),
                position: TextPosition(line: 1, column: 1))
        case .markdown(let file, let blocks):
            for code in Self.codeBlocks(in: blocks) {
                guard code.fenced, let handler = directives.handler(named: code.language) else { continue }
                add(handler, DirectiveBlock(
                    name: code.language, info: code.info, body: code.literal,
                    origin: SourceOrigin(file: file, line: code.bodyLine, columnOffset: code.indent),
                    location: SourceLocation(file: file, line: code.position.line, column: code.position.column),
                    idPrefix: "d\(fences.count + 1)-"),
                    position: code.position)
            }
        }
        return fences
    }

    /// Every code block, in document order, inside quotes, lists and footnotes too.
    private static func codeBlocks(in blocks: [Block]) -> [CodeBlock] {
        blocks.allBlocks.compactMap { block in
            if case .codeBlock(let code) = block { return code }
            return nil
        }
    }
}
