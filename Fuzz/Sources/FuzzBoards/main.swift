import Foundation

/// Any bytes as a job board's answer, read as each provider's JSON: never a trap, never more than the
/// bounded number of postings, every field bounded, every kept link an http(s) one, no NUL kept.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBoards(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let body = Data(bytes: data, count: size)
    for provider in BoardProvider.allCases {
        guard let postings = try? BoardDecoder.postings(body, provider: provider) else { continue }
        precondition(postings.count <= BoardDecoder.maximumPostings, "more postings than the bound")
        for posting in postings {
            precondition(posting.title.count <= BoardDecoder.maximumText && posting.location.count <= BoardDecoder.maximumText)
            precondition(posting.url.isEmpty || posting.url.lowercased().hasPrefix("http"), "a link that is not http(s)")
            precondition(![posting.id, posting.title, posting.location, posting.url].contains { $0.contains("\u{0}") })
        }
    }
    return 0
}
