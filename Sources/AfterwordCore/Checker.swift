/// The etiquette linter: every rule of SPEC.md that can be judged from the text of drafts.
public struct Checker: Sendable {
    static let documentRules: [any DocumentRule] = [
        BriefRule(), ThanksRule(), LookForwardRule(), EnjoyedRule(), NoReplyRule(), OnceRule(), NoCallRule(),
        ProperRule(), NamesRule(), SpecificRule(), SubjectRule(),
    ]

    public init() {}

    /// Findings for one draft, in reading order.
    public func check(_ document: Document) -> [Finding] {
        check([document])[0]
    }

    /// Findings for several drafts; drafts to the same company are also compared with each other
    /// (AW-DISTINCT, and AW-NAMES for a note that carries another interviewer's name).
    /// - Returns: one list of findings per document, in the same order.
    public func check(_ documents: [Document]) -> [[Finding]] {
        let inputs = documents.map(RuleInput.init)
        var results = inputs.map { input in Self.documentRules.flatMap { $0.check(input) } }
        for group in Self.companyGroups(documents) where group.count > 1 {
            PanelRules.check(group.map { inputs[$0] }) { position, finding in
                results[group[position]].append(finding)
            }
        }
        return results.map { $0.sortedByPosition() }
    }

    /// Indices of documents grouped by company (case- and accent-blind); documents with no company form one group.
    static func companyGroups(_ documents: [Document]) -> [[Int]] {
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for (index, document) in documents.enumerated() {
            let key = document.company.map { NameWords.folded($0).trimmingCharacters(in: .whitespaces) } ?? ""
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(index)
        }
        return order.compactMap { groups[$0] }
    }
}

import Foundation
