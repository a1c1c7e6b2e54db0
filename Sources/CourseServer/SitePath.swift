import Foundation

/// A request's path as a site-relative file path. Files are served only from the in-memory
/// build, so nothing outside the site can be named; a path that tries to leave it anyway
/// (`..`, `.` or a backslash, plain or percent-encoded, or a NUL) is refused rather than normalised.
public enum SitePath {
    public enum Resolution: Equatable, Sendable {
        /// The site-relative file to serve (`index.html` for `/`).
        case file(String)
        /// A path no file can have.
        case refused
    }

    /// The file `requestPath` (the URL's path, still percent-encoded) names.
    public static func resolve(_ requestPath: String) -> Resolution {
        guard let decoded = requestPath.removingPercentEncoding,
              !decoded.contains("\0"), !decoded.contains("\\")
        else { return .refused }
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: true)
        if parts.contains(where: { $0 == ".." || $0 == "." }) { return .refused }
        let path = parts.joined(separator: "/")
        if path.isEmpty { return .file("index.html") }
        return .file(decoded.hasSuffix("/") ? path + "/index.html" : path)
    }

    /// The `Content-Type` of a site file, by its extension.
    public static func contentType(_ path: String) -> String {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch ext {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "avif": return "image/avif"
        case "ico": return "image/x-icon"
        case "pdf": return "application/pdf"
        case "txt", "md", "bib": return "text/plain; charset=utf-8"
        case "csv": return "text/csv; charset=utf-8"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        case "ttf": return "font/ttf"
        case "otf": return "font/otf"
        case "mp4": return "video/mp4"
        case "webm": return "video/webm"
        case "mp3": return "audio/mpeg"
        case "wasm": return "application/wasm"
        case "xml": return "application/xml"
        default: return "application/octet-stream"
        }
    }
}
