import CSCCore

/// SWEpisodes (from 2023-24) → `allocations`: who the child's social worker
/// was, from when to when, and why it changed. The 903 has no team.
struct SSDA903SocialWorkerLoader: SSDA903TableLoader {
    let worker, start, end, reason: Int

    init(_ c: SSDA903Columns) {
        worker = c["SW_ID"]
        start = c["SW_DECOM"]
        end = c["SW_DEC"]
        reason = c["SW_REASON"]
    }

    func values(_ r: some SSDA903Row, _ f: SSDA903Fields) -> [String] {
        // child_id, worker_id, team, start_date, end_date, reason
        [f.childID, f.text(r, worker), "", f.date(r, start), f.date(r, end), f.code(r, reason, .swReason)]
    }
}
