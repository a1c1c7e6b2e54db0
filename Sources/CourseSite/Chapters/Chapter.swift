import CourseMarkdown

/// One Markdown file of the course, parsed.
public struct Chapter: Sendable {
    /// The path inside the chapters folder, e.g. `02-momentum.md`, or
    /// `02-adaptive/04-adam.md` for a chapter of a part.
    public var fileName: String
    /// The path as the user would write it, e.g. `chapters/02-momentum.md`, for diagnostics.
    public var displayPath: String
    /// The page's name without `.html`: the front matter's `slug`, else the file name
    /// without `.md` and without a numeric prefix. Pages of every part sit side by side.
    public var slug: String
    public var title: String
    /// The title as phrasing markup (math, code and emphasis of a `#` heading kept), set when the page is rendered.
    public var titleHTML = ""
    /// 1-based position in the course; 0 for the home page.
    public var number: Int
    /// The index in the course's parts of the part the chapter belongs to, if any.
    public var part: Int?
    public var frontMatter: FrontMatter
    public var document: Document
    /// Heading ids in document order, and the table of contents drawn from them.
    public var headingIDs: [String] = [] {
        didSet { headingIDSet = Set(headingIDs) }
    }
    /// The same ids as a set, so that checking thousands of anchors stays linear.
    private(set) var headingIDSet: Set<String> = []
    public var contents: [ContentsEntry] = []
    /// The callouts' numbers and ids (exercises are numbered and linkable).
    public var callouts = ChapterCallouts()
    /// Whether the document's first block is the `#` heading the page shows as its title.
    public var firstHeadingIsTitle = false
    /// The serial of the ``BuildMemo`` entry the chapter was parsed into; 0 without a memo.
    var memoSource: UInt64 = 0

    public var pageName: String { slug + ".html" }

    /// The folder of `fileName` inside the chapters folder (`02-adaptive`), empty at the top.
    public var folder: String {
        guard let slash = fileName.lastIndex(of: "/") else { return "" }
        return String(fileName[..<slash])
    }
}

/// A numbered sub-folder of the chapters folder (`02-adaptive/`), whose chapters the
/// sidebar groups under its title; chapter numbers run on across parts.
public struct Part: Hashable, Sendable {
    /// The folder's name, e.g. `02-adaptive`.
    public var folder: String
    /// The `title` of the folder's `index.md`, else the folder's name without its number,
    /// dashes as spaces, capitalised ("Adaptive").
    public var title: String
    /// 1-based position among the parts.
    public var number: Int
}

/// An entry of the on-page table of contents (`##` and `###` headings).
public struct ContentsEntry: Hashable, Sendable {
    public var level: Int
    public var id: String
    public var title: String
    /// The heading's content, so the contents box can show its math and code as the heading does.
    public var inlines: [Inline] = []
}
