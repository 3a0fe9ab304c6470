import CSCCore
import Loaders
import Logging

/// Writes the DfE returns of the collection year containing the run's as-of
/// day into `returns/`: the CIN census XML and the SSDA903 CSV files.
struct ReturnsStage {
    let folder: String
    let logger: Logger

    func write(_ tables: [CanonicalTable: [Record]], asOf: Day) throws {
        let t0 = ContinuousClock.now
        let year = CollectionYear(containing: asOf)
        let census = CINCensusReturnWriter(tables: tables, year: year, asOf: asOf)
        try census.write(to: CINCensusReturnWriter.path(inRunFolder: folder))
        let ssda903 = try SSDA903ReturnWriter(tables: tables, year: year)
            .write(toFolder: SSDA903ReturnWriter.folder(inRunFolder: folder))
        let episodes = ssda903.first { $0.file == "episodes.csv" }?.rows ?? 0
        logger.info("wrote returns/ for \(year): CIN census of \(census.childCount) children, SSDA903 with \(episodes) episodes (\(PipelineRunner.elapsed(since: t0)))")
    }
}
