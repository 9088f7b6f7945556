import AfterwordCore
import Foundation

/// Any bytes as a job board's answer, read as each provider's JSON (a first page, which may name the
/// next), and as a board's address: never a trap, never more than the bounded number of postings,
/// every field bounded, every kept link an http(s) one, no NUL kept, a next page only on the
/// provider's own endpoint.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBoards(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let body = Data(bytes: data, count: size)
    for provider in BoardProvider.all {
        let first = provider.apiURL(base: provider.defaultBase, token: "acme")
        guard let page = try? provider.api.page(body, address: first) else { continue }
        precondition(page.postings.count <= BoardDecoder.maximumPostings, "more postings than the bound")
        for posting in page.postings {
            precondition(posting.title.count <= BoardDecoder.maximumText && posting.location.count <= BoardDecoder.maximumText)
            precondition(posting.url.isEmpty || posting.url.lowercased().hasPrefix("http"), "a link that is not http(s)")
            precondition(![posting.id, posting.title, posting.location, posting.url].contains { $0.contains("\u{0}") })
        }
        if let next = page.next {
            precondition(next.hasPrefix(provider.defaultBase + "/acme/"), "a next page away from the board: \(next)")
        }
    }
    if let text = String(data: body.prefix(4_096), encoding: .utf8), let address = try? BoardAddress(recognizing: text) {
        precondition(BoardAddress.isToken(address.token), "a board name that is not one")
    }
    return 0
}
