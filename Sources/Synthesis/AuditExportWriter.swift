import CSCCore

/// Writes a synthetic council's case audits as a case-audit tool's CSV export,
/// `exports/audits.csv`, in the calibration council's column layout
/// (`AuditGenerator.domains`, `DD/MM/YYYY` dates), with the grade spellings
/// real tools produce.
struct AuditExportWriter {
    static let relativePath = "exports/audits.csv"
    static let columns = ["Audit Ref", "Child ID", "Date Completed", "Auditor", "Team", "Social Worker",
                          "Overall Judgement"] + AuditGenerator.domains.map(\.heading)

    let council: SyntheticCouncil

    /// Writes the file under `directory`; returns the canonical records per table.
    func write(toDirectory directory: String) throws(SynthError) -> [CanonicalTable: Int] {
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let audits = AuditGenerator(council: council).audits()
        let output = try FileOutput(path: (base.isEmpty ? "." : base) + "/" + Self.relativePath)
        do {
            try output.write(bytes(audits))
            try output.commit()
        } catch {
            output.discard()
            throw error
        }
        let records = records(of: audits, sourceFile: Self.relativePath)
        return records.mapValues(\.count)
    }

    /// The `audits` and `audit_grades` records a reader makes of the file,
    /// sourced from `sourceFile` and the row's line.
    func records(sourceFile: String) -> [CanonicalTable: [Record]] {
        records(of: AuditGenerator(council: council).audits(), sourceFile: sourceFile)
    }

    private func records(of audits: [SyntheticAudit], sourceFile: String) -> [CanonicalTable: [Record]] {
        var result: [CanonicalTable: [Record]] = [.audits: [], .audit_grades: []]
        for (index, audit) in audits.enumerated() {
            let source = SourceLocation(file: sourceFile, line: index + 2)
            result[.audits]!.append(Record(
                table: .audits,
                values: [audit.id, audit.childID, audit.date.iso, audit.auditor, audit.team, audit.worker,
                         audit.childID.isEmpty ? "thematic" : "case", audit.overall.canonical ?? ""],
                source: source))
            for (domain, grade) in zip(AuditGenerator.domains, audit.domains) {
                guard let canonical = grade.canonical else { continue }
                result[.audit_grades]!.append(Record(table: .audit_grades, values: [audit.id, domain.name, canonical],
                                                     source: source))
            }
        }
        return result
    }

    private func bytes(_ audits: [SyntheticAudit]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(120 * (audits.count + 1))
        func line(_ cells: [String]) {
            for (i, cell) in cells.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: cell.utf8)
            }
            out.append(0x0A)
        }
        line(Self.columns)
        for audit in audits {
            line([audit.id, audit.childID, audit.date.ukFormat, audit.auditor, audit.team, audit.worker,
                  audit.overall.written] + audit.domains.map(\.written))
        }
        return out
    }
}

extension SyntheticCouncil {
    /// Where `Synthesizer.write` puts the case-audit export, relative to its directory.
    public var auditExportPath: String { AuditExportWriter.relativePath }

    /// The case-audit export's column headings, in order.
    public static var auditExportColumns: [String] { AuditExportWriter.columns }

    /// The canonical `audits` and `audit_grades` records an audits reader
    /// (with the calibration layout, `AuditColumns.example`) makes of the
    /// written export, in file order: ISO dates, grades normalised (empty
    /// where the cell is unrecognised), no `audit_grades` row for a blank or
    /// not-graded domain, `audit_type` case, or thematic for an audit with no
    /// child. Sourced from `sourceFile` (default `auditExportPath`) and the line.
    public func auditRecords(sourceFile: String? = nil) -> [CanonicalTable: [Record]] {
        AuditExportWriter(council: self).records(sourceFile: sourceFile ?? auditExportPath)
    }
}
