import AfterwordCore
import AfterwordPrint
import AfterwordStore
import Foundation

extension Workspace {
    /// The print-ready PDF of a note draft: page one the card, page two (unless `envelope` is false) the envelope.
    ///
    /// Refuses a draft with checker errors, an envelope without a postal address, and a note too long for the card.
    /// - Parameters:
    ///   - sheet: print the card on letter or A4 paper with cut marks.
    ///   - signByHand: leave the typed name out and room under the closing to sign.
    ///   - dated: print today's date above the greeting.
    public func notePDF(
        draftId: Int64, size: NoteCard.Size, envelope: Bool, sheet: NoteCard.Sheet? = nil, signByHand: Bool = false, dated: Bool = false
    ) throws -> [UInt8] {
        let store = try openStore()
        let config = try loadConfig()
        let context = try draftContext(draftId, store: store)
        try allowLeaving(context)
        let (draft, detail, person) = (context.draft, context.detail, context.person)
        let findings = Self.findings(draft, interview: detail.interview, interviewer: person.name)
        if findings.hasErrors {
            let errors = findings.filter { $0.severity == .error }
            throw UserError(
                "not printed: the draft breaks \(Set(errors.map(\.rule.rawValue)).sorted().joined(separator: ", ")); fix it first",
                findings: errors, source: "draft #\(draftId)")
        }
        if envelope, person.address == nil {
            throw UserError(
                "no postal address for \(person.name)", remedy: person.id.map { .addAddressOrPrintCardAlone(interviewer: $0, draft: draftId) })
        }
        let recipient = [person.name, person.title, person.company ?? detail.interview.company].compactMap { $0 }
            + (person.address?.split(separator: "\n").map(String.init) ?? [])
        var sender = [config[.name]].compactMap { $0 }
        sender += (config[.address] ?? "").replacingOccurrences(of: "\\n", with: "\n")
            .split(whereSeparator: { $0 == ";" || $0 == "\n" }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var body = draft.body.trimmingCharacters(in: .whitespacesAndNewlines)
        if signByHand {
            // The letter ends at its sign-off; the name under it is written by hand.
            var lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if let closing = lines.lastIndex(where: Greeting.isSignOff) { lines.removeSubrange((closing + 1)...) }
            body = lines.joined(separator: "\n")
        }
        var date: String?
        if dated {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = config.timeZone ?? TimeZone.current
            formatter.dateFormat = "d MMMM yyyy"
            date = formatter.string(from: now)
        }
        let note = NoteCard(body: body, recipient: recipient, sender: sender, signByHand: signByHand, date: date)
        let fonts = try FontFinder.fonts(
            for: note.body + (note.date ?? "") + recipient.joined() + sender.joined(), configured: config[.noteFont])
        do {
            return try NoteCardPrinter(fonts: fonts).render(
                note, size: size, envelope: envelope, sheet: sheet, title: "Thank-you note to \(person.name)")
        } catch {
            throw UserError("not printed: \(error.description)")
        }
    }

    /// Records that a note's PDF was made (status then reminds the user to post it).
    public func markPrinted(draftId: Int64) throws {
        try storeCall { try openStore().markPrinted(draftId: draftId, at: now) }
    }

    /// Records that the note card went in the post; a second note to the same person is refused (AW-ONCE).
    public func noteMailed(draftId: Int64) throws {
        let store = try openStore()
        let context = try draftContext(draftId, store: store)
        try allowLeaving(context)
        let draft = context.draft
        let clock = now
        let entry = try storeCall {
            try store.open(draft, state: .sending, scheduledAt: nil, transport: .post, messageId: "post-\(draftId)-\(UUID().uuidString)", now: clock)
        }
        try store.close(entry.storedID, as: .sent, reply: "posted by you", now: clock)
    }
}

/// Finds fonts on this machine: the configured one or the system's serif, plus fallbacks for the rest.
enum FontFinder {
    static let knownSerifs = [
        "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", "/usr/share/fonts/TTF/DejaVuSerif.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
        "/System/Library/Fonts/Supplemental/Times New Roman.ttf", "/Library/Fonts/Times New Roman.ttf",
    ]

    static func fonts(for text: String, configured: String?) throws -> [TrueTypeFont] {
        var fonts: [TrueTypeFont] = []
        if let configured {
            fonts.append(try load(configured, what: "note.font"))
        } else if let path = ([fcMatch("serif:style=Book"), fcMatch("serif")].compactMap { $0 } + knownSerifs)
            .first(where: { $0.lowercased().hasSuffix(".ttf") && FileManager.default.fileExists(atPath: $0) })
        {
            fonts.append(try load(path, what: "the serif font"))
        } else {
            throw UserError("no serif TrueType font found; install one (Debian: apt-get install fonts-dejavu-core) or set note.font to a .ttf file")
        }
        var printer = NoteCardPrinter(fonts: fonts)
        var tried = Set<String>()
        while let character = printer.missing(in: text).first, let scalar = character.unicodeScalars.first {
            let candidates = fcList(charset: scalar).filter { $0.lowercased().hasSuffix(".ttf") && !tried.contains($0) }
            guard let next = candidates.first(where: { path in
                tried.insert(path)
                return (try? load(path, what: "")).map { font in font.glyph(for: scalar) != nil } ?? false
            }) else { break }
            fonts.append(try load(next, what: "a fallback font"))
            printer = NoteCardPrinter(fonts: fonts)
        }
        return fonts
    }

    static func load(_ path: String, what: String) throws -> TrueTypeFont {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UserError("\(what): cannot read \(path); check the path")
        }
        do {
            return try TrueTypeFont(data: Array(data))
        } catch {
            throw UserError("\(what): \(path): \(error.message); choose a .ttf font")
        }
    }

    static func fcMatch(_ pattern: String) -> String? {
        run(["fc-match", "-f", "%{file}", pattern]).flatMap { $0.isEmpty ? nil : $0 }
    }

    static func fcList(charset scalar: Unicode.Scalar) -> [String] {
        (run(["fc-list", ":charset=\(String(scalar.value, radix: 16))", "file"]) ?? "").split(separator: "\n")
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ": ")) }.sorted()
    }

    private static func run(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
