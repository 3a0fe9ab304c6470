/// The fields of one XML element (a HEADER, an EPISODE, an AREVIEW, ...)
/// gathered by column, so the 903 table loaders can read them as they read a
/// CSV row. `names` are the element names as the file writes them (CHILDID,
/// PL), which the exception report names as the column.
struct SSDA903XMLRow: SSDA903Row {
    let names: [String]
    /// Each field's text as written, in UTF-8; empty when the element is absent or empty.
    var values: [[UInt8]]
    /// The line of each field's start tag; 0 when the element is absent.
    var lines: [Int]
    /// The line of the record element's own start tag: the record's `source_line`.
    var line = 0

    init(names: [String]) {
        self.names = names
        values = Array(repeating: [], count: names.count)
        lines = Array(repeating: 0, count: names.count)
    }

    /// Clears every field for the next element of the same kind.
    mutating func reset(line: Int) {
        for i in values.indices where !values[i].isEmpty || lines[i] != 0 {
            values[i].removeAll(keepingCapacity: true)
            lines[i] = 0
        }
        self.line = line
    }

    /// Copies field `from` of `other` into field `to`, with its line.
    mutating func copy(_ to: Int, from other: SSDA903XMLRow, _ from: Int) {
        values[to] = other.values[from]
        lines[to] = other.lines[from]
    }

    /// True when any of `columns` holds more than blanks.
    func hasValue(in columns: [Int]) -> Bool {
        columns.contains { column in withBytes(at: column) { !CellBytes.trimmed($0).isEmpty } }
    }

    func string(at index: Int) -> String {
        guard index >= 0, index < values.count else { return "" }
        return String(decoding: values[index], as: UTF8.self)
    }

    func trimmedString(at index: Int) -> String {
        withBytes(at: index) { String(decoding: CellBytes.trimmed($0), as: UTF8.self) }
    }

    func withCell<R>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        withBytes(at: index, body)
    }

    func withBytes<R, E: Error>(at index: Int, _ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        guard index >= 0, index < values.count else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        let result: Result<R, E> = values[index].withUnsafeBytes { bytes in
            do throws(E) { return .success(try body(bytes)) } catch { return .failure(error) }
        }
        return try result.get()
    }
}
