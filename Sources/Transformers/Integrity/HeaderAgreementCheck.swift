import CSCCore

/// INT15, INT18, INT21: a child's date of birth and sex must be the same in
/// Header and in the other tables that carry them.
///
/// Only what the canonical records hold can be compared: UASC keeps DOB and
/// SEX (`children.birth_date`, `sex`), OC3 keeps DOB (`care_leavers.birth_date`).
/// The DOB written in Reviews, Missing, AD1, PlacedAdoption, OC2, PrevPerm and
/// SWEpisodes is not kept by the reader, so INT11–14, 16 and 17 are not checked.
/// An empty value (not given, or unreadable and already reported) is not a
/// disagreement. Sex is compared as the canonical code, so Header's `1` and
/// UASC's `M` agree. The first Header row of a child is the reference; any
/// further one is INT32's business.
enum HeaderAgreementCheck {
    static func issues(_ rows: [SSDA903IntegrityRow]) -> [Issue] {
        var header: [String: SSDA903IntegrityRow] = [:]
        for row in rows where row.table == "Header" && header[row.childID] == nil {
            header[row.childID] = row
        }
        var issues: [Issue] = []
        for row in rows where row.table != "Header" {
            guard let reference = header[row.childID] else { continue }
            if let rule = SSDA903IntegrityRules.birthDateDiffers[row.table],
               let issue = disagreement(rule, "birth_date", "DOB", "date of birth", row, reference, show: ukDate) {
                issues.append(issue)
            }
            if let rule = SSDA903IntegrityRules.sexDiffers[row.table],
               let issue = disagreement(rule, "sex", "SEX", "sex", row, reference, show: { $0 }) {
                issues.append(issue)
            }
        }
        return issues
    }

    private static func disagreement(_ rule: Rule, _ column: String, _ column903: String, _ words: String,
                                     _ row: SSDA903IntegrityRow, _ reference: SSDA903IntegrityRow,
                                     show: (String) -> String) -> Issue? {
        let mine = row.value(column), theirs = reference.value(column)
        guard !mine.isEmpty, !theirs.isEmpty, mine != theirs else { return nil }
        return Issue(rule, dataset: row.dataset, file: row.file, line: row.line, column: column903,
                     childID: row.childID, value: show(mine),
                     message: "\(words) \(show(mine)) in \(row.table) differs from \(show(theirs)) in Header "
                        + "at \(reference.place(seenFrom: row))")
    }
}
