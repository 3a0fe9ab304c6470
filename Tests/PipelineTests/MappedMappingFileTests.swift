import CSCCore
import Extractors
import Foundation
import Pipeline
import Testing

/// Mapping files are configuration: every mistake is refused with the
/// mapping file, line and key, before any data is read.
@Suite("Mapped exports: mapping files and validate")
struct MappedMappingFileTests {
    func loadError(_ yaml: String) throws -> ConfigError? {
        let ws = try Workspace()
        try ws.write("mappings/m.yaml", yaml)
        do {
            _ = try MappingFileLoader.load(path: ws.path + "/mappings/m.yaml", name: "mappings/m.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test("Unknown tables and columns are refused with a suggestion")
    func unknownNames() throws {
        let table = try #require(try loadError("table: visit\ncolumns:\n  child_id: Person ID\n"))
        #expect(table.line == 1 && table.key == "table")
        #expect(table.message.contains("did you mean `visits`"))
        #expect(table.file.hasSuffix("mappings/m.yaml"))

        let column = try #require(try loadError("""
            table: visits
            columns:
              child_id: Person ID
              visit_dte: { source: Date, dates: [dd/MM/yyyy] }
            """))
        #expect(column.line == 4 && column.key == "columns.visit_dte")
        #expect(column.message.contains("did you mean `visit_date`"))

        let key = try #require(try loadError("table: visits\ncolumns:\n  child_id: { sorce: Person ID }\n"))
        #expect(key.key == "columns.child_id.sorce" && key.line == 3)
    }

    @Test("A label sent to two codes is refused at its line")
    func labelToTwoCodes() throws {
        let error = try #require(try loadError("""
            table: children
            columns:
              child_id: Person ID
              sex:
                source: Gender
                values:
                  M: ["a) Male", "Male", "1"]
                  F: ["b) Female", "Female", "2"]
                  U: ["c) Not stated", " MALE "]
            """))
        #expect(error.line == 9)
        #expect(error.key == "columns.sex.values.U")
        #expect(error.message.contains("already mapped to `M`"))
    }

    @Test("Dates need formats, formats must be formats, patterns must compile, keys must be mapped")
    func otherMistakes() throws {
        let noFormat = try #require(try loadError("table: visits\ncolumns:\n  child_id: ID\n  visit_date: Date\n  kind: { constant: cp }\n"))
        #expect(noFormat.key == "columns.visit_date" && noFormat.line == 4)
        let badFormat = try #require(try loadError("""
            table: visits
            columns:
              child_id: ID
              visit_date: { source: Date, dates: [dd/MM/yyyy HH:mm] }
              kind: { constant: cp }
            """))
        #expect(badFormat.key == "columns.visit_date.dates" && badFormat.message.contains("not a pattern letter"))
        let badPattern = try #require(try loadError("""
            table: contacts
            columns:
              child_id: { pattern: "person(id" }
            """))
        #expect(badPattern.key == "columns.child_id.pattern" && badPattern.line == 3)
        let noKey = try #require(try loadError("table: visits\ncolumns:\n  child_id: ID\n  kind: { constant: cp }\n"))
        #expect(noKey.key == "columns.visit_date" && noKey.message.contains("natural key"))
        let xmlPattern = try #require(try loadError("""
            table: contacts
            format: xml
            record: Export/Contact
            columns:
              child_id: { pattern: id }
            """))
        #expect(xmlPattern.message.contains("not by pattern"))
    }

    @Test("The example mappings all load")
    func examplesLoad() throws {
        let folder = packageRoot + "/pipelines/mappings"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count == 8)
        for file in files {
            let export = try MappingFileLoader.load(path: folder + "/" + file, name: "mappings/" + file)
            #expect(!export.columns.isEmpty)
        }
    }

    @Test("validate finds a column missing from the export's header, before reading any data")
    func validateHeader() throws {
        let ws = try Workspace()
        try ws.write("mappings/visits.yaml", """
            table: visits
            columns:
              child_id: Person ID
              visit_date:
                source: Actual Date
                dates: [dd/MM/yyyy]
              kind:
                source: Visit Type
                values: { cp: CP Visit }
            """)
        // An unclosed quote after the header: a data read would fail, validate must not get that far.
        try ws.write("exports/visits.csv", "Person ID,Visit Typ,Actual Date\n1,CP Visit,01/10/2025\n\"broken\n")
        try ws.write("pipeline.yaml", """
            name: t
            output: out
            reference: \(packageRoot)/pipelines/reference
            inputs:
              - kind: mapped
                path: exports/visits.csv
                mapping: mappings/visits.yaml
            """)
        do {
            _ = try PipelineValidator.validate(path: ws.path + "/pipeline.yaml")
            Testing.Issue.record("validate accepted a header without Visit Type")
        } catch {
            #expect(error.file == ws.path + "/mappings/visits.yaml")
            #expect(error.line == 8)
            #expect(error.key == "columns.kind.source")
            #expect(error.message.contains("closest: `Visit Typ`"))
            #expect(error.message.contains("exports/visits.csv"))
        }
        try ws.write("exports/visits.csv", "Person ID,Visit Type,Actual Date\n1,CP Visit,01/10/2025\n\"broken\n")
        let report = try PipelineValidator.validate(path: ws.path + "/pipeline.yaml")
        #expect(report.contains("mappings/visits.yaml: fills visits; every column it needs is in the header"))
    }

    @Test("A mapped input needs `mapping:`, and only a mapped input takes one")
    func mappingKey() throws {
        let ws = try Workspace()
        try ws.write("e.csv", "x\n")
        func load(_ input: String) throws -> ConfigError? {
            try ws.write("p.yaml", "output: out\ninputs:\n" + input)
            do {
                _ = try PipelineLoader.load(path: ws.path + "/p.yaml")
                return nil
            } catch {
                return error
            }
        }
        #expect(try load("  - kind: mapped\n    path: e.csv\n")?.key == "inputs[1].mapping")
        #expect(try load("  - kind: mapped\n    path: e.csv\n    mapping: nowhere.yaml\n")?.message.contains("no mapping file") == true)
        #expect(try load("  - kind: cin-census\n    path: e.csv\n    mapping: m.yaml\n")?.key == "inputs[1].mapping")
    }
}
