import CSCCore
import Foundation
import Loaders
import Logging

/// Writes the DfE returns of the collection year containing the run's as-of
/// day into `returns/`: the CIN census XML and the SSDA903 CSV files; and
/// the Ofsted Annex A workbook as at that day.
///
/// The three read the same tables and write different files, so they are
/// written side by side, one per core.
struct ReturnsStage {
    let folder: String
    let logger: Logger
    let annexACodes: AnnexATemplateCodes

    func write(_ tables: [CanonicalTable: [Record]], asOf: Day) throws {
        let t0 = ContinuousClock.now
        let year = CollectionYear(containing: asOf)
        let (folder, codes) = (self.folder, annexACodes)
        let writers: [@Sendable () throws -> String] = [
            {
                let census = CINCensusReturnWriter(tables: tables, year: year, asOf: asOf)
                try census.write(to: CINCensusReturnWriter.path(inRunFolder: folder))
                return "CIN census of \(census.childCount) children"
            },
            {
                let files = try SSDA903ReturnWriter(tables: tables, year: year)
                    .write(toFolder: SSDA903ReturnWriter.folder(inRunFolder: folder))
                return "SSDA903 with \(files.first { $0.file == "episodes.csv" }?.rows ?? 0) episodes"
            },
            {
                let rows = try AnnexAReturnWriter(tables: tables, asOf: asOf, codes: codes)
                    .write(to: AnnexAReturnWriter.path(inRunFolder: folder))
                return "Annex A lists 1–11 with " + AnnexAList.allCases.map { "\(rows[$0] ?? 0)" }.joined(separator: "/") + " rows"
            },
        ]
        let summaries = try ParallelWork.run(count: writers.count, threads: writers.count) { i in
            let start = ContinuousClock.now
            return "\(try writers[i]()) (\(PipelineRunner.elapsed(since: start)))"
        }
        logger.info("wrote returns/ for \(year): \(summaries.joined(separator: ", ")) (\(PipelineRunner.elapsed(since: t0)))")
    }
}
