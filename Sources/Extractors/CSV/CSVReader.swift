/// The product's one CSV reader: streams an RFC 4180 file of any size in
/// constant memory and hands out one record at a time.
///
/// Handles quoted cells with doubled quotes, commas and line breaks inside
/// quotes, LF / CRLF / CR line ends, a last line without a line end, and
/// skips blank lines while still counting them, so `CSVRecord.line` is the
/// line a text editor shows. UTF-8 (with or without BOM), UTF-16 and
/// Windows-1252 files are all delivered as UTF-8.
///
/// ```swift
/// let reader = try CSVReader(path: path)
/// while let record = try reader.next() {
///     let id = record.string(at: 0)
/// }
/// ```
public final class CSVReader {
    /// The path as the caller gave it; errors and issues name the file by it.
    public let path: String
    var scanner: CSVScanner
    private var failure: CSVError?
    /// Bumped by every `next()`; a `CSVRecord` from an earlier call refuses to
    /// read. Behind a pointer so records check it without exclusivity tracking.
    let generation: UnsafeMutablePointer<Int>

    static let defaultChunkSize = 1 << 20
    static let defaultMaxRecordBytes = 64 << 20

    /// Opens `path` for reading; nothing is read until the first `next()`.
    public convenience init(path: String) throws(CSVError) {
        try self.init(path: path, chunkSize: Self.defaultChunkSize)
    }

    init(path: String, chunkSize: Int, maxRecordBytes: Int = defaultMaxRecordBytes) throws(CSVError) {
        scanner = try CSVScanner(path: path, chunkSize: chunkSize, maxRecordBytes: maxRecordBytes)
        self.path = path
        generation = .allocate(capacity: 1)
        generation.initialize(to: 0)
    }

    /// A reader over one segment of a file already in memory (see
    /// `CSVSegments`); it owns `bytes`, whose first record starts on `line`.
    init(path: String, segment bytes: UnsafeMutablePointer<UInt8>, count: Int, capacity: Int, line: Int) {
        scanner = CSVScanner(path: path, segment: bytes, count: count, capacity: capacity, line: line)
        self.path = path
        generation = .allocate(capacity: 1)
        generation.initialize(to: 0)
    }

    deinit {
        scanner.release()
        generation.deallocate()
    }

    /// The encoding found. Set by the first `next()`; a file that looks like
    /// UTF-8 until a Windows-1252 byte appears further on changes to
    /// `.windows1252` there, so read this after the last record for the manifest.
    public var encoding: CSVEncoding { scanner.encoding }

    /// The next record, or nil at the end of the file. The record can be read
    /// until the following call to `next()`; copy out what must outlive that.
    /// After an error every later call throws the same error.
    public func next() throws(CSVError) -> CSVRecord? {
        if let failure { throw failure }
        generation.pointee &+= 1
        do {
            guard let scanned = try scanner.next() else { return nil }
            return CSVRecord(reader: self, generation: generation.pointee, scanned: scanned)
        } catch {
            failure = error
            throw error
        }
    }

    /// Reads up to `limit` records, takes the row that best matches `expected`
    /// as the header (see `CSVHeader.find`) and leaves the reader on the first
    /// record after it. Returns nil, with the reader back at the start, when no
    /// row matches any expected name. Call it before the first `next()`: it
    /// reads from the start of the file whatever was read before.
    public func readHeader(expecting expected: [String], within limit: Int = 10) throws(CSVError) -> CSVHeader? {
        var rows: [[String]] = []
        var lines: [Int] = []
        while rows.count < limit, let record = try next() {
            rows.append(record.strings)
            lines.append(record.line)
        }
        let header = CSVHeader.find(in: rows, lines: lines, expected: expected)
        generation.pointee &+= 1
        try scanner.rewind()
        failure = nil
        if let header {
            for _ in 0...header.skippedRows { _ = try next() }
        }
        return header
    }

    /// Remembers `error` so that every later `next()` throws it too.
    func fail(_ error: CSVError) -> CSVError {
        failure = error
        return error
    }

    /// Problems of the record last scanned.
    var problems: [CSVProblem] { scanner.problems }
}
