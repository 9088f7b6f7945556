import AfterwordApp

/// The subject and body as the user typed them.
struct DraftEdit: Sendable {
    var subject: String
    var body: String

    init(subject: String, body: String) {
        self.subject = subject
        self.body = body
    }

    init(_ form: FormData, draft: Draft) {
        subject = form.line("subject") ?? draft.subject ?? ""
        body = form["body"] == nil ? draft.body : form.text("body")
    }

    /// The header lines the checker reads before the body: To (when known), Subject (for an e-mail).
    func headers(to recipient: String, channel: Channel) -> [String] {
        (recipient.isEmpty ? [] : ["To: \(recipient)"]) + (channel == .email ? ["Subject: \(subject)"] : [])
    }

    /// The text the checker reads: the header lines, a blank line, the body.
    func text(to recipient: String, channel: Channel) -> String {
        let lines = headers(to: recipient, channel: channel)
        return lines.isEmpty ? body : lines.joined(separator: "\n") + "\n\n" + body
    }

    /// The line of the checked text the body starts on.
    func bodyFirstLine(to recipient: String, channel: Channel) -> Int {
        let count = headers(to: recipient, channel: channel).count
        return count == 0 ? 1 : count + 2
    }
}

/// The checker's findings on an edit, and where each falls in the body.
struct EditReview {
    let edit: DraftEdit
    let findings: [Finding]
    let bodyFirstLine: Int
    let subjectLine: Int?
    private let lineStarts: [String.Index]

    /// Checks the edit as a message on `channel` to `recipient` (the To line) about an interview at `company`.
    /// - Parameter panel: the interview's other drafts, compared with this one (AW-DISTINCT).
    init(
        _ edit: DraftEdit, channel: Channel, recipient: String, name: String?, company: String?, role: String?,
        panel: [(draft: Draft, name: String)] = [], occasion: Occasion? = nil
    ) {
        self.edit = edit
        // Nothing written yet is nothing to judge: no wall of findings before the user has typed.
        findings =
            edit.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            ? []
            : Workspace.findings(
                text: edit.text(to: recipient, channel: channel), channel: channel, source: "draft", recipient: name, company: company, role: role,
                panel: panel, occasion: occasion
            ).sortedByPosition()
        bodyFirstLine = edit.bodyFirstLine(to: recipient, channel: channel)
        subjectLine = channel == .email ? (recipient.isEmpty ? 1 : 2) : nil
        var starts = [edit.body.startIndex]
        var index = edit.body.startIndex
        while let newline = edit.body[index...].firstIndex(of: "\n") {
            index = edit.body.index(after: newline)
            starts.append(index)
        }
        lineStarts = starts
    }

    /// The findings placed in the editor, as the script reads them.
    var payload: CheckPayload {
        CheckPayload(findings: findings.map(located), summary: summary)
    }

    /// What the editor shows: the subject (for an e-mail), the body with its marks, and the findings.
    var editor: Editor {
        let placed = findings.map(located)
        return Editor(
            isEmail: subjectLine != nil, subject: edit.subject, body: edit.body, segments: segments(placed),
            findings: placed.map(\.row), subjectFindings: placed.filter { $0.field == "subject" }.map(\.row), summary: summary)
    }

    var summary: String {
        if edit.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return "Paste or write a draft above." }
        guard !findings.isEmpty else { return "Passes every check." }
        func count(_ severity: Severity, _ noun: String) -> String {
            let n = findings.filter { $0.severity == severity }.count
            return "\(n) \(noun)\(n == 1 ? "" : "s")"
        }
        return "\(count(.error, "error")), \(count(.warning, "warning")), \(count(.hint, "hint"))."
    }

    /// The finding with its field and, in the body, its range (UTF-16 offsets, as a textarea counts).
    func located(_ finding: Finding) -> LocatedFinding {
        let row = finding.line - bodyFirstLine
        var located = LocatedFinding(finding: finding, field: "body", bodyLine: row >= 0 ? row + 1 : nil, range: nil, start: nil, end: nil)
        if finding.line == subjectLine { located.field = "subject" }
        guard finding.length > 0, row >= 0, row < lineStarts.count else { return located }
        let body = edit.body
        let lineEnd = row + 1 < lineStarts.count ? body.index(before: lineStarts[row + 1]) : body.endIndex
        guard let start = body.index(lineStarts[row], offsetBy: finding.column - 1, limitedBy: lineEnd),
            let end = body.index(start, offsetBy: finding.length, limitedBy: body.endIndex)
        else { return located }
        located.range = start..<end
        located.start = body.utf16.distance(from: body.startIndex, to: start)
        located.end = body.utf16.distance(from: body.startIndex, to: end)
        return located
    }

    /// The body cut into plain and marked pieces, for the page drawn without JavaScript.
    func segments(_ located: [LocatedFinding]) -> [Editor.Segment] {
        let body = edit.body
        var pieces: [Editor.Segment] = []
        var cursor = body.startIndex
        for item in located {
            guard let range = item.range, range.lowerBound >= cursor else { continue }
            pieces.append(Editor.Segment(text: String(body[cursor..<range.lowerBound])))
            pieces.append(
                Editor.Segment(
                    text: String(body[range]),
                    mark: Editor.Mark(rule: item.finding.rule.rawValue, severity: item.finding.severity.rawValue, message: item.finding.message)))
            cursor = range.upperBound
        }
        pieces.append(Editor.Segment(text: String(body[cursor...]) + "\n"))
        return pieces
    }
}

/// A finding placed in the editor.
struct LocatedFinding: Encodable {
    var finding: Finding
    var field: String
    /// The line in the message body, counted from 1, as the user sees it.
    var bodyLine: Int?
    var range: Range<String.Index>?
    var start: Int?
    var end: Int?

    enum CodingKeys: String, CodingKey {
        case rule, severity, message, excerpt, line, column, field, start, end
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(finding.rule.rawValue, forKey: .rule)
        try container.encode(finding.severity.rawValue, forKey: .severity)
        try container.encode(finding.message, forKey: .message)
        try container.encodeIfPresent(finding.excerpt, forKey: .excerpt)
        try container.encode(finding.line, forKey: .line)
        try container.encode(finding.column, forKey: .column)
        try container.encode(field, forKey: .field)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
    }

    /// The finding as the list under the editor shows it.
    var row: Editor.Finding {
        Editor.Finding(
            rule: finding.rule.rawValue, severity: finding.severity.rawValue, message: finding.message,
            excerpt: finding.excerpt.flatMap { $0.isEmpty ? nil : $0 }, where: bodyLine.map { "line \($0)" } ?? field)
    }
}

struct CheckPayload: Encodable {
    var findings: [LocatedFinding]
    var summary: String
}

extension Channel {
    /// "e-mail" or "note card", as the pages say it.
    var label: String { self == .email ? "e-mail" : "note card" }
}
