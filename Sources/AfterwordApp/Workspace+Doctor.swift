import AfterwordCore
import AfterwordStore
import Foundation

/// What `afterword doctor` reports: where the records are, on which engine and schema, and the settings.
public struct Diagnosis: Sendable, Equatable {
    public var dataDirectory: String
    public var engine: String
    public var location: String
    public var schema: String
    public var settings: Int
}

extension Workspace {
    /// Opens the store as every command does (so a server that cannot be reached, a refused password or a
    /// newer schema is said as they would say it) and describes it.
    public func diagnosis() throws -> Diagnosis {
        let store = try openStore()
        let description = try storeCall { try store.describe() }
        return Diagnosis(
            dataDirectory: home.path, engine: description.engine, location: description.location, schema: description.schema ?? "none yet",
            settings: try loadConfig().values.count)
    }
}
