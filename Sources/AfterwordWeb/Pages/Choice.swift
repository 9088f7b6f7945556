/// One choice of a select: a value, how it reads, and whether it is the chosen one.
struct Choice: Sendable {
    var value: String
    var label: String
    var selected: Bool

    init(_ value: String, label: String? = nil, selected: Bool) {
        self.value = value
        self.label = label ?? value
        self.selected = selected
    }
}
