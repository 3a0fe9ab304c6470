import CSCCore

/// Missing → `missing_episodes`: M (missing) or A (away without
/// authorisation), with start and end dates. DOB repeats the Header's and is not read.
struct SSDA903MissingLoader: SSDA903TableLoader {
    let kind, start, end: Int

    init(_ c: SSDA903Columns) {
        kind = c["MISSING"]
        start = c["MIS_START"]
        end = c["MIS_END"]
    }

    func values(_ r: some SSDA903Row, _ f: SSDA903Fields) -> [String] {
        [f.childID, f.code(r, kind, .missingKind), f.date(r, start), f.date(r, end)]
    }
}
