import Foundation
import Testing
@testable import Loaders

@Suite struct ConflictReportWriterTests {
    @Test func conflictsAreWrittenInOrderWithTheCalibrationHeader() throws {
        let rows = [
            ConflictRow(table: "children", key: "9087943", column: "birth_date",
                        earlierValue: "2015-07-29", earlierFile: "cin/cin_2024-25.xml", earlierLine: "8856",
                        laterValue: "2015-08-29", laterFile: "cin/cin_2025-26_inyear.xml", laterLine: "6615"),
            ConflictRow(table: "children", key: "0000042", column: "sex",
                        earlierValue: "M", earlierFile: "exports/a, b.csv", earlierLine: "List 1!A12",
                        laterValue: "F", laterFile: "ssda903/2024-25/header.csv", laterLine: "3"),
        ]
        try withTemporaryFolder { folder in
            let path = try ConflictReportWriter(folder: folder.path).write(rows)
            #expect(path == folder.path + "/conflicts.csv")
            let expected = """
                table,key,column,earlier_value,earlier_file,earlier_line,later_value,later_file,later_line
                children,9087943,birth_date,2015-07-29,cin/cin_2024-25.xml,8856,2015-08-29,cin/cin_2025-26_inyear.xml,6615
                children,0000042,sex,M,"exports/a, b.csv",List 1!A12,F,ssda903/2024-25/header.csv,3

                """
            #expect(try readText(path) == expected)
        }
    }

    @Test(.enabled(if: calibrationPresent, "calibration set not found next to the package"))
    func headerMatchesTheCalibrationSet() throws {
        let expected = try readText(calibrationFolder + "/expected/conflicts.csv")
        #expect(expected.prefix(while: { $0 != "\n" }) == ConflictReportWriter.header.joined(separator: ","))
    }

    @Test func noConflictsGiveTheHeaderOnly() throws {
        try withTemporaryFolder { folder in
            let path = try ConflictReportWriter(folder: folder.path).write([ConflictRow]())
            #expect(try readText(path) == ConflictReportWriter.header.joined(separator: ",") + "\n")
        }
    }
}
