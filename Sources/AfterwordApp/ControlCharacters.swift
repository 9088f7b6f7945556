/// Control characters in text from outside (cards, invites, edits): SQLite cuts a text at its first
/// NUL, and an escape sequence printed raw can clear or retitle the user's terminal.
public enum ControlCharacters {
    /// True for C0 controls other than line break and tab, DEL, and C1 controls.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }

    /// The first control character and the 1-based line it is on, or nil when there is none.
    public static func first(in text: String) -> (scalar: Unicode.Scalar, line: Int)? {
        var line = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" { line += 1 }
            if scalar == "\r" { continue }
            if isControl(scalar) { return (scalar, line) }
        }
        return nil
    }

    /// The text without control characters (CR LF and lone CR become line breaks).
    public static func stripped(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var previousCR = false
        for scalar in text.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            if scalar == "\r" {
                scalars.append("\n")
            } else if scalar == "\n" {
                if !previousCR { scalars.append(scalar) }
            } else if !isControl(scalar) {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// The text safe for a terminal: each control character written as `\u{1B}`, line breaks and tabs kept.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `U+0000` for messages.
    public static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
