import CSCCore
import Foundation
import GRDB
import Loaders
import Transformers

/// Evaluates a pipeline's KPIs on the run's warehouse and writes them out:
/// `kpis.csv`, `kpi_cohorts.csv`, and the `kpis` / `kpi_cohorts` tables.
struct KPIStage {
    let definitions: [KPIDefinition]
    let calendar: WorkingDayCalendar
    let asOf: Day

    var periods: [ReportingPeriod] { ReportingPeriod.standard(asOf: asOf) }

    /// Writes evaluated KPIs into the warehouse and into `folder`.
    func write(_ results: KPIResults, into warehouse: SQLiteWarehouse, folder: String) throws {
        try warehouse.writeTable(name: "kpis", columns: Self.figureColumns, rows: results.figures.lazy.map { $0.fields.map(Optional.some) })
        try Self.writeCSV(folder + "/kpis.csv", header: KPIFigure.header, rows: results.figures.lazy.map(\.fields))
        // A large council's pack has a million cohort rows: both writers take
        // each value from the row itself rather than an array made per row.
        try warehouse.writeTable(name: "kpi_cohorts", columns: Self.cohortColumns) { rows in
            for member in results.cohorts {
                rows.set(1, member.kpi)
                rows.set(2, member.period.startISO)
                rows.set(3, member.period.endISO)
                rows.set(4, member.childID)
                rows.set(5, member.itemID)
                rows.set(6, member.inNumerator ? 1 : 0)
                try rows.insert()
            }
        }
        let csv = try CSVFileWriter(path: folder + "/kpi_cohorts.csv")
        try csv.writeRow(CohortMember.header)
        for member in results.cohorts {
            csv.writeField(member.kpi, first: true)
            csv.writeField(member.period.startISO)
            csv.writeField(member.period.endISO)
            csv.writeField(member.childID)
            csv.writeField(member.itemID)
            csv.writeField(member.inNumerator ? "1" : "0")
            try csv.endRow()
        }
        try csv.finish()
    }

    /// Evaluates the KPIs on the warehouse file at `path`, several at a time
    /// on read-only connections of their own (one per core): each query is
    /// single-threaded in SQLite, so a pack of 19 uses both cores this way.
    /// The results come back in the pack's order whatever finishes first.
    func evaluate(path: String) throws -> KPIResults {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, definitions.count, 4))
        let configuration = Self.readerConfiguration()
        let connections = try (0..<workers).map { _ in try DatabaseQueue(path: path, configuration: configuration) }
        let evaluator = KPIEvaluator(periods: periods, asOf: asOf)
        let work = ParallelWork<KPIResults>(count: definitions.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            do {
                try connections[worker].inDatabase { db in
                    KPIFunctions.register(calendar: calendar, in: db)
                    while let i = work.next() {
                        work.finish(i, with: try evaluator.evaluate([definitions[i]], in: db))
                    }
                }
            } catch {
                work.fail(error)
            }
        }
        for connection in connections { try connection.close() }
        var all = KPIResults()
        for part in try work.results() {
            all.figures += part.figures
            all.cohorts += part.cohorts
        }
        return all
    }
    /// Runs every KPI's SQL once on an empty warehouse (`cscpipe validate`),
    /// returning the first broken one.
    func check() throws {
        let database = try DatabaseQueue()
        try database.inDatabase { db in
            for table in CanonicalTable.allCases {
                let columns = WarehouseColumn.columns(of: table).map { "\"\($0.name)\" \($0.kind.rawValue)" }
                try db.execute(sql: "CREATE TABLE \"\(table.name)\" (\(columns.joined(separator: ", ")))")
            }
            KPIFunctions.register(calendar: calendar, in: db)
            let evaluator = KPIEvaluator(periods: periods, asOf: asOf)
            for definition in definitions {
                try evaluator.check(definition, in: db)
            }
        }
    }

    /// A KPI connection: read-only, reading the warehouse through a memory map.
    ///
    /// Each KPI scans the same tables for every period. Through a memory map
    /// every connection shares the operating system's cached pages; with
    /// pread (SQLite's default) each query copies them into a small private
    /// cache again, which measured a tenth of a whole run's processor time.
    static func readerConfiguration() -> Configuration {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA mmap_size = \(Self.mappedBytes)")
        }
        return configuration
    }

    /// The most of the warehouse a KPI connection maps: far above any council's size, and SQLite caps it at
    /// its own compile-time limit.
    static let mappedBytes = 1 << 34

    static let figureColumns: [WarehouseColumn] = [
        .init("kpi"), .init("title"), .init("period_start"), .init("period_end"),
        .init("numerator", .real), .init("denominator", .integer), .init("value", .real),
        .init("target", .real), .init("rag"),
    ]

    static let cohortColumns: [WarehouseColumn] = [
        .init("kpi"), .init("period_start"), .init("period_end"), .init("child_id"), .init("item_id"),
        .init("in_numerator", .integer),
    ]

    static func writeCSV(_ path: String, header: [String], rows: some Sequence<[String]>) throws {
        let writer = try CSVFileWriter(path: path)
        try writer.writeRow(header)
        for row in rows { try writer.writeRow(row) }
        try writer.finish()
    }
}
