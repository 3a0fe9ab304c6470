import CSCCore

/// Writes a synthetic council's looked-after children as the SSDA903 CSV
/// files of its collection year: Header, Episodes, Reviews, Missing, OC3 and
/// PrevPerm, with the DfE columns (formats.md §2.1) and `DD/MM/YYYY` dates.
///
/// Episodes holds every episode open at some point in the year or starting
/// in it, up to the as-of date; Reviews and Missing the reviews and spells in
/// the year; OC3 the year's care leavers; Header every child with an episode
/// in Episodes or a row in OC3 (a care leaver whose last episode ended before
/// the year is still a child of the return: INT06); PrevPerm one row for each
/// child whose period of care began in the year (903 rule 630). The rows and the canonical records a reader makes of them
/// come from one pass, so they cannot drift apart.
struct SSDA903Writer {
    /// The files written, in writing order.
    enum File: String, CaseIterable {
        case header, episodes, reviews, missing, oc3
        case previousPermanence = "previous_permanence"

        var columns: [String] {
            switch self {
            case .header: ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"]
            case .episodes:
                ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
                 "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"]
            case .reviews: ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"]
            case .missing: ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"]
            case .oc3: ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"]
            case .previousPermanence: ["CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"]
            }
        }

        var table: CanonicalTable {
            switch self {
            case .header: .children
            case .episodes: .cla_episodes
            case .reviews: .cla_reviews
            case .missing: .missing_episodes
            case .oc3: .care_leavers
            case .previousPermanence: .previous_permanence
            }
        }
    }

    /// One CSV row and the canonical values a reader makes of it.
    struct Row {
        var cells: [String]
        var canonical: [String]
    }

    let council: SyntheticCouncil

    /// `ssda903/2024-25/episodes.csv`.
    func relativePath(_ file: File) -> String { "ssda903/\(council.collectionYear)/\(file.rawValue).csv" }

    /// Writes the files under `directory`; returns the canonical records per table.
    func write(toDirectory directory: String) throws(SynthError) -> (files: [String], counts: [CanonicalTable: Int]) {
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var files: [String] = []
        var counts: [CanonicalTable: Int] = [:]
        let rows = self.rows()
        for file in File.allCases {
            let path = relativePath(file)
            let output = try FileOutput(path: (base.isEmpty ? "." : base) + "/" + path)
            do {
                try output.write(bytes(file.columns, rows[file] ?? []))
                try output.commit()
            } catch {
                output.discard()
                throw error
            }
            files.append(path)
            counts[file.table, default: 0] += rows[file]?.count ?? 0
        }
        return (files, counts)
    }

    /// The canonical records per table, each sourced from its file's relative path and line.
    func records() -> [CanonicalTable: [Record]] {
        var result: [CanonicalTable: [Record]] = [:]
        let rows = self.rows()
        for file in File.allCases {
            let source = relativePath(file)
            result[file.table] = (rows[file] ?? []).enumerated().map { index, row in
                Record(table: file.table, values: row.canonical, source: SourceLocation(file: source, line: index + 2))
            }
        }
        return result
    }

    private func bytes(_ columns: [String], _ rows: [Row]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 * (rows.count + 1))
        func line(_ cells: [String]) {
            for (i, cell) in cells.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: cell.utf8)
            }
            out.append(0x0A)
        }
        line(columns)
        for row in rows { line(row.cells) }
        return out
    }

    func rows() -> [File: [Row]] {
        let year = council.collectionYear
        let yearStart = year.start
        let modernSex = year.startYear >= 2024
        let children = Dictionary(uniqueKeysWithValues: council.children.map { ($0.id, $0) })
        var rows: [File: [Row]] = Dictionary(uniqueKeysWithValues: File.allCases.map { ($0, []) })
        for history in council.careHistories {
            guard let child = children[history.childID], let birth = child.birthDate else { continue }
            let id = child.id
            let dob = birth.ukFormat
            let episodes = history.episodes.filter { ($0.endDate ?? council.options.asOf) >= yearStart }
            if !episodes.isEmpty || history.careLeaver != nil {
                let sex: String = modernSex ? child.sex.rawValue : (child.sex == .male ? "1" : "2")
                let (upn, upnUnknown) = pupilNumber(child)
                rows[.header]!.append(Row(
                    cells: [id, sex, dob, child.ethnicity, upn ?? upnUnknown, child.sex == .female ? "0" : "", ""],
                    canonical: [id, upn ?? "", "", upn == nil ? upnUnknown : "", birth.iso, "", child.sex.rawValue,
                                child.ethnicity, "", "", "", ""]))
            }
            for e in episodes {
                rows[.episodes]!.append(Row(
                    cells: [id, e.startDate.ukFormat, e.reasonNewEpisode, e.legalStatus, e.categoryOfNeed, e.placement,
                            e.provider, e.endDate?.ukFormat ?? "", e.reasonEnded ?? "", e.reasonPlaceChange ?? "",
                            e.homePostcode, e.placementPostcode, e.urn],
                    canonical: [id, e.startDate.iso, e.reasonNewEpisode, e.legalStatus, e.categoryOfNeed, e.placement,
                                e.provider, e.endDate?.iso ?? "", e.reasonEnded ?? "", e.reasonPlaceChange ?? "",
                                e.homePostcode, e.placementPostcode, e.urn]))
            }
            for r in history.reviews where r.date >= yearStart {
                rows[.reviews]!.append(Row(cells: [id, dob, r.date.ukFormat, r.participation],
                                           canonical: [id, r.date.iso, r.participation]))
            }
            for m in history.missing where (m.endDate ?? council.options.asOf) >= yearStart {
                rows[.missing]!.append(Row(
                    cells: [id, dob, m.kind, m.startDate.ukFormat, m.endDate?.ukFormat ?? ""],
                    canonical: [id, m.kind, m.startDate.iso, m.endDate?.iso ?? ""]))
            }
            if history.startDate >= yearStart {
                let permanence = history.previousPermanence
                rows[.previousPermanence]!.append(Row(
                    cells: [id, dob, permanence.option, "", permanence.writtenDate],
                    canonical: [id, permanence.option, "", permanence.canonicalDate]))
            }
            if let leaver = history.careLeaver {
                let accommodation = leaver.accommodation
                let letter = accommodation.count == 2 ? String(accommodation.prefix(1)) : accommodation
                let suitable = accommodation.count == 2 ? (accommodation.hasSuffix("1") ? "1" : "0") : ""
                rows[.oc3]!.append(Row(
                    cells: [id, dob, leaver.inTouch, leaver.activity, accommodation],
                    canonical: [id, year.description, birth.iso, leaver.inTouch, leaver.activity, letter, suitable,
                                "", "", "", ""]))
            }
        }
        return rows
    }

    /// The UPN, or the 903's reason for its absence: the 903 knows only
    /// UN1–UN5, so the CIN-only reasons become UN4 (newly looked after, not yet known).
    private func pupilNumber(_ child: SyntheticChild) -> (upn: String?, unknown: String) {
        if let upn = child.upn { return (upn, "") }
        let reason = child.upnUnknown ?? "UN4"
        return (nil, ["UN1", "UN2", "UN3", "UN4", "UN5"].contains(reason) ? reason : "UN4")
    }
}
