import Foundation

/// How a draft greets its reader (`afterword config set greeting formal|first-name`).
///
/// Nobody writes "Dear Dana Whitfield,": a letter opens "Dear Ms. Whitfield," or "Dear Dana,".
public enum GreetingStyle: String, Sendable, CaseIterable {
    /// "Dear Ms. Whitfield," when their honorific is known, else "Dear Dana," (the default).
    case formal
    /// "Dear Dana,".
    case firstName = "first-name"
}

extension Interviewer {
    /// How a letter to them opens after "Dear": "Ms. Whitfield" or "Dana".
    ///
    /// A name with no spaces (王秀英) is written whole; an honorific typed into the name field
    /// ("Dr. Dana Whitfield") counts as their honorific.
    public func salutation(_ style: GreetingStyle) -> String {
        var written = name
        // "Whitfield, Dana" is Dana Whitfield; "Dana Whitfield, Jr." is Dana Whitfield.
        let parts = name.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if parts.count == 2 {
            let after = parts[1].lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
            written = Self.suffixes.contains(after) ? parts[0] : parts[1] + " " + parts[0]
        }
        var words = written.split(whereSeparator: \.isWhitespace).map(String.init)
        var honorific = self.honorific.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        if words.count > 2,
            Self.honorifics.contains(words[0].lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".")))
        {
            honorific = honorific ?? words[0]
            words.removeFirst()
        }
        while words.count > 2, let last = words.last,
            Self.suffixes.contains(last.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".,")))
        {
            words.removeLast()
        }
        guard words.count > 1, let first = words.first, let last = words.last else { return words.first ?? name }
        if style == .formal, let honorific {
            return "\(honorific) \(last.trimmingCharacters(in: CharacterSet(charactersIn: ",")))"
        }
        // A Vietnamese name is written family name first, and its bearer is called by the last: "Nguyễn Thị Minh Khai" is Khai.
        return Self.vietnameseFamilyNames.contains(first) ? last : first
    }

    /// True when their honorific is a professional or religious title (Dr., Prof., Rev., Judge), not a courtesy one (Ms., Mr.).
    public var hasProfessionalTitle: Bool {
        let typed = honorific ?? name.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? ""
        let bare = typed.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        return Self.honorifics.contains(bare) && !Self.courtesyTitles.contains(bare) && salutation(.formal) != salutation(.firstName)
    }

    static let courtesyTitles: Set<String> = ["mr", "mrs", "ms", "miss", "mx"]
    static let honorifics: Set<String> = [
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "rev", "reverend", "fr", "pastor", "rabbi", "imam", "sgt",
        "capt", "lt", "col", "maj", "cmdr", "hon", "judge", "councilmember", "councillor", "mayor", "coach", "sister", "father",
    ]
    /// Honorifics written as abbreviations, with a full stop: "Dr.", "Rev.", "Sgt.".
    static let abbreviatedHonorifics: Set<String> = ["mr", "mrs", "ms", "mx", "dr", "prof", "rev", "fr", "sgt", "capt", "lt", "col", "maj", "cmdr", "hon"]
    static let vietnameseFamilyNames: Set<String> = [
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
        "Lý",
    ]
    static let suffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv", "phd", "md", "esq", "mba"]
}

/// A name as people type it or cards carry it, taken apart: "Dr. Priya Raman, PhD" is Priya Raman,
/// honorific Dr.; notes, greetings and the checker then find her by her name.
public enum PersonName {
    /// Degrees and licences written after a name; never part of how a letter names someone.
    static let postNominals: Set<String> = [
        "phd", "md", "mba", "esq", "cpa", "rn", "pe", "dds", "dvm", "msc", "bsc", "ma", "ms", "bs", "ba", "msn", "bsn",
        "jd", "lcsw", "pmp", "cfa", "shrmcp", "sphr", "np", "pac", "do", "edd", "aprn", "fnp", "lpn", "cna", "dnp", "pharmd",
        "psyd", "mph", "mpa", "msw", "lmft", "lpc", "ot", "pt", "dpt", "otr", "ccc", "slp", "cissp", "ceng", "frcs",
    ]

    static let generational: Set<String> = ["jr", "sr", "ii", "iii", "iv"]

    /// True for a degree or licence as written after a name: "PhD", "P.E.", "MSN", "RN".
    static func isCredential(_ token: String) -> Bool {
        let bare = token.filter { $0 != "." && $0 != "," }
        guard !bare.isEmpty, !generational.contains(bare.lowercased()) else { return false }
        return postNominals.contains(bare.lowercased()) || postNominals.contains(bare.lowercased().replacingOccurrences(of: "-", with: ""))
            || (bare.count >= 2 && bare.count <= 5 && bare.allSatisfy { $0.isUppercase || $0 == "-" })
    }

    /// The honorific in front of the name (when a name follows it), and the name without it and
    /// without degrees after it. Generational suffixes (Jr., III) stay: they are part of the name.
    public static func split(_ typed: String) -> (honorific: String?, name: String) {
        // "Ana Lucía (DOT) Fernández": a directory's department in brackets is no part of a name.
        var text = ""
        var depth = 0
        for character in typed {
            if character == "(" { depth += 1 } else if character == ")" { depth = max(0, depth - 1) } else if depth == 0 { text.append(character) }
        }
        text = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        // "Karen Liu, MSN, RN", "Whitfield, Thomas J., P.E.": credentials after a comma go; "Whitfield, Dana" is Dana Whitfield.
        var parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var kept: [String] = []
        while parts.count > 1, let last = parts.last,
            last.split(separator: " ").allSatisfy({ isCredential(String($0)) || generational.contains($0.lowercased().filter { $0 != "." }) })
        {
            kept = last.split(separator: " ").map(String.init).filter { generational.contains($0.lowercased().filter { $0 != "." }) } + kept
            parts.removeLast()
        }
        if parts.count == 2 { parts = [parts[1], parts[0]] }
        if !parts.isEmpty { text = (parts + kept).joined(separator: " ") }
        var words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        var honorific: String?
        if words.count > 1, Interviewer.honorifics.contains(words[0].lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".")))
        {
            let word = words.removeFirst()
            let bare = word.trimmingCharacters(in: CharacterSet(charactersIn: "."))
            let lower = bare.lowercased()
            honorific =
                lower == "professor" ? "Prof." : (Interviewer.abbreviatedHonorifics.contains(lower) ? bare + "." : bare.prefix(1).uppercased() + bare.dropFirst())
        }
        while words.count > 2, let last = words.last, postNominals.contains(last.lowercased().filter { $0 != "." && $0 != "," }) {
            words.removeLast()
        }
        if var last = words.last, last.hasSuffix(","), words.count > 1 {
            last.removeLast()
            words[words.count - 1] = last
        }
        let name = words.joined(separator: " ")
        return (honorific, name.isEmpty ? typed : name)
    }
}
