import Foundation

/// The dates job lists hold, as people and exporters write them: `2024-03-07`, `2024-03-07T14:22:00Z`,
/// `3/7/24, 2:22 PM` (LinkedIn), `07.03.2024` (German), `15 Mar 2024`, `March 15, 2024`, each with or
/// without a time. Whether `03/07/2024` is March or July is decided once per column (see ``Order``).
enum TrackerDate {
    /// Which comes first in a slashed date.
    enum Order: Equatable {
        case monthFirst, dayFirst
    }

    /// A date's day and, when given, its time of day in minutes.
    struct Reading: Equatable {
        var year: Int
        var month: Int
        var day: Int
        var minutes: Int?
    }

    private static let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    /// Month names beyond English that spreadsheets write.
    private static let otherMonths: [String: Int] = [
        "januar": 1, "janvier": 1, "enero": 1, "februar": 2, "fevrier": 2, "febrero": 2, "marz": 3, "mars": 3, "marzo": 3, "avril": 4,
        "abril": 4, "mai": 5, "mayo": 5, "juni": 6, "juin": 6, "junio": 6, "juli": 7, "juillet": 7, "julio": 7, "aout": 8, "agosto": 8,
        "sept": 9, "septembre": 9, "septiembre": 9, "oktober": 10, "octobre": 10, "octubre": 10, "novembre": 11, "noviembre": 11,
        "dezember": 12, "decembre": 12, "diciembre": 12, "okt": 10, "dez": 12, "mrz": 3,
    ]

    /// For a slashed date `a/b/…`: what its first two numbers allow (nil when it is not one).
    static func slashedParts(_ text: String) -> (Int, Int)? {
        let head = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "T" }).first.map(String.init) ?? ""
        let parts = head.split(separator: "/")
        guard parts.count >= 2, let a = Int(parts[0]), let b = Int(parts[1]), parts[0].count <= 2 else { return nil }
        return (a, b)
    }

    /// The order a column's slashed dates use: day first when one has a first number over 12, month first
    /// when one has a second number over 12; when none tells, `fallback`.
    /// - Returns: nil when the column has both kinds, which no single order reads.
    static func order(of values: [String], fallback: Order) -> Order? {
        var dayFirst = false
        var monthFirst = false
        for value in values {
            guard let (a, b) = slashedParts(value) else { continue }
            if a > 12, b <= 12 { dayFirst = true }
            if b > 12, a <= 12 { monthFirst = true }
        }
        if dayFirst && monthFirst { return nil }
        return dayFirst ? .dayFirst : monthFirst ? .monthFirst : fallback
    }

    /// Reads one date; nil when it is not one (or not a real day).
    static func read(_ raw: String, order: Order, thisYear: Int) -> Reading? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, text.utf8.count <= 60 else { return nil }
        var tokens: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if let last = current.last, last.isNumber != character.isNumber {
                    tokens.append(current)
                    current = ""
                }
                current.append(character)
            } else {
                if !current.isEmpty { tokens.append(current) }
                current = ""
                if ":/.-".contains(character) { tokens.append(String(character)) }
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return readTokens(tokens, order: order, thisYear: thisYear)
    }

    private static func monthNumber(_ word: String) -> Int? {
        let folded = word.folding(options: .diacriticInsensitive, locale: nil)
        if let index = months.firstIndex(where: { folded.hasPrefix($0) }), folded.count <= 9 { return index + 1 }
        return otherMonths[folded]
    }

    private static func readTokens(_ tokens: [String], order: Order, thisYear: Int) -> Reading? {
        var index = 0
        var year: Int?
        var month: Int?
        var day: Int?
        func number(_ i: Int) -> Int? { i < tokens.count ? Int(tokens[i]) : nil }
        func token(_ i: Int) -> String? { i < tokens.count ? tokens[i] : nil }
        // "24" is 2024; "99" is 1999: a two-digit year more than ten years ahead is of the last century.
        func fullYear(_ value: Int, digits: Int) -> Int {
            guard digits <= 2 else { return value }
            return 2000 + value > thisYear + 10 ? 1900 + value : 2000 + value
        }

        if let first = number(0), tokens[0].count == 4, token(1) == "-" || token(1) == "/" || token(1) == "." {
            // 2024-03-07
            guard let m = number(2), let d = number(4) else { return nil }
            (year, month, day) = (first, m, d)
            index = 5
        } else if let first = number(0), let separator = token(1), ["/", ".", "-"].contains(separator), let second = number(2) {
            // 3/7/24, 07.03.2024, 7-3-2024; a missing year is this year (9/19).
            let dayFirst = separator == "." || (separator == "-" ? true : order == .dayFirst)
            (day, month) = dayFirst ? (first, second) : (second, first)
            if token(3) == separator, let y = number(4) {
                year = fullYear(y, digits: tokens[4].count)
                index = 5
            } else {
                year = thisYear
                index = 3
            }
        } else if let first = number(0), let nameIndex = Optional(token(1) == "-" || token(1) == "." ? 2 : 1),
            let name = token(nameIndex).flatMap(monthNumber)
        {
            // 15 Mar 2024, 15-Mar-24, 7. März 2024
            var i = nameIndex + 1
            while token(i) == "-" || token(i) == "." { i += 1 }
            guard let y = number(i) else { return nil }
            (day, month, year) = (first, name, fullYear(y, digits: tokens[i].count))
            index = i + 1
        } else if let name = token(0).flatMap(monthNumber), let d = number(1) {
            // March 15, 2024
            guard let y = number(2) else { return nil }
            (day, month, year) = (d, name, fullYear(y, digits: tokens[2].count))
            index = 3
        } else {
            return nil
        }
        guard let year, let month, let day, (1900...2999).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        var components = DateComponents(year: year, month: month, day: 1)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? .current
        guard let first = calendar.date(from: components), let days = calendar.range(of: .day, in: .month, for: first),
            days.contains(day)
        else { return nil }
        components.day = day
        guard let minutes = time(Array(tokens.dropFirst(index))) else { return nil }
        return Reading(year: year, month: month, day: day, minutes: minutes)
    }

    /// `14:22`, `2:22 pm`, `t14:22:05z`, `2 pm`; nil for none, and nil inside for a time that is not one.
    private static func time(_ tokens: [String]) -> Int?? {
        var tokens = tokens.filter { $0 != "t" && $0 != "z" && $0 != "h" && $0 != "uhr" }
        guard !tokens.isEmpty else { return .some(nil) }
        var meridiem: String?
        if let last = tokens.last, ["am", "pm", "a", "p"].contains(last) {
            meridiem = last
            tokens.removeLast()
        }
        guard let hourText = tokens.first, var hour = Int(hourText), hourText.count <= 2 else { return nil }
        var minute = 0
        if tokens.count >= 3, tokens[1] == ":" || tokens[1] == ".", let m = Int(tokens[2]), tokens[2].count == 2 {
            minute = m
            let rest = tokens.dropFirst(3)
            // Seconds, and a time zone or fraction we do not need.
            guard rest.isEmpty || rest.first == ":" || rest.first == "." || rest.first == "-" else { return nil }
        } else if tokens.count != 1 {
            return nil
        }
        if let meridiem {
            guard (1...12).contains(hour) else { return nil }
            if meridiem.hasPrefix("p"), hour != 12 { hour += 12 }
            if meridiem.hasPrefix("a"), hour == 12 { hour = 0 }
        }
        guard hour < 24, minute < 60 else { return nil }
        return .some(hour * 60 + minute)
    }
}
