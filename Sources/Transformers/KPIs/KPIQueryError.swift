/// A KPI whose SQL cannot run or does not return the columns its kind needs.
public struct KPIQueryError: Error, Sendable, CustomStringConvertible {
    public var kpi: String
    /// The KPI file and the line of the KPI's `sql:` key.
    public var file: String
    public var line: Int?
    public var message: String

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): KPI `\(kpi)`: \(message)"
    }
}
