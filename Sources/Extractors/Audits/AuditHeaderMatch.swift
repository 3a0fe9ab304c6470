import CSCCore

/// Which export column each configured audit field and domain reads, found
/// once per file from its header row.
public struct AuditHeaderMatch: Sendable {
    /// A configured heading the header does not have, with the header names closest to it.
    public struct Missing: Sendable, Hashable {
        /// The pipeline key it is configured under: `columns.overall_grade`, `domains.planning`.
        public var key: String
        /// The heading as the pipeline gives it.
        public var heading: String
        public var closest: [String]

        /// `` `Overall Judgment` (columns.overall_grade) is not in the header (closest: `Overall Judgement`) ``.
        public var message: String {
            let hint = closest.isEmpty ? "" : " (closest: \(closest.map { "`\($0)`" }.joined(separator: ", ")))"
            return "`\(heading)` (\(key)) is not in the header\(hint)"
        }
    }

    /// The header's names, as written.
    public let names: [String]
    /// 1-based line of the header row.
    public let line: Int
    /// 0-based column of each configured field found.
    public let fieldColumns: [AuditColumns.Field: Int]
    /// 0-based column of each domain, parallel to `AuditColumns.domains`; nil when absent.
    public let domainColumns: [Int?]
    /// Configured headings that are absent, fields first, then domains.
    public let missing: [Missing]

    /// Matches `columns` against the header `names` read from `line`, trimmed and ignoring case.
    public init(columns: AuditColumns, names: [String], line: Int) {
        self.names = names
        self.line = line
        let keys = names.map(Self.key)
        func column(_ heading: String) -> Int? {
            let wanted = Self.key(heading)
            return keys.firstIndex(of: wanted)
        }
        var fieldColumns: [AuditColumns.Field: Int] = [:]
        var missing: [Missing] = []
        for field in AuditColumns.Field.allCases {
            guard let heading = columns.headings[field] else { continue }
            if let found = column(heading) {
                fieldColumns[field] = found
            } else {
                missing.append(Missing(key: "columns.\(field.rawValue)", heading: heading,
                                       closest: Self.closest(to: heading, in: names)))
            }
        }
        var domainColumns: [Int?] = []
        for domain in columns.domains {
            let found = column(domain.heading)
            domainColumns.append(found)
            if found == nil {
                missing.append(Missing(key: "domains.\(domain.name)", heading: domain.heading,
                                       closest: Self.closest(to: domain.heading, in: names)))
            }
        }
        self.fieldColumns = fieldColumns
        self.domainColumns = domainColumns
        self.missing = missing
    }

    /// The header name as written at `column`.
    public func name(_ column: Int) -> String { column < names.count ? names[column] : "" }

    /// One sentence naming every absent heading, for the file's fatal issue and `cscpipe validate`.
    public var missingMessage: String {
        let list = missing.map(\.message).joined(separator: "; ")
        return "the audit export's header (line \(line)) lacks \(missing.count == 1 ? "a column" : "columns") "
            + "the pipeline names: \(list)"
    }

    /// How headings are compared: trimmed, lower-cased, inner blanks made single spaces.
    static func key(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" || $0.isNewline })
            .joined(separator: " ")
    }

    /// Up to three header names nearest `heading`, for "did you mean".
    static func closest(to heading: String, in names: [String]) -> [String] {
        NearestNames.closest(to: heading, in: names, comparing: key)
    }
}
