/// AW-NAMES — the greeting names the right person, spelled exactly as on their card; the company is exact.
///
/// Careers advice (beyond the seed): a misspelt name is the one mistake every reader notices.
struct NamesRule: DocumentRule {
    /// Legal-form words that are not part of how people write a company's name.
    static let companySuffixes: Set<String> = [
        "inc", "corp", "corporation", "llc", "ltd", "limited", "co", "gmbh", "ag", "sa", "plc", "bv", "the", "and",
        "of", "group", "company",
    ]

    func check(_ input: RuleInput) -> [Finding] {
        var found: [Finding] = []
        if let name = input.document.recipientName { found += greeting(input, name: name) }
        found += spellings(input)
        return found
    }

    private func greeting(_ input: RuleInput, name: String) -> [Finding] {
        let expected = NameWords.words(of: name)
        guard let line = input.greeting, let parsed = Greeting.parse(line.text) else {
            return [input.missing(.names, .warning, "open by greeting \(name) by name, spelled as on their card")]
        }
        let nameRange = (line.start + parsed.nameOffset)..<(line.start + parsed.nameOffset + parsed.name.count)
        let words = Greeting.nameWords(parsed.name)
        if words.isEmpty || Greeting.generic.contains(parsed.name.lowercased()) {
            let range = parsed.name.isEmpty ? line.start..<(line.start + line.text.count) : nameRange
            return [input.finding(.names, .error, "greet \(name) by name, spelled as on their card", at: range)]
        }
        var found: [Finding] = []
        var offset = nameRange.lowerBound
        var remaining = Substring(parsed.name)
        for word in words {
            let clean = String(word).trimmingCharacters(in: CharacterSet(charactersIn: ".,"))
            if let position = remaining.range(of: word) {
                offset += remaining.distance(from: remaining.startIndex, to: position.lowerBound)
                remaining = remaining[position.upperBound...]
            }
            let range = offset..<(offset + word.count)
            offset += word.count
            if expected.contains(clean) { continue }
            if let intended = expected.first(where: { NameWords.isNearMiss(clean, of: $0) }) {
                found.append(
                    input.finding(
                        .names, .error, "\"\(clean)\" is not spelled as on their card: write \"\(intended)\"", at: range))
            } else {
                found.append(
                    input.finding(.names, .error, "the greeting names \"\(clean)\", but this is to \(name)", at: range))
            }
        }
        return found
    }

    /// Near-misses of the recipient's and the company's names anywhere in the body ("Github" for "GitHub").
    private func spellings(_ input: RuleInput) -> [Finding] {
        var expected: [(word: String, what: String)] = []
        if let company = input.document.company {
            expected += NameWords.words(of: company).filter { !Self.companySuffixes.contains($0.lowercased()) && $0.count >= 3 }
                .map { ($0, "the company is written \"\(company)\"") }
        }
        if let name = input.document.recipientName {
            expected += NameWords.words(of: name).filter { $0.count >= 3 }.map { ($0, "their name is written \"\(name)\"") }
        }
        guard !expected.isEmpty else { return [] }
        let exact = Set(expected.map(\.word))
        let foldedExpected = expected.map { NameWords.folded($0.word) }
        let greetingEnd = input.greeting.map { $0.start + $0.text.count } ?? 0
        var found: [Finding] = []
        var sentenceStart = true
        for token in input.normalized.tokens {
            guard token.isWord else {
                if ".?!:;".contains(token.text) { sentenceStart = true }
                continue
            }
            defer { sentenceStart = false }
            guard token.range.lowerBound >= greetingEnd else { continue }
            var word = token.text
            if word.hasSuffix("'s") || word.hasSuffix("’s") { word = String(word.dropLast(2)) }
            guard !exact.contains(word), word.count >= 3, word.contains(where: \.isUppercase) else { continue }
            let length = word.count
            guard expected.contains(where: { abs($0.word.count - length) <= 2 }) else { continue }
            let foldedWord = NameWords.folded(word)
            for (candidate, foldedCandidate) in zip(expected, foldedExpected) where abs(candidate.word.count - length) <= 2 {
                let sameLetters = foldedWord == foldedCandidate
                let typo = !sentenceStart && word.count >= 5 && NameWords.isNearMiss(word, of: candidate.word)
                    && word.first?.isUppercase == true
                if sameLetters || typo {
                    found.append(
                        input.finding(
                            .names, .error, "\"\(word)\" is not exact: \(candidate.what)",
                            at: token.range.lowerBound..<(token.range.lowerBound + word.count)))
                    break
                }
            }
        }
        return found
    }
}

import Foundation
