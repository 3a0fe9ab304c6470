/// How bad an issue is, from the data team's point of view.
public enum Severity: String, Sendable, CaseIterable, Comparable, Codable {
    /// The input could not be used at all; the run publishes nothing.
    case fatal
    /// Fails a DfE error rule, or a record or value could not be loaded.
    case error
    /// A DfE query: may be right, check it.
    case query
    /// Our own data-quality advice.
    case warning

    private var rank: Int {
        switch self {
        case .fatal: 0
        case .error: 1
        case .query: 2
        case .warning: 3
        }
    }

    public static func < (l: Severity, r: Severity) -> Bool { l.rank < r.rank }
}
