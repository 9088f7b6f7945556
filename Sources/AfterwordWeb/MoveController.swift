import AfterwordApp
import Foundation
import Hummingbird

/// Moving an Afterword: everything out as one file, and an export or a job list in, shown first as what it
/// would add (`afterword export` and `afterword import [--csv] --dry-run`).
struct MoveController: Sendable {
    let site: Site
    /// The program and version an export records as its writer.
    let program: String

    /// The rows of a job list listed one by one in a preview; the rest are counted.
    static let rowsShown = 300

    /// GET /export — everything (interviews, people, drafts, the ledger, boards, settings without secrets) as one JSON file.
    func export(_ request: Request, context: some RequestContext) async throws -> Response {
        let (workspace, program) = (site.workspace, program)
        let (data, _) = try await site.working { try workspace.exportFile(exportedBy: program) }
        let day = ISO8601.local(workspace.now, in: site.userZone).prefix(10)
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/json",
                .contentDisposition: "attachment; filename=\"afterword-export-\(day).json\"",
                .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// GET /import — the Export button and the form to choose a file to import.
    func show(_ request: Request, context: some RequestContext) async throws -> Response {
        try page(request, upload: nil, preset: nil, columns: [:])
    }

    /// POST /import/preview — what the file would add, nothing changed; the file is carried in the page to import
    /// from there, or to read again with other columns.
    func preview(_ request: Request, context: some RequestContext) async throws -> Response {
        let form = try await site.form(request, longFields: [Upload.contentField])
        return try await preview(request, form: form, notice: nil)
    }

    /// POST /import — adds the file, in one transaction, then shows the interviews with what was added. When the
    /// columns were changed after the preview, the new preview is shown instead: only what was seen is imported.
    func importFile(_ request: Request, context: some RequestContext) async throws -> Response {
        let form = try await site.form(request, longFields: [Upload.contentField])
        let upload: Upload
        do throws(UploadError) {
            upload = try Upload(form)
        } catch {
            return try refused(request, error, form: form)
        }
        if let seen = form["previewed"], seen != upload.signature {
            return try await preview(
                request, form: form,
                notice: "You changed how the list is read: this is what it would add now. Press Import to add it.")
        }
        let workspace = site.workspace
        do {
            switch upload.kind {
            case .export:
                let report = try await site.working {
                    try workspace.importFile(upload.data, file: upload.name, dryRun: false)
                }
                let notes =
                    report.notes + report.settingsKept.map { "Setting \($0)." }
                return site.done(
                    "/interviews", notice: ImportWording.exportSummary(report, file: upload.name),
                    warning: notes.isEmpty ? nil : notes.joined(separator: " "))
            case .jobList:
                let report = try await site.working {
                    try workspace.importCSV(
                        upload.data, file: upload.name, preset: upload.preset, map: upload.mapText, dryRun: false)
                }
                let skipped = report.rows.filter { $0.skipped != nil }.count
                let rest = skipped > 0 ? " \(Wording.count(skipped, "row")) added nothing." : ""
                let assumed = report.assumptions.map(ImportWording.web).joined(separator: "; ")
                return site.done(
                    "/interviews", notice: ImportWording.jobListSummary(report, file: upload.name) + rest,
                    warning: report.assumptions.isEmpty ? nil : "Assumed: \(assumed).")
            }
        } catch let error as UserError {
            return try refused(request, error, upload: upload)
        }
    }

    /// The dry run of what the form names, as a page.
    private func preview(_ request: Request, form: FormData, notice: String?) async throws -> Response {
        let upload: Upload
        do throws(UploadError) {
            upload = try Upload(form)
        } catch {
            return try refused(request, error, form: form)
        }
        let workspace = site.workspace
        do {
            switch upload.kind {
            case .export:
                let report = try await site.working {
                    try workspace.importFile(upload.data, file: upload.name, dryRun: true)
                }
                let preview = MovePage.Preview(
                    summary: ImportWording.exportSummary(report, file: upload.name), readAs: nil, used: [],
                    assumptions: [], notAdded: [], rows: [],
                    moreRows: nil,
                    counts: ImportWording.counts(report.outcome).map {
                        MovePage.Count(what: $0.what, added: $0.count.added, existing: $0.count.existing)
                    },
                    notes: report.notes
                        + report.settingsKept.map { "Setting \($0)." })
                return try page(request, upload: upload, preset: nil, columns: [:], preview: preview, notice: notice)
            case .jobList:
                let report = try await site.working {
                    try workspace.importCSV(
                        upload.data, file: upload.name, preset: upload.preset, map: upload.mapText, dryRun: true)
                }
                let detected = Dictionary(
                    report.columns.map { ($0.field, $0.header.trimmingCharacters(in: .whitespaces)) },
                    uniquingKeysWith: { first, _ in first })
                let preview = MovePage.Preview(
                    summary: ImportWording.jobListSummary(report, file: upload.name),
                    readAs: "a \(report.preset) list"
                        + (TrackerPreset.named(report.preset).map { ": \($0.source)" } ?? ""),
                    used: report.columns.map {
                        MovePage.Column(field: $0.field, meaning: Self.meaning(of: $0.field), header: $0.header)
                    },
                    assumptions: report.assumptions.map(ImportWording.web),
                    notAdded: ImportWording.notAdded(report.rows),
                    rows: report.rows.prefix(Self.rowsShown).map(Self.row),
                    moreRows: report.rows.count > Self.rowsShown
                        ? "The first \(Self.rowsShown) rows are listed; the other \(report.rows.count - Self.rowsShown) are counted above."
                        : nil,
                    counts: [], notes: [])
                // The form shows the preset and columns read: importing from it reads the file as previewed.
                var shown = upload
                shown.preset = report.preset
                shown.columns = detected
                return try page(
                    request, upload: shown, preset: report.preset, columns: detected, preview: preview, notice: notice)
            }
        } catch let error as UserError {
            return try refused(request, error, upload: upload)
        }
    }

    /// The form again when no file came or the file is too large.
    private func refused(_ request: Request, _ error: UploadError, form: FormData) throws -> Response {
        try page(request, upload: nil, preset: form["preset"], columns: [:], error: error.message, status: error.status)
    }

    /// The form again with why the file cannot be imported (file, line and field): a job list carried, to name its
    /// columns, and a column the user named that the file lacks marked.
    private func refused(_ request: Request, _ error: UserError, upload: Upload) throws -> Response {
        let message = ImportWording.web(error.webMessage)
        let problems = upload.columns.filter { message.contains("no column is named \"\($0.value)\"") }.mapValues { _ in
            "the file has no column of that name"
        }
        return try page(
            request, upload: upload, preset: upload.preset, columns: upload.columns, problems: problems, error: message,
            status: .unprocessableContent)
    }

    /// The upload form (no file yet), or the file carried with its preview or its problem.
    private func page(
        _ request: Request, upload: Upload?, preset: String?, columns: [String: String],
        problems: [String: String] = [:],
        preview: MovePage.Preview? = nil, notice: String? = nil, error: String? = nil, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        // An export that cannot be read is chosen again; a job list may only need its columns named.
        let carried = upload.flatMap { upload -> MovePage.Carried? in
            guard preview != nil || upload.kind == .jobList else { return nil }
            return MovePage.Carried(
                name: upload.name, content: upload.data.base64EncodedString(), previewed: upload.signature,
                isJobList: upload.kind == .jobList)
        }
        let presets =
            [Choice("", label: "Recognised from its columns", selected: (preset ?? "").isEmpty)]
            + TrackerPreset.all.map {
                Choice(
                    $0.id, label: $0.source.prefix(1).uppercased() + $0.source.dropFirst(), selected: $0.id == preset)
            }
        let fields = TrackerField.allCases.map { field in
            MovePage.Column(
                field: field.rawValue, meaning: Self.meaning(of: field.rawValue), header: columns[field.rawValue] ?? "",
                problem: problems[field.rawValue])
        }
        let page = MovePage(
            carried: carried, presets: presets, columns: fields,
            columnsOpen: preview == nil && (error != nil || !columns.isEmpty), preview: preview)
        let title =
            carried == nil
            ? "Export and import"
            : preview == nil ? "Import \(carried?.name ?? "")" : "Import \(carried?.name ?? ""): what it would add"
        if let notice, error == nil {
            // A notice of this page's own (not the last action's): the page is drawn here, not after a redirect.
            return Response.html(try site.html(page, title: title, tab: .settings, notice: notice), status: status)
        }
        return try site.page(page, title: title, tab: .settings, request: request, error: error, status: status)
    }

    /// What a field's column holds, as the form labels it ("The company").
    static func meaning(of field: String) -> String {
        guard let meaning = TrackerField(rawValue: field)?.meaning else { return field }
        return meaning.prefix(1).uppercased() + meaning.dropFirst()
    }

    /// A row of the report as the preview lists it.
    static func row(_ row: CSVImportReport.Row) -> MovePage.Row {
        let becomes: String
        if let interview = row.interview {
            becomes = "Interview: \(interview)" + (row.person.map { ", with \($0)" } ?? "")
        } else if let person = row.person {
            becomes = "Person: \(person)"
        } else {
            becomes = "Nothing: \(ImportWording.web(row.skipped ?? "nothing to add"))"
        }
        return MovePage.Row(line: row.line, becomes: becomes, skipped: row.interview == nil && row.person == nil)
    }
}

extension MoveController {
    /// What an import form sent: the file (chosen now, or carried from the preview), its kind, and how to read a job list.
    struct Upload: Sendable {
        /// An Afterword export, or a job tracker's CSV.
        enum Kind: Sendable { case export, jobList }

        /// The hidden field that carries the file from the preview, in base64.
        static let contentField = "content"

        var name: String
        var data: Data
        var kind: Kind
        /// The preset chosen; nil to recognise the list from its columns.
        var preset: String?
        /// The columns named, by field (`company`: "Company Name").
        var columns: [String: String]

        /// `company=Company Name,role=Job Title`, as `importCSV` takes it; nil when no column is named. A header is matched
        /// whatever its punctuation, so a comma in one (which would end its part) is written as a space.
        var mapText: String? {
            let parts = TrackerField.allCases.compactMap { field in
                columns[field.rawValue].map { "\(field.rawValue)=\($0.replacingOccurrences(of: ",", with: " "))" }
            }
            return parts.isEmpty ? nil : parts.joined(separator: ",")
        }

        /// The preset and columns, as the preview records them to compare with the import's.
        var signature: String {
            kind == .export ? "" : "\(preset ?? "")|\(mapText ?? "")"
        }

        /// - Throws: ``UploadError`` when no file came, or it is empty or too large.
        init(_ form: FormData) throws(UploadError) {
            preset = form["preset"].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
            var columns: [String: String] = [:]
            for field in TrackerField.allCases {
                guard let header = form.line("map-\(field.rawValue)")?.trimmingCharacters(in: .whitespaces),
                    !header.isEmpty
                else { continue }
                columns[field.rawValue] = header
            }
            self.columns = columns
            if let file = form.files["file"], !file.bytes.isEmpty || !file.filename.isEmpty {
                name = Self.plainName(file.filename, fallback: "the file")
                data = Data(file.bytes)
            } else if let content = form[Self.contentField], !content.isEmpty {
                name = Self.plainName(form["filename"] ?? "", fallback: "the file")
                guard content.utf8.count <= Guard.maxImportBodyBytes, let bytes = Data(base64Encoded: content) else {
                    throw UploadError(
                        message: "the file carried from the preview was damaged on the way; choose it again",
                        status: .badRequest)
                }
                data = bytes
            } else {
                throw UploadError(
                    message: "choose a file to import: an Afterword export (.json) or a job list (.csv)",
                    status: .unprocessableContent)
            }
            kind = Self.kind(name: name, data: data)
            guard data.count <= Guard.maxImportFileBytes else {
                let megabytes = (data.count + (1 << 20) - 1) >> 20
                throw UploadError(
                    message:
                        "\(name) is \(megabytes) MB, larger than an import takes (at most \(Guard.maxImportFileBytes >> 20) MB); split it into smaller files",
                    status: .contentTooLarge)
            }
            guard !data.isEmpty else {
                throw UploadError(message: "\(name) is empty; choose the file again", status: .unprocessableContent)
            }
        }

        /// An export when its name ends in .json, or (with another name) its text starts with `{`; else a job list.
        static func kind(name: String, data: Data) -> Kind {
            let suffix = (name as NSString).pathExtension.lowercased()
            if suffix == "json" { return .export }
            if ["csv", "tsv", "txt"].contains(suffix) { return .jobList }
            let first = data.prefix(64).drop { [0xEF, 0xBB, 0xBF, 0x20, 0x09, 0x0A, 0x0D].contains($0) }.first
            return first == UInt8(ascii: "{") ? .export : .jobList
        }

        /// The file's own name (a browser may send its folder too), on one line and of a readable length.
        static func plainName(_ given: String, fallback: String) -> String {
            let last = given.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
            let line = last.components(separatedBy: .controlCharacters).joined().trimmingCharacters(in: .whitespaces)
            return line.isEmpty ? fallback : String(line.prefix(120))
        }
    }

    /// Why an import form brings no file to read: the sentence to show, and the answer's status.
    struct UploadError: Error {
        var message: String
        var status: HTTPResponse.Status
    }
}
