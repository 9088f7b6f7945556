import AfterwordCore
import AfterwordStore

/// A mistake of the user's, told in one line that says what to do.
///
/// The CLI prints it and exits with `exitCode`; the web UI shows it on the page.
public struct UserError: Error, CustomStringConvertible, Sendable {
    public var message: String
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

    public init(_ message: String, exitCode: Int32 = 2, findings: [Finding] = [], source: String = "") {
        self.message = message
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

/// Runs a store call, turning its errors into user errors.
public func storeCall<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as StoreError {
        var failure = UserError(error.message)
        failure.isNotFound = error.code == .notFound
        throw failure
    } catch {
        guard let explained = StoreError.explaining(error) else { throw error }
        throw UserError(explained.message)
    }
}

/// Runs a ledger call, turning an AW-ONCE refusal into a user error.
public func ledgerCall<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let refusal as LedgerRefusal {
        throw UserError("not sent: \(refusal.description)")
    } catch let error as StoreError {
        throw UserError(error.message)
    } catch {
        guard let explained = StoreError.explaining(error) else { throw error }
        throw UserError(explained.message)
    }
}

/// Runs an async ledger call, turning an AW-ONCE refusal into a user error.
public func ledgerCall<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let refusal as LedgerRefusal {
        throw UserError("not sent: \(refusal.description)")
    } catch let error as StoreError {
        throw UserError(error.message)
    } catch {
        guard let explained = StoreError.explaining(error) else { throw error }
        throw UserError(explained.message)
    }
}
