import CSCCore
import Foundation
import Testing
@testable import Synthesis

@Suite("cscpipe synth: files, determinism, speed")
struct SynthesizerTests {
    @Test("the same seed writes the same bytes; another seed writes another council")
    func determinism() throws {
        let dirs = try (0..<3).map { _ in try TemporaryDirectory() }
        defer { dirs.forEach { $0.cleanUp() } }
        let asOf = Day.iso("2025-03-31")
        let a = try Synthesizer.write(SynthOptions(children: 300, seed: 42, asOf: asOf), to: dirs[0].path)
        let b = try Synthesizer.write(SynthOptions(children: 300, seed: 42, asOf: asOf), to: dirs[1].path)
        let c = try Synthesizer.write(SynthOptions(children: 300, seed: 43, asOf: asOf), to: dirs[2].path)
        let returns = ["cin/cin_2024-25.xml"] + ["header", "episodes", "reviews", "missing", "oc3", "previous_permanence"].map { "ssda903/2024-25/\($0).csv" }
        #expect(Array(a.files.prefix(returns.count)) == returns)
        // Then the case-system exports, in both systems' shapes, and the audit tool's export.
        #expect(a.files.dropFirst(returns.count).allSatisfy { $0.hasPrefix("exports/") })
        #expect(a.files.contains("exports/audits.csv") && a.files.contains("exports/lcs/visits.csv"))
        #expect(a.files == b.files && a.records == b.records)
        let bytes = try dirs.map { try Data(contentsOf: URL(fileURLWithPath: $0.path + "/cin/cin_2024-25.xml")) }
        #expect(bytes[0] == bytes[1])
        #expect(bytes[0] != bytes[2])
        #expect(c.children == 300)
        #expect(Synthesizer.council(SynthOptions(children: 50, seed: 7, asOf: asOf)).children
            == Synthesizer.council(SynthOptions(children: 50, seed: 7, asOf: asOf)).children)
    }

    @Test("the as-of date picks the collection year, the file name and the header")
    func collectionYearFromAsOf() throws {
        let cases: [(asOf: String, file: String, year: String, reference: String)] = [
            ("2025-03-31", "cin/cin_2024-25.xml", "2025", "2025-03-31"),
            ("2025-04-01", "cin/cin_2025-26.xml", "2026", "2026-03-31"),
            ("2025-11-14", "cin/cin_2025-26.xml", "2026", "2026-03-31"),
        ]
        for c in cases {
            let dir = try TemporaryDirectory()
            defer { dir.cleanUp() }
            let result = try Synthesizer.write(SynthOptions(children: 20, seed: 1, asOf: .iso(c.asOf), laCode: "123"),
                                               to: dir.path)
            #expect(result.files.first == c.file)
            let root = try XMLTreeBuilder.parse(Data(contentsOf: URL(fileURLWithPath: dir.path + "/" + c.file)))
            let details = root.first("Header")?.first("CollectionDetails")
            #expect(details?.value("Year") == c.year)
            #expect(details?.value("ReferenceDate") == c.reference)
            #expect(root.first("Header")?.first("Source")?.value("LEA") == "123")
        }
    }

    @Test("Sex is written from 2024-25, GenderCurrent before", arguments: [
        ("2025-03-31", "Sex", ["F", "M", "U"]),
        ("2025-04-01", "Sex", ["F", "M", "U"]),
        ("2024-03-31", "GenderCurrent", ["0", "1", "2"]),
        ("2021-09-30", "GenderCurrent", ["0", "1", "2"]),
    ])
    func sexElementByYear(asOf: String, element: String, codes: [String]) throws {
        let council = SyntheticCouncil(children: 400, seed: 11, asOf: .iso(asOf))
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        _ = try Synthesizer.write(council.options, to: dir.path)
        let root = try XMLTreeBuilder.parse(Data(contentsOf: URL(fileURLWithPath: dir.path + "/" + council.cinCensusPath)))
        let children = root.first("Children")!.all("Child")
        let other = element == "Sex" ? "GenderCurrent" : "Sex"
        #expect(children.allSatisfy { $0.first("ChildIdentifiers")!.first(other) == nil })
        let written = Set(children.compactMap { $0.first("ChildIdentifiers")!.first(element)?.text })
        #expect(written.count == codes.count, "\(written.sorted())")
        #expect(written.isSubset(of: codes))
        // An unborn child is U (or 0) and has only an expected date of birth.
        for child in children {
            let ids = child.first("ChildIdentifiers")!
            if ids.first("ExpectedPersonBirthDate") != nil {
                #expect(ids.first("PersonBirthDate") == nil)
                #expect(ids.value(element) == (element == "Sex" ? "U" : "0"))
            }
        }
    }

    @Test("options the census cannot hold are refused")
    func badOptions() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        #expect(throws: SynthError.badLACode("99A")) {
            try Synthesizer.write(SynthOptions(children: 5, seed: 1, asOf: .iso("2025-03-31"), laCode: "99A"), to: dir.path)
        }
        #expect(throws: SynthError.noChildren(0)) {
            try Synthesizer.write(SynthOptions(children: 0, seed: 1, asOf: .iso("2025-03-31")), to: dir.path)
        }
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/cin"))
    }

    @Test("a second run replaces the file and leaves no partial file")
    func rewrite() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        let asOf = Day.iso("2025-03-31")
        _ = try Synthesizer.write(SynthOptions(children: 40, seed: 1, asOf: asOf), to: dir.path)
        _ = try Synthesizer.write(SynthOptions(children: 10, seed: 2, asOf: asOf), to: dir.path + "/")
        let listing = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/cin")
        #expect(listing == ["cin_2024-25.xml"])
        let root = try XMLTreeBuilder.parse(Data(contentsOf: URL(fileURLWithPath: dir.path + "/cin/cin_2024-25.xml")))
        #expect(root.first("Children")?.all("Child").count == 10)
    }

    @Test("100 children take well under a second")
    func speed() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        let clock = ContinuousClock()
        let start = clock.now
        let result = try Synthesizer.write(SynthOptions(children: 100, seed: 5, asOf: .iso("2025-03-31")), to: dir.path)
        let elapsed = clock.now - start
        #expect(result.children == 100)
        #expect(elapsed < .milliseconds(500), "took \(elapsed)")
    }
}
