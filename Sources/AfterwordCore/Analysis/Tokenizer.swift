/// One word, number, punctuation mark, symbol or line break of a message, with where it is.
///
/// Positions are byte offsets into the message's UTF-8; ``TextPositions`` turns them into the
/// line and column (in characters) an editor shows, only for the few tokens a finding points at.
struct Token: Sendable {
    enum Kind: UInt8, Sendable, Equatable {
        case word
        case number
        /// One ASCII punctuation mark or a typographic one (’ — … “).
        case punctuation
        /// Anything else that is not a letter or a digit: emoji, decorative symbols, marks.
        case symbol
        case newline
    }

    // Laid out widest first and the flags packed in one byte: a long draft holds a token every few
    // bytes, and every rule reads them, so 40 bytes a token rather than 64 is memory not read.

    /// Lower-cased, with typographic apostrophes made plain; for punctuation the mark itself.
    var lower: String
    /// What the word means to the rules, from the lexicons (empty for anything but words).
    var tags: Tags = []
    private var startOffset: UInt32
    private var endOffset: UInt32
    /// The word's id in its check (``CheckMemo``): equal lower-cased words have equal ids.
    var id: UInt32 = 0
    var kind: Kind
    private var flags: UInt8 = 0

    /// - Parameters:
    ///   - start: where it starts in the message's UTF-8 (within ``Tokenizer/maxBytes``).
    ///   - end: where it ends.
    init(kind: Kind, start: Int, end: Int, lower: String) {
        self.kind = kind
        self.lower = lower
        startOffset = UInt32(truncatingIfNeeded: start)
        endOffset = UInt32(truncatingIfNeeded: end)
    }

    /// Byte range in the message's UTF-8.
    var start: Int { Int(startOffset) }
    var end: Int { Int(endOffset) }

    /// The word starts with an upper-case letter.
    var isCapitalized: Bool {
        get { flag(0) }
        set { setFlag(0, newValue) }
    }
    /// Every letter of the word is upper-case (and it has at least one letter).
    var isAllCaps: Bool {
        get { flag(1) }
        set { setFlag(1, newValue) }
    }
    /// The word was joined to the one before it by a hyphen ("on-call", "follow-up").
    var hyphenBefore: Bool {
        get { flag(2) }
        set { setFlag(2, newValue) }
    }
    /// Some phrase of the lexicons starts with this word.
    var startsPhrase: Bool {
        get { flag(3) }
        set { setFlag(3, newValue) }
    }

    var isWord: Bool { kind == .word }

    private func flag(_ bit: UInt8) -> Bool { flags & (1 << bit) != 0 }

    private mutating func setFlag(_ bit: UInt8, _ value: Bool) {
        if value { flags |= 1 << bit } else { flags &= ~(1 << bit) }
    }
}

/// Splits UTF-8 text into tokens in one pass, in time linear in its length.
enum Tokenizer {
    /// Longest word kept as a word; a longer run of letters is still one token but is never looked up.
    static let maxWordBytes = 64
    /// Most bytes of a message read: positions are kept in 32 bits (a thank-you is a few kilobytes).
    static let maxBytes = Int(UInt32.max) - 1

    static func tokenize(_ bytes: [UInt8]) -> [Token] { tokenize(bytes, in: bytes.indices) }

    /// The tokens of `bytes[range]`. A range that starts and ends just after a line break (or at an end)
    /// gives exactly the tokens the whole text has there: no token spans a line break, and the
    /// tokenizer starts afresh after one.
    static func tokenize(_ bytes: [UInt8], in range: Range<Int>) -> [Token] {
        var tokens: [Token] = []
        // English prose holds a token every 4.5 bytes or so: room for one every 4 keeps a long draft's
        // tokens from being copied to a larger array, without holding much unused room for short ones.
        tokens.reserveCapacity(range.count / 4 + 4)
        var index = range.lowerBound
        let count = range.upperBound
        var pendingHyphen = false
        while index < count {
            let byte = bytes[index]
            if byte == 0x0A {
                tokens.append(Token(kind: .newline, start: index, end: index + 1, lower: "\n"))
                index += 1
                pendingHyphen = false
                continue
            }
            if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0B || byte == 0x0C {
                index += 1
                pendingHyphen = false
                continue
            }
            // Invisible format characters (direction marks, zero-width joiners, soft hyphens) and
            // spaces other than the plain one (a no-break space from a word processor) separate words
            // and are otherwise ignored: "\u{200F}Dana" is Dana, "Ms.\u{00A0}Grant" is "Ms. Grant".
            if byte >= 0xC2, let length = separatorLength(bytes, index) {
                index += length
                pendingHyphen = false
                continue
            }
            if isWordStart(bytes, index) {
                var token = word(bytes, at: index, before: count)
                token.hyphenBefore = pendingHyphen
                tokens.append(token)
                pendingHyphen = false
                index = token.end
                // A hyphen between two words joins them ("follow-up").
                if index + 1 < count, bytes[index] == 0x2D, isWordStart(bytes, index + 1) {
                    pendingHyphen = true
                    index += 1
                }
                continue
            }
            if byte < 0x80 {
                tokens.append(Token(kind: .punctuation, start: index, end: index + 1, lower: asciiMarks[Int(byte)]))
                pendingHyphen = false
                index += 1
                continue
            }
            let length = scalarLength(bytes, index)
            let end = min(count, index + length)
            let mark = String(decoding: bytes[index..<end], as: UTF8.self)
            let kind: Token.Kind = typographic.contains(mark) ? .punctuation : .symbol
            tokens.append(Token(kind: kind, start: index, end: end, lower: mark == "’" || mark == "‘" ? "'" : mark))
            pendingHyphen = false
            index = end
        }
        return tokens
    }

    /// The word or number that starts at `index` and ends before `count` at the latest.
    static func word(_ bytes: [UInt8], at index: Int, before count: Int) -> Token {
        var end = index
        var letters = 0
        var upper = 0
        var digitsOnly = true
        while end < count {
            let length = wordCharacterLength(bytes, end)
            if length > 0 {
                let b = bytes[end]
                if b >= 0x41 && b <= 0x5A { upper += 1; letters += 1; digitsOnly = false }
                else if b >= 0x61 && b <= 0x7A { letters += 1; digitsOnly = false }
                else if b >= 0x80 { letters += 1; digitsOnly = false; if isUpperNonASCII(bytes, end) { upper += 1 } }
                end += length
                continue
            }
            // An apostrophe inside a word ("don't", "Dana’s").
            let apostrophe = apostropheLength(bytes, end)
            guard apostrophe > 0, end + apostrophe < count, wordCharacterLength(bytes, end + apostrophe) > 0, !digitsOnly else { break }
            end += apostrophe
        }
        var token = Token(
            kind: digitsOnly ? .number : .word, start: index, end: end,
            lower: end - index <= maxWordBytes ? lowered(bytes, index, end) : "")
        token.isCapitalized = !digitsOnly && isUpperAt(bytes, index)
        token.isAllCaps = letters > 0 && upper == letters
        return token
    }

    /// Each ASCII byte as a one-character string, made once: most marks of a text are ASCII.
    static let asciiMarks: [String] = (0..<128).map { String(decoding: [UInt8($0)], as: UTF8.self) }

    /// Non-ASCII punctuation treated like its ASCII counterpart.
    static let typographic: Set<String> = ["’", "‘", "“", "”", "—", "–", "…", "«", "»", "•", "·", "¡", "¿"]

    /// The length of an invisible format character (general category Cf) or a space separator (Zs)
    /// at `index`, or nil.
    static func separatorLength(_ bytes: [UInt8], _ index: Int) -> Int? {
        let length = min(scalarLength(bytes, index), bytes.count - index)
        guard let scalar = decode(bytes, index, length) else { return nil }
        let category = scalar.properties.generalCategory
        return category == .format || category == .spaceSeparator ? length : nil
    }

    /// Bytes of a UTF-8 scalar starting at `index` (1 for a stray continuation byte).
    static func scalarLength(_ bytes: [UInt8], _ index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0xC0 { return 1 }
        if byte < 0xE0 { return 2 }
        if byte < 0xF0 { return 3 }
        return 4
    }

    private static func isWordStart(_ bytes: [UInt8], _ index: Int) -> Bool {
        wordCharacterLength(bytes, index) > 0
    }

    /// Length of the letter or digit at `index`, or 0 when it is none.
    private static func wordCharacterLength(_ bytes: [UInt8], _ index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 {
            return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) ? 1 : 0
        }
        let length = min(scalarLength(bytes, index), bytes.count - index)
        guard let scalar = decode(bytes, index, length) else { return 0 }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil { return length }
        // Combining marks continue the letter before them (they never start a word).
        if index > 0, properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark {
            return length
        }
        return 0
    }

    private static func decode(_ bytes: [UInt8], _ index: Int, _ length: Int) -> Unicode.Scalar? {
        guard length >= 2, index + length <= bytes.count else { return nil }
        var value = UInt32(bytes[index]) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length {
            let continuation = bytes[index + offset]
            guard continuation & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(continuation & 0x3F)
        }
        return Unicode.Scalar(value)
    }

    private static func apostropheLength(_ bytes: [UInt8], _ index: Int) -> Int {
        if bytes[index] == 0x27 { return 1 }
        // ’ (E2 80 99) and ‘ (E2 80 98)
        if bytes[index] == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
            bytes[index + 2] == 0x99 || bytes[index + 2] == 0x98
        {
            return 3
        }
        return 0
    }

    private static func isUpperAt(_ bytes: [UInt8], _ index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 { return byte >= 0x41 && byte <= 0x5A }
        return isUpperNonASCII(bytes, index)
    }

    private static func isUpperNonASCII(_ bytes: [UInt8], _ index: Int) -> Bool {
        let length = min(scalarLength(bytes, index), bytes.count - index)
        return decode(bytes, index, length)?.properties.isUppercase ?? false
    }

    /// The word lower-cased with plain apostrophes; ASCII quickly, the rest through Unicode.
    private static func lowered(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String {
        var ascii = true
        for index in start..<end where bytes[index] >= 0x80 {
            ascii = false
            break
        }
        if ascii {
            return String(unsafeUninitializedCapacity: end - start) { buffer in
                for index in start..<end {
                    let byte = bytes[index]
                    buffer[index - start] = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
                }
                return end - start
            }
        }
        let text = String(decoding: bytes[start..<end], as: UTF8.self).lowercased()
        return plainApostrophes(text)
    }

    /// The text with typographic apostrophes (’ ‘) made plain; found by a byte scan, not a string search.
    static func plainApostrophes(_ text: String) -> String {
        var curly = false
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            if previous == (0xE2, 0x80), byte == 0x98 || byte == 0x99 {
                curly = true
                break
            }
            previous = (previous.1, byte)
        }
        return curly ? text.replacing("’", with: "'").replacing("‘", with: "'") : text
    }
}
