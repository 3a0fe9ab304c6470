import CSCCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Synthesis

/// An element of a parsed XML file, with the line its start tag is on.
final class XMLNode {
    let name: String
    let line: Int
    var text = ""
    var children: [XMLNode] = []

    init(name: String, line: Int) {
        self.name = name
        self.line = line
    }

    func first(_ name: String) -> XMLNode? { children.first { $0.name == name } }
    func all(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }
    func value(_ name: String) -> String { first(name)?.text ?? "" }
}

/// Parses a whole (small) XML file into a tree, or reports why it is not
/// well-formed.
final class XMLTreeBuilder: NSObject, XMLParserDelegate {
    private var stack: [XMLNode] = []
    private(set) var root: XMLNode?
    private weak var parser: XMLParser?

    static func parse(_ data: Data) throws -> XMLNode {
        let parser = XMLParser(data: data)
        let builder = XMLTreeBuilder()
        builder.parser = parser
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw TestFailure("not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "no root element") at line \(parser.lineNumber)")
        }
        return root
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        let node = XMLNode(name: elementName, line: parser.lineNumber)
        stack.last?.children.append(node)
        if stack.isEmpty { root = node }
        stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?) {
        if let node = stack.popLast(), !node.children.isEmpty { node.text = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A fresh directory under the system temp folder, removed by `cleanUp()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "synth-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: path) }
}

enum PackagePaths {
    /// The package root: two folders above this file's folder.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `<package root>/../shared/fixtures`, or nil when it is not there.
    static var sharedFixtures: URL? {
        let url = root.deletingLastPathComponent().appendingPathComponent("shared/fixtures")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    static var codeLists: URL { root.appendingPathComponent("pipelines/reference/codes") }
}

/// Reads a code list from `pipelines/reference/codes/<name>.csv` (simple
/// RFC 4180: quoted fields may hold commas).
func loadCodeList(_ name: String) throws -> CodeList {
    let text = try String(contentsOf: PackagePaths.codeLists.appendingPathComponent("\(name).csv"), encoding: .utf8)
    var rows: [[String]] = []
    for line in text.split(whereSeparator: \.isNewline) {
        var fields: [String] = [], field = "", quoted = false
        for ch in line {
            if ch == "\"" { quoted.toggle() } else if ch == "," && !quoted { fields.append(field); field = "" } else { field.append(ch) }
        }
        fields.append(field)
        rows.append(fields)
    }
    return try CodeList(name: name, rows: rows)
}

/// Where `xmllint` is installed, if it is.
var xmllintPath: String? {
    for dir in ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"] {
        let p = dir + "/xmllint"
        if FileManager.default.isExecutableFile(atPath: p) { return p }
    }
    return nil
}

extension Day {
    static func iso(_ text: String) -> Day { Day(iso: text)! }
}
