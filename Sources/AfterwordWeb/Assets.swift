import AfterwordApp
import Foundation
import Hummingbird

/// The stylesheet, the script and the icon: plain files from `Static/`, part of the binary.
///
/// Served from `/static/` so the Content-Security-Policy can forbid inline script and style.
struct Assets: Sendable {
    /// A file as it is served.
    struct File: Sendable {
        var name: String
        var contentType: String
        var bytes: ByteBuffer
    }

    /// The files served, and their content types.
    static let served = [
        ("app.css", "text/css; charset=utf-8"), ("app.js", "text/javascript; charset=utf-8"), ("icon.svg", "image/svg+xml"),
    ]

    let files: [File]

    /// - Throws: ``UserError`` naming the file when one is missing from the build.
    init() throws {
        files = try Self.served.map { name, type in
            File(name: name, contentType: type, bytes: ByteBuffer(string: try WebFiles.staticFile(name)))
        }
    }

    /// The file as a response, cached by the browser for an hour.
    static func response(_ file: File) -> Response {
        Response(
            status: .ok, headers: [.contentType: file.contentType, .cacheControl: "public, max-age=3600"], body: .init(byteBuffer: file.bytes))
    }
}
