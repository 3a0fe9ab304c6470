import CSCCore

/// Writes a council's casework (`CaseSystemActivity`) as two case systems
/// would export it, for `pipelines/mappings/`:
///
/// - `exports/lcs/{contacts,referrals,visits,allocations}.csv`, Liquidlogic
///   style: `Person ID` headers, UK dates (`14/11/2025`; visits
///   `14-Nov-2025 10:30`), `6 - Police` labels, `Y`/`N`, and cancelled
///   contacts a `Status` filter leaves out;
/// - `exports/mosaic/{contacts,referrals,allocations}.csv` and `visits.xml`,
///   Mosaic style: `PERSON_ID` headers, ISO timestamps, bare labels or codes,
///   `true`/`false`, and the visits as an XML export.
struct CaseSystemExportWriter {
    let activity: CaseSystemActivity

    static let lcsFiles = ["contacts", "referrals", "visits", "allocations"].map { "exports/lcs/\($0).csv" }
    static let mosaicFiles = ["contacts.csv", "referrals.csv", "visits.xml", "allocations.csv"].map { "exports/mosaic/\($0)" }

    /// Writes the eight files under `directory`; returns their relative paths.
    func write(toDirectory directory: String) throws(SynthError) -> [String] {
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        func path(_ relative: String) -> String { (base.isEmpty ? "." : base) + "/" + relative }
        try writeCSV(path(Self.lcsFiles[0]), lcsContacts())
        try writeCSV(path(Self.lcsFiles[1]), lcsReferrals())
        try writeCSV(path(Self.lcsFiles[2]), lcsVisits())
        try writeCSV(path(Self.lcsFiles[3]), lcsAllocations())
        try writeCSV(path(Self.mosaicFiles[0]), mosaicContacts())
        try writeCSV(path(Self.mosaicFiles[1]), mosaicReferrals())
        try writeMosaicVisits(path(Self.mosaicFiles[2]))
        try writeCSV(path(Self.mosaicFiles[3]), mosaicAllocations())
        return Self.lcsFiles + Self.mosaicFiles
    }

    // MARK: Liquidlogic style

    func lcsContacts() -> [[String]] {
        var rows = [["Person ID", "Contact Date", "Contact Source", "Status"]]
        for (i, c) in activity.contacts.enumerated() {
            rows.append([c.childID, c.date.ukFormat, CaseSystemLabels.lcs(c.source, CaseSystemLabels.sources), "Completed"])
            // Now and then a contact recorded twice and cancelled: the mapping's filter leaves it out.
            if i % 29 == 7 {
                rows.append([c.childID, c.date.ukFormat, CaseSystemLabels.lcs("8", CaseSystemLabels.sources), "Cancelled"])
            }
        }
        return rows
    }

    func lcsReferrals() -> [[String]] {
        var rows = [["Person ID", "Referral Date", "Referral Source", "Primary Need", "Closure Date", "Closure Reason",
                     "NFA?", "Team", "Worker"]]
        for r in activity.referrals {
            rows.append([r.childID, r.date.ukFormat, CaseSystemLabels.lcs(r.source, CaseSystemLabels.sources),
                         r.primaryNeed.map { CaseSystemLabels.lcs($0, CaseSystemLabels.needs) } ?? "",
                         r.closureDate?.ukFormat ?? "",
                         r.closureReason.map { CaseSystemLabels.lcs($0, CaseSystemLabels.closures) } ?? "",
                         r.nfa ? "Yes" : "No", r.team, r.worker])
        }
        return rows
    }

    func lcsVisits() -> [[String]] {
        var rows = [["Person ID", "Visit Type", "Actual Date", "Seen Alone?", "Worker"]]
        for (i, v) in activity.visits.enumerated() {
            let type: String
            switch v.kind {
            case "cp": type = i % 4 == 0 ? "Child Protection Statutory Visit" : "CP Visit"
            case "cla": type = i % 5 == 0 ? "LAC Review Visit" : "Looked After Visit"
            default: type = "CIN Visit"
            }
            rows.append([v.childID, type, Self.lcsDateTime(v.date, v.minute), v.seenAlone.map { $0 ? "Y" : "N" } ?? "", v.worker])
        }
        return rows
    }

    func lcsAllocations() -> [[String]] {
        var rows = [["Person ID", "Worker ID", "Worker Name", "Team", "Allocation Start", "Allocation End", "Reason"]]
        for a in activity.allocations {
            rows.append([a.childID, a.workerID, a.workerName, a.team, a.startDate.ukFormat, a.endDate?.ukFormat ?? "",
                         a.reason == "new" ? "New allocation" : "Change of worker"])
        }
        return rows
    }

    // MARK: Mosaic style

    func mosaicContacts() -> [[String]] {
        var rows = [["PERSON_ID", "CONTACT_DATETIME", "SOURCE_OF_CONTACT"]]
        for (i, c) in activity.contacts.enumerated() {
            rows.append([c.childID, Self.isoDateTime(c.date, minute: 9 * 60 + i % 480, separator: " "),
                         CaseSystemLabels.sources[c.source] ?? c.source])
        }
        return rows
    }

    func mosaicReferrals() -> [[String]] {
        var rows = [["PERSON_ID", "REFERRAL_DATETIME", "REFERRAL_SOURCE", "PRIMARY_NEED_CODE", "CLOSURE_DATETIME",
                     "CLOSURE_REASON_CODE", "NFA_FLAG", "TEAM_NAME", "WORKER_NAME"]]
        for r in activity.referrals {
            rows.append([r.childID, Self.isoDateTime(r.date, minute: 0, separator: " "),
                         CaseSystemLabels.sources[r.source] ?? r.source, r.primaryNeed ?? "",
                         r.closureDate.map { Self.isoDateTime($0, minute: 0, separator: " ") } ?? "",
                         r.closureReason ?? "", r.nfa ? "true" : "false", r.team, r.worker])
        }
        return rows
    }

    func mosaicAllocations() -> [[String]] {
        var rows = [["PERSON_ID", "WORKER_ID", "TEAM_NAME", "ALLOCATION_START", "ALLOCATION_END", "ALLOCATION_REASON"]]
        for a in activity.allocations {
            rows.append([a.childID, a.workerID, a.team, Self.isoDateTime(a.startDate, minute: 0, separator: "T") + "Z",
                         a.endDate.map { Self.isoDateTime($0, minute: 0, separator: "T") + "Z" } ?? "",
                         a.reason == "new" ? "NEW" : "TRANSFER"])
        }
        return rows
    }

    /// `<VisitExport><Visit>` records with the person and worker nested, as Mosaic's XML reports do.
    private func writeMosaicVisits(_ path: String) throws(SynthError) {
        let output = try FileOutput(path: path)
        var xml = XMLByteWriter(output: output)
        do {
            xml.declaration()
            xml.open("VisitExport", depth: 0)
            for v in activity.visits {
                xml.open("Visit", depth: 1)
                xml.open("Person", depth: 2)
                xml.element("ID", v.childID, depth: 3)
                xml.close("Person", depth: 2)
                xml.element("VisitType", v.kind == "cp" ? "Statutory Visit - CP" : v.kind == "cla" ? "Statutory Visit - CLA"
                    : "Statutory Visit - CIN", depth: 2)
                xml.element("StartDateTime", Self.isoDateTime(v.date, minute: v.minute, separator: "T"), depth: 2)
                xml.element("SeenAlone", v.seenAlone.map { $0 ? "Yes" : "No" } ?? "Not recorded", depth: 2)
                xml.open("Worker", depth: 2)
                xml.element("Name", v.worker, depth: 3)
                xml.close("Worker", depth: 2)
                xml.close("Visit", depth: 1)
                try xml.flushIfFull()
            }
            xml.close("VisitExport", depth: 0)
            try xml.finish()
            try output.commit()
        } catch {
            output.discard()
            throw error
        }
    }

    // MARK: Bytes

    private func writeCSV(_ path: String, _ rows: [[String]]) throws(SynthError) {
        let output = try FileOutput(path: path)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        do {
            for row in rows {
                for (i, cell) in row.enumerated() {
                    if i > 0 { buffer.append(0x2C) }
                    if cell.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
                        buffer.append(0x22)
                        for b in cell.utf8 {
                            if b == 0x22 { buffer.append(0x22) }
                            buffer.append(b)
                        }
                        buffer.append(0x22)
                    } else {
                        buffer.append(contentsOf: cell.utf8)
                    }
                }
                buffer.append(0x0A)
                if buffer.count >= 1 << 20 {
                    try output.write(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try output.write(buffer)
            try output.commit()
        } catch {
            output.discard()
            throw error
        }
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `14-Nov-2025 10:30`.
    static func lcsDateTime(_ day: Day, _ minute: Int) -> String {
        let c = day.components
        return "\(two(c.day))-\(months[c.month - 1])-\(c.year) \(two(minute / 60)):\(two(minute % 60))"
    }

    /// `2025-11-14 10:30:00` (or with `T`).
    static func isoDateTime(_ day: Day, minute: Int, separator: String) -> String {
        "\(day.iso)\(separator)\(two(minute / 60)):\(two(minute % 60)):00"
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}
