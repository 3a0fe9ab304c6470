import CSCCore
import Foundation
import Testing
@testable import Extractors

/// The public 903 sample files in `../shared/fixtures/ssda903`.
@Suite("SSDA903: public fixtures", .enabled(if: SSDA903TestData.hasFixtures, "needs ../shared/fixtures/ssda903"))
struct SSDA903FixtureTests {
    /// The table each sample file holds; the two rule lists are the 903 validator's output, not 903 tables.
    static let tables: [String: SSDA903Table?] = [
        "903_2023_24_rule_info.csv": nil, "903_2024_25_rule_info.csv": nil,
        "DoLo.csv": .doLo, "SSDA903_2020_episodes.csv": .episodes, "SSDA903_2020_header.csv": .header,
        "SSDA903_episodes_for_testing_fixes_INPUT.csv": .episodes, "ad1.csv": .ad1, "header.csv": .header,
        "missing.csv": .missing, "oc2.csv": .oc2, "oc3.csv": .oc3, "placed_for_adoption.csv": .placedAdoption,
        "placed_for_adoption_errors.csv": .placedAdoption, "previous_permanence.csv": .prevPerm,
        "sw_episodes.csv": .swEpisodes, "uasc.csv": .uasc,
    ]

    private func path(_ name: String) throws -> String {
        try #require(SSDA903TestData.fixtures).appendingPathComponent(name).path
    }

    private func read(_ name: String, year: CollectionYear? = nil) throws -> SSDA903ReadResult {
        try SSDA903TestFiles.read(path(name), as: "fixtures/ssda903/" + name, year: year)
    }

    /// Data rows in a file (lines after the header that are not blank).
    private func dataRows(_ name: String) throws -> Int {
        let text = try String(contentsOfFile: path(name), encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).dropFirst().filter { !$0.allSatisfy { $0 == "," || $0 == " " } }.count
    }

    @Test("every CSV is recognised as its table, and every row of a loaded table becomes a record")
    func everyFileIsRecognised() throws {
        let folder = try #require(SSDA903TestData.fixtures)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }.sorted()
        #expect(Set(names) == Set(Self.tables.keys), "a new fixture needs its table named here")
        for name in names {
            guard let expected = Self.tables[name] else { continue }
            guard let table = expected else {
                let fatal = #expect(throws: UnreadableInput.self) { _ = try read(name) }
                #expect(fatal?.issue.rule == "unknown-table", "\(name)")
                continue
            }
            let result = try read(name)
            #expect(result.summary.table == table, "\(name)")
            #expect(result.summary.rows == (try dataRows(name)), "\(name)")
            #expect(result.summary.records == result.summary.rows, "\(name)")
            #expect(result.records.count == result.summary.records, "\(name)")
            #expect(result.records.allSatisfy { $0.table == table.canonicalTable }, "\(name)")
            #expect(result.records.allSatisfy { $0.source.file == "fixtures/ssda903/" + name }, "\(name)")
            #expect(!result.issues.contains { $0.severity == .fatal }, "\(name)")
        }
    }

    @Test("SSDA903_2020_episodes: the extra TEST_COLUMN, the two bad postcodes and the *DUMMY* RNE, with their lines")
    func liiaEpisodes() throws {
        let result = try read("SSDA903_2020_episodes.csv")
        #expect(result.issueKeys == [
            "unexpected-column@1:TEST_COLUMN=",
            "bad-postcode@3:PL_POST=C251YT",
            "bad-postcode@5:PL_POST=2TR",
            "unknown-code@6:RNE=*DUMMY*",
        ])
        #expect(result.issues.map(\.severity) == [.warning, .warning, .warning, .error])
        #expect(result.issues[1].childID == "689661")
        // The year comes from the name: 2020 is the collection ending in 2020.
        #expect(result.summary.collectionYear == CollectionYear(startYear: 2019))
        #expect(result.summary.yearSource == "file name")
        // Postcodes stay as written; TEST_COLUMN's *DUMMY* goes nowhere.
        #expect(result.record(line: 3)?["placement_postcode"] == "C251YT")
        #expect(result.record(line: 2)?.values == ["689661", "2018-12-11", "P", "V4", "N4", "K2", "PR4", "2019-07-18",
                                                  "E15", "", "Y8 5KZ", "T28 2WB", "6834366"])
        #expect(result.record(line: 6)?["reason_new_episode"] == "")
    }

    @Test("sw_episodes.csv: the UTF-8 byte order mark is dropped and CHILD found; SWLAZY is not a reason")
    func socialWorkerEpisodesWithBOM() throws {
        let result = try read("sw_episodes.csv", year: CollectionYear(startYear: 2024))
        #expect(result.summary.encoding == "utf-8-bom")
        #expect(result.summary.table == .swEpisodes)
        #expect(result.issueKeys == ["unknown-code@2:SW_REASON=SWLAZY"])
        #expect(result.issues.first?.message == "SWLAZY is not a valid SW_REASON code in 2024-25")
        #expect(result.records.map(\.values) == [["CHILD10", "SW999", "", "2020-01-01", "2020-01-03", ""]])
        #expect(result.records.first?.table == .allocations)
    }

    @Test("placed_for_adoption.csv: the invalid XXX reason is reported on every line, and the dates still load")
    func placedForAdoptionReasons() throws {
        let result = try read("placed_for_adoption.csv")
        #expect(result.issues.count == 29)
        #expect(result.issueKeys == (2...30).map { "unknown-code@\($0):REASON_PLACED_CEASED=XXX" })
        #expect(result.issues.first?.childID == "988635")
        #expect(result.record(line: 2)?.values == ["988635", "2015-11-22", "", "", "", "", "2017-04-07", ""])
        #expect(result.summary.yearSource == "data")
        #expect(result.summary.collectionYear == CollectionYear(startYear: 2017))
    }

    @Test("oc3.csv: the 01 and 02 accommodation codes are reported with their lines; letters and digits split")
    func careLeaverAccommodation() throws {
        // F3/P3 activities place the sample before 2021-22.
        let result = try read("oc3.csv", year: CollectionYear(startYear: 2018))
        #expect(result.issueKeys == ["unknown-code@2:ACCOM=01", "unknown-code@47:ACCOM=02"])
        #expect(result.issues.first?.message.hasPrefix("01 is not a valid ACCOM code in 2018-19") == true)
        let first = try #require(result.record(line: 2))
        #expect(first["accommodation"] == "" && first["accommodation_suitable"] == "")
        #expect(first["activity"] == "F1" && first["in_touch"] == "DIED" && first["year"] == "2018-19")
        let second = try #require(result.record(line: 3))
        #expect(second["accommodation"] == "T" && second["accommodation_suitable"] == "0")
        #expect(second["birth_date"] == "2001-01-16")
        let fourth = try #require(result.record(line: 4))
        #expect(fourth["accommodation"] == "K" && fourth["accommodation_suitable"] == "1")
    }

    @Test("the liia episodes file: ISO dates are refused with a message that says so, LA and YEAR are extra columns")
    func isoDatedEpisodes() throws {
        let result = try read("SSDA903_episodes_for_testing_fixes_INPUT.csv")
        #expect(result.issues(.unexpectedSSDA903Column).map(\.column) == ["LA", "YEAR"])
        let badDates = result.issues(.badDate)
        #expect(badDates.count == 37)
        #expect(badDates.first.map { [$0.column, $0.value, String($0.line ?? 0)] } == ["DECOM", "2015-06-19", "2"])
        #expect(badDates.allSatisfy { $0.message.contains("DD/MM/YYYY") })
        // No date could be read, so the year is unknown and said to be.
        #expect(result.summary.yearSource == "latest code lists")
        #expect(result.issues(.collectionYearUnknown).count == 1)
        #expect(result.records.count == 23)
        #expect(result.records.allSatisfy { $0["start_date"] == "" && $0["end_date"] == "" })
        #expect(result.record(line: 2)?["child_id"] == "NORULE_BAD")
    }

    @Test("header.csv and uasc.csv read cleanly as the collection their 1/2 SEX codes belong to")
    func headerAndUASC() throws {
        let year = CollectionYear(startYear: 2017)
        let header = try read("header.csv", year: year)
        #expect(header.issues.isEmpty)
        #expect(header.records.count == 2675)
        #expect(header.record(line: 2)?.values == ["566910", "D051910639385", "", "", "2008-03-27", "", "F", "WROM",
                                                  "", "", "", ""])
        let uasc = try read("uasc.csv", year: year)
        #expect(uasc.issues.isEmpty)
        #expect(uasc.records.allSatisfy { $0["uasc"] == "1" && ["M", "F"].contains($0["sex"]) })
        #expect(uasc.record(line: 2)?.values == ["102639", "", "", "", "2010-10-18", "", "F", "", "", "", "1", ""])
    }

    @Test("the same header.csv read as 2025-26 refuses every 1/2 SEX code")
    func headerInTheWrongYear() throws {
        let result = try read("header.csv", year: CollectionYear(startYear: 2025))
        #expect(result.issues.count == 2675)
        #expect(result.issues.allSatisfy { $0.rule == "unknown-code" && $0.column == "SEX" })
        #expect(result.issues.first?.message == "2 is not a valid SEX code in 2025-26 (valid up to 2023-24)")
        #expect(result.records.allSatisfy { $0["sex"] == "" })
    }

    @Test("AD1, missing, OC2, previous permanence and DoLo samples read without issues")
    func otherTables() throws {
        let ad1 = try read("ad1.csv")
        #expect(ad1.issues.isEmpty)
        #expect(ad1.record(line: 2)?.values == ["988635", "2015-11-22", "", "2015-11-22", "", "", "", ""])
        let missing = try read("missing.csv")
        #expect(missing.issues.isEmpty)
        #expect(missing.record(line: 2)?.values == ["510000", "A", "2017-11-13", "2017-11-25"])
        let oc2 = try read("oc2.csv", year: CollectionYear(startYear: 2024))
        #expect(oc2.issues.isEmpty, "\(oc2.issueKeys.prefix(3))")
        #expect(oc2.summary.canonicalTable == .health_outcomes && oc2.records.count == oc2.summary.rows)
        let permanence = try read("previous_permanence.csv", year: CollectionYear(startYear: 2024))
        #expect(permanence.issues.isEmpty, "\(permanence.issueKeys.prefix(3))")
        #expect(permanence.summary.canonicalTable == .previous_permanence)
        #expect(permanence.record(line: 2)?.values == ["566910", "Z1", "", ""])
        let dolo = try read("DoLo.csv", year: CollectionYear(startYear: 2026))
        #expect(dolo.issues.isEmpty, "\(dolo.issueKeys.prefix(3))")
        #expect(dolo.summary.canonicalTable == .deprivation_of_liberty)
        #expect(dolo.records.map(\.values) == [["CHILD10", "2025-01-01", "2025-01-02"]])
    }
}
