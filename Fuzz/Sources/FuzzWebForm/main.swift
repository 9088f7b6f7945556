/// Any bytes as a submitted form: the first line is the Content-Type, the rest the body.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWebForm(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let newline = bytes.firstIndex(of: 10) ?? bytes.endIndex
    let contentType = String(decoding: bytes[..<newline], as: UTF8.self)
    let body = Array(bytes[min(newline + 1, bytes.endIndex)...])
    guard let form = try? FormData.parse(body, contentType: contentType) else { return 0 }
    for name in form.fields.keys {
        _ = form.line(name).map { precondition(!$0.contains("\n"), "a line field with a line break") }
    }
    return 0
}
