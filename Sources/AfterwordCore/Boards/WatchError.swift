/// Why a board could not be added or read, in one line that says what to do.
public struct WatchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure, for code that reacts to it.
    public enum Code: String, Sendable {
        case unknownBoard
        case notFound
        case httpStatus
        case tooLarge
        case notJSON
        case unexpectedJSON
        case timeout
        case redirects
        case network
        case rateLimited
    }

    public var code: Code
    /// One line: what went wrong and what to do.
    public var message: String

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
