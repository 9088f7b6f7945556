import Foundation

/// The fields of a submitted form: `application/x-www-form-urlencoded` or `multipart/form-data`.
struct FormData: Sendable {
    /// One uploaded file.
    struct File: Sendable {
        var filename: String
        var contentType: String
        var bytes: [UInt8]
    }

    private(set) var fields: [String: String] = [:]
    private(set) var files: [String: File] = [:]

    /// The field's value, or nil when absent.
    subscript(_ name: String) -> String? { fields[name] }

    /// The field's value with CR LF made LF, or "" when absent.
    func text(_ name: String) -> String {
        (fields[name] ?? "").replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// The field's value on one line, each line break a space: it can never become a header of its own.
    func line(_ name: String) -> String? {
        fields[name].map { $0.components(separatedBy: .newlines).joined(separator: " ") }
    }

    /// True for a checked checkbox.
    func isOn(_ name: String) -> Bool { ["on", "true", "1", "yes"].contains(fields[name] ?? "") }

    /// Parses a body as its content type says.
    /// - Throws: ``WebError`` when the body is neither kind, or a multipart body is malformed.
    static func parse(_ bytes: [UInt8], contentType: String?) throws -> FormData {
        let type = (contentType ?? "").lowercased()
        if type.hasPrefix("multipart/form-data") {
            guard let boundary = parameter("boundary", in: contentType ?? "") else {
                throw WebError(.badRequest, "the upload has no multipart boundary; submit the form from the page")
            }
            return try multipart(bytes, boundary: boundary)
        }
        if type.isEmpty || type.hasPrefix("application/x-www-form-urlencoded") {
            return urlEncoded(String(decoding: bytes, as: UTF8.self))
        }
        throw WebError(.unsupportedMediaType, "this address takes a form (application/x-www-form-urlencoded or multipart/form-data)")
    }

    /// `a=1&b=two+words` → fields.
    static func urlEncoded(_ text: String) -> FormData {
        var form = FormData()
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : ""
            form.fields[name] = value
        }
        return form
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    private static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == name else { continue }
            return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }

    /// A form of Afterword's has a handful of fields and one file; more parts is not a form of ours.
    static let maximumParts = 64
    /// The header lines of one part.
    static let maximumPartHeaderBytes = 8 * 1024

    private static func multipart(_ bytes: [UInt8], boundary: String) throws -> FormData {
        // RFC 2046 §5.1.1: 1 to 70 characters. A longer one would make every search for it slower.
        guard (1...70).contains(boundary.utf8.count) else {
            throw WebError(.badRequest, "the upload's multipart boundary is not 1 to 70 characters; submit the form from the page")
        }
        let delimiter = Array("--\(boundary)".utf8)
        var form = FormData()
        var parts: [ArraySlice<UInt8>] = []
        var cursor = bytes.startIndex
        guard var start = find(delimiter, in: bytes, from: cursor) else {
            throw WebError(.badRequest, "the upload is not well-formed multipart data; submit the form from the page")
        }
        cursor = start + delimiter.count
        while let next = find(delimiter, in: bytes, from: cursor) {
            guard parts.count < maximumParts else {
                throw WebError(.badRequest, "the upload has more than \(maximumParts) parts; submit the form from the page")
            }
            parts.append(bytes[(start + delimiter.count)..<next])
            start = next
            cursor = next + delimiter.count
        }
        for part in parts {
            var body = part
            // Each part starts with CR LF after the delimiter and ends with CR LF before the next.
            if body.starts(with: [13, 10]) { body = body.dropFirst(2) }
            if body.count >= 2, body[body.endIndex - 2] == 13, body[body.endIndex - 1] == 10 { body = body.dropLast(2) }
            let all = Array(body)
            guard let split = find([13, 10, 13, 10], in: Array(all.prefix(maximumPartHeaderBytes + 4)), from: 0) else { continue }
            let head = String(decoding: all[..<split], as: UTF8.self)
            let content = Array(all[(split + 4)...])
            var name: String?
            var filename: String?
            var type = "application/octet-stream"
            for line in head.components(separatedBy: "\r\n") {
                let lower = line.lowercased()
                if lower.hasPrefix("content-disposition:") {
                    name = parameter("name", in: line)
                    filename = parameter("filename", in: line)
                } else if lower.hasPrefix("content-type:") {
                    type = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
                }
            }
            guard let name else { continue }
            if let filename {
                if !filename.isEmpty || !content.isEmpty {
                    form.files[name] = File(filename: filename, contentType: type, bytes: content)
                }
            } else {
                form.fields[name] = String(decoding: content, as: UTF8.self)
            }
        }
        return form
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        let first = needle[0]
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
