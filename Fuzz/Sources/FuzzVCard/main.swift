import AfterwordIntake
import Foundation

/// Any bytes as a vCard file: reading ends in contacts or an ``IntakeError``, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzVCard(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = TextEncoding.text(of: Data(bytes: data, count: size))
    _ = try? VCardReader.contacts(in: text, file: "fuzz.vcf")
    return 0
}
