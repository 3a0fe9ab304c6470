import CSCCore

/// Reads SSDA903 (children looked after) returns in their XML form, an
/// `EXPSSDA903` file of CHILD elements, into the same canonical records as
/// the 903 CSV reader.
///
/// The file is streamed in constant memory, one CHILD at a time. Every field
/// is read and checked by the CSV reader's own table loaders, so a value
/// gives the same canonical text and the same issue in either form; an issue
/// names the line of the offending element and the element as its column. A
/// record's `source_line` is the line of its element's start tag (HEADER for
/// the child, AD1 and OC3 rows; each EPISODE, AREVIEW, AMISSING, AD_PLACED).
/// A file that cannot be read at all is thrown as `UnreadableInput`; records of
/// the children before a failure part way through have already been sent.
public struct SSDA903XMLReader: Sendable {
    public let codes: CodeBook

    public init(codes: CodeBook) {
        self.codes = codes
    }

    /// Reads `path`; records and issues go to `sink`; issues name `displayName`.
    /// The collection year is `year` (the pipeline's), else the one holding the
    /// latest DECOM or DEC (which costs a first pass over the file), else the
    /// newest the code lists know, reported as `collection-year-unknown`.
    public func read(path: String, displayName: String, year: CollectionYear?, into sink: RecordSink)
        throws(UnreadableInput) -> SSDA903XMLSummary {
        let (collectionYear, yearSource) = try self.year(year, path: path, displayName: displayName)
        let xml = try open(path, displayName)
        let loading = SSDA903XMLLoading(file: displayName, codes: SSDA903YearCodes(codes, year: collectionYear),
                                        sink: sink)
        var parser = SSDA903XMLParser(interning: xml.name, loading: loading, sink: sink)
        if yearSource == SSDA903Reader.yearFromCodeLists {
            sink.report(Issue(.collectionYearUnknown, dataset: "file", file: displayName, line: nil,
                              message: "the collection year cannot be told: no `year:` in the pipeline and no episode "
                                + "dates in the file; codes were checked against \(collectionYear), which is also "
                                + "the care leavers' year"))
        }
        do {
            try xml.parse(&parser)
        } catch {
            throw Self.unreadable(error, file: displayName, path: path)
        }
        if let failure = parser.failure { throw UnreadableInput(issue: failure) }
        return SSDA903XMLSummary(collectionYear: collectionYear, yearSource: yearSource, children: parser.children,
                                 records: parser.records)
    }

    private func open(_ path: String, _ displayName: String) throws(UnreadableInput) -> XMLPushParser {
        do {
            return try XMLPushParser(path: path)
        } catch {
            throw Self.unreadable(error, file: displayName, path: path)
        }
    }

    private func year(_ given: CollectionYear?, path: String, displayName: String)
        throws(UnreadableInput) -> (CollectionYear, String) {
        if let given { return (given, "pipeline") }
        let xml = try open(path, displayName)
        var finder = SSDA903XMLLatestEventDate(interning: xml.name)
        do {
            try xml.parse(&finder)
        } catch {
            throw Self.unreadable(error, file: displayName, path: path)
        }
        if let latest = finder.day { return (CollectionYear(containing: latest), "data") }
        return (SSDA903CodeList.latestYear(in: codes) ?? SSDA903Reader.newestKnownYear, SSDA903Reader.yearFromCodeLists)
    }

    static func unreadable(_ error: XMLReadError, file: String, path: String) -> UnreadableInput {
        error.unreadableInput(file: file, path: path, wrongKind: .notSSDA903XML, expected: "an SSDA903 XML return")
    }
}
