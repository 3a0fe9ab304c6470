import CSCCore
import Extractors
import Foundation
import Pipeline
import Synthesis
import Testing

/// What a run's `returns/` folder holds reads back, through the pipeline's own
/// readers, as exactly the records synth put in that year's returns.
@Suite("DfE returns written by a run")
struct ReturnsRoundTripTests {
    static let codes = try! ReferenceData.load(folder: packageRoot + "/pipelines/reference").codes

    /// Synth a council, run CIN + 903 through the pipeline; the workspace and council.
    static func runSynthesised(asOf: String, children: Int = 200, seed: UInt64 = 17) throws
        -> (Workspace, SyntheticCouncil) {
        let ws = try Workspace()
        let options = SynthOptions(children: children, seed: seed, asOf: Day(iso: asOf)!)
        _ = try Synthesizer.write(options, to: ws.path + "/synth")
        let council = Synthesizer.council(options)
        let r = try ws.run(inputsYAML: """
              - kind: cin-census
                path: synth/cin/*.xml
              - kind: ssda903
                path: synth/ssda903/\(council.collectionYear)/*.csv

            """, asOf: asOf)
        #expect(r.published, "\(r.outcome)")
        return (ws, council)
    }

    static func valueSet(_ records: [Record]) -> [String: Int] {
        records.reduce(into: [:]) { $0[$1.values.joined(separator: "|"), default: 0] += 1 }
    }

    @Test("returns/cin-census.xml reads back as the census synth wrote, in the year's elements",
          arguments: ["2025-11-14", "2023-06-30"])
    func cinCensus(asOf: String) throws {
        let (ws, council) = try Self.runSynthesised(asOf: asOf)
        let path = ws.path + "/out/latest/returns/cin-census.xml"
        let sink = CollectingSink()
        let summary = try CINCensusReader(codes: Self.codes).read(path: path, displayName: "cin-census.xml", year: nil,
                                                                   into: sink)
        #expect(summary.collectionYear == council.collectionYear)
        #expect(sink.issues.isEmpty, "\(sink.issues.prefix(5).map { "\($0.rule) \($0.column): \($0.message)" })")
        let expected = council.cinCensusRecords()
        for table in [CanonicalTable.children, .referrals, .assessments, .cin_plans, .section47, .cp_plans, .cp_reviews] {
            let want = expected[table] ?? []
            #expect(!want.isEmpty || table == .cin_plans && council.collectionYear.startYear < 2021, "synth wrote no \(table)")
            #expect(Self.valueSet(sink.records(of: table)) == Self.valueSet(want), "\(table.name) differs")
        }
        let text = try ws.read("out/latest/returns/cin-census.xml")
        let modern = council.collectionYear.startYear >= 2024
        #expect(text.contains("<Sex>") == modern && text.contains("<GenderCurrent>") == !modern)
        #expect(text.contains("<ReferenceDate>\(council.collectionYear.end.iso)</ReferenceDate>"))
        #expect(!text.contains(">true<") && !text.contains(">false<"), "booleans are 0/1")
    }

    @Test("returns/ssda903/*.csv read back as the 903 tables synth wrote", arguments: ["2025-11-14", "2023-06-30"])
    func ssda903(asOf: String) throws {
        let (ws, council) = try Self.runSynthesised(asOf: asOf, children: 400)
        let folder = ws.path + "/out/latest/returns/ssda903"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(Set(["episodes.csv", "header.csv", "missing.csv", "oc3.csv", "reviews.csv"]).isSubset(of: files))
        let reader = SSDA903Reader(codes: Self.codes)
        var read: [CanonicalTable: [Record]] = [:]
        for file in files {
            let sink = CollectingSink()
            let summary = try reader.read(path: folder + "/" + file, displayName: file, year: council.collectionYear,
                                          into: sink)
            #expect(sink.issues.isEmpty, "\(file): \(sink.issues.prefix(5).map { "\($0.rule) \($0.column)=\($0.value): \($0.message)" })")
            let names: [String: SSDA903Table] = ["header.csv": .header, "episodes.csv": .episodes,
                                                 "reviews.csv": .reviews, "missing.csv": .missing, "oc3.csv": .oc3,
                                                 "previous_permanence.csv": .prevPerm]
            if let table = names[file] { #expect(summary.table == table, "\(file) recognised as \(summary.table)") }
            for record in sink.records { read[record.table, default: []].append(record) }
        }
        let expected = council.ssda903Records()
        for table in [CanonicalTable.cla_episodes, .cla_reviews, .missing_episodes, .care_leavers, .previous_permanence] {
            let want = expected[table] ?? []
            #expect(!want.isEmpty || [.missing_episodes, .care_leavers, .previous_permanence].contains(table),
                    "synth wrote no \(table)")
            #expect(Self.valueSet(read[table] ?? []) == Self.valueSet(want), "\(table.name) differs")
        }
        // Header: every child of the return, care leavers with no episode this year included.
        #expect(Self.valueSet(read[.children] ?? []) == Self.valueSet(expected[.children] ?? []), "Header differs")
        let sex = try ws.csvRows("out/latest/returns/ssda903/header.csv").dropFirst().map { $0[1] }
        let allowed: Set<String> = council.collectionYear.startYear >= 2024 ? ["M", "F", "U"] : ["1", "2"]
        #expect(!sex.isEmpty && Set(sex).isSubset(of: allowed), "SEX codes \(Set(sex)) in \(council.collectionYear)")

        // The returns, run again as inputs, pass every check the pipeline makes.
        try FileManager.default.moveItem(atPath: ws.path + "/out/latest/returns", toPath: ws.path + "/returns")
        let again = try ws.run(inputsYAML: """
              - kind: cin-census
                path: returns/cin-census.xml
              - kind: ssda903
                path: returns/ssda903/*.csv
                year: \(council.collectionYear)

            """, asOf: asOf, failOn: "{ error: 1 }")
        #expect(again.outcome == .complete, "\(again.outcome)")
    }
}

/// The census validates against the DfE schema of its year (xmllint, the liia XSDs).
@Suite("CIN census return against the year's XSD",
       .enabled(if: XMLSchemaCheck.xmllint != nil && XMLSchemaCheck.schemas != nil,
                "needs xmllint on the PATH and ../shared/fixtures/cin/schemas"))
struct ReturnsSchemaTests {
    @Test("a synthetic council's census validates", arguments: ["2025-11-14", "2023-06-30", "2021-12-01"])
    func synthetic(asOf: String) throws {
        let (ws, council) = try ReturnsRoundTripTests.runSynthesised(asOf: asOf, children: 300, seed: 23)
        let result = try XMLSchemaCheck.validate(ws.path + "/out/latest/returns/cin-census.xml", year: council.collectionYear)
        #expect(result.status == 0, "\(result.output)")
    }

    @Test("the bundled sample's census validates")
    func bundledSample() throws {
        let (ws, definition, run) = try runBundledSample()
        #expect(run.published)
        let year = CollectionYear(containing: definition.resolvedAsOf(today: Date()))
        let result = try XMLSchemaCheck.validate(ws.path + "/out/latest/returns/cin-census.xml", year: year)
        #expect(result.status == 0, "\(result.output)")
        #expect(try ws.read("out/latest/returns/cin-census.xml").contains("<Child>"))
    }

    @Test("a census with a code the schema does not know fails, so the check can fail")
    func failsOnBadCode() throws {
        let ws = try Workspace()
        try ws.write("bad.xml", cinCensus(children: [cinChild(id: "A1", sex: "X")]))
        let result = try XMLSchemaCheck.validate(ws.path + "/bad.xml", year: CollectionYear(startYear: 2024))
        #expect(result.status != 0)
    }
}

enum XMLSchemaCheck {
    static let xmllint: String? = ["/usr/bin/xmllint", "/usr/local/bin/xmllint", "/opt/homebrew/bin/xmllint"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static let schemas: String? = {
        let path = (packageRoot as NSString).deletingLastPathComponent + "/shared/fixtures/cin/schemas"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }()

    /// `xmllint --noout --schema CIN_schema_<end year>.xsd file`: exit status and what it said.
    static func validate(_ file: String, year: CollectionYear) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint!)
        process.arguments = ["--noout", "--schema", schemas! + "/CIN_schema_\(year.startYear + 1).xsd", file]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
