import Foundation

/// One opening as a board lists it, whichever the provider.
public struct BoardPosting: Sendable, Equatable, Hashable {
    /// The board's own id for the posting: a posting is new when this id was not seen before.
    public var id: String
    public var title: String
    public var location: String
    /// The posting's public page.
    public var url: String

    public init(id: String, title: String, location: String, url: String) {
        self.id = id
        self.title = title
        self.location = location
        self.url = url
    }
}

/// Reads a board's answer in its provider's documented JSON shape: the parts every provider shares.
public enum BoardDecoder {
    /// Postings kept from one board, over all its pages: the largest companies list a few thousand.
    public static let maximumPostings = 5_000
    /// Longest title or location kept, in characters.
    public static let maximumText = 300
    /// Longest posting address kept.
    static let maximumURL = 2_000

    /// The postings in `body` as `api` documents them, and how many elements its list held (kept or not).
    /// - Throws: ``WatchError`` for HTML, malformed JSON, or JSON of another shape.
    public static func read(_ body: Data, api: any JobBoardAPI) throws(WatchError) -> (
        postings: [BoardPosting], listed: Int
    ) {
        let head = body.prefix(512).drop {
            $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF
        }
        if head.first == UInt8(ascii: "<") {
            throw WatchError(
                code: .notJSON,
                message:
                    "the board answered with a web page, not JSON; check the board's address among the boards you watch"
            )
        }
        let text = withoutMark(body)
        // The list is found in one pass over the bytes, and each posting read on its own: the board's
        // postings are never all held as objects at once, and reading stops at the bound.
        let found = text.withUnsafeBytes { bytes in
            Result { () throws(JSONElements.Problem) in try JSONElements.ranges(in: bytes, under: api.listKey) }
        }
        let ranges: [Range<Int>]
        switch found {
        case .success(let list):
            ranges = list
        case .failure(.shape):
            // Well-formed JSON of another shape is said as such; anything else is not JSON at all.
            if (try? JSONSerialization.jsonObject(with: text, options: [.fragmentsAllowed])) != nil {
                throw shape(BoardProvider(api))
            }
            throw notJSON
        case .failure(.malformed):
            throw notJSON
        }
        var seen = Set<String>()
        var postings: [BoardPosting] = []
        let start = text.startIndex
        for range in ranges where postings.count < maximumPostings {
            let element = text[(start + range.lowerBound)..<(start + range.upperBound)]
            let value: Any
            do {
                value = try JSONSerialization.jsonObject(with: element, options: [.fragmentsAllowed])
            } catch {
                throw notJSON
            }
            guard let item = value as? [String: Any] else { continue }
            guard var posting = api.posting(item), seen.insert(posting.id).inserted else { continue }
            // A NUL would cut the text where it is stored: such a posting is left out, the rest of the board kept.
            guard
                ![posting.id, posting.title, posting.location, posting.url].contains(where: { $0.contains("\u{0}") }),
                posting.id.count <= maximumText
            else { continue }
            posting.title = bounded(posting.title)
            posting.location = bounded(posting.location)
            posting.url = safeLink(posting.url)
            postings.append(posting)
        }
        return (postings, ranges.count)
    }

    /// The whole number the top-level object of `body` holds under `key` (a total beside the list); nil
    /// when it has none.
    static func integer(_ key: String, in body: Data) -> Int? {
        let text = withoutMark(body)
        let found = text.withUnsafeBytes { bytes in
            Result { () throws(JSONElements.Problem) in try JSONElements.member(key, in: bytes) }
        }
        guard case .success(let range) = found else { return nil }
        let start = text.startIndex
        let value = try? JSONSerialization.jsonObject(
            with: text[(start + range.lowerBound)..<(start + range.upperBound)], options: [.fragmentsAllowed])
        guard let number = value as? NSNumber, number.doubleValue == number.doubleValue.rounded(),
            abs(number.doubleValue) < 1e15
        else { return nil }
        return number.intValue
    }

    /// The location with "Remote" said once when the posting is remote.
    static func location(_ location: String, remote: Bool) -> String {
        guard remote, !location.lowercased().contains("remote") else { return location }
        return location.isEmpty ? "Remote" : "\(location) (Remote)"
    }

    /// An API base without its trailing slash, for the provider to add its path.
    static func trimmed(_ base: String) -> String {
        base.hasSuffix("/") ? String(base.dropLast()) : base
    }

    /// The text cut to ``maximumText`` characters.
    static func bounded(_ text: String) -> String {
        text.count > maximumText ? String(text.prefix(maximumText - 1)) + "…" : text
    }

    /// The posting's address when it is an http(s) link of reasonable length; "" otherwise (a
    /// `javascript:` or `data:` address is never shown as a link).
    static func safeLink(_ url: String) -> String {
        guard url.count <= maximumURL, let components = URLComponents(string: url),
            ["http", "https"].contains(components.scheme?.lowercased() ?? ""), !(components.host ?? "").isEmpty
        else { return "" }
        return url
    }

    /// A JSON string or number as trimmed text; nil when absent or empty.
    static func text(_ value: Any?) -> String? {
        let result: String
        switch value {
        case let string as String: result = string
        case let number as NSNumber: result = number.stringValue
        default: return nil
        }
        // One line, spaces collapsed, the few entities some boards leave in their titles decoded.
        var line = result.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for (entity, character) in entities where line.contains("&") {
            line = line.replacingOccurrences(of: entity, with: character)
        }
        return line.isEmpty ? nil : line
    }

    private static let entities = [
        ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&nbsp;", " "),
        ("&amp;", "&"),
    ]

    private static let notJSON = WatchError(
        code: .notJSON, message: "the board's answer is not valid JSON; it is skipped this time")

    /// The body without a UTF-8 byte-order mark.
    private static func withoutMark(_ body: Data) -> Data {
        body.starts(with: [0xEF, 0xBB, 0xBF]) ? body.dropFirst(3) : body
    }

    /// A board that answered well-formed JSON of another shape than `provider`'s.
    public static func shape(_ provider: BoardProvider) -> WatchError {
        WatchError(
            code: .unexpectedJSON,
            message:
                "the board's JSON is not \(provider.displayName)'s shape (expected \(provider.api.listShape)); check that the board's address is a \(provider.displayName) board"
        )
    }
}
