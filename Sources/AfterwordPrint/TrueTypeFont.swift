/// The parts of a TrueType font a PDF needs: glyph ids, advance widths and metrics (OpenType spec:
/// `head`, `hhea`, `hmtx`, `cmap` formats 4 and 12, `OS/2`, `post`, `name`).
public struct TrueTypeFont: Sendable {
    /// Why a font file cannot be used.
    public struct FontError: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The whole font file, embedded as it is (FontFile2).
    public let data: [UInt8]
    public let postScriptName: String
    public let unitsPerEm: Int
    public let ascender: Int
    public let descender: Int
    public let capHeight: Int
    public let bbox: (Int, Int, Int, Int)
    public let italicAngle: Double
    public let isFixedPitch: Bool
    private let advances: [UInt16]
    private let glyphs: [UInt32: UInt16]

    /// Parses a TrueType (`glyf` outlines) font file.
    public init(data: [UInt8]) throws(FontError) {
        self.data = data
        let reader = Reader(data)
        guard data.count > 12, let version = reader.u32(0), version == 0x0001_0000 || version == 0x7472_7565 else {
            throw FontError(message: "not a TrueType font (a .ttf with glyf outlines is needed)")
        }
        var tables: [String: (offset: Int, length: Int)] = [:]
        let count = Int(reader.u16(4) ?? 0)
        for index in 0..<count {
            let entry = 12 + index * 16
            guard let tag = reader.tag(entry), let offset = reader.u32(entry + 8), let length = reader.u32(entry + 12) else { break }
            tables[tag] = (Int(offset), Int(length))
        }
        guard let head = tables["head"], let hhea = tables["hhea"], let hmtx = tables["hmtx"], let cmap = tables["cmap"],
            tables["glyf"] != nil
        else { throw FontError(message: "the font lacks a table PDF embedding needs (head, hhea, hmtx, cmap, glyf)") }
        unitsPerEm = Int(reader.u16(head.offset + 18) ?? 1000)
        // OpenType allows 16 to 16384; zero would divide every width by zero.
        guard (16...16384).contains(unitsPerEm) else {
            throw FontError(message: "the font's head table is damaged (\(unitsPerEm) units per em)")
        }
        bbox = (
            Int(reader.i16(head.offset + 36) ?? 0), Int(reader.i16(head.offset + 38) ?? 0),
            Int(reader.i16(head.offset + 40) ?? 0), Int(reader.i16(head.offset + 42) ?? 0)
        )
        ascender = Int(reader.i16(hhea.offset + 4) ?? 800)
        descender = Int(reader.i16(hhea.offset + 6) ?? -200)
        let metrics = Int(reader.u16(hhea.offset + 34) ?? 0)
        var advances: [UInt16] = []
        advances.reserveCapacity(metrics)
        for index in 0..<metrics { advances.append(reader.u16(hmtx.offset + index * 4) ?? 0) }
        self.advances = advances
        if let os2 = tables["OS/2"], os2.length >= 90, let height = reader.i16(os2.offset + 88) {
            capHeight = Int(height)
        } else {
            capHeight = ascender
        }
        if let post = tables["post"] {
            italicAngle = Double(reader.i32(post.offset + 4) ?? 0) / 65536
            isFixedPitch = (reader.u32(post.offset + 12) ?? 0) != 0
        } else {
            italicAngle = 0
            isFixedPitch = false
        }
        glyphs = Self.readCmap(reader, at: cmap.offset)
        guard !glyphs.isEmpty else { throw FontError(message: "the font has no Unicode character map") }
        postScriptName = tables["name"].flatMap { Self.readPostScriptName(reader, at: $0.offset) } ?? "AfterwordFont"
    }

    /// The glyph for a character, nil when the font lacks it.
    public func glyph(for scalar: Unicode.Scalar) -> UInt16? {
        guard let glyph = glyphs[scalar.value], glyph != 0 else { return nil }
        return glyph
    }

    /// The advance width of a glyph, in font units.
    public func advance(_ glyph: UInt16) -> Int {
        guard !advances.isEmpty else { return unitsPerEm / 2 }
        return Int(advances[min(Int(glyph), advances.count - 1)])
    }

    /// The width of a text in points at `size`, nil when a character is missing.
    public func width(of text: String, size: Double) -> Double? {
        var units = 0
        for scalar in text.unicodeScalars {
            guard let glyph = glyph(for: scalar) else { return nil }
            units += advance(glyph)
        }
        return Double(units) * size / Double(unitsPerEm)
    }

    private static func readCmap(_ reader: Reader, at offset: Int) -> [UInt32: UInt16] {
        let count = Int(reader.u16(offset + 2) ?? 0)
        var best: (score: Int, offset: Int)?
        for index in 0..<count {
            let record = offset + 4 + index * 8
            guard let platform = reader.u16(record), let encoding = reader.u16(record + 2), let sub = reader.u32(record + 4),
                let format = reader.u16(offset + Int(sub))
            else { continue }
            let score: Int
            switch (platform, encoding, format) {
            case (3, 10, 12), (0, 4, 12), (0, 6, 12): score = 3
            case (3, 1, 4), (0, 3, 4), (0, 1, 4), (0, 0, 4): score = 2
            default: score = 0
            }
            if score > 0, score > (best?.score ?? 0) { best = (score, offset + Int(sub)) }
        }
        guard let table = best?.offset, let format = reader.u16(table) else { return [:] }
        var map: [UInt32: UInt16] = [:]
        // Every Unicode scalar once, at most: a crafted table with overlapping or huge ranges cannot
        // make the reader loop for billions of codes.
        var budget = 0x11_0000
        if format == 4 {
            let segments = Int(reader.u16(table + 6) ?? 0) / 2
            let ends = table + 14
            let starts = ends + segments * 2 + 2
            let deltas = starts + segments * 2
            let ranges = deltas + segments * 2
            for segment in 0..<segments {
                guard let end = reader.u16(ends + segment * 2), let start = reader.u16(starts + segment * 2),
                    let delta = reader.u16(deltas + segment * 2), let rangeOffset = reader.u16(ranges + segment * 2), start <= end
                else { continue }
                budget -= Int(end - start) + 1
                guard budget >= 0 else { break }
                for code in UInt32(start)...UInt32(end) where code != 0xFFFF {
                    var glyph: UInt16
                    if rangeOffset == 0 {
                        glyph = UInt16(truncatingIfNeeded: code &+ UInt32(delta))
                    } else {
                        let address = ranges + segment * 2 + Int(rangeOffset) + Int(code - UInt32(start)) * 2
                        glyph = reader.u16(address) ?? 0
                        if glyph != 0 { glyph = glyph &+ delta }
                    }
                    if glyph != 0 { map[code] = glyph }
                }
            }
        } else if format == 12 {
            // No more groups than the table's bytes can hold.
            let groups = min(Int(reader.u32(table + 12) ?? 0), max(0, (reader.data.count - table - 16) / 12))
            for group in 0..<groups {
                let record = table + 16 + group * 12
                // A group maps to glyph ids below 65536 and to Unicode scalars only; others are skipped.
                guard let start = reader.u32(record), let end = reader.u32(record + 4), let first = reader.u32(record + 8),
                    start <= end, end <= 0x10_FFFF, UInt64(first) + UInt64(end - start) <= 0xFFFF
                else { continue }
                budget -= Int(end - start) + 1
                guard budget >= 0 else { break }
                for code in start...end { map[code] = UInt16(first + (code - start)) }
            }
        }
        return map
    }

    private static func readPostScriptName(_ reader: Reader, at offset: Int) -> String? {
        let count = Int(reader.u16(offset + 2) ?? 0)
        let strings = offset + Int(reader.u16(offset + 4) ?? 0)
        for index in 0..<count {
            let record = offset + 6 + index * 12
            guard reader.u16(record + 6) == 6, let platform = reader.u16(record), let length = reader.u16(record + 8),
                let start = reader.u16(record + 10)
            else { continue }
            let bytes = reader.bytes(strings + Int(start), Int(length))
            let name: String
            if platform == 3 || platform == 0 {
                var units: [UInt16] = []
                var index = 0
                while index + 1 < bytes.count {
                    units.append(UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]))
                    index += 2
                }
                name = String(decoding: units, as: UTF16.self)
            } else {
                name = String(decoding: bytes, as: UTF8.self)
            }
            let clean = name.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            if !clean.isEmpty { return clean }
        }
        return nil
    }
}

/// Big-endian reads that return nil instead of trapping past the end.
struct Reader {
    let data: [UInt8]
    init(_ data: [UInt8]) { self.data = data }

    func u16(_ offset: Int) -> UInt16? {
        guard offset >= 0, offset + 2 <= data.count else { return nil }
        return UInt16(data[offset]) << 8 | UInt16(data[offset + 1])
    }

    func i16(_ offset: Int) -> Int16? { u16(offset).map { Int16(bitPattern: $0) } }

    func u32(_ offset: Int) -> UInt32? {
        guard offset >= 0, offset + 4 <= data.count else { return nil }
        return UInt32(data[offset]) << 24 | UInt32(data[offset + 1]) << 16 | UInt32(data[offset + 2]) << 8 | UInt32(data[offset + 3])
    }

    func i32(_ offset: Int) -> Int32? { u32(offset).map { Int32(bitPattern: $0) } }

    func tag(_ offset: Int) -> String? {
        guard offset + 4 <= data.count else { return nil }
        return String(decoding: data[offset..<offset + 4], as: UTF8.self)
    }

    func bytes(_ offset: Int, _ length: Int) -> [UInt8] {
        guard offset >= 0, length >= 0, offset + length <= data.count else { return [] }
        return Array(data[offset..<offset + length])
    }
}
