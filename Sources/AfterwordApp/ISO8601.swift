import Foundation

/// Reading and writing the date-times users type and JSON carries.
public enum ISO8601 {
    /// `2026-11-26T19:00:00Z`.
    public static func utc(_ date: Date) -> String {
        format(date, in: TimeZone(secondsFromGMT: 0)!, utcSuffix: true)
    }

    /// `2026-11-26T14:00:00-05:00` in `zone`.
    public static func local(_ date: Date, in zone: TimeZone) -> String {
        format(date, in: zone, utcSuffix: false)
    }

    private static func format(_ date: Date, in zone: TimeZone, utcSuffix: Bool) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let stamp = String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0,
            c.second ?? 0)
        let offset = zone.secondsFromGMT(for: date)
        if utcSuffix && offset == 0 { return stamp + "Z" }
        let sign = offset < 0 ? "-" : "+"
        return stamp + String(format: "%@%02d:%02d", sign, abs(offset) / 3600, abs(offset) % 3600 / 60)
    }

    /// A human-friendly local time: `Thu 26 Nov 2026 14:00 (GMT-0500)`.
    public static func display(_ date: Date, in zone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "EEE d MMM yyyy HH:mm"
        return formatter.string(from: date) + " (\(zone.identifier))"
    }

    /// Parses `2026-11-26T14:00-05:00`, `2026-11-26T14:00:00Z` or, with `zone`, `2026-11-26T14:00`.
    /// - Returns: the instant and the zone it was written in (a fixed offset when the text carried one).
    public static func parse(_ text: String, defaultZone: TimeZone?) -> (Date, TimeZone)? {
        let pattern =
            #"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$"#
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let match = regex.firstMatch(
                in: text.trimmingCharacters(in: .whitespaces),
                range: NSRange(location: 0, length: (text.trimmingCharacters(in: .whitespaces) as NSString).length))
        else { return nil }
        let source = text.trimmingCharacters(in: .whitespaces) as NSString
        func group(_ index: Int) -> String? {
            let range = match.range(at: index)
            return range.location == NSNotFound ? nil : source.substring(with: range)
        }
        guard match.range(at: 4).location != NSNotFound else { return nil }
        var zone: TimeZone
        if let offset = group(7) {
            if offset.uppercased() == "Z" {
                zone = TimeZone(secondsFromGMT: 0)!
            } else {
                let digits = offset.dropFirst().filter(\.isNumber)
                let hours = Int(digits.prefix(2)) ?? 0
                let minutes = digits.count > 2 ? Int(digits.dropFirst(2)) ?? 0 : 0
                guard hours <= 14, minutes < 60 else { return nil }
                let seconds = (hours * 3600 + minutes * 60) * (offset.hasPrefix("-") ? -1 : 1)
                guard let fixed = TimeZone(secondsFromGMT: seconds) else { return nil }
                zone = fixed
            }
        } else {
            zone = defaultZone ?? TimeZone.current
        }
        var components = DateComponents()
        components.year = Int(group(1) ?? "")
        components.month = Int(group(2) ?? "")
        components.day = Int(group(3) ?? "")
        components.hour = Int(group(4) ?? "")
        components.minute = Int(group(5) ?? "")
        components.second = Int(group(6) ?? "0")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        guard let month = components.month, (1...12).contains(month), let day = components.day, day >= 1,
            let hour = components.hour, hour < 24, let minute = components.minute, minute < 60,
            (components.second ?? 0) < 61, let date = calendar.date(from: components),
            calendar.component(.day, from: date) == day
        else { return nil }
        return (date, zone)
    }
}
