import CSCCore

/// List 6's "Case Status" on the as-of day, the first that applies (the
/// template's order): looked after, on a protection plan, on a CIN plan,
/// with an open assessment, or the episode closed. An open episode with none
/// of those has no status in the template, and its cell is left blank for
/// the data team rather than guessed.
struct AnnexACaseStatus {
    private let lookedAfter: Set<String>
    private let protectionPlan: Set<String>
    private let childInNeedPlan: Set<String>
    private let openAssessment: Set<String>

    init(_ context: AnnexAContext) {
        func openOnAsOf(_ table: CanonicalTable, ending end: String) -> Set<String> {
            Set((context.tables[table] ?? []).filter { context.isOpenAtAsOf(start: $0["start_date"], end: $0[end]) }
                .map { $0["child_id"] })
        }
        lookedAfter = openOnAsOf(.cla_episodes, ending: "end_date")
        protectionPlan = openOnAsOf(.cp_plans, ending: "end_date")
        childInNeedPlan = openOnAsOf(.cin_plans, ending: "end_date")
        openAssessment = openOnAsOf(.assessments, ending: "authorised_date")
    }

    /// The `case_status` value of `annex-a-codes.csv`, or empty.
    func of(_ child: String, episodeClosed: Bool) -> String {
        if lookedAfter.contains(child) { return "looked_after" }
        if protectionPlan.contains(child) { return "child_protection" }
        if childInNeedPlan.contains(child) { return "child_in_need" }
        if openAssessment.contains(child) { return "open_assessment" }
        return episodeClosed ? "closed" : ""
    }
}
