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

/// The compose pages of the web mail people use, with the recipient, subject and body filled in: for a
/// user whose mail lives in the browser rather than in a mail program.
public enum WebmailURL: String, Sendable, CaseIterable {
    case gmail
    /// Outlook.com and Hotmail.
    case outlook
    /// Outlook on the web of a Microsoft 365 work or school account.
    case office

    public var label: String {
        switch self {
        case .gmail: "Gmail"
        case .outlook: "Outlook.com"
        case .office: "Outlook (work or school)"
        }
    }

    /// The compose page's address.
    public func compose(to address: String, subject: String?, body: String) -> String {
        let base: String
        var fields: [String]
        switch self {
        case .gmail:
            base = "https://mail.google.com/mail/?"
            fields = ["view=cm", "fs=1", "to=" + MailtoURL.encode(address, keep: "@")]
            if let subject { fields.append("su=" + MailtoURL.encode(HeaderText.safe(subject))) }
        case .outlook, .office:
            base = self == .outlook ? "https://outlook.live.com/mail/0/deeplink/compose?" : "https://outlook.office.com/mail/deeplink/compose?"
            fields = ["to=" + MailtoURL.encode(address, keep: "@")]
            if let subject { fields.append("subject=" + MailtoURL.encode(HeaderText.safe(subject))) }
        }
        fields.append("body=" + MailtoURL.encode(body.replacingOccurrences(of: "\r\n", with: "\n")))
        return base + fields.joined(separator: "&")
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

import Foundation
