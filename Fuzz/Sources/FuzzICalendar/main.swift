import AfterwordIntake
import Foundation

/// Any bytes as an invite: its events and what they mean are read, or an ``IntakeError`` says why not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzICalendar(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = TextEncoding.text(of: Data(bytes: data, count: size))
    guard let zone = TimeZone(identifier: "America/New_York"),
        let events = try? InviteReader.events(in: text, file: "fuzz.ics", floatingZone: zone)
    else { return 0 }
    for event in events {
        let meaning = InviteInterpretation(event, ownEmails: ["alex@example.com"])
        precondition(
            !meaning.interviewers.contains { $0.emails.contains("alex@example.com") },
            "the user offered as an interviewer")
    }
    return 0
}
