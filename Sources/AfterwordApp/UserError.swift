import AfterwordCore
import AfterwordStore

/// A mistake of the user's, told in one line, with what to do about it.
///
/// The CLI prints it and exits with `exitCode`; the web UI shows it on the page. The message is in plain words
/// for both; the ``remedy`` is data, shown as a command on the command line and as a link or a button on the web.
public struct UserError: Error, CustomStringConvertible, Sendable {
    public var message: String
    /// What the user can do about it, when the message alone does not say.
    public var remedy: Remedy?
    /// 2 for unusable input, 1 for a refusal or a failed delivery.
    public var exitCode: Int32
    /// The checker's findings behind a refusal, for the face to show one by one.
    public var findings: [Finding]
    /// What the findings are about, e.g. `draft #3`.
    public var source: String
    /// True when the mistake is a record that does not exist (the web answers 404).
    public var isNotFound = false
    /// For a form with several fields in error: each field's own message, by field name ("company", "at").
    public var fields: [String: String] = [:]

    public init(_ message: String, remedy: Remedy? = nil, exitCode: Int32 = 2, findings: [Finding] = [], source: String = "") {
        self.message = message
        self.remedy = remedy
        self.exitCode = exitCode
        self.findings = findings
        self.source = source
    }

    public var description: String { message }

    /// One error for a form's fields in error, in the order they were checked: the message names them all.
    static func form(_ problems: [(field: String, message: String)]) -> UserError {
        var error = UserError(problems.map(\.message).joined(separator: "; "))
        error.fields = Dictionary(problems.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        return error
    }
}

/// A form's fields checked one by one, every problem kept, so that all of them are shown at once.
struct FormCheck {
    private(set) var problems: [(field: String, message: String)] = []

    /// The value `body` gives, or nil with its problem noted against `field`.
    mutating func field<T>(_ field: String, _ body: () throws -> T) -> T? {
        do {
            return try body()
        } catch let error as UserError {
            problems.append((field, error.message))
        } catch {
            problems.append((field, "\(error)"))
        }
        return nil
    }

    /// Throws every problem noted, as one ``UserError``.
    func finish() throws {
        if !problems.isEmpty { throw UserError.form(problems) }
    }
}

extension UserError {
    /// A store failure as the user's error, its remedy kept.
    init(_ error: StoreError) {
        self.init(error.message, remedy: error.remedy)
        isNotFound = error.code == .notFound
    }

    /// An AW-ONCE refusal as the user's error: nothing was sent.
    init(_ refusal: LedgerRefusal) {
        self.init("not sent: \(refusal.description)", remedy: refusal.remedy)
    }

    /// Any error of a store or ledger call as the user's error, with advice instead of SQL; an error of neither comes back nil.
    public static func explaining(_ error: any Error) -> UserError? {
        if let error = error as? UserError { return error }
        if let refusal = error as? LedgerRefusal { return UserError(refusal) }
        return StoreError.explaining(error).map(UserError.init)
    }
}

/// Runs a store or ledger call, turning its errors (and AW-ONCE refusals) into user errors.
func storeCall<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw UserError.explaining(error) ?? error
    }
}

/// Runs an async store or ledger call, turning its errors (and AW-ONCE refusals) into user errors.
func storeCall<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch {
        throw UserError.explaining(error) ?? error
    }
}
