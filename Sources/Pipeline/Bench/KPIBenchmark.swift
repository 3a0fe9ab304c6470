import CSCCore
import GRDB
import Loaders
import Transformers

/// Times the KPI pack on a run's warehouse, KPI by KPI, so the note can say
/// where the time goes; the target is the whole pack in under 10 seconds
/// for a 100,000-child council.
struct KPIBenchmark: BenchmarkPart {
    let report: @Sendable (String) -> Void

    static let targetSeconds = 10.0

    func run(warehousePath: String, definitions: [KPIDefinition], calendar: WorkingDayCalendar, asOf: Day) throws {
        let database = try DatabaseQueue(path: warehousePath)
        let periods = ReportingPeriod.standard(asOf: asOf)
        let evaluator = KPIEvaluator(periods: periods, asOf: asOf)
        var timings: [(id: String, seconds: Double, rows: Int)] = []
        let rowCounts = try database.read { db in
            try ["referrals", "assessments", "cp_plans", "cla_episodes", "visits", "audits"].map {
                "\($0) \(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \"\($0)\"") ?? 0)"
            }
        }
        try database.inDatabase { db in
            KPIFunctions.register(calendar: calendar, in: db)
            for definition in definitions {
                let t0 = ContinuousClock.now
                let results = try evaluator.evaluate([definition], in: db)
                timings.append((definition.id, seconds(since: t0), results.cohorts.count))
            }
        }
        let total = timings.reduce(0) { $0 + $1.seconds }
        let t0 = ContinuousClock.now
        let stage = KPIStage(definitions: definitions, calendar: calendar, asOf: asOf)
        let results = try stage.evaluate(path: warehousePath)
        let parallel = seconds(since: t0)
        report("")
        report("KPI pack: \(definitions.count) KPIs × \(periods.count) periods on the run's warehouse (\(rowCounts.joined(separator: ", ")))")
        report(pad("KPI", 40) + pad("s", 8) + "cohort rows")
        for t in timings.sorted(by: { $0.seconds > $1.seconds }) {
            report(pad(t.id, 40) + pad(String(format: "%.3f", t.seconds), 8) + String(t.rows))
        }
        report(pad("all KPIs, one after another", 40) + String(format: "%.2f", total))
        report(pad("all KPIs as a run evaluates them (target < \(Int(Self.targetSeconds)) s)", 40) + String(format: "%.2f", parallel)
               + "  \(results.cohorts.count) cohort rows, " + (parallel < Self.targetSeconds ? "within target" : "OVER TARGET"))
    }
}
