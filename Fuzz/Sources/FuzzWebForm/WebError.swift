/// What the web module's `WebError` is to `FormData`: a status and a message. The web module's own
/// type needs Hummingbird, which this small build leaves out.
struct WebError: Error {
    enum Status { case badRequest, unsupportedMediaType }
    var status: Status
    var message: String

    init(_ status: Status, _ message: String) {
        self.status = status
        self.message = message
    }
}
