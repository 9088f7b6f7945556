import AfterwordCore
import Foundation

/// One event of an invite, as an interview-to-be.
public struct InviteEvent: Sendable, Equatable {
    public var uid: String?
    public var summary: String
    public var start: Date
    public var timeZone: TimeZone
    public var durationMinutes: Int
    public var location: String?
    public var description: String?
    public var organizer: Attendee?
    public var attendees: [Attendee]
    /// True when a Zoom, Teams, Meet or similar link was found.
    public var isVideo: Bool
    public var line: Int

    /// A person (or room) on the invite.
    public struct Attendee: Sendable, Equatable {
        public var name: String?
        public var email: String?
        /// `INDIVIDUAL`, `ROOM`, `RESOURCE`, `GROUP`… upper-cased.
        public var kind: String
    }
}

/// A reader for RFC 5545 invites as Google Calendar, Outlook and Zoom write them.
public enum InviteReader {
    /// How deep BEGIN blocks may nest: real invites nest three deep (VCALENDAR, VEVENT, VALARM).
    static let maximumNesting = 32

    /// Every VEVENT of the file (cancelled ones left out).
    /// - Parameter floatingZone: the zone for times with neither `Z` nor `TZID`.
    /// - Throws: ``IntakeError`` naming the file, line and property.
    public static func events(in text: String, file: String, floatingZone: TimeZone) throws(IntakeError) -> [InviteEvent] {
        try checkNesting(text, file: file)
        let lines = try ContentLine.parse(text, file: file)
        var timeZones: [String: VTimeZone] = [:]
        var events: [InviteEvent] = []
        var stack: [String] = []
        var eventLines: [ContentLine] = []
        var eventStart = 0
        var zoneLines: [ContentLine] = []
        // How many VTIMEZONEs are open: counted, not searched for in the stack on every line.
        var openZones = 0
        for line in lines {
            let value = line.value.trimmingCharacters(in: .whitespaces).uppercased()
            if line.name == "BEGIN" {
                guard stack.count < maximumNesting else {
                    throw IntakeError(
                        file: file, line: line.line, field: "BEGIN:\(value.prefix(40))",
                        message: "components are nested more than \(maximumNesting) deep; the file is damaged, export it again")
                }
                stack.append(value)
                if value == "VEVENT" && stack.count <= 2 {
                    eventLines = []
                    eventStart = line.line
                } else if value == "VTIMEZONE" {
                    zoneLines = []
                    openZones += 1
                }
                if openZones > 0 { zoneLines.append(line) }
                continue
            }
            if line.name == "END" {
                guard stack.last == value else {
                    throw IntakeError(
                        file: file, line: line.line, field: "END:\(value)",
                        message: "END:\(value) does not close BEGIN:\(stack.last ?? "nothing"); the file is damaged, export it again")
                }
                if openZones > 0 { zoneLines.append(line) }
                stack.removeLast()
                if value == "VTIMEZONE" {
                    openZones -= 1
                    if let zone = VTimeZone(zoneLines) { timeZones[zone.id] = zone }
                }
                if value == "VEVENT", stack.count <= 1 {
                    if let event = try event(eventLines, start: eventStart, zones: timeZones, floatingZone: floatingZone, file: file) {
                        events.append(event)
                    }
                }
                continue
            }
            if openZones > 0 {
                zoneLines.append(line)
            } else if stack.last == "VEVENT" {
                eventLines.append(line)
            }
        }
        if let open = stack.last {
            throw IntakeError(file: file, line: 0, field: "END:\(open)", message: "BEGIN:\(open) is never closed; the file is truncated, export it again")
        }
        if events.isEmpty {
            throw IntakeError(file: file, line: 0, field: "VEVENT", message: "no event (VEVENT) in this file; save the interview's invite as .ics and try again")
        }
        return events
    }

    /// Refuses a file nested deeper than ``maximumNesting`` from its raw bytes, before any line is
    /// parsed: a file of nothing but BEGIN lines is turned away at once, whatever its size.
    static func checkNesting(_ text: String, file: String) throws(IntakeError) {
        var depth = 0
        var line = 1
        var atLineStart = true
        let bytes = text.utf8
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if atLineStart {
                let rest = bytes[index...]
                if Self.startsCaseInsensitive(rest, with: "BEGIN:") {
                    depth += 1
                    if depth > maximumNesting {
                        let name = String(decoding: rest.dropFirst(6).prefix { $0 != 13 && $0 != 10 }.prefix(40), as: UTF8.self)
                        throw IntakeError(
                            file: file, line: line, field: "BEGIN:\(name.uppercased())",
                            message: "components are nested more than \(maximumNesting) deep; the file is damaged, export it again")
                    }
                } else if Self.startsCaseInsensitive(rest, with: "END:") {
                    depth = max(0, depth - 1)
                }
            }
            // CR LF, a lone CR and a lone LF each end one line.
            atLineStart = byte == 10 || byte == 13
            if byte == 10 || (byte == 13 && bytes.index(after: index) != bytes.endIndex && bytes[bytes.index(after: index)] != 10) {
                line += 1
            }
            index = bytes.index(after: index)
        }
    }

    private static func startsCaseInsensitive(_ bytes: Substring.UTF8View.SubSequence, with prefix: String) -> Bool {
        var index = bytes.startIndex
        for expected in prefix.utf8 {
            guard index != bytes.endIndex else { return false }
            let byte = bytes[index]
            guard byte == expected || (byte >= 0x61 && byte <= 0x7A && byte - 0x20 == expected) else { return false }
            index = bytes.index(after: index)
        }
        return true
    }

    static func event(
        _ lines: [ContentLine], start: Int, zones: [String: VTimeZone], floatingZone: TimeZone, file: String
    ) throws(IntakeError) -> InviteEvent? {
        func first(_ name: String) -> ContentLine? { lines.first { $0.name == name } }
        func text(_ name: String) -> String? {
            first(name).map { PropertyValue.unescape(Substring($0.value)).trimmingCharacters(in: .whitespacesAndNewlines) }
        }
        if text("STATUS")?.uppercased() == "CANCELLED" { return nil }
        guard let dtstart = first("DTSTART") else {
            throw IntakeError(file: file, line: start, field: "DTSTART", message: "the event has no start time; export the invite again")
        }
        let (begin, zone) = try time(dtstart, zones: zones, floatingZone: floatingZone, file: file)
        var minutes = 60
        if let dtend = first("DTEND") {
            let (end, _) = try time(dtend, zones: zones, floatingZone: floatingZone, file: file)
            minutes = Int(end.timeIntervalSince(begin) / 60)
        } else if let duration = first("DURATION") {
            guard let seconds = Self.duration(duration.value) else {
                throw IntakeError(
                    file: file, line: duration.line, field: "DURATION",
                    message: "\"\(duration.value.prefix(40))\" is not a duration of at most a year (like PT45M); export the invite again")
            }
            minutes = seconds / 60
        }
        if minutes <= 0 || minutes > 24 * 60 { minutes = 60 }
        let attendees = lines.filter { $0.name == "ATTENDEE" }.map(attendee)
        let haystack = ([text("LOCATION"), text("DESCRIPTION"), text("URL")] + lines.filter { $0.name.hasPrefix("X-") }.map(\.value))
            .compactMap { $0 }.joined(separator: " ").lowercased()
        let videoMarkers = [
            "zoom.us", "teams.microsoft.com", "meet.google.com", "webex.com", "whereby.com", "gotomeeting", "chime.aws",
            "bluejeans", "microsoft teams meeting", "join zoom meeting", "google meet",
        ]
        return InviteEvent(
            uid: text("UID"), summary: text("SUMMARY") ?? "", start: begin, timeZone: zone, durationMinutes: minutes,
            location: text("LOCATION").flatMap { $0.isEmpty ? nil : $0 },
            description: text("DESCRIPTION").flatMap { $0.isEmpty ? nil : $0 }, organizer: first("ORGANIZER").map(attendee),
            attendees: attendees, isVideo: videoMarkers.contains { haystack.contains($0) }, line: start)
    }

    static func attendee(_ line: ContentLine) -> InviteEvent.Attendee {
        var value = line.value.trimmingCharacters(in: .whitespaces)
        if value.lowercased().hasPrefix("mailto:") { value = String(value.dropFirst(7)) }
        let email = value.contains("@") ? value : line.parameter("EMAIL").first
        let name = line.parameter("CN").first.map { PropertyValue.unescape(Substring($0)).trimmingCharacters(in: .whitespaces) }
        return InviteEvent.Attendee(
            name: name.flatMap { $0.isEmpty || $0 == email ? nil : $0 }, email: email,
            kind: line.parameter("CUTYPE").first?.uppercased() ?? "INDIVIDUAL")
    }

    /// A DTSTART/DTEND: UTC (`Z`), with `TZID`, all-day (`VALUE=DATE`) or floating.
    static func time(
        _ line: ContentLine, zones: [String: VTimeZone], floatingZone: TimeZone, file: String
    ) throws(IntakeError) -> (Date, TimeZone) {
        let value = line.value.trimmingCharacters(in: .whitespaces)
        guard let local = LocalTime(value) else {
            throw IntakeError(
                file: file, line: line.line, field: line.name,
                message: "\"\(value)\" is not an iCalendar date-time (like 20261126T140000Z); export the invite again")
        }
        // A UTC time is shown in the user's own zone; the instant is the same.
        if local.isUTC { return (local.date(in: TimeZone(secondsFromGMT: 0)!), floatingZone) }
        if let tzid = line.parameter("TZID").first {
            if let zone = Self.zone(named: tzid) { return (local.date(in: zone), zone) }
            if let custom = zones[tzid] {
                let date = custom.date(for: local)
                let offset = custom.offset(at: date)
                return (date, TimeZone(secondsFromGMT: offset) ?? floatingZone)
            }
            throw IntakeError(
                file: file, line: line.line, field: "\(line.name);TZID",
                message: "unknown time zone \"\(tzid)\" and no VTIMEZONE for it; export the invite again or add the interview by hand")
        }
        return (local.date(in: floatingZone), floatingZone)
    }

    /// An IANA zone for a TZID: an IANA name, a Windows name, or a Mozilla-style path ending in one.
    static func zone(named tzid: String) -> TimeZone? {
        let trimmed = tzid.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        if let zone = TimeZone(identifier: trimmed), trimmed.contains("/") || trimmed == "UTC" || trimmed == "GMT" { return zone }
        if let name = WindowsTimeZones.iana[trimmed], let zone = TimeZone(identifier: name) { return zone }
        let parts = trimmed.split(separator: "/")
        for count in [3, 2] where parts.count >= count {
            if let zone = TimeZone(identifier: parts.suffix(count).joined(separator: "/")) { return zone }
        }
        return nil
    }

    /// The longest duration read: an interview invite lasting more than a year is a damaged file.
    static let longestDuration = 366 * 86_400

    /// `PT1H30M`, `P1D`, `-PT15M` in seconds; nil when unreadable or longer than ``longestDuration``.
    static func duration(_ text: String) -> Int? {
        var seconds = 0
        var number = ""
        var sawP = false
        for character in text.trimmingCharacters(in: .whitespaces).uppercased() {
            let unit: Int
            switch character {
            case "P":
                sawP = true
                continue
            case "T", "+", "-": continue
            case "0"..."9":
                // Nine digits are more than a year in seconds: longer numbers are refused before they can overflow.
                guard number.count < 9 else { return nil }
                number.append(character)
                continue
            case "W": unit = 604_800
            case "D": unit = 86_400
            case "H": unit = 3_600
            case "M": unit = 60
            case "S": unit = 1
            default: return nil
            }
            guard let value = Int(number) else { return nil }
            seconds += value * unit
            number = ""
            guard seconds <= longestDuration else { return nil }
        }
        return sawP && number.isEmpty ? seconds : nil
    }
}

/// A wall-clock time as written in an invite (`20261126T140000`, `20261126T140000Z`, `20261126`).
struct LocalTime: Equatable {
    var year, month, day, hour, minute, second: Int
    var isUTC: Bool

    init?(_ text: String) {
        let digits = text.filter(\.isNumber)
        let upper = text.uppercased()
        guard digits.count == 8 || digits.count == 14,
            upper.allSatisfy({ $0.isNumber || $0 == "T" || $0 == "Z" })
        else { return nil }
        let values = Array(digits)
        func number(_ range: Range<Int>) -> Int { Int(String(values[range])) ?? 0 }
        year = number(0..<4)
        month = number(4..<6)
        day = number(6..<8)
        hour = digits.count == 14 ? number(8..<10) : 9
        minute = digits.count == 14 ? number(10..<12) : 0
        second = digits.count == 14 ? number(12..<14) : 0
        isUTC = upper.hasSuffix("Z")
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
    }

    var components: DateComponents {
        DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    func date(in zone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
    }
}

/// A VTIMEZONE with its STANDARD and DAYLIGHT observances (yearly BYMONTH/BYDAY rules or one-off dates).
struct VTimeZone {
    struct Observance {
        var start: LocalTime
        var offsetFrom: Int
        var offsetTo: Int
        var month: Int?
        /// (ordinal, weekday 1=Sunday): `2SU` → (2, 1), `-1SU` → (-1, 1).
        var weekday: (Int, Int)?

        /// When this observance begins in `year`, as an instant.
        func transition(in year: Int) -> Date? {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(secondsFromGMT: offsetFrom) ?? TimeZone(secondsFromGMT: 0)!
            guard let month, let (ordinal, weekday) = weekday else {
                return year == start.year ? start.date(in: calendar.timeZone) : nil
            }
            guard year >= start.year else { return nil }
            var components = DateComponents(year: year, month: month, hour: start.hour, minute: start.minute)
            components.weekday = weekday
            components.weekdayOrdinal = ordinal
            if ordinal < 0 {
                // The last such weekday: step back from the first of the next month.
                guard let firstOfNext = calendar.date(from: DateComponents(year: year, month: month + 1, day: 1, hour: start.hour, minute: start.minute))
                else { return nil }
                var day = firstOfNext.addingTimeInterval(-86_400)
                while calendar.component(.weekday, from: day) != weekday { day = day.addingTimeInterval(-86_400) }
                return day
            }
            return calendar.date(from: components)
        }
    }

    var id: String
    var observances: [Observance]

    init?(_ lines: [ContentLine]) {
        guard let tzid = lines.first(where: { $0.name == "TZID" })?.value else { return nil }
        id = tzid
        observances = []
        var current: [ContentLine] = []
        var inside = false
        for line in lines {
            if line.name == "BEGIN", ["STANDARD", "DAYLIGHT"].contains(line.value.uppercased()) {
                inside = true
                current = []
            } else if line.name == "END", ["STANDARD", "DAYLIGHT"].contains(line.value.uppercased()) {
                inside = false
                if let observance = Self.observance(current) { observances.append(observance) }
            } else if inside {
                current.append(line)
            }
        }
        if observances.isEmpty { return nil }
    }

    static func observance(_ lines: [ContentLine]) -> Observance? {
        func offset(_ name: String) -> Int? {
            guard let text = lines.first(where: { $0.name == name })?.value.trimmingCharacters(in: .whitespaces),
                let sign = text.first, sign == "+" || sign == "-"
            else { return nil }
            let digits = text.dropFirst().filter(\.isNumber)
            guard digits.count >= 4, let hours = Int(digits.prefix(2)), let minutes = Int(digits.dropFirst(2).prefix(2)) else { return nil }
            return (hours * 3600 + minutes * 60) * (sign == "-" ? -1 : 1)
        }
        guard let to = offset("TZOFFSETTO") else { return nil }
        let from = offset("TZOFFSETFROM") ?? to
        let start = lines.first(where: { $0.name == "DTSTART" }).flatMap { LocalTime($0.value) }
            ?? LocalTime("19700101T000000")!
        var observance = Observance(start: start, offsetFrom: from, offsetTo: to)
        if let rule = lines.first(where: { $0.name == "RRULE" })?.value.uppercased() {
            // Only a month from 1 to 12 and a weekday ordinal from -5 to 5 are taken; anything else
            // leaves the rule unread, and the observance falls back to its DTSTART.
            for part in rule.split(separator: ";") {
                let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
                guard pair.count == 2 else { continue }
                if pair[0] == "BYMONTH", let month = pair[1].split(separator: ",").first.flatMap({ Int($0) }), (1...12).contains(month) {
                    observance.month = month
                }
                if pair[0] == "BYDAY", let day = pair[1].split(separator: ",").first {
                    let code = String(day.suffix(2))
                    let ordinalText = day.dropLast(2)
                    let ordinal = ordinalText.isEmpty ? 1 : Int(ordinalText) ?? 0
                    if let weekday = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"].firstIndex(of: code), (-5...5).contains(ordinal), ordinal != 0 {
                        observance.weekday = (ordinal, weekday + 1)
                    }
                }
            }
        }
        return observance
    }

    /// The UTC offset in force at `date`.
    func offset(at date: Date) -> Int {
        let year = Calendar(identifier: .gregorian).component(.year, from: date)
        var best: (Date, Int)?
        for observance in observances {
            for candidate in [year - 1, year] {
                guard let transition = observance.transition(in: candidate), transition <= date else { continue }
                if transition > (best?.0 ?? .distantPast) { best = (transition, observance.offsetTo) }
            }
        }
        return best?.1 ?? observances.first?.offsetTo ?? 0
    }

    /// The instant a wall-clock time in this zone stands for.
    func date(for local: LocalTime) -> Date {
        let guess = local.date(in: TimeZone(secondsFromGMT: 0)!)
        let first = guess.addingTimeInterval(-Double(offset(at: guess)))
        return guess.addingTimeInterval(-Double(offset(at: first)))
    }
}
