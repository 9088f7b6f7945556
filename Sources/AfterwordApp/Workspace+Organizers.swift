import AfterwordCore
import AfterwordIntake
import Foundation

extension Workspace {
    /// People who organized an invite's events without attending them (often the hiring manager),
    /// as "Name <address>": offered to the user as interviewers, never added unasked.
    public func inviteOrganizers(_ text: String, file: String, uid: String? = nil) throws -> [String] {
        let config = try loadConfig()
        var events: [InviteEvent]
        do {
            events = try InviteReader.events(in: text, file: file, floatingZone: config.timeZone ?? TimeZone.current)
        } catch {
            throw UserError(error.description)
        }
        if let uid { events = events.filter { $0.uid == uid } }
        let own = Set((config[.email] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        let ownName = config[.name].flatMap(Self.blankToNil).map(Self.comparable)
        var offered: [String] = []
        for event in events {
            guard let organizer = InviteInterpretation(event, ownEmails: own).organizer, Self.comparable(organizer.name) != ownName else { continue }
            let entry = "\(organizer.name) <\(organizer.emails.first ?? "")>"
            if !offered.contains(entry) { offered.append(entry) }
        }
        return offered
    }
}
