import CSCCore

/// Writes the SSDA903 return of one collection year from the canonical tables
/// as the DfE's CSV files, one per 903 table, with the DfE column names
/// (formats.md §2.1), `DD/MM/YYYY` dates and the year's codes: SEX 1/2 up to
/// 2023-24 and M/F/U from 2024-25, ACCOM as letter and suitability digit.
///
/// `header.csv`, `episodes.csv`, `reviews.csv`, `missing.csv` and `oc3.csv`
/// are always written (header only when empty); `uasc.csv`, `ad1.csv`,
/// `placed_for_adoption.csv`, `sw_episodes.csv` (from 2023-24), `oc2.csv`,
/// `previous_permanence.csv` and `dolo.csv` (from 2026-27) only when they have
/// rows. Which rows: `SSDA903ReturnScope`. Values the
/// canonical model does not hold (MOTHER, MC_DOB, DUC, AD1's adopter details)
/// are left blank.
public struct SSDA903ReturnWriter {
    /// The first year with an SWEpisodes table.
    static let socialWorkerEpisodesFrom = CollectionYear(startYear: 2023)
    /// The first year with a DoLo table.
    static let deprivationOfLibertyFrom = CollectionYear(startYear: 2026)

    public let year: CollectionYear
    let scope: SSDA903ReturnScope

    /// Selects the return's rows from `tables` (the run's canonical tables).
    public init(tables: [CanonicalTable: [Record]], year: CollectionYear) {
        self.year = year
        scope = SSDA903ReturnScope(tables: tables, year: year)
    }

    /// `returns/ssda903` inside `runFolder`.
    public static func folder(inRunFolder runFolder: String) -> String {
        OutputFolder.join(OutputFolder.join(runFolder, "returns"), "ssda903")
    }

    /// Writes the files into `folder` (created if needed); returns each file
    /// written, by name (`header.csv`), with its number of rows.
    @discardableResult
    public func write(toFolder folder: String) throws -> [(file: String, rows: Int)] {
        try OutputFolder.ensure(folder)
        var written: [(file: String, rows: Int)] = []
        for table in tables() where table.always || !table.rows.isEmpty {
            let file = table.name + ".csv"
            let out = try CSVFileWriter(path: OutputFolder.join(folder, file))
            try out.writeRow(table.columns)
            for row in table.rows { try out.writeRow(row) }
            try out.finish()
            written.append((file, table.rows.count))
        }
        return written
    }

    /// One 903 file: its name, DfE columns, whether it is written when empty, and its rows.
    struct Table {
        let name: String
        let columns: [String]
        let always: Bool
        let rows: [[String]]
    }

    func tables() -> [Table] {
        [
            Table(name: "header", columns: ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"], always: true,
                  rows: headerRows()),
            Table(name: "episodes", columns: ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC",
                                              "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"],
                  always: true, rows: episodeRows()),
            Table(name: "uasc", columns: ["CHILD", "SEX", "DOB", "DUC"], always: false, rows: uascRows()),
            Table(name: "reviews", columns: ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"], always: true,
                  rows: rows(scope.reviews, dated: ["review_date"], then: ["participation"])),
            Table(name: "ad1", columns: ["CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR",
                                         "SEX_ADOPTR", "LS_ADOPTR"],
                  always: false, rows: adoptionRows(matched: true)),
            Table(name: "placed_for_adoption", columns: ["CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED",
                                                         "REASON_PLACED_CEASED"],
                  always: false, rows: adoptionRows(matched: false)),
            Table(name: "missing", columns: ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"], always: true,
                  rows: missingRows()),
            Table(name: "oc2", columns: ["CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK",
                                         "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE",
                                         "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"],
                  always: false, rows: rows(scope.healthOutcomes, dated: [], then: Array(CanonicalTable.health_outcomes.columns.dropFirst(2)))),
            Table(name: "oc3", columns: ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"], always: true, rows: careLeaverRows()),
            Table(name: "sw_episodes", columns: ["CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"],
                  always: false, rows: socialWorkerRows()),
            Table(name: "previous_permanence", columns: ["CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"],
                  always: false, rows: previousPermanenceRows()),
            Table(name: "dolo", columns: ["CHILD", "DOB", "DOLO_START", "DOLO_END"], always: false,
                  rows: rows(scope.deprivationOfLiberty, dated: ["start_date", "end_date"], then: [])),
        ]
    }

    private func dob(_ childID: String) -> String { ReturnCodes.ukDate(scope.birthDates[childID] ?? "") }

    private func headerRows() -> [[String]] {
        typealias C = CanonicalColumns.Children
        return scope.children.map { child in
            let v = child.record?.values ?? CanonicalTable.children.emptyValues()
            let upn = v[C.upn].isEmpty ? ReturnCodes.ssda903UPNUnknown(v[C.upnUnknown]) : v[C.upn]
            return [child.id, ReturnCodes.ssda903Sex(v[C.sex], in: year), dob(child.id), v[C.ethnicity], upn, "", ""]
        }
    }

    private func uascRows() -> [[String]] {
        typealias C = CanonicalColumns.Children
        return scope.children.compactMap { child in
            guard let v = child.record?.values, v[C.uasc] == "1" else { return nil }
            return [child.id, ReturnCodes.ssda903Sex(v[C.sex], in: year), ReturnCodes.ukDate(v[C.birthDate]), ""]
        }
    }

    private func episodeRows() -> [[String]] {
        let dates: Set<Int> = [CanonicalTable.cla_episodes.index(of: "start_date"),
                               CanonicalTable.cla_episodes.index(of: "end_date")]
        // Episodes' columns are the canonical columns, one for one and in the same order.
        return scope.episodes.map { record in
            record.values.enumerated().map { dates.contains($0.offset) ? ReturnCodes.ukDate($0.element) : $0.element }
        }
    }

    private func missingRows() -> [[String]] {
        let t = CanonicalTable.missing_episodes
        let child = t.index(of: "child_id"), kind = t.index(of: "kind")
        let start = t.index(of: "start_date"), end = t.index(of: "end_date")
        return scope.missing.map { r in
            [r.values[child], dob(r.values[child]), r.values[kind], ReturnCodes.ukDate(r.values[start]),
             ReturnCodes.ukDate(r.values[end])]
        }
    }

    private func careLeaverRows() -> [[String]] {
        let t = CanonicalTable.care_leavers
        let child = t.index(of: "child_id"), birth = t.index(of: "birth_date"), touch = t.index(of: "in_touch")
        let activity = t.index(of: "activity"), accommodation = t.index(of: "accommodation")
        let suitable = t.index(of: "accommodation_suitable")
        return scope.careLeavers.map { r in
            let id = r.values[child]
            let born = r.values[birth].isEmpty ? dob(id) : ReturnCodes.ukDate(r.values[birth])
            return [id, born, r.values[touch], r.values[activity],
                    ReturnCodes.accommodation(r.values[accommodation], suitable: r.values[suitable])]
        }
    }

    private func adoptionRows(matched: Bool) -> [[String]] {
        let t = CanonicalTable.adoptions
        let child = t.index(of: "child_id"), decided = t.index(of: "decision_date"), match = t.index(of: "matched_date")
        let reversed = t.index(of: "decision_reversed_date"), reason = t.index(of: "reason_reversed")
        return scope.adoptions.filter { $0.values[match].isEmpty != matched }.map { r in
            let id = r.values[child]
            if matched {
                return [id, dob(id), ReturnCodes.ukDate(r.values[decided]), ReturnCodes.ukDate(r.values[match]),
                        "", "", "", ""]
            }
            return [id, dob(id), ReturnCodes.ukDate(r.values[decided]), ReturnCodes.ukDate(r.values[reversed]),
                    r.values[reason]]
        }
    }

    private func socialWorkerRows() -> [[String]] {
        let t = CanonicalTable.allocations
        let child = t.index(of: "child_id"), worker = t.index(of: "worker_id")
        let start = t.index(of: "start_date"), end = t.index(of: "end_date"), reason = t.index(of: "reason")
        return scope.allocations.map { r in
            let id = r.values[child]
            return [id, dob(id), r.values[worker], ReturnCodes.ukDate(r.values[start]), ReturnCodes.ukDate(r.values[end]),
                    r.values[reason]]
        }
    }

    private func previousPermanenceRows() -> [[String]] {
        let t = CanonicalTable.previous_permanence
        let child = t.index(of: "child_id"), option = t.index(of: "previous_permanence")
        let authority = t.index(of: "arranged_la"), order = t.index(of: "order_date")
        return scope.previousPermanence.map { r in
            let id = r.values[child]
            return [id, dob(id), r.values[option], r.values[authority], PreviousPermanence.returnDate(r.values[order], option: r.values[option])]
        }
    }

    /// CHILD, DOB, then the named date columns as `DD/MM/YYYY`, then the other named columns as held.
    private func rows(_ records: [Record], dated: [String], then plain: [String]) -> [[String]] {
        guard let table = records.first?.table else { return [] }
        let child = table.index(of: "child_id")
        let dates = dated.map(table.index(of:)), others = plain.map(table.index(of:))
        return records.map { r in
            let id = r.values[child]
            return [id, dob(id)] + dates.map { ReturnCodes.ukDate(r.values[$0]) } + others.map { r.values[$0] }
        }
    }
}
