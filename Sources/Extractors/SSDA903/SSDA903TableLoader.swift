import CSCCore

/// Where each of a 903 table's columns is in one file: files may order
/// columns freely and add others, so positions are found once, from the
/// header, and rows are then read by position.
struct SSDA903Columns {
    let table: SSDA903Table
    /// The file column of each of `table.columns`, in that order.
    let indices: [Int]

    /// The file column of the DfE column `name`. A name the table does not
    /// have is a programming error, caught by the tests.
    subscript(name: String) -> Int {
        guard let i = table.columns.firstIndex(of: name) else {
            preconditionFailure("\(table.rawValue) has no column \(name)")
        }
        return indices[i]
    }
}

/// How the rows of one 903 table become canonical records.
protocol SSDA903TableLoader {
    init(_ columns: SSDA903Columns)

    /// The canonical values of a row whose child id (`fields.childID`) is
    /// present, in the canonical table's column order. Unreadable values are
    /// reported through `fields` and left empty.
    func values(_ record: some SSDA903Row, _ fields: SSDA903Fields) -> [String]
}
