/// E-mail address syntax (RFC 5321, with internationalised domains and local parts).
public enum EmailAddress {
    private static let atext = Set("!#$%&'*+/=?^_`{|}~-.")

    /// True for `local@domain.tld`: a dot-atom local part (Unicode letters allowed, as SMTPUTF8 does)
    /// and a domain of letter-digit-hyphen labels, at least two of them.
    public static func isPlausible(_ text: String) -> Bool {
        guard let at = text.lastIndex(of: "@") else { return false }
        let local = text[..<at]
        let domain = text[text.index(after: at)...]
        guard !local.isEmpty, local.utf8.count <= 64, !domain.isEmpty, domain.utf8.count <= 253,
            local.first != ".", local.last != ".", !local.contains(".."),
            local.allSatisfy({ $0.isLetter || $0.isNumber || atext.contains($0) })
        else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2
            && labels.allSatisfy { label in
                !label.isEmpty && label.first != "-" && label.last != "-" && label.utf8.count <= 63
                    && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
            }
            && labels.last?.allSatisfy({ $0.isLetter || $0 == "-" || $0.isNumber }) == true
    }

    /// The address with its domain lower-cased (domains are case-blind; the local part is kept as written).
    public static func normalized(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let at = trimmed.lastIndex(of: "@") else { return trimmed }
        return String(trimmed[..<at]) + trimmed[at...].lowercased()
    }
}
