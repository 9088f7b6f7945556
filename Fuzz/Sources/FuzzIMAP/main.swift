/// Any bytes from an IMAP server, fed in two pieces: responses come out bounded and their values parse,
/// or a protocol error ends the session, never a trap; an OAuth2 error challenge is read or ignored.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIMAP(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    var decoder = IMAPResponseDecoder()
    let middle = size / 2
    for piece in [bytes[..<middle], bytes[middle...]] {
        decoder.feed(piece)
        do {
            while let response = try decoder.next() {
                switch response {
                case .untagged(let line):
                    let total = line.segments.reduce(0) { sum, segment in
                        switch segment {
                        case .text(let bytes), .literal(let bytes): sum + bytes.count
                        }
                    }
                    precondition(total <= IMAPResponseDecoder.maximumResponseBytes + IMAPResponseDecoder.maximumLineLength, "a response past its bound")
                    _ = line.text
                    _ = try? line.values()
                case .continuation(let text):
                    _ = SASLTokenError(challenge: Substring(text)).detail
                case .tagged(let tag, _, _):
                    precondition(!tag.isEmpty, "an empty tag")
                }
            }
        } catch {
            return 0
        }
    }
    return 0
}
