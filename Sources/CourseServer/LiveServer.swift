import Foundation
import Hummingbird
import ServiceLifecycle

/// The HTTP side of `serve`: pages from the ``LiveSite``'s last good build, the live script and
/// stylesheet, and the event stream. Never reads a file from disk.
struct LiveServer: Sendable {
    let site: LiveSite

    /// The seconds between keep-alive comments on an idle event stream (proxies and browsers drop silent ones).
    static let keepAlive = 15.0

    func respond(to request: Request) async -> Response {
        guard request.method == .get || request.method == .head else {
            return Self.response(.methodNotAllowed, type: "text/plain; charset=utf-8", Array("GET only\n".utf8))
        }
        let path = request.uri.path
        switch path {
        case LivePage.eventsPath: return events()
        case LivePage.scriptPath: return Self.response(.ok, type: SitePath.contentType("live.js"), Array(LiveAssets.script.utf8))
        case LivePage.stylePath: return Self.response(.ok, type: SitePath.contentType("live.css"), Array(LiveAssets.stylesheet.utf8))
        default: break
        }
        guard case .file(let file) = SitePath.resolve(path) else {
            return Self.response(.badRequest, type: "text/plain; charset=utf-8", Array("bad path\n".utf8))
        }
        let status = site.status
        let isHTML = SitePath.contentType(file).hasPrefix("text/html")
        if let bytes = site.file(file) {
            guard isHTML else { return Self.response(.ok, type: SitePath.contentType(file), bytes) }
            let page = LivePage.served(String(decoding: bytes, as: UTF8.self), failure: status.failure)
            return Self.response(.ok, type: SitePath.contentType(file), Array(page.utf8))
        }
        if !status.hasGoodBuild {
            let page = status.failure.map(LivePage.noGoodBuild) ?? LivePage.notFound(file)
            return Self.response(.serviceUnavailable, type: SitePath.contentType("page.html"), Array(page.utf8))
        }
        return Self.response(.notFound, type: SitePath.contentType("page.html"), Array(LivePage.notFound(file).utf8))
    }

    /// `text/event-stream`: each build's event, a keep-alive comment when idle, and `retry` so a
    /// browser reconnects within a second after the server comes back.
    private func events() -> Response {
        let site = self.site
        let body = ResponseBody { writer in
            let (chunks, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(64))
            continuation.yield("retry: 1000\n: coursegen serve\n\n")
            let forward = Task {
                for await event in site.events() { continuation.yield(event.serverSentEvent) }
                continuation.finish()
            }
            let keepAlive = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(Self.keepAlive))
                    continuation.yield(": keep-alive\n\n")
                }
            }
            defer {
                forward.cancel()
                keepAlive.cancel()
            }
            try await withGracefulShutdownHandler {
                for await chunk in chunks { try await writer.write(ByteBuffer(string: chunk)) }
            } onGracefulShutdown: {
                continuation.finish()
            }
            try await writer.finish(nil)
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: body)
    }

    static func response(_ status: HTTPResponse.Status, type: String, _ bytes: [UInt8]) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.contentLength] = String(bytes.count)
        // The author's loop: never a stale page from the browser's cache.
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
