import CSCCore
import Extractors
import Foundation
import Testing
@testable import Synthesis

@Suite("cscpipe synth: the case-audit export")
struct AuditExportTests {
    private let asOf = Day(iso: "2025-11-14")!

    /// Writes the council's audit export into a fresh folder; its bytes and path.
    private func written(_ council: SyntheticCouncil) throws -> (bytes: Data, path: String, counts: [CanonicalTable: Int]) {
        let dir = try TemporaryDirectory()
        let counts = try AuditExportWriter(council: council).write(toDirectory: dir.path)
        let path = dir.path + "/" + council.auditExportPath
        return (try Data(contentsOf: URL(fileURLWithPath: path)), path, counts)
    }

    @Test("synth writes exports/audits.csv beside the returns, counted in its records")
    func writtenBySynth() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        let options = SynthOptions(children: 60, seed: 3, asOf: asOf)
        let result = try Synthesizer.write(options, to: dir.path)
        #expect(result.files.last == "exports/audits.csv")
        let council = Synthesizer.council(options)
        let records = council.auditRecords()
        #expect(result.records[.audits] == records[.audits]?.count)
        #expect(result.records[.audit_grades] == records[.audit_grades]?.count)
        let text = try String(contentsOfFile: dir.path + "/exports/audits.csv", encoding: .utf8)
        #expect(text.hasPrefix(SyntheticCouncil.auditExportColumns.joined(separator: ",") + "\n"))
        #expect(text.hasPrefix("Audit Ref,Child ID,Date Completed,Auditor,Team,Social Worker,Overall Judgement,"
            + "Voice of the Child,Assessment,Planning,Management Oversight\n"))
    }

    @Test("same seed, same bytes; another seed, another export")
    func determinism() throws {
        let a = try written(SyntheticCouncil(children: 300, seed: 42, asOf: asOf))
        let b = try written(SyntheticCouncil(children: 300, seed: 42, asOf: asOf))
        let c = try written(SyntheticCouncil(children: 300, seed: 43, asOf: asOf))
        #expect(a.bytes == b.bytes)
        #expect(a.bytes != c.bytes)
        for path in [a.path, b.path, c.path] {
            try? FileManager.default.removeItem(atPath: ((path as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent)
        }
    }

    @Test("about one child in twenty audited, one or two thematic audits, dates in the 18 months to the as-of date",
          arguments: [(40, 1), (300, 2), (1000, 2)])
    func shape(children: Int, thematic: Int) throws {
        let council = SyntheticCouncil(children: children, seed: 9, asOf: asOf)
        let audits = try #require(council.auditRecords()[.audits])
        let withChild = audits.filter { !$0["child_id"].isEmpty }
        #expect(withChild.count == max(1, (children + 10) / 20))
        #expect(audits.count - withChild.count == thematic)
        #expect(Set(withChild.map { $0["child_id"] }).isSubset(of: Set(council.children.map(\.id))))
        #expect(Set(withChild.map { $0["child_id"] }).count == withChild.count)
        #expect(audits.allSatisfy { $0["audit_type"] == ($0["child_id"].isEmpty ? "thematic" : "case") })
        let earliest = asOf.adding(months: -18)
        #expect(audits.allSatisfy { Day(iso: $0["audit_date"]).map { earliest <= $0 && $0 <= asOf } ?? false })
        #expect(audits.map { $0["audit_date"] } == audits.map { $0["audit_date"] }.sorted())
        #expect(audits.map { $0["audit_id"] } == (0..<audits.count).map { "CFA-0\(1001 + $0)" })
        #expect(audits.allSatisfy { $0["child_id"].isEmpty == ($0["team"] == "Quality Assurance Team") })
        #expect(audits.allSatisfy { $0["child_id"].isEmpty == $0["worker"].isEmpty && !$0["auditor"].isEmpty })
    }

    @Test("the audits reader gives back exactly the records synth promises, with an issue for each unreadable grade")
    func roundTrip() throws {
        let council = SyntheticCouncil(children: 1000, seed: 21, asOf: asOf)
        let file = try written(council)
        let sink = CollectingSink()
        let summary = try AuditsReader(columns: .example).read(path: file.path, displayName: "synth/exports/audits.csv", into: sink)
        let promised = council.auditRecords(sourceFile: "synth/exports/audits.csv")
        #expect(sink.records(of: .audits) == promised[.audits])
        #expect(sink.records(of: .audit_grades) == promised[.audit_grades])
        #expect(file.counts == [.audits: summary.audits, .audit_grades: summary.grades])
        let unreadable = promised[.audit_grades]!.count { $0["grade"].isEmpty }
        #expect(sink.issues.allSatisfy { $0.rule == "unknown-code" && $0.message == "unrecognised grade" })
        #expect(sink.issues.filter { $0.dataset == "audit_grades" }.count == unreadable)
        // Realistic mess: some grades are not written as their label.
        let text = String(decoding: file.bytes, as: UTF8.self)
        #expect(text.contains(",2,") || text.contains(",RI,") || text.contains(", Good ,") || text.contains(",G,"))
        #expect(text.contains("N/A") || text.contains("Not graded") || text.contains(",,"))
        try? FileManager.default.removeItem(atPath: ((file.path as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent)
    }
}
