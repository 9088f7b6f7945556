/// Any bytes from a server, fed in two pieces: replies come out bounded, or a protocol error ends the
/// conversation, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSMTPReply(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    var decoder = SMTPReplyDecoder()
    let middle = size / 2
    for piece in [bytes[..<middle], bytes[middle...]] {
        decoder.feed(piece)
        do {
            while let reply = try decoder.next() {
                precondition((200...599).contains(reply.code), "a reply code out of range")
                precondition(reply.lines.count <= SMTPReplyDecoder.maximumLines, "too many lines")
                _ = reply.extensions
            }
        } catch {
            return 0
        }
    }
    return 0
}
