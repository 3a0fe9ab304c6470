import CSCCore

/// Reads CIN census XML files (any year 2017–2026) into the canonical tables.
///
/// One file is streamed start to end in constant memory. Every child's
/// records go to the sink when its `</Child>` is read: the `children` row
/// first, then in the order of their start tags each referral with its
/// assessments, CIN plans, section 47 enquiries (and the referral-level
/// initial conference), protection plans and plan reviews. Values that cannot
/// be read become empty and are reported with their line (a referral-level
/// `DateOfInitialCPC` or a `CPPreviewDate` that is blank or bad makes no row,
/// since the date is all the row would hold). A child without an `LAchildID`
/// loads nothing. A file that cannot be read at all is thrown as
/// `UnreadableInput`; its fatal issue is not also sent to the sink.
///
/// If the file fails part way through, the records of the children before the
/// failure have already been sent; the run must then discard the file's output
/// (a fatal issue stops the run from publishing).
public struct CINCensusReader: Sendable {
    /// The code book lists the reader checks codes against.
    public static let requiredCodeLists: [String] = CINCodeLists.names

    public let codes: CodeBook
    let lists: CINCodeLists
    let latestYear: CollectionYear?

    public init(codes: CodeBook) {
        self.codes = codes
        lists = CINCodeLists(codes)
        latestYear = CINCodeLists.latestYear(in: codes)
    }

    /// Reads `path`; records and issues go to `sink`; issues name `displayName` as the file.
    /// `year` overrides the collection year found in the header.
    public func read(path: String, displayName: String, year: CollectionYear?, into sink: RecordSink)
        throws(UnreadableInput) -> CINFileSummary {
        let xml: XMLPushParser
        do {
            xml = try XMLPushParser(path: path)
        } catch {
            throw Self.unreadable(error, file: displayName, path: path)
        }
        var parser = CINCensusParser(interning: xml.name, file: displayName, sink: sink, lists: lists,
                                     latestYear: latestYear, yearOverride: year)
        defer { parser.deallocate() }
        do {
            try xml.parse(&parser)
        } catch {
            throw Self.unreadable(error, file: displayName, path: path)
        }
        return try parser.finish(endLine: xml.line)
    }

    static func unreadable(_ error: XMLReadError, file: String, path: String) -> UnreadableInput {
        error.unreadableInput(file: file, path: path, wrongKind: .notCINCensus, expected: "a CIN census")
    }
}
