import CSCCore

/// INT01–INT09: a child in any other 903 table must have a row in Header.
///
/// One issue per orphan row, so each can be found. When the set has no Header
/// file at all there is nothing to check against, and the check stays silent
/// rather than flag every row of every table; an empty Header file still counts.
enum ChildNotInHeaderCheck {
    static func issues(_ rows: [SSDA903IntegrityRow], headerFileGiven: Bool) -> [Issue] {
        guard headerFileGiven else { return [] }
        let inHeader = Set(rows.lazy.filter { $0.table == "Header" }.map(\.childID))
        var issues: [Issue] = []
        for row in rows where row.table != "Header" && !row.childID.isEmpty && !inHeader.contains(row.childID) {
            let rule = SSDA903IntegrityRules.childNotInHeader[row.table] ?? SSDA903IntegrityRules.otherChildNotInHeader
            issues.append(Issue(rule, dataset: row.dataset, file: row.file, line: row.line, column: "CHILD",
                                childID: row.childID, value: row.childID,
                                message: "child \(row.childID) is in \(row.table) but has no row in Header"))
        }
        return issues
    }
}
