import AfterwordApp
import Foundation

/// The web UI's files, part of the binary (generated at build time from `Templates/` and `Static/` by the
/// EmbedWebFiles plugin): `afterword` copied anywhere serves its pages.
enum WebFiles {
    /// The page templates, by name without `.mustache`; a file's final newline ends its last line and is
    /// not part of what the template draws.
    static var templates: [String: String] {
        var templates: [String: String] = [:]
        for (path, text) in EmbeddedWebFiles.files where path.hasPrefix("Templates/") && path.hasSuffix(".mustache") {
            let name = String(path.dropFirst("Templates/".count).dropLast(".mustache".count))
            templates[name] = text.hasSuffix("\n") ? String(text.dropLast()) : text
        }
        return templates
    }

    /// The static file `name` (`app.css`).
    /// - Throws: ``UserError`` when the build holds no such file.
    static func staticFile(_ name: String) throws -> String {
        guard let text = EmbeddedWebFiles.files["Static/\(name)"] else {
            throw UserError("the web UI's file \(name) is missing from this build of Afterword; build it again")
        }
        return text
    }
}
