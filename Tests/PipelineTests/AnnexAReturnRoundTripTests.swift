import CSCCore
import Extractors
import Foundation
import Loaders
import Pipeline
import Testing

/// `returns/annex-a.xlsx` read back through the Annex A reader gives the
/// canonical rows each list holds, and opens in LibreOffice with the
/// template's sheets and headings.
@Suite("Annex A return round trip")
struct AnnexAReturnRoundTripTests {
    static let reference = try! ReferenceData.load(folder: packageRoot + "/pipelines/reference")
    static let asOf = Day(iso: "2025-11-14")!

    /// What each list carries back into its table, beyond the child and the key.
    struct Carried {
        let table: CanonicalTable
        let key: [String]
        let columns: [String]
        /// Columns compared only when the source filled them (the writer
        /// falls back to a current allocation, or counts, when it did not).
        var whenRecorded: [String] = []
    }

    static let carried: [AnnexAList: Carried] = [
        .contacts: Carried(table: .contacts, key: ["child_id", "contact_date"], columns: ["contact_source"]),
        .earlyHelp: Carried(table: .early_help, key: ["child_id", "start_date"], columns: ["end_date", "organisation"]),
        .referrals: Carried(table: .referrals, key: ["child_id", "referral_date"], columns: ["referral_source", "nfa"],
                            whenRecorded: ["team", "worker"]),
        .assessments: Carried(table: .assessments, key: ["child_id", "start_date"],
                              columns: ["child_seen", "authorised_date", "further_action"], whenRecorded: ["team", "worker"]),
        .section47: Carried(table: .section47, key: ["child_id", "start_date"],
                            columns: ["icpc_not_required", "icpc_date", "cp_plan_started"]),
        .childrenInNeed: Carried(table: .referrals, key: ["child_id", "referral_date"],
                                 columns: ["primary_need", "closure_date", "closure_reason"], whenRecorded: ["team", "worker"]),
        .childProtection: Carried(table: .cp_plans, key: ["child_id", "start_date"],
                                  columns: ["initial_category", "latest_category", "end_date"], whenRecorded: ["previous_plans"]),
        .childrenInCare: Carried(table: .cla_episodes, key: ["child_id", "start_date"],
                                 columns: ["category_of_need", "legal_status", "placement", "placement_provider", "end_date",
                                           "reason_ended", "placement_postcode", "urn"]),
        .careLeavers: Carried(table: .care_leavers, key: ["child_id"],
                              columns: ["in_touch", "activity", "accommodation", "accommodation_suitable", "eligibility",
                                        "personal_adviser", "pathway_plan_review_date", "latest_contact_date"]),
        .adoption: Carried(table: .adoptions, key: ["child_id", "decision_date"],
                           columns: ["placement_order_date", "matched_date", "placed_date", "adoption_order_date",
                                     "decision_reversed_date", "reason_reversed"]),
        .adopters: Carried(table: .adopters, key: ["adopter_id"],
                           columns: ["family_id", "sex", "ethnicity", "enquiry_date", "stage1_start", "stage1_end",
                                     "stage2_start", "stage2_end", "approved_date", "matched_date", "placed_date",
                                     "adoption_order_date", "left_date", "reason_left"]),
    ]

    /// Reads `path` with the Annex A reader: its records by list, and its issues.
    static func readBack(_ path: String) throws -> (byList: [AnnexAList: [Record]], issues: [CSCCore.Issue]) {
        let sink = CollectingSink()
        _ = try AnnexAReader(codes: reference.codes).read(path: path, displayName: "annex-a.xlsx",
                                                          year: CollectionYear(containing: asOf), into: sink)
        var byList: [AnnexAList: [Record]] = [:]
        for record in sink.records {
            let sheet = record.source.line.split(separator: "!").first.map(String.init) ?? ""
            guard let list = AnnexAList(sheetName: sheet) else { continue }
            byList[list, default: []].append(record)
        }
        return (byList, sink.issues)
    }

    /// Every list's rows read back equal the source rows in the columns it
    /// carries, and the children's sex, ethnicity and dates of birth too.
    static func expectSameRows(_ byList: [AnnexAList: [Record]], as tables: [CanonicalTable: [Record]],
                               writer: AnnexAReturnWriter) {
        let children = Dictionary((tables[.children] ?? []).map { ($0["child_id"], $0) }, uniquingKeysWith: { a, _ in a })
        for list in AnnexAList.allCases {
            let spec = carried[list]!
            let read = (byList[list] ?? []).filter { $0.table == spec.table }
            #expect(read.count == writer.rows(of: list).count, "\(list.title): rows read back")
            var source: [[String]: Record] = [:]
            for r in tables[spec.table] ?? [] { source[spec.key.map { r[$0] }] = r }
            for r in read {
                guard let original = source[spec.key.map { r[$0] }] else {
                    Testing.Issue.record("\(list.title): \(spec.key.map { r[$0] }) read back but not in the source")
                    continue
                }
                for column in spec.columns {
                    #expect(r[column] == original[column], "\(list.title) \(r.source.line) \(column)")
                }
                for column in spec.whenRecorded where !original[column].isEmpty {
                    #expect(r[column] == original[column], "\(list.title) \(r.source.line) \(column)")
                }
            }
            for child in (byList[list] ?? []).filter({ $0.table == .children }) {
                guard let original = children[child["child_id"]] else { continue }
                for column in ["sex", "ethnicity", "birth_date", "expected_birth_date"] {
                    #expect(child[column] == original[column], "\(list.title) \(child.source.line) children.\(column)")
                }
            }
        }
    }

    /// The canonical tables a run wrote to `datasets/`.
    static func datasets(_ folder: String) throws -> [CanonicalTable: [Record]] {
        var tables: [CanonicalTable: [Record]] = [:]
        for table in CanonicalTable.allCases {
            let csv = try CSVReader.readAll(path: folder + "/" + table.name + ".csv")
            tables[table] = csv.rows.map { row in
                var record = Record(table, source: SourceLocation(file: table.name, line: 0))
                for (i, name) in csv.header.enumerated() where i < row.count && table.columns.contains(name) {
                    record[name] = row[i]
                }
                return record
            }
        }
        return tables
    }

    @Test("the bundled sample's Annex A reads back, with no issue, as the run's datasets in each list's scope")
    func bundledSample() throws {
        let (ws, _, result) = try runBundledSample()
        #expect(result.published)
        let latest = ws.path + "/out/latest"
        let (byList, issues) = try Self.readBack(latest + "/returns/annex-a.xlsx")
        #expect(issues.isEmpty, "\(issues.prefix(5).map { "\($0.rule) \($0.column)=\($0.value): \($0.message)" })")
        let tables = try Self.datasets(latest + "/datasets")
        let writer = AnnexAReturnWriter(tables: tables, asOf: Self.asOf, codes: Self.reference.annexACodes)
        // The 300-child sample has no young person of care-leaving age; `handMade` covers list 9.
        for list in [AnnexAList.contacts, .referrals, .assessments, .section47, .childrenInNeed, .childProtection,
                     .childrenInCare] {
            #expect(!writer.rows(of: list).isEmpty, "the sample's \(list.title) is empty")
        }
        Self.expectSameRows(byList, as: tables, writer: writer)

        // And as a pipeline's `annex-a` input: read, merged and published with no issue.
        let again = try ws.run(inputs: [("annex-a", latest + "/returns/annex-a.xlsx")])
        #expect(again.published && again.issueCounts.values.reduce(0, +) == 0, "\(again.outcome) \(again.issueCounts)")
        #expect(again.records[.contacts] == writer.rows(of: .contacts).count)
    }

    /// LibreOffice, found on PATH as the XLSX writer's own tests find it.
    static let soffice = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        .map { "\($0)/soffice" }.first(where: FileManager.default.isExecutableFile)

    @Test("LibreOffice opens the bundled sample's Annex A: every list's sheet has the template's title and headings, dates DD/MM/YYYY",
          .enabled(if: soffice != nil, "LibreOffice (soffice) is not on PATH; .ci/run installs libreoffice-calc-nogui"))
    func openedByLibreOffice() throws {
        let soffice = try #require(Self.soffice)
        let (ws, _, result) = try runBundledSample()
        #expect(result.published)
        let csvFolder = ws.path + "/csv"
        try FileManager.default.createDirectory(atPath: csvFolder + "/home", withIntermediateDirectories: true)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: soffice)
        // Comma, double quote, UTF-8 (76), from row 1, cells as shown (the 9th
        // token: DD/MM/YYYY rather than the locale's), every sheet (-1).
        p.arguments = ["--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
                       "--outdir", csvFolder, ws.path + "/out/latest/returns/annex-a.xlsx"]
        p.environment = ["HOME": csvFolder + "/home", "PATH": "/usr/bin:/bin"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        for list in AnnexAList.allCases {
            let path = csvFolder + "/annex-a-\(list.sheetName).csv"
            guard FileManager.default.fileExists(atPath: path) else {
                Testing.Issue.record("LibreOffice wrote no \(list.sheetName) sheet")
                continue
            }
            let csv = try CSVReader.readAll(path: path)
            let title = csv.header.filter { !$0.isEmpty }
            #expect(title == [list.title], "\(list.sheetName) row 1")
            #expect(csv.rows.first == list.headings, "\(list.sheetName) row 2")
            if list == .referrals, let first = csv.rows.dropFirst().first {
                #expect(first[3].utf8.count == 10 && first[3].split(separator: "/").count == 3,
                        "a date of birth as DD/MM/YYYY: \(first[3])")
            }
        }
    }

    @Test("hand-made early help, adoption and adopter rows, and the template's codes, read back as written")
    func handMade() throws {
        func row(_ table: CanonicalTable, _ values: [String: String]) -> Record {
            var record = Record(table, source: SourceLocation(file: "test", line: 1))
            for (column, value) in values { record[column] = value }
            return record
        }
        let records = [
            row(.children, ["child_id": "0042", "sex": "F", "ethnicity": "MWBA", "birth_date": "2019-02-28", "disabilities": "NONE"]),
            row(.children, ["child_id": "UNBORN", "sex": "U", "ethnicity": "NOBT", "expected_birth_date": "2026-02-01"]),
            row(.early_help, ["child_id": "0042", "start_date": "2025-06-01", "end_date": "2025-07-01", "organisation": "School & Co <x>"]),
            row(.early_help, ["child_id": "UNBORN", "start_date": "2025-10-01"]),
            row(.contacts, ["child_id": "UNBORN", "contact_date": "2025-09-01", "contact_source": "5D"]),
            row(.referrals, ["child_id": "0042", "referral_date": "2025-08-01", "referral_source": "1A", "nfa": "0",
                             "primary_need": "N4", "closure_date": "2025-10-01", "closure_reason": "RC9", "team": "East"]),
            row(.children, ["child_id": "CL1", "sex": "M", "ethnicity": "BAFR", "birth_date": "2006-05-01", "uasc": "1"]),
            row(.care_leavers, ["child_id": "CL1", "year": "2025-26", "birth_date": "2006-05-01", "in_touch": "YES",
                                "activity": "G5", "accommodation": "D", "accommodation_suitable": "1",
                                "eligibility": "former_relevant", "personal_adviser": "P. Adviser",
                                "pathway_plan_review_date": "2025-10-01", "latest_contact_date": "2025-11-01"]),
            row(.adoptions, ["child_id": "0042", "decision_date": "2025-01-10", "placement_order_date": "2025-02-01",
                             "decision_reversed_date": "2025-09-01", "reason_reversed": "RD2"]),
            row(.adopters, ["adopter_id": "A1", "family_id": "F1", "sex": "M", "ethnicity": "WBRI", "enquiry_date": "2025-01-01",
                            "stage1_start": "2025-01-15", "left_date": "2025-06-01", "reason_left": "2"]),
            row(.adopters, ["adopter_id": "A2", "family_id": "F1", "sex": "F", "ethnicity": "WBRI", "enquiry_date": "2025-01-01"]),
        ]
        let tables = Dictionary(grouping: records, by: \.table)
        let writer = AnnexAReturnWriter(tables: tables, asOf: Self.asOf, codes: Self.reference.annexACodes)
        let folder = NSTemporaryDirectory() + "cscpipe-annexa-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let counts = try writer.write(to: folder + "/annex-a.xlsx")
        #expect(counts[.earlyHelp] == 2 && counts[.adoption] == 1 && counts[.adopters] == 2 && counts[.contacts] == 1
                && counts[.careLeavers] == 1)
        let (byList, issues) = try Self.readBack(folder + "/annex-a.xlsx")
        #expect(issues.isEmpty, "\(issues.map { "\($0.rule) \($0.column)=\($0.value): \($0.message)" })")
        Self.expectSameRows(byList, as: tables, writer: writer)
        // The codes as the template spells them, and the later DfE codes with their labels.
        let referrals = writer.rows(of: .referrals)
        #expect(referrals.first?[6] == .text("a) 1A: Individual"))
        #expect(writer.rows(of: .contacts).first?[6] == .text("5D: LA services: early help"))
        #expect(writer.rows(of: .childrenInNeed).first?[10] == .text("RC9: Case closed after assessment, referred to early help"))
    }
}
