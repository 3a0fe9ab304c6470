import CSCCore
import Extractors
import Foundation
import Testing
@testable import Synthesis

@Suite("cscpipe synth: SSDA903 files")
struct SSDA903FileTests {
    static let asOfDates = ["2025-03-31", "2025-11-14", "2024-03-31", "2023-01-15", "2021-06-30"]

    /// The real code lists, read the way a pipeline reads them.
    static let codes: CodeBook = {
        var lists: [CodeList] = []
        let files = (try? FileManager.default.contentsOfDirectory(at: PackagePaths.codeLists, includingPropertiesForKeys: nil)) ?? []
        for file in files where file.pathExtension == "csv" {
            if let table = try? CSVReader.readAll(path: file.path),
               let list = try? CodeList(name: file.deletingPathExtension().lastPathComponent, rows: [table.header] + table.rows) {
                lists.append(list)
            }
        }
        return CodeBook(lists: lists)
    }()

    @Test("the same seed writes the same bytes; another seed another council")
    func determinism() throws {
        let dirs = try (0..<3).map { _ in try TemporaryDirectory() }
        defer { dirs.forEach { $0.cleanUp() } }
        let asOf = Day.iso("2024-11-30")
        let results = try dirs.enumerated().map { i, dir in
            try Synthesizer.write(SynthOptions(children: 400, seed: i == 2 ? 12 : 11, asOf: asOf), to: dir.path)
        }
        let paths = Synthesizer.council(SynthOptions(children: 1, seed: 1, asOf: asOf)).ssda903Paths
        #expect(paths == ["header", "episodes", "reviews", "missing", "oc3", "previous_permanence"]
            .map { "ssda903/2024-25/\($0).csv" })
        #expect(results[0].files.filter { $0.hasPrefix("ssda903/") } == paths)
        #expect(results[0].records == results[1].records)
        for path in paths {
            let bytes = try dirs.map { try Data(contentsOf: URL(fileURLWithPath: $0.path + "/" + path)) }
            #expect(bytes[0] == bytes[1], "\(path)")
            if path.hasSuffix("episodes.csv") { #expect(bytes[0] != bytes[2]) }
        }
    }

    @Test("the files read back through SSDA903Reader with no errors, as the council promises", arguments: asOfDates)
    func roundTrip(asOf: String) throws {
        let options = SynthOptions(children: 600, seed: 5, asOf: .iso(asOf))
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        let result = try Synthesizer.write(options, to: dir.path)
        let council = Synthesizer.council(options)
        let promised = council.ssda903Records()
        #expect(Set(promised.keys) == [.children, .cla_episodes, .cla_reviews, .missing_episodes, .care_leavers,
                                       .previous_permanence])
        // PrevPerm: one row for each child whose period of care began in the year (903 rule 630).
        let starters = council.careHistories.filter { $0.startDate >= council.collectionYear.start }.map(\.childID)
        #expect(promised[.previous_permanence]?.map { $0.values[0] } == starters)
        let reader = SSDA903Reader(codes: Self.codes)
        for path in council.ssda903Paths {
            let sink = CollectingSink()
            let summary = try reader.read(path: dir.path + "/" + path, displayName: path, year: nil, into: sink)
            #expect(summary.collectionYear == council.collectionYear, "\(path)")
            let problems = sink.issues.filter { $0.severity == .error || $0.severity == .fatal }
            #expect(problems.isEmpty, "\(path): \(problems.prefix(5).map { "\($0.rule) \($0.column)=\($0.value) line \($0.line ?? 0): \($0.message)" })")
            #expect(sink.issues.isEmpty, "\(path): \(sink.issues.prefix(5).map(\.message))")
            let table = summary.table.canonicalTable
            let expected = promised[table] ?? []
            #expect(sink.records.count == expected.count, "\(path)")
            for (e, a) in zip(expected, sink.records) where e != a {
                Issue.record("\(path): promised \(e.values) line \(e.source.line), file has \(a.values) line \(a.source.line)")
                break
            }
        }
        let cinChildren = council.cinCensusRecords()[.children]?.count ?? 0
        #expect(result.records[.children] == cinChildren + (promised[.children]?.count ?? 0))
        #expect(result.records[.cla_episodes] == promised[.cla_episodes]?.count)
        #expect(!(promised[.cla_episodes] ?? []).isEmpty)
        #expect(!(promised[.cla_reviews] ?? []).isEmpty)
    }

    @Test("SEX is 1/2 before 2024-25 and M/F/U from it", arguments: [("2024-03-31", ["1", "2"]), ("2024-04-01", ["M", "F", "U"])])
    func sexCodes(asOf: String, allowed: [String]) throws {
        let options = SynthOptions(children: 600, seed: 9, asOf: .iso(asOf))
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        _ = try Synthesizer.write(options, to: dir.path)
        let path = Synthesizer.council(options).ssda903Paths[0]
        let lines = try String(contentsOfFile: dir.path + "/" + path, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB")
        #expect(lines.count > 1)
        for line in lines.dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            #expect(allowed.contains(String(cells[1])), "\(line)")
            #expect(cells[2].count == 10 && cells[2].dropFirst(2).first == "/", "DD/MM/YYYY: \(line)")
        }
    }

    @Test("care is coherent: chained episodes, dates up to the as-of day, a CIN referral open at the start",
          arguments: asOfDates)
    func coherence(asOf: String) throws {
        let council = SyntheticCouncil(children: 800, seed: 31, asOf: .iso(asOf))
        let asOfDay = council.options.asOf
        let children = Dictionary(uniqueKeysWithValues: council.children.map { ($0.id, $0) })
        let share = Double(council.careHistories.count) / Double(council.children.count)
        #expect(share >= 0.03 && share <= 0.15, "looked-after share \(share)")
        for history in council.careHistories {
            let child = try #require(children[history.childID])
            let birth = try #require(child.birthDate)
            let episodes = history.episodes
            #expect(episodes.first?.reasonNewEpisode == "S")
            #expect(episodes.dropFirst().allSatisfy { $0.reasonNewEpisode != "S" })
            for (previous, next) in zip(episodes, episodes.dropFirst()) {
                #expect(previous.endDate == next.startDate, "\(child.id): episodes must chain")
                #expect(previous.reasonEnded == "X1")
                #expect((previous.reasonPlaceChange != nil) == (next.reasonNewEpisode != "L"), "\(child.id)")
            }
            for e in episodes {
                #expect(e.startDate <= asOfDay && (e.endDate ?? asOfDay) <= asOfDay)
                #expect(e.startDate <= (e.endDate ?? e.startDate))
                #expect(e.startDate >= birth && e.startDate < birth.adding(years: 18))
                #expect((e.endDate == nil) == (e.reasonEnded == nil))
            }
            #expect(episodes.dropLast().allSatisfy { $0.endDate != nil })
            let start = history.startDate
            let openCIN = child.episodes.contains { $0.referralDate < start && ($0.closureDate.map { $0 > start } ?? true) }
            #expect(openCIN, "\(child.id): no CIN episode open when care started on \(start)")
            let careEnd = history.endDate ?? asOfDay
            for review in history.reviews { #expect(review.date > start && review.date <= careEnd) }
            for (a, b) in zip(history.missing, history.missing.dropFirst()) {
                #expect((a.endDate ?? asOfDay) < b.startDate)
            }
            for m in history.missing {
                #expect(m.startDate >= start && m.startDate <= careEnd && (m.endDate ?? m.startDate) <= asOfDay)
            }
            if history.careLeaver != nil {
                #expect(history.careLeaver!.accommodation == "0" || history.careLeaver!.accommodation.count == 2)
                #expect(history.endDate != nil)
                #expect((17...21).contains(asOfDay.age(since: birth)))
            }
        }
    }

    @Test("care leavers aged 17 to 21 go to OC3 with the collection year")
    func careLeavers() throws {
        let council = SyntheticCouncil(children: 2000, seed: 2, asOf: .iso("2025-02-28"))
        let rows = council.ssda903Records()[.care_leavers] ?? []
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0.values[1] == "2024-25" })
        #expect(rows.count == council.careHistories.filter { $0.careLeaver != nil }.count)
    }

    @Test("Episodes holds exactly the episodes open in the year or starting in it; Header their children")
    func scope() throws {
        let council = SyntheticCouncil(children: 800, seed: 44, asOf: .iso("2025-01-31"))
        let records = council.ssda903Records()
        let yearStart = council.collectionYear.start
        let inScope = council.careHistories.flatMap { h in
            h.episodes.filter { ($0.endDate ?? council.options.asOf) >= yearStart }.map { (h.childID, $0.startDate.iso) }
        }
        let written = (records[.cla_episodes] ?? []).map { ($0.values[0], $0.values[1]) }
        #expect(written.map { "\($0.0) \($0.1)" } == inScope.map { "\($0.0) \($0.1)" })
        let outOfScope = council.careHistories.flatMap(\.episodes).count - inScope.count
        #expect(outOfScope > 0, "some care ended before the year, so the test can fail")
        let headerIDs = (records[.children] ?? []).map { $0.values[0] }
        var seen: Set<String> = []
        #expect(headerIDs == written.map(\.0).filter { seen.insert($0).inserted })
        #expect((records[.cla_reviews] ?? []).allSatisfy { $0.values[1] >= yearStart.iso })
    }
}
