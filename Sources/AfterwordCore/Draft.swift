import Foundation

/// A composed thank-you for one interviewer of one interview, as stored and as shown to the user.
public struct Draft: Codable, Sendable, Equatable {
    public var id: Int64?
    public var interviewId: Int64
    public var interviewerId: Int64
    public var channel: Channel
    /// The `To:` line: "Dana Whitfield <dana@acme.com>" for e-mail, the name for a note.
    public var recipient: String
    /// The subject, for e-mail.
    public var subject: String?
    public var body: String
    public var createdAt: Date
    public var updatedAt: Date
    /// When a note card of this draft was last printed (to a PDF).
    public var printedAt: Date?
    /// The opening a reconnect note is about; nil for a thank-you.
    public var openingId: Int64?
    /// The body as Afterword wrote it; it differs from ``body`` once the user edited the draft by hand.
    public var composedBody: String?

    public init(
        id: Int64? = nil, interviewId: Int64, interviewerId: Int64, channel: Channel, recipient: String,
        subject: String?, body: String, createdAt: Date, updatedAt: Date, openingId: Int64? = nil
    ) {
        self.id = id
        self.interviewId = interviewId
        self.interviewerId = interviewerId
        self.channel = channel
        self.recipient = recipient
        self.subject = subject
        self.body = body
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.openingId = openingId
        self.composedBody = body
    }

    /// True when the user changed the body Afterword wrote: Afterword then leaves its words alone.
    public var isEditedByHand: Bool { composedBody != body }

    /// True for a reconnect note about a later opening, false for a thank-you.
    public var isReconnect: Bool { openingId != nil }

    /// The draft as text `afterword check` reads: header lines, a blank line, the body.
    public var text: String {
        var lines = ["To: \(recipient)"]
        if let subject { lines.append("Subject: \(subject)") }
        return lines.joined(separator: "\n") + "\n\n" + body
    }
}
