import CSCCore
import Testing

@Suite("Code lists")
struct CodeListTests {
    @Test("Codes are valid only in their collection years")
    func validity() throws {
        let list = try CodeList(name: "closure_reason", rows: [
            ["code", "label", "from_year", "to_year"],
            ["RC8", "Closed after assessment, no further action", "", ""],
            ["RC9", "Closed after assessment, referred to early help", "2022-23", ""],
            ["RCX", "Withdrawn", "", "2019-20"],
        ])
        #expect(list.contains("RC8", in: CollectionYear(startYear: 2017)))
        #expect(!list.contains("RC9", in: CollectionYear(startYear: 2021)))
        #expect(list.contains("RC9", in: CollectionYear(startYear: 2022)))
        #expect(!list.contains("RCX", in: CollectionYear(startYear: 2020)))
        #expect(!list.contains("rc8", in: CollectionYear(startYear: 2022)))
        #expect(list.validity(of: "RC9") == "valid from 2022-23")
        #expect(list.validity(of: "RCX") == "valid up to 2019-20")
    }

    @Test("A canonical column maps return codes to the model's")
    func canonical() throws {
        let list = try CodeList(name: "gender_current", rows: [
            ["code", "canonical", "label", "from_year", "to_year"], ["1", "M", "Male", "", ""], ["9", "U", "Indeterminate", "", ""],
        ])
        #expect(list.canonical("1", in: CollectionYear(startYear: 2020)) == "M")
        #expect(list.canonical("9", in: CollectionYear(startYear: 2020)) == "U")
        #expect(list.canonical("2", in: CollectionYear(startYear: 2020)) == nil)
    }

    @Test("A bad year in the file names its line")
    func badYear() {
        #expect(throws: ReferenceDataError.self) {
            try CodeList(name: "x", rows: [["code", "label", "from_year"], ["A", "a", "2024-26"]])
        }
        do {
            _ = try CodeList(name: "x", rows: [["code", "label", "from_year"], ["A", "a", ""], ["B", "b", "soon"]])
            Testing.Issue.record("expected an error")
        } catch {
            #expect(error.line == 3)
        }
    }
}
