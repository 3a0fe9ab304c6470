import CSCCore
import Extractors
import Foundation
import Pipeline
import Synthesis
import Testing
import Transformers

/// Mapped exports in runs: the calibration council's visits export, synth's
/// two case-system shapes, a drifting header, and unmapped labels in the
/// exception summary.
@Suite("Mapped exports: runs")
struct MappedExportRunTests {
    static let mappings = packageRoot + "/pipelines/mappings"

    @Test("The LCS visits mapping reads the calibration export into exactly the expected visits dataset")
    func calibrationVisits() throws {
        guard let shared = sharedFolder else {
            print("skipped: ../shared/calibration is absent")
            return
        }
        let ws = try Workspace()
        try FileManager.default.createSymbolicLink(atPath: ws.path + "/exports", withDestinationPath: shared + "/calibration/exports")
        let r = try ws.run(inputsYAML: """
              - kind: mapped
                path: exports/visits.csv
                mapping: \(Self.mappings)/lcs-visits.yaml

            """)
        #expect(r.published)
        let ours = try ws.read("out/latest/datasets/visits.csv")
        let theirs = try String(contentsOfFile: shared + "/calibration/expected/datasets/visits.csv", encoding: .utf8)
        #expect(ours == theirs)
        #expect(r.issueCounts.values.reduce(0, +) == 0, "\(r.issueCounts)")
    }

    /// Reads synth's exports of one system through its mappings and merges them.
    func load(system: String, files: [String], from folder: String) throws -> Datasets {
        let datasets = Datasets()
        for file in files {
            let table = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
            let export = try MappingFileLoader.load(path: "\(Self.mappings)/\(system)-\(table).yaml")
            let sink = CollectingSink()
            _ = try MappedReader(export: export).read(path: folder + "/" + file, displayName: file, into: sink)
            #expect(sink.issues.isEmpty, "\(file): \(sink.issues.prefix(3))")
            for record in sink.records { datasets.accept(record) }
        }
        return datasets
    }

    @Test("The same synthetic casework through the LCS and the Mosaic mappings gives identical canonical tables")
    func bothSystemsAgree() throws {
        let ws = try Workspace()
        let options = SynthOptions(children: 400, seed: 11, asOf: Day(iso: "2025-11-14")!)
        let written = try Synthesizer.write(options, to: ws.path)
        let lcsFiles = written.files.filter { $0.hasPrefix("exports/lcs/") }
        let mosaicFiles = written.files.filter { $0.hasPrefix("exports/mosaic/") }
        #expect(lcsFiles.count == 4 && mosaicFiles.count == 4)
        #expect(mosaicFiles.contains("exports/mosaic/visits.xml"))
        let lcs = try load(system: "lcs", files: lcsFiles, from: ws.path)
        let mosaic = try load(system: "mosaic", files: mosaicFiles, from: ws.path)
        let activity = CaseSystemActivity(council: Synthesizer.council(options))
        let expected: [CanonicalTable: Int] = [
            .contacts: activity.contacts.count, .referrals: activity.referrals.count,
            .visits: activity.visits.count, .allocations: activity.allocations.count,
        ]
        for (table, count) in expected {
            let a = lcs.records(of: table).map(\.values), b = mosaic.records(of: table).map(\.values)
            #expect(a.count == count, "\(table)")
            #expect(a == b, "\(table) differs between the two systems")
            #expect(count > 50, "\(table): too few records to compare")
        }
        // Spot-check the canonical form against the events themselves.
        let firstVisit = try #require(activity.visits.first)
        let visit = try #require(lcs.records(of: .visits).first)
        #expect(visit.values == [firstVisit.childID, firstVisit.date.iso, firstVisit.kind,
                                 firstVisit.seenAlone.map { $0 ? "1" : "0" } ?? "", firstVisit.worker])
        let referral = try #require(lcs.records(of: .referrals).first)
        #expect(referral["referral_id"] == referral["child_id"] + "/" + referral["referral_date"])
    }

    @Test("Synth's visits give the statutory-visit KPI realistic data: every open CP plan and care episode is visited every few weeks")
    func visitsAreRegular() throws {
        let asOf = Day(iso: "2025-11-14")!
        let council = Synthesizer.council(SynthOptions(children: 600, seed: 5, asOf: asOf))
        let activity = CaseSystemActivity(council: council)
        var lastVisit: [String: Day] = [:]
        var gaps: [Int] = []
        for visit in activity.visits where visit.kind == "cp" {
            if let previous = lastVisit[visit.childID] { gaps.append(Int(visit.date.daysSinceEpoch - previous.daysSinceEpoch)) }
            lastVisit[visit.childID] = visit.date
        }
        // Within a plan, every two to three weeks; the odd long gap is between two plans.
        #expect(gaps.count > 100)
        #expect(gaps.allSatisfy { $0 >= 5 })
        let sorted = gaps.sorted()
        #expect((10...16).contains(sorted[sorted.count / 2]), "median gap \(sorted[sorted.count / 2]) days")
        #expect(Double(gaps.filter { $0 <= 23 }.count) >= 0.9 * Double(gaps.count))
        var openPlans = 0
        for child in council.children {
            for episode in child.episodes {
                for plan in episode.protectionPlans where plan.endDate == nil && plan.startDate.adding(days: 35) <= asOf {
                    openPlans += 1
                    let last = try #require(lastVisit[child.id], "child \(child.id) on a CP plan has no cp visit")
                    #expect(last.adding(days: 30) >= asOf, "child \(child.id): last cp visit \(last)")
                }
            }
        }
        #expect(openPlans > 5)
        var lastCLA: [String: Day] = [:]
        for visit in activity.visits where visit.kind == "cla" { lastCLA[visit.childID] = visit.date }
        let looked = council.careHistories.filter { $0.endDate == nil && $0.startDate.adding(days: 35) <= asOf }
        #expect(!looked.isEmpty)
        for history in looked {
            let last = try #require(lastCLA[history.childID], "looked-after child \(history.childID) has no cla visit")
            #expect(last.adding(days: 35) >= asOf)
        }
    }

    /// The synthetic LCS visits export with `edit` applied to its text, run through the LCS mapping.
    func runDrifted(_ edit: (String) -> String) throws -> (Workspace, PipelineRunner.Result, [CSCCore.Record]) {
        let ws = try Workspace()
        _ = try Synthesizer.write(SynthOptions(children: 150, seed: 3, asOf: Day(iso: "2025-11-14")!), to: ws.path)
        let original = try ws.read("exports/lcs/visits.csv")
        try ws.write("exports/lcs/visits.csv", edit(original))
        let r = try ws.run(inputsYAML: """
              - kind: mapped
                path: exports/lcs/visits.csv
                mapping: \(Self.mappings)/lcs-visits.yaml

            """)
        let export = try MappingFileLoader.load(path: Self.mappings + "/lcs-visits.yaml")
        let sink = CollectingSink()
        _ = try? MappedReader(export: export).read(path: ws.path + "/exports/lcs/visits.csv", displayName: "v", into: sink)
        return (ws, r, sink.records)
    }

    @Test("A drifting header: a renamed column the pattern matches, an optional column removed, a required one removed")
    func headerDrift() throws {
        let (_, baseline, records) = try runDrifted { $0 }
        #expect(baseline.published && baseline.issueCounts.values.reduce(0, +) == 0)
        #expect(records.count > 100)

        // Worker renamed `Allocated Worker`: the mapping's pattern still finds it, and nothing changes.
        let (_, renamed, renamedRecords) = try runDrifted {
            $0.replacingOccurrences(of: "Seen Alone?,Worker\n", with: "Seen Alone?,Allocated Worker\n")
        }
        #expect(renamed.published && renamed.issueCounts.values.reduce(0, +) == 0)
        #expect(renamedRecords.map(\.values) == records.map(\.values))

        // `Seen Alone?` removed: optional, so read as empty with one warning; everything else the same.
        let (dropWS, dropped, droppedRecords) = try runDrifted { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                var cells = line.split(separator: ",", omittingEmptySubsequences: false)
                if cells.count == 5 { cells.remove(at: 3) }
                return cells.joined(separator: ",")
            }.joined(separator: "\n")
        }
        #expect(dropped.published)
        #expect(dropped.issueCounts[Severity.warning] == 1)
        let droppedErrors = dropped.issueCounts[Severity.error] ?? 0
        #expect(droppedErrors == 0)
        #expect(droppedRecords.allSatisfy { $0["seen_alone"].isEmpty })
        #expect(droppedRecords.map { [$0["child_id"], $0["visit_date"], $0["kind"], $0["worker"]] }
                == records.map { [$0["child_id"], $0["visit_date"], $0["kind"], $0["worker"]] })
        let exceptions = try dropWS.read("out/latest/exceptions.csv")
        #expect(exceptions.contains("mapped-column-absent"))

        // `Visit Type` removed: required, so the file is refused, nothing is published, and validate says why.
        let (goneWS, gone, _) = try runDrifted { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                var cells = line.split(separator: ",", omittingEmptySubsequences: false)
                if cells.count == 5 { cells.remove(at: 1) }
                return cells.joined(separator: ",")
            }.joined(separator: "\n")
        }
        #expect(!gone.published)
        #expect(gone.outcome.exitCode == 3)
        #expect(gone.issueCounts[.fatal] == 1)
        do {
            _ = try PipelineValidator.validate(path: goneWS.path + "/pipeline.yaml")
            Testing.Issue.record("validate accepted an export without Visit Type")
        } catch {
            #expect(error.file == Self.mappings + "/lcs-visits.yaml")
            #expect(error.key == "columns.kind.source")
            #expect(error.line == 12)
        }
    }

    @Test("Every distinct unmapped label is one row of exceptions_by_rule.csv, with its count")
    func unmappedLabels() throws {
        let ws = try Workspace()
        try ws.write("exports/visits.csv", """
            Person ID,Visit Type,Actual Date,Seen Alone?,Worker
            1,CP Visit,01-Oct-2025 10:00,Y,A
            2,Home Visit,01-Oct-2025 10:00,Y,A
            3,Home Visit,02-Oct-2025 10:00,Y,A
            4,home visit ,03-Oct-2025 10:00,Y,A
            5,Phone Call,03-Oct-2025 10:00,Maybe,A

            """)
        let r = try ws.run(inputsYAML: """
              - kind: mapped
                path: exports/visits.csv
                mapping: \(Self.mappings)/lcs-visits.yaml

            """)
        #expect(r.published)
        let rows = try CSVReader.readAll(path: ws.path + "/out/latest/exceptions_by_rule.csv")
        let unknown = rows.rows.filter { $0[0] == "unknown-code" }.map { [$0[2], $0[4]] }
        #expect(unknown.count == 4, "\(unknown)")
        #expect(unknown.contains(["2", #"unknown code "Home Visit" in Visit Type (visits)"#]))
        #expect(unknown.contains(["1", #"unknown code "home visit " in Visit Type (visits)"#]))
        #expect(unknown.contains(["1", #"unknown code "Phone Call" in Visit Type (visits)"#]))
        #expect(unknown.contains(["1", #"unknown code "Maybe" in Seen Alone? (visits)"#]))
    }
}
