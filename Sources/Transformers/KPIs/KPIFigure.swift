import CSCCore

/// One KPI for one period: a row of `kpis.csv`.
public struct KPIFigure: Sendable, Equatable {
    public var kpi: String
    public var title: String
    public var period: ReportingPeriod
    /// The count, the rate's numerator or the mean's sum, as written.
    public var numerator: String
    /// The rate's or mean's population size; empty for a count.
    public var denominator: String
    /// The count, or the fraction rounded half-up to 4 decimal places; empty
    /// for an empty population.
    public var value: String
    /// A rated KPI's green threshold as written in its file; empty for a count.
    public var target: String
    public var rag: RAGRating?

    public static let header = ["kpi", "title", "period_start", "period_end", "numerator", "denominator", "value", "target", "rag"]

    public var fields: [String] {
        [kpi, title, period.startISO, period.endISO, numerator, denominator, value, target, rag?.rawValue ?? ""]
    }
}

/// One row behind a figure: a row of `kpi_cohorts.csv`.
public struct CohortMember: Sendable, Equatable {
    public var kpi: String
    public var period: ReportingPeriod
    public var childID: String
    public var itemID: String
    public var inNumerator: Bool

    public static let header = ["kpi", "period_start", "period_end", "child_id", "item_id", "in_numerator"]

    public var fields: [String] {
        [kpi, period.startISO, period.endISO, childID, itemID, inNumerator ? "1" : "0"]
    }
}

/// Everything a KPI pack gave for a run.
public struct KPIResults: Sendable {
    /// In KPI order, then period order.
    public var figures: [KPIFigure] = []
    /// In KPI order, then period order, then by child id and item id.
    public var cohorts: [CohortMember] = []

    public init() {}
}

/// A fraction as the KPI pack writes it: rounded half-up to 4 decimal places
/// (`0.2143`, `1.0000`), computed in integers so `0.00005` steps round the
/// same way on every machine.
func fourDecimalPlaces(numerator: Int, denominator: Int) -> String {
    precondition(denominator > 0 && numerator >= 0)
    let scaled = (numerator * 20_000 + denominator) / (2 * denominator)
    return fourDecimalPlaces(tenThousandths: scaled)
}

/// A real number rounded half away from zero to 4 decimal places, for means.
func fourDecimalPlaces(_ x: Double) -> String {
    let scaled = Int((x * 10_000).rounded(.toNearestOrAwayFromZero))
    return scaled < 0 ? "-" + fourDecimalPlaces(tenThousandths: -scaled) : fourDecimalPlaces(tenThousandths: scaled)
}

private func fourDecimalPlaces(tenThousandths n: Int) -> String {
    let fraction = String(n % 10_000)
    return "\(n / 10_000)." + String(repeating: "0", count: 4 - fraction.count) + fraction
}
