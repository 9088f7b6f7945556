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
    /// One line: what is wrong and what to do.
    public var message: String

    public var description: String { message }

    static func notFound(_ kind: String, _ id: Int64, hint: String) -> StoreError {
        StoreError(code: .notFound, message: "no \(kind) with id \(id); \(hint)")
    }
}
