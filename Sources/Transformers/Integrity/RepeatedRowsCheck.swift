import CSCCore

/// Rows that should be there once: a child twice in a one-row-per-child table
/// (INT31–INT36), a row repeated exactly in any other table, and two episodes
/// of a child starting the same day.
///
/// These run before the merge because the merge folds records with the same
/// natural key into one, and the repeat would no longer show. The first row
/// (by file, then line) is the original; each later one is reported, naming it.
enum RepeatedRowsCheck {
    static func issues(_ rows: [SSDA903IntegrityRow]) -> [Issue] {
        var issues: [Issue] = []
        var firstOfChild: [String: [String: SSDA903IntegrityRow]] = [:]
        var firstOfRow: [String: [[String]: SSDA903IntegrityRow]] = [:]
        var firstEpisodeOn: [String: SSDA903IntegrityRow] = [:]
        for row in rows where !row.childID.isEmpty {
            if let rule = SSDA903IntegrityRules.onceOnlyTables[row.table] {
                if let first = firstOfChild[row.table]?[row.childID] {
                    let repeatNote = first.record.values == row.record.values ? ", an exact repeat of that row" : ""
                    issues.append(Issue(rule, dataset: row.dataset, file: row.file, line: row.line, column: "CHILD",
                                        childID: row.childID, value: row.childID,
                                        message: "child \(row.childID) is in \(row.table) again: first at "
                                            + "\(first.place(seenFrom: row))\(repeatNote)"))
                } else {
                    firstOfChild[row.table, default: [:]][row.childID] = row
                }
                continue
            }
            if let first = firstOfRow[row.table]?[row.record.values] {
                issues.append(Issue(SSDA903IntegrityRules.duplicateRow, dataset: row.dataset, file: row.file,
                                    line: row.line, column: "CHILD", childID: row.childID, value: row.childID,
                                    message: "this \(row.table) row for child \(row.childID) repeats "
                                        + "\(first.place(seenFrom: row)) exactly"))
                continue
            }
            firstOfRow[row.table, default: [:]][row.record.values] = row
            guard row.table == "Episodes" else { continue }
            let start = row.value("start_date")
            guard !start.isEmpty else { continue }
            let key = row.childID + "\u{0}" + start
            if let first = firstEpisodeOn[key] {
                issues.append(Issue(SSDA903IntegrityRules.episodeSameStart, dataset: row.dataset, file: row.file,
                                    line: row.line, column: "DECOM", childID: row.childID, value: ukDate(start),
                                    message: "episode starting \(ukDate(start)) starts the same day as the one at "
                                        + "\(first.place(seenFrom: row)), with different details"))
            } else {
                firstEpisodeOn[key] = row
            }
        }
        return issues
    }
}
