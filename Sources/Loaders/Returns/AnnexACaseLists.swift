import CSCCore

/// Lists 6 and 7: one row per child, their latest children-in-need episode
/// and their latest child protection plan.
extension AnnexAContext {
    /// List 6: children with a children-in-need episode open on the as-of
    /// day or closed in the last 6 months, their latest such episode. A
    /// referral with no further action is not a children-in-need episode.
    func childInNeedRows() -> [[XLSXOutputCell]] {
        let visits = byChild(.visits)
        let status = AnnexACaseStatus(self)
        return latestPerChild((tables[.referrals] ?? []).filter {
            $0["nfa"] != "1" && overlaps(start: $0["referral_date"], end: $0["closure_date"], sixMonths)
        }, by: "referral_date").map { r in
            let child = r["child_id"]
            let lastSeen = latest((visits[child] ?? []).map { $0["visit_date"] }, onOrAfter: r["referral_date"])
            return commonCells(child) + [
                disability(child), date(r["referral_date"]), code(.primaryNeed, r["primary_need"]), date(lastSeen),
                date(r["closure_date"]), code(.closureReason, r["closure_reason"]),
                code(.caseStatus, status.of(child, episodeClosed: !r["closure_date"].isEmpty && r["closure_date"] <= asOfISO)),
            ] + allocated(child, team: r["team"], worker: r["worker"])
        }
    }

    /// List 7: children on a plan on the as-of day or whose plan ended in the
    /// last 6 months, their latest plan. "Number of Previous Child Protection
    /// Plans" is the recorded number, else the child's plans started before this one.
    func childProtectionRows() -> [[XLSXOutputCell]] {
        let plans = byChild(.cp_plans), visits = byChild(.visits), reviews = byChild(.cp_reviews)
        let protectedByOrder = childrenUnderEmergencyProtection()
        return latestPerChild((tables[.cp_plans] ?? []).filter {
            overlaps(start: $0["start_date"], end: $0["end_date"], sixMonths)
        }, by: "start_date").map { p in
            let child = p["child_id"], start = p["start_date"], end = p["end_date"]
            let during = (visits[child] ?? []).filter {
                $0["kind"] == "cp" && $0["visit_date"] >= start && (end.isEmpty || $0["visit_date"] <= end)
            }
            let lastVisit = latest(during.map { $0["visit_date"] })
            let seenAlone = during.first { $0["visit_date"] == lastVisit }?["seen_alone"] ?? ""
            let lastReview = latest((reviews[child] ?? []).filter { $0["plan_start_date"] == start }.map { $0["review_date"] })
            let previous = p["previous_plans"].isEmpty
                ? XLSXOutputCell.number((plans[child] ?? []).filter { !$0["start_date"].isEmpty && $0["start_date"] < start }.count)
                : number(p["previous_plans"])
            return commonCells(child) + [
                disability(child), date(start), code(.categoryOfAbuse, p["initial_category"]),
                code(.categoryOfAbuse, p["latest_category"]), date(lastVisit), yesNo(lastVisit.isEmpty ? "" : seenAlone),
                date(lastReview), date(end), yesNo(protectedByOrder.contains(child)), previous,
            ] + allocated(child)
        }
    }

    /// For each child, the record with the latest `column` date on or before
    /// the as-of day, in child order.
    func latestPerChild(_ records: [Record], by column: String) -> [Record] {
        guard let first = records.first else { return [] }
        let child = first.table.index(of: "child_id"), date = first.table.index(of: column)
        var best: [String: Int] = [:]
        for (i, r) in records.enumerated() where !r.values[date].isEmpty && r.values[date] <= asOfISO {
            if let held = best[r.values[child]], records[held].values[date] >= r.values[date] { continue }
            best[r.values[child]] = i
        }
        // Sorting the ids, not the records: moving a record costs a retain and a release.
        return best.keys.sorted().map { records[best[$0]!] }
    }

    /// Children looked after under police protection (L1) or an emergency
    /// protection order (L2) at some point in the last 6 months.
    private func childrenUnderEmergencyProtection() -> Set<String> {
        Set((tables[.cla_episodes] ?? []).filter {
            ($0["legal_status"] == "L1" || $0["legal_status"] == "L2")
                && overlaps(start: $0["start_date"], end: $0["end_date"], sixMonths)
        }.map { $0["child_id"] })
    }
}
