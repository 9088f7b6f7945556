import AfterwordCore

/// Phrases both faces show the same way.
public enum Wording {
    /// "5h left", "overdue by 3h" (AW-PROMPT).
    public static func urgency(_ hours: Double) -> String {
        if hours >= 0 {
            let whole = String(Int(hours.rounded(.down)))
            return String(repeating: " ", count: max(0, 4 - whole.count)) + whole + "h left of \(EtiquetteLimits.promptHours)"
        }
        let late = -hours
        return late < 48 ? "overdue by \(Int(late.rounded(.up)))h" : "overdue by \(Int((late / 24).rounded(.down)))d"
    }

    /// "e-mail dana@acme.com" or "note (no postal address yet)".
    public static func channel(of interviewer: Interviewer) -> String {
        switch interviewer.channel {
        case .email: return "e-mail \(interviewer.email ?? "")"
        case .note: return interviewer.address == nil ? "note (no postal address yet)" : "note by post"
        }
    }
}
