import Foundation
import Testing

/// Realistic interviews (messy notes, real invites, panels) recorded and composed through the real
/// binary by scripts/compose-scenarios, then held to the bar every composed sentence must meet.
/// The scenarios were written by someone who had not read the composer (Tests/Scenarios/README.md).
@Suite struct ScenarioCLITests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Every scenario folder of both sets.
    static func scenarios() throws -> [String] {
        try ["tuning", "heldout", "heldout2"].flatMap { set in
            let folder = root.appendingPathComponent("Tests/Scenarios/\(set)")
            return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { folder.appendingPathComponent($0).path }
        }
    }

    /// The composed drafts of every scenario: each with its scenario's notes, panel and chosen topics.
    static func compose(topics: Bool) throws -> [[String: Any]] {
        let result = try CLI.run(
            executable: URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", root.appendingPathComponent("scripts/compose-scenarios").path, "--json", "--bin", CLI.binary.path]
                + (topics ? ["--topics"] : []) + (try scenarios()),
            home: CLI().home)
        #expect(result.status == 0, "\(result.stderr)")
        let data = Data(result.stdout.utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    }

    /// Lower-case words of a text.
    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" }).map(String.init)
    }

    /// What is wrong with one composed body, by the bar every composed sentence must meet.
    static func problems(_ body: String, recipient: String, panel: [String], company: String, notes: String, topic: String?) -> [String] {
        var found: [String] = []
        for marker in ["(", ")", "->", "w/", "{", "}", "  ", " ,", " .", "..", "?"] where body.contains(marker) {
            found.append("contains \"\(marker)\"")
        }
        let bodyWords = words(body)
        for sentence in body.split(whereSeparator: { ".!?\n".contains($0) }) {
            let sentenceWords = words(String(sentence))
            for (first, second) in zip(sentenceWords, sentenceWords.dropFirst()) where first == second { found.append("doubled \"\(first)\"") }
        }
        let own = Set(words(recipient) + words(company))
        for other in panel where other != recipient {
            for part in words(other) where part.count > 2 && !own.contains(part) && bodyWords.contains(part) {
                found.append("names another panelist (\(part))")
            }
        }
        // No three words in a row of the notes, outside the topic the user chose.
        var outside = body
        if let topic { outside = outside.replacingOccurrences(of: topic, with: " ") }
        let noteWords = words(notes)
        let written = Set(zip(zip(words(outside), words(outside).dropFirst()), words(outside).dropFirst(2)).map { "\($0.0) \($0.1) \($1)" })
        for triple in zip(zip(noteWords, noteWords.dropFirst()), noteWords.dropFirst(2)).map({ "\($0.0) \($0.1) \($1)" })
        where written.contains(triple) && triple.split(separator: " ").contains(where: { !Self.commonWords.contains(String($0)) }) {
            found.append("repeats the notes (\(triple))")
        }
        // A company's own full stop ("Hartwell Electric Co.") ends no sentence.
        let lines = body.replacingOccurrences(of: company + " ", with: "Company ")
            .replacingOccurrences(of: company, with: company.hasSuffix(".") ? "Company." : "Company").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let closing = lines.lastIndex(where: { $0.hasSuffix(",") && !$0.hasPrefix("Dear ") }) {
            for paragraph in lines[1..<closing] where !paragraph.isEmpty {
                guard let first = paragraph.first, first.isUppercase, let last = paragraph.last, ".!".contains(last) else {
                    found.append("a paragraph that is not whole sentences: \(paragraph)")
                    continue
                }
                for start in paragraph.components(separatedBy: ". ").dropFirst() where !(start.first?.isUppercase ?? false) {
                    found.append("a sentence opening in lower case: \(start)")
                }
            }
        } else {
            found.append("no sign-off")
        }
        return found
    }

    /// Words any letter shares with any note: three of them in a row ("tell me about") repeat nothing.
    static let commonWords: Set<String> = [
        "i", "you", "me", "my", "your", "we", "our", "the", "a", "an", "for", "to", "about", "with", "and", "of", "in", "on",
        "at", "it", "is", "was", "be", "that", "this", "tell", "talk", "time", "thank", "thanks", "look", "forward",
        "hearing", "from", "meeting", "speaking", "speak", "sit", "down", "more", "learn", "learning", "work", "team",
        "role", "position", "interview", "job", "what", "how", "so", "much", "really", "enjoyed", "conversation", "day",
    ]

    @Test("every scenario's drafts, with the first suggested topics chosen and with none: no error or warning, nothing embarrassing", arguments: [true, false])
    func scenarioDrafts(topics: Bool) throws {
        let results = try Self.compose(topics: topics)
        #expect(results.count == (try Self.scenarios()).count)
        var drafts = 0
        for result in results {
            let scenario = result["scenario"] as? String ?? "?"
            let notes = result["notes"] as? String ?? ""
            let panel = result["panel"] as? [String] ?? []
            let chosen = result["topics"] as? [String: String] ?? [:]
            for draft in result["drafts"] as? [[String: Any]] ?? [] {
                drafts += 1
                let body = draft["body"] as? String ?? ""
                let name = draft["name"] as? String ?? ""
                let findings = (draft["findings"] as? [String] ?? []).filter { !$0.contains(" hint:") }
                #expect(findings.isEmpty, "\(scenario) → \(name): \(findings)\n\(body)")
                let topic = chosen.values.first { body.contains($0) }
                let problems = Self.problems(
                    body, recipient: name, panel: panel, company: result["company"] as? String ?? "", notes: notes, topic: topic)
                #expect(problems.isEmpty, "\(scenario) → \(name): \(problems)\n\(body)")
            }
        }
        #expect(drafts >= 100)
    }
}
