import CSCCore

/// A child's unbroken run of SSDA903 episodes: each after the first starts on
/// the day the one before ended.
struct PeriodOfCare {
    /// In start order.
    let episodes: [Record]

    var start: String { episodes.first?["start_date"] ?? "" }
    /// Empty while the child is still looked after.
    var end: String { episodes.last?["end_date"] ?? "" }
    var latest: Record { episodes[episodes.count - 1] }

    /// The child's periods of care, oldest first, from their episodes in any order.
    static func periods(of episodes: [Record]) -> [PeriodOfCare] {
        let sorted = episodes.filter { !$0["start_date"].isEmpty }.sorted { $0["start_date"] < $1["start_date"] }
        var periods: [[Record]] = []
        for e in sorted {
            if let last = periods.last?.last, !last["end_date"].isEmpty, last["end_date"] == e["start_date"] {
                periods[periods.count - 1].append(e)
            } else {
                periods.append([e])
            }
        }
        return periods.map(PeriodOfCare.init)
    }

    /// The start of the latest run of episodes `sameAs` the latest one: when
    /// its legal status, or its placement, began.
    func startOfLatest(where sameAs: (_ earlier: Record, _ later: Record) -> Bool) -> String {
        var i = episodes.count - 1
        while i > 0, sameAs(episodes[i - 1], episodes[i]) { i -= 1 }
        return episodes[i]["start_date"]
    }

    /// When the current legal status began: episodes with the same legal status run back to it.
    var legalStatusStart: String { startOfLatest { $0["legal_status"] == $1["legal_status"] } }

    /// When the current placement began: an episode that changed only the
    /// legal status (reason `L`) continues the placement before it.
    var placementStart: String { startOfLatest { _, later in later["reason_new_episode"] == "L" } }

    /// Placements the child was in at some point in `period`: the one held
    /// when it began, and each started in it (every new episode except a
    /// change of legal status only). At least 1 for a period open in it.
    func placements(in period: ReportingPeriod) -> Int {
        var count = 0
        for e in episodes where !e["start_date"].isEmpty && e["start_date"] <= period.endISO
            && (e["end_date"].isEmpty || e["end_date"] >= period.startISO) {
            if count == 0 || e["reason_new_episode"] != "L" { count += 1 }
        }
        return count
    }
}
