/// One indicator as a data team declares it in a KPI file
/// (`pipelines/kpis/standard.yaml`): what it counts, the SQL that yields its
/// population, and how its value is rated.
///
/// The SQL runs on the run's warehouse once per reporting period with
/// `:period_start`, `:period_end` and `:as_of` bound (ISO dates), and returns
/// one row per member of the population with the columns `child_id`,
/// `item_id` and, for a rate, `in_numerator` (0/1); for a mean, `value`.
public struct KPIDefinition: Sendable, Equatable {
    /// How the population's rows become the figure.
    public enum Kind: String, Sendable, CaseIterable {
        /// The number of rows.
        case count
        /// Rows with `in_numerator` = 1 over all rows.
        case rate
        /// The average of the rows' `value` (e.g. an average caseload).
        case mean
    }

    /// Which direction is good, for the RAG rating.
    public enum Better: String, Sendable, CaseIterable {
        case higher
        case lower
    }

    public var id: String
    public var title: String
    public var description: String
    public var kind: Kind
    public var sql: String
    /// Rates and means are rated; counts are not.
    public var rating: Rating?
    /// Where the KPI is declared, for messages: the KPI file and the line of its `id`.
    public var file: String
    public var line: Int?
    /// The line of its `sql:` key, where a broken query is reported.
    public var sqlLine: Int?

    /// The thresholds a value is rated against.
    public struct Rating: Sendable, Equatable {
        public var better: Better
        public var green: Threshold
        public var amber: Threshold

        public init(better: Better, green: Threshold, amber: Threshold) {
            self.better = better
            self.green = green
            self.amber = amber
        }
    }

    public init(id: String, title: String, description: String = "", kind: Kind, sql: String,
                rating: Rating? = nil, file: String = "", line: Int? = nil, sqlLine: Int? = nil) {
        self.id = id
        self.title = title
        self.description = description
        self.kind = kind
        self.sql = sql
        self.rating = rating
        self.file = file
        self.line = line
        self.sqlLine = sqlLine
    }

    /// The columns the SQL must return for this kind.
    public var requiredColumns: [String] {
        switch kind {
        case .count: ["child_id", "item_id"]
        case .rate: ["child_id", "item_id", "in_numerator"]
        case .mean: ["child_id", "item_id", "value"]
        }
    }
}
