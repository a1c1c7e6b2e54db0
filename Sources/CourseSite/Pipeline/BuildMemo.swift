import Foundation

/// What a build keeps for the next build in the same process (`coursegen serve`), so that a
/// rebuild after an edit re-does only what the edit changed: a prose edit re-renders one page.
///
/// Each stage looks its work up by everything that work reads, so a hit is correct by
/// construction (``BuildOptions/memo``):
/// - loading: a file's bytes, name and place → its parsed ``Chapter``; its number and part,
///   which depend on the folder's listing, are set after the lookup;
/// - collecting and running: a fence's text, info string and origin → its checked directive and
///   its ``DirectiveRun`` (diagnostics carry the fence's lines, so a fence that moved is checked
///   again and its run read again from the result cache);
/// - rendering: a page's source, number and part, with the course's context (every page's
///   title, slug, heading and callout ids, the numbered labels, the options and the files
///   beside the chapters) → its body, on its own page and in `print.html`;
/// - page layout: the page's body, title, contents and neighbours, with the sidebar's entries
///   and the files beside the chapters → the finished page;
/// - search: a page's title and body → its sections.
///
/// The files beside the chapters (theme, `strings.yml`, `references.bib`, linked files) enter
/// by name, size, modification time and inode, not by content. One memo serves one chapters
/// folder with one set of options; builds sharing a memo run one at a time. After a build, every
/// stage it reached forgets the entries that build did not use, so memory stays that of the
/// latest build.
public final class BuildMemo: @unchecked Sendable {
    /// The stages that keep work, in pipeline order.
    public enum Stage: Int, CaseIterable, Sendable {
        case load, check, run, render, print, layout, search, scan, fragment
    }

    /// What the latest build computed (its misses), by stage: the work a rebuild re-did.
    public struct Work: Sendable, Equatable {
        public var loads = 0
        public var checks = 0
        public var runs = 0
        /// Page bodies rendered: for their own page, and a chapter's for `print.html` too (``PageIDs/both(_:holes:)``).
        public var renders = 0
        /// Chapter bodies rendered again for `print.html` alone, when one render cannot serve both places.
        public var printBodies = 0
        public var layouts = 0
        public var searchPages = 0
        /// Finished pages scanned for script and measured for the search budget.
        public var scans = 0
        /// Directive fences rendered (once for a chapter's page and `print.html`, ``FenceFragments``).
        public var fragments = 0

        public init() {}

        subscript(stage: Stage) -> Int {
            get { [loads, checks, runs, renders, printBodies, layouts, searchPages, scans, fragments][stage.rawValue] }
            set {
                switch stage {
                case .load: loads = newValue
                case .check: checks = newValue
                case .run: runs = newValue
                case .render: renders = newValue
                case .print: printBodies = newValue
                case .layout: layouts = newValue
                case .search: searchPages = newValue
                case .scan: scans = newValue
                case .fragment: fragments = newValue
                }
            }
        }
    }

    private struct Entry {
        var value: Any
        var used: Int
    }

    private let lock = NSLock()
    /// Held for a whole build: builds sharing the memo run one at a time.
    private let buildLock = NSLock()
    private var tables = [[AnyHashable: Entry]](repeating: [:], count: Stage.allCases.count)
    private var reached = Set<Stage>()
    private var generation = 0
    private var work = Work()
    private var serial: UInt64 = 0
    /// The latest build's contexts, so that equal contexts of the next build share one box
    /// and each page's lookup compares them by identity.
    private var contexts: [Stage: MemoContext] = [:]

    /// The holes of every build's ``FenceFragments``: drawn once, so that a fence's fragment can
    /// be kept from one build for the next.
    let fenceHole = FenceFragments.drawHole()

    public init() {}

    /// What the latest build computed, by stage.
    public var lastBuild: Work { lock.withLock { work } }

    /// The entries held, all stages together.
    public var entryCount: Int { lock.withLock { tables.reduce(0) { $0 + $1.count } } }

    /// The entries held for `stage`.
    public func entryCount(_ stage: Stage) -> Int { lock.withLock { tables[stage.rawValue].count } }

    /// Runs one build against the memo: what it does not use is forgotten when it ends, in the
    /// stages it reached (a build stopped by an error keeps the later stages' entries).
    func build<R>(_ body: () -> R) -> R {
        buildLock.lock()
        defer { buildLock.unlock() }
        lock.withLock {
            generation += 1
            reached = []
            work = Work()
        }
        let result = body()
        lock.withLock {
            for stage in reached {
                tables[stage.rawValue] = tables[stage.rawValue].filter { $0.value.used == generation }
            }
        }
        return result
    }

    /// The value kept for `key` in `stage`, else `compute()`'s, kept. `compute` runs outside the
    /// memo's lock, so pages computed on all cores do not wait for each other.
    func value<Key: Hashable & Sendable, Value>(_ stage: Stage, _ key: Key, compute: () -> Value) -> Value {
        let boxed = AnyHashable(key)
        let kept: Value? = lock.withLock {
            reached.insert(stage)
            guard tables[stage.rawValue][boxed] != nil else { return nil }
            tables[stage.rawValue][boxed]!.used = generation
            return tables[stage.rawValue][boxed]!.value as? Value
        }
        if let kept { return kept }
        let value = compute()
        lock.withLock {
            tables[stage.rawValue][boxed] = Entry(value: value, used: generation)
            work[stage] += 1
        }
        return value
    }

    /// A number no other value of this memo has: what tells one loaded source from another.
    func nextSerial() -> UInt64 {
        lock.withLock {
            serial += 1
            return serial
        }
    }

    /// `context` boxed for `stage`'s keys: the latest build's box when equal, so keys compare by identity.
    func context<C: Hashable & Sendable>(_ stage: Stage, _ value: C) -> MemoContext {
        let fresh = MemoContext(value)
        return lock.withLock {
            if let last = contexts[stage], last == fresh { return last }
            contexts[stage] = fresh
            return fresh
        }
    }
}

/// A build-wide input of a stage (the course's context), hashed once; keys holding the same box
/// compare by identity.
final class MemoContext: Hashable, @unchecked Sendable {
    private let value: AnyHashable
    private let hash: Int

    init<C: Hashable & Sendable>(_ value: C) {
        self.value = AnyHashable(value)
        hash = value.hashValue
    }

    static func == (lhs: MemoContext, rhs: MemoContext) -> Bool {
        lhs === rhs || (lhs.hash == rhs.hash && lhs.value == rhs.value)
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }
}
