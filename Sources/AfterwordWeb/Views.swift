import AfterwordApp
import Foundation
import Mustache

/// The pages' Mustache templates (from `Templates/`, part of the binary), parsed once when the server starts; every
/// page inherits the layout.
///
/// `{{ }}` escapes HTML, so nothing a user typed can become markup.
struct Views: Sendable {
    private let library: MustacheLibrary

    /// Registers every template, by name (`today`, `csrf`).
    /// - Throws: ``UserError`` naming the file when a page's template, or a partial a template includes, is missing,
    ///   or when a template does not parse: the server does not start without every page.
    init(templates texts: [String: String] = WebFiles.templates) throws {
        let needed = Set(PageTemplate.allCases.map(\.rawValue)).union(texts.values.flatMap(Self.included))
        if let missing = needed.subtracting(texts.keys).sorted().first {
            throw UserError("the web page template \(missing).mustache is missing from this build of Afterword; build it again")
        }
        var library = MustacheLibrary()
        for (name, text) in texts {
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw UserError(
                    "the web page template \(name).mustache does not parse at line \(error.context.lineNumber), column \(error.context.columnNumber): \(error.error)")
            }
        }
        self.library = library
    }

    /// The names of the partials and parents a template includes (`{{>csrf}}`, `{{<layout}}`).
    static func included(by text: String) -> [String] {
        text.components(separatedBy: "{{").dropFirst().compactMap { tag in
            let inside = tag.prefix { $0 != "}" }.trimmingCharacters(in: .whitespaces)
            guard let first = inside.first, first == ">" || first == "<" else { return nil }
            return inside.dropFirst().trimmingCharacters(in: .whitespaces)
        }
    }

    /// The page drawn by its template.
    /// - Throws: ``WebError`` when the template cannot render (a bug, not the user's doing).
    func render<P: Page>(_ page: P) throws -> String {
        guard let html = library.render(page, withTemplate: P.template.rawValue) else {
            throw WebError(.internalServerError, "the page \(P.template.rawValue) could not be drawn")
        }
        return html
    }
}
