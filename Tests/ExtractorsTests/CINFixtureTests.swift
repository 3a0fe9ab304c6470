import CSCCore
import Foundation
import Testing
@testable import Extractors

/// The public CIN sample files in `../shared/fixtures/cin`.
@Suite("CIN census: public fixtures", .enabled(if: SharedTestData.hasCINFixtures, "needs ../shared/fixtures/cin"))
struct CINFixtureTests {
    private func fixture(_ name: String) throws -> URL {
        try #require(SharedTestData.cinFixtures).appendingPathComponent(name)
    }

    @Test("every fixture reads, with one child per <Child> element and a children record for each")
    func everyFixtureReads() throws {
        let files = try SharedTestData.cinFixtureFiles()
        #expect(!files.isEmpty)
        for file in files {
            let result = try CINTestFiles.read(file.path, as: file.lastPathComponent)
            let childElements = try occurrences(of: "<Child>", inFile: file)
            #expect(result.summary.children == childElements, "\(file.lastPathComponent)")
            #expect(result.records(.children).count == childElements, "\(file.lastPathComponent)")
            #expect(result.summary.records == result.records.count, "\(file.lastPathComponent)")
            #expect(result.summary.issues == result.issues.count, "\(file.lastPathComponent)")
            #expect(result.summary.laCode == "201", "\(file.lastPathComponent)")
            #expect(result.records.allSatisfy { $0.source.file == file.lastPathComponent })
        }
    }

    @Test("CIN_Census_2024.xml: the deliberate errors, each at its line")
    func census2024Errors() throws {
        let result = try CINTestFiles.read(try fixture("CIN_Census_2024.xml").path, as: "CIN_Census_2024.xml")
        #expect(result.summary.collectionYear == CollectionYear(startYear: 2023))

        let factor = try #require(result.issues(.unknownCode).first { $0.column == "AssessmentFactors" })
        #expect(factor.line == 46)
        #expect(factor.value == "RB")
        #expect(factor.dataset == "assessments")
        #expect(factor.childID == "DfEX0000001")
        #expect(factor.severity == .error)

        let sex = try #require(result.issues(.unknownCode).first { $0.column == "Sex" })
        #expect(sex.line == 25)
        #expect(sex.value == "1")
        #expect(sex.dataset == "children")

        let stray = try #require(result.issues(.unexpectedText).first)
        #expect(stray.line == 23)
        #expect(stray.value == "PersonBirthDate")
        #expect(stray.column == "ChildIdentifiers")
        #expect(stray.severity == .warning)

        // Sex is a 2024-25 element; this file's ReferenceDate makes it 2023-24.
        let notInYear = result.issues(.elementNotInYear)
        #expect(notInYear.count == 1)
        #expect(notInYear.first?.line == 25)
        // Year 2023 says 2022-23; ReferenceDate 2024-03-31 says 2023-24 and wins.
        #expect(result.issues(.headerYearMismatch).map(\.line) == [5])

        // The bad factor is dropped from the list, the good ones kept in file order.
        let assessment = try #require(result.records(.assessments, child: "DfEX0000001").first)
        #expect(assessment["factors"] == "1C;6B")
        #expect(assessment.source.line == "41")
        let child = try #require(result.records(.children, child: "DfEX0000001").first)
        #expect(child["sex"] == "")
        #expect(child["birth_date"] == "2015-03-27")
        #expect(child["disabilities"] == "HAND;HEAR")
        #expect(child["upn_unknown"] == "UN3")
        // The referral-level ICPC and the section 47's own ICPC are two section47 rows.
        let s47 = result.records(.section47, child: "DfEX0000001")
        #expect(s47.map { $0["icpc_date"] } == ["2022-12-06", "2022-06-17"])
        #expect(s47.map { $0["start_date"] } == ["", "2022-06-02"])
        #expect(s47.map(\.source.line) == ["40", "54"])
    }

    @Test("CIN_Census_2026.xml: PreProceedingsandFGDM is skipped with one warning at its first line")
    func census2026UnknownBlock() throws {
        let result = try CINTestFiles.read(try fixture("CIN_Census_2026.xml").path, as: "CIN_Census_2026.xml")
        let warnings = result.issues(.unexpectedElement)
        #expect(warnings.count == 1)
        #expect(warnings.first?.column == "PreProceedingsandFGDM")
        #expect(warnings.first?.line == 71)
        #expect(warnings.first?.severity == .warning)
        // Its children (PPStartDate, ...) are neither warned about nor read as anything.
        #expect(!result.issues.contains { $0.column == "PPStartDate" || $0.column == "PPOutcome" })
        #expect(result.records(.cp_plans).count == 1)
    }

    @Test("BAR_cin_2022.xml: GenderCurrent 1 is sex M in a 2021-22 file, with no year warning")
    func genderCurrentFixture() throws {
        let result = try CINTestFiles.read(try fixture("BAR_cin_2022.xml").path)
        #expect(result.summary.collectionYear == CollectionYear(startYear: 2021))
        #expect(result.records(.children).first?["sex"] == "M")
        #expect(result.issues(.elementNotInYear).isEmpty)
        #expect(result.records(.children).first?["expected_birth_date"] == "1966-03-22")
        #expect(result.records(.children).first?["death_date"] == "1980-10-08")
        #expect(result.records(.cp_reviews).first?["plan_start_date"] == "1970-02-17")
        #expect(result.records(.cp_plans).first?["previous_plans"] == "10")
        #expect(result.records(.referrals).first?["nfa"] == "0")
        #expect(result.records(.section47).last?["icpc_not_required"] == "0")
    }

    @Test("CIN2rows.xml: two protection plans give two cp_plans rows, each with its review")
    func twoPlans() throws {
        let result = try CINTestFiles.read(try fixture("CIN2rows.xml").path)
        #expect(result.records(.cp_plans).map(\.source.line) == ["55", "65"])
        #expect(result.records(.cp_reviews).map(\.source.line) == ["62", "72"])
        #expect(result.records(.cp_plans).allSatisfy { $0["referral_id"] == "DfEX0000001/2022-10-06" })
    }
}
