import CSCCore

/// Which 903 table a header row is, by its column names (trimmed, ignoring
/// case, in any order), as the DfE and the 903 validator identify files.
enum SSDA903TableRecognition {
    case table(SSDA903Columns, extra: [Int])
    /// No table has all its columns: the closest one and what it lacks.
    case unknown(closest: SSDA903Table, missing: [String], matched: Int)

    static func recognise(_ header: CSVHeader) -> SSDA903TableRecognition {
        var best: (table: SSDA903Table, missing: [String], matched: Int)?
        for table in SSDA903Table.allCases {
            let missing = table.columns.filter { header.column($0) == nil }
            let matched = table.columns.count - missing.count
            let better: Bool
            if let b = best {
                // A complete table beats an incomplete one; among complete
                // ones the larger wins (a file with Header's and UASC's columns
                // is a Header with extras); otherwise the most columns matched.
                if missing.isEmpty != b.missing.isEmpty {
                    better = missing.isEmpty
                } else if missing.isEmpty {
                    better = matched > b.matched
                } else {
                    better = matched > b.matched || (matched == b.matched && missing.count < b.missing.count)
                }
            } else {
                better = true
            }
            if better { best = (table, missing, matched) }
        }
        guard let best else { preconditionFailure("SSDA903Table has cases") }
        guard best.missing.isEmpty else { return .unknown(closest: best.table, missing: best.missing, matched: best.matched) }
        let indices = best.table.columns.map { header.column($0)! }
        let used = Set(indices)
        let extra = header.names.indices.filter { i in
            guard !used.contains(i) else { return false }
            let name = header.names[i]
            // Unnamed and repeated columns are CSVHeader's own warnings.
            return !name.allSatisfy(\.isWhitespace) && header.column(name) == i
        }
        return .table(SSDA903Columns(table: best.table, indices: indices), extra: extra)
    }

    /// The fatal issue for a header that is no 903 table.
    static func unknownTableIssue(_ header: CSVHeader, closest: SSDA903Table, missing: [String], matched: Int,
                                  file: String) -> Issue {
        let found = header.names.prefix(12).joined(separator: ", ") + (header.names.count > 12 ? ", ..." : "")
        let message: String
        if matched <= 1 {
            message = "\(Rule.unknownSSDA903Table.message): no SSDA903 table has these columns (\(found))"
        } else {
            message = "\(Rule.unknownSSDA903Table.message): the closest is \(closest.rawValue), "
                + "which also needs \(missing.joined(separator: ", ")) (found: \(found))"
        }
        return Issue(.unknownSSDA903Table, dataset: "file", file: file, line: header.line, message: message)
    }
}
