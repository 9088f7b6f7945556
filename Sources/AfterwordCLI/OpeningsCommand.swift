import AfterwordApp
import ArgumentParser
import Foundation

/// `afterword openings`: new openings at companies you interviewed with, and who there may remember you.
struct OpeningsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openings",
        abstract: "New openings on the watched boards, newest first, each with the people there who may remember you.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp("Only titles (or companies) with these words, e.g. \"engineer\".", valueName: "words"))
    var match: String?
    @Option(help: ArgumentHelp("Only locations with these words, e.g. remote.", valueName: "words")) var location:
        String?
    @Flag(help: "Leave out postings that are no longer listed.") var openOnly = false
    @Flag(
        name: .customLong("new"),
        help: "Only what Today shows: openings of the last two weeks, new since someone there was thanked, in your roles (openings.roles).")
    var onlyNew = false

    func validate() throws {
        if onlyNew, match != nil || location != nil || openOnly { throw ValidationError("--new shows what Today shows; give no other filter with it") }
    }

    func run() async throws {
        let workspace = try global.workspace
        let zone = (try? workspace.loadConfig().timeZone) ?? TimeZone.current
        let openings: [RememberedOpening]
        if onlyNew {
            let fresh = try workspace.newOpenings()
            openings = fresh.openings
            if !output.json { for held in fresh.heldBack { Console.out(Wording.heldBack(held, in: zone, now: workspace.now)) } }
            if openings.isEmpty, !output.json {
                Console.out("No new openings where someone may remember you.")
                return
            }
        } else {
            openings = try workspace.rememberedOpenings(match: match, location: location, includeClosed: !openOnly)
        }
        if output.json {
            try Console.json(openings.map(JSONShape.OpeningShape.init))
            return
        }
        guard !openings.isEmpty else {
            let filtered = match != nil || location != nil
            Console.out(
                filtered
                    ? "No openings match; try fewer words"
                    : "No openings seen yet; `afterword watch check` reads the watched boards (`afterword watch list`)")
            return
        }
        let day = { (date: Date) in Wording.day(date, in: zone, now: workspace.now) }
        for remembered in openings {
            let opening = remembered.opening
            let closed = opening.closedAt.map { "  (closed \(ISO8601.display($0, in: zone)))" } ?? ""
            let place = opening.location.isEmpty ? "" : " — \(opening.location)"
            Console.out("#\(opening.storedID)  \(remembered.company): \(opening.title)\(place)\(closed)")
            let before = remembered.seenOnFirstRead ? " (listed when you started watching the board, so not new)" : ""
            Console.out("    first seen \(ISO8601.display(opening.firstSeen, in: zone))\(before)  \(opening.url)")
            if remembered.people.isEmpty { Console.out("    nobody you met there is on record") }
            for person in remembered.people {
                let thanked =
                    person.thanked.map { "thanked on \(day($0))" }
                    ?? (person.markedMet ? "marked as met" : "no thank-you sent")
                let next =
                    person.reconnectDraftId.map { "reconnect draft #\($0)" }
                    ?? (person.reconnectRefusal == nil
                        ? "afterword reconnect \(opening.storedID) --to \(person.interviewerId)" : "no reconnect now")
                Console.out(
                    "    may remember you: \(person.name) (#\(person.interviewerId)), met \(day(person.met)) for \(person.role); \(thanked); \(next)"
                )
            }
        }
    }
}
