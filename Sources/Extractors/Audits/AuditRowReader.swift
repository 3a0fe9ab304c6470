import CSCCore

/// Turns the data rows of one audit export into `audits` and `audit_grades`
/// records, reporting what cannot be read with its line, column and value.
struct AuditRowReader {
    let file: String
    let sink: RecordSink
    private let match: AuditHeaderMatch
    private let domains: [(name: String, column: Int)]
    private let idColumn: Int
    private let childColumn: Int?
    private let dateColumn: Int
    private let auditorColumn: Int?
    private let teamColumn: Int?
    private let workerColumn: Int?
    private let typeColumn: Int?
    private let overallColumn: Int?

    private(set) var rows = 0
    private(set) var audits = 0
    private(set) var grades = 0
    private(set) var withoutChild = 0

    private static let table = CanonicalTable.audits
    private static let auditID = table.index(of: "audit_id")
    private static let childID = table.index(of: "child_id")
    private static let auditDate = table.index(of: "audit_date")
    private static let auditor = table.index(of: "auditor")
    private static let team = table.index(of: "team")
    private static let worker = table.index(of: "worker")
    private static let auditType = table.index(of: "audit_type")
    private static let overallGrade = table.index(of: "overall_grade")

    /// `match` must have every configured column (`missing` empty).
    init(columns: AuditColumns, match: AuditHeaderMatch, file: String, sink: RecordSink) {
        precondition(match.missing.isEmpty, "the reader refuses a header with missing columns")
        self.match = match
        self.file = file
        self.sink = sink
        let found = match.fieldColumns
        idColumn = found[.auditID]!
        dateColumn = found[.auditDate]!
        childColumn = found[.childID]
        auditorColumn = found[.auditor]
        teamColumn = found[.team]
        workerColumn = found[.worker]
        typeColumn = found[.auditType]
        overallColumn = found[.overallGrade]
        domains = zip(columns.domains, match.domainColumns).map { ($0.name, $1!) }
    }

    mutating func read(_ record: CSVRecord) {
        let auditID = record.trimmedString(at: idColumn)
        if auditID.isEmpty, record.isBlank { return }
        rows += 1
        let childID = childColumn.map { record.trimmedString(at: $0) } ?? ""
        record.reportShapeProblems(file: file, dataset: "audits", headerNames: match.names, childID: childID, to: sink)
        guard !auditID.isEmpty else {
            sink.report(Issue(.missingAuditID, dataset: "audits", file: file, line: record.line,
                              column: match.name(idColumn), childID: childID))
            return
        }

        var values = Self.table.emptyValues()
        values[Self.auditID] = auditID
        values[Self.childID] = childID
        values[Self.auditDate] = date(record, childID: childID)
        if let c = auditorColumn { values[Self.auditor] = record.trimmedString(at: c) }
        if let c = teamColumn { values[Self.team] = record.trimmedString(at: c) }
        if let c = workerColumn { values[Self.worker] = record.trimmedString(at: c) }
        values[Self.auditType] = auditType(record, childID: childID)
        if let c = overallColumn {
            values[Self.overallGrade] = grade(record, column: c, dataset: "audits", childID: childID) ?? ""
        }
        let source = SourceLocation(file: file, line: record.line)
        sink.accept(Record(table: Self.table, values: values, source: source))
        audits += 1
        if childID.isEmpty { withoutChild += 1 }

        for domain in domains {
            // nil: not graded, so no row; an unrecognised grade keeps its row, empty.
            guard let grade = grade(record, column: domain.column, dataset: "audit_grades", childID: childID) else {
                continue
            }
            sink.accept(Record(table: .audit_grades, values: [auditID, domain.name, grade], source: source))
            grades += 1
        }
    }

    /// The ISO date, or empty with a `bad-date` issue. A time after the date
    /// (`11/06/2024 14:30`, `2024-06-11T14:30:00`) is ignored.
    private func date(_ record: CSVRecord, childID: String) -> String {
        enum Cell { case blank, day(Day), bad }
        let cell = record.withBytes(at: dateColumn) { bytes -> Cell in
            var start = 0
            var end = bytes.count
            while start < end, Self.isBlank(bytes[start]) { start += 1 }
            while end > start, Self.isBlank(bytes[end - 1]) { end -= 1 }
            if start == end { return .blank }
            if end - start > 10, bytes[start + 10] == UInt8(ascii: " ") || bytes[start + 10] == UInt8(ascii: "T") {
                end = start + 10
            }
            let text = bytes[start..<end]
            guard let day = Day.parseUK(text) ?? Day.parseISO(text) else { return .bad }
            return .day(day)
        }
        switch cell {
        case .day(let day): return day.iso
        case .blank: return ""
        case .bad:
            sink.report(Issue(.badDate, dataset: "audits", file: file, line: record.line,
                              column: match.name(dateColumn), childID: childID, value: record.string(at: dateColumn),
                              message: "not a valid date (DD/MM/YYYY or YYYY-MM-DD)"))
            return ""
        }
    }

    /// The canonical grade; "" with an `unknown-code` issue when unrecognised; nil when not graded.
    private func grade(_ record: CSVRecord, column: Int, dataset: String, childID: String) -> String? {
        let text = record.string(at: column)
        switch AuditGrade.reading(of: text) {
        case .grade(let grade): return grade.rawValue
        case .notGraded: return nil
        case .unrecognised:
            var issue = Issue(.unknownCode, dataset: dataset, file: file, line: record.line,
                              column: match.name(column), childID: childID, value: text, message: "unrecognised grade")
            issue.hint = Rule.unrecognisedGradeHint
            sink.report(issue)
            return ""
        }
    }

    private func auditType(_ record: CSVRecord, childID: String) -> String {
        guard let c = typeColumn else { return AuditTypeCell.inferred(childID: childID) }
        let text = record.string(at: c)
        switch AuditTypeCell.read(text) {
        case .type(let type): return type
        case .blank: return AuditTypeCell.inferred(childID: childID)
        case .unrecognised:
            var issue = Issue(.unknownCode, dataset: "audits", file: file, line: record.line, column: match.name(c),
                              childID: childID, value: text, message: "unrecognised audit type")
            issue.hint = "audit types are case, thematic or moderation (with or without `audit`); blank means case "
                + "when the audit names a child, else thematic"
            sink.report(issue)
            return ""
        }
    }

    private static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
}
