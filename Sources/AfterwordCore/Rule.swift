/// The stable identifier of one etiquette rule (docs/etiquette.md); tests, output and docs use these ids.
public enum RuleID: String, Codable, Sendable, CaseIterable, Comparable {
    case channel = "AW-CHANNEL"
    case brief = "AW-BRIEF"
    case thanks = "AW-THANKS"
    case lookForward = "AW-LOOKFWD"
    case enjoyed = "AW-ENJOYED"
    case noReply = "AW-NOREPLY"
    case once = "AW-ONCE"
    case noCall = "AW-NOCALL"
    case proper = "AW-PROPER"
    case names = "AW-NAMES"
    case distinct = "AW-DISTINCT"
    case prompt = "AW-PROMPT"
    case subject = "AW-SUBJECT"
    case specific = "AW-SPECIFIC"
    case remember = "AW-REMEMBER"
    case when = "AW-WHEN"

    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// How much a finding matters: errors block sending, warnings need `--anyway`, hints are advice.
public enum Severity: String, Codable, Sendable, Comparable {
    case error
    case warning
    case hint

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .hint: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One thing the checker noticed: which rule, how bad, what to do, and where.
public struct Finding: Codable, Sendable, Equatable {
    public var rule: RuleID
    public var severity: Severity
    /// One line a person understands, saying what is wrong and what to do.
    public var message: String
    /// 1-based line in the checked input (header lines included).
    public var line: Int
    /// 1-based column, counted in characters.
    public var column: Int
    /// Length of the offending words, in characters (0 when the finding is about something missing).
    public var length: Int
    /// The offending words as written, when there are some.
    public var excerpt: String?

    public init(
        rule: RuleID, severity: Severity, message: String,
        line: Int, column: Int, length: Int, excerpt: String? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.line = line
        self.column = column
        self.length = length
        self.excerpt = excerpt
    }
}

extension Array where Element == Finding {
    /// True when any finding is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Findings in reading order, then by severity.
    public func sortedByPosition() -> [Finding] {
        sorted { ($0.line, $0.column, $0.severity, $0.rule) < ($1.line, $1.column, $1.severity, $1.rule) }
    }
}

/// The numbers the rules use, named once so that docs, tests and checks agree.
public enum EtiquetteLimits {
    /// AW-BRIEF: an e-mail body above this many words is an error.
    public static let emailMaxWords = 150
    /// AW-BRIEF: an e-mail body above this many words gets a warning.
    public static let emailWarnWords = 120
    /// AW-BRIEF: a note card above this many words is an error.
    public static let noteMaxWords = 100
    /// AW-BRIEF: a note card above this many words gets a warning.
    public static let noteWarnWords = 80
    /// AW-PROPER: more exclamation marks than this is shouting.
    public static let maxExclamations = 1
    /// AW-DISTINCT: two notes to one company whose word 3-shingle Jaccard similarity is above this are near-duplicates.
    public static let distinctSimilarity = 0.6
    /// AW-DISTINCT: shingle size in words.
    public static let shingleSize = 3
    /// AW-SUBJECT: a longer subject is cut off by most mail programs.
    public static let subjectMaxCharacters = 78
    /// AW-PROMPT: the thank-you should leave within this many hours of the interview's end.
    public static let promptHours = 24
    /// AW-PROMPT: not in the first minutes after the interview.
    public static let promptCoolDownMinutes = 30
}
