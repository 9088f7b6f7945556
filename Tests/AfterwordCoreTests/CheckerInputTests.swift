import Foundation
import Testing

@testable import AfterwordCore

/// Hostile or odd input: the checker answers with findings, never a crash, in time linear in the input.
@Suite struct CheckerInputTests {
    func check(_ body: String) -> [Finding] {
        Checker().check(Document.parse(body, path: "input", defaultChannel: .email))
    }

    @Test("empty input, whitespace only and a lone greeting give findings, not a crash")
    func emptyInput() {
        #expect(check("").contains { $0.rule == .thanks })
        #expect(check("\n\n   \n").contains { $0.rule == .thanks })
        #expect(check("Dear Dana,").contains { $0.rule == .thanks })
    }

    @Test("a follow-up that opens a clause right after \"the,\" is read, not a crash")
    func followUpAfterComma() {
        #expect(check("Dear Dana,\n\nThank you for your time. I got the, follow-up on it.\n\nAlex").contains { $0.rule == .thanks } == false)
    }

    @Test("NUL bytes, invalid UTF-8 and combining-mark floods are read as text")
    func oddCharacters() {
        let nul = check("Dear Dana,\n\nThank you\u{0} for your time. Please confirm\u{0} you received this.\n\nAlex")
        #expect(nul.contains { $0.rule == .noReply })
        let invalid = String(decoding: [0x44, 0x65, 0x61, 0x72, 0xFF, 0xFE, 0x20, 0x74, 0x68, 0x61, 0x6E, 0x6B, 0x73], as: UTF8.self)
        #expect(!check(invalid).contains { $0.rule == .thanks && $0.severity == .error })
        let flood = "Thank you " + String(repeating: "e\u{301}\u{302}\u{303}", count: 50_000) + " for your time."
        #expect(!check(flood).contains { $0.rule == .thanks && $0.severity == .error })
    }

    @Test("a 1 MB word and a 5 MB message are checked, with findings at the right line")
    func hugeInput() {
        let word = String(repeating: "a", count: 1_000_000)
        #expect(check("Dear Dana,\n\n\(word)\n\nAlex").contains { $0.rule == .thanks })
        let sentence = "Thank you for the talk about Postgres. Please let me know where things stand.\n"
        let big = String(repeating: sentence, count: 5_000_000 / sentence.utf8.count)
        let findings = check(big)
        let noReply = findings.filter { $0.rule == .noReply }
        #expect(noReply.count == Checker.maxFindingsPerRule)
        #expect(noReply.last?.message.contains("more like this further on") == true)
        #expect(noReply.last?.line == 5)
    }

    @Test("a finding's column counts characters, not bytes")
    func columns() {
        let findings = check("Dear Zoë,\n\nThank you. Ünïcödé wörds, please confirm you received this.\n\nAlex")
        let finding = findings.first { $0.rule == .noReply }
        #expect(finding?.line == 3)
        #expect(finding?.column == 34)
        #expect(finding?.excerpt == "confirm you received")
    }

    @Test("a 100 KB recipient name, 4 MB of folded header lines and 400 KB of emoticons stay linear")
    func hostileShapes() {
        func seconds(_ make: @escaping (Int) -> Document) -> (Int) -> Double {
            { size in
                let document = make(size)
                let start = ContinuousClock.now
                _ = Checker().check(document)
                let elapsed = ContinuousClock.now - start
                return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            }
        }
        let name = seconds { size in
            var document = Document.parse("Dear Dana,\n\nThank you for your time.\n\nAlex", path: "t")
            document.recipientName = String(repeating: "Dana Whitfield ", count: size)
            return document
        }
        let folded = seconds { size in
            Document.parse("Subject: Thank you\n" + String(repeating: " more subject words\n", count: size) + "\nThank you.", path: "t")
        }
        let faces = seconds { size in
            Document.parse("Dear Dana,\n\nThank you " + String(repeating: ":) ;-) <3 ^_^ ", count: size) + "\n\nAlex", path: "t")
        }
        for measure in [name, folded, faces] {
            // The fastest of three runs of each size, so that a busy machine does not decide.
            _ = measure(500)
            let small = (0..<3).map { _ in measure(1_000) }.min() ?? 0
            let large = (0..<3).map { _ in measure(10_000) }.min() ?? 0
            #expect(large < max(small, 0.002) * 40, "10x input took \(large / max(small, 1e-9))x the time")
        }
    }

    /// Work grows linearly: ten times the input takes well under a hundred times the time (a
    /// quadratic checker would take a hundred times as long). Repeated phrases that once made the
    /// checker backtrack are the input.
    @Test(
        "time grows linearly with the input",
        arguments: [
            "about the about the about the ", "Thank you :) :) :) ", "please please let me know if ", "I I I I I I ",
            "Dear Dear Dear Dear ", "follow up follow up ", "\n> quoted\n", "\nOn Tue Dana wrote:\n> yes\nthanks ",
        ])
    func linear(unit: String) {
        func seconds(_ repeats: Int) -> Double {
            let text = "Dear Dana,\n\n" + String(repeating: unit, count: repeats) + "\n\nAlex"
            let start = ContinuousClock.now
            _ = check(text)
            let elapsed = ContinuousClock.now - start
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
        _ = seconds(2_000)
        let small = (0..<3).map { _ in seconds(4_000) }.min() ?? 0
        let large = (0..<3).map { _ in seconds(40_000) }.min() ?? 0
        #expect(large < max(small, 0.002) * 40, "10x input took \(large / max(small, 1e-9))x the time")
    }
}
