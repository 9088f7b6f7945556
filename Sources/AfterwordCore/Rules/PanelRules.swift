/// The rules that compare the drafts of one panel with each other.
enum PanelRules {
    /// AW-DISTINCT and the panel part of AW-NAMES over drafts to one company.
    /// - Parameter report: receives the position of the draft in `inputs` and a finding for it.
    static func check(_ inputs: [RuleInput], report: (Int, Finding) -> Void) {
        let shingles = inputs.map { Shingles(words: $0.words.map(\.normalized)) }
        for first in inputs.indices {
            for second in inputs.indices where second > first {
                let similarity = shingles[first].jaccard(shingles[second])
                guard similarity > EtiquetteLimits.distinctSimilarity else { continue }
                let percent = Int((similarity * 100).rounded())
                for (this, other) in [(first, second), (second, first)] {
                    report(
                        this,
                        inputs[this].missing(
                            .distinct, .error,
                            "\(percent)% the same as \(inputs[other].document.path); interviewers at one company compare notes, so write each one its own"
                        ))
                }
            }
        }
        for (position, input) in inputs.enumerated() {
            let ownWords = Set(input.document.recipientName.map(NameWords.words(of:)) ?? [])
            let companyWords = Set(input.document.company.map(NameWords.words(of:)) ?? [])
            for (otherPosition, other) in inputs.enumerated() where otherPosition != position {
                guard let otherName = other.document.recipientName else { continue }
                let foreign = Set(NameWords.words(of: otherName).filter { $0.count >= 2 })
                    .subtracting(ownWords).subtracting(companyWords)
                for token in input.words where foreign.contains(stripPossessive(token.text)) {
                    report(
                        position,
                        input.finding(
                            .names, .error,
                            "carries \(otherName)'s name, who gets their own note; a panel's notes never mix names",
                            at: token.range))
                }
            }
        }
    }

    private static func stripPossessive(_ word: String) -> String {
        word.hasSuffix("'s") || word.hasSuffix("’s") ? String(word.dropLast(2)) : word
    }
}

/// The set of word n-grams of a text, for near-duplicate detection.
struct Shingles: Sendable {
    let set: Set<String>

    init(words: [String], size: Int = EtiquetteLimits.shingleSize) {
        guard words.count >= size else {
            set = words.isEmpty ? [] : [words.joined(separator: " ")]
            return
        }
        var set = Set<String>()
        for start in 0...(words.count - size) {
            set.insert(words[start..<start + size].joined(separator: " "))
        }
        self.set = set
    }

    /// Jaccard similarity: shared shingles over all shingles.
    func jaccard(_ other: Shingles) -> Double {
        let union = set.union(other.set).count
        return union == 0 ? 0 : Double(set.intersection(other.set).count) / Double(union)
    }
}
