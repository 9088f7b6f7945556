/// `mailto:` URLs (RFC 6068) for people who send from their own mail program.
public enum MailtoURL {
    /// `mailto:dana@acme.com?subject=…&body=…`, every non-unreserved byte percent-encoded as UTF-8.
    public static func make(to address: String, subject: String?, body: String) -> String {
        var fields: [String] = []
        if let subject { fields.append("subject=" + encode(HeaderText.safe(subject))) }
        let crlf = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        fields.append("body=" + encode(crlf))
        return "mailto:" + encode(address, keep: "@") + (fields.isEmpty ? "" : "?" + fields.joined(separator: "&"))
    }

    static func encode(_ text: String, keep: String = "") -> String {
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8).union(keep.utf8)
        var result = ""
        for byte in text.utf8 {
            if unreserved.contains(byte) {
                result.append(Character(UnicodeScalar(byte)))
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

import Foundation
