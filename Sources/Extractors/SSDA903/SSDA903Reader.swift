import CSCCore

/// Reads SSDA903 (children looked after) CSV files into the canonical tables.
///
/// Each file is one 903 table, recognised by its columns. Rows are streamed in
/// constant memory; values are checked against the code lists of the file's
/// collection year, and a value that cannot be read is reported with its line
/// and left empty while its record is still loaded. A file that cannot be
/// read at all is thrown as `UnreadableInput`.
///
/// If the file fails part way through (an unclosed quote), the records before
/// the failure have already been sent; the run must then discard the file's
/// output (a fatal issue stops the run from publishing).
public struct SSDA903Reader: Sendable {
    /// The code book lists the reader checks codes against.
    public static let requiredCodeLists: [String] = SSDA903CodeList.allCases.map(\.bookName)

    public let codes: CodeBook

    public init(codes: CodeBook) {
        self.codes = codes
    }

    /// Reads one 903 CSV file. The table is recognised by its column set (case-insensitive, any order; extra
    /// columns reported once each as a warning and ignored), not by file name. `year` is the pipeline's `year:`;
    /// else the year the file's name (or its folder's) gives (`2024`, `2023-24`, `202324`, `2324`; a bare `2024`
    /// is the collection ending in 2024, 2023-24); else the collection year holding the file's latest event date
    /// (which costs a second pass over the file). Records and issues go to `sink`; issues name `displayName`.
    public func read(path: String, displayName: String, year: CollectionYear?, into sink: RecordSink)
        throws(UnreadableInput) -> SSDA903FileSummary {
        try read(path: path, displayName: displayName, year: year, into: sink, parallelism: .automatic)
    }

    /// `read(path:displayName:year:into:)` with the rows after the header shared out between cores as
    /// `parallelism` says (tests compare a sequential read with parallel ones).
    func read(path: String, displayName: String, year: CollectionYear?, into sink: RecordSink,
              parallelism: CSVParallelism) throws(UnreadableInput) -> SSDA903FileSummary {
        do {
            return try readFile(path: path, displayName: displayName, year: year, into: sink, parallelism: parallelism)
        } catch {
            var issue = error.issue()
            issue.file = displayName
            throw UnreadableInput(issue: issue)
        }
    }

    private func readFile(path: String, displayName: String, year: CollectionYear?, into sink: RecordSink,
                          parallelism: CSVParallelism) throws(SSDA903ReadFailure) -> SSDA903FileSummary {
        let reader = try csv { () throws(CSVError) in try CSVReader(path: path) }
        var headerRecord: CSVHeader?
        var headerProblems: [Issue] = []
        while headerRecord == nil, let record = try csv({ () throws(CSVError) in try reader.next() }) {
            if record.isBlank { continue }
            let header = CSVHeader(names: record.strings, line: record.line)
            headerRecord = header
            headerProblems = record.problems.map { $0.issue(file: displayName, dataset: "file") }
        }
        guard let header = headerRecord else {
            throw .unreadable(Issue(.emptyFile, dataset: "file", file: displayName, line: nil))
        }

        let columns: SSDA903Columns
        let extra: [Int]
        switch SSDA903TableRecognition.recognise(header) {
        case .unknown(let closest, let missing, let matched):
            throw .unreadable(SSDA903TableRecognition.unknownTableIssue(header, closest: closest, missing: missing,
                                                                      matched: matched, file: displayName))
        case .table(let found, let extraColumns):
            columns = found
            extra = extraColumns
        }
        let table = columns.table

        let (collectionYear, yearSource) = try self.year(year, path: path, columns: columns)
        let fields = SSDA903Fields(file: displayName, table: table, names: header.names,
                                   codes: SSDA903YearCodes(codes, year: collectionYear), sink: sink)

        for issue in headerProblems { sink.report(issue) }
        for issue in header.issues(file: displayName, dataset: table.dataset) { sink.report(issue) }
        for column in extra {
            let name = fields.name(column)
            sink.report(Issue(.unexpectedSSDA903Column, dataset: table.dataset, file: displayName, line: header.line,
                              column: name,
                              message: "\(name) is not a column of the SSDA903 \(table.rawValue) table; it is ignored"))
        }
        if yearSource == Self.yearFromCodeLists {
            sink.report(Issue(.collectionYearUnknown, dataset: table.dataset, file: displayName, line: nil,
                              message: "the collection year cannot be told: no `year:` in the pipeline, no year in "
                                + "the file's name and no event dates in it; codes were checked against \(collectionYear)"
                                + (table == .oc3 ? ", which is also the care leavers' year" : "")))
        }

        let counts: SSDA903RowCounts
        let rows = SSDA903Rows(columns: columns, reader: reader, fields: fields,
                               parallelism: parallelism)
        do {
            switch table {
            case .header: counts = try load(SSDA903HeaderLoader(columns), rows)
            case .uasc: counts = try load(SSDA903UASCLoader(columns), rows)
            case .episodes: counts = try load(SSDA903EpisodesLoader(columns), rows)
            case .reviews: counts = try load(SSDA903ReviewsLoader(columns), rows)
            case .missing: counts = try load(SSDA903MissingLoader(columns), rows)
            case .oc3: counts = try load(SSDA903CareLeaversLoader(columns), rows)
            case .ad1: counts = try load(SSDA903AD1Loader(columns), rows)
            case .placedAdoption: counts = try load(SSDA903PlacedAdoptionLoader(columns), rows)
            case .swEpisodes: counts = try load(SSDA903SocialWorkerLoader(columns), rows)
            case .oc2: counts = try load(SSDA903OC2Loader(columns), rows)
            case .prevPerm: counts = try load(SSDA903PrevPermLoader(columns), rows)
            case .doLo: counts = try load(SSDA903DoLoLoader(columns), rows)
            }
        } catch {
            throw .csv(error)
        }
        return SSDA903FileSummary(table: table, collectionYear: collectionYear, yearSource: yearSource,
                                  rows: counts.rows, records: counts.records, encoding: reader.encoding.rawValue)
    }

    static let yearFromCodeLists = "latest code lists"

    /// The pipeline's year, else the file name's, else the data's, else the
    /// newest year the code lists know (reported as unknown by the caller).
    private func year(_ given: CollectionYear?, path: String, columns: SSDA903Columns)
        throws(SSDA903ReadFailure) -> (CollectionYear, String) {
        if let given { return (given, "pipeline") }
        if let named = SSDA903FileYear.year(ofPath: path) { return named }
        let dateColumns = columns.table.eventDateColumns.map { columns[$0] }
        if let latest = try csv({ () throws(CSVError) in try SSDA903LatestEventDate.find(path: path, columns: dateColumns) }) {
            return (CollectionYear(containing: latest), "data")
        }
        return (SSDA903CodeList.latestYear(in: codes) ?? Self.newestKnownYear, Self.yearFromCodeLists)
    }

    /// The newest 903 collection this release knows, for code lists that carry
    /// no years at all (then every year checks the same codes, and only an OC3
    /// file's `year` depends on it).
    static let newestKnownYear = CollectionYear(startYear: 2025)

    /// Streams the rows after the header through `loader` into the sink, on every core for a big file.
    private func load<Loader: SSDA903TableLoader>(
        _ loader: Loader,
        _ rows: SSDA903Rows
    ) throws(CSVError) -> SSDA903RowCounts {
        try rows.reader.consumeRemaining(into: rows.fields.sink, parallelism: rows.parallelism) { sink in
            SSDA903RowConsumer(loader: loader, columns: rows.columns, fields: rows.fields.copy(for: sink))
        }
    }

    /// Runs a CSV read, turning its error into the reader's failure.
    @inline(__always)
    private func csv<T>(_ body: () throws(CSVError) -> T) throws(SSDA903ReadFailure) -> T {
        do {
            return try body()
        } catch {
            throw .csv(error)
        }
    }
}

/// The rows of a 903 file after its header, and how to read them.
private struct SSDA903Rows {
    let columns: SSDA903Columns
    let reader: CSVReader
    let fields: SSDA903Fields
    let parallelism: CSVParallelism
}

/// Why a 903 file could not be read at all.
enum SSDA903ReadFailure: Error {
    case csv(CSVError)
    case unreadable(Issue)

    /// The file's one fatal issue (its `file` still to be set to the display name).
    func issue() -> Issue {
        switch self {
        case .csv(let error): error.issue()
        case .unreadable(let issue): issue
        }
    }
}
