/// The kinds of input a pipeline can read, as written in its `kind:` key.
public enum InputKind: String, Sendable, CaseIterable, Codable {
    case cinCensus = "cin-census"
    case ssda903
    case mapped
    case audits
    case annexA = "annex-a"
}
