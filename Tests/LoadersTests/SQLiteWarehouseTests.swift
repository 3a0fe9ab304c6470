import CSCCore
import Foundation
import GRDB
import Testing
@testable import Loaders

@Suite struct SQLiteWarehouseTests {
    static func referral(_ id: String, date: String, nfa: String, team: String, line: Int) -> CSCCore.Record {
        var r = CSCCore.Record(.referrals, source: SourceLocation(file: "cin/cin_2024-25.xml", line: line))
        r["child_id"] = id
        r["referral_id"] = id + "/" + date
        r["referral_date"] = date
        r["nfa"] = nfa
        r["team"] = team
        return r
    }

    static let issues = [
        CSCCore.Issue(.badDate, dataset: "assessments", file: "cin/cin_2024-25.xml", line: 6238,
                      column: "AssessmentAuthorisationDate", childID: "5680316", value: "2025-02-30"),
        CSCCore.Issue(.emptyFile, dataset: "file", file: "exports/visits.csv", line: nil),
    ]

    @Test func recordsAndIssuesComeBackWithNullForEmpty() throws {
        let referrals = [
            Self.referral("0016185", date: "2023-06-21", nfa: "0", team: "Team, North", line: 32),
            Self.referral("0045818", date: "2022-12-15", nfa: "", team: "", line: 67),
        ]
        try withTemporaryFolder { folder in
            let path = folder.file("run/warehouse.sqlite")
            let warehouse = try SQLiteWarehouse(path: path)
            try warehouse.writeAll([.referrals: referrals])
            try warehouse.writeIssues(Self.issues)
            try warehouse.close()

            let db = try DatabaseQueue(path: path)
            try db.read { db in
                for table in CanonicalTable.allCases {
                    let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\(table.name)\"")
                    #expect(count == (table == .referrals ? 2 : 0), "\(table)")
                    let columns = try db.columns(in: table.name).map(\.name)
                    #expect(columns == table.columns + ["source_file", "source_line"], "\(table)")
                }
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM referrals ORDER BY rowid")
                #expect(rows[0]["child_id"] as String? == "0016185")
                #expect(rows[0]["team"] as String? == "Team, North")
                #expect(rows[0]["nfa"] as Int? == 0)
                #expect(rows[0]["source_line"] as String? == "32")
                #expect(rows[1]["nfa"] as DatabaseValue == .null)
                #expect(rows[1]["team"] as DatabaseValue == .null)
                #expect(rows[1]["closure_date"] as DatabaseValue == .null)
                #expect(try String.fetchOne(db, sql: "SELECT typeof(nfa) FROM referrals WHERE rowid = 1") == "integer")
                #expect(try String.fetchOne(db, sql: "SELECT typeof(referral_date) FROM referrals LIMIT 1") == "text")
                #expect(try String.fetchAll(db, sql: "SELECT typeof(source_line) FROM referrals") == ["text", "text"])
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM referrals WHERE team = ''") == 0)

                let issues = try Row.fetchAll(db, sql: "SELECT * FROM issues ORDER BY rowid")
                #expect(issues.count == 2)
                #expect(Array(issues[0].columnNames) == ExceptionReportWriter.issuesHeader)
                #expect(issues[0]["rule"] as String? == "bad-date")
                #expect(issues[0]["severity"] as String? == "error")
                #expect(issues[0]["line"] as Int? == 6238)
                #expect(issues[0]["column"] as String? == "AssessmentAuthorisationDate")
                #expect(issues[0]["value"] as String? == "2025-02-30")
                #expect(issues[1]["line"] as DatabaseValue == .null)
                #expect(issues[1]["child_id"] as DatabaseValue == .null)
                #expect(issues[1]["severity"] as String? == "fatal")
            }
        }
    }

    @Test func tablesWithAChildIDAreIndexedOnIt() throws {
        try withTemporaryFolder { folder in
            let path = folder.file("warehouse.sqlite")
            let warehouse = try SQLiteWarehouse(path: path)
            try warehouse.writeAll([:])
            try warehouse.writeIssues([])
            let indexed = try warehouse.database.read { db in
                try String.fetchSet(db, sql: """
                    SELECT m.name FROM sqlite_master m JOIN pragma_index_info(m.name) i
                    WHERE m.type = 'index' AND i.name = 'child_id'
                    """)
            }
            let expected = Set(CanonicalTable.allCases.filter { $0.columns.contains("child_id") }
                .map { $0.name + "_child_id" })
            #expect(indexed == expected.union(["issues_child_id"]))
            #expect(!indexed.contains("adopters_child_id"))
        }
    }

    @Test func tablesAddedLaterTakeAnyRows() throws {
        try withTemporaryFolder { folder in
            let warehouse = try SQLiteWarehouse(path: folder.file("warehouse.sqlite"))
            let columns = [WarehouseColumn("kpi"), WarehouseColumn("numerator", .integer),
                           WarehouseColumn("value", .real), WarehouseColumn("rag")]
            try warehouse.writeTable(name: "kpis", columns: columns, rows: [
                ["referrals_repeat", "12", "0.25", "amber"],
                ["cp_repeat", nil, "", nil],
            ])
            try warehouse.writeTable(name: "kpi_cohorts", columns: ["kpi", "child_id"], rows: [["cp_repeat", "007"]])
            try warehouse.database.read { db in
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM kpis ORDER BY rowid")
                #expect(rows.count == 2)
                #expect(rows[0]["numerator"] as Int? == 12)
                #expect(rows[0]["value"] as Double? == 0.25)
                #expect(rows[1]["numerator"] as DatabaseValue == .null)
                #expect(rows[1]["value"] as DatabaseValue == .null)
                #expect(try String.fetchOne(db, sql: "SELECT child_id FROM kpi_cohorts") == "007")
            }
            // Writing a table again replaces it.
            try warehouse.writeTable(name: "kpi_cohorts", columns: ["kpi", "child_id"], rows: [[String?]]())
            #expect(try warehouse.database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM kpi_cohorts") } == 0)

            let error = #expect(throws: LoaderError.self) {
                try warehouse.writeTable(name: "short", columns: ["a", "b"], rows: [["1"]])
            }
            #expect(error?.description.contains("row 1 of short has 1 values for 2 columns") == true)
        }
    }

    @Test func anExistingFileIsReplaced() throws {
        try withTemporaryFolder { folder in
            let path = folder.file("warehouse.sqlite")
            let first = try SQLiteWarehouse(path: path)
            try first.writeTable(name: "old", columns: ["x"], rows: [["1"]])
            try first.close()
            let second = try SQLiteWarehouse(path: path)
            let tables = try second.database.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master") }
            #expect(tables.isEmpty)
        }
    }

    @Test func anUnwritablePathIsAnErrorNamingIt() throws {
        try withTemporaryFolder { folder in
            let blocker = folder.file("blocker")
            try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
            let path = blocker + "/warehouse.sqlite"
            let error = #expect(throws: LoaderError.self) { try SQLiteWarehouse(path: path) }
            #expect(error?.description.contains(blocker) == true)

            // A folder where the file should be is reported, never deleted.
            let folderInTheWay = folder.file("warehouse.sqlite")
            try FileManager.default.createDirectory(atPath: folderInTheWay + "/keep", withIntermediateDirectories: true)
            let folderError = #expect(throws: LoaderError.self) { try SQLiteWarehouse(path: folderInTheWay) }
            #expect(folderError?.path == folderInTheWay)
            #expect(FileManager.default.fileExists(atPath: folderInTheWay + "/keep"))
        }
    }
}
