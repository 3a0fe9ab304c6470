import CSCCore

/// Which export column each source of a mapping reads, found from the
/// export's header row once per file (patterns are regular expressions, so
/// they are never run per record).
public struct MappedHeaderMatch: Sendable {
    /// A source the header does not have, with the header names closest to it.
    public struct Missing: Sendable {
        public var source: MappedSource
        public var closest: [String]

        /// `` `Person ID` is not in the header (closest: `PersonID`, `Person Ref`) ``.
        public var message: String {
            let hint = closest.isEmpty ? "" : " (closest: \(closest.map { "`\($0)`" }.joined(separator: ", ")))"
            return "\(source.description) is not in the export's header\(hint)"
        }
    }

    /// The header's names, as written.
    public let names: [String]
    /// The 0-based column of each source found, in `MappedExport.sources` order; nil when absent.
    public let columns: [Int?]
    /// Required sources that are absent.
    public let missing: [Missing]
    /// Optional sources that are absent.
    public let absent: [Missing]

    /// Matches every source of `export` against the header `names`.
    public init(export: MappedExport, names: [String]) {
        self.names = names
        var columns: [Int?] = []
        var missing: [Missing] = []
        var absent: [Missing] = []
        for source in export.sources {
            let column = Self.column(of: source, in: names)
            columns.append(column)
            if column == nil {
                let gap = Missing(source: source, closest: Self.closest(to: source, in: names))
                if source.optional { absent.append(gap) } else { missing.append(gap) }
            }
        }
        self.columns = columns
        self.missing = missing
        self.absent = absent
    }

    /// How many sources the header has: the header row is the row with most.
    public var found: Int { columns.lazy.filter { $0 != nil }.count }

    /// The column `source` reads in `names`: the first named exactly so
    /// (trimmed, ignoring case), or the first the pattern finds (ignoring case).
    public static func column(of source: MappedSource, in names: [String]) -> Int? {
        switch source.match {
        case .name(let name):
            let key = MappedLabel.normalized(name)
            return names.firstIndex { MappedLabel.normalized($0) == key }
        case .pattern(let pattern):
            guard let regex = try? Regex(pattern).ignoresCase() else { return nil }
            return names.firstIndex { (try? regex.firstMatch(in: $0)) != nil }
        }
    }

    /// A sentence saying why `pattern` is not a usable regular expression, or nil when it is.
    public static func patternProblem(_ pattern: String) -> String? {
        do {
            _ = try Regex(pattern)
            return nil
        } catch {
            return "`\(pattern)` is not a regular expression: \(error)"
        }
    }

    /// Up to three header names nearest the source's name (ignoring case
    /// and spacing; a pattern by its letters and digits), for "did you mean" in messages.
    static func closest(to source: MappedSource, in names: [String]) -> [String] {
        let wanted: String
        switch source.match {
        case .name(let name): wanted = name
        case .pattern(let pattern): wanted = pattern.filter { $0.isLetter || $0.isNumber || $0 == " " }
        }
        return NearestNames.closest(to: wanted, in: names, comparing: MappedLabel.normalized)
    }
}
