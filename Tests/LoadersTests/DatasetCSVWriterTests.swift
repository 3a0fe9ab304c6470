import CSCCore
import Foundation
import Testing
@testable import Loaders

@Suite struct DatasetCSVWriterTests {
    static func child(_ id: String, birth: String, ethnicity: String = "WBRI", file: String = "cin/a.xml",
                      line: String) -> Record {
        var r = Record(.children, source: SourceLocation(file: file, line: line))
        r["child_id"] = id
        r["birth_date"] = birth
        r["ethnicity"] = ethnicity
        r["sex"] = "F"
        return r
    }

    @Test func awkwardValuesSurviveTheRoundTrip() throws {
        var awkward = Self.child("0001234", birth: "2015-07-29", line: "19")
        awkward["upn"] = "A, with comma"
        awkward["former_upn"] = "said \"no\""
        awkward["disabilities"] = "line one\nline two"
        awkward["la_code"] = " 873 "
        let plain = Self.child("0000007", birth: "", ethnicity: "", file: "ssda903/2024-25/header.csv", line: "3")
        let fromSheet = Self.child("42", birth: "2020-02-29", file: "annex-a.xlsx", line: "List 1!A12")
        let records = [awkward, plain, fromSheet]

        try withTemporaryFolder { folder in
            let path = try DatasetCSVWriter(runFolder: folder.path).write(.children, records: records)
            #expect(path == folder.path + "/datasets/children.csv")
            let rows = try #require(parseCSV(try readText(path)))
            #expect(rows.count == 4)
            #expect(rows[0] == CanonicalTable.children.columns + ["source_file", "source_line"])
            for (row, record) in zip(rows.dropFirst(), records) {
                #expect(row == record.values + [record.source.file, record.source.line])
            }
            #expect(rows[2][0] == "0000007")
        }
    }

    @Test func bytesAreExactlyAsSpecified() throws {
        var r = Record(.cp_reviews, source: SourceLocation(file: "cin/x, y.xml", line: 95))
        r["child_id"] = "0045818"
        r["plan_start_date"] = "2023-01-17"
        try withTemporaryFolder { folder in
            let path = try DatasetCSVWriter(runFolder: folder.path).write(.cp_reviews, records: [r])
            let expected = "child_id,plan_start_date,review_date,source_file,source_line\n"
                + "0045818,2023-01-17,,\"cin/x, y.xml\",95\n"
            #expect(try readBytes(path) == Data(expected.utf8))
        }
    }

    @Test func everyTableGetsAFileAndEmptyOnesHaveTheHeaderOnly() throws {
        try withTemporaryFolder { folder in
            let writer = DatasetCSVWriter(runFolder: folder.path)
            let paths = try writer.writeAll([.children: [Self.child("1", birth: "2010-01-01", line: "2")]])
            #expect(paths.count == CanonicalTable.allCases.count)
            for table in CanonicalTable.allCases {
                let text = try readText(writer.path(of: table))
                let header = (table.columns + ["source_file", "source_line"]).joined(separator: ",") + "\n"
                if table == .children {
                    #expect(text == header + "1,,,,2010-01-01,,F,WBRI,,,,,cin/a.xml,2\n")
                } else {
                    #expect(text == header, "\(table)")
                }
            }
        }
    }

    @Test(.enabled(if: calibrationPresent, "calibration set not found next to the package"))
    func headersMatchTheCalibrationSet() throws {
        try withTemporaryFolder { folder in
            let writer = DatasetCSVWriter(runFolder: folder.path)
            try writer.writeAll([:])
            // Tables the calibration set predates (health_outcomes, previous_permanence and
            // deprivation_of_liberty, from SSDA903 OC2, PrevPerm and DoLo) have no file there.
            let inCalibration = CanonicalTable.allCases.filter {
                FileManager.default.fileExists(atPath: calibrationFolder + "/expected/datasets/\($0.name).csv")
            }
            #expect(inCalibration.count >= 19)
            for table in inCalibration {
                let expected = try readText(calibrationFolder + "/expected/datasets/\(table.name).csv")
                let ours = try readText(writer.path(of: table))
                #expect(expected.prefix(while: { $0 != "\n" }) == ours.prefix(while: { $0 != "\n" }), "\(table)")
            }
        }
    }

    @Test("line numbers are written as String(line) writes them; spreadsheet places as text")
    func sourceLines() throws {
        let lines = [1, 9, 10, 99, 100, 12_345, 1_000_000, 123_456_789_012]
        var records = lines.map { Record(.contacts, source: SourceLocation(file: "a.csv", line: $0)) }
        records.append(Record(.contacts, source: SourceLocation(file: "a.xlsx", line: "List 1!A3")))
        try withTemporaryFolder { folder in
            let path = try DatasetCSVWriter(runFolder: folder.path).write(.contacts, records: records)
            let rows = try #require(parseCSV(try readText(path)))
            #expect(rows.dropFirst().map { $0.last ?? "" } == lines.map(String.init) + ["List 1!A3"])
        }
    }

    @Test func manyRowsAcrossSeveralFlushesComeBackInOrder() throws {
        try withTemporaryFolder { folder in
            let path = folder.file("many.csv")
            let out = try CSVFileWriter(path: path, flushThreshold: 100)
            for i in 0..<5_000 {
                try out.writeRow([String(i), "row, \(i)", ""])
            }
            try out.finish()
            let rows = try #require(parseCSV(try readText(path)))
            #expect(rows.count == 5_000)
            #expect(rows[4_321] == ["4321", "row, 4321", ""])
            #expect(rows.last == ["4999", "row, 4999", ""])
        }
    }

    @Test func anUnwritablePlaceIsAnErrorNamingThePath() throws {
        try withTemporaryFolder { folder in
            // A file where the run folder should be.
            let blocker = folder.file("run")
            try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
            let folderError = #expect(throws: LoaderError.self) {
                try DatasetCSVWriter(runFolder: blocker).writeAll([:])
            }
            #expect(folderError?.path == blocker + "/datasets")
            if case .cannotCreateFolder = folderError {} else {
                Testing.Issue.record("expected cannotCreateFolder, got \(String(describing: folderError))")
            }
            let missing = folder.file("no/such/folder/x.csv")
            let error = #expect(throws: LoaderError.self) { try CSVFileWriter(path: missing) }
            #expect(error?.path == missing)
            #expect(error?.description.contains(missing) == true)
        }
    }
}
