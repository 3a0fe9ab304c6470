import CSCCore
import Foundation
import GRDB
import Loaders
import Pipeline
import Testing
import Transformers

/// A hand-made warehouse to evaluate the shipped standard KPI pack on: add
/// rows by column name, then ask for one KPI in one period.
struct StandardPackFixture {
    private var tables: [CanonicalTable: [CSCCore.Record]] = [:]

    static let pack: [KPIDefinition] = {
        // A broken standard pack must fail every test that uses it, loudly.
        try! KPIFileLoader.load(path: packageRoot + "/pipelines/kpis/standard.yaml")
    }()

    static let calendar: WorkingDayCalendar = {
        try! ReferenceData.load(folder: packageRoot + "/pipelines/reference").calendar
    }()

    mutating func add(_ table: CanonicalTable, _ values: [String: String]) {
        var record = CSCCore.Record(table, source: SourceLocation(file: "hand-made.csv", line: (tables[table]?.count ?? 0) + 2))
        for (column, value) in values { record[column] = value }
        tables[table, default: []].append(record)
    }

    /// The figure and cohort of `kpi` for the period `start...end`.
    func evaluate(_ kpi: String, from start: String, to end: String, asOf: String? = nil) throws -> (figure: KPIFigure, cohort: [CohortMember]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cscpipe-kpi-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let warehouse = try SQLiteWarehouse(path: folder + "/warehouse.sqlite")
        try warehouse.writeAll(tables)
        let definition = try #require(Self.pack.first { $0.id == kpi }, "no KPI \(kpi) in the standard pack")
        let period = ReportingPeriod(start: Day(iso: start)!, end: Day(iso: end)!)
        let evaluator = KPIEvaluator(periods: [period], asOf: Day(iso: asOf ?? end)!)
        let results = try warehouse.database.inDatabase { db in
            KPIFunctions.register(calendar: Self.calendar, in: db)
            return try evaluator.evaluate([definition], in: db)
        }
        try warehouse.close()
        return (results.figures[0], results.cohorts)
    }

    /// `in_numerator` of each item, by item id.
    func members(_ kpi: String, from start: String, to end: String) throws -> [String: Bool] {
        Dictionary(uniqueKeysWithValues: try evaluate(kpi, from: start, to: end).cohort.map { ($0.itemID, $0.inNumerator) })
    }
}
