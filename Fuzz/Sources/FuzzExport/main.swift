import AfterwordCore
import AfterwordMove
import Foundation

/// Any bytes as an export file: refused with an error or read whole, never a trap; what is read
/// has every ref pointing at a record of the file, and writes back to a file that reads the same.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExport(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    guard let document = try? ExportFile.decode(bytes, file: "fuzz.json") else { return 0 }
    let snapshot = document.snapshot
    let people = Set(snapshot.interviewers.compactMap(\.id))
    let interviews = Set(snapshot.interviews.compactMap(\.id))
    for draft in snapshot.drafts {
        precondition(people.contains(draft.interviewerId) && interviews.contains(draft.interviewId), "a draft about no one")
    }
    precondition(snapshot.ledger.count == document.ledger.count, "a message whose draft is not in the file")
    guard let written = try? ExportFile.encode(document), let again = try? ExportFile.decode(written, file: "again.json") else {
        preconditionFailure("a file that was read could not be written and read back")
    }
    precondition(again == document, "written back, the file reads differently")
    return 0
}
