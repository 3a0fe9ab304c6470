/// The kinds of input a pipeline can read, as written in its `kind:` key.
public enum InputKind: String, Sendable, CaseIterable, Codable {
    case cinCensus = "cin-census"
    case ssda903
    case mapped
    case audits
    case annexA = "annex-a"

    /// Kinds this release can read; the others are refused by `cscpipe validate`
    /// with a clear message rather than half-read.
    public static let supported: [InputKind] = [.cinCensus, .ssda903, .mapped, .audits]
}
