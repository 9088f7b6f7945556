import Foundation

/// A company's public job board that Afterword watches for openings.
public struct WatchedBoard: Codable, Sendable, Equatable {
    public var id: Int64?
    /// The company as the user names it (matched against the interviews' companies).
    public var company: String
    /// Where the board is; stored by its name (`greenhouse`), kept as it is when this version knows no such provider.
    public var provider: BoardProvider
    /// The board's name at the provider.
    public var token: String
    public var addedAt: Date
    /// When the board was last read, successfully or not.
    public var checkedAt: Date?
    /// Why the last read failed; nil after a good read.
    public var error: String?
    /// The validators of the last full answer, for a conditional request.
    public var etag: String?
    public var lastModified: String?

    public init(
        id: Int64? = nil, company: String, provider: BoardProvider, token: String, addedAt: Date, checkedAt: Date? = nil,
        error: String? = nil, etag: String? = nil, lastModified: String? = nil
    ) {
        self.id = id
        self.company = company
        self.provider = provider
        self.token = token
        self.addedAt = addedAt
        self.checkedAt = checkedAt
        self.error = error
        self.etag = etag
        self.lastModified = lastModified
    }
}

/// One posting seen on a watched board: kept after it disappears, with the time it closed.
public struct Opening: Codable, Sendable, Equatable {
    public var id: Int64?
    public var boardId: Int64
    /// The board's own id for the posting.
    public var externalId: String
    public var title: String
    public var location: String
    public var url: String
    /// When Afterword first saw it.
    public var firstSeen: Date
    /// When it was last listed.
    public var lastSeen: Date
    /// When it stopped being listed; nil while it is open.
    public var closedAt: Date?

    public init(
        id: Int64? = nil, boardId: Int64, externalId: String, title: String, location: String, url: String,
        firstSeen: Date,
        lastSeen: Date, closedAt: Date? = nil
    ) {
        self.id = id
        self.boardId = boardId
        self.externalId = externalId
        self.title = title
        self.location = location
        self.url = url
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.closedAt = closedAt
    }
}

/// Company names as people write them, reduced so that "Acme, Inc." and "acme" are the same company.
public enum CompanyName {
    static let suffixes: Set<String> = [
        "inc", "incorporated", "llc", "ltd", "limited", "corp", "corporation", "co", "company", "gmbh", "ag", "sa",
        "sas", "bv",
        "plc", "pty", "oy", "ab", "srl", "spa", "kk", "technologies", "labs", "hq",
    ]

    /// The words of the name run together, lower-cased, without punctuation, a leading "the" and legal suffixes:
    /// "The Acme Company, Inc." and "acme" have the same key, and so have "Acme Analytics" and "AcmeAnalytics".
    public static func key(_ name: String) -> String {
        var words = name.lowercased().folding(options: [.diacriticInsensitive], locale: nil)
            .split { !$0.isLetter && !$0.isNumber }.map(String.init)
        if words.count > 1, words[0] == "the" { words.removeFirst() }
        while words.count > 1, let last = words.last, suffixes.contains(last) { words.removeLast() }
        return words.joined()
    }

    /// True when both names mean the same company.
    public static func same(_ a: String, _ b: String) -> Bool {
        let left = key(a)
        return !left.isEmpty && left == key(b)
    }
}
