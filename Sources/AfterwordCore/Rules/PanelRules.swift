/// The rules that compare the drafts of one panel with each other.
enum PanelRules {
    /// AW-DISTINCT and the panel part of AW-NAMES over drafts to one company.
    /// - Parameter report: receives the position of the draft in `inputs` and a finding for it.
    static func check(_ inputs: [RuleInput], report: (Int, Flag) -> Void) {
        var table = ShingleTable()
        let shingles = inputs.map { table.shingles($0.analysis.wordIDs) }
        for (first, second, similarity) in Shingles.similarPairs(shingles, above: EtiquetteLimits.distinctSimilarity) {
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
        let nameWords = inputs.map(\.recipientWords)
        for (position, words) in nameWords.enumerated() {
            for word in Set(words.filter({ $0.count >= 2 })) { owners[word.lowercased(), default: []].append((word, position)) }
        }
        guard !owners.isEmpty else { return }
        // The byte length and first byte of each key: most words are passed over without hashing them.
        let longest = owners.keys.map(\.utf8.count).max() ?? 0
        var shapes = [Bool](repeating: false, count: (longest + 1) * 256)
        for key in owners.keys { shapes[key.utf8.count * 256 + Int(key.utf8.first ?? 0)] = true }
        func mayBeKey(_ length: Int, _ first: UInt8) -> Bool { length <= longest && shapes[length * 256 + Int(first)] }
        for (position, input) in inputs.enumerated() {
            let ownWords = Set(nameWords[position])
            let companyWords = Set(input.companyWords)
            for index in input.tokens.indices where input.tokens[index].kind == .word {
                let token = input.tokens[index]
                let length = token.lower.utf8.count
                let first = token.lower.utf8.first ?? 0
                guard mayBeKey(length, first) || length >= 2 && mayBeKey(length - 2, first) else { continue }
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

/// The set of word n-grams of a text, as ids a ``ShingleTable`` gave them, for near-duplicate detection.
struct Shingles: Sendable {
    /// Distinct shingle ids in ascending order.
    let sorted: [UInt32]

    /// Shared shingles over all shingles of two sets of the given sizes.
    static func similarity(shared: Int, _ first: Int, _ second: Int) -> Double {
        let union = first + second - shared
        return union == 0 ? 0 : Double(shared) / Double(union)
    }

    /// Every pair of sets whose Jaccard similarity is above `threshold`, with it, ordered by first
    /// then second position (first < second).
    ///
    /// Each set is read once against an index from shingle to the sets before it that hold it, which
    /// counts the shingles every earlier set shares with it: no pair is merged shingle by shingle,
    /// and a pair that shares nothing costs one read of its counter. Exact, like comparing every pair.
    static func similarPairs(_ sets: [Shingles], above threshold: Double) -> [(first: Int, second: Int, similarity: Double)] {
        // The sets holding each shingle, in order, in one array: shingle s's holders are
        // holders[start[s]..<start[s + 1]], and the first seen[s] of them come before the set being read.
        let shingleCount = Int(sets.map { $0.sorted.last ?? 0 }.max() ?? 0) + 1
        var start = [Int](repeating: 0, count: shingleCount + 1)
        for set in sets { for shingle in set.sorted { start[Int(shingle) + 1] += 1 } }
        for shingle in 0..<shingleCount { start[shingle + 1] += start[shingle] }
        var holders = [Int](repeating: 0, count: start[shingleCount])
        var seen = [Int](repeating: 0, count: shingleCount)
        var shared = [Int](repeating: 0, count: sets.count)
        var found: [(first: Int, second: Int, similarity: Double)] = []
        for (position, set) in sets.enumerated() {
            for shingle in set.sorted.lazy.map({ Int($0) }) {
                let first = start[shingle]
                for other in holders[first..<first + seen[shingle]] { shared[other] += 1 }
                holders[first + seen[shingle]] = position
                seen[shingle] += 1
            }
            // The earlier sets are read once more, in order: cheaper than noting which were touched.
            for other in 0..<position where shared[other] > 0 {
                let similarity = similarity(shared: shared[other], sets[other].sorted.count, set.sorted.count)
                if similarity > threshold { found.append((other, position, similarity)) }
                shared[other] = 0
            }
        }
        return found.sorted { ($0.first, $0.second) < ($1.first, $1.second) }
    }
}

/// Gives the word n-grams of the drafts of one panel small integer ids, so that their shingle sets
/// are sorted integers and no shingle is hashed as text.
struct ShingleTable {
    /// An n-gram's id by the id of its first n - 1 words (0 for none) and the id of its last word.
    private var grams: [UInt64: UInt32] = [:]

    /// The distinct `size`-word shingles of a text given by its words' ids (``Token/id``); a text
    /// shorter than that is one shingle of all its words.
    mutating func shingles(_ ids: [UInt32], size: Int = EtiquetteLimits.shingleSize) -> Shingles {
        guard !ids.isEmpty else { return Shingles(sorted: []) }
        var result: [UInt32] = []
        if ids.count < size {
            result = [ids.reduce(0) { gram($0, $1) }]
        } else {
            result.reserveCapacity(ids.count - size + 1)
            for start in 0...(ids.count - size) {
                result.append(ids[start..<start + size].reduce(0) { gram($0, $1) })
            }
            result.sort()
            var unique = 0
            for shingle in result where unique == 0 || result[unique - 1] != shingle {
                result[unique] = shingle
                unique += 1
            }
            result.removeLast(result.count - unique)
        }
        return Shingles(sorted: result)
    }

    /// The id of the n-gram made of the n-gram `prefix` followed by the word `word`; ids start at 1.
    private mutating func gram(_ prefix: UInt32, _ word: UInt32) -> UInt32 {
        let key = UInt64(prefix) << 32 | UInt64(word)
        if let id = grams[key] { return id }
        let id = UInt32(grams.count + 1)
        grams[key] = id
        return id
    }
}
