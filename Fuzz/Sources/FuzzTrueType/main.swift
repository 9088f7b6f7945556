import AfterwordPrint

/// Any bytes as a `note.font`: a font is read or refused with a ``TrueTypeFont/FontError``; widths of
/// every character it maps are finite.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTrueType(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let font = try? TrueTypeFont(data: Array(UnsafeBufferPointer(start: data, count: size))) else { return 0 }
    for scalar in "Dear Zoë Ångström, 王秀英 — thank you!".unicodeScalars {
        if let glyph = font.glyph(for: scalar) { _ = font.advance(glyph) }
    }
    if let width = font.width(of: "Dear Dana,", size: 11) { precondition(width.isFinite, "an infinite width") }
    return 0
}
