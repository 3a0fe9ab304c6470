import CSCCore
import Foundation
import Testing
@testable import Extractors

/// The mapped-export reader on hand-made exports: dates, labels, filters,
/// missing columns, title rows and XML records.
@Suite("Mapped exports: reading")
struct MappedReaderTests {
    static func format(_ pattern: String) -> MappedDateFormat {
        switch MappedDateFormat.parse(pattern) {
        case .success(let format): return format
        case .failure(let problem): preconditionFailure("\(pattern): \(problem)")
        }
    }

    static let kinds = MappedValueMap(entries: [
        .init(label: "CP Visit", code: "cp"), .init(label: "Child Protection Statutory Visit", code: "cp"),
        .init(label: "Looked After Visit", code: "cla"), .init(label: "CIN Visit", code: "cin"),
    ])

    static func visits(filters: [MappedFilter] = [], workerOptional: Bool = true) -> MappedExport {
        MappedExport(mappingFile: "mappings/test-visits.yaml", table: .visits, format: .csv, columns: [
            MappedColumn(canonical: "child_id", source: MappedSource(.name("Person ID")), conversion: .text),
            MappedColumn(canonical: "visit_date", source: MappedSource(.name("Actual Date")),
                         conversion: .date([format("dd-MMM-yyyy"), format("dd/MM/yyyy"), format("excel")])),
            MappedColumn(canonical: "kind", source: MappedSource(.name("Visit Type")), conversion: .values(kinds)),
            MappedColumn(canonical: "seen_alone", source: MappedSource(.name("Seen Alone?"), optional: true),
                         conversion: .values(MappedValueMap(entries: [.init(label: "Y", code: "1"), .init(label: "N", code: "0")]))),
            MappedColumn(canonical: "worker", source: MappedSource(.pattern("^(allocated )?worker"), optional: workerOptional),
                         conversion: .text),
        ], filters: filters)
    }

    func read(_ export: MappedExport, _ text: String, ext: String = "csv") throws -> (CollectingSink, MappedFileSummary) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cscpipe-mapped-tests")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(UUID().uuidString + "." + ext)
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let sink = CollectingSink()
        let summary = try MappedReader(export: export).read(path: url.path, displayName: "exports/visits.\(ext)", into: sink)
        return (sink, summary)
    }

    @Test("Every date format, with and without a time, becomes an ISO day")
    func dateFormats() {
        func day(_ pattern: String, _ text: String) -> String? {
            Array(text.utf8).withUnsafeBytes { Self.format(pattern).day($0)?.iso }
        }
        #expect(day("dd/MM/yyyy", "14/11/2025") == "2025-11-14")
        #expect(day("dd/MM/yyyy", "14/11/2025 10:30:00") == "2025-11-14")
        #expect(day("d/M/yyyy", "4/1/2025") == "2025-01-04")
        #expect(day("yyyy-MM-dd", "2025-11-14T10:30:00.000+01:00") == "2025-11-14")
        #expect(day("yyyy-MM-dd", "2025-11-14T10:30:00Z") == "2025-11-14")
        #expect(day("yyyy-MM-dd", "2025-11-14 10:30") == "2025-11-14")
        #expect(day("dd-MMM-yy", "14-Nov-25") == "2025-11-14")
        #expect(day("dd-MMM-yy", "03-SEP-99") == "1999-09-03")
        #expect(day("dd-MMM-yyyy", "14-nov-2025 10:30") == "2025-11-14")
        #expect(day("dd-MMM-yyyy", "14-Sept-2025") == "2025-09-14")
        #expect(day("d MMMM yyyy", "4 November 2025") == "2025-11-04")
        #expect(day("excel", "45975") == "2025-11-14")
        #expect(day("excel", "45975.4375") == "2025-11-14")
        // Not dates: impossible days, wrong shapes, a time that is not one.
        #expect(day("dd/MM/yyyy", "29/02/2025") == nil)
        #expect(day("dd/MM/yyyy", "2025-11-14") == nil)
        #expect(day("dd/MM/yyyy", "14/11/2025 25:00") == nil)
        #expect(day("dd/MM/yyyy", "14/11/2025x") == nil)
        #expect(day("dd-MMM-yy", "14-Noo-25") == nil)
        #expect(day("excel", "45975.x") == nil)
        // Patterns that are not date patterns are refused, with a reason.
        for bad in ["dd/MM", "dd/MM/yyy", "dd/MM/yyyy HH:mm", "yyyy-MM-dd-dd"] {
            if case .success = MappedDateFormat.parse(bad) { Testing.Issue.record("\(bad) should be refused") }
        }
    }

    @Test("Fixed-width date patterns read at fixed offsets exactly as the token reader reads them")
    func fixedDateLayouts() {
        let samples = ["14/11/2025", "29/02/2024", "2025-11-14", "14.11.25", "11/14/2025", "01/01/1970", "31/12/1999", "20240229"]
        let alphabet = Array("0129/-. aT:".utf8)
        let times = ["", " 10:30", "T10:30:00.000+01:00", " 25:00", "x", " 10:30 PM"]
        for pattern in ["dd/MM/yyyy", "yyyy-MM-dd", "dd.MM.yy", "MM/dd/yyyy", "yyyyMMdd"] {
            let format = Self.format(pattern)
            #expect(format.layout != nil, "\(pattern) should be read at fixed offsets")
            var inputs: [[UInt8]] = []
            for sample in samples {
                let bytes = Array(sample.utf8)
                for time in times { inputs.append(bytes + Array(time.utf8)) }
                for cut in 0..<bytes.count { inputs.append(Array(bytes[..<cut])) }
                for at in bytes.indices {
                    for c in alphabet {
                        var mutated = bytes
                        mutated[at] = c
                        inputs.append(mutated)
                    }
                }
            }
            var accepted = 0
            for input in inputs {
                input.withUnsafeBytes { b in
                    let fixed = format.civil(b).map { [$0.year, $0.month, $0.day] }
                    let general = format.tokenParts(b).flatMap { p -> [Int]? in
                        Day(year: p.year, month: p.month, day: p.day) == nil ? nil : [p.year, p.month, p.day]
                    }
                    #expect(fixed == general, "\(pattern) on `\(String(decoding: input, as: UTF8.self))`")
                    if fixed != nil { accepted += 1 }
                }
            }
            #expect(accepted > 0, "\(pattern) accepted none of its inputs")
        }
        #expect(Self.format("d/M/yyyy").layout == nil)
        #expect(Self.format("dd-MMM-yyyy").layout == nil)
        #expect(Self.format("excel").layout == nil)
    }

    @Test("The flat label tables the reader looks labels up in agree with the value maps")
    func flatLabelTables() {
        let short = MappedValueMap(entries: [
            .init(label: "C1", code: "C1"), .init(label: "c2", code: "C2"), .init(label: "ABCDEFG", code: "seven"),
            .init(label: "ABCDEFGH", code: "eight"), .init(label: "a b", code: "spaced"), .init(label: " ", code: "blanks"),
        ], blank: "none")
        let withDefault = MappedValueMap(entries: [.init(label: "Male", code: "M"), .init(label: "a) Male", code: "M")],
                                         otherwise: "U")
        let maps = [Self.kinds, short, withDefault]
        let tables = MappedCodeTables(maps)
        let inputs = ["CP Visit", "  child  protection\u{A0}statutory VISIT ", "looked after visit", "CPVisit", "Visit",
                      "c1", "C2", "C3", "abcdefg", "ABCDEFGH", "abcdefgh ", "ABCDEFGHI", "ABCDEF", "A  B", "a\tb", "ab",
                      "male", "A) MALE", "Other", "", "x", "\u{A0}"]
        for (m, map) in maps.enumerated() {
            for input in inputs {
                Array(input.utf8).withUnsafeBytes { raw in
                    let bytes = CellBytes.trimmed(raw)
                    let expected = bytes.isEmpty ? map.blank : map.code(for: bytes)
                    let index = tables.value(m, bytes)
                    let found = index == MappedCodeTables.unlisted ? nil : tables.texts[Int(index)]
                    #expect(found == expected, "map \(m) on `\(input)`")
                }
            }
        }
    }

    @Test("Labels map many to one, ignoring case and spacing")
    func labels() {
        func code(_ text: String) -> String? { Array(text.utf8).withUnsafeBytes { Self.kinds.code(for: $0) } }
        #expect(code("CP Visit") == "cp")
        #expect(code("  child  protection\u{A0}statutory VISIT ") == "cp")
        #expect(code("looked after visit") == "cla")
        #expect(code("CPVisit") == nil)
        #expect(code("Visit") == nil)
        let withDefault = MappedValueMap(entries: [.init(label: "a) Male", code: "M"), .init(label: "Male", code: "M"),
                                                   .init(label: "1", code: "M")], otherwise: "U")
        #expect(Array("Other".utf8).withUnsafeBytes { withDefault.code(for: $0) } == "U")
        #expect(MappedValueMap.conflicts(in: [.init(label: "Male", code: "M"), .init(label: " male", code: "F")]).count == 1)
        #expect(MappedValueMap.conflicts(in: [.init(label: "Male", code: "M"), .init(label: "MALE", code: "M")]).isEmpty)
    }

    @Test("A CSV export becomes canonical records; unreadable values are issues with the value, never guesses")
    func csvRecords() throws {
        let (sink, summary) = try read(Self.visits(), """
            Visits report for 2025
            Person ID,Visit Type,Actual Date,Seen Alone?,Allocated Worker
            " 1234567 ",CP Visit,14-Nov-2025 10:30,Y,Priya Young
            1234567,Child Protection Statutory Visit,14-Nov-2025 18:15,,Priya Young
            7654321,Home Visit,31/02/2025,Maybe,Sam Jones
            ,CIN Visit,01/10/2025,N,Sam Jones
            ,,,,

            2345678,cin visit,45975,n,

            """)
        #expect(summary.rows == 5)
        #expect(summary.records == 4)
        #expect(sink.records.map(\.values) == [
            ["1234567", "2025-11-14", "cp", "1", "Priya Young"],
            ["1234567", "2025-11-14", "cp", "", "Priya Young"],
            ["7654321", "", "", "", "Sam Jones"],
            ["2345678", "2025-11-14", "cin", "0", ""],
        ])
        #expect(sink.records.map(\.source.line) == ["3", "4", "5", "9"])
        let issues = sink.issues.map { [$0.rule, String($0.line ?? 0), $0.column, $0.childID, $0.value] }
        #expect(issues == [
            ["bad-date", "5", "Actual Date", "7654321", "31/02/2025"],
            ["unknown-code", "5", "Visit Type", "7654321", "Home Visit"],
            ["unknown-code", "5", "Seen Alone?", "7654321", "Maybe"],
            ["missing-child-id", "6", "Person ID", "", ""],
        ])
        #expect(sink.issues.allSatisfy { $0.file == "exports/visits.csv" && $0.dataset == "visits" })
    }

    @Test("A row filter keeps only the rows it names")
    func filters() throws {
        let keepOpen = MappedFilter(source: MappedSource(.name("Case Status")), values: ["Open", "Re-opened"])
        let (sink, summary) = try read(Self.visits(filters: [keepOpen]), """
            Person ID,Visit Type,Actual Date,Case Status
            1,CP Visit,01/10/2025,Open
            2,CP Visit,01/10/2025,closed
            3,CP Visit,01/10/2025, re-OPENED
            4,CP Visit,01/10/2025,

            """)
        #expect(sink.records.map { $0["child_id"] } == ["1", "3"])
        #expect(summary.filteredOut == 2)
        let dropClosed = MappedFilter(source: MappedSource(.name("Case Status")), values: ["Closed"], exclude: true)
        let (kept, _) = try read(Self.visits(filters: [dropClosed]), """
            Person ID,Visit Type,Actual Date,Case Status
            1,CP Visit,01/10/2025,Open
            2,CP Visit,01/10/2025,Closed
            3,CP Visit,01/10/2025,

            """)
        #expect(kept.records.map { $0["child_id"] } == ["1", "3"])
    }

    @Test("A missing required column refuses the file; a missing optional one is read as empty with a warning")
    func missingColumns() throws {
        let missing = #expect(throws: UnreadableInput.self) {
            try read(Self.visits(), "Person ID,Visit Typ,Actual Date,Worker\n1,CP Visit,01/10/2025,A\n")
        }
        #expect(missing?.issue.rule == "mapped-column-missing")
        #expect(missing?.issue.severity == .fatal)
        #expect(missing?.issue.message.contains("closest: `Visit Typ`") == true)

        let (sink, _) = try read(Self.visits(), "Person ID,Visit Type,Actual Date\n1,CP Visit,01/10/2025\n")
        #expect(sink.records.map(\.values) == [["1", "2025-10-01", "cp", "", ""]])
        #expect(sink.issues.map(\.rule) == ["mapped-column-absent", "mapped-column-absent"])
        #expect(sink.issues.allSatisfy { $0.severity == .warning && $0.line == 1 })
    }

    @Test("matchHeader reads only the header and suggests the closest names")
    func headerMatch() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cscpipe-mapped-tests")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(UUID().uuidString + ".csv")
        // The second data row is an unclosed quote: reading it would fail, the header check does not.
        try "Title\nPersonID,Visit Type,Actual Date\n1,CP Visit,01/10/2025\n\"broken,\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let found = try #require(try MappedReader(export: Self.visits()).matchHeader(path: url.path, displayName: "x.csv"))
        #expect(found.header.line == 2)
        #expect(found.match.missing.map(\.source.match) == [.name("Person ID")])
        #expect(found.match.missing.first?.closest.first == "PersonID")
        #expect(found.match.absent.count == 2)
    }

    @Test("An XML export: one record per element at the record path, columns by relative path")
    func xmlRecords() throws {
        let export = MappedExport(mappingFile: "mappings/test.yaml", table: .visits,
                                  format: .xml(recordPath: ["VisitExport", "Visit"]), columns: [
            MappedColumn(canonical: "child_id", source: MappedSource(.name("Person/ID")), conversion: .text),
            MappedColumn(canonical: "visit_date", source: MappedSource(.name("StartDateTime")),
                         conversion: .date([Self.format("yyyy-MM-dd")])),
            MappedColumn(canonical: "kind", source: nil, conversion: .constant("cla")),
            MappedColumn(canonical: "worker", source: MappedSource(.name("Worker/Name")), conversion: .text),
        ])
        let (sink, summary) = try read(export, """
            <?xml version="1.0" encoding="UTF-8"?>
            <VisitExport>
              <Visit>
                <Person><ID> 111 </ID><Name>not read</Name></Person>
                <StartDateTime>2025-11-14T10:30:00</StartDateTime>
                <Worker><Name>Priya &amp; Co</Name></Worker>
              </Visit>
              <Other><Visit><Person><ID>999</ID></Person></Visit></Other>
              <Visit>
                <StartDateTime>2025-11-31T10:30:00</StartDateTime>
                <Person><ID>222</ID></Person>
              </Visit>
            </VisitExport>
            """, ext: "xml")
        #expect(summary.rows == 2)
        #expect(sink.records.map(\.values) == [["111", "2025-11-14", "cla", "", "Priya & Co"], ["222", "", "cla", "", ""]])
        #expect(sink.records.map(\.source.line) == ["3", "9"])
        #expect(sink.issues.map { [$0.rule, String($0.line ?? 0), $0.column, $0.childID, $0.value] }
                == [["bad-date", "9", "StartDateTime", "222", "2025-11-31T10:30:00"]])

        let wrongRoot = #expect(throws: UnreadableInput.self) {
            try read(export, "<Visits><Visit/></Visits>", ext: "xml")
        }
        #expect(wrongRoot?.issue.rule == "mapped-record-path")
    }

    @Test("Referrals without an id get child id / referral date, as from the CIN census")
    func derivedReferralID() throws {
        let export = MappedExport(mappingFile: "m.yaml", table: .referrals, format: .csv, columns: [
            MappedColumn(canonical: "child_id", source: MappedSource(.name("ID")), conversion: .text),
            MappedColumn(canonical: "referral_date", source: MappedSource(.name("Date")),
                         conversion: .date([Self.format("dd/MM/yyyy")])),
        ])
        let (sink, _) = try read(export, "ID,Date\n0012,01/10/2025\n0013,\n")
        #expect(sink.records.map { $0["referral_id"] } == ["0012/2025-10-01", ""])
    }
}
