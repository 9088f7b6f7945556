import Mustache

/// The Mustache templates drafts are rendered from: the built-in ones, or the user's own.
///
/// A template renders the whole draft in the form `afterword check` reads: header lines
/// (`Subject:` for e-mail), a blank line, then the body.
public struct Templates: Sendable {
    /// Template names, one per channel; the user overrides one with `templates/NAME.mustache`.
    ///
    /// A template has `salutation` ("Ms. Whitfield" or "Dana"), `recipientName`, `firstName`,
    /// `role`, `company`, `subject`, `message` (the composed paragraphs) and its sentences one by one
    /// (`thanks`, `specific`, `fit`, `enjoyed`, `lookForward`), `closing`, `senderName` and `signature`.
    public static func name(for channel: Channel) -> String { channel.rawValue }

    public static let builtIn: [String: String] = [
        "email": """
            {{% CONTENT_TYPE:TEXT}}
            Subject: {{subject}}

            Dear {{salutation}},

            {{message}}

            {{closing}}
            {{#senderName}}
            {{senderName}}
            {{/senderName}}
            {{#signature}}
            {{signature}}
            {{/signature}}

            """,
        "note": """
            {{% CONTENT_TYPE:TEXT}}
            Dear {{salutation}},

            {{message}}

            {{closing}}
            {{#senderName}}
            {{senderName}}
            {{/senderName}}

            """,
    ]

    private let library: MustacheLibrary

    /// Parses the built-in templates with `overrides` (name → template text) in their place.
    /// - Throws: ``TemplateError`` naming the template that does not parse.
    public init(overrides: [String: String] = [:]) throws(TemplateError) {
        var library = MustacheLibrary()
        for (name, text) in Self.builtIn.merging(overrides, uniquingKeysWith: { $1 }) {
            do {
                try library.register(text, named: name)
            } catch {
                throw TemplateError(name: name, reason: "it is not valid Mustache (\(error))")
            }
        }
        self.library = library
    }

    /// Renders the template for `channel` with `context`.
    func render(_ channel: Channel, _ context: [String: Any]) throws(TemplateError) -> String {
        guard let text = library.render(context, withTemplate: Self.name(for: channel)) else {
            throw TemplateError(name: Self.name(for: channel), reason: "it could not be rendered")
        }
        return text
    }
}

/// A template that cannot be used.
public struct TemplateError: Error, Sendable, Equatable {
    /// The template's name (`email`, `note`).
    public var name: String
    public var reason: String
}
