extension TrueTypeFont {
    /// Tables a PDF's embedded CIDFontType2 with an identity glyph map needs (the character map is not:
    /// the PDF names glyphs directly, and its ToUnicode map gives the text back).
    static let subsetTables: Set<String> = ["head", "hhea", "maxp", "hmtx", "loca", "glyf", "cvt ", "fpgm", "prep", "OS/2", "gasp"]

    /// The font file with only `glyphs` (and the glyphs they are built from) kept: every other glyph is
    /// emptied, glyph numbers stay as they are, so a note with a few CJK names embeds kilobytes, not megabytes.
    ///
    /// Returns the whole file when it cannot be read as expected (a damaged font still prints).
    public func subset(keeping glyphs: Set<UInt16>) -> [UInt8] {
        let reader = Reader(data)
        var tables: [String: (offset: Int, length: Int)] = [:]
        for index in 0..<Int(reader.u16(4) ?? 0) {
            let entry = 12 + index * 16
            guard let tag = reader.tag(entry), let offset = reader.u32(entry + 8), let length = reader.u32(entry + 12) else { return data }
            tables[tag] = (Int(offset), Int(length))
        }
        guard let head = tables["head"], let maxp = tables["maxp"], let loca = tables["loca"], let glyf = tables["glyf"],
            let longOffsets = reader.i16(head.offset + 50), let count = reader.u16(maxp.offset + 4)
        else { return data }
        let glyphCount = Int(count)
        func location(_ glyph: Int) -> Int? {
            longOffsets == 0 ? reader.u16(loca.offset + glyph * 2).map { Int($0) * 2 } : reader.u32(loca.offset + glyph * 4).map { Int($0) }
        }
        // The glyphs kept: those drawn, the .notdef glyph, and every component of a composite glyph.
        var kept: Set<Int> = []
        var queue = [0] + glyphs.map(Int.init).filter { $0 < glyphCount }
        while let glyph = queue.popLast() {
            guard kept.insert(glyph).inserted, let start = location(glyph), let end = location(glyph + 1), end > start else { continue }
            let base = glyf.offset + start
            guard let contours = reader.i16(base), contours < 0 else { continue }
            var offset = base + 10
            while let flags = reader.u16(offset), let component = reader.u16(offset + 2) {
                if Int(component) < glyphCount, !kept.contains(Int(component)) { queue.append(Int(component)) }
                offset += 4 + (flags & 0x0001 != 0 ? 4 : 2)
                if flags & 0x0008 != 0 { offset += 2 } else if flags & 0x0040 != 0 { offset += 4 } else if flags & 0x0080 != 0 { offset += 8 }
                if flags & 0x0020 == 0 { break }
            }
        }
        var newGlyf: [UInt8] = []
        var offsets: [Int] = []
        for glyph in 0..<glyphCount {
            offsets.append(newGlyf.count)
            guard kept.contains(glyph), let start = location(glyph), let end = location(glyph + 1), end > start else { continue }
            newGlyf += reader.bytes(glyf.offset + start, end - start)
            while newGlyf.count % 4 != 0 { newGlyf.append(0) }
        }
        offsets.append(newGlyf.count)
        // Short offsets (half the size) when the outlines kept are under 128 KB.
        let short = newGlyf.count < 0x20000
        var newLoca: [UInt8] = []
        for offset in offsets { newLoca += short ? Self.bigEndian(UInt32(offset / 2), bytes: 2) : Self.bigEndian(UInt32(offset), bytes: 4) }
        var newHead = reader.bytes(head.offset, head.length)
        guard newHead.count >= 54 else { return data }
        newHead[50] = 0
        newHead[51] = short ? 0 : 1
        newHead[8..<12] = [0, 0, 0, 0]  // checkSumAdjustment, set below
        var contents: [(String, [UInt8])] = []
        for tag in tables.keys.sorted() where Self.subsetTables.contains(tag) {
            switch tag {
            case "glyf": contents.append((tag, newGlyf))
            case "loca": contents.append((tag, newLoca))
            case "head": contents.append((tag, newHead))
            default: contents.append((tag, reader.bytes(tables[tag]?.offset ?? 0, tables[tag]?.length ?? 0)))
            }
        }
        var file = Self.sfnt(contents)
        // The whole file sums to 0xB1B0AFBA (the TrueType checksum rule).
        let adjustment = 0xB1B0_AFBA &- Self.checksum(file)
        if let headIndex = contents.firstIndex(where: { $0.0 == "head" }) {
            let tableOffset = Int(Reader(file).u32(12 + headIndex * 16 + 8) ?? 0)
            file.replaceSubrange((tableOffset + 8)..<(tableOffset + 12), with: Self.bigEndian(adjustment, bytes: 4))
        }
        return file
    }

    /// An sfnt file holding `tables` (sorted by tag), each 4-byte aligned, with its directory and checksums.
    static func sfnt(_ tables: [(String, [UInt8])]) -> [UInt8] {
        let count = tables.count
        var power = 1
        var exponent = 0
        while power * 2 <= count {
            power *= 2
            exponent += 1
        }
        var file = bigEndian(0x0001_0000, bytes: 4) + bigEndian(UInt32(count), bytes: 2) + bigEndian(UInt32(power * 16), bytes: 2)
            + bigEndian(UInt32(exponent), bytes: 2) + bigEndian(UInt32(count * 16 - power * 16), bytes: 2)
        var offset = 12 + count * 16
        var body: [UInt8] = []
        for (tag, bytes) in tables {
            file += Array(tag.utf8) + bigEndian(checksum(bytes), bytes: 4) + bigEndian(UInt32(offset), bytes: 4)
                + bigEndian(UInt32(bytes.count), bytes: 4)
            body += bytes
            while body.count % 4 != 0 { body.append(0) }
            offset = 12 + count * 16 + body.count
        }
        return file + body
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var sum: UInt32 = 0
        var index = 0
        while index < bytes.count {
            var word: UInt32 = 0
            for offset in 0..<4 { word = word << 8 | UInt32(index + offset < bytes.count ? bytes[index + offset] : 0) }
            sum = sum &+ word
            index += 4
        }
        return sum
    }

    static func bigEndian(_ value: UInt32, bytes: Int) -> [UInt8] {
        (0..<bytes).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
}
