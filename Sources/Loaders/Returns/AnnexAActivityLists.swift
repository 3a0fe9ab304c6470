import CSCCore

/// Lists 1–5: one row per contact, early help assessment, referral,
/// assessment and section 47 enquiry in the last 6 months, by child then date.
extension AnnexAContext {
    /// List 1: contacts dated in the last 6 months.
    func contactRows() -> [[XLSXOutputCell]] {
        inWindow(.contacts, dated: "contact_date").map { c in
            commonCells(c["child_id"]) + [date(c["contact_date"]), code(.source, c["contact_source"])]
        }
    }

    /// List 2: early help assessments open at some point in the last 6 months
    /// (started, completed, or still open in it).
    func earlyHelpRows() -> [[XLSXOutputCell]] {
        sortedByChild((tables[.early_help] ?? []).filter { overlaps(start: $0["start_date"], end: $0["end_date"], sixMonths) },
                      dated: "start_date").map { e in
            commonCells(e["child_id"]) + [date(e["start_date"]), date(e["end_date"]), text(e["organisation"])]
        }
    }

    /// List 3: referrals made in the last 6 months. "Number of Referrals in
    /// Last 12 Months" counts, as the template's FAQ says, the child's
    /// referrals made in the 12 months before their latest one (the same on
    /// all their rows).
    func referralRows() -> [[XLSXOutputCell]] {
        let priorCounts = eventsInYearBefore(latestOf: byChild(.referrals), dated: "referral_date")
        return inWindow(.referrals, dated: "referral_date").map { r in
            let child = r["child_id"]
            return commonCells(child) + [
                date(r["referral_date"]), code(.source, r["referral_source"]), yesNo(r["nfa"]),
                .number(priorCounts[child] ?? 0),
            ] + allocated(child, team: r["team"], worker: r["worker"])
        }
    }

    /// List 4: assessments open at some point in the last 6 months, including
    /// those not yet authorised.
    func assessmentRows() -> [[XLSXOutputCell]] {
        let open = (tables[.assessments] ?? []).filter { overlaps(start: $0["start_date"], end: $0["authorised_date"], sixMonths) }
        return sortedByChild(open, dated: "start_date").map { a in
            let child = a["child_id"]
            return commonCells(child) + [
                disability(child), date(a["start_date"]), yesNo(a["child_seen"]), date(a["authorised_date"]),
                yesNo(a["further_action"]),
            ] + allocated(child, team: a["team"], worker: a["worker"])
        }
    }

    /// List 5: section 47 enquiries started, or conferenced, in the last 6
    /// months. The two counts are the child's enquiries and initial
    /// conferences in the 12 months before their latest enquiry.
    func section47Rows() -> [[XLSXOutputCell]] {
        let byChild = byChild(.section47)
        let priorEnquiries = eventsInYearBefore(latestOf: byChild, dated: "start_date")
        let priorConferences = eventsInYearBefore(latestOf: byChild, dated: "start_date", counting: "icpc_date")
        let recent = (tables[.section47] ?? []).filter { isIn($0["start_date"], sixMonths) || isIn($0["icpc_date"], sixMonths) }
        return sortedByChild(recent, dated: "start_date").map { s in
            let child = s["child_id"]
            return commonCells(child) + [
                disability(child), date(s["start_date"]), yesNo(s["icpc_not_required"]), date(s["icpc_date"]),
                yesNo(s["cp_plan_started"]), .number(priorEnquiries[child] ?? 0), .number(priorConferences[child] ?? 0),
            ] + allocated(child)
        }
    }

    /// The records of `table` dated in the last 6 months, by child then date.
    func inWindow(_ table: CanonicalTable, dated column: String) -> [Record] {
        sortedByChild((tables[table] ?? []).filter { isIn($0[column], sixMonths) }, dated: column)
    }

    func sortedByChild(_ records: [Record], dated column: String) -> [Record] {
        guard let first = records.first else { return [] }
        let child = first.table.index(of: "child_id"), date = first.table.index(of: column)
        // Sorting positions, not records: moving a record costs a retain and a release.
        return records.indices.sorted {
            (records[$0].values[child], records[$0].values[date]) < (records[$1].values[child], records[$1].values[date])
        }.map { records[$0] }
    }

    /// For each child, how many of their `counting` dates (by default the
    /// `dated` ones) fall in the 12 months before their latest `dated` event
    /// on or before the as-of day, that day itself not included.
    func eventsInYearBefore(latestOf byChild: [String: [Record]], dated column: String,
                            counting countedColumn: String? = nil) -> [String: Int] {
        var counts: [String: Int] = [:]
        for (child, records) in byChild {
            let latestISO = latest(records.map { $0[column] })
            guard let latestDay = Day(iso: latestISO) else { continue }
            let from = latestDay.adding(months: -12).iso
            counts[child] = records.filter { r in
                let d = r[countedColumn ?? column]
                return !d.isEmpty && d >= from && d < latestISO
            }.count
        }
        return counts
    }
}
