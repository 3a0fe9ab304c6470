import CSCCore

/// The SSDA903 integrity checks: that one collection year's 903 files agree
/// with one another (every child in Header, same DOB and sex everywhere, no
/// repeated rows, episodes that follow one another).
///
/// They run on the records one 903 input produced, before the merge: the merge
/// keeps one record per natural key and would hide the repeats.
public enum SSDA903Integrity {
    /// Every integrity issue for one collection year's 903 files, in a
    /// deterministic order (by rule as `rules` lists them, then file, then line).
    ///
    /// - Parameter files: each file's 903 table name as the DfE spells it
    ///   (`Header`, `UASC`, `Episodes`, `Reviews`, `Missing`, `OC3`, `AD1`,
    ///   `PlacedAdoption`, `SWEpisodes`, …) and the records read from it.
    public static func check(_ files: [(table: String, records: [Record])]) -> [Issue] {
        var rows: [SSDA903IntegrityRow] = []
        for file in files {
            for record in file.records {
                rows.append(SSDA903IntegrityRow(table: file.table, record: record, position: rows.count))
            }
        }
        rows.sort(by: SSDA903IntegrityRow.inFileOrder)
        let headerFileGiven = files.contains { $0.table == "Header" }
        let issues = ChildNotInHeaderCheck.issues(rows, headerFileGiven: headerFileGiven)
            + HeaderAgreementCheck.issues(rows)
            + RepeatedRowsCheck.issues(rows)
            + EpisodeSequenceCheck.issues(rows)
        return inReportOrder(issues)
    }

    /// The rules these checks raise, for `cscpipe rules`.
    public static let rules: [Rule] = SSDA903IntegrityRules.all

    private static let ruleRank: [String: Int] =
        Dictionary(uniqueKeysWithValues: SSDA903IntegrityRules.all.enumerated().map { ($1.id, $0) })

    /// Rule, file, line; then column, child and message so that ties are ordered too.
    private static func inReportOrder(_ issues: [Issue]) -> [Issue] {
        issues.sorted { a, b in
            let ra = ruleRank[a.rule, default: Int.max], rb = ruleRank[b.rule, default: Int.max]
            if ra != rb { return ra < rb }
            if a.file != b.file { return a.file < b.file }
            if a.line != b.line { return (a.line ?? Int.min) < (b.line ?? Int.min) }
            if a.column != b.column { return a.column < b.column }
            if a.childID != b.childID { return a.childID < b.childID }
            return a.message < b.message
        }
    }
}
