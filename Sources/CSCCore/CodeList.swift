/// One DfE/CBDS code list (ethnicity, referral source, ...), with the
/// collection years each code is valid in.
///
/// Lists are data under `pipelines/reference/codes/`; a new DfE year is a file
/// change. Lookups are on the exact code as written after trimming: the
/// returns are case-sensitive and a guess would hide a data-entry error.
public struct CodeList: Sendable {
    public struct Entry: Sendable, Hashable {
        public let code: String
        /// The value the canonical model stores (usually `code` itself).
        public let canonical: String
        public let label: String
        public let firstYear: CollectionYear?
        public let lastYear: CollectionYear?

        public init(code: String, canonical: String? = nil, label: String,
                    firstYear: CollectionYear? = nil, lastYear: CollectionYear? = nil) {
            self.code = code
            self.canonical = canonical ?? code
            self.label = label
            self.firstYear = firstYear
            self.lastYear = lastYear
        }

        public func isValid(in year: CollectionYear) -> Bool {
            if let f = firstYear, year < f { return false }
            if let l = lastYear, year > l { return false }
            return true
        }
    }

    public let name: String
    public let entries: [Entry]
    private let byCode: [String: [Entry]]

    public init(name: String, entries: [Entry]) {
        self.name = name
        self.entries = entries
        self.byCode = Dictionary(grouping: entries, by: \.code)
    }

    /// The canonical value of `code` in `year`, or nil when the code is not
    /// valid that year.
    public func canonical(_ code: String, in year: CollectionYear) -> String? {
        guard let candidates = byCode[code] else { return nil }
        for e in candidates where e.isValid(in: year) { return e.canonical }
        return nil
    }

    public func contains(_ code: String, in year: CollectionYear) -> Bool { canonical(code, in: year) != nil }

    /// The collection years in which `code` is valid, for messages such as
    /// "H5 was valid up to 2023-24".
    public func validity(of code: String) -> String? {
        guard let e = byCode[code]?.first else { return nil }
        switch (e.firstYear, e.lastYear) {
        case (nil, nil): return "valid in every year"
        case (let f?, nil): return "valid from \(f)"
        case (nil, let l?): return "valid up to \(l)"
        case (let f?, let l?): return "valid from \(f) to \(l)"
        }
    }

    public func label(of code: String) -> String? { byCode[code]?.first?.label }

    /// Builds a list from the rows of its reference file (header first).
    /// Errors name the row so a data team editing the file can fix it.
    public init(name: String, rows: [[String]]) throws(ReferenceDataError) {
        guard let header = rows.first else { throw ReferenceDataError(file: name, line: 1, message: "empty code list") }
        func col(_ n: String) -> Int? { header.firstIndex(of: n) }
        guard let codeCol = col("code") else {
            throw ReferenceDataError(file: name, line: 1, message: "no `code` column (found: \(header.joined(separator: ", ")))")
        }
        var entries: [Entry] = []
        for (i, row) in rows.enumerated().dropFirst() {
            func v(_ c: Int?) -> String { c.flatMap { $0 < row.count ? row[$0] : nil } ?? "" }
            let code = v(codeCol)
            if code.isEmpty { continue }
            func year(_ column: String) throws(ReferenceDataError) -> CollectionYear? {
                let text = v(col(column))
                if text.isEmpty { return nil }
                guard let y = CollectionYear(text) else {
                    throw ReferenceDataError(file: name, line: i + 1, message: "\(column) `\(text)` is not a collection year like 2024-25")
                }
                return y
            }
            let canonical = v(col("canonical"))
            entries.append(Entry(code: code, canonical: canonical.isEmpty ? nil : canonical, label: v(col("label")),
                                 firstYear: try year("from_year"), lastYear: try year("to_year")))
        }
        self.init(name: name, entries: entries)
    }
}

/// A problem in a reference data file (code list, bank holidays).
public struct ReferenceDataError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }
}

/// Every code list a run uses, by name (`ethnicity`, `referral_source`, ...).
public struct CodeBook: Sendable {
    public let lists: [String: CodeList]

    public init(lists: [CodeList]) {
        self.lists = Dictionary(lists.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The named list; a missing list is a broken installation, reported by
    /// the pipeline before any input is read (see `requiredLists`).
    public subscript(name: String) -> CodeList {
        lists[name] ?? CodeList(name: name, entries: [])
    }
}
