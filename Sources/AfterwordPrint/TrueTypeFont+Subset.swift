extension TrueTypeFont {
    /// Tables a PDF's embedded CIDFontType2 with an identity glyph map needs (the character map is not:
    /// the PDF names glyphs directly, and its ToUnicode map gives the text back).
    static let subsetTables: Set<String> = [
        "head", "hhea", "maxp", "hmtx", "loca", "glyf", "cvt ", "fpgm", "prep", "OS/2", "gasp",
    ]

    /// The font file with only `glyphs`, renumbered in that order (`glyphs[0]` becomes glyph 1; glyph 0
    /// stays .notdef), followed by the glyphs composite ones are built from; so a note with a few CJK
    /// names embeds kilobytes, not megabytes.
    ///
    /// Returns nil when the font cannot be read as expected (the caller embeds it whole).
    public func subset(_ glyphs: [UInt16]) -> [UInt8]? {
        let reader = Reader(data)
        var tables: [String: (offset: Int, length: Int)] = [:]
        for index in 0..<Int(reader.u16(4) ?? 0) {
            let entry = 12 + index * 16
            guard let tag = reader.tag(entry), let offset = reader.u32(entry + 8), let length = reader.u32(entry + 12)
            else { return nil }
            tables[tag] = (Int(offset), Int(length))
        }
        guard let head = tables["head"], let hhea = tables["hhea"], let maxp = tables["maxp"],
            let hmtx = tables["hmtx"],
            let loca = tables["loca"], let glyf = tables["glyf"], let longOffsets = reader.i16(head.offset + 50),
            let count = reader.u16(maxp.offset + 4), let metricCount = reader.u16(hhea.offset + 34)
        else { return nil }
        let glyphCount = Int(count)
        func location(_ glyph: Int) -> Int? {
            longOffsets == 0
                ? reader.u16(loca.offset + glyph * 2).map { Int($0) * 2 }
                : reader.u32(loca.offset + glyph * 4).map { Int($0) }
        }
        func sideBearing(_ glyph: Int) -> [UInt8] {
            let metrics = Int(metricCount)
            let offset =
                glyph < metrics ? hmtx.offset + glyph * 4 + 2 : hmtx.offset + metrics * 4 + (glyph - metrics) * 2
            return reader.bytes(offset, 2).count == 2 ? reader.bytes(offset, 2) : [0, 0]
        }
        // New glyph numbers: .notdef, the glyphs drawn, then the components of composite glyphs.
        var order: [Int] = [0]
        var number: [Int: Int] = [0: 0]
        // Glyph N + 1 of the subset is `glyphs[N]`, whatever it is (the caller's codes depend on it).
        for glyph in glyphs.map(Int.init) {
            let kept = glyph < glyphCount ? glyph : 0
            if number[kept] == nil { number[kept] = order.count }
            order.append(kept)
        }
        var outlines: [UInt8] = []
        var offsets: [Int] = []
        var index = 0
        while index < order.count {
            let glyph = order[index]
            index += 1
            offsets.append(outlines.count)
            guard let start = location(glyph), let end = location(glyph + 1), end > start else { continue }
            var bytes = reader.bytes(glyf.offset + start, end - start)
            if let contours = Reader(bytes).i16(0), contours < 0 {
                // A composite glyph names its components by number: renumber them too.
                var offset = 10
                while let flags = Reader(bytes).u16(offset), let component = Reader(bytes).u16(offset + 2) {
                    let original = Int(component)
                    if number[original] == nil, original < glyphCount {
                        number[original] = order.count
                        order.append(original)
                    }
                    bytes.replaceSubrange(
                        (offset + 2)..<(offset + 4), with: Self.bigEndian(UInt32(number[original] ?? 0), bytes: 2))
                    offset += 4 + (flags & 0x0001 != 0 ? 4 : 2)
                    if flags & 0x0008 != 0 {
                        offset += 2
                    } else if flags & 0x0040 != 0 {
                        offset += 4
                    } else if flags & 0x0080 != 0 {
                        offset += 8
                    }
                    if flags & 0x0020 == 0 { break }
                }
            }
            outlines += bytes
            while outlines.count % 4 != 0 { outlines.append(0) }
        }
        offsets.append(outlines.count)
        // Short offsets (half the size) when the outlines are under 128 KB.
        let short = outlines.count < 0x20000
        var newLoca: [UInt8] = []
        for offset in offsets {
            newLoca += short ? Self.bigEndian(UInt32(offset / 2), bytes: 2) : Self.bigEndian(UInt32(offset), bytes: 4)
        }
        var metrics: [UInt8] = []
        for glyph in order { metrics += Self.bigEndian(UInt32(advance(UInt16(glyph))), bytes: 2) + sideBearing(glyph) }
        var newHead = reader.bytes(head.offset, head.length)
        var newHhea = reader.bytes(hhea.offset, hhea.length)
        var newMaxp = reader.bytes(maxp.offset, maxp.length)
        guard newHead.count >= 54, newHhea.count >= 36, newMaxp.count >= 6 else { return nil }
        newHead.replaceSubrange(50..<52, with: [0, short ? 0 : 1])
        newHead.replaceSubrange(8..<12, with: [0, 0, 0, 0])  // checkSumAdjustment, set below
        newHhea.replaceSubrange(34..<36, with: Self.bigEndian(UInt32(order.count), bytes: 2))
        newMaxp.replaceSubrange(4..<6, with: Self.bigEndian(UInt32(order.count), bytes: 2))
        let replaced = [
            "glyf": outlines, "loca": newLoca, "hmtx": metrics, "head": newHead, "hhea": newHhea, "maxp": newMaxp,
        ]
        let contents = tables.keys.sorted().filter(Self.subsetTables.contains).map { tag in
            (tag, replaced[tag] ?? reader.bytes(tables[tag]?.offset ?? 0, tables[tag]?.length ?? 0))
        }
        var file = Self.sfnt(contents)
        // The whole file sums to 0xB1B0AFBA (the TrueType checksum rule).
        let adjustment = 0xB1B0_AFBA &- Self.checksum(file)
        if let headIndex = contents.firstIndex(where: { $0.0 == "head" }),
            let tableOffset = Reader(file).u32(12 + headIndex * 16 + 8)
        {
            file.replaceSubrange(
                (Int(tableOffset) + 8)..<(Int(tableOffset) + 12), with: Self.bigEndian(adjustment, bytes: 4))
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
        var file =
            bigEndian(0x0001_0000, bytes: 4) + bigEndian(UInt32(count), bytes: 2)
            + bigEndian(UInt32(power * 16), bytes: 2)
            + bigEndian(UInt32(exponent), bytes: 2) + bigEndian(UInt32(count * 16 - power * 16), bytes: 2)
        var offset = 12 + count * 16
        var body: [UInt8] = []
        for (tag, bytes) in tables {
            file +=
                Array(tag.utf8) + bigEndian(checksum(bytes), bytes: 4) + bigEndian(UInt32(offset), bytes: 4)
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
