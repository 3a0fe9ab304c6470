import CSCCore

/// One record of a CSV file, as `CSVReader.next()` hands it out.
///
/// A record is a view into the reader's buffer: cells are read on demand and
/// no `String` is made for a cell nobody asks for. It is valid until the
/// reader's next `next()`; reading it after that stops the program, so copy
/// out (`strings`, `string(at:)`) what must be kept.
///
/// Cells past the end of a short row read as empty: compare `count` with the
/// header to report the row (`raggedRowIssue`).
public struct CSVRecord {
    // Unowned: a record is read inside the loop over `reader.next()`, while the
    // reader is alive, and counting a reference per row cost two atomic
    // operations for nothing.
    private unowned(unsafe) let reader: CSVReader
    private let generation: Int
    private let buffer: UnsafePointer<UInt8>
    private let fields: UnsafePointer<CSVScanner.FieldSpan>
    /// The record has problems to report (`problems` is not empty).
    let hasProblems: Bool
    /// 1-based physical line the record starts on, as a text editor shows it.
    public let line: Int
    /// Number of cells in the record.
    public let count: Int

    init(reader: CSVReader, generation: Int, scanned: CSVScanner.Scanned) {
        self.reader = reader
        self.generation = generation
        buffer = scanned.buffer
        fields = scanned.fields
        hasProblems = scanned.hasProblems
        line = scanned.line
        count = scanned.count
    }

    @inline(__always)
    private func checkValid() {
        precondition(reader.generation.pointee == generation, "CSVRecord read after its reader moved on")
    }

    /// Cell `index` exactly as written (quotes removed, doubled quotes undone, spaces kept).
    public func string(at index: Int) -> String {
        checkValid()
        guard index >= 0, index < count else { return "" }
        let span = fields[index]
        if !span.decode {
            return CellBytes.string(UnsafeRawBufferPointer(start: buffer + span.start, count: span.end - span.start))
        }
        return String(unsafeUninitializedCapacity: span.end - span.start) { unescape(span, into: $0.baseAddress!) }
    }

    /// Cell `index` without surrounding spaces, tabs, line breaks or no-break spaces.
    public func trimmedString(at index: Int) -> String {
        withBytes(at: index) { CellBytes.string(CellBytes.trimmed($0)) }
    }

    /// Calls `body` with the UTF-8 bytes of cell `index` (empty past the end of
    /// the row). The bytes are valid only inside `body`.
    @inline(__always)
    public func withBytes<R, E: Error>(at index: Int, _ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        checkValid()
        guard index >= 0, index < count else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        let span = fields[index]
        if !span.decode {
            return try body(UnsafeRawBufferPointer(start: buffer + span.start, count: span.end - span.start))
        }
        let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: span.end - span.start)
        defer { bytes.deallocate() }
        return try body(UnsafeRawBufferPointer(start: bytes, count: unescape(span, into: bytes)))
    }

    /// True when cell `index` is empty or past the end of the row.
    public func isEmpty(at index: Int) -> Bool {
        checkValid()
        guard index >= 0, index < count else { return true }
        // A cell that needs unescaping always has a value: a quote or text after its quotes.
        let span = fields[index]
        return !span.decode && span.end == span.start
    }

    /// Every cell is empty, as in the rows of commas Excel leaves after cleared rows.
    public var isBlank: Bool {
        (0..<count).allSatisfy { isEmpty(at: $0) }
    }

    /// All cells as strings, as written.
    public var strings: [String] {
        (0..<count).map { string(at: $0) }
    }

    /// What the reader had to work around in this record (stray quotes, a non-UTF-8 byte).
    public var problems: [CSVProblem] {
        checkValid()
        return hasProblems ? reader.problems : []
    }

    /// The `ragged-row` warning when the record does not have `headerCount` cells, else nil.
    public func raggedRowIssue(headerCount: Int, dataset: String, childID: String = "") -> Issue? {
        guard count != headerCount else { return nil }
        return Issue(.csvRaggedRow, dataset: dataset, file: reader.path, line: line, childID: childID,
                     message: "the row has \(count) cells but the header has \(headerCount)")
    }

    /// Reports what is wrong with the row's shape as issues of `file` (the
    /// name the report shows): each CSV problem under its column's header name
    /// with the cell as written, and a cell count other than the header's. A
    /// clean row costs two tests.
    @inline(__always)
    func reportShapeProblems(file: String, dataset: String, headerNames: [String], childID: String = "",
                             to sink: RecordSink) {
        if hasProblems || count != headerNames.count {
            reportShape(file: file, dataset: dataset, headerNames: headerNames, childID: childID, to: sink)
        }
    }

    @inline(never)
    private func reportShape(file: String, dataset: String, headerNames: [String], childID: String,
                             to sink: RecordSink) {
        for problem in problems {
            let column = problem.field < headerNames.count ? headerNames[problem.field] : ""
            sink.report(problem.issue(file: file, dataset: dataset, column: column, childID: childID,
                                      value: string(at: problem.field)))
        }
        if var ragged = raggedRowIssue(headerCount: headerNames.count, dataset: dataset, childID: childID) {
            ragged.file = file
            sink.report(ragged)
        }
    }

    /// Writes the value of a `decode` cell: `""` inside quotes is one quote,
    /// and text after the closing quote is kept as written (Python's csv does the same).
    private func unescape(_ span: CSVScanner.FieldSpan, into dst: UnsafeMutablePointer<UInt8>) -> Int {
        let b = buffer
        var out = 0
        var i = span.start + 1
        var inQuotes = true
        while i < span.end {
            let c = b[i]
            if inQuotes, c == CSVByte.quote {
                if i + 1 < span.end, b[i + 1] == CSVByte.quote {
                    dst[out] = CSVByte.quote
                    out += 1
                    i += 2
                } else {
                    inQuotes = false
                    i += 1
                }
                continue
            }
            dst[out] = c
            out += 1
            i += 1
        }
        return out
    }
}
