import CSCCore
import Foundation
import Testing
@testable import Loaders

@Suite struct ExceptionReportWriterTests {
    static func issue(_ rule: String, _ severity: Severity, _ dataset: String, line: Int?, column: String = "",
                      child: String = "", value: String = "", message: String, hint: String = "") -> CSCCore.Issue {
        CSCCore.Issue(rule: rule, severity: severity, dataset: dataset, file: "cin/cin_2024-25.xml", line: line,
                      column: column, childID: child, value: value, message: message, hint: hint)
    }

    /// A hand-made report: ties on count, on message use, a fatal with a
    /// child, unknown codes with repeated and distinct values.
    static let issues: [CSCCore.Issue] = [
        issue("unknown-code", .error, "children", line: 10, column: "Ethnicity", child: "A1", value: "WHBR",
              message: "unknown code", hint: "use a code from the list"),
        issue("bad-date", .error, "assessments", line: 20, column: "StartDate", child: "A2", value: "2025-02-30",
              message: "not a valid date"),
        issue("unknown-code", .error, "children", line: 30, column: "Ethnicity", child: "A3", value: "WHBR",
              message: "unknown code"),
        issue("unknown-code", .error, "children", line: 40, column: "Ethnicity", child: "A1", value: "XXXX",
              message: "unknown code"),
        issue("8670Q", .query, "assessments", line: 50, child: "A2", message: "check this, please"),
        issue("bad-date", .error, "referrals", line: 60, column: "ReferralDate", child: "A1", value: "x",
              message: "not a valid date"),
        issue("unexpected-element", .warning, "file", line: nil, column: "Foo", message: "element ignored"),
        issue("bad-date", .error, "referrals", line: 70, child: "", value: "31/02/2024",
              message: "not a valid date (DD/MM/YYYY)"),
        issue("bad-date", .error, "referrals", line: 80, child: "A4", value: "31/02/2024",
              message: "not a valid date (DD/MM/YYYY)"),
        issue("8670Q", .query, "assessments", line: 90, child: "A4", message: "check this, please"),
        issue("8520", .error, "children", line: 100, column: "UPN", child: "A3", value: "\"X\"",
              message: "UPN invalid"),
        issue("conflicting-values", .warning, "children", line: 110, column: "sex", child: "A5", value: "F",
              message: "inputs disagree on sex"),
        issue("custom-fatal", .fatal, "file", line: 1, child: "A6", message: "stopped"),
        issue("unknown-code", .error, "visits", line: 120, column: "Visit Type", child: "A2", value: "Home, visit",
              message: "unknown code"),
    ]

    @Test func everyIssueIsOneRowInTheOrderGiven() throws {
        try withTemporaryFolder { folder in
            let writer = ExceptionReportWriter(folder: folder.path)
            try writer.write(Self.issues)
            let text = try readText(writer.issuesPath)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.first == "rule,severity,dataset,file,line,column,child_id,value,message,hint")
            #expect(lines[1] == "unknown-code,error,children,cin/cin_2024-25.xml,10,Ethnicity,A1,WHBR,unknown code,use a code from the list")
            #expect(lines[5] == "8670Q,query,assessments,cin/cin_2024-25.xml,50,,A2,,\"check this, please\",")
            #expect(lines[7] == "unexpected-element,warning,file,cin/cin_2024-25.xml,,Foo,,,element ignored,")
            #expect(lines[11] == "8520,error,children,cin/cin_2024-25.xml,100,UPN,A3,\"\"\"X\"\"\",UPN invalid,")
            #expect(lines.last == "")
            let rows = try #require(parseCSV(text))
            #expect(rows.count == Self.issues.count + 1)
            #expect(rows.dropFirst().map { $0[0] } == Self.issues.map(\.rule))
            #expect(rows.dropFirst().map { $0[7] } == Self.issues.map(\.value))
        }
    }

    @Test func byRuleGroupsRulesAndListsEachUnknownCode() throws {
        try withTemporaryFolder { folder in
            let writer = ExceptionReportWriter(folder: folder.path)
            try writer.write(Self.issues)
            let expected = """
                rule,severity,count,children,message
                custom-fatal,fatal,1,1,stopped
                bad-date,error,4,3,not a valid date
                unknown-code,error,2,2,"unknown code ""WHBR"" in Ethnicity (children)"
                8520,error,1,1,UPN invalid
                unknown-code,error,1,1,"unknown code ""XXXX"" in Ethnicity (children)"
                unknown-code,error,1,1,"unknown code ""Home, visit"" in Visit Type (visits)"
                8670Q,query,2,2,"check this, please"
                conflicting-values,warning,1,1,inputs disagree on sex
                unexpected-element,warning,1,0,element ignored

                """
            #expect(try readText(writer.byRulePath) == expected)
        }
    }

    @Test func byChildCountsSeveritiesAndOrdersByErrorsThenQueries() throws {
        try withTemporaryFolder { folder in
            let writer = ExceptionReportWriter(folder: folder.path)
            try writer.write(Self.issues)
            let expected = """
                child_id,errors,queries,warnings,rules
                A1,3,0,0,unknown-code;bad-date
                A2,2,1,0,bad-date;8670Q;unknown-code
                A3,2,0,0,unknown-code;8520
                A4,1,1,0,bad-date;8670Q
                A6,1,0,0,custom-fatal
                A5,0,0,1,conflicting-values

                """
            #expect(try readText(writer.byChildPath) == expected)
        }
    }

    @Test func theSameIssuesGiveTheSameBytes() throws {
        try withTemporaryFolder { folder in
            var outputs: [[Data]] = []
            for run in 0..<3 {
                let writer = ExceptionReportWriter(folder: folder.file("run\(run)"))
                let paths = try writer.write(Self.issues)
                outputs.append(try paths.map(readBytes))
            }
            #expect(outputs[0] == outputs[1])
            #expect(outputs[0] == outputs[2])
            // Not an empty-file coincidence.
            #expect(outputs[0].allSatisfy { $0.count > 40 })
        }
    }

    @Test func noIssuesGiveHeadersOnly() throws {
        try withTemporaryFolder { folder in
            let writer = ExceptionReportWriter(folder: folder.path)
            try writer.write([])
            #expect(try readText(writer.issuesPath) == ExceptionReportWriter.issuesHeader.joined(separator: ",") + "\n")
            #expect(try readText(writer.byRulePath) == "rule,severity,count,children,message\n")
            #expect(try readText(writer.byChildPath) == "child_id,errors,queries,warnings,rules\n")
        }
    }

    @Test func summaryKeepsTheUnknownValue() {
        let summary = ExceptionSummary(Self.issues)
        let unknown = summary.byRule.filter { $0.rule == "unknown-code" }
        #expect(unknown.map(\.unknownCode?.value) == ["WHBR", "XXXX", "Home, visit"])
        #expect(summary.byRule.filter { $0.rule != "unknown-code" }.allSatisfy { $0.unknownCode == nil })
        #expect(summary.byChild.first { $0.childID == "A6" }?.errors == 1)
    }
}
