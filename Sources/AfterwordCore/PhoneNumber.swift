/// Phone numbers in E.164 (`+15555550100`) when the country can be inferred.
public enum PhoneNumber {
    /// Country calling code and whether national numbers start with a trunk "0" that E.164 drops.
    static let regions: [String: (code: String, trunkZero: Bool, nationalLength: ClosedRange<Int>)] = [
        "US": ("1", false, 10...10), "CA": ("1", false, 10...10), "GB": ("44", true, 9...10), "UK": ("44", true, 9...10),
        "DE": ("49", true, 6...12), "FR": ("33", true, 9...9), "NL": ("31", true, 9...9), "ES": ("34", false, 9...9),
        "IT": ("39", false, 6...11), "IE": ("353", true, 7...9), "CH": ("41", true, 9...9), "AT": ("43", true, 4...13),
        "BE": ("32", true, 8...9), "SE": ("46", true, 7...9), "NO": ("47", false, 8...8), "DK": ("45", false, 8...8),
        "FI": ("358", true, 5...10), "PL": ("48", false, 9...9), "PT": ("351", false, 9...9), "IN": ("91", true, 10...10),
        "AU": ("61", true, 9...9), "NZ": ("64", true, 8...10), "JP": ("81", true, 9...10), "CN": ("86", true, 10...11),
        "SG": ("65", false, 8...8), "BR": ("55", true, 10...11), "MX": ("52", false, 10...10), "ZA": ("27", true, 9...9),
        "IL": ("972", true, 8...9), "KR": ("82", true, 9...10), "HK": ("852", false, 8...8),
    ]

    /// The number in E.164, or nil when it cannot be inferred (then keep what the user wrote).
    /// - Parameter region: ISO 3166 country code for numbers written without "+".
    public static func e164(_ text: String, region: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // Drop extensions ("x123", "ext. 4").
        let main = trimmed.lowercased().components(separatedBy: "ext")[0].components(separatedBy: " x")[0]
        var digits = main.filter(\.isNumber)
        guard digits.count >= 6, digits.count <= 15 else { return nil }
        if main.hasPrefix("+") { return "+" + digits }
        if digits.hasPrefix("00") { return "+" + digits.dropFirst(2) }
        guard let country = regions[region.uppercased()] else { return nil }
        if country.code == "1", digits.count == 11, digits.hasPrefix("1") { digits.removeFirst() }
        if country.trunkZero, digits.hasPrefix("0") { digits.removeFirst() }
        guard country.nationalLength.contains(digits.count) else { return nil }
        return "+" + country.code + digits
    }
}
