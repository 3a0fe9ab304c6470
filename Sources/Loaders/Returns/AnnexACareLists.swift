import CSCCore

/// Lists 8 and 9: children in care (one row per child, their latest period
/// of care) and care leavers.
extension AnnexAContext {
    /// List 8: children looked after on the as-of day or who ceased to be in
    /// the last 6 months. The derived columns: "second or subsequent period"
    /// is Yes when an earlier period of care was open in the 12 months
    /// before the as-of day; placements (in any period of care) and
    /// missing/absent episodes are counted over those 12 months. The template's columns the canonical
    /// model does not hold (permanence plan, IRO, health and dental dates,
    /// placement location, LA of placement, return interviews) are left blank.
    func childInCareRows() -> [[XLSXOutputCell]] {
        let reviews = byChild(.cla_reviews), visits = byChild(.visits), missing = byChild(.missing_episodes)
        var rows: [[XLSXOutputCell]] = []
        for (child, episodes) in byChild(.cla_episodes).sorted(by: { $0.key < $1.key }) {
            let periods = PeriodOfCare.periods(of: episodes.filter { $0["start_date"] <= asOfISO })
            guard let period = periods.last, overlaps(start: period.start, end: period.end, sixMonths) else { continue }
            let e = period.latest
            let earlierInYear = periods.dropLast().contains { overlaps(start: $0.start, end: $0.end, twelveMonths) }
            let inPeriod = { (d: String) in d >= period.start && (period.end.isEmpty || d <= period.end) }
            let lastReview = latest((reviews[child] ?? []).map { $0["review_date"] }.filter(inPeriod))
            let lastVisit = latest((visits[child] ?? []).filter { $0["kind"] == "cla" }.map { $0["visit_date"] }.filter(inPeriod))
            let spells = (missing[child] ?? []).filter { isIn($0["start_date"], twelveMonths) }
            rows.append(commonCells(child) + [
                disability(child), uasc(child), date(period.start), code(.categoryOfNeed, e["category_of_need"]),
                yesNo(earlierInYear), date(period.legalStatusStart), code(.legalStatus, e["legal_status"]),
                date(lastReview), date(lastVisit), .empty, .empty, .empty, .empty,
                .number(max(1, periods.reduce(0) { $0 + $1.placements(in: twelveMonths) })), date(e["end_date"]),
                code(.reasonCeased, e["reason_ended"]), date(period.placementStart), code(.placement, e["placement"]),
                code(.placementProvider, e["placement_provider"]), text(e["placement_postcode"]), text(e["urn"]),
                .empty, .empty,
                .number(spells.filter { $0["kind"] == "M" }.count), .number(spells.filter { $0["kind"] == "A" }.count),
                .empty, .empty,
            ] + allocated(child))
        }
        return rows
    }

    /// List 9: care leavers, from the rows of the collection year containing
    /// the as-of day (or, early in a year before any are recorded, the
    /// latest year the data holds).
    func careLeaverRows() -> [[XLSXOutputCell]] {
        let all = tables[.care_leavers] ?? []
        let current = CollectionYear(containing: asOf).description
        let year = all.contains { $0["year"] == current } ? current
            : all.map { $0["year"] }.filter { $0 <= current }.max() ?? current
        var seen: Set<String> = []
        return all.filter { $0["year"] == year && seen.insert($0["child_id"]).inserted }
            .sorted { $0["child_id"] < $1["child_id"] }
            .map { l in
                let child = l["child_id"]
                return commonCells(child) + [disability(child), uasc(child)] + allocated(child) + [
                    text(l["personal_adviser"]), code(.eligibility, l["eligibility"]), date(l["pathway_plan_review_date"]),
                    code(.inTouch, l["in_touch"]), date(l["latest_contact_date"]), code(.accommodation, l["accommodation"]),
                    code(.suitability, l["accommodation_suitable"]), code(.activity, l["activity"]),
                ]
            }
    }
}
