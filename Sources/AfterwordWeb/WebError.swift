import AfterwordApp
import Hummingbird

/// A request the web UI cannot serve, with the status and a sentence that says what to do.
struct WebError: Error, Sendable {
    var status: HTTPResponse.Status
    var message: String

    init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }
}
