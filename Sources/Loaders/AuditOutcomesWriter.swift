import CSCCore

/// Writes `<run folder>/audit_outcomes.csv` (specs/kpis.md, "Audit outcomes"):
/// `period_start,period_end,team,domain,outstanding,good,requires_improvement,
/// inadequate,total,good_or_better`, one row per outcome in the order given.
public struct AuditOutcomesWriter: Sendable {
    public static let fileName = "audit_outcomes.csv"
    public static let header = ["period_start", "period_end", "team", "domain", "outstanding", "good",
                                "requires_improvement", "inadequate", "total", "good_or_better"]

    /// The run folder the file goes into.
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    /// Where the file is written.
    public var path: String { OutputFolder.join(folder, Self.fileName) }

    /// Writes `outcomes`, replacing any file already there; returns its path.
    @discardableResult
    public func write(_ outcomes: [AuditOutcome]) throws -> String {
        try OutputFolder.ensure(folder)
        let out = try CSVFileWriter(path: path)
        try out.writeRow(Self.header)
        for row in outcomes {
            out.writeField(row.period.start.iso, first: true)
            out.writeField(row.period.end.iso)
            out.writeField(row.team)
            out.writeField(row.domain)
            out.writeField(String(row.outstanding))
            out.writeField(String(row.good))
            out.writeField(String(row.requiresImprovement))
            out.writeField(String(row.inadequate))
            out.writeField(String(row.total))
            out.writeField(row.goodOrBetterText)
            try out.endRow()
        }
        try out.finish()
        return path
    }
}
