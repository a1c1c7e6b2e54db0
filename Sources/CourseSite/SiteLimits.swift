import CourseMarkdown

/// How large the files a build reads may be. Each is checked before the file is read,
/// so a huge, sparse or endless file costs only its refusal.
public enum SiteLimits {
    /// A chapter (`*.md`), and a file `coursegen run` reads: 4 MiB (a long chapter is ~100 KB).
    public static let chapterBytes = MarkdownParser.maximumBytes
    /// A theme file (`theme/*.mustache`, `theme/style.css`).
    public static let themeFileBytes = 1 << 20
    /// One file a chapter links and the site copies (an image, a PDF).
    public static let assetBytes = 32 << 20
    /// All the files the chapters link, together.
    public static let totalAssetBytes = 256 << 20
}
