import CSCCore

/// A case-system report export (Liquidlogic, Mosaic, Eclipse, ...) described
/// by a mapping file: which canonical table it fills and how each canonical
/// column is read from the export's own columns, date formats and labels.
///
/// Built by the pipeline's mapping loader (`pipelines/mappings/*.yaml`), which
/// has already refused anything inconsistent; `MappedReader` reads files with it.
public struct MappedExport: Sendable {
    /// The file layout the export comes in.
    public enum Format: Sendable, Hashable {
        /// A CSV file whose header row names the columns (title rows above it are skipped).
        case csv
        /// An XML file with one element per record at `recordPath` (element
        /// names from the root, e.g. `["VisitExport", "Visit"]`); columns name
        /// elements below the record by relative path (`Person/ID`).
        case xml(recordPath: [String])
    }

    /// The mapping file, as the pipeline named it: issues and messages name it.
    public var mappingFile: String
    public var table: CanonicalTable
    public var format: Format
    /// One entry per canonical column filled; columns not listed stay empty.
    public var columns: [MappedColumn]
    /// Rows kept; every filter must pass. Rows filtered out are not records and raise no issue.
    public var filters: [MappedFilter]

    public init(mappingFile: String, table: CanonicalTable, format: Format, columns: [MappedColumn],
                filters: [MappedFilter] = []) {
        self.mappingFile = mappingFile
        self.table = table
        self.format = format
        self.columns = columns
        self.filters = filters
    }

    /// Every source the mapping reads, columns then filters, in mapping order.
    public var sources: [MappedSource] {
        columns.compactMap(\.source) + filters.map(\.source)
    }
}

/// Where a value comes from in the export.
public struct MappedSource: Sendable, Hashable {
    public enum Match: Sendable, Hashable {
        /// A column named exactly this (compared trimmed, ignoring case), or an XML path below the record.
        case name(String)
        /// The first column whose name this regular expression finds, ignoring case (CSV only).
        case pattern(String)
    }

    public var match: Match
    /// When the export has no such column: true reads the column as empty
    /// (with one warning per file); false refuses the file.
    public var optional: Bool
    /// Line of the source in the mapping file, for messages.
    public var line: Int?

    public init(_ match: Match, optional: Bool = false, line: Int? = nil) {
        self.match = match
        self.optional = optional
        self.line = line
    }

    /// The source as the mapping writes it, for messages.
    public var description: String {
        switch match {
        case .name(let name): "`\(name)`"
        case .pattern(let pattern): "a column matching /\(pattern)/"
        }
    }
}

/// How one canonical column is filled.
public struct MappedColumn: Sendable {
    /// How the source cell becomes the canonical value.
    public enum Conversion: Sendable {
        /// The cell as written, without surrounding blanks.
        case text
        /// A date in one of these formats (tried in order), written as `YYYY-MM-DD`.
        case date([MappedDateFormat])
        /// A label looked up in the value map.
        case values(MappedValueMap)
        /// The same value in every record; no source.
        case constant(String)
    }

    /// The canonical column's name (one of `table.columns`).
    public var canonical: String
    /// Nil exactly for a constant.
    public var source: MappedSource?
    public var conversion: Conversion

    public init(canonical: String, source: MappedSource?, conversion: Conversion) {
        self.canonical = canonical
        self.source = source
        self.conversion = conversion
    }
}

/// Keeps a row only when its `source` cell is one of `values` (compared
/// trimmed, ignoring case and runs of spaces), e.g. only `Case Status = Open`.
public struct MappedFilter: Sendable {
    public var source: MappedSource
    public var values: [String]
    /// True keeps the rows whose value is NOT one of `values`.
    public var exclude: Bool

    public init(source: MappedSource, values: [String], exclude: Bool = false) {
        self.source = source
        self.values = values
        self.exclude = exclude
    }
}
