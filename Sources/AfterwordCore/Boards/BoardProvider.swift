import Foundation

/// A job-board provider whose public JSON API Afterword reads: one of ``all``, by its stored name.
///
/// Compared, hashed and stored by its ``id`` (`greenhouse`, `lever`, …), the text kept in the
/// `watchedBoard.provider` column. A name no provider of this version has (a board added by a newer
/// Afterword) is kept as it is, reads nothing and says so: it never stops the other boards.
public struct BoardProvider: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What the provider knows and does.
    public let api: any JobBoardAPI

    public init(_ api: any JobBoardAPI) {
        self.api = api
    }

    /// Every provider Afterword reads, in the order they are offered. A new provider is one line here.
    public static let all: [BoardProvider] = [.greenhouse, .lever, .ashby, .smartRecruiters]

    /// The provider stored as `name`; nil when no provider of ``all`` has it.
    public init?(id name: String) {
        guard let found = Self.all.first(where: { $0.id == name }) else { return nil }
        self = found
    }

    /// The provider stored as `name`, or one that knows nothing but its name (``isKnown`` false).
    public init(storedName name: String) {
        self = BoardProvider(id: name) ?? BoardProvider(UnknownBoardAPI(id: name))
    }

    /// False for a stored name that no provider of this version has.
    public var isKnown: Bool { Self.all.contains(self) }

    /// The stored name: `greenhouse`.
    public var id: String { api.id }
    /// The name as people write it: `Greenhouse`.
    public var displayName: String { api.displayName }
    /// The public API base, used unless the `watch.<id>` setting names another.
    public var defaultBase: String { api.defaultBase }
    /// The setting that overrides ``defaultBase`` (`watch.greenhouse`, …).
    public var settingKey: String { "watch.\(id)" }
    /// The provider's own domains: a board's address may redirect there (over https), nowhere else.
    public var ownDomains: [String] { api.ownDomains }

    /// The careers page people open in a browser for the board `token`.
    public func careersPage(_ token: String) -> String { api.careersPage(token) }

    /// The address of the board `token`'s first page under `base`.
    public func apiURL(base: String, token: String) -> String { api.apiURL(base: base, token: token) }

    /// The supported providers' names as a sentence says them: "Greenhouse, Lever, Ashby or SmartRecruiters".
    public static func names(joinedBy conjunction: String = "or") -> String {
        let names = all.map(\.displayName)
        guard names.count > 1, let last = names.last else { return names.joined() }
        return names.dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }

    /// Each provider's careers page for a board `acme`, as a sentence lists them: examples of what `watch add` takes.
    public static var examplePages: String {
        let pages = all.map { $0.careersPage("acme") }
        guard pages.count > 1, let last = pages.last else { return pages.joined() }
        return pages.dropLast().joined(separator: ", ") + " or " + last
    }

    /// The decoded answer at `address` (one page of the board) and where the next page is.
    /// - Throws: ``WatchError`` for HTML, malformed JSON, or JSON of another shape.
    public func page(_ body: Data, address: String) throws(WatchError) -> BoardPage {
        try api.page(body, address: address)
    }

    public var description: String { id }

    public static func == (left: BoardProvider, right: BoardProvider) -> Bool { left.id == right.id }

    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    public init(from decoder: any Decoder) throws {
        self.init(storedName: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(id)
    }
}

/// A stored provider name this version does not know: it recognises and reads nothing.
struct UnknownBoardAPI: JobBoardAPI {
    let id: String
    var displayName: String { id }
    var defaultBase: String { "" }
    var ownDomains: [String] { [] }
    func careersPage(_ token: String) -> String { token }
    func token(recognizing address: WebAddress) -> String? { nil }
    func isEndpoint(_ rest: WebAddress) -> Bool { false }
    func apiURL(base: String, token: String) -> String { "" }
    func posting(_ item: [String: Any]) -> BoardPosting? { nil }

    func page(_ body: Data, address: String) throws(WatchError) -> BoardPage {
        throw BoardProvider(self).unsupported
    }
}

extension BoardProvider {
    /// Why a board of an unknown provider is not read, and what to do.
    public var unsupported: WatchError {
        WatchError(
            code: .unknownBoard,
            message:
                "Afterword does not read \"\(id)\" job boards, only \(Self.names(joinedBy: "and")); update Afterword, or watch the company's board on one of those"
        )
    }
}
