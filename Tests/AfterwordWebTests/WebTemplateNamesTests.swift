import Foundation
import Testing

/// A misspelt `{{name}}` renders nothing rather than failing: these tests read each page's template
/// beside the Swift types that fill it, and fail when a template names something its page cannot hold.
@Suite struct WebTemplateNamesTests {
    /// The web target's sources, found from this file's place in the repository.
    static let web = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/AfterwordWeb")

    /// Stored properties by struct name, and each page's template, read from `Pages/*.swift`.
    struct Types {
        var properties: [String: [String: String]] = [:]
        var templates: [String: String] = [:]
    }

    /// Reads `struct Name`, `var|let name: Type` and `static let template = PageTemplate.x`, tracking
    /// which struct each line belongs to by its braces.
    static func types() throws -> Types {
        var types = Types()
        let folder = web.appendingPathComponent("Pages")
        let declaration = try NSRegularExpression(pattern: #"^\s*(?:public |private |fileprivate )?(?:static )?(var|let) `?(\w+)`?\s*(?::\s*([^=\n{]+?))?\s*(?:=.*)?$"#)
        let structure = try NSRegularExpression(pattern: #"^\s*(?:public |private )?(?:struct|enum) (\w+)"#)
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            var stack: [(name: String, depth: Int)] = []
            var depth = 0
            for line in text.components(separatedBy: "\n") {
                let range = NSRange(line.startIndex..., in: line)
                if let match = structure.firstMatch(in: line, range: range), let name = Range(match.range(at: 1), in: line) {
                    stack.append((String(line[name]), depth))
                } else if depth == (stack.last?.depth ?? -2) + 1, let owner = stack.last?.name,
                    let match = declaration.firstMatch(in: line, range: range), let name = Range(match.range(at: 2), in: line)
                {
                    // "var layout = Layout()": the type is the one constructed.
                    let type = Range(match.range(at: 3), in: line).map { String(line[$0]) }
                        ?? line.components(separatedBy: "=").dropFirst().first.map { String($0.prefix { $0 != "(" }) } ?? ""
                    if line.contains("static let template"), let page = line.split(separator: ".").last {
                        types.templates[String(page).trimmingCharacters(in: .whitespaces)] = owner
                    } else if !line.contains("static ") {
                        types.properties[owner, default: [:]][String(line[name])] = type
                    }
                }
                depth += line.filter { $0 == "{" }.count - line.filter { $0 == "}" }.count
                while let last = stack.last, depth <= last.depth, line.contains("}") { stack.removeLast() }
            }
        }
        return types
    }

    /// Every property name of `root` and of the structs its properties hold, however deep.
    static func names(reachableFrom root: String, in types: Types) -> Set<String> {
        var names: Set<String> = []
        var seen: Set<String> = []
        var queue = [root]
        while let type = queue.popLast() {
            guard seen.insert(type).inserted, let properties = types.properties[type] else { continue }
            for (name, declared) in properties {
                names.insert(name)
                queue += declared.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
            }
        }
        return names
    }

    /// The names a template reads (sections, inverted sections, values), its partials' included.
    static func usedNames(in template: String, seen: inout Set<String>) throws -> Set<String> {
        guard seen.insert(template).inserted else { return [] }
        let text = try String(contentsOf: web.appendingPathComponent("Templates/\(template).mustache"), encoding: .utf8)
        var names: Set<String> = []
        for tag in text.components(separatedBy: "{{").dropFirst() {
            let inside = String(tag.prefix { $0 != "}" }).trimmingCharacters(in: .whitespaces)
            guard let first = inside.first else { continue }
            let body = inside.drop { "#^&{".contains($0) }.trimmingCharacters(in: .whitespaces)
            switch first {
            case ">": names.formUnion(try usedNames(in: String(inside.dropFirst()).trimmingCharacters(in: .whitespaces), seen: &seen))
            case "/", "!", "$", "<": continue
            default:
                // A transform of the template library ("empty(pending)", "count(sent)") reads its argument.
                var name = Substring(body)
                while let open = name.firstIndex(of: "("), name.last == ")" { name = name[name.index(after: open)..<name.index(before: name.endIndex)] }
                if name != "." { names.formUnion(name.split(separator: ".").map(String.init)) }
            }
        }
        return names
    }

    @Test("every page type names its template, and the parser found their properties")
    func pagesAreRead() throws {
        let types = try Self.types()
        #expect(types.templates.count >= 10, "\(types.templates)")
        #expect(Self.names(reachableFrom: "TodayPage", in: types).contains("urgency"))
    }

    @Test("every name a template uses is a property of its page or of a value the page holds")
    func templateNamesExist() throws {
        let types = try Self.types()
        for (template, page) in types.templates.sorted(by: { $0.key < $1.key }) {
            var seen: Set<String> = []
            let used = try Self.usedNames(in: template, seen: &seen).union(Self.usedNames(in: "layout", seen: &seen))
            let known = Self.names(reachableFrom: page, in: types)
            let unknown = used.subtracting(known).sorted()
            #expect(unknown.isEmpty, "\(template).mustache names \(unknown), which \(page) does not hold")
        }
    }
}
