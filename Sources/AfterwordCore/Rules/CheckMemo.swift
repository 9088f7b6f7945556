/// What one check remembers from draft to draft: the drafts of a run share most of their words,
/// names and subjects, so each distinct one is split, folded, looked up or read once.
struct CheckMemo {
    private var split: [String: [String]] = [:]
    private var foldedForms: [String: String] = [:]
    private var meanings: [String: (id: UInt32, tags: Tags, startsPhrase: Bool)] = [:]
    private var subjects: [String: SubjectRule.Reading] = [:]

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

    /// A lower-cased word's id in this check (equal words, equal ids), its tags (its lemma's when the
    /// form is not listed), and whether a phrase of the lexicons or a spelled-out text-speak form starts with it.
    mutating func meaning(of word: String) -> (id: UInt32, tags: Tags, startsPhrase: Bool) {
        if let meaning = meanings[word] { return meaning }
        let lexicon = Lexicon.shared
        let meaning = (UInt32(meanings.count), lexicon.tags(of: word), lexicon.phrases[word] != nil || Sentence.canonical[word] != nil)
        meanings[word] = meaning
        return meaning
    }

    /// ``SubjectRule/Reading`` of a subject line, remembered.
    mutating func reading(ofSubject subject: String) -> SubjectRule.Reading {
        if let reading = subjects[subject] { return reading }
        let reading = SubjectRule.Reading(subject, memo: &self)
        subjects[subject] = reading
        return reading
    }
}
