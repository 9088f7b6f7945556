import AfterwordApp
import Foundation
import Hummingbird

/// `afterword check` in a browser: any pasted draft against the etiquette rules; nothing is stored.
struct CheckController: Sendable {
    let site: Site

    /// GET /check
    func show(_ request: Request, context: some RequestContext) async throws -> Response {
        try page(request, form: FormData())
    }

    /// POST /check — the findings, drawn on the page (the no-JavaScript path).
    func check(_ request: Request, context: some RequestContext) async throws -> Response {
        try page(request, form: try await site.form(request))
    }

    /// POST /check/live — the findings as JSON, for the script.
    func live(_ request: Request, context: some RequestContext) async throws -> Response {
        let form = try await site.form(request)
        return try .json(Self.review(form).payload)
    }

    private func page(_ request: Request, form: FormData) throws -> Response {
        let review = Self.review(form)
        let channel = Self.channel(form)
        let page = CheckPage(
            to: form["to"] ?? "", company: form["company"] ?? "", role: form["role"] ?? "",
            channels: Channel.allCases.map { Choice($0.rawValue, label: $0.label, selected: $0 == channel) }, editor: review.editor)
        return try site.page(page, title: "Check a draft", tab: .check, request: request)
    }

    static func channel(_ form: FormData) -> Channel {
        Channel(rawValue: form["channel"] ?? "") ?? .email
    }

    static func review(_ form: FormData) -> EditReview {
        let edit = DraftEdit(
            subject: form.line("subject") ?? "", body: form.text("body"))
        let to = (form.line("to") ?? "").trimmingCharacters(in: .whitespaces)
        return EditReview(edit, channel: channel(form), recipient: to, name: to, company: form["company"], role: form["role"])
    }
}

extension Response {
    /// A JSON body, keys sorted.
    static func json(_ value: some Encodable) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}
