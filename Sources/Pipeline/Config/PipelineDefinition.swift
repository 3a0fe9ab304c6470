import CSCCore
import Extractors
import Transformers

/// A pipeline file, checked and with every path resolved against the
/// pipeline file's own folder (so cron can run it from anywhere).
public struct PipelineDefinition: Sendable {
    /// One entry of `inputs:`, read in the order listed; later inputs win the merge.
    public struct Input: Sendable {
        public var kind: InputKind
        /// The path or glob as written in the pipeline (used in reports).
        public var pattern: String
        /// The pattern resolved against the pipeline's folder.
        public var resolvedPattern: String
        /// `year:`: the collection year, overriding what the file says.
        public var year: CollectionYear?
        /// Line of this input in the pipeline file, for messages.
        public var line: Int?
        /// `mapping:` of a `mapped` input: the mapping file, resolved, and what it says.
        public var mappingPath: String?
        public var mapping: MappedExport?
        /// `columns:` and `domains:` of an `audits` input: which export column holds what.
        public var auditColumns: AuditColumns?
    }

    /// When the run's exit code turns from 0 to 1: the number of issues of a
    /// severity at which the run counts as failed (`fail_on: { error: 1 }`).
    public struct Thresholds: Sendable, Equatable {
        public var limits: [Severity: Int]
        public static let `default` = Thresholds(limits: [.error: 1])

        /// The first severity whose count reaches its limit, if any.
        public func breach(in counts: [Severity: Int]) -> (Severity, count: Int, limit: Int)? {
            for s in Severity.allCases {
                if let limit = limits[s], let n = counts[s], n >= limit { return (s, n, limit) }
            }
            return nil
        }
    }

    public enum AsOf: Sendable, Equatable {
        case today
        case date(Day)
    }

    /// The pipeline file as given.
    public var path: String
    public var name: String
    public var asOf: AsOf
    /// The output folder, resolved.
    public var output: String
    public var failOn: Thresholds
    public var inputs: [Input]
    /// The reference data folder (code lists, bank holidays), resolved.
    public var reference: String
    /// How many earlier run folders to keep besides the one `latest` points at.
    public var keepRuns: Int
    /// `kpis:`: the KPI files, resolved, in the order listed.
    public var kpiFiles: [String] = []
    /// Every KPI of those files, in file order.
    public var kpis: [KPIDefinition] = []
}
