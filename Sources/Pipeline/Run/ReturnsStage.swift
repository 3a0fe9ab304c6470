import CSCCore
import Loaders
import Logging

/// Writes the DfE returns of the collection year containing the run's as-of
/// day into `returns/`: the CIN census XML and the SSDA903 CSV files; and
/// the Ofsted Annex A workbook as at that day.
struct ReturnsStage {
    let folder: String
    let logger: Logger
    let annexACodes: AnnexATemplateCodes

    func write(_ tables: [CanonicalTable: [Record]], asOf: Day) throws {
        let t0 = ContinuousClock.now
        let year = CollectionYear(containing: asOf)
        let census = CINCensusReturnWriter(tables: tables, year: year, asOf: asOf)
        try census.write(to: CINCensusReturnWriter.path(inRunFolder: folder))
        let ssda903 = try SSDA903ReturnWriter(tables: tables, year: year)
            .write(toFolder: SSDA903ReturnWriter.folder(inRunFolder: folder))
        let episodes = ssda903.first { $0.file == "episodes.csv" }?.rows ?? 0
        let annexA = try AnnexAReturnWriter(tables: tables, asOf: asOf, codes: annexACodes)
            .write(to: AnnexAReturnWriter.path(inRunFolder: folder))
        let listRows = AnnexAList.allCases.map { "\(annexA[$0] ?? 0)" }.joined(separator: "/")
        logger.info("wrote returns/ for \(year): CIN census of \(census.childCount) children, SSDA903 with \(episodes) episodes, Annex A lists 1–11 with \(listRows) rows (\(PipelineRunner.elapsed(since: t0)))")
    }
}
