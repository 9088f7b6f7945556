import AfterwordCore
import GRDB

/// Why the store could not do what was asked, said so that the user knows what to do.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case notFound
        case notADatabase
        case newerSchema
        case cannotOpen
        case conflict
    }

    public var code: Code
    /// One line: what is wrong and, when no ``remedy`` says it, what to do.
    public var message: String
    /// What the user can do, shown by each face in its own way.
    public var remedy: Remedy?

    public init(code: Code, message: String, remedy: Remedy? = nil) {
        self.code = code
        self.message = message
        self.remedy = remedy
    }

    public var description: String { message }

    public static func notFound(_ kind: String, _ id: Int64, remedy: Remedy) -> StoreError {
        StoreError(code: .notFound, message: "no \(kind) with id \(id)", remedy: remedy)
    }

    /// A database failure in one line with advice, instead of SQLite's words and the statement;
    /// nil for an error that is not the database's.
    public static func explaining(_ error: any Error) -> StoreError? {
        if let error = error as? StoreError { return error }
        guard let error = error as? DatabaseError else { return nil }
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return StoreError(
                code: .notADatabase,
                message: "the Afterword database is damaged; restore it from a backup, or move afterword.sqlite aside to start afresh")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(code: .conflict, message: "another afterword is writing to the database; try again in a moment")
        case .SQLITE_READONLY:
            return StoreError(
                code: .cannotOpen, message: "the database is read-only; listing works, but changes need write permission on the data directory")
        case .SQLITE_FULL:
            return StoreError(code: .cannotOpen, message: "the disk is full; free some space and try again")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_IOERR:
            return StoreError(code: .cannotOpen, message: "cannot read or write the database; check the data directory and its permissions")
        default:
            return StoreError(code: .cannotOpen, message: "the database failed (\(error.resultCode)); try again, or restore afterword.sqlite from a backup")
        }
    }
}
