/// E-mail address syntax, as far as a person typing one needs checking.
public enum EmailAddress {
    /// True for `local@domain.tld` with no spaces, one `@`, and a dotted domain.
    public static func isPlausible(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last, !local.isEmpty, local.count <= 64,
            domain.count <= 253, !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," })
        else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2
            && labels.allSatisfy { !$0.isEmpty && $0.first != "-" && $0.last != "-" && $0.count <= 63 }
    }
}
