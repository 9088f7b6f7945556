/// Any pasted draft against the etiquette rules.
struct CheckPage: Page {
    static let template = PageTemplate.check

    var to: String
    var company: String
    var role: String
    var channels: [Choice]
    var editor: Editor
    var layout = Layout()
}
