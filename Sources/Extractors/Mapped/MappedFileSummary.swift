/// What reading one export through its mapping gave, for the manifest.
public struct MappedFileSummary: Sendable, Equatable {
    /// Records read from the export (blank rows not counted).
    public var rows: Int
    /// Canonical records sent on.
    public var records: Int
    /// Rows the mapping's filters left out.
    public var filteredOut: Int
    /// `csv` or `xml`.
    public var format: String
    /// The CSV file's encoding (`utf-8`, `windows-1252`, ...); empty for XML.
    public var encoding: String
}
