/// The cells of one export record, however the file holds them (a CSV row,
/// the fields of an XML record), as bytes.
protocol MappedCells {
    /// Calls `body` with the UTF-8 bytes of cell `index` (empty when absent); valid only inside `body`.
    func withCell<R>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R
    /// The cell exactly as written, for an issue's value.
    func string(_ index: Int) -> String
}

extension CSVRecord: MappedCells {
    @inline(__always)
    func withCell<R>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        withBytes(at: index, body)
    }

    func string(_ index: Int) -> String { string(at: index) }
}
