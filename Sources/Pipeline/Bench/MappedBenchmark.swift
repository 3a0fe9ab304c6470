import CSCCore
import Extractors
import Foundation

/// The mapped-export part of `cscpipe bench`: the SSDA903 Episodes file read
/// once by the SSDA903 reader and once as a case-system export through a
/// mapping into the same table (dates, label look-ups for every code column,
/// text), on the same rows and bytes, interleaved round by round so a noisy
/// machine slows both alike. The mapped reader should be no more than 25%
/// slower.
struct MappedBenchmark: BenchmarkPart {
    let options: Benchmark.Options
    let report: @Sendable (String) -> Void

    /// The Episodes columns as an export mapping would read them: every code column through a value map.
    static let mapping = """
        table: cla_episodes
        columns:
          child_id: CHILD
          start_date: { source: DECOM, dates: [dd/MM/yyyy] }
          reason_new_episode: { source: RNE, values: { S: S, P: P, T: T, L: L, B: B, U: U } }
          legal_status: { source: LS, values: { C1: C1, C2: C2, V2: V2, E1: E1 } }
          category_of_need: { source: CIN, values: { N1: N1, N2: N2, N4: N4, N5: N5 } }
          placement: { source: PLACE, values: { U1: U1, U3: U3, U4: U4, U6: U6, K2: K2, R1: R1, S1: S1 } }
          placement_provider: { source: PLACE_PROVIDER, values: { PR1: PR1, PR2: PR2, PR4: PR4, PR5: PR5 } }
          end_date: { source: DEC, dates: [dd/MM/yyyy] }
          reason_ended: { source: REC, values: { E4A: E4A, E11: E11, E13: E13, E41: E41, E8: E8, X1: X1 } }
          reason_place_change: { source: REASON_PLACE_CHANGE, values: { CARPL: CARPL, CHILD: CHILD, LAREQ: LAREQ, PLACE: PLACE } }
          home_postcode: HOME_POST
          placement_postcode: PL_POST
          urn: URN
        """

    func run(reference: ReferenceData) throws {
        guard options.episodeRows > 0 else { return }
        let path = try EpisodesFileMaker.file(rows: options.episodeRows, seed: options.seed, in: options.folder)
        let mb = Double((try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0) / 1e6
        let export = try MappingFileLoader.parse(Self.mapping, path: "bench-episodes.yaml", name: "bench-episodes.yaml")
        var ssda903Times: [Double] = [], mappedTimes: [Double] = [], ssda903CPU: [Double] = [], mappedCPU: [Double] = []
        var rows = 0, mappedRecords = 0, mappedIssues = 0
        for _ in 0..<options.rounds {
            let sink903 = CountingOnlySink()
            let t0 = ContinuousClock.now, cpu0 = cpuSeconds()
            let summary = try SSDA903Reader(codes: reference.codes)
                .read(path: path, displayName: "episodes.csv", year: CollectionYear("2024-25"), into: sink903)
            ssda903Times.append(seconds(since: t0))
            ssda903CPU.append(cpuSeconds() - cpu0)
            rows = summary.rows

            let sink = CountingOnlySink()
            let t1 = ContinuousClock.now, cpu1 = cpuSeconds()
            let mapped = try MappedReader(export: export).read(path: path, displayName: "episodes.csv", into: sink)
            mappedTimes.append(seconds(since: t1))
            mappedCPU.append(cpuSeconds() - cpu1)
            mappedRecords = mapped.records
            mappedIssues = sink.issues
        }
        let s = median(ssda903Times), m = median(mappedTimes)
        report("")
        report("Mapped export vs SSDA903 reader: the same Episodes file, \(rows) rows, \(String(format: "%.1f", mb)) MB")
        report(pad("stage", 38) + pad("median s", 10) + pad("MB/s", 9) + pad("rows/s", 10) + "CPU s")
        report(pad("cscpipe SSDA903 read + checks", 38) + pad(f(s), 10) + pad(f(mb / s, 1), 9)
               + pad(f(Double(rows) / s, 0), 10) + f(median(ssda903CPU)))
        report(pad("cscpipe mapped export read", 38) + pad(f(m), 10) + pad(f(mb / m, 1), 9)
               + pad(f(Double(rows) / m, 0), 10) + f(median(mappedCPU)))
        report("mapped / SSDA903 time ratio: \(f(m / s)) (at most 1.25 wanted), processor time ratio: "
               + "\(f(median(mappedCPU) / median(ssda903CPU))); mapped: \(mappedRecords) records, \(mappedIssues) issues")
    }
}
