/// One row of a 903 table, however the file wrote it: a CSV record, or the
/// fields of one XML element gathered by column. The table loaders read rows
/// through this, so the XML form is checked by the very code that checks the CSV.
protocol SSDA903Row {
    /// Cell `index` exactly as written.
    func string(at index: Int) -> String
    /// Cell `index` without surrounding blanks.
    func trimmedString(at index: Int) -> String
    /// Calls `body` with the UTF-8 bytes of cell `index` (empty when absent).
    // Not throwing: a closure passed to a typed-throws generic was not inlined
    // into the 903 loaders' hot path, and calling it cost a tenth of a row.
    func withCell<R>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R
}

extension CSVRecord: SSDA903Row {}
