/// A value's rating against its KPI's thresholds (specs/kpis.md): for
/// `better: higher`, green at or above green, amber at or above amber, else
/// red; for `better: lower` the same below.
public enum RAGRating: String, Sendable {
    case green
    case amber
    case red

    /// Rates the exact fraction `numerator / denominator`; nil when the
    /// population is empty (no value, no rating).
    public static func rate(numerator: Int, denominator: Int, by rating: KPIDefinition.Rating) -> RAGRating? {
        guard denominator > 0 else { return nil }
        return judge(rating) { $0.compare(numerator: numerator, denominator: denominator) }
    }

    /// Rates a mean.
    public static func rate(mean: Double, by rating: KPIDefinition.Rating) -> RAGRating {
        judge(rating) { Threshold.ordering(mean, $0.number) }
    }

    private static func judge(_ rating: KPIDefinition.Rating,
                              _ compare: (Threshold) -> Threshold.Ordering) -> RAGRating {
        func meets(_ t: Threshold) -> Bool {
            switch (rating.better, compare(t)) {
            case (_, .equal), (.higher, .above), (.lower, .below): true
            default: false
            }
        }
        if meets(rating.green) { return .green }
        if meets(rating.amber) { return .amber }
        return .red
    }
}
