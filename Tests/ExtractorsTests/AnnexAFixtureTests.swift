import CSCCore
import Foundation
import Testing
@testable import Extractors

/// Every public Annex A workbook in the shared fixtures is read, quirks reported, nothing crashes.
struct AnnexAFixtureTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/fixtures/annex-a").path
    static let codesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("pipelines/reference/codes").path

    static func codes() throws -> CodeBook {
        var lists: [CodeList] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: codesFolder) where name.hasSuffix(".csv") {
            let text = try String(contentsOfFile: codesFolder + "/" + name, encoding: .utf8)
            lists.append(try CodeList(name: String(name.dropLast(4)), rows: AnnexATestCSV.rows(text)))
        }
        return CodeBook(lists: lists)
    }

    static func read(_ name: String) throws -> (AnnexAFileSummary, CollectingSink)? {
        let path = folder + "/" + name
        guard FileManager.default.fileExists(atPath: path) else {
            print("skipped: \(path) is absent (the shared fixtures are not next to the package)")
            return nil
        }
        let sink = CollectingSink()
        let summary = try AnnexAReader(codes: codes()).read(path: path, displayName: name,
                                                             year: CollectionYear(startYear: 2024), into: sink)
        return (summary, sink)
    }

    @Test func annexA2024JanReadsElevenListsWithQuirksReported() throws {
        guard let (s, sink) = try Self.read("Annex_A_2024_Jan.xlsx") else { return }
        #expect(s.lists.map(\.list.rawValue) == Array(1...11))
        #expect(s.lists.allSatisfy { $0.headingRow == 1 })
        let contacts = sink.records.filter { $0.table == .contacts }
        #expect(contacts.count == 5)
        #expect(contacts.first?["child_id"] == "9212044")
        #expect(contacts.first?["contact_date"] == "2020-09-16")
        #expect(contacts.first?["contact_source"] == "6")
        #expect(contacts.first?.source.line == "List 1!A2")
        // #N/A teams on List 6 and the LA-specific need code are reported, with sheet and column letter.
        #expect(sink.issues.contains { $0.rule == "bad-value" && $0.value == "#N/A" && $0.column.hasPrefix("List 6!M") })
        #expect(sink.issues.contains { $0.rule == "unknown-code" && $0.value.hasPrefix("PSRMEM") && $0.line == 2 })
        // Formula cells give their cached values (List 10, `=H2+5`).
        let adoption = sink.records.first { $0.table == .adoptions }
        #expect(adoption?["decision_date"] == XLSXSerialDate.day(serial: 40036)?.iso)
        // List 7's last statutory visit becomes a CP visit with its seen-alone answer and worker.
        let visit = sink.records.first { $0.table == .visits && $0["kind"] == "cp" }
        #expect(visit?["child_id"] == "10721552")
        #expect(visit?["visit_date"] == XLSXSerialDate.day(serial: 44218)?.iso)
        #expect(visit?["seen_alone"] == "1")
        #expect(visit?["worker"] == "Ezra Leigh")
        #expect(visit?.source.line == "List 7!A2")
        let leavers = sink.records.filter { $0.table == .care_leavers }
        #expect(!leavers.isEmpty && leavers.allSatisfy { $0["year"] == "2024-25" })
    }

    @Test func template2015SampleWithLocalLabels() throws {
        guard let (s, sink) = try Self.read("2015-01-sample.xlsx") else { return }
        // The template: a title in row 1, headings in row 2, sheets named List_1 … List_11.
        #expect(s.lists.allSatisfy { $0.headingRow == 2 })
        #expect(s.otherSheets == ["Front_Sheet", "FAQ_and_changes", "Guidance", "Codes_used"])
        let referrals = sink.records.filter { $0.table == .referrals }
        #expect(referrals.count == 5)
        // `F`, `School`, `Health`, `yes`/`no`: local labels through the annex_a_* tables.
        #expect(referrals[0]["referral_source"] == "2A" && referrals[0]["nfa"] == "1")
        #expect(referrals[1]["referral_source"] == "3F" && referrals[1]["nfa"] == "0")
        #expect(referrals[0]["referral_date"] == XLSXSerialDate.day(serial: 42078)?.iso)
        #expect(referrals[0].source.line == "List_3!A3")
        let child = sink.records.first { $0.table == .children }
        #expect(child?["sex"] == "F" && child?["ethnicity"] == "WBRI")
        #expect(sink.issues.isEmpty, "\(sink.issues)")
    }

    @Test(arguments: ["2015-01-sample.xlsx", "2016-01-sample.xlsx", "2016-02-sample.xlsx",
                      "Annex_A_2022.xlsx", "Annex_A_2024_Jan.xlsx", "example-B-2004.xlsx"])
    func everyFixtureIsRead(_ name: String) throws {
        guard let (s, sink) = try Self.read(name) else { return }
        #expect(s.lists.count == 11, "\(name): \(s.lists.map(\.sheet))")
        #expect(s.lists.allSatisfy { $0.headingRow != nil })
        print("\(name): lists \(s.lists.map { "\($0.list.rawValue)@\($0.headingRow ?? 0):\($0.rows)" }.joined(separator: " ")); "
              + "\(sink.records.count) records, \(sink.issues.count) issues: "
              + Dictionary(grouping: sink.issues, by: \.rule).map { "\($0.key) \($0.value.count)" }.sorted().joined(separator: ", "))
        for i in sink.issues.prefix(40) { print("  \(i.rule) \(i.line.map(String.init) ?? "-") \(i.column) [\(i.value)] \(i.message)") }
    }
}

/// Enough CSV for the code lists (quoted fields with commas).
enum AnnexATestCSV {
    static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        for line in text.split(whereSeparator: \.isNewline) {
            var fields: [String] = []
            var field = ""
            var quoted = false
            for ch in line {
                if ch == "\"" { quoted.toggle() } else if ch == ",", !quoted { fields.append(field); field = "" } else { field.append(ch) }
            }
            fields.append(field)
            rows.append(fields)
        }
        return rows
    }
}
