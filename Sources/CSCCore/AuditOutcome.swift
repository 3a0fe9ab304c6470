/// One row of `audit_outcomes.csv` (specs/kpis.md, "Audit outcomes"): how the
/// graded audits of one period, team and domain came out.
public struct AuditOutcome: Sendable, Hashable {
    /// The domain name of the overall judgement's rows.
    public static let overallDomain = "overall"

    public var period: ReportingPeriod
    /// Empty for all teams together.
    public var team: String
    /// `overall`, or a domain as the pipeline names it.
    public var domain: String
    public var outstanding: Int
    public var good: Int
    public var requiresImprovement: Int
    public var inadequate: Int

    public init(period: ReportingPeriod, team: String, domain: String, outstanding: Int = 0, good: Int = 0,
                requiresImprovement: Int = 0, inadequate: Int = 0) {
        self.period = period
        self.team = team
        self.domain = domain
        self.outstanding = outstanding
        self.good = good
        self.requiresImprovement = requiresImprovement
        self.inadequate = inadequate
    }

    /// Graded audits: audits with no grade (or an unreadable one) are not counted.
    public var total: Int { outstanding + good + requiresImprovement + inadequate }

    /// Counts one more audit with `grade`.
    public mutating func count(_ grade: AuditGrade) {
        switch grade {
        case .outstanding: outstanding += 1
        case .good: good += 1
        case .requiresImprovement: requiresImprovement += 1
        case .inadequate: inadequate += 1
        }
    }

    /// (good + outstanding) / total as a 4-decimal fraction rounded half up
    /// (`0.5714`, `1.0000`); empty when nothing was graded.
    public var goodOrBetterText: String {
        let total = self.total
        guard total > 0 else { return "" }
        // Exact integer rounding: no binary fraction can tip a half the wrong way.
        let tenThousandths = ((good + outstanding) * 20_000 + total) / (2 * total)
        let fraction = String(tenThousandths % 10_000)
        return "\(tenThousandths / 10_000)." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }
}
