/// A minimal PDF 1.7 file writer: numbered objects, streams, and the cross-reference table.
struct PDFWriter {
    private var objects: [[UInt8]?] = []

    /// Reserves an object number to fill in later (for forward references).
    mutating func reserve() -> Int {
        objects.append(nil)
        return objects.count
    }

    /// Sets the body of a reserved object.
    mutating func set(_ number: Int, _ body: String) {
        objects[number - 1] = Array(body.utf8)
    }

    /// Adds an object and returns its number.
    mutating func add(_ body: String) -> Int {
        let number = reserve()
        set(number, body)
        return number
    }

    /// Adds a stream object with `dictionary` entries besides its length.
    mutating func addStream(_ data: [UInt8], dictionary: String = "") -> Int {
        let number = reserve()
        objects[number - 1] = Array("<< /Length \(data.count) \(dictionary) >>\nstream\n".utf8) + data + Array("\nendstream".utf8)
        return number
    }

    /// The finished file.
    func finish(root: Int, info: Int) -> [UInt8] {
        var output = Array("%PDF-1.7\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [Int] = []
        for (index, body) in objects.enumerated() {
            offsets.append(output.count)
            output += Array("\(index + 1) 0 obj\n".utf8) + (body ?? Array("null".utf8)) + Array("\nendobj\n".utf8)
        }
        let xref = output.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            table += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        table += "trailer\n<< /Size \(objects.count + 1) /Root \(root) 0 R /Info \(info) 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return output + Array(table.utf8)
    }

    /// A PDF literal string with `\`, `(` and `)` escaped and non-ASCII as UTF-16BE hex.
    static func text(_ string: String) -> String {
        if string.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) {
            return "(" + string.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(")
                .replacingOccurrences(of: ")", with: "\\)") + ")"
        }
        return "<FEFF" + string.utf16.map { hex($0) }.joined() + ">"
    }

    static func hex(_ value: UInt16) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }

    /// A number with at most two decimals, as PDF content streams want them.
    /// A value that is not finite (from a damaged font's metrics) is written as 0 rather than trapping.
    static func number(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return "0" }
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }
}
