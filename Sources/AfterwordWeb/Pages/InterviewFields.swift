/// The interview form's fields as shown: stored values, or what the user typed.
struct InterviewFields: Sendable {
    /// A problem with each field, named by the form's field names.
    struct Errors: Sendable {
        var company: String?
        var role: String?
        var at: String?
        var tz: String?
        var format: String?
        var duration: String?
        var fit: String?

        init(_ fields: [String: String] = [:]) {
            company = fields["company"]
            role = fields["role"]
            at = fields["at"]
            tz = fields["tz"]
            format = fields["format"]
            duration = fields["duration"]
            fit = fields["fit"]
        }
    }

    var company: String?
    var role: String?
    var at: String?
    var tz: String?
    var duration: String?
    var notes: String?
    var fit: String?

    /// The fields by the form's names (`company`, `at`, `tz` …), as posted or as stored.
    init(_ fields: [String: String]) {
        company = fields["company"]
        role = fields["role"]
        at = fields["at"]
        tz = fields["tz"]
        duration = fields["duration"]
        notes = fields["notes"]
        fit = fields["fit"]
    }
}
