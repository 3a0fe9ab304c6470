import CSCCore

/// Reads the cells of one 903 file's rows into canonical values and reports
/// what cannot be read.
///
/// Each reader returns the canonical text, or an empty string after reporting
/// the original value: a value that cannot be read is never guessed at, and
/// its record is still loaded.
struct SSDA903Fields {
    let file: String
    let table: SSDA903Table
    let dataset: String
    /// Header names as written in the file (without surrounding blanks), by column: the report's `column`.
    let names: [String]
    let codes: SSDA903YearCodes
    let sink: RecordSink
    /// The ISO text of dates already read.
    let isoDates = ISODateTexts()
    /// The row being read, for the issues it raises.
    var line = 0
    var childID = ""

    init(file: String, table: SSDA903Table, names: [String], codes: SSDA903YearCodes, sink: RecordSink) {
        self.file = file
        self.table = table
        dataset = table.dataset
        self.names = names.map(Self.withoutSurroundingBlanks)
        self.codes = codes
        self.sink = sink
    }

    private init(copying other: SSDA903Fields, sink: RecordSink) {
        // A String of its own: records made on different cores then count no reference in common.
        file = String(decoding: Array(other.file.utf8), as: UTF8.self)
        table = other.table
        dataset = other.dataset
        names = other.names
        codes = other.codes.copy()
        self.sink = sink
    }

    /// The same fields sending to `sink`, with code tables of their own (one per core).
    func copy(for sink: RecordSink) -> SSDA903Fields {
        SSDA903Fields(copying: self, sink: sink)
    }

    var year: CollectionYear { codes.year }

    private static func withoutSurroundingBlanks(_ name: String) -> String {
        let scalars = name.unicodeScalars
        func isBlank(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\u{A0}" }
        guard let first = scalars.firstIndex(where: { !isBlank($0) }),
              let last = scalars.lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(scalars[first...last])
    }

    func name(_ column: Int) -> String { column < names.count ? names[column] : "" }

    /// Reports the cell's value untouched, as the exception report requires.
    func report(_ rule: Rule, _ record: some SSDA903Row, _ column: Int, message: String? = nil) {
        sink.report(Issue(rule, dataset: dataset, file: file, line: line, column: name(column), childID: childID,
                          value: record.string(at: column), message: message))
    }

    /// A cell as written, without surrounding blanks (ids, URNs, free text).
    @inline(__always)
    func text(_ record: some SSDA903Row, _ column: Int) -> String { record.trimmedString(at: column) }

    /// A `DD/MM/YYYY` date as ISO `YYYY-MM-DD`.
    @inline(__always)
    func date(_ record: some SSDA903Row, _ column: Int) -> String {
        let isoDates = self.isoDates
        let iso: String? = record.withCell(column) { raw in
            let b = CellBytes.trimmed(raw)
            if b.isEmpty { return "" }
            guard let d = SSDA903Bytes.ukDate(b) else { return nil }
            return isoDates.text(year: d.year, month: d.month, day: d.day)
        }
        if let iso { return iso }
        reportBadDate(record, column)
        return ""
    }

    /// Checks a date the canonical model has no column for.
    func checkDate(_ record: some SSDA903Row, _ column: Int) {
        let ok = record.withCell(column) { raw in
            let b = CellBytes.trimmed(raw)
            return b.isEmpty || SSDA903Bytes.ukDate(b) != nil
        }
        if !ok { reportBadDate(record, column) }
    }

    private func reportBadDate(_ record: some SSDA903Row, _ column: Int) {
        let iso = record.withCell(column) { SSDA903Bytes.looksISO(CellBytes.trimmed($0)) }
        report(.badDate, record, column, message: iso
            ? "not a valid date: SSDA903 dates are written DD/MM/YYYY, and this one is YYYY-MM-DD" : nil)
    }

    /// A code valid in the file's collection year, as the canonical model stores it.
    @inline(__always)
    func code(_ record: some SSDA903Row, _ column: Int, _ list: SSDA903CodeList) -> String {
        let codes = self.codes
        let canonical: String? = record.withCell(column) { raw in
            let b = CellBytes.trimmed(raw)
            return b.isEmpty ? "" : codes.canonical(list, b)
        }
        if let canonical { return canonical }
        reportUnknownCode(record, column, list)
        return ""
    }

    func reportUnknownCode(_ record: some SSDA903Row, _ column: Int, _ list: SSDA903CodeList, detail: String = "") {
        let code = record.trimmedString(at: column)
        var message = "\(code) is not a valid \(list.field) code in \(year)"
        if let validity = codes[list].validity(of: code) { message += " (\(validity))" }
        sink.report(Issue(.unknownCode, dataset: dataset, file: file, line: line, column: name(column),
                          childID: childID, value: record.string(at: column), message: message + detail))
    }

    /// A postcode, kept as written; a warning when it is not the shape of a full UK postcode.
    @inline(__always)
    func postcode(_ record: some SSDA903Row, _ column: Int) -> String {
        let (value, ok) = record.withCell(column) { raw in
            let b = CellBytes.trimmed(raw)
            return (CellBytes.string(b), b.isEmpty || SSDA903Bytes.isPostcode(b))
        }
        if !ok { report(.badSSDA903Postcode, record, column) }
        return value
    }

    /// A `0`/`1` field, or empty (reported) when it is anything else.
    @discardableResult
    func flag(_ record: some SSDA903Row, _ column: Int) -> String {
        let ok = record.withCell(column) { raw in
            let b = CellBytes.trimmed(raw)
            return b.isEmpty || (b.count == 1 && (b[0] == 0x30 || b[0] == 0x31))
        }
        if !ok {
            report(.badValue, record, column, message: "\(name(column)) must be 0 or 1")
            return ""
        }
        return text(record, column)
    }

    /// A whole number within `range`, or empty (reported) when it is anything else.
    @discardableResult
    func wholeNumber(_ record: some SSDA903Row, _ column: Int, in range: ClosedRange<Int>) -> String {
        let ok = record.withCell(column) { raw in
            let b = CellBytes.trimmed(raw)
            if b.isEmpty { return true }
            guard b.count <= 9, let n = SSDA903Bytes.number(b, 0, b.count) else { return false }
            return range.contains(n)
        }
        if !ok {
            report(.badValue, record, column,
                   message: "\(name(column)) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            return ""
        }
        return text(record, column)
    }
}
