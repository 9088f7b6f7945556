import Foundation

/// Finds the elements of a board's list of postings in its JSON bytes without building the whole
/// document: one pass over the bytes, each element then read on its own and let go, so that a board of
/// thousands of postings never holds all of them as objects at once. Linear in the bytes; nesting
/// deeper than ``maximumDepth`` is refused.
enum JSONElements {
    /// Deeper than a board's documented shape ever goes.
    static let maximumDepth = 64

    /// Why the bytes are not the list sought.
    enum Problem: Error {
        /// Not well-formed JSON (unbalanced, cut short, too deep).
        case malformed
        /// Well-formed enough, but the list is not where the provider puts it.
        case shape
    }

    /// The byte ranges of the elements of the top-level array (`key` nil), or of the array under the
    /// top-level object's `key`.
    static func ranges(in bytes: UnsafeRawBufferPointer, under key: String?) throws(Problem) -> [Range<Int>] {
        var scanner = Scanner(bytes: bytes)
        scanner.skipSpace()
        if let key {
            try scanner.moveToMember(key)
        }
        guard scanner.index < bytes.count, bytes[scanner.index] == 0x5B else { throw .shape }
        // At the list's "[": its elements, one by one.
        scanner.index += 1
        var ranges: [Range<Int>] = []
        scanner.skipSpace()
        if scanner.index < bytes.count, bytes[scanner.index] == 0x5D { return [] }
        while true {
            scanner.skipSpace()
            let start = scanner.index
            guard scanner.skipValue() else { throw .malformed }
            ranges.append(start..<scanner.index)
            scanner.skipSpace()
            guard scanner.index < bytes.count else { throw .malformed }
            if bytes[scanner.index] == 0x2C {
                scanner.index += 1
            } else if bytes[scanner.index] == 0x5D {
                return ranges
            } else {
                throw .malformed
            }
        }
    }

    /// The byte range of the value of the top-level object's member `key` (a total beside the list).
    static func member(_ key: String, in bytes: UnsafeRawBufferPointer) throws(Problem) -> Range<Int> {
        var scanner = Scanner(bytes: bytes)
        scanner.skipSpace()
        try scanner.moveToMember(key)
        let start = scanner.index
        guard scanner.skipValue() else { throw .malformed }
        return start..<scanner.index
    }

    /// A cursor over the bytes, moving past JSON values without building them.
    private struct Scanner {
        let bytes: UnsafeRawBufferPointer
        var index = 0

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }

        /// Moves past one JSON value starting at `index`; returns false when it is not well-formed.
        mutating func skipValue() -> Bool {
            let count = bytes.count
            var depth = 0
            var inString = false
            var escaped = false
            let start = index
            while index < count {
                let byte = bytes[index]
                index += 1
                if inString {
                    if escaped {
                        escaped = false
                    } else if byte == 0x5C {
                        escaped = true
                    } else if byte == 0x22 {
                        inString = false
                    }
                    if !inString, depth == 0 { return true }
                    continue
                }
                switch byte {
                case 0x22: inString = true
                case 0x7B, 0x5B:
                    depth += 1
                    if depth > maximumDepth { return false }
                case 0x7D, 0x5D:
                    // At depth 0 the bracket closes the list around a number or a literal: it ends the value.
                    if depth == 0 {
                        index -= 1
                        return index > start
                    }
                    depth -= 1
                    if depth == 0 { return true }
                case 0x2C where depth == 0, 0x20 where depth == 0, 0x0A where depth == 0, 0x0D where depth == 0,
                    0x09 where depth == 0:
                    index -= 1
                    return index > start
                default: break
                }
            }
            return depth == 0 && !inString && index > start
        }

        /// Reads a string at `index` (its bytes, undecoded), moving past it.
        mutating func readString() -> [UInt8]? {
            let count = bytes.count
            guard index < count, bytes[index] == 0x22 else { return nil }
            index += 1
            var value: [UInt8] = []
            var escaped = false
            while index < count {
                let byte = bytes[index]
                index += 1
                if escaped {
                    escaped = false
                } else if byte == 0x5C {
                    escaped = true
                } else if byte == 0x22 {
                    return value
                }
                if value.count < 256 { value.append(byte) }
            }
            return nil
        }

        /// From the top-level object's "{", moves to the start of the value of its member `key`.
        mutating func moveToMember(_ key: String) throws(Problem) {
            let count = bytes.count
            guard index < count, bytes[index] == 0x7B else { throw .shape }
            index += 1
            while true {
                skipSpace()
                if index < count, bytes[index] == 0x7D { throw .shape }
                guard let name = readString() else { throw .malformed }
                skipSpace()
                guard index < count, bytes[index] == 0x3A else { throw .malformed }
                index += 1
                skipSpace()
                if name == Array(key.utf8) { return }
                guard skipValue() else { throw .malformed }
                skipSpace()
                guard index < count else { throw .malformed }
                if bytes[index] == 0x2C {
                    index += 1
                } else if bytes[index] == 0x7D {
                    throw .shape
                } else {
                    throw .malformed
                }
            }
        }
    }
}
