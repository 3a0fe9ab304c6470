import CSCCore

/// One record from a 903 file, with the 903 table it was read from: two
/// tables (Header, UASC) both give `children` records, so the canonical table
/// alone cannot say which integrity rule applies.
struct SSDA903IntegrityRow {
    /// The 903 table name as the DfE spells it (`Header`, `UASC`, `Episodes`).
    let table: String
    let record: Record
    /// Position in the input, so rows with the same file and line keep the order the reader gave them.
    let position: Int

    var file: String { record.source.file }
    var line: Int? { record.source.lineNumber }
    var dataset: String { record.table.name }
    var childID: String { value("child_id") }

    /// The value of a canonical column, or "" when this record's table has no such column.
    func value(_ column: String) -> String {
        guard let i = record.table.columns.firstIndex(of: column) else { return "" }
        return record.values[i]
    }

    /// Where this row is, told from `other`'s point of view: the line alone
    /// when both are in the same file (the common case for CSV tables read
    /// one per file, and for XML), else the line and the file.
    func place(seenFrom other: SSDA903IntegrityRow) -> String {
        file == other.file ? "line \(record.source.line)" : "line \(record.source.line) of \(file)"
    }

    /// File, then line (numeric, a sheet reference after numbers), then the reader's order.
    static func inFileOrder(_ a: SSDA903IntegrityRow, _ b: SSDA903IntegrityRow) -> Bool {
        if a.file != b.file { return a.file < b.file }
        switch (a.line, b.line) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.position < b.position
        }
    }
}

/// A canonical ISO date as the 903 writes it (DD/MM/YYYY); anything else as it is.
func ukDate(_ iso: String) -> String {
    Day(iso: iso)?.ukFormat ?? iso
}
