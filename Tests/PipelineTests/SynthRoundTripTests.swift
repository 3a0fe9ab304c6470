import CSCCore
import Foundation
import Pipeline
import Synthesis
import Testing

@Suite("Synthetic council round trip")
struct SynthRoundTripTests {
    /// What synth writes is exactly what a run loads back: every record, value
    /// and source line, for a year with `Sex` and one with `GenderCurrent`.
    @Test("synth, then run, gives back exactly the records synth wrote", arguments: ["2025-11-14", "2023-06-30"])
    func roundTrip(asOf: String) throws {
        let ws = try Workspace()
        let options = SynthOptions(children: 150, seed: 7, asOf: Day(iso: asOf)!)
        let written = try Synthesizer.write(options, to: ws.path + "/synth")
        let council = Synthesizer.council(options)
        let cinFile = try #require(written.files.first { $0.hasPrefix("cin/") })
        let expected = council.cinCensusRecords(sourceFile: "synth/" + cinFile)

        let r = try ws.run(inputs: [("cin-census", "synth/cin/*.xml")], asOf: asOf, failOn: "{ error: 1 }")
        #expect(r.outcome == .complete, "a synthetic council has no errors: \(r.outcome)")
        for table in CanonicalTable.allCases {
            let rows = try ws.csvRows("out/latest/datasets/\(table.name).csv").dropFirst()
            let want = (expected[table] ?? []).map { $0.values + [$0.source.file, $0.source.line] }
            #expect(rows.count == want.count, "\(table.name): \(rows.count) rows, synth wrote \(want.count)")
            #expect(Set(rows.map { $0.joined(separator: ",") }) == Set(want.map { $0.joined(separator: ",") }),
                    "\(table.name) differs")
        }
        #expect(r.records[.children] == options.children)
    }
}

@Suite("Synthetic council round trip with SSDA903")
struct SynthWith903RoundTripTests {
    /// The 903 files synth writes load back exactly, pass the integrity checks,
    /// and agree with the CIN census on every child's identity.
    /// Seed 17 has a care leaver whose last episode ended before the year:
    /// Header must still hold that child (INT06).
    @Test("synth, then run CIN + 903: the looked-after tables are what synth wrote, with no issues",
          arguments: [(400, 11), (200, 17)] as [(Int, UInt64)])
    func roundTrip(children: Int, seed: UInt64) throws {
        let ws = try Workspace()
        let options = SynthOptions(children: children, seed: seed, asOf: Day(iso: "2025-11-14")!)
        _ = try Synthesizer.write(options, to: ws.path + "/synth")
        let council = Synthesizer.council(options)
        let year = council.collectionYear.description
        let r = try ws.run(inputsYAML: """
              - kind: cin-census
                path: synth/cin/*.xml
              - kind: ssda903
                path: synth/ssda903/\(year)/*.csv

            """, failOn: "{ warning: 1 }")
        #expect(r.outcome == .complete, "\(r.outcome)")
        let expected = council.ssda903Records()
        for table in [CanonicalTable.cla_episodes, .cla_reviews, .missing_episodes, .care_leavers] {
            let rows = try ws.csvRows("out/latest/datasets/\(table.name).csv").dropFirst()
            let want = (expected[table] ?? []).map { $0.values + ["synth/" + $0.source.file, $0.source.line] }
            #expect(!want.isEmpty || table == .missing_episodes, "synth wrote no \(table.name)")
            #expect(Set(rows.map { $0.joined(separator: "|") }) == Set(want.map { $0.joined(separator: "|") }),
                    "\(table.name) differs")
        }
    }
}
