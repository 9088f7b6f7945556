import Foundation

/// A body of text as characters, with the line and column of every character.
///
/// Findings are reported as `line:column` counted in characters, the way an editor shows them.
struct TextIndex: Sendable {
    let characters: [Character]
    private let lineStarts: [Int]
    private let firstLine: Int

    init(_ text: String, firstLine: Int) {
        characters = Array(text)
        var starts = [0]
        for (index, character) in characters.enumerated() where character == "\n" {
            starts.append(index + 1)
        }
        lineStarts = starts
        self.firstLine = firstLine
    }

    /// 1-based line and column of a character index.
    func position(of index: Int) -> (line: Int, column: Int) {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= index { low = mid } else { high = mid - 1 }
        }
        return (firstLine + low, index - lineStarts[low] + 1)
    }

    func text(_ range: Range<Int>) -> String {
        String(characters[range.clamped(to: 0..<characters.count)])
    }

    /// The lines of the text with the character index each starts at.
    func makeLines() -> [(start: Int, text: String)] {
        lineStarts.enumerated().map { offset, start in
            let end = offset + 1 < lineStarts.count ? lineStarts[offset + 1] - 1 : characters.count
            return (start, String(characters[start..<max(start, end)]))
        }
    }
}
