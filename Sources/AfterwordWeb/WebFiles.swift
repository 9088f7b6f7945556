import AfterwordApp
import Foundation

/// Where the build put the web UI's files: the folders `Templates` and `Static` of this module's resource bundle.
enum WebFiles {
    /// The folder `name` of the bundle, which SwiftPM puts beside the binary (and which a binary copied elsewhere finds in
    /// the build folder it came from).
    /// - Throws: ``UserError`` when the bundle holds no such folder.
    static func folder(_ name: String) throws -> URL {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil) else {
            throw UserError("the web UI's folder \(name) is missing from \(Bundle.module.bundlePath); build Afterword again")
        }
        return url
    }
}
