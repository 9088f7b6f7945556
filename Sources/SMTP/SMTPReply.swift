/// A server's reply: a three-digit code and its text lines (RFC 5321 §4.2).
public struct SMTPReply: Sendable, Equatable, CustomStringConvertible {
    public var code: Int
    public var lines: [String]

    public init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    /// 2xx and 3xx: the server goes on.
    public var isPositive: Bool { (200..<400).contains(code) }
    /// 4xx: try again later.
    public var isTransient: Bool { (400..<500).contains(code) }
    /// 5xx: refused for good.
    public var isPermanent: Bool { code >= 500 }

    /// "250 2.0.0 Ok: queued as 12345", lines joined.
    public var description: String { "\(code) " + lines.joined(separator: " / ") }

    /// The EHLO keywords, upper-cased, with their parameters ("SIZE" → ["10240000"]).
    public var extensions: [String: [String]] {
        var result: [String: [String]] = [:]
        for line in lines.dropFirst() {
            let words = line.split(separator: " ").map(String.init)
            guard let keyword = words.first else { continue }
            result[keyword.uppercased()] = Array(words.dropFirst())
        }
        return result
    }
}
