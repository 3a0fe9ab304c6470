import CSCCore
import Foundation
import Loaders
import Logging
import Transformers

/// Writes a run's files into its run folder: the datasets and warehouse when
/// the inputs could be read, and always the exception report, so a failed
/// run still tells the data team what to fix.
struct RunOutputs {
    let folder: String
    let logger: Logger
    let annexACodes: AnnexATemplateCodes

    /// Writes everything for a run as of `asOf`; `kpis` runs on the warehouse
    /// before it is closed, and audit outcomes are counted for the KPI periods.
    func write(datasets: Datasets?, issues: [Issue], conflicts: [Conflict], asOf: Day, kpis: KPIStage? = nil) throws {
        let periods = ReportingPeriod.standard(asOf: asOf)
        if let datasets {
            let tables = Dictionary(uniqueKeysWithValues: CanonicalTable.allCases.map { ($0, datasets.records(of: $0)) })
            let t0 = ContinuousClock.now
            _ = try DatasetCSVWriter(runFolder: folder).writeAll(tables)
            logger.info("wrote datasets/ (\(PipelineRunner.elapsed(since: t0)))")
            try ReturnsStage(folder: folder, logger: logger, annexACodes: annexACodes).write(tables, asOf: asOf)
            let outcomes = AuditOutcomes.compute(audits: datasets.records(of: .audits),
                                                 grades: datasets.records(of: .audit_grades), periods: periods)
            try AuditOutcomesWriter(folder: folder).write(outcomes)
            let t1 = ContinuousClock.now
            let warehouse = try SQLiteWarehouse(path: folder + "/warehouse.sqlite")
            try warehouse.writeAll(tables)
            try warehouse.writeIssues(issues)
            logger.info("wrote warehouse.sqlite (\(PipelineRunner.elapsed(since: t1)))")
            if let kpis, !kpis.definitions.isEmpty {
                let t2 = ContinuousClock.now
                let results = try kpis.evaluate(path: warehouse.path)
                logger.info("evaluated \(kpis.definitions.count) KPIs for \(kpis.periods.count) periods: \(results.figures.count) figures, \(results.cohorts.count) cohort rows (\(PipelineRunner.elapsed(since: t2)))")
                let t3 = ContinuousClock.now
                try kpis.write(results, into: warehouse, folder: folder)
                logger.info("wrote kpis.csv, kpi_cohorts.csv and their tables (\(PipelineRunner.elapsed(since: t3)))")
            }
            try warehouse.close()
        }
        _ = try ExceptionReportWriter(folder: folder).write(issues)
        _ = try ConflictReportWriter(folder: folder).write(conflicts.map { c in
            ConflictRow(table: c.table.name, key: c.key, column: c.column,
                        earlierValue: c.earlierValue, earlierFile: c.earlierSource.file, earlierLine: c.earlierSource.line,
                        laterValue: c.laterValue, laterFile: c.laterSource.file, laterLine: c.laterSource.line)
        })
    }

    /// Every file written so far, relative to the run folder, with its size.
    func outputs() -> [Manifest.OutputFile] {
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: folder) else { return [] }
        var files: [Manifest.OutputFile] = []
        while let relative = walker.nextObject() as? String {
            var isDir: ObjCBool = false
            let full = folder + "/" + relative
            guard fm.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue, relative != "manifest.json" else { continue }
            let size = (try? fm.attributesOfItem(atPath: full)[.size] as? NSNumber)?.intValue ?? 0
            files.append(.init(path: relative, bytes: size))
        }
        return files.sorted { $0.path < $1.path }
    }
}
