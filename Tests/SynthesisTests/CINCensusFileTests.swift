import CSCCore
import Foundation
import Testing
@testable import Synthesis

@Suite("CIN census file: structure, layout, records")
struct CINCensusFileTests {
    static let asOfDates = ["2025-03-31", "2025-11-14", "2024-03-31", "2023-01-15", "2021-06-30", "2020-12-01"]

    private func written(_ options: SynthOptions) throws -> (council: SyntheticCouncil, bytes: Data, result: SynthResult) {
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        let result = try Synthesizer.write(options, to: dir.path)
        let council = Synthesizer.council(options)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: dir.path + "/" + council.cinCensusPath))
        return (council, bytes, result)
    }

    @Test("well-formed, in the year's element order", arguments: asOfDates)
    func structure(asOf: String) throws {
        let (council, bytes, _) = try written(SynthOptions(children: 300, seed: 3, asOf: .iso(asOf)))
        let root = try XMLTreeBuilder.parse(bytes)
        let problems = CINSchemaOrder(year: council.collectionYear).problems(in: root)
        #expect(problems.isEmpty, "\(problems.prefix(10))")
        let names = Set(allNames(root))
        #expect(names.contains("CINPlanDates") == (council.collectionYear.startYear + 1 >= 2022))
        #expect(names.contains("Sex") == (council.collectionYear.startYear + 1 >= 2025))
        #expect(names.contains("GenderCurrent") == (council.collectionYear.startYear + 1 < 2025))
    }

    @Test("ReferralNFA sits after Section47 and before ChildProtectionPlans")
    func referralNFAPosition() throws {
        let (_, bytes, _) = try written(SynthOptions(children: 400, seed: 8, asOf: .iso("2025-03-31")))
        let root = try XMLTreeBuilder.parse(bytes)
        var checked = 0
        for child in root.first("Children")!.all("Child") {
            for details in child.all("CINdetails") where details.first("Section47") != nil && details.first("ChildProtectionPlans") != nil {
                let names = details.children.map(\.name)
                let nfa = names.firstIndex(of: "ReferralNFA")!
                #expect(names.lastIndex(of: "Section47")! < nfa)
                #expect(names.firstIndex(of: "ChildProtectionPlans")! > nfa)
                checked += 1
            }
        }
        #expect(checked > 0)
    }

    @Test("two-space indentation, \\n line ends, 0/1 booleans, an XML declaration")
    func layout() throws {
        let (_, bytes, _) = try written(SynthOptions(children: 200, seed: 4, asOf: .iso("2025-03-31")))
        #expect(!bytes.contains(UInt8(ascii: "\r")))
        #expect(bytes.last == UInt8(ascii: "\n"))
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.first == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        var depth = 0
        for line in lines.dropFirst() {
            let spaces = line.prefix { $0 == " " }.count
            let tag = line.dropFirst(spaces)
            if tag.hasPrefix("</") { depth -= 1 }
            #expect(spaces == 2 * depth, "\(line)")
            if !tag.hasPrefix("</") && !tag.contains("</") { depth += 1 }
        }
        #expect(depth == 0)
        for element in ["ReferralNFA", "ICPCnotRequired"] {
            let values = Set(text.components(separatedBy: "<\(element)>").dropFirst().map { $0.prefix { $0 != "<" } })
            #expect(values == ["0", "1"], "\(element): \(values)")
        }
    }

    @Test("valid against the year's XSD (xmllint)", arguments: ["2025-03-31", "2025-11-14", "2024-03-31", "2021-06-30"])
    func schemaValid(asOf: String) throws {
        guard let xmllint = xmllintPath else {
            print("skipped: xmllint is not installed")
            return
        }
        guard let fixtures = PackagePaths.sharedFixtures else {
            print("skipped: ../shared/fixtures is not there")
            return
        }
        let options = SynthOptions(children: 300, seed: 12, asOf: .iso(asOf))
        let council = Synthesizer.council(options)
        let schema = fixtures.appendingPathComponent("cin/schemas/CIN_schema_\(council.collectionYear.startYear + 1).xsd")
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        _ = try Synthesizer.write(options, to: dir.path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint)
        process.arguments = ["--noout", "--schema", schema.path, dir.path + "/" + council.cinCensusPath]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(message.prefix(2000))")
    }

    @Test("the promised canonical records are what the file holds, line for line", arguments: asOfDates)
    func recordsRoundTrip(asOf: String) throws {
        let (council, bytes, result) = try written(SynthOptions(children: 250, seed: 21, asOf: .iso(asOf), laCode: "909"))
        let root = try XMLTreeBuilder.parse(bytes)
        let file = "in/" + council.cinCensusPath
        let read = CINTestReader.records(root, file: file, genderCodes: try loadCodeList("gender_current"),
                                         year: council.collectionYear)
        let promised = council.cinCensusRecords(sourceFile: file)
        #expect(Set(promised.keys) == [.children, .referrals, .assessments, .cin_plans, .section47, .cp_plans, .cp_reviews])
        for table in promised.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
            let expected = promised[table] ?? []
            let actual = read[table] ?? []
            #expect(expected.count == actual.count, "\(table)")
            for (e, a) in zip(expected, actual) where e != a {
                Issue.record("\(table): promised \(e.values) line \(e.source.line), file has \(a.values) line \(a.source.line)")
                break
            }
            // The 903 Header also makes `children` records.
            let headerRows = table == .children ? council.ssda903Records()[.children]?.count ?? 0 : 0
            #expect(result.records[table] == expected.count + headerRows, "\(table)")
        }
        #expect(result.children == 250)
        #expect(promised[.children]?.count == 250)
        #expect(promised[.referrals]!.allSatisfy { $0["nfa"] == "0" || $0["nfa"] == "1" })
        if council.collectionYear.startYear + 1 < 2022 { #expect(promised[.cin_plans]!.isEmpty) }
    }

    @Test("every child has an episode open in the year or starting in it; no other episode is written")
    func scope() throws {
        let council = SyntheticCouncil(children: 500, seed: 77, asOf: .iso("2024-10-31"))
        let records = council.cinCensusRecords()
        let yearStart = Day.iso("2024-04-01")
        var writtenEpisodes = 0
        var leftOut = 0
        for child in council.children {
            let inYear = child.episodes.filter { e in e.closureDate.map { $0 >= yearStart } ?? true }
            #expect(!inYear.isEmpty)
            writtenEpisodes += inYear.count
            leftOut += child.episodes.count - inYear.count
        }
        #expect(records[.referrals]?.count == writtenEpisodes)
        #expect(leftOut > 0, "some earlier history stays out of this year's census")
        for referral in records[.referrals]! {
            if let closed = Day(iso: referral["closure_date"]) { #expect(closed >= yearStart) }
        }
    }

    private func allNames(_ node: XMLNode) -> [String] {
        [node.name] + node.children.flatMap(allNames)
    }
}
