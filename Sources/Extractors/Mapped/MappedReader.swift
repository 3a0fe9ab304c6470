import CSCCore

/// Reads a case-system export (CSV or XML) into one canonical table as its
/// mapping (`MappedExport`) says.
///
/// Rows stream in constant memory; each cell is read from the file's bytes
/// (dates parsed by hand, labels looked up without making a String). A value
/// that cannot be read is reported with its line, column and value and left
/// empty while its record still loads; a label the mapping does not list is
/// an `unknown-code` issue carrying the label, never a guess. A CSV export
/// missing a required column is refused as a whole (`mapped-column-missing`),
/// an optional one is read as empty with one warning. A file that cannot be
/// read at all is thrown as `UnreadableInput`; records before a failure part
/// way through have already been sent, and the run must not publish.
public struct MappedReader: Sendable {
    public let export: MappedExport

    /// How many rows at the top of a CSV export may be titles above the header.
    public static let headerSearchRows = 10

    public init(export: MappedExport) {
        self.export = export
    }

    /// Reads `path` into `sink`; issues and records name `displayName`.
    public func read(path: String, displayName: String, into sink: RecordSink) throws(UnreadableInput) -> MappedFileSummary {
        try read(path: path, displayName: displayName, into: sink, parallelism: .automatic)
    }

    /// `read(path:displayName:into:)` with a big CSV export's rows shared out between cores as `parallelism`
    /// says (tests compare a sequential read with parallel ones).
    func read(path: String, displayName: String, into sink: RecordSink,
              parallelism: CSVParallelism) throws(UnreadableInput) -> MappedFileSummary {
        switch export.format {
        case .csv: return try readCSV(path: path, displayName: displayName, into: sink, parallelism: parallelism)
        case .xml(let recordPath):
            return try MappedXMLReading(export: export, recordPath: recordPath)
                .read(path: path, displayName: displayName, into: sink)
        }
    }

    /// The header of a CSV export and how the mapping's sources match it,
    /// reading only the first few rows (what `cscpipe validate` checks).
    /// Nil for an XML export, whose elements may be absent from any record.
    public func matchHeader(path: String, displayName: String) throws(UnreadableInput) -> (header: CSVHeader, match: MappedHeaderMatch)? {
        guard case .csv = export.format else { return nil }
        do {
            let (_, header, match) = try openAtHeader(path: path, displayName: displayName)
            return (header, match)
        } catch {
            throw UnreadableInput(issue: Self.fileIssue(error, displayName))
        }
    }

    private func readCSV(path: String, displayName: String, into sink: RecordSink,
                         parallelism: CSVParallelism) throws(UnreadableInput) -> MappedFileSummary {
        let table = export.table.name
        let counts: MappedRowCounts
        let reader: CSVReader
        do {
            let (opened, header, match) = try openAtHeader(path: path, displayName: displayName)
            reader = opened
            if !match.missing.isEmpty {
                let message = match.missing.map(\.message).joined(separator: "; ")
                throw UnreadableInput(issue: Issue(.mappedColumnMissing, dataset: table, file: displayName,
                                                   line: header.line,
                                                   column: match.missing.map { $0.source.description }.joined(separator: ", "),
                                                   message: "\(message): \(export.mappingFile) needs it, so the file is not read"))
            }
            for issue in header.issues(file: displayName, dataset: table) { sink.report(issue) }
            for gap in match.absent {
                sink.report(Issue(.mappedColumnAbsent, dataset: table, file: displayName, line: header.line,
                                  column: gap.source.description,
                                  message: "\(gap.message); \(export.mappingFile) marks it optional, so it is read as empty"))
            }
            let names = match.columns.enumerated().map { i, column in
                column.map { header.names[$0] } ?? export.sources[i].description
            }
            counts = try reader.consumeRemaining(into: sink, parallelism: parallelism) { sink in
                // A file name of its own per core: records made on different cores then count no reference in common.
                let file = String(decoding: Array(displayName.utf8), as: UTF8.self)
                return MappedRowConsumer(builder: MappedRecordBuilder(export: export, cells: match.columns, names: names,
                                                                      file: file, sink: sink),
                                         names: header.names)
            }
        } catch let error as UnreadableInput {
            throw error
        } catch let error as CSVError {
            throw UnreadableInput(issue: Self.fileIssue(error, displayName))
        } catch {
            preconditionFailure("unexpected error \(error)")
        }
        return MappedFileSummary(rows: counts.rows, records: counts.records, filteredOut: counts.filteredOut, format: "csv",
                                 encoding: reader.encoding.rawValue)
    }

    /// Finds the header among the first rows (the row that has most of the
    /// mapping's sources; the first non-blank row when none has any) and
    /// returns a reader standing on the row after it.
    private func openAtHeader(path: String, displayName: String) throws -> (CSVReader, CSVHeader, MappedHeaderMatch) {
        let reader = try CSVReader(path: path)
        var candidates: [(line: Int, names: [String], match: MappedHeaderMatch)] = []
        while candidates.count < Self.headerSearchRows {
            let next: CSVRecord?
            do {
                next = try reader.next()
            } catch {
                // A broken data row below a header already found is the data's problem, for the read to report.
                if candidates.isEmpty { throw error }
                break
            }
            guard let record = next else { break }
            if record.isBlank { continue }
            let names = record.strings
            let match = MappedHeaderMatch(export: export, names: names)
            candidates.append((record.line, names, match))
            // Every source found: this is the header, and the reader stands just after it.
            if match.missing.isEmpty, match.absent.isEmpty { break }
        }
        guard let first = candidates.first else {
            throw UnreadableInput(issue: Issue(.emptyFile, dataset: "file", file: displayName, line: nil))
        }
        var best = first
        for candidate in candidates where candidate.match.found > best.match.found { best = candidate }
        let header = CSVHeader(names: best.names, line: best.line,
                               skippedRows: candidates.firstIndex { $0.line == best.line } ?? 0)
        if best.line == candidates.last?.line { return (reader, header, best.match) }
        // A title row won over later rows: read again from the start, up to the header.
        let again = try CSVReader(path: path)
        while let record = try again.next(), record.line < best.line {}
        return (again, header, best.match)
    }

    private static func fileIssue(_ error: any Error, _ displayName: String) -> Issue {
        if let unreadable = error as? UnreadableInput { return unreadable.issue }
        var issue = (error as? CSVError)?.issue() ?? Issue(.unreadableFile, dataset: "file", file: displayName, line: nil,
                                                           message: "\(error)")
        issue.file = displayName
        return issue
    }
}
