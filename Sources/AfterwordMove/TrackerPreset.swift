import Foundation

/// What a column of a job list means to Afterword. The raw value is the name `--map` uses.
public enum TrackerField: String, CaseIterable, Sendable {
    case company, role
    /// When the interview was (a date, maybe with its time).
    case date
    /// The interview's time, when a column of its own.
    case time
    /// The person met, as one name.
    case contact
    case first, last, email, phone
    /// The person's job title.
    case title
    case notes, status
    /// When you applied: read, never made into an interview.
    case applied
    /// When you connected (LinkedIn): read, never made into an interview.
    case connected
    case url, location

    /// What the column holds, for help and errors.
    public var meaning: String {
        switch self {
        case .company: "the company"
        case .role: "the job title you applied for"
        case .date: "the interview's date (and time)"
        case .time: "the interview's time"
        case .contact: "the person you met (full name)"
        case .first: "the person's first name"
        case .last: "the person's last name"
        case .email: "the person's e-mail"
        case .phone: "the person's phone"
        case .title: "the person's job title"
        case .notes: "your notes"
        case .status: "the stage (applied, interviewing, …)"
        case .applied: "when you applied"
        case .connected: "when you connected"
        case .url: "the job's address"
        case .location: "where the job is"
        }
    }
}

/// A job tracker's CSV export as Afterword reads it: which header names mean which field. Real exports
/// vary over the years and between languages, so each field lists every header seen for it; a header
/// matches whatever its case, spacing and punctuation (`company_name`, `Company Name`, `companyName`).
public struct TrackerPreset: Sendable {
    /// The name `--preset` takes.
    public let id: String
    /// Where such a file comes from, for help.
    public let source: String
    /// For each field, the header names that mean it.
    public let headers: [TrackerField: [String]]
    /// The fields a file must have to be of this shape.
    public let required: [TrackerField]
    /// Header names only this tracker writes: a file with one of them is recognised as this tracker's.
    public let signature: [String]
    /// Which fields this shape never reads, with why (LinkedIn's "Contact Email" is your own address).
    public let ignored: [String]
    /// ``headers`` and ``signature`` as compared (see ``key(_:)``), worked out once.
    let headerKeys: [TrackerField: [String]]
    let signatureKeys: [String]

    init(
        id: String, source: String, headers: [TrackerField: [String]], required: [TrackerField], signature: [String], ignored: [String]
    ) {
        self.id = id
        self.source = source
        self.headers = headers
        self.required = required
        self.signature = signature
        self.ignored = ignored
        headerKeys = headers.mapValues { $0.map(Self.key) }
        signatureKeys = signature.map(Self.key)
    }

    /// Every preset, most specific first; `generic` last.
    public static let all: [TrackerPreset] = [linkedInConnections, linkedInApplications, teal, huntr, generic]

    public static func named(_ id: String) -> TrackerPreset? {
        all.first { $0.id == id.lowercased() }
    }

    /// A header as compared: lowercased, accents folded, letters and digits only.
    public static func key(_ header: String) -> String {
        header.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(String.init).joined()
    }

    static let linkedInConnections = TrackerPreset(
        id: "linkedin-connections",
        source: "LinkedIn: Settings › Data privacy › Get a copy of your data › Connections (Connections.csv)",
        headers: [
            .first: ["First Name"], .last: ["Last Name"], .email: ["Email Address", "E-mail Address", "Email"],
            .company: ["Company"], .title: ["Position"], .connected: ["Connected On"], .url: ["URL", "Profile URL"],
        ],
        required: [.first, .last, .connected],
        signature: ["Connected On"],
        ignored: [])

    static let linkedInApplications = TrackerPreset(
        id: "linkedin-applications",
        source: "LinkedIn: Get a copy of your data › Job applications (Jobs/Job Applications.csv)",
        headers: [
            .applied: ["Application Date"], .company: ["Company Name", "Company"], .role: ["Job Title"], .url: ["Job Url", "Job URL"],
        ],
        required: [.applied, .company, .role],
        signature: ["Question And Answers", "Resume Name", "Application Date"],
        ignored: ["Contact Email", "Contact Phone Number"])

    static let teal = TrackerPreset(
        id: "teal",
        source: "Teal: Job Tracker › Download data",
        headers: [
            .company: ["company_name", "Company", "Company Name"], .role: ["role", "Job Position", "Job Title", "Position"],
            .status: ["statusName", "Status"], .applied: ["applied_at", "Date Applied"], .url: ["url", "Job Posting URL"],
            .location: ["location"], .notes: ["Notes", "notes"], .date: ["interview_at", "Interview Date"],
        ],
        required: [.company, .role],
        signature: ["excitement", "added_at", "follow_up_at", "Date Saved"],
        ignored: [])

    static let huntr = TrackerPreset(
        id: "huntr",
        source: "Huntr: Board › Export (CSV)",
        headers: [
            .role: ["title", "Job Title"], .company: ["companyName", "Employer", "Company"], .status: ["listName", "List", "Stage"],
            .url: ["url", "URL"], .location: ["location"], .notes: ["Notes"], .date: ["Interview Date"],
        ],
        required: [.company, .role],
        signature: ["listName", "boardName", "rootDomain", "htmlDescription", "Employer"],
        ignored: ["creatorUserFirstName", "creatorUserLastName", "creatorUserEmail"])

    /// A spreadsheet of one's own: the usual names in a few languages.
    static let generic = TrackerPreset(
        id: "generic",
        source: "a spreadsheet of your own, with a header row",
        headers: [
            .company: [
                "Company", "Company Name", "Employer", "Organization", "Organisation", "Firm", "Firma", "Unternehmen", "Arbeitgeber",
                "Entreprise", "Société", "Empresa", "Bedrijf",
            ],
            .role: ["Position", "Role", "Job Title", "Job", "Title of Role", "Stelle", "Job-Titel", "Poste", "Puesto", "Functie"],
            .date: [
                "Interview Date", "Interview", "Interview On", "Date of Interview", "Interviewed On", "Interview Date/Time",
                "Interview Datetime", "Interviewtermin", "Gesprächstermin", "Vorstellungsgespräch", "Date entretien", "Date de l'entretien",
                "Fecha entrevista", "Gesprek",
            ],
            .time: ["Interview Time", "Time", "Uhrzeit", "Heure"],
            .contact: [
                "Contact", "Contact Name", "Interviewer", "Interviewer Name", "Interviewed By", "Recruiter", "Recruiter Name",
                "Hiring Manager", "Contact Person", "Ansprechpartner", "Ansprechpartnerin", "Interlocuteur",
            ],
            .first: ["First Name", "Given Name", "Vorname", "Prénom"],
            .last: ["Last Name", "Surname", "Family Name", "Nachname", "Nom"],
            .email: [
                "Email", "E-mail", "Contact Email", "Interviewer Email", "Recruiter Email", "Email Address", "E-mail Address", "Mail",
            ],
            .phone: ["Phone", "Contact Phone", "Phone Number", "Telefon", "Téléphone"],
            .title: ["Contact Title", "Interviewer Title", "Contact Position", "Their Title"],
            .notes: ["Notes", "Note", "Comments", "Comment", "Details", "Notizen", "Bemerkungen", "Anmerkungen", "Kommentar", "Remarques"],
            .status: ["Status", "Application Status", "Stage", "Stand"],
            .applied: ["Date Applied", "Applied", "Applied On", "Application Date", "Beworben am", "Bewerbungsdatum"],
            .url: ["URL", "Link", "Job URL", "Job Link", "Listing Page", "Posting"],
            .location: ["Location", "Ort", "Lieu"],
        ],
        required: [.company],
        signature: [],
        ignored: [])
}
