import CSCCore

/// OC2 (children looked after for 12 months) → `health_outcomes`: SDQ score
/// and reason, offending, and the health checks, one row per child and year.
struct SSDA903OC2Loader: SSDA903TableLoader {
    let score, reason: Int
    let flags: [Int]

    init(_ c: SSDA903Columns) {
        score = c["SDQ_SCORE"]
        reason = c["SDQ_REASON"]
        flags = ["CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT",
                 "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"].map { c[$0] }
    }

    func values(_ r: some SSDA903Row, _ f: SSDA903Fields) -> [String] {
        // child_id, year, sdq_score, sdq_reason, then the eight 0/1 outcomes in OC2's column order
        [f.childID, f.year.description, f.wholeNumber(r, score, in: 0...40), f.code(r, reason, .sdqReason)]
            + flags.map { f.flag(r, $0) }
    }
}
