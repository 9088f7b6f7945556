/// The rules that compare the drafts of one panel with each other.
enum PanelRules {
    /// AW-DISTINCT and the panel part of AW-NAMES over drafts to one company.
    /// - Parameter report: receives the position of the draft in `inputs` and a finding for it.
    static func check(_ inputs: [RuleInput], report: (Int, Flag) -> Void) {
        let shingles = inputs.map { Shingles(words: $0.tokens.filter { $0.kind == .word || $0.kind == .number }.map(\.lower)) }
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
        // Which drafts' recipients carry each name word, built once: every draft is then read once.
        var owners: [String: [Int]] = [:]
        for (position, input) in inputs.enumerated() {
            guard let name = input.document.recipientName else { continue }
            for word in Set(NameWords.words(of: name).filter({ $0.count >= 2 })) { owners[word, default: []].append(position) }
        }
        for (position, input) in inputs.enumerated() {
            let ownWords = Set(input.document.recipientName.map(NameWords.words(of:)) ?? [])
            let companyWords = Set(input.document.company.map(NameWords.words(of:)) ?? [])
            for index in input.tokens.indices where input.tokens[index].kind == .word {
                let token = input.tokens[index]
                let word = stripPossessive(input.analysis.text(token.start, token.end))
                guard let holders = owners[word], !ownWords.contains(word), !companyWords.contains(word) else { continue }
                for other in holders where other != position {
                    let otherName = inputs[other].document.recipientName ?? word
                    report(
                        position,
                        input.flag(
                            .names, .error,
                            "carries \(otherName)'s name, who gets their own note; a panel's notes never mix names",
                            tokens: index, index))
                }
            }
        }
    }

    private static func stripPossessive(_ word: String) -> String {
        word.hasSuffix("'s") || word.hasSuffix("’s") ? String(word.dropLast(2)) : word
    }
}

/// The set of word n-grams of a text (hashed), for near-duplicate detection.
struct Shingles: Sendable {
    let set: Set<Int>

    init(words: [String], size: Int = EtiquetteLimits.shingleSize) {
        guard words.count >= size else {
            set = words.isEmpty ? [] : [words.joined(separator: " ").hashValue]
            return
        }
        var set = Set<Int>(minimumCapacity: words.count)
        for start in 0...(words.count - size) {
            var hasher = Hasher()
            for word in words[start..<start + size] { hasher.combine(word) }
            set.insert(hasher.finalize())
        }
        self.set = set
    }

    /// Jaccard similarity: shared shingles over all shingles.
    func jaccard(_ other: Shingles) -> Double {
        let (small, large) = set.count <= other.set.count ? (set, other.set) : (other.set, set)
        guard !large.isEmpty else { return 0 }
        var shared = 0
        for shingle in small where large.contains(shingle) { shared += 1 }
        let union = small.count + large.count - shared
        return union == 0 ? 0 : Double(shared) / Double(union)
    }
}
