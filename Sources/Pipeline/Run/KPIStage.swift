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

    /// Evaluates every KPI on `warehouse` and writes the results into it and
    /// into `folder`.
    @discardableResult
    func run(on warehouse: SQLiteWarehouse, folder: String) throws -> KPIResults {
        let results = try evaluate(on: warehouse.database)
        try warehouse.writeTable(name: "kpis", columns: Self.figureColumns, rows: results.figures.lazy.map { $0.fields.map(Optional.some) })
        try warehouse.writeTable(name: "kpi_cohorts", columns: Self.cohortColumns, rows: results.cohorts.lazy.map { $0.fields.map(Optional.some) })
        try Self.writeCSV(folder + "/kpis.csv", header: KPIFigure.header, rows: results.figures.lazy.map(\.fields))
        try Self.writeCSV(folder + "/kpi_cohorts.csv", header: CohortMember.header, rows: results.cohorts.lazy.map(\.fields))
        return results
    }

    func evaluate(on database: DatabaseQueue) throws -> KPIResults {
        let evaluator = KPIEvaluator(periods: periods, asOf: asOf)
        return try database.inDatabase { db in
            KPIFunctions.register(calendar: calendar, in: db)
            return try evaluator.evaluate(definitions, in: db)
        }
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
