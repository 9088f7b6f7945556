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

    /// Recognises a board from a careers-page URL or an API URL of Greenhouse, Lever or Ashby.
    /// - Parameter bases: the configured API bases, so an address under one of them is recognised too.
    /// - Throws: ``WatchError`` when the URL is none of the three.
    public init(recognizing text: String, bases: [BoardProvider: String] = [:]) throws(WatchError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let withScheme = trimmed.contains("://") ? trimmed : "https://" + trimmed
        guard let components = URLComponents(string: withScheme), let rawHost = components.host, !rawHost.isEmpty else {
            throw Self.unknown(text)
        }
        let host = rawHost.lowercased()
        let parts = components.path.split(separator: "/").map(String.init)
        func query(_ name: String) -> String? { components.queryItems?.first { $0.name == name }?.value }
        var found: BoardAddress?
        var candidates: [(provider: BoardProvider, rest: [String])] = []
        for provider in BoardProvider.allCases {
            guard let base = bases[provider], let baseParts = URLComponents(string: base),
                baseParts.host?.lowercased() == host,
                baseParts.port == components.port
            else { continue }
            let prefix = baseParts.path.split(separator: "/").map(String.init)
            if parts.count > prefix.count, Array(parts.prefix(prefix.count)) == prefix {
                candidates.append((provider, Array(parts.dropFirst(prefix.count))))
            }
        }
        // Providers sharing one base are told apart by their endpoints' shapes: `…/jobs`, `?mode=json`.
        let shaped = candidates.first { candidate in
            switch candidate.provider {
            case .greenhouse: candidate.rest.count > 1 && candidate.rest[1] == "jobs"
            case .lever: query("mode") != nil
            case .ashby: candidate.rest.count == 1 && query("mode") == nil
            }
        }
        if let chosen = shaped ?? candidates.first {
            found = BoardAddress(provider: chosen.provider, token: chosen.rest[0])
        }
        if found == nil {
            switch host {
            case "boards.greenhouse.io", "job-boards.greenhouse.io", "boards.eu.greenhouse.io",
                "job-boards.eu.greenhouse.io",
                "www.greenhouse.io":
                if parts.first == "embed" || parts.isEmpty {
                    found = query("for").map { BoardAddress(provider: .greenhouse, token: $0) }
                } else {
                    found = BoardAddress(provider: .greenhouse, token: parts[0])
                }
            case "boards-api.greenhouse.io":
                if parts.count >= 3, parts[0] == "v1", parts[1] == "boards" {
                    found = BoardAddress(provider: .greenhouse, token: parts[2])
                }
            case "jobs.lever.co", "jobs.eu.lever.co":
                if let first = parts.first { found = BoardAddress(provider: .lever, token: first) }
            case "api.lever.co", "api.eu.lever.co":
                if parts.count >= 3, parts[0] == "v0", parts[1] == "postings" {
                    found = BoardAddress(provider: .lever, token: parts[2])
                }
            case "jobs.ashbyhq.com":
                if let first = parts.first { found = BoardAddress(provider: .ashby, token: first) }
            case "api.ashbyhq.com":
                if parts.count >= 3, parts[0] == "posting-api", parts[1] == "job-board" {
                    found = BoardAddress(provider: .ashby, token: parts[2])
                }
            default:
                break
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
                "\"\(text)\" is not a Greenhouse, Lever or Ashby job board; give its careers page, e.g. https://boards.greenhouse.io/acme, https://jobs.lever.co/acme or https://jobs.ashbyhq.com/acme"
        )
    }
}
