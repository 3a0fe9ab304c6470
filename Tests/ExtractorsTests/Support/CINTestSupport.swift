import CSCCore
import Foundation
@testable import Extractors

/// The real code lists of `pipelines/reference/codes`, loaded once.
enum CINTestCodes {
    static let book: CodeBook = {
        let folder = SharedTestData.packageRoot.appendingPathComponent("pipelines/reference/codes")
        var lists: [CodeList] = []
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        for file in files where file.pathExtension == "csv" {
            let name = file.deletingPathExtension().lastPathComponent
            if let rows = try? SimpleCSV.rows(at: file), let list = try? CodeList(name: name, rows: rows) {
                lists.append(list)
            }
        }
        return CodeBook(lists: lists)
    }()

    static let reader = CINCensusReader(codes: book)
}

/// What one read of a CIN file gave.
struct CINReadResult {
    let summary: CINFileSummary
    let records: [Record]
    let issues: [Issue]

    func records(_ table: CanonicalTable) -> [Record] { records.filter { $0.table == table } }

    func issues(_ rule: Rule) -> [Issue] { issues.filter { $0.rule == rule.id } }

    /// The records of one child in one table.
    func records(_ table: CanonicalTable, child: String) -> [Record] {
        records(table).filter { $0["child_id"] == child }
    }
}

/// Hand-made CIN files in a temporary folder.
enum CINTestFiles {
    static let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cscpipe-cin-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// Writes `bytes` to a new file and returns its path.
    static func write(_ bytes: [UInt8], name: String = "census.xml") throws -> String {
        let url = folder.appendingPathComponent(UUID().uuidString + "-" + name)
        try Data(bytes).write(to: url)
        return url.path
    }

    static func write(_ text: String, name: String = "census.xml") throws -> String {
        try write(Array(text.utf8), name: name)
    }

    /// Reads `path` with the real code lists; throws what the reader throws.
    static func read(_ path: String, as displayName: String = "census.xml", year: CollectionYear? = nil)
        throws(UnreadableInput) -> CINReadResult {
        let sink = CollectingSink()
        let summary = try CINTestCodes.reader.read(path: path, displayName: displayName, year: year, into: sink)
        return CINReadResult(summary: summary, records: sink.records, issues: sink.issues)
    }

    /// Writes `text` to a temporary file, reads it and removes the file.
    static func read(text: String, year: CollectionYear? = nil) throws -> CINReadResult {
        let path = try write(text)
        defer { remove(path) }
        return try read(path, year: year)
    }

    /// The fatal issue reading `text` gives, or nil when it reads.
    static func fatalIssue(_ text: String) throws -> Issue? {
        let path = try write(text)
        defer { remove(path) }
        return fatalIssue(path: path)
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    static func fatalIssue(path: String) -> Issue? {
        do {
            _ = try read(path)
            return nil
        } catch {
            return error.issue
        }
    }

    /// A census with the usual header: `referenceDate` and `year` go in
    /// CollectionDetails when given; `children` are `<Child>` blocks.
    static func census(referenceDate: String? = "2025-03-31", year: String? = "2025", lea: String = "873",
                       children: [String]) -> String {
        var details = ""
        if let year { details += "      <Year>\(year)</Year>\n" }
        if let referenceDate { details += "      <ReferenceDate>\(referenceDate)</ReferenceDate>\n" }
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <Message>
          <Header>
            <CollectionDetails>
              <Collection>CIN</Collection>
        \(details)    </CollectionDetails>
            <Source>
              <SourceLevel>L</SourceLevel>
              <LEA>\(lea)</LEA>
            </Source>
          </Header>
          <Children>
        \(children.joined(separator: "\n"))
          </Children>
        </Message>

        """
    }

    /// A `<Child>` with one referral; the parts can be replaced.
    static func child(id: String? = "C1", sex: String = "<Sex>F</Sex>",
                      identifiers extra: String = "", characteristics: String? = nil,
                      details: [String]? = nil) -> String {
        let idLine = id.map { "<LAchildID>\($0)</LAchildID>" } ?? ""
        let characteristics = characteristics ?? """
              <Ethnicity>WBRI</Ethnicity>
              <Disabilities>
                <Disability>NONE</Disability>
              </Disabilities>
        """
        let details = details ?? [referral()]
        return """
            <Child>
              <ChildIdentifiers>
                \(idLine)
                <PersonBirthDate>2015-06-01</PersonBirthDate>
                \(sex)
                \(extra)
              </ChildIdentifiers>
              <ChildCharacteristics>
          \(characteristics)
              </ChildCharacteristics>
        \(details.joined(separator: "\n"))
            </Child>
        """
    }

    /// A `<CINdetails>` block; `inner` goes after the referral's own fields.
    static func referral(date: String = "2024-05-01", source: String = "1A", need: String = "N1",
                         nfa: String = "0", inner: String = "") -> String {
        """
              <CINdetails>
                <CINreferralDate>\(date)</CINreferralDate>
                <ReferralSource>\(source)</ReferralSource>
                <PrimaryNeedCode>\(need)</PrimaryNeedCode>
                \(inner)
                <ReferralNFA>\(nfa)</ReferralNFA>
              </CINdetails>
        """
    }
}

/// 1-based line of the `occurrence`-th (1-based) line containing `needle`.
func lineNumber(of needle: String, in text: String, occurrence: Int = 1) -> Int? {
    var seen = 0
    for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    where line.contains(needle) {
        seen += 1
        if seen == occurrence { return i + 1 }
    }
    return nil
}

/// Occurrences of `needle` in the file's text.
func occurrences(of needle: String, inFile url: URL) throws -> Int {
    let text = try String(contentsOf: url, encoding: .utf8)
    return text.components(separatedBy: needle).count - 1
}
