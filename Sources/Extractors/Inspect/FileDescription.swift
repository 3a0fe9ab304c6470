import CSCCore

/// What `FileInspector` found a file to be.
public struct FileDescription: Sendable, Equatable {
    /// The kinds of input cscpipe can recognise. New readers add cases here.
    public enum Kind: Sendable, Equatable {
        /// A CIN census XML return; `year` from its header (nil when the header does not say).
        case cinCensus(year: CollectionYear?, children: Int)
        /// An SSDA903 CSV file: the table its columns make, the collection year
        /// its name or folder's name gives (nil when neither does) and its data rows.
        case ssda903(table: SSDA903Table, year: CollectionYear?, rows: Int)
        /// An Ofsted Annex A workbook: the list numbers (1–11) its sheets are named for.
        case annexA(lists: [Int])
        /// Not a file cscpipe can read, with why, in words for the data team.
        case unknown(reason: String)
    }

    /// The path as given.
    public let path: String
    public let kind: Kind
    /// One line for `cscpipe inspect`, e.g. "CIN census 2024-25 (ReferenceDate
    /// 2025-03-31), LA 873, 312 children" or "unknown: not XML (first bytes look like CSV)".
    public let summary: String

    public init(path: String, kind: Kind, summary: String) {
        self.path = path
        self.kind = kind
        self.summary = summary
    }

    static func unknown(_ path: String, _ reason: String) -> FileDescription {
        FileDescription(path: path, kind: .unknown(reason: reason), summary: "unknown: \(reason)")
    }
}
