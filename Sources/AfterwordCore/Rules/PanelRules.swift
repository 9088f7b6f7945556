/// The rules that compare the drafts of one panel with each other.
enum PanelRules {
    /// AW-DISTINCT and the panel part of AW-NAMES over drafts to one company.
    /// - Parameter report: receives the position of the draft in `inputs` and a finding for it.
    static func check(_ inputs: [RuleInput], report: (Int, Flag) -> Void) {
        let shingles = inputs.map { Shingles(words: $0.analysis.wordTokens.map(\.lower)) }
        for (first, second) in Shingles.candidatePairs(shingles, threshold: EtiquetteLimits.distinctSimilarity) {
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
        // Which drafts' recipients carry each name word, built once: every draft is then read once.
        // Keyed by the lower-cased word; the written word must match exactly.
        var owners: [String: [(word: String, draft: Int)]] = [:]
        let nameWords = inputs.map { $0.document.recipientName.map(NameWords.words(of:)) ?? [] }
        for (position, words) in nameWords.enumerated() {
            for word in Set(words.filter({ $0.count >= 2 })) { owners[word.lowercased(), default: []].append((word, position)) }
        }
        for (position, input) in inputs.enumerated() {
            let ownWords = Set(nameWords[position])
            let companyWords = Set(input.document.company.map(NameWords.words(of:)) ?? [])
            for index in input.tokens.indices where input.tokens[index].kind == .word {
                let token = input.tokens[index]
                let lower = token.lower.hasSuffix("'s") ? String(token.lower.dropLast(2)) : token.lower
                guard let holders = owners[lower] else { continue }
                let word = stripPossessive(input.analysis.text(token.start, token.end))
                guard !ownWords.contains(word), !companyWords.contains(word),
                    let other = holders.first(where: { $0.word == word && $0.draft != position })
                else { continue }
                // One finding per word, naming one of the panelists it belongs to.
                let otherName = inputs[other.draft].document.recipientName ?? word
                report(
                    position,
                    input.flag(
                        .names, .error, "carries \(otherName)'s name, who gets their own note; a panel's notes never mix names",
                        tokens: index, index))
            }
        }
    }

    private static func stripPossessive(_ word: String) -> String {
        word.hasSuffix("'s") || word.hasSuffix("’s") ? String(word.dropLast(2)) : word
    }
}

/// The set of word n-grams of a text (hashed, sorted), for near-duplicate detection.
struct Shingles: Sendable {
    /// Distinct shingle hashes in ascending order: two sets are compared by one merge, no hashing.
    let sorted: [Int]

    init(words: [String], size: Int = EtiquetteLimits.shingleSize) {
        guard words.count >= size else {
            sorted = words.isEmpty ? [] : [words.joined(separator: " ").hashValue]
            return
        }
        var hashes: [Int] = []
        hashes.reserveCapacity(words.count)
        for start in 0...(words.count - size) {
            var hasher = Hasher()
            for word in words[start..<start + size] { hasher.combine(word) }
            hashes.append(hasher.finalize())
        }
        hashes.sort()
        var unique: [Int] = []
        unique.reserveCapacity(hashes.count)
        for hash in hashes where unique.last != hash { unique.append(hash) }
        sorted = unique
    }

    /// Jaccard similarity: shared shingles over all shingles.
    func jaccard(_ other: Shingles) -> Double {
        let (a, b) = (sorted, other.sorted)
        guard !a.isEmpty || !b.isEmpty else { return 0 }
        var i = 0
        var j = 0
        var shared = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                shared += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        let union = a.count + b.count - shared
        return union == 0 ? 0 : Double(shared) / Double(union)
    }

    /// The pairs of sets that may reach `threshold`, in ascending order, found by prefix filtering:
    /// with each set's shingles ordered rarest first, two sets whose Jaccard similarity reaches the
    /// threshold share a shingle among the first `n - ⌈threshold·n⌉ + 1` of each. Only those
    /// prefixes are indexed, so a large panel is not compared pair by pair. Exact: no pair above
    /// the threshold is missed.
    static func candidatePairs(_ sets: [Shingles], threshold: Double) -> [(Int, Int)] {
        var frequency: [Int: Int] = [:]
        for set in sets { for shingle in set.sorted { frequency[shingle, default: 0] += 1 } }
        var index: [Int: [Int]] = [:]
        var pairs = Set<Int>()
        var found: [(Int, Int)] = []
        for (position, set) in sets.enumerated() {
            let ordered = set.sorted.map { (frequency[$0] ?? 0, $0) }.sorted { $0 < $1 }.map(\.1)
            let count = ordered.count
            let prefix = count == 0 ? 0 : count - Int((threshold * Double(count)).rounded(.up)) + 1
            for shingle in ordered.prefix(max(1, prefix)) {
                for other in index[shingle, default: []] where pairs.insert(other * sets.count + position).inserted {
                    found.append((other, position))
                }
                index[shingle, default: []].append(position)
            }
        }
        return found.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
    }
}
