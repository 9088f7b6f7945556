import NIOCore

/// Decodes bytes into replies, joining multi-line replies (`250-…` continued, `250 …` last).
struct SMTPReplyDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPReply

    private var pending: (code: Int, lines: [String])?

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > 4096 {
                throw SMTPError(kind: .protocolViolation, stage: "reply", detail: "a reply line longer than 4096 bytes")
            }
            return .needMoreData
        }
        let length = newline - buffer.readerIndex + 1
        guard var line = buffer.readString(length: length) else { return .needMoreData }
        while line.last == "\n" || line.last == "\r" || line.last == "\r\n" { line.removeLast() }
        let bytes = Array(line.utf8)
        guard bytes.count >= 3, let code = Int(String(line.prefix(3))), (200...599).contains(code) else {
            throw SMTPError(kind: .protocolViolation, stage: "reply", detail: "\"\(line.prefix(80))\" is not an SMTP reply")
        }
        let continues = bytes.count > 3 && bytes[3] == UInt8(ascii: "-")
        let text = bytes.count > 4 ? String(line.dropFirst(4)) : ""
        var current = pending ?? (code, [])
        current.lines.append(text)
        if continues {
            pending = current
        } else {
            pending = nil
            context.fireChannelRead(wrapInboundOut(SMTPReply(code: current.code, lines: current.lines)))
        }
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }
}
