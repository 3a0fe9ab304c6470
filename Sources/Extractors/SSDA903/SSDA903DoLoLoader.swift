import CSCCore

/// DoLo → `deprivation_of_liberty` (2026-27 rules 700–710): each order
/// depriving a looked-after child of liberty, from start to end. DOB repeats
/// the Header's and is not read.
struct SSDA903DoLoLoader: SSDA903TableLoader {
    let start, end: Int

    init(_ c: SSDA903Columns) {
        start = c["DOLO_START"]
        end = c["DOLO_END"]
    }

    func values(_ r: some SSDA903Row, _ f: SSDA903Fields) -> [String] {
        [f.childID, f.date(r, start), f.date(r, end)]
    }
}
