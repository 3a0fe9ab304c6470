import CSCCore
import Extractors
import Foundation
import GRDB
import Pipeline
import Testing

/// The README's first command: the nightly pipeline on the bundled sample.
@Suite("The bundled sample run")
struct BundledSampleTests {
    @Test func writesEveryIndicatorForAllThirteenPeriods() throws {
        let (ws, definition, result) = try runBundledSample()
        #expect(result.published)
        #expect(result.outcome.exitCode <= 1)

        let kpis = try CSVReader.readAll(path: ws.path + "/out/latest/kpis.csv")
        let ids = definition.kpis.map(\.id)
        #expect(ids.count == 19)
        #expect(kpis.rows.count == ids.count * 13)
        let periods = ReportingPeriod.standard(asOf: Day(iso: "2025-11-14")!).map { [$0.start.iso, $0.end.iso] }
        for (i, id) in ids.enumerated() {
            let rows = kpis.rows[(i * 13)..<((i + 1) * 13)]
            #expect(rows.allSatisfy { $0[0] == id }, "\(id) rows out of order")
            #expect(rows.map { [$0[2], $0[3]] } == periods, "\(id) periods")
        }
        // The sample is a living council: its headline counts are not empty.
        let latest = Dictionary(uniqueKeysWithValues: kpis.rows.filter { $0[2] == "2025-04-01" && $0[3] == "2025-11-14" }.map { ($0[0], $0[6]) })
        for id in ["referrals", "cp_open", "cla_open"] {
            #expect(Int(latest[id] ?? "") ?? 0 > 0, "\(id) year to date: \(latest[id] ?? "missing")")
        }
        let cohorts = try CSVReader.readAll(path: ws.path + "/out/latest/kpi_cohorts.csv")
        #expect(cohorts.header == ["kpi", "period_start", "period_end", "child_id", "item_id", "in_numerator"])
        #expect(!cohorts.rows.isEmpty)
        // The same figures and cohorts are in the warehouse, for anyone who queries it.
        let warehouse = try DatabaseQueue(path: ws.path + "/out/latest/warehouse.sqlite")
        let counts = try warehouse.read { db in
            try ["kpis", "kpi_cohorts", "kpi_cohorts WHERE in_numerator NOT IN (0, 1)"].map {
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? -1
            }
        }
        #expect(counts == [kpis.rows.count, cohorts.rows.count, 0])
        #expect(ws.exists("out/latest/audit_outcomes.csv"))
    }
}
