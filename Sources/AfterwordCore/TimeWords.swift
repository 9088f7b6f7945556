import Foundation

/// When the interview was, seen from the day a message leaves: the words a letter uses for it
/// ("today", "yesterday", "on Friday") and the check that a letter's words are true (AW-WHEN).
///
/// Days are counted in the interview's time zone, which is the recipient's.
public struct Occasion: Sendable, Equatable {
    /// When the interview started.
    public var interviewAt: Date
    /// The interview's (and the recipient's) time zone.
    public var zone: TimeZone
    /// When the message leaves: now, the time the user chose, or the scheduled time.
    public var sendAt: Date

    public init(interviewAt: Date, zone: TimeZone, sendAt: Date) {
        self.interviewAt = interviewAt
        self.zone = zone
        self.sendAt = sendAt
    }

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }

    /// Whole days from the interview's day to the sending day (0 = the same day).
    public var daysAfter: Int {
        let calendar = calendar
        let from = calendar.startOfDay(for: interviewAt)
        let to = calendar.startOfDay(for: sendAt)
        return calendar.dateComponents([.day], from: from, to: to).day ?? 0
    }

    /// The interview's weekday name ("Friday").
    public var weekday: String {
        let index = calendar.component(.weekday, from: interviewAt)
        return Self.weekdays[(index - 1 + 7) % 7]
    }

    static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// How a letter leaving at ``sendAt`` refers to the interview's day, to end a clause:
    /// "today", "yesterday", "on Friday" (within the week), else "on 4 December".
    public var phrase: String {
        let days = daysAfter
        switch days {
        case ...0: return "today"
        case 1: return "yesterday"
        case 2...6: return "on \(weekday)"
        default:
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_GB")
            formatter.timeZone = zone
            formatter.dateFormat = "d MMMM"
            return "on " + formatter.string(from: interviewAt)
        }
    }

    /// Afterword's own wording with its day words made true for ``sendAt``: each false one ("today"
    /// in a letter leaving on Monday) becomes ``phrase`` ("on Friday"). Only for text Afterword wrote,
    /// whose day words always end a clause; a hand-edited letter is checked, never rewritten.
    public func retimed(_ text: String) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var characters = Array(line)
            for (claim, column, length) in WhenRule.claims(in: String(line)).reversed() where falsehood(of: claim) != nil {
                let start = column - 1
                guard start >= 0, start + length <= characters.count else { continue }
                var replacement = phrase
                if start == 0, let first = replacement.first { replacement = first.uppercased() + replacement.dropFirst() }
                characters.replaceSubrange(start..<(start + length), with: Array(replacement))
            }
            lines.append(String(characters))
        }
        return lines.joined(separator: "\n")
    }

    /// The part of the day the interview started in, for "this morning" and its kin.
    var partOfDay: String {
        let hour = calendar.component(.hour, from: interviewAt)
        return hour < 12 ? "morning" : (hour < 17 ? "afternoon" : "evening")
    }

    /// Why `words` ("today", "on Friday", "this morning") cannot be said of the interview in a message
    /// leaving at ``sendAt``, and what is true instead; nil when they are true.
    func falsehood(of words: TimeClaim) -> String? {
        let days = daysAfter
        switch words {
        case .sameDay(let said):
            guard days != 0 else { return nil }
            return "\"\(said)\" is not true on the day this leaves: the interview was \(phrase)"
        case .partOfDay(let said, let part):
            if days == 0, part == partOfDay { return nil }
            if days == 0 { return "\"\(said)\" is not when the interview was: it was this \(partOfDay)" }
            return "\"\(said)\" is not true on the day this leaves: the interview was \(phrase)"
        case .yesterday(let said):
            guard days != 1 else { return nil }
            return "\"\(said)\" is not true on the day this leaves: the interview was \(phrase)"
        case .weekday(let said, let name, let last):
            let right = name.lowercased() == weekday.lowercased() && (last ? (1...13).contains(days) : (0...6).contains(days))
            guard !right else { return nil }
            return "\"\(said)\" is not the interview's day: it was \(phrase)"
        }
    }
}

/// A time word a letter says of the interview.
enum TimeClaim: Equatable {
    /// "today", "earlier today".
    case sameDay(String)
    /// "this morning", "this afternoon", "this evening", "tonight".
    case partOfDay(String, part: String)
    /// "yesterday".
    case yesterday(String)
    /// "on Friday", "Friday's", "last Friday".
    case weekday(String, name: String, last: Bool)
}

/// AW-WHEN — the letter's time words are true on the day it leaves.
///
/// "Thank you for your time today" sent on Monday for a Friday interview tells the reader the
/// letter was written for another day. Checked only when the interview and the sending time are
/// known (a stored draft, `send`, `check --interview`).
enum WhenRule {
    static let weekdays = Set(Occasion.weekdays.map { $0.lowercased() })

    /// The findings for `document`'s body when it leaves at `occasion.sendAt`.
    static func check(_ document: Document, occasion: Occasion) -> [Finding] {
        var findings: [Finding] = []
        var lineNumber = document.bodyFirstLine
        for line in document.body.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { lineNumber += 1 }
            guard line.count <= 2_000 else { continue }
            for (claim, column, length) in claims(in: String(line)) {
                guard let why = occasion.falsehood(of: claim) else { continue }
                findings.append(
                    Finding(
                        rule: .when, severity: .error, message: "\(why); say \"\(occasion.phrase)\" or leave the day out",
                        line: lineNumber, column: column, length: length,
                        excerpt: String(line.dropFirst(column - 1).prefix(length))))
            }
        }
        return findings
    }

    /// The time words in one line, with their 1-based column and length in characters.
    static func claims(in line: String) -> [(TimeClaim, Int, Int)] {
        var words: [(text: String, column: Int, length: Int)] = []
        var current = ""
        var start = 0
        for (offset, character) in line.enumerated() {
            if character.isLetter || character == "'" || character == "’" {
                if current.isEmpty { start = offset }
                current.append(character)
            } else if !current.isEmpty {
                words.append((current, start + 1, current.count))
                current = ""
            }
        }
        if !current.isEmpty { words.append((current, start + 1, current.count)) }
        var found: [(TimeClaim, Int, Int)] = []
        var index = 0
        while index < words.count {
            let word = words[index].text.lowercased().replacingOccurrences(of: "’", with: "'")
            let next = index + 1 < words.count ? words[index + 1].text.lowercased() : ""
            let previous = index > 0 ? words[index - 1].text.lowercased() : ""
            func span(_ count: Int) -> Int {
                let last = words[index + count - 1]
                return last.column + last.length - words[index].column
            }
            switch word {
            case "today", "today's":
                found.append((.sameDay(words[index].text), words[index].column, words[index].length))
            case "tonight", "tonight's":
                found.append((.partOfDay(words[index].text, part: "evening"), words[index].column, words[index].length))
            case "yesterday", "yesterday's":
                found.append((.yesterday(words[index].text), words[index].column, words[index].length))
            case "this" where ["morning", "afternoon", "evening"].contains(next):
                found.append((.partOfDay("this \(next)", part: next), words[index].column, span(2)))
                index += 1
            case "on" where weekdays.contains(next), "last" where weekdays.contains(next):
                let said = words[index].text + " " + words[index + 1].text
                found.append((.weekday(said, name: next, last: word == "last"), words[index].column, span(2)))
                index += 1
            default:
                let stem = word.hasSuffix("'s") ? String(word.dropLast(2)) : word
                // "Friday's conversation", "since Friday"; not "every Friday" or "on Fridays".
                if weekdays.contains(stem), word.hasSuffix("'s") || ["since", "from"].contains(previous) {
                    found.append((.weekday(words[index].text, name: stem, last: true), words[index].column, words[index].length))
                }
            }
            index += 1
        }
        return found
    }
}
