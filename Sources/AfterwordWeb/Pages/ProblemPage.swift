/// What could not be done: the layout's problem line, a heading and the way back.
struct ProblemPage: Page {
    static let template = PageTemplate.problem

    var heading: String
    var back: String
    var layout = Layout()
}
