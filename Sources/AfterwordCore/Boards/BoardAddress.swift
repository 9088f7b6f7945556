import Foundation

/// A company's public job board: which provider, and the board's name there (its token).
public struct BoardAddress: Sendable, Equatable, Hashable {
    public var provider: BoardProvider
    /// The board's name at the provider: `acme` in `boards.greenhouse.io/acme`.
    public var token: String

    public init(provider: BoardProvider, token: String) {
        self.provider = provider
        self.token = token
    }

    /// Recognises a board from a careers-page URL or an API URL of one of ``BoardProvider/all``.
    /// - Parameter bases: the configured API bases, so an address under one of them is recognised too.
    /// - Throws: ``WatchError`` when the URL is none of the providers'.
    public init(recognizing text: String, bases: [BoardProvider: String] = [:]) throws(WatchError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let withScheme = trimmed.contains("://") ? trimmed : "https://" + trimmed
        guard let components = URLComponents(string: withScheme), let rawHost = components.host, !rawHost.isEmpty,
            ["http", "https"].contains(components.scheme?.lowercased() ?? "")
        else {
            throw Self.unknown(text)
        }
        let host = rawHost.lowercased()
        let parts = components.path.split(separator: "/").map(String.init)
        var query: [String: String] = [:]
        for item in components.queryItems ?? [] where query[item.name] == nil {
            if let value = item.value { query[item.name] = value }
        }
        var candidates: [(provider: BoardProvider, rest: WebAddress)] = []
        for provider in BoardProvider.all {
            guard let base = bases[provider], let baseParts = URLComponents(string: base),
                baseParts.host?.lowercased() == host,
                baseParts.port == components.port
            else { continue }
            let prefix = baseParts.path.split(separator: "/").map(String.init)
            if parts.count > prefix.count, Array(parts.prefix(prefix.count)) == prefix {
                candidates.append(
                    (provider, WebAddress(host: host, path: Array(parts.dropFirst(prefix.count)), query: query)))
            }
        }
        // Providers sharing one base are told apart by their endpoints' shapes: `…/jobs`, `?mode=json`.
        let chosen = candidates.first { $0.provider.api.isEndpoint($0.rest) } ?? candidates.first
        var found = chosen.map { BoardAddress(provider: $0.provider, token: $0.rest.path[0]) }
        if found == nil {
            let address = WebAddress(host: host, path: parts, query: query)
            for provider in BoardProvider.all {
                if let token = provider.api.token(recognizing: address) {
                    found = BoardAddress(provider: provider, token: token)
                    break
                }
            }
        }
        guard let found, Self.isToken(found.token) else { throw Self.unknown(text) }
        self = found
    }

    /// True for a board name the providers use: letters, digits, `-`, `_` and `.`, never `.` or `..` (a
    /// path of its own in the board's address).
    public static func isToken(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 100 && !text.contains("..") && text != "." && !text.hasPrefix(".")
            && text.unicodeScalars.allSatisfy {
                $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0))
            }
    }

    private static func unknown(_ text: String) -> WatchError {
        WatchError(
            code: .unknownBoard,
            message:
                "\"\(text)\" is not a \(BoardProvider.names()) job board; give its careers page, e.g. \(BoardProvider.examplePages)"
        )
    }
}
