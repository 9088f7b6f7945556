/// Turns byte offsets of a body into the line and column (in characters) an editor shows.
///
/// Offsets are mapped in one forward pass over the text, however many there are, so a draft with
/// many findings costs no more than one with a few.
struct TextPositions: Sendable {
    private let bytes: [UInt8]
    private let lineStarts: [Int]
    private let firstLine: Int

    init(_ bytes: [UInt8], firstLine: Int) {
        self.bytes = bytes
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == 0x0A { starts.append(index + 1) }
        lineStarts = starts
        self.firstLine = firstLine
    }

    /// 1-based line and column of each offset, in the order given.
    func positions(of offsets: [Int]) -> [(line: Int, column: Int)] {
        let order = offsets.indices.sorted { offsets[$0] < offsets[$1] }
        var result = Array(repeating: (line: firstLine, column: 1), count: offsets.count)
        var line = 0
        var cursor = 0
        var column = 1
        for position in order {
            let offset = max(0, min(offsets[position], bytes.count))
            while line + 1 < lineStarts.count, lineStarts[line + 1] <= offset {
                line += 1
                cursor = lineStarts[line]
                column = 1
            }
            if offset > cursor {
                column += String(decoding: bytes[cursor..<offset], as: UTF8.self).count
                cursor = offset
            }
            result[position] = (firstLine + line, column)
        }
        return result
    }
}
