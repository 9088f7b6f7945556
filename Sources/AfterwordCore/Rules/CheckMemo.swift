/// What one check remembers from draft to draft: the drafts of a run share most of their words,
/// names and subjects, so each distinct one is split, folded, looked up or read once.
struct CheckMemo: Sendable {
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

    /// Takes in the words `other` met (another part of a long draft, read on another core) as if this
    /// memo had met them after its own, in the order `other` met them: a word new to it gets its next id.
    /// - Returns: this memo's id for each of `other`'s ids.
    mutating func adopt(wordsOf other: CheckMemo) -> [UInt32] {
        var words = [(word: String, tags: Tags, startsPhrase: Bool)](repeating: ("", [], false), count: other.meanings.count)
        for (word, meaning) in other.meanings { words[Int(meaning.id)] = (word, meaning.tags, meaning.startsPhrase) }
        return words.map { word, tags, startsPhrase in
            if let meaning = meanings[word] { return meaning.id }
            let id = UInt32(meanings.count)
            meanings[word] = (id, tags, startsPhrase)
            return id
        }
    }

    /// ``SubjectRule/Reading`` of a subject line, remembered.
    mutating func reading(ofSubject subject: String) -> SubjectRule.Reading {
        if let reading = subjects[subject] { return reading }
        let reading = SubjectRule.Reading(subject, memo: &self)
        subjects[subject] = reading
        return reading
    }
}
