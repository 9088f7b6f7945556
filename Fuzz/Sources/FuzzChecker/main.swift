import AfterwordCore
import Foundation

/// Any bytes as a draft given to `afterword check`: header lines, greeting, body, sign-off.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChecker(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var document = Document.parse(text, path: "fuzz")
    if document.recipientName == nil { document.recipientName = "Dana Whitfield" }
    if document.company == nil { document.company = "Acme Analytics" }
    let findings = Checker().check([document, document])
    for finding in findings.joined() {
        precondition(finding.line >= 1 && finding.column >= 1, "a finding outside the text")
    }
    // No rule floods: a draft gets at most a handful of findings of one rule.
    let perRule = Dictionary(grouping: findings[0], by: \.rule).mapValues(\.count)
    precondition(perRule.values.allSatisfy { $0 <= 5 }, "more than five findings of one rule")
    return 0
}
