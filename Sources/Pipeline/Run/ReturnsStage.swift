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
        let results = ReturnResults()
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
        DispatchQueue.concurrentPerform(iterations: writers.count) { i in
            let start = ContinuousClock.now
            do {
                let summary = try writers[i]()
                results.finish(i, "\(summary) (\(PipelineRunner.elapsed(since: start)))")
            } catch {
                results.fail(error)
            }
        }
        let summaries = try results.summaries(count: writers.count)
        logger.info("wrote returns/ for \(year): \(summaries.joined(separator: ", ")) (\(PipelineRunner.elapsed(since: t0)))")
    }
}

/// What each return writer reported, gathered across threads.
private final class ReturnResults: @unchecked Sendable {
    private let lock = NSLock()
    private var done: [Int: String] = [:]
    private var error: Error?

    func finish(_ index: Int, _ summary: String) { lock.withLock { done[index] = summary } }

    func fail(_ error: Error) { lock.withLock { self.error = self.error ?? error } }

    /// The summaries in writer order, or the first error any writer threw.
    func summaries(count: Int) throws -> [String] {
        try lock.withLock {
            if let error { throw error }
            return (0..<count).map { done[$0] ?? "" }
        }
    }
}
