import CourseDiagnostics
import CourseMarkdown
import Experiments
import FileAccess
import Foundation

/// Rewrites links between chapters (written as the Markdown files, so they also
/// work on GitHub) to the pages, and checks that every local target exists.
///
/// - `02-momentum.md#nesterov` → `momentum.html#nesterov`, the chapter and the
///   anchor checked; a path is relative to the linking file's folder, as GitHub reads it,
///   so a chapter of a part links another part's as `../02-adaptive/04-adam.md`;
/// - `#anchor` → checked against the current page;
/// - `images/bowl.png` → kept (from a part's chapter, rewritten to its path from the site's
///   top, where every page sits), the file checked and copied into the site: it must be a
///   regular file of at most ``SiteLimits/assetBytes`` whose real path is inside the
///   chapters folder (a symbolic link may point only to another file of the folder);
/// - `http:`, `https:`, `mailto:` or starting with `//` → kept;
/// - any other scheme (`javascript:`, `data:`, `file:`), however spelled → refused (``URLPolicy``).
struct LinkResolver {
    /// Chapters by file name, with the home page as `index.md`.
    var chaptersByFile: [String: Chapter]
    var folder: ConfinedFolder
    /// Site paths coursegen writes itself, which a copied file may not replace.
    var generatedPaths: Set<String>
    /// The course's numbered equations and figures and every label (``NumberLabels``): a
    /// `#label` the page lacks leads to the one other chapter that defines it.
    var labels = CourseLabels()

    enum Resolution: Equatable {
        case keep(String)
        /// `#fragment` on the linking page itself (the fragment as written).
        case anchor(String)
        /// A chapter's page (`momentum.html`) and the fragment after it, as written.
        case page(String, fragment: String?)
        case asset(url: String, path: String)
        case broken(String, Diagnostic)
    }

    /// `crossReference`: the link has no text of its own (`[](#eq:adam-update)`), so a `#label` the
    /// page lacks may name another chapter's, as MyST reads it; a link with text keeps GitHub's
    /// reading, the page's own anchor.
    func resolve(_ url: String, at position: TextPosition, in chapter: Chapter, crossReference: Bool = false) -> Resolution {
        let location = SourceLocation(file: chapter.displayPath, line: position.line, column: position.column)
        if let scheme = URLPolicy.refusedScheme(in: url) {
            return .broken(url, .error(
                "'\(Self.shown(url))' uses the scheme '\(scheme):', which a page may not link to", at: location,
                hint: "links and images may use http:, https:, mailto: or a path relative to the chapter; a page runs no script"))
        }
        if url.isEmpty || Self.hasScheme(url) || url.hasPrefix("//") { return .keep(url) }
        let (pathPart, fragment) = Self.split(url)
        let path = pathPart.removingPercentEncoding ?? pathPart

        if path.isEmpty {
            guard let fragment else { return .keep(url) }
            let anchor = fragment.removingPercentEncoding ?? fragment
            if hasAnchor(anchor, in: chapter) { return .anchor(fragment) }
            // A label the page lacks is the one other chapter's that defines it, as MyST reads `[](#label)`.
            if crossReference, let page = labelPage(of: chapter) {
                switch labels.resolve(anchor, from: page) {
                case .found(let target) where target.page != page:
                    return .page(labels.pages[target.page].pageName, fragment: fragment)
                case .ambiguous(let message, let hint), .missing(let message, let hint):
                    // A cross-reference's did-you-mean looks through the whole course.
                    return .broken(url, .error(message, at: location, hint: hint))
                case .found:
                    break
                }
            }
            if let problem = missingAnchor(fragment, in: chapter, location: location, linkText: url) { return .broken(url, problem) }
            return .anchor(fragment)
        }
        let base = chapter.folder
        guard let normalised = Self.normalise(base.isEmpty ? path : base + "/" + path) else {
            return .broken(url, .error("link '\(url)' leaves the chapters folder", at: location,
                                       hint: "put the file inside '\(folder.path)' and link it relative to the chapter"))
        }
        // The result cache lives in the chapters folder but is no part of the course: its entries
        // change with every build and are never published.
        if normalised == ResultCache.folderName || normalised.hasPrefix(ResultCache.folderName + "/") {
            return .broken(url, .error(
                "link '\(Self.shown(url))' leads into the result cache '\(ResultCache.folderName)/', which is not part of the course",
                at: location,
                hint: "the cache holds numbers coursegen computed, rewritten by every build and never published; link a file of the course instead"))
        }
        if normalised.hasSuffix(".md") {
            guard let target = chaptersByFile[normalised] else {
                var message = "link to a missing chapter '\(path)'"
                if let guess = Suggestion.closest(to: normalised, in: chaptersByFile.keys.sorted()) {
                    message += "; did you mean '\(Self.relative(guess, from: base))'?"
                }
                return .broken(url, .error(message, at: location,
                                           hint: base.isEmpty
                                            ? "chapters link each other by file name, e.g. [momentum](02-momentum.md#nesterov)"
                                            : "a link is relative to the chapter's folder '\(base)/': a chapter beside it by its file name, another part's as '../02-adaptive/04-adam.md'"))
            }
            if let fragment, let problem = missingAnchor(fragment, in: target, location: location, linkText: url) {
                return .broken(url, problem)
            }
            return .page(target.pageName, fragment: fragment)
        }
        if let problem = Self.problem(opening: normalised, in: folder, url: url, path: path, at: location) {
            return .broken(url, problem)
        }
        if generatedPaths.contains(normalised) {
            return .broken(url, .error("'\(normalised)' would replace a file coursegen writes itself", at: location,
                                       hint: "rename or move the file"))
        }
        // Every page sits at the site's top, so a part's chapter links its files by their path from there.
        guard !base.isEmpty else { return .asset(url: url, path: normalised) }
        let encoded = normalised.addingPercentEncoding(withAllowedCharacters: Self.pathCharacters) ?? normalised
        let (_, rest) = Self.splitQuery(url)
        return .asset(url: encoded + rest, path: normalised)
    }

    /// Characters a path keeps unescaped in a rewritten link.
    static let pathCharacters = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "?#"))

    /// The path and the query or fragment after it (`?x#y`, with its mark).
    static func splitQuery(_ url: String) -> (String, String) {
        guard let mark = url.firstIndex(where: { $0 == "?" || $0 == "#" }) else { return (url, "") }
        return (String(url[..<mark]), String(url[mark...]))
    }

    /// `target` (a path inside the chapters folder) as a file in `folder` would link it.
    static func relative(_ target: String, from folder: String) -> String {
        guard !folder.isEmpty else { return target }
        if target.hasPrefix(folder + "/") { return String(target.dropFirst(folder.count + 1)) }
        return "../" + target
    }

    /// What is wrong with the linked file `relative` (written `path` in the link `url`), if anything.
    static func problem(opening relative: String, in folder: ConfinedFolder, url: String, path: String,
                        at location: SourceLocation) -> Diagnostic? {
        let file: BoundedFile
        do {
            file = try folder.open(relative)
        } catch {
            return unreadable(error, folder: folder, url: url, path: path, at: location)
        }
        guard file.size <= SiteLimits.assetBytes else {
            return unreadable(.tooLarge(bytes: file.size, limit: SiteLimits.assetBytes), folder: folder, url: url, path: path, at: location)
        }
        return nil
    }

    /// The diagnostic, at the link, for a linked file that cannot be copied.
    static func unreadable(_ problem: FileProblem, folder: ConfinedFolder, url: String, path: String,
                           at location: SourceLocation) -> Diagnostic {
        switch problem {
        case .missing:
            .error("link to a missing file '\(path)'", at: location,
                   hint: "the path is relative to the chapters folder '\(folder.path)'")
        case .outsideFolder:
            .error("link '\(url)' \(problem)", at: location,
                   hint: "a symbolic link in the chapters folder may point only to files inside it; copy the file in instead")
        case .notRegularFile:
            .error("link '\(url)' names a file that \(problem)", at: location,
                   hint: "link a regular file inside the chapters folder '\(folder.path)'")
        case .tooLarge:
            .error("the file '\(path)' that this link names \(problem)", at: location,
                   hint: "link a large file from where it is published, e.g. https://…")
        case .unreadable:
            .error("the file '\(path)' that this link names \(problem)", at: location,
                   hint: "check that you may read it")
        }
    }

    private func missingAnchor(_ fragment: String, in target: Chapter, location: SourceLocation, linkText: String) -> Diagnostic? {
        let anchor = fragment.removingPercentEncoding ?? fragment
        if hasAnchor(anchor, in: target) { return nil }
        var message = "link '\(linkText)' names a missing anchor '#\(anchor)' in '\(target.fileName)'"
        let numbered = labelPage(of: target).map { labels.pages[$0].order } ?? []
        if let guess = Suggestion.closest(to: anchor, in: target.headingIDs + target.callouts.ids + numbered) { message += "; did you mean '#\(guess)'?" }
        return .error(message, at: location,
                      hint: "a heading's anchor is its text in lower case with spaces as '-'; an exercise's is 'exercise-N' or the '{#id}' after its marker; an equation's is its \\label, a figure's its {#id}")
    }

    private func hasAnchor(_ anchor: String, in target: Chapter) -> Bool {
        target.headingIDSet.contains(anchor) || target.callouts.contains(anchor) || Self.builtInAnchors.contains(anchor)
            || labelPage(of: target).map { labels.numbered(anchor, onPage: $0) } == true
    }

    /// The chapter's place among ``labels``' pages.
    private func labelPage(of chapter: Chapter) -> Int? {
        labels.pages.firstIndex { $0.file == chapter.fileName }
    }

    /// What a link names when it names a label (`#eq:adam-update`, `05-adam.md#fig:bowl`) or a
    /// chapter (`05-adam.md`, its title), for
    /// its generated text; `nil` for any other link, or a label that is not found (``resolve``
    /// reports it).
    func crossReference(_ url: String, in chapter: Chapter) -> LabelTarget? {
        guard !Self.hasScheme(url), !url.hasPrefix("//"), let page = labelPage(of: chapter) else { return nil }
        let (pathPart, fragment) = Self.split(url)
        let path = pathPart.removingPercentEncoding ?? pathPart
        guard let fragment else {
            // `[](05-adam.md)`: the chapter's title.
            guard path.hasSuffix(".md"), let normalised = Self.normalise(chapter.folder.isEmpty ? path : chapter.folder + "/" + path),
                  let target = chaptersByFile[normalised] else { return nil }
            return LabelTarget(kind: .section, id: "", number: target.title, page: labels.pages.firstIndex { $0.file == normalised } ?? page)
        }
        let anchor = fragment.removingPercentEncoding ?? fragment
        if path.isEmpty, case .found(let target) = labels.resolve(anchor, from: page) { return target }
        guard path.hasSuffix(".md"),
              let normalised = Self.normalise(chapter.folder.isEmpty ? path : chapter.folder + "/" + path),
              let target = labels.pages.firstIndex(where: { $0.file == normalised }) else { return nil }
        return labels.pages[target].targets[anchor]
    }

    /// Anchors every page has: the template's landmarks and the footnotes.
    static let builtInAnchors: Set<String> = ["content", "top"]

    /// A URL for a message: control characters as `\u{…}` escapes, at most 80 characters.
    static func shown(_ url: String) -> String {
        var out = ""
        for scalar in url.unicodeScalars.prefix(80) {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return url.unicodeScalars.count > 80 ? out + "…" : out
    }

    static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        guard let first = scheme.first, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }

    static func split(_ url: String) -> (String, String?) {
        let rest = Substring(url)
        guard let hash = rest.firstIndex(of: "#") else { return (String(rest), nil) }
        return (String(rest[..<hash]), String(rest[rest.index(after: hash)...]))
    }

    /// `./a/../b.png` → `b.png`; `nil` when the path climbs out of the folder or is absolute.
    static func normalise(_ path: String) -> String? {
        if path.hasPrefix("/") { return nil }
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }
}
