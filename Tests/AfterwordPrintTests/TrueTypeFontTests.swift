import Testing

@testable import AfterwordPrint

/// A minimal TrueType file: the five tables the reader needs, with a format 12 character map of `groups`
/// (start code, end code, first glyph id).
func font(groups: [(UInt32, UInt32, UInt32)], numberOfGroups: UInt32? = nil, unitsPerEm: UInt16 = 1000) -> [UInt8] {
    func u16(_ value: UInt16) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xFF)] }
    func u32(_ value: UInt32) -> [UInt8] { u16(UInt16(value >> 16)) + u16(UInt16(value & 0xFFFF)) }
    var head = [UInt8](repeating: 0, count: 54)
    head.replaceSubrange(18..<20, with: u16(unitsPerEm))
    var hhea = [UInt8](repeating: 0, count: 36)
    hhea.replaceSubrange(34..<36, with: u16(1))
    let hmtx = u16(500) + u16(0)
    var cmap = u16(0) + u16(1) + u16(3) + u16(10) + u32(12)
    cmap +=
        u16(12) + u16(0) + u32(UInt32(16 + groups.count * 12)) + u32(0) + u32(numberOfGroups ?? UInt32(groups.count))
    for (start, end, glyph) in groups { cmap += u32(start) + u32(end) + u32(glyph) }
    let glyf = [UInt8](repeating: 0, count: 4)
    let tables: [(String, [UInt8])] = [("cmap", cmap), ("glyf", glyf), ("head", head), ("hhea", hhea), ("hmtx", hmtx)]
    var offset = 12 + tables.count * 16
    var directory = u32(0x0001_0000) + u16(UInt16(tables.count)) + u16(0) + u16(0) + u16(0)
    var body: [UInt8] = []
    for (tag, bytes) in tables {
        directory += Array(tag.utf8) + u32(0) + u32(UInt32(offset)) + u32(UInt32(bytes.count))
        body += bytes
        offset += bytes.count
    }
    return directory + body
}

@Suite struct TrueTypeFontTests {
    @Test("a well-formed format 12 character map gives each character its glyph")
    func wellFormed() throws {
        let parsed = try TrueTypeFont(data: font(groups: [(0x41, 0x5A, 1)]))
        #expect(parsed.glyph(for: "A") == 1)
        #expect(parsed.glyph(for: "Z") == 26)
        #expect(parsed.glyph(for: "a") == nil)
    }

    @Test(
        "a crafted character map (glyph ids past 65535, codes past Unicode, billions of groups) is refused or skipped, never a crash"
    )
    func crafted() {
        let crafted: [[UInt8]] = [
            font(groups: [(0x41, 0x5A, 0xFFFF_FFFF)]),
            font(groups: [(0x41, 0x5A, 0xFFF0)]),
            font(groups: [(0xFFFF_0000, 0xFFFF_FFFF, 1)]),
            font(groups: [(0x41, 0x5A, 1)], numberOfGroups: 0xFFFF_FFFF),
            font(groups: Array(repeating: (0, 0x1_FFFF, 1), count: 200)),
        ]
        for bytes in crafted {
            // Either a clear refusal or a font without the bad ranges.
            if let parsed = try? TrueTypeFont(data: bytes) {
                #expect(parsed.glyph(for: "A").map { $0 < 0xFFFF } ?? true)
            }
        }
        #expect(throws: TrueTypeFont.FontError.self) {
            try TrueTypeFont(data: font(groups: [(0x41, 0x5A, 0xFFFF_FFFF)]))
        }
    }

    @Test("a head table with zero units per em is refused with a message")
    func zeroUnitsPerEm() {
        #expect(throws: TrueTypeFont.FontError.self) {
            try TrueTypeFont(data: font(groups: [(0x41, 0x5A, 1)], unitsPerEm: 0))
        }
    }

    @Test("every truncation of a font is refused or read, never a crash")
    func truncated() {
        let bytes = font(groups: [(0x20, 0x7E, 1)])
        for length in 0..<bytes.count { _ = try? TrueTypeFont(data: Array(bytes.prefix(length))) }
    }
}
