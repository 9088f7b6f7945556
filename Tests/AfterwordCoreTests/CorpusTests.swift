import Foundation
import Testing

@testable import AfterwordCore

/// The labelled corpus in `Corpus/`: sentences and whole messages written the way people write
/// thank-yous (formal, friendly, non-native, text-speak, UK and US), each with the error rules a
/// careful career coach would flag, and look-alikes that must not fire.
enum Corpus {
    static let sentenceRules: [RuleID] = [.noReply, .once, .noCall, .proper]
    static let messageRules: Set<RuleID> = [.thanks, .noReply, .once, .noCall, .proper, .names, .subject, .brief]

    static var directory: URL {
        get throws {
            try #require(Bundle.module.url(forResource: "Corpus", withExtension: nil))
        }
    }

    /// (expected rules, sentence) from every `sentences*.tsv`.
    static func sentences() throws -> [(Set<RuleID>, String)] {
        let folder = try directory
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("sentences") && $0.hasSuffix(".tsv") }.sorted()
        let text = try files.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }.joined(separator: "\n")
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#"), let tab = line.firstIndex(of: "\t") else { return nil }
            let labels = line[..<tab].split(separator: ",").compactMap { RuleID(rawValue: $0.trimmingCharacters(in: .whitespaces)) }
            return (Set(labels), String(line[line.index(after: tab)...]))
        }
    }

    struct Message {
        var name: String
        var expected: Set<RuleID>
        var document: Document
    }

    static func messages() throws -> [Message] {
        let folder = try directory.appendingPathComponent("messages")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        return try names.map { name in
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            var directives: [String: String] = [:]
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            while let first = lines.first, first.hasPrefix("# ") {
                let parts = first.dropFirst(2).split(separator: ":", maxSplits: 1)
                if parts.count == 2 { directives[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces) }
                lines.removeFirst()
            }
            let channel = Channel(rawValue: directives["channel"] ?? "email") ?? .email
            var document = Document.parse(lines.joined(separator: "\n"), path: name, defaultChannel: channel)
            document.recipientName = directives["to"]
            document.company = directives["company"]
            document.role = directives["role"]
            let expected = (directives["expect"] ?? "none").split(separator: ",")
                .compactMap { RuleID(rawValue: $0.trimmingCharacters(in: .whitespaces)) }
            return Message(name: name, expected: Set(expected), document: document)
        }
    }

    /// The error rules the checker reports for a sentence placed in an otherwise good e-mail.
    static func errors(inSentence sentence: String) -> Set<RuleID> {
        let text = """
            Subject: Thank you — Backend Engineer interview

            Dear Dana Whitfield,

            Thank you for your time today and for talking with me about the Backend Engineer role. \(sentence)

            I enjoyed learning more about Acme, and I look forward to hearing from you.

            Best regards,
            Alex Doe
            """
        var document = Document.parse(text, path: "corpus")
        document.recipientName = "Dana Whitfield"
        document.company = "Acme"
        return Set(Checker().check(document).filter { $0.severity == .error }.map(\.rule)).intersection(sentenceRules)
    }
}

@Suite struct CorpusTests {
    @Test("per-rule precision and recall on the labelled sentences are at least 0.9")
    func sentences() throws {
        let corpus = try Corpus.sentences()
        #expect(corpus.count >= 400)
        var counts: [RuleID: (tp: Int, fp: Int, fn: Int)] = [:]
        var misses: [String] = []
        for (expected, sentence) in corpus {
            let found = Corpus.errors(inSentence: sentence)
            for rule in Corpus.sentenceRules {
                var count = counts[rule] ?? (0, 0, 0)
                switch (expected.contains(rule), found.contains(rule)) {
                case (true, true): count.tp += 1
                case (false, true):
                    count.fp += 1
                    misses.append("  false \(rule.rawValue): \(sentence)")
                case (true, false):
                    count.fn += 1
                    misses.append("  missed \(rule.rawValue): \(sentence)")
                default: break
                }
                counts[rule] = count
            }
        }
        var report = "rule         precision  recall  (tp fp fn)\n"
        for rule in Corpus.sentenceRules {
            let c = counts[rule] ?? (0, 0, 0)
            let precision = Double(c.tp) / Double(max(1, c.tp + c.fp))
            let recall = Double(c.tp) / Double(max(1, c.tp + c.fn))
            report += "\(rule.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \(String(format: "%.3f", precision))      \(String(format: "%.3f", recall))   (\(c.tp) \(c.fp) \(c.fn))\n"
            #expect(precision >= 0.9, "\(rule.rawValue) precision \(precision)")
            #expect(recall >= 0.9, "\(rule.rawValue) recall \(recall)")
        }
        print(report + misses.joined(separator: "\n"))
    }

    @Test("whole messages: the checker agrees with the coach on pass or fail and on the set of error rules")
    func messages() throws {
        let messages = try Corpus.messages()
        #expect(messages.count >= 60)
        var passFail = 0
        var exact = 0
        var report: [String] = []
        for message in messages {
            let findings = Checker().check(message.document)
            let errors = Set(findings.filter { $0.severity == .error }.map(\.rule)).intersection(Corpus.messageRules)
            if errors.isEmpty == message.expected.isEmpty { passFail += 1 }
            if errors == message.expected {
                exact += 1
            } else {
                let extra = findings.filter { $0.severity == .error && !message.expected.contains($0.rule) && Corpus.messageRules.contains($0.rule) }
                    .map { "\($0.rule.rawValue) \"\($0.excerpt ?? "")\"" }
                report.append("  \(message.name): expected \(message.expected.map(\.rawValue).sorted()) found \(errors.map(\.rawValue).sorted()) \(extra)")
            }
            // No floods: a rule reports at most five findings on one message.
            let perRule = Dictionary(grouping: findings, by: \.rule).mapValues(\.count)
            #expect(perRule.values.allSatisfy { $0 <= 5 }, "\(message.name): \(perRule)")
        }
        print("messages: pass/fail agreement \(passFail)/\(messages.count), exact error sets \(exact)/\(messages.count)\n" + report.joined(separator: "\n"))
        #expect(Double(passFail) >= 0.93 * Double(messages.count))
        #expect(Double(exact) >= 0.88 * Double(messages.count))
    }
}
