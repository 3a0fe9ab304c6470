import CSCCore
import Foundation
import GRDB
import GRDBSQLite

/// The warehouse's bulk-insert fast path: one prepared GRDB statement whose
/// parameters are bound with `sqlite3_bind_text` directly.
///
/// GRDB's `StatementArguments` path builds a `DatabaseValue` per value and
/// loads about 96 k rows/s; binding raw is over twice as fast
/// (specs/swift-notes.md §5). An empty string is bound as NULL: the warehouse
/// never holds `''`.
struct RowInserter {
    private let statement: Statement
    private let handle: OpaquePointer
    private let path: String
    private let tableName: String
    /// SQLITE_TRANSIENT: SQLite copies the bytes, as Swift only lends them for the call.
    private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    private var bindFailure: Int32 = SQLITE_OK

    init(db: Database, table: String, columns: [String], path: String) throws {
        let names = columns.map(SQLName.quoted).joined(separator: ", ")
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        statement = try db.makeStatement(
            sql: "INSERT INTO \(SQLName.quoted(table)) (\(names)) VALUES (\(marks))")
        handle = statement.sqliteStatement
        self.path = path
        tableName = table
    }

    /// Binds `value` to the 1-based parameter `index`; empty becomes NULL.
    @inline(__always)
    mutating func bind(_ index: Int32, _ value: String) {
        if value.isEmpty {
            note(sqlite3_bind_null(handle, index))
            return
        }
        let h = handle, t = transient
        let code = value.utf8.withContiguousStorageIfAvailable { bytes in
            sqlite3_bind_text(h, index, UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self),
                              Int32(bytes.count), t)
        } ?? {
            var copy = value
            return copy.withUTF8 { bytes in
                sqlite3_bind_text(h, index, UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self),
                                  Int32(bytes.count), t)
            }
        }()
        note(code)
    }

    /// Binds an optional value; nil and empty both become NULL.
    @inline(__always)
    mutating func bind(_ index: Int32, _ value: String?) {
        if let value { bind(index, value) } else { note(sqlite3_bind_null(handle, index)) }
    }

    /// Binds an optional integer; nil becomes NULL.
    @inline(__always)
    mutating func bind(_ index: Int32, _ value: Int?) {
        if let value {
            note(sqlite3_bind_int64(handle, index, sqlite3_int64(value)))
        } else {
            note(sqlite3_bind_null(handle, index))
        }
    }

    /// Binds where a record came from: a line number as a number, which the
    /// TEXT `source_line` column stores as its text, like a spreadsheet place.
    @inline(__always)
    mutating func bind(_ index: Int32, lineOf source: SourceLocation) {
        if let line = source.lineNumber { bind(index, line) } else { bind(index, source.line) }
    }

    /// Inserts the row bound so far and readies the statement for the next.
    mutating func insert() throws {
        if bindFailure != SQLITE_OK {
            let code = bindFailure
            bindFailure = SQLITE_OK
            throw failure(code)
        }
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else { throw failure(code) }
    }

    @inline(__always)
    private mutating func note(_ code: Int32) {
        if code != SQLITE_OK && bindFailure == SQLITE_OK { bindFailure = code }
    }

    private func failure(_ code: Int32) -> LoaderError {
        let message = sqlite3_db_handle(handle).flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(code))
        return LoaderError.database(path: path, reason: "inserting into \(tableName): \(message)")
    }
}

/// SQL identifiers, always double-quoted: `column` is an SQL keyword and table
/// names added later (KPI tables) come from configuration.
enum SQLName {
    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
