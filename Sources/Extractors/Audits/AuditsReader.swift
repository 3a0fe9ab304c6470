import CSCCore

/// Reads a case-audit tool's CSV export into the canonical `audits` and
/// `audit_grades` tables, with the column names the pipeline gives.
///
/// One row is one audit: its reference, child (empty for a thematic audit,
/// which still loads), date (`DD/MM/YYYY` or `YYYY-MM-DD`, a time after it
/// ignored), auditor, team, worker, overall judgement and a grade per domain.
/// Grades are read with `AuditGrade.reading(of:)`: an unrecognised grade is an
/// `unknown-code` issue and stays empty (its `audit_grades` row is kept), a
/// blank or not-graded domain makes no row. A row with no audit id is a
/// `missing-audit-id` error and is not loaded. The same audit exported twice
/// is two records of one key; the merge keeps the later row's values.
///
/// A file whose header lacks a configured column is not read: it is thrown as
/// `UnreadableInput` with an `audit-column-missing` issue naming each absent
/// heading and the header names closest to it.
public struct AuditsReader: Sendable {
    public let columns: AuditColumns

    public init(columns: AuditColumns) {
        self.columns = columns
    }

    /// Finds the header among the file's first rows (title rows above it are
    /// skipped) and matches the configured columns, without reading any data;
    /// for `cscpipe validate`. Check `missing` of the result.
    public func matchHeader(path: String, displayName: String) throws(UnreadableInput) -> AuditHeaderMatch {
        do {
            let reader = try csv { () throws(CSVError) in try CSVReader(path: path) }
            return try findHeader(reader, displayName: displayName).match
        } catch {
            throw UnreadableInput(issue: error.issue(displayName: displayName))
        }
    }

    /// Reads one export; records and issues go to `sink`, issues name `displayName`.
    ///
    /// If the file fails part way through (an unclosed quote), the records
    /// before the failure have already been sent; the run must then discard
    /// the file's output (a fatal issue stops the run from publishing).
    public func read(path: String, displayName: String, into sink: RecordSink) throws(UnreadableInput) -> AuditsFileSummary {
        do {
            return try readFile(path: path, displayName: displayName, into: sink)
        } catch {
            throw UnreadableInput(issue: error.issue(displayName: displayName))
        }
    }

    private func readFile(path: String, displayName: String, into sink: RecordSink)
        throws(AuditsReadFailure) -> AuditsFileSummary {
        let reader = try csv { () throws(CSVError) in try CSVReader(path: path) }
        let (match, headerIssues) = try findHeader(reader, displayName: displayName)
        guard match.missing.isEmpty else {
            throw .unreadable(Issue(.auditColumnMissing, dataset: "audits", file: displayName, line: match.line,
                                    column: match.missing[0].heading, message: match.missingMessage))
        }
        for issue in headerIssues { sink.report(issue) }
        var rows = AuditRowReader(columns: columns, match: match, file: displayName, sink: sink)
        while let record = try csv({ () throws(CSVError) in try reader.next() }) {
            rows.read(record)
        }
        return AuditsFileSummary(rows: rows.rows, audits: rows.audits, grades: rows.grades,
                                 withoutChild: rows.withoutChild, encoding: reader.encoding.rawValue)
    }

    /// The header row and the configured columns' places in it, plus the
    /// warnings its row gave; leaves `reader` on the first data row.
    private func findHeader(_ reader: CSVReader, displayName: String)
        throws(AuditsReadFailure) -> (match: AuditHeaderMatch, issues: [Issue]) {
        var found = try csv { () throws(CSVError) in try reader.readHeader(expecting: columns.allHeadings) }
        // No row has any configured heading: report against the first row that has anything.
        while found == nil, let record = try csv({ () throws(CSVError) in try reader.next() }) {
            if !record.isBlank { found = CSVHeader(names: record.strings, line: record.line) }
        }
        guard let found else {
            throw .unreadable(Issue(.emptyFile, dataset: "file", file: displayName, line: nil))
        }
        let match = AuditHeaderMatch(columns: columns, names: found.names, line: found.line)
        return (match, found.issues(file: displayName, dataset: "audits"))
    }

    /// Runs a CSV read, turning its error into the reader's failure.
    @inline(__always)
    private func csv<T>(_ body: () throws(CSVError) -> T) throws(AuditsReadFailure) -> T {
        do {
            return try body()
        } catch {
            throw .csv(error)
        }
    }
}

/// Why an audit export could not be read at all.
enum AuditsReadFailure: Error {
    case csv(CSVError)
    case unreadable(Issue)

    /// The file's one fatal issue, naming the file as the pipeline gave it.
    func issue(displayName: String) -> Issue {
        var issue: Issue
        switch self {
        case .csv(let error): issue = error.issue()
        case .unreadable(let found): issue = found
        }
        issue.file = displayName
        return issue
    }
}
