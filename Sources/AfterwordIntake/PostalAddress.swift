/// Postal addresses laid out the way the destination country's post expects them.
public enum PostalAddress {
    /// Countries that write the postal code before the town ("10117 Berlin").
    static let codeFirst: Set<String> = [
        "germany", "deutschland", "de", "france", "fr", "austria", "österreich", "at", "switzerland", "schweiz", "ch",
        "netherlands", "nederland", "nl", "belgium", "belgië", "belgique", "be", "spain", "españa", "es", "italy",
        "italia", "it", "poland", "polska", "pl", "sweden", "sverige", "se", "denmark", "danmark", "dk", "norway",
        "norge", "no", "finland", "suomi", "fi", "portugal", "pt", "czech republic", "czechia", "cz", "luxembourg",
        "lu", "greece", "gr", "hungary", "hu", "slovakia", "sk", "slovenia", "si", "croatia", "hr", "iceland", "is",
    ]

    /// The lines of an address from its parts (vCard ADR order); empty parts are left out.
    public static func lines(
        box: String?, extended: String?, street: String?, locality: String?, region: String?, postalCode: String?,
        country: String?
    ) -> [String] {
        func clean(_ part: String?) -> String? {
            guard let part = part?.trimmingCharacters(in: .whitespacesAndNewlines), !part.isEmpty else { return nil }
            return part
        }
        var lines: [String] = []
        for part in [box.map { $0.isEmpty ? $0 : ($0.lowercased().contains("box") ? $0 : "PO Box \($0)") }, extended, street] {
            guard let part = clean(part) else { continue }
            lines += part.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let countryKey = clean(country)?.lowercased() ?? ""
        let town: String
        if codeFirst.contains(countryKey) {
            town = [clean(postalCode), clean(locality)].compactMap { $0 }.joined(separator: " ")
            if let region = clean(region), !town.contains(region) { lines.append(contentsOf: town.isEmpty ? [region] : [town, region]) } else if !town.isEmpty { lines.append(town) }
        } else {
            let regionAndCode = [clean(region), clean(postalCode)].compactMap { $0 }.joined(separator: " ")
            town = [clean(locality), regionAndCode.isEmpty ? nil : regionAndCode].compactMap { $0 }.joined(separator: ", ")
            if !town.isEmpty { lines.append(town) }
        }
        if let country = clean(country) { lines.append(country) }
        return lines
    }
}

import Foundation
