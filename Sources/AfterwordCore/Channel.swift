/// How a thank-you travels.
///
/// AW-CHANNEL — "If you received a business card, send a quick e-mail"; "Second to sending a quick
/// e-mail, you can send a short and professional thank you note"; they "do not want ... take calls".
public enum Channel: String, Codable, Sendable, CaseIterable {
    case email
    case note

    /// E-mail when an address is known, else a note; a phone number alone never leads to a call.
    public static func choose(email: String?, address: String?) -> Channel {
        if let email, !email.trimmingCharacters(in: .whitespaces).isEmpty { return .email }
        return .note
    }
}
