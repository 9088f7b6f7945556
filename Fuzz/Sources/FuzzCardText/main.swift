import AfterwordIntake
import Foundation

/// Any bytes as a business card's text (typed, pasted or from OCR).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCardText(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let card = CardTextReader.read(TextEncoding.text(of: Data(bytes: data, count: size)))
    if let name = card.name { precondition(!name.value.contains("\n"), "a name spanning lines") }
    return 0
}
