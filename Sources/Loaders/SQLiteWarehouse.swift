import CSCCore
import Foundation
import GRDB

/// The run's working store, `warehouse.sqlite`: one table per canonical table,
/// the `issues` table, and any table added later (`kpis`, `kpi_cohorts`).
///
/// Schema: every canonical table keeps its column names, plus `source_file`
/// and `source_line`. Columns are TEXT (dates as ISO `YYYY-MM-DD`), except the
/// 0/1 flags and counts listed in `WarehouseColumn.integerCanonicalColumns`,
/// which are INTEGER. **An empty value is always NULL**, in every table and
/// every column, never `''`: query with `IS NULL`. Tables with a `child_id`
/// get an index on it.
///
/// Each table is loaded in one transaction through a raw-bind fast path
/// (`RowInserter`). The file is written where asked; publishing it atomically
/// is the caller's job.
public final class SQLiteWarehouse: Sendable {
    /// Where the database file is.
    public let path: String
    /// The open database, for queries and for registering SQL functions.
    public let database: DatabaseQueue

    /// Creates a new, empty warehouse at `path`, replacing any file already
    /// there (with its journal), and creating the parent folder when needed.
    public init(path: String) throws {
        self.path = path
        try OutputFolder.ensure(OutputFolder.parent(of: path))
        for leftover in [path, path + "-journal", path + "-wal", path + "-shm"] {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: leftover, isDirectory: &isFolder) else { continue }
            // Never delete a folder given by mistake for the database file.
            guard !isFolder.boolValue else {
                throw LoaderError.cannotWrite(path: leftover, reason: "a folder of that name is in the way")
            }
            do {
                try FileManager.default.removeItem(atPath: leftover)
            } catch {
                throw LoaderError.cannotWrite(path: leftover, reason: "cannot replace the existing file")
            }
        }
        do {
            // The file is written once, into a run folder that is published only
            // when complete: a crash leaves an unpublished run, so a rollback
            // journal and fsyncs would buy nothing and cost seconds per million rows.
            var configuration = Configuration()
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
            }
            database = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw LoaderError.database(path: path, reason: Self.reason(error))
        }
    }

    /// Loads every canonical table, asking `records` for each one's rows;
    /// a table with no rows is still created.
    public func writeAll(records: (CanonicalTable) throws -> [CSCCore.Record]) throws {
        for table in CanonicalTable.allCases {
            try write(table, records: records(table))
        }
    }

    /// Loads every canonical table; one missing from `tables` is created empty.
    public func writeAll(_ tables: [CanonicalTable: [CSCCore.Record]]) throws {
        try writeAll(records: { tables[$0] ?? [] })
    }

    /// Creates `table` (replacing it if present) and loads `records`, which
    /// must all belong to it.
    public func write(_ table: CanonicalTable, records: some Sequence<CSCCore.Record>) throws {
        let columns = WarehouseColumn.columns(of: table)
        let count = table.columns.count
        try load(name: table.name, columns: columns) { inserter in
            for record in records {
                precondition(record.table == table, "a \(record.table) record among \(table)")
                for (i, value) in record.values.enumerated() {
                    inserter.bind(Int32(i + 1), value)
                }
                inserter.bind(Int32(count + 1), record.source.file)
                inserter.bind(Int32(count + 2), lineOf: record.source)
                try inserter.insert()
            }
        }
    }

    /// Creates the `issues` table (columns of the exception report, `line`
    /// INTEGER) and loads `issues` in the order given.
    public func writeIssues(_ issues: some Sequence<Issue>) throws {
        try load(name: "issues", columns: WarehouseColumn.issueColumns) { inserter in
            for issue in issues {
                inserter.bind(1, issue.rule)
                inserter.bind(2, issue.severity.rawValue)
                inserter.bind(3, issue.dataset)
                inserter.bind(4, issue.file)
                inserter.bind(5, issue.line)
                inserter.bind(6, issue.column)
                inserter.bind(7, issue.childID)
                inserter.bind(8, issue.value)
                inserter.bind(9, issue.message)
                inserter.bind(10, issue.hint)
                try inserter.insert()
            }
        }
    }

    /// Creates a table of arbitrary rows (replacing one of the same name) and
    /// loads `rows`, each holding one value per column; nil and empty become
    /// NULL. A `child_id` column gets an index.
    public func writeTable(name: String, columns: [WarehouseColumn], rows: some Sequence<[String?]>) throws {
        try load(name: name, columns: columns) { inserter in
            var rowNumber = 0
            for row in rows {
                rowNumber += 1
                guard row.count == columns.count else {
                    throw LoaderError.database(
                        path: path,
                        reason: "row \(rowNumber) of \(name) has \(row.count) values for \(columns.count) columns")
                }
                for (i, value) in row.enumerated() {
                    inserter.bind(Int32(i + 1), value)
                }
                try inserter.insert()
            }
        }
    }

    /// Creates a table (replacing one of the same name) and lets `fill` insert
    /// its rows one by one, binding values straight from the caller's own
    /// storage: for tables of a million rows (`kpi_cohorts`), where building
    /// an array per row costs more than SQLite does.
    public func writeTable(name: String, columns: [WarehouseColumn], fill: (inout WarehouseRows) throws -> Void) throws {
        try load(name: name, columns: columns) { inserter in
            var rows = WarehouseRows(inserter: inserter)
            try fill(&rows)
            inserter = rows.inserter
        }
    }

    /// `writeTable(name:columns:rows:)` with every column TEXT.
    public func writeTable(name: String, columns: [String], rows: some Sequence<[String?]>) throws {
        try writeTable(name: name, columns: columns.map { WarehouseColumn($0) }, rows: rows)
    }

    /// Closes the database file. Further use throws.
    public func close() throws {
        do {
            try database.close()
        } catch {
            throw LoaderError.database(path: path, reason: Self.reason(error))
        }
    }

    /// Drops and creates the table, inserts inside one transaction, then
    /// indexes `child_id` (indexing after the load is faster than during it).
    private func load(name: String, columns: [WarehouseColumn],
                      rows: (inout RowInserter) throws -> Void) throws {
        let table = SQLName.quoted(name)
        let definitions = columns.map { "\(SQLName.quoted($0.name)) \($0.kind.rawValue)" }.joined(separator: ", ")
        do {
            try database.inTransaction { db in
                try db.execute(sql: "DROP TABLE IF EXISTS \(table)")
                try db.execute(sql: "CREATE TABLE \(table) (\(definitions))")
                var inserter = try RowInserter(db: db, table: name, columns: columns.map(\.name), path: path)
                try rows(&inserter)
                if columns.contains(where: { $0.name == "child_id" }) {
                    let index = SQLName.quoted(name + "_child_id")
                    try db.execute(sql: "CREATE INDEX \(index) ON \(table) (\"child_id\")")
                }
                return .commit
            }
        } catch let error as LoaderError {
            throw error
        } catch {
            throw LoaderError.database(path: path, reason: Self.reason(error))
        }
    }

    private static func reason(_ error: Error) -> String {
        if let error = error as? DatabaseError {
            return error.message ?? error.description
        }
        return String(describing: error)
    }
}
