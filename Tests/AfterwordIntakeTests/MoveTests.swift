import AfterwordCore
import Foundation
import Testing

@testable import AfterwordIntake
@testable import AfterwordMove

/// The bytes of a fixture beside these tests.
private func fixtureData(_ name: String) throws -> (data: Data, path: String) {
    let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
    return (try Data(contentsOf: url), url.path)
}

private let now = Date(timeIntervalSince1970: 1_796_000_000)
private let berlin = TimeZone(identifier: "Europe/Berlin") ?? .current

private func plan(_ text: String, preset: String? = nil, map: String? = nil) throws -> TrackerPlan {
    let table = try CSVTable.read(Data(text.utf8), file: "list.csv")
    return try TrackerImport.plan(
        table, file: "list.csv", presetName: preset, map: try map.map { try TrackerImport.parseMap($0) } ?? [:], zone: berlin,
        ownEmail: "me@example.net", now: now)
}

@Suite struct CSVTableTests {
    @Test("quoted fields keep commas, doubled quotes and line breaks; the record's first line is kept")
    func quoting() throws {
        let text = "Company,Notes\r\n\"Acme, Inc.\",\"She said \"\"hi\"\"\nthen left\"\r\nGlobex,plain\r\n"
        let table = try CSVTable.read(Data(text.utf8), file: "a.csv")
        #expect(table.rows.map(\.fields) == [["Company", "Notes"], ["Acme, Inc.", "She said \"hi\"\nthen left"], ["Globex", "plain"]])
        #expect(table.rows.map(\.line) == [1, 2, 4])
    }

    @Test("a BOM and semicolons (European spreadsheets) or tabs are read as the file uses them")
    func separators() throws {
        let semicolon = try CSVTable.read(Data("\u{FEFF}Firma;Stelle\nMüller AG;\"Dev; Ops\"\n".utf8), file: "a.csv")
        #expect(semicolon.rows.map(\.fields) == [["Firma", "Stelle"], ["Müller AG", "Dev; Ops"]])
        let tabs = try CSVTable.read(Data("a\tb\n1\t2, 3\n".utf8), file: "a.csv")
        #expect(tabs.rows[1].fields == ["1", "2, 3"])
    }

    @Test("Windows-1252 from Excel is read as its accents")
    func windows1252() throws {
        // "Société;Renée" in Windows-1252: é is the single byte 0xE9.
        let data = Data([0x43, 0x3B, 0x4E, 0x0A, 0x53, 0x6F, 0x63, 0x69, 0xE9, 0x74, 0xE9, 0x3B, 0x52, 0x65, 0x6E, 0xE9, 0x65, 0x0A])
        let table = try CSVTable.read(data, file: "a.csv")
        #expect(table.rows[1].fields == ["Société", "Renée"])
    }

    @Test("broken files are refused with the line: an open quote, a NUL, a workbook, too many rows")
    func broken() throws {
        #expect(throws: IntakeError.self) { try CSVTable.read(Data("a,b\n1,\"open\n2,3\n".utf8), file: "a.csv") }
        do {
            _ = try CSVTable.read(Data("a,b\n1,\"open\n2,3\n".utf8), file: "a.csv")
        } catch {
            #expect(error.line == 2)
            #expect(error.message.contains("never closed"))
        }
        do {
            _ = try CSVTable.read(Data("a,b\n1,2\n3\0,4\n".utf8), file: "a.csv")
            Issue.record("a NUL was read")
        } catch {
            #expect(error.line == 3)
        }
        #expect(throws: IntakeError.self) { try CSVTable.read(Data([0x50, 0x4B, 0x03, 0x04, 0, 0]), file: "a.xlsx") }
        let many = "a\n" + String(repeating: "x\n", count: CSVTable.maximumRows + 1)
        do {
            _ = try CSVTable.read(Data(many.utf8), file: "big.csv")
            Issue.record("a million rows were read")
        } catch {
            #expect(error.message.contains("split the file"))
        }
    }
}

@Suite struct TrackerDateTests {
    @Test(
        "the dates exporters and people write",
        arguments: [
            ("2024-03-07", 2024, 3, 7, nil), ("2024-03-07T14:22:00Z", 2024, 3, 7, 14 * 60 + 22), ("3/7/24, 2:22 PM", 2024, 3, 7, 14 * 60 + 22),
            ("15 Mar 2024", 2024, 3, 15, nil), ("March 15, 2024", 2024, 3, 15, nil), ("07.03.2024", 2024, 3, 7, nil),
            ("7.3.24 9:30", 2024, 3, 7, 9 * 60 + 30), ("2022-02-26 19:17:05", 2022, 2, 26, 19 * 60 + 17), ("12/1/2025 12:05 am", 2025, 12, 1, 5),
            ("15-Mar-24", 2024, 3, 15, nil), ("7. März 2024", 2024, 3, 7, nil),
        ] as [(String, Int, Int, Int, Int?)])
    func reads(_ sample: (String, Int, Int, Int, Int?)) {
        let reading = TrackerDate.read(sample.0, order: .monthFirst, thisYear: 2026)
        #expect(reading == TrackerDate.Reading(year: sample.1, month: sample.2, day: sample.3, minutes: sample.4), "\(sample.0)")
    }

    @Test("not dates: words, impossible days, times that are not", arguments: ["next Tuesday", "2024-02-30", "13/13/2024", "2024-03-07 25:00", "TBD", "3/7/24, 2:22 XM"])
    func refuses(_ text: String) {
        #expect(TrackerDate.read(text, order: .monthFirst, thisYear: 2026) == nil, "\(text)")
    }

    @Test("a column's slashed dates are read one way: whichever a day over 12 shows, else the fallback; both is refused")
    func order() {
        #expect(TrackerDate.order(of: ["03/07/2024", "25/07/2024"], fallback: .monthFirst) == .dayFirst)
        #expect(TrackerDate.order(of: ["03/07/2024", "07/25/2024"], fallback: .dayFirst) == .monthFirst)
        #expect(TrackerDate.order(of: ["03/07/2024"], fallback: .dayFirst) == .dayFirst)
        #expect(TrackerDate.order(of: ["25/07/2024", "07/25/2024"], fallback: .dayFirst) == nil)
    }
}

@Suite struct TrackerImportTests {
    @Test("each preset is recognised from its headers, in every variant kept beside these tests")
    func presets() throws {
        let expected = [
            "linkedin-connections-2024.csv": "linkedin-connections", "linkedin-connections-crlf.csv": "linkedin-connections",
            "linkedin-connections-old.csv": "linkedin-connections", "linkedin-applications.csv": "linkedin-applications",
            "linkedin-applications-dateonly-crlf.csv": "linkedin-applications", "teal-download-data.csv": "teal",
            "teal-tracker-titlecase.csv": "teal", "huntr-export-2022.csv": "huntr", "huntr-titlecase.csv": "huntr",
            "generic-comma.csv": "generic", "generic-semicolon-excel.csv": "generic", "generic-windows1252.csv": "generic",
            "heldout/linkedin-connections-quoted-notes.csv": "linkedin-connections", "heldout/huntr-export-multiboard.csv": "huntr",
            "heldout/generic-german-cp1252.csv": "generic",
        ]
        for (name, preset) in expected {
            let (data, path) = try fixtureData("csv/\(name)")
            let table = try CSVTable.read(data, file: path)
            let found = try TrackerImport.plan(table, file: path, presetName: nil, map: [:], zone: berlin, ownEmail: nil, now: now)
            #expect(found.preset == preset, "\(name)")
            // Given by name, the same preset reads it too.
            let named = try TrackerImport.plan(table, file: path, presetName: preset, map: [:], zone: berlin, ownEmail: nil, now: now)
            #expect(named.rows.count == found.rows.count, "\(name)")
        }
    }

    @Test("LinkedIn's connections become people after its Notes preamble; a hidden member adds nobody")
    func connections() throws {
        let text = """
            Notes:
            "When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"

            First Name,Last Name,URL,Email Address,Company,Position,Connected On
            Priya,Natarajan,https://www.linkedin.com/in/priya,priya@northwind.example,Northwind Traders,Engineering Manager,15 Mar 2024
            ,,https://www.linkedin.com/in/hidden,,Ghost Ltd,Founder,01 Jan 2020

            """
        let found = try plan(text)
        #expect(found.preset == "linkedin-connections")
        #expect(found.snapshot.interviewers.map(\.name) == ["Priya Natarajan"])
        #expect(found.snapshot.interviewers.first?.title == "Engineering Manager")
        #expect(found.snapshot.interviewers.first?.company == "Northwind Traders")
        #expect(found.snapshot.interviews.isEmpty)
        #expect(found.rows.map(\.line) == [5, 6])
        #expect(found.rows[1].skipped != nil)
    }

    @Test("a row with an interview date becomes an interview with its person on the panel; the same person twice is one")
    func interviews() throws {
        let text = """
            Company,Position,Interview Date,Contact,Email,Notes
            Northwind Traders,Data Engineer,2026-11-03 14:30,Priya Natarajan,priya@northwind.example,"Airflow migration"
            Northwind Traders,Data Engineer,2026-11-10,Priya Natarajan,PRIYA@northwind.example,second round
            Globex,Analyst,,,,applied only
            """
        let found = try plan(text)
        #expect(found.snapshot.interviews.count == 2)
        #expect(found.snapshot.interviewers.count == 1)
        let first = try #require(found.snapshot.interviews.first)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = berlin
        #expect(calendar.dateComponents([.year, .month, .day, .hour, .minute], from: first.startsAt) == DateComponents(year: 2026, month: 11, day: 3, hour: 14, minute: 30))
        #expect(first.notes == "Airflow migration")
        #expect(found.snapshot.panels[1] == [1])
        #expect(found.snapshot.panels[2] == [1])
        #expect(found.assumptions.contains { $0.contains("9:00 assumed") })
        #expect(found.rows[2].skipped?.contains("application") == true)
    }

    @Test("the user's own address (LinkedIn writes it as the contact) is nobody they met")
    func ownAddress() throws {
        let found = try plan("Company,Position,Interview Date,Email\nAcme,Dev,2026-11-03,me@example.net\n")
        #expect(found.snapshot.interviewers.isEmpty)
        #expect(found.snapshot.interviews.count == 1)
    }

    @Test("the user's own address names nobody they met, even as mailto: or in capitals; a name keeps its honorific apart")
    func ownAddressAndNames() throws {
        let found = try plan(
            "Company,Position,Interview Date,Contact,Email\nAcme,Dev,2026-11-03,Sam Rivera,mailto:ME@example.net\nAcme,Dev,2026-11-03,\"Whitfield, Dana\",\nAcme,Dev,2026-11-03,Herr Jonas Bäcker,\nAcme,,2026-11-04,Dr. Lee Chen,\n")
        #expect(found.snapshot.interviewers.map(\.name) == ["Dana Whitfield", "Jonas Bäcker", "Lee Chen"])
        #expect(found.snapshot.interviewers.map(\.honorific) == [nil, "Mr.", "Dr."])
        // No role, no interview: a thank-you names the role.
        #expect(found.snapshot.interviews.count == 1)
        #expect(found.rows[3].skipped?.contains("no role") == true)
    }

    @Test("a list saved as UTF-8 with one Windows-1252 byte keeps both kinds of accents")
    func mixedEncoding() throws {
        var data = Data("Company,Contact\nMüller GmbH,Ren".utf8)
        data.append(0xE9)
        data.append(contentsOf: Array("e\n".utf8))
        let table = try CSVTable.read(data, file: "mixed.csv")
        #expect(table.rows[1].fields == ["Müller GmbH", "Renée"])
    }

    @Test("--map names each field once and each column once")
    func mapMistakes() {
        #expect(throws: IntakeError.self) { try TrackerImport.parseMap("company=A,company=B") }
        #expect(throws: IntakeError.self) { try TrackerImport.parseMap("company=A,role=a") }
    }

    @Test("an unknown shape is refused with the headers found and the --map to write; --map then reads it")
    func unknownShape() throws {
        let text = "Firm name,Job,When we spoke,Who\nAcme,Dev,2026-11-03,Dana Whitfield\n"
        do {
            _ = try plan(text)
            Issue.record("an unknown shape was read")
        } catch let error as IntakeError {
            #expect(error.message.contains("Firm name, Job, When we spoke, Who"))
            #expect(error.message.contains("--map"))
        }
        let mapped = try plan(text, map: "company=Firm name,role=Job,date=When we spoke,contact=Who")
        #expect(mapped.snapshot.interviews.first?.company == "Acme")
        #expect(mapped.snapshot.interviewers.first?.name == "Dana Whitfield")
        #expect(throws: IntakeError.self) { try TrackerImport.parseMap("colour=Red") }
        #expect(throws: IntakeError.self) { try plan(text, preset: "linkedin-connections") }
    }

    @Test("an interview date that is not one is refused with its line and column, nothing read")
    func badDate() throws {
        do {
            _ = try plan("Company,Role,Interview Date\nAcme,Dev,2026-11-03\nGlobex,Analyst,next Tuesday\n")
            Issue.record("a bad date was read")
        } catch let error as IntakeError {
            #expect(error.line == 3)
            #expect(error.field == "Interview Date")
        }
    }
}

@Suite struct ExportFileTests {
    private func document() -> ExportDocument {
        let at = Date(timeIntervalSince1970: 1_793_800_000.25)
        var snapshot = StoreSnapshot()
        snapshot.interviewers = [Interviewer(id: 4, name: "Priya Natarajan", email: "priya@northwind.example", topic: "the Airflow migration", createdAt: at)]
        snapshot.markedMet = [4: at]
        snapshot.interviews = [Interview(id: 2, company: "Northwind", role: "Data Engineer", startsAt: at, timeZone: "America/New_York", createdAt: at)]
        snapshot.panels = [2: [4]]
        snapshot.drafts = [
            Draft(id: 9, interviewId: 2, interviewerId: 4, channel: .email, recipient: "priya@northwind.example", subject: "Thank you", body: "Dear Priya,", createdAt: at, updatedAt: at)
        ]
        snapshot.ledger = [LedgerEntry(draftId: 9, interviewId: 2, interviewerId: 4, channel: .email, state: .sent, transport: .smtp, messageId: "a@b.example", sentAt: at, serverReply: "250 OK", createdAt: at, updatedAt: at)]
        return ExportDocument(snapshot, settings: ["name": "Sam Rivera"], exportedAt: at, exportedBy: "afterword test")
    }

    @Test("a document written and read back is the same, to the millisecond")
    func roundTrip() throws {
        let original = document()
        let data = try ExportFile.encode(original)
        #expect(String(decoding: data, as: UTF8.self).contains("\"at\" : \"2026-11-04T13:46:40.250Z\""))
        let read = try ExportFile.decode(data, file: "a.json")
        #expect(read == original)
        #expect(read.snapshot.ledger.first?.interviewId == 2)
        #expect(read.snapshot.markedMet[4] != nil)
    }

    @Test("broken files name the JSON path (or the line) and what is wrong")
    func broken() throws {
        let data = try ExportFile.encode(document())
        let text = String(decoding: data, as: UTF8.self)
        func error(_ text: String) -> IntakeError? {
            do {
                _ = try ExportFile.decode(Data(text.utf8), file: "a.json")
                return nil
            } catch {
                return error
            }
        }
        let cut = error(String(text.prefix(text.count / 2)))
        #expect(cut?.message.contains("cut short") == true)
        #expect((cut?.line ?? 0) > 1)
        #expect(error(text.replacingOccurrences(of: "\"version\" : 1", with: "\"version\" : 7"))?.message.contains("newer Afterword") == true)
        #expect(error(text.replacingOccurrences(of: "\"panel\" : [\n        4", with: "\"panel\" : [\n        5"))?.field == "interviews[0].panel[0]")
        #expect(error(text.replacingOccurrences(of: "\"durationMinutes\" : 60", with: "\"durationMinutes\" : 0"))?.field == "interviews[0].durationMinutes")
        #expect(error(text.replacingOccurrences(of: "\"state\" : \"sent\"", with: "\"state\" : \"gone\""))?.field == "ledger[0].state")
        #expect(error(text.replacingOccurrences(of: "\"timeZone\" : \"America/New_York\"", with: "\"timeZone\" : \"Mars/Olympus\""))?.field == "interviews[0].timeZone")
        #expect(error(text.replacingOccurrences(of: "\"durationMinutes\" : 60", with: "\"durationMinutes\" : 1e400"))?.field == "interviews[0].durationMinutes")
        #expect(error("{\"format\": \"something-else\", \"version\": 1}")?.field == "format")
        #expect(error(text.replacingOccurrences(of: "\"version\" : 1", with: "\"version\" : \"1\""))?.message.contains("whole number") == true)
        // A header could be forged with a line break in an address or a subject.
        #expect(error(text.replacingOccurrences(of: "priya@northwind.example\"", with: "priya@northwind.example\\r\\nBcc: x@y.example\""))?.field.hasSuffix(".email") == true)
        #expect(error(text.replacingOccurrences(of: "\"subject\" : \"Thank you\"", with: "\"subject\" : \"Thank you\\nBcc: x@y\""))?.field == "drafts[0].subject")
        #expect(error("Company,Role\nAcme,Dev\n")?.message.contains("not a JSON object") == true)
        #expect(error("")?.field == "file")
    }
}
