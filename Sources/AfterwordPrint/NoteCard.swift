import AfterwordCore

/// A printed thank-you: the card with the note, and its envelope (AW-PROPER: plain, serif, no ornament).
public struct NoteCard: Sendable {
    /// Card formats, with their matching envelopes.
    public enum Size: String, Sendable, CaseIterable {
        case a2
        case a6
        case a7
        case halfLetter = "half-letter"

        /// Card width and height in points (portrait).
        public var card: (width: Double, height: Double) {
            switch self {
            case .a2: (306, 396)  // 4.25 × 5.5 in
            case .a6: (297.64, 419.53)  // 105 × 148 mm
            case .a7: (209.76, 297.64)  // 74 × 105 mm
            case .halfLetter: (396, 612)  // 5.5 × 8.5 in
            }
        }

        /// The envelope the card goes in, landscape, in points.
        public var envelope: (width: Double, height: Double) {
            switch self {
            case .a2: (414, 315)  // A2 envelope, 5.75 × 4.375 in
            case .a6: (459.21, 323.15)  // C6, 162 × 114 mm
            case .a7: (323.15, 229.61)  // C7, 114 × 81 mm
            case .halfLetter: (630, 414)  // A9 envelope, 8.75 × 5.75 in
            }
        }

        var margin: Double { self == .a7 ? 26 : 36 }
    }

    /// Paper a card is printed on to be cut out, with cut marks at its corners.
    public enum Sheet: String, Sendable, CaseIterable {
        case letter
        case a4

        /// Width and height in points (portrait).
        public var size: (width: Double, height: Double) {
            switch self {
            case .letter: (612, 792)
            case .a4: (595.28, 841.89)
            }
        }
    }

    /// The note's text, as composed (greeting, paragraphs, closing, name).
    public var body: String
    /// Name, title, company and postal address lines, in that order.
    public var recipient: [String]
    /// The sender's name and return address lines.
    public var sender: [String]
    /// Room left under the closing for a handwritten signature (the typed name is then left out).
    public var signByHand: Bool
    /// A date line above the greeting ("27 November 2026"), when wanted.
    public var date: String?

    public init(body: String, recipient: [String], sender: [String], signByHand: Bool = false, date: String? = nil) {
        self.body = body
        self.recipient = recipient
        self.sender = sender
        self.signByHand = signByHand
        self.date = date
    }
}

/// Why a note card cannot be printed.
public struct PrintError: Error, Sendable, Equatable, CustomStringConvertible {
    public var rule: RuleID?
    public var message: String

    public var description: String { (rule.map { "\($0.rawValue): " } ?? "") + message }
}

/// Lays a note card out and writes it as a PDF with the fonts embedded (Type0/CIDFontType2, Identity-H, ToUnicode).
public struct NoteCardPrinter: Sendable {
    /// The formal serif first; fallbacks for characters it lacks (a CJK font for "王秀英").
    public var fonts: [TrueTypeFont]
    /// Sizes tried from largest to smallest; below the smallest a note is too long (AW-BRIEF), never shrunk further.
    public static let sizes: [Double] = [12, 11.5, 11, 10.5, 10]
    /// The smallest type an address on an envelope is printed in; a longer one wraps, or is refused.
    public static let minimumAddressSize = 9.0

    public init(fonts: [TrueTypeFont]) {
        self.fonts = fonts
    }

    /// The characters none of the fonts can draw.
    public func missing(in text: String) -> [Character] {
        var missing: [Character] = []
        for character in text where !character.isWhitespace {
            let covered = character.unicodeScalars.allSatisfy { scalar in
                scalar.properties.generalCategory == .format || scalar.properties.generalCategory == .nonspacingMark && fonts.contains { $0.glyph(for: scalar) != nil }
                    || fonts.contains { $0.glyph(for: scalar) != nil }
            }
            if !covered, !missing.contains(character) { missing.append(character) }
        }
        return missing
    }

    /// The PDF: page one the card (on `sheet`, with cut marks, when given), page two (unless `envelope` is false) the envelope.
    public func render(
        _ card: NoteCard, size: NoteCard.Size, envelope: Bool = true, sheet: NoteCard.Sheet? = nil, title: String
    ) throws(PrintError) -> [UInt8] {
        let everything = card.body + card.recipient.joined() + card.sender.joined()
        if let character = missing(in: everything).first {
            let code = character.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")
            throw PrintError(
                rule: nil,
                message: "no installed font can draw \"\(character)\" (\(code)); install a font that has it (for example fonts-noto or fonts-droid-fallback) or set note.font")
        }
        // One canvas for both pages: the glyphs' numbers in the embedded fonts are shared.
        var canvas = Canvas(fonts: fonts)
        let cardPage = try layoutCard(card, size: size, canvas: &canvas)
        var pages = [(size.card, cardPage)]
        if let sheet { pages = [(sheet.size, Self.onSheet(cardPage, card: size.card, sheet: sheet.size))] }
        if envelope { pages.append((size.envelope, try layoutEnvelope(card, size: size, canvas: &canvas))) }
        return canvas.pdf(pages: pages, title: title)
    }

    private func layoutCard(_ card: NoteCard, size: NoteCard.Size, canvas: inout Canvas) throws(PrintError) -> [UInt8] {
        let (width, height) = size.card
        let margin = size.margin
        let available = width - 2 * margin
        for fontSize in Self.sizes {
            let leading = fontSize * 1.4
            var lines: [String?] = []  // nil: paragraph gap
            for paragraph in card.body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
                if paragraph.trimmingCharacters(in: .whitespaces).isEmpty {
                    if lines.last != nil, !lines.isEmpty { lines.append(nil) }
                    continue
                }
                lines += canvas.wrap(paragraph, width: available, size: fontSize).map { Optional($0) }
            }
            while lines.last == .some(nil) { lines.removeLast() }
            let dateSpace = card.date == nil ? 0 : leading * 1.6
            let signingSpace = card.signByHand ? leading * 2.5 : 0
            let needed = lines.reduce(0.0) { $0 + ($1 == nil ? leading * 0.6 : leading) } + dateSpace + signingSpace
            guard needed <= height - 2 * margin else { continue }
            var content: [UInt8] = []
            // Centre the note on the card, but never above the top margin.
            let slack = (height - 2 * margin - needed) / 2
            var y = height - margin - fontSize - max(0, slack * 0.8)
            if let date = card.date {
                content += canvas.draw(date, x: width - margin - canvas.width(date, size: fontSize), y: y, size: fontSize)
                y -= dateSpace
            }
            for line in lines {
                guard let line else {
                    y -= leading * 0.6
                    continue
                }
                content += canvas.draw(line, x: margin, y: y, size: fontSize)
                y -= leading
            }
            return content
        }
        throw PrintError(
            rule: .brief,
            message: "the note does not fit a \(size.rawValue) card at \(Int(Self.sizes.last ?? 10)) pt; keep it quick and to the point, or choose a larger card")
    }

    /// The card's page placed in the middle of a sheet, with cut marks just outside its corners.
    static func onSheet(_ content: [UInt8], card: (width: Double, height: Double), sheet: (width: Double, height: Double)) -> [UInt8] {
        let x = (sheet.width - card.width) / 2
        let y = (sheet.height - card.height) / 2
        var marks = "q 0.5 w 0 G\n"
        for (cornerX, cornerY) in [(x, y), (x + card.width, y), (x, y + card.height), (x + card.width, y + card.height)] {
            let outX = cornerX == x ? -1.0 : 1.0
            let outY = cornerY == y ? -1.0 : 1.0
            // A short line along each edge, starting 6 pt outside the corner so that no mark shows on the card.
            for (dx, dy) in [(outX, 0.0), (0.0, outY)] {
                let start = (cornerX + dx * 6, cornerY + dy * 6)
                let end = (cornerX + dx * 24, cornerY + dy * 24)
                marks += "\(PDFWriter.number(start.0)) \(PDFWriter.number(start.1)) m \(PDFWriter.number(end.0)) \(PDFWriter.number(end.1)) l S\n"
            }
        }
        marks += "Q\n"
        return Array(marks.utf8) + Array("q 1 0 0 1 \(PDFWriter.number(x)) \(PDFWriter.number(y)) cm\n".utf8) + content + Array("Q\n".utf8)
    }

    /// The envelope: the return address top left, the recipient's block in the middle, wrapped to fit
    /// (never below ``minimumAddressSize``), or refused.
    private func layoutEnvelope(_ card: NoteCard, size: NoteCard.Size, canvas: inout Canvas) throws(PrintError) -> [UInt8] {
        let (width, height) = size.envelope
        var content: [UInt8] = []
        let small = size == .a7 ? 7.5 : 8.5
        var y = height - 24 - small
        for line in card.sender {
            content += canvas.draw(line, x: 24, y: y, size: small)
            y -= small * 1.3
        }
        let returnBottom = y
        let large = size == .a7 ? 9.5 : 11.0
        // Largest type first, wrapping long lines; further left before smaller.
        for left in [width * 0.40, width * 0.25] {
            var fontSize = large
            while fontSize >= Self.minimumAddressSize {
                let lines = card.recipient.flatMap { canvas.wrap($0, width: width - left - 18, size: fontSize) }
                let blockHeight = Double(lines.count) * fontSize * 1.35
                let top = min(returnBottom - 10, height * 0.48 + blockHeight / 2)
                if top - blockHeight >= 14 {
                    y = top - fontSize
                    for line in lines {
                        content += canvas.draw(line, x: left, y: y, size: fontSize)
                        y -= fontSize * 1.35
                    }
                    return content
                }
                fontSize -= 0.5
            }
        }
        throw PrintError(
            rule: nil,
            message:
                "the recipient's address does not fit a \(size.rawValue) envelope in \(Int(Self.minimumAddressSize)) pt type or larger; shorten the address, or choose a larger card size (half-letter)")
    }
}

/// Text drawing over several fonts, remembering which glyphs were used.
struct Canvas {
    let fonts: [TrueTypeFont]
    /// Per font index, the glyphs drawn in order of first use; a glyph's code in the PDF is its place
    /// in this list plus one (the embedded font is renumbered the same way).
    var used: [Int: [GlyphUse]] = [:]
    /// Per font index: glyph → its code in the PDF.
    private var codes: [Int: [UInt16: UInt16]] = [:]

    struct GlyphUse: Hashable {
        var glyph: UInt16
        /// The code the PDF's text uses for it.
        var code: UInt16
        var text: String
    }

    init(fonts: [TrueTypeFont]) {
        self.fonts = fonts
    }

    /// Runs of (font index, scalars).
    func runs(_ text: String) -> [(Int, [Unicode.Scalar])] {
        var runs: [(Int, [Unicode.Scalar])] = []
        for scalar in text.unicodeScalars {
            let font = fonts.firstIndex { $0.glyph(for: scalar) != nil } ?? 0
            if let last = runs.last, last.0 == font {
                runs[runs.count - 1].1.append(scalar)
            } else {
                runs.append((font, [scalar]))
            }
        }
        return runs
    }

    func width(_ text: String, size: Double) -> Double {
        runs(text).reduce(0.0) { total, run in
            let font = fonts[run.0]
            let units = run.1.reduce(0) { $0 + font.advance(font.glyph(for: $1) ?? 0) }
            return total + Double(units) * size / Double(font.unitsPerEm)
        }
    }

    /// Greedy word wrap to `width`; a word longer than the line is split by characters.
    func wrap(_ paragraph: String, width: Double, size: Double) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in paragraph.split(separator: " ").map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if self.width(candidate, size: size) <= width {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            current = ""
            var piece = ""
            for character in word {
                if self.width(piece + String(character), size: size) > width, !piece.isEmpty {
                    lines.append(piece)
                    piece = ""
                }
                piece.append(character)
            }
            current = piece
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// Content-stream operators drawing `text` at (x, y).
    mutating func draw(_ text: String, x: Double, y: Double, size: Double) -> [UInt8] {
        var output = ""
        var cursor = x
        for (fontIndex, scalars) in runs(text) {
            let font = fonts[fontIndex]
            var hex = ""
            var units = 0
            for scalar in scalars {
                let glyph = font.glyph(for: scalar) ?? 0
                let code = codes[fontIndex]?[glyph] ?? UInt16((used[fontIndex]?.count ?? 0) + 1)
                if codes[fontIndex]?[glyph] == nil {
                    codes[fontIndex, default: [:]][glyph] = code
                    used[fontIndex, default: []].append(GlyphUse(glyph: glyph, code: code, text: String(scalar)))
                }
                hex += PDFWriter.hex(code)
                units += font.advance(glyph)
            }
            output += "BT /F\(fontIndex + 1) \(PDFWriter.number(size)) Tf 1 0 0 1 \(PDFWriter.number(cursor)) \(PDFWriter.number(y)) Tm <\(hex)> Tj ET\n"
            cursor += Double(units) * size / Double(font.unitsPerEm)
        }
        return Array(output.utf8)
    }

    /// The whole document.
    func pdf(pages: [((width: Double, height: Double), [UInt8])], title: String) -> [UInt8] {
        var writer = PDFWriter()
        let catalog = writer.reserve()
        let pagesNumber = writer.reserve()
        var fontEntries: [String] = []
        for (index, font) in fonts.enumerated() {
            guard let glyphs = used[index], !glyphs.isEmpty else { continue }
            fontEntries.append("/F\(index + 1) \(addFont(font, glyphs: glyphs, serif: index == 0, writer: &writer)) 0 R")
        }
        let resources = "<< /Font << \(fontEntries.joined(separator: " ")) >> >>"
        var kids: [Int] = []
        for (size, content) in pages {
            let stream = writer.addStream(content)
            kids.append(
                writer.add(
                    "<< /Type /Page /Parent \(pagesNumber) 0 R /MediaBox [0 0 \(PDFWriter.number(size.width)) \(PDFWriter.number(size.height))] /Resources \(resources) /Contents \(stream) 0 R >>"
                ))
        }
        writer.set(pagesNumber, "<< /Type /Pages /Kids [\(kids.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(kids.count) >>")
        writer.set(catalog, "<< /Type /Catalog /Pages \(pagesNumber) 0 R >>")
        let info = writer.add("<< /Title \(PDFWriter.text(title)) /Producer (Afterword) >>")
        return writer.finish(root: catalog, info: info)
    }

    private func addFont(_ font: TrueTypeFont, glyphs: [GlyphUse], serif: Bool, writer: inout PDFWriter) -> Int {
        let scale = 1000.0 / Double(font.unitsPerEm)
        func units(_ value: Int) -> String { PDFWriter.number(Double(value) * scale) }
        // The font renumbered so that glyph N is the one drawn with code N; if it cannot be, the whole
        // font with a map from codes to its glyphs.
        let subset = font.subset(glyphs.map(\.glyph))
        let embedded = subset ?? font.data
        let file = writer.addStream(embedded, dictionary: "/Length1 \(embedded.count)")
        var codeMap = "/Identity"
        if subset == nil {
            var map = [UInt8](repeating: 0, count: 2 * (Int(glyphs.map(\.code).max() ?? 0) + 1))
            for use in glyphs {
                map[Int(use.code) * 2] = UInt8(use.glyph >> 8)
                map[Int(use.code) * 2 + 1] = UInt8(use.glyph & 0xFF)
            }
            codeMap = "\(writer.addStream(map)) 0 R"
        }
        let flags = 32 + (serif ? 2 : 0) + (font.isFixedPitch ? 1 : 0)
        let descriptor = writer.add(
            "<< /Type /FontDescriptor /FontName /\(font.postScriptName) /Flags \(flags) /FontBBox [\(units(font.bbox.0)) \(units(font.bbox.1)) \(units(font.bbox.2)) \(units(font.bbox.3))] /ItalicAngle \(PDFWriter.number(font.italicAngle)) /Ascent \(units(font.ascender)) /Descent \(units(font.descender)) /CapHeight \(units(font.capHeight)) /StemV 80 /FontFile2 \(file) 0 R >>"
        )
        let widths = glyphs.map { "\($0.code) [\(units(font.advance($0.glyph)))]" }.joined(separator: " ")
        let cid = writer.add(
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /\(font.postScriptName) /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor \(descriptor) 0 R /DW \(units(font.unitsPerEm / 2)) /W [\(widths)] /CIDToGIDMap \(codeMap) >>"
        )
        let toUnicode = writer.addStream(Array(Self.toUnicode(glyphs).utf8))
        return writer.add(
            "<< /Type /Font /Subtype /Type0 /BaseFont /\(font.postScriptName) /Encoding /Identity-H /DescendantFonts [\(cid) 0 R] /ToUnicode \(toUnicode) 0 R >>"
        )
    }

    /// A ToUnicode CMap so that copying and searching give back the text.
    static func toUnicode(_ glyphs: [GlyphUse]) -> String {
        var cmap = """
            /CIDInit /ProcSet findresource begin
            12 dict begin
            begincmap
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
            /CMapName /Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <0000> <FFFF>
            endcodespacerange

            """
        var index = 0
        while index < glyphs.count {
            let chunk = glyphs[index..<min(index + 100, glyphs.count)]
            cmap += "\(chunk.count) beginbfchar\n"
            for use in chunk {
                cmap += "<\(PDFWriter.hex(use.code))> <\(use.text.utf16.map(PDFWriter.hex).joined())>\n"
            }
            cmap += "endbfchar\n"
            index += 100
        }
        cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
        return cmap
    }
}

import Foundation
