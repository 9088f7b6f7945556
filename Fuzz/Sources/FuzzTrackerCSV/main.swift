import AfterwordCore
import AfterwordMove
import Foundation

/// Any bytes as a job list: refused with an error naming a line, or read into interviews and people
/// whose panels name people of the file, never a trap; every row's outcome is accounted for.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTrackerCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    guard let table = try? CSVTable.read(bytes, file: "fuzz.csv") else { return 0 }
    precondition(table.rows.count <= CSVTable.maximumRows, "more rows than the bound")
    let zone = TimeZone(identifier: "Europe/Berlin") ?? .current
    for preset in [nil, "generic", "linkedin-connections"] as [String?] {
        guard
            let plan = try? TrackerImport.plan(
                table, file: "fuzz.csv", presetName: preset, map: [:], zone: zone, ownEmail: "me@example.net",
                now: Date(timeIntervalSince1970: 1_796_000_000))
        else { continue }
        let people = Set(plan.snapshot.interviewers.compactMap(\.id))
        for (_, panel) in plan.snapshot.panels { precondition(panel.allSatisfy(people.contains), "a panel seat for no one") }
        for row in plan.rows {
            precondition(row.interview != nil || row.person != nil || row.skipped != nil, "a row with no outcome")
        }
        precondition(plan.snapshot.interviewers.allSatisfy { !$0.name.isEmpty && $0.email != "me@example.net" })
    }
    return 0
}
