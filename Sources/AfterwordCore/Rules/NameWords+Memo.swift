extension NameWords {
    /// Splits and folds each distinct name once per check: the drafts of one run name the same few
    /// people, companies and roles, and splitting by characters costs more than reading a draft.
    struct Memo {
        private var split: [String: [String]] = [:]
        private var foldedForms: [String: String] = [:]

        /// ``NameWords/words(of:)``, remembered.
        mutating func words(of text: String?) -> [String] {
            guard let text else { return [] }
            if let words = split[text] { return words }
            let words = NameWords.words(of: text)
            split[text] = words
            return words
        }

        /// ``NameWords/folded(_:)``, remembered.
        mutating func folded(_ text: String) -> String {
            if let folded = foldedForms[text] { return folded }
            let folded = NameWords.folded(text)
            foldedForms[text] = folded
            return folded
        }
    }
}
