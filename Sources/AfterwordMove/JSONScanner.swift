/// A strict, linear check of JSON text (RFC 8259) before it is decoded, so that a broken file is refused
/// with the line, the column and the path of the value where it breaks, which Foundation's decoder does
/// not say. Numbers must be whole and fit in 64 bits (the export format has no other kind), strings may
/// not hold a NUL, and nesting is bounded.
struct JSONScanner {
    /// Where and why the text is not acceptable JSON.
    struct Failure: Error, Equatable {
        var line: Int
        var column: Int
        var path: String
        var message: String
    }

    static let maximumDepth = 32
    /// The most entries one array may have, counted before anything is decoded.
    static let maximumElements = ExportFile.maximumRecords

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var path: [PathItem] = []

    private enum PathItem {
        case key(String)
        case index(Int)
    }

    /// Checks `bytes`; nil when they are one acceptable JSON value.
    static func check(_ bytes: [UInt8]) -> Failure? {
        var scanner = JSONScanner(bytes: bytes)
        do throws(Failure) {
            scanner.skipSpace()
            try scanner.value(depth: 0)
            scanner.skipSpace()
            if scanner.index < bytes.count { throw scanner.failure("more text after the end of the JSON value") }
            return nil
        } catch {
            return error
        }
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The path as the format's documentation writes it: `interviews[3].at`.
    static func pathText(_ items: [(key: String?, index: Int?)]) -> String {
        var text = ""
        for item in items {
            if let index = item.index {
                text += "[\(index)]"
            } else if let key = item.key {
                text += text.isEmpty ? key : ".\(key)"
            }
        }
        return text
    }

    private func failure(_ message: String) -> Failure {
        let items = path.map { item -> (key: String?, index: Int?) in
            switch item {
            case .key(let key): (key, nil)
            case .index(let index): (nil, index)
            }
        }
        return Failure(line: line, column: index - lineStart + 1, path: Self.pathText(items), message: message)
    }

    private var atEnd: Bool { index >= bytes.count }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default: return
            }
        }
    }

    private var endMessage: String { "the file ends in the middle of a value: it was cut short; export it again" }

    private mutating func value(depth: Int) throws(Failure) {
        guard depth <= Self.maximumDepth else { throw failure("nested too deeply to be an Afterword export") }
        guard !atEnd else { throw failure(endMessage) }
        switch bytes[index] {
        case UInt8(ascii: "{"): try object(depth: depth)
        case UInt8(ascii: "["): try array(depth: depth)
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: throw failure("not a JSON value here (a missing quote or comma?)")
        }
    }

    private mutating func literal(_ word: String) throws(Failure) {
        for byte in word.utf8 {
            guard !atEnd else { throw failure(endMessage) }
            guard bytes[index] == byte else { throw failure("not a JSON value here (a missing quote or comma?)") }
            index += 1
        }
    }

    private mutating func object(depth: Int) throws(Failure) {
        index += 1
        skipSpace()
        if !atEnd, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            skipSpace()
            guard !atEnd else { throw failure(endMessage) }
            guard bytes[index] == UInt8(ascii: "\"") else { throw failure("a name in quotes should come here") }
            let key = try string()
            skipSpace()
            guard !atEnd else { throw failure(endMessage) }
            guard bytes[index] == UInt8(ascii: ":") else { throw failure("a colon should follow \"\(key)\"") }
            index += 1
            skipSpace()
            path.append(.key(key))
            try value(depth: depth + 1)
            path.removeLast()
            skipSpace()
            guard !atEnd else { throw failure(endMessage) }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return
            default: throw failure("a comma or a closing } should come here")
            }
        }
    }

    private mutating func array(depth: Int) throws(Failure) {
        index += 1
        skipSpace()
        if !atEnd, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return
        }
        var position = 0
        while true {
            skipSpace()
            path.append(.index(position))
            try value(depth: depth + 1)
            path.removeLast()
            skipSpace()
            guard !atEnd else { throw failure(endMessage) }
            switch bytes[index] {
            case UInt8(ascii: ","):
                index += 1
                position += 1
                guard position < Self.maximumElements else {
                    throw failure("more than \(Self.maximumElements) entries in one list: more than one person's Afterword holds")
                }
            case UInt8(ascii: "]"):
                index += 1
                return
            default: throw failure("a comma or a closing ] should come here")
            }
        }
    }

    /// A string's text (only kept for object keys, where it is short), checking escapes and UTF-8.
    private mutating func string() throws(Failure) -> String {
        index += 1
        let start = index
        var escaped = false
        while true {
            guard !atEnd else { throw failure(endMessage) }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                if escaped || index - start > 200 { return "" }
                return String(decoding: bytes[start..<(index - 1)], as: UTF8.self)
            case UInt8(ascii: "\\"):
                escaped = true
                index += 1
                guard !atEnd else { throw failure(endMessage) }
                switch bytes[index] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                    UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 1
                case UInt8(ascii: "u"):
                    guard index + 4 < bytes.count else { throw failure(endMessage) }
                    let digits = bytes[(index + 1)...(index + 4)]
                    guard digits.allSatisfy({ Self.isHexDigit($0) }) else { throw failure("a \\u escape needs four hexadecimal digits") }
                    guard !digits.allSatisfy({ $0 == UInt8(ascii: "0") }) else { throw failure("a text holds a NUL character (\\u0000)") }
                    index += 5
                default: throw failure("an unknown escape after a backslash")
                }
            case 0x00..<0x20:
                throw failure(byte == 0 ? "a NUL byte in a text" : "a line break or control character inside a text (write it as \\n)")
            case 0x80...0xFF:
                try utf8Sequence()
            default:
                index += 1
            }
        }
    }

    private mutating func utf8Sequence() throws(Failure) {
        let length = UTF8Bytes.sequenceLength(bytes, at: index)
        guard length > 0 else { throw failure("bytes that are not UTF-8 text; save the file as UTF-8") }
        index += length
    }

    private mutating func number() throws(Failure) {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let digitsStart = index
        while !atEnd, Self.isDigit(bytes[index]) { index += 1 }
        let digits = index - digitsStart
        guard digits > 0 else { throw failure("a minus sign without a number") }
        if !atEnd, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) {
            index = start
            throw failure("a number with a fraction or an exponent: every number here is a whole number")
        }
        guard digits < 19, !(digits > 1 && bytes[digitsStart] == UInt8(ascii: "0")) else {
            index = start
            throw failure(digits >= 19 ? "a number too large to be one Afterword wrote" : "a number with a leading zero")
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
    }
}
