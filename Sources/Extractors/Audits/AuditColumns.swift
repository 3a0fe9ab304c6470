/// Which column of a case-audit tool's export holds which audit field, and
/// which columns hold graded domains: every council's tool names them
/// differently, so the pipeline says (`columns:` and `domains:` of a
/// `kind: audits` input).
public struct AuditColumns: Sendable, Hashable {
    /// A field of the canonical `audits` table that an export column can fill.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case auditID = "audit_id"
        case childID = "child_id"
        case auditDate = "audit_date"
        case auditor
        case team
        case worker
        case auditType = "audit_type"
        case overallGrade = "overall_grade"

        /// Fields an audit cannot be loaded or counted without.
        public static let required: [Field] = [.auditID, .auditDate]
    }

    /// A graded domain: its canonical name (`voice_of_the_child`, written into
    /// `audit_grades.domain`) and the export column holding its grade.
    public struct Domain: Sendable, Hashable {
        public var name: String
        public var heading: String

        public init(name: String, heading: String) {
            self.name = name
            self.heading = heading
        }
    }

    /// Export column heading for each configured field; a field left out stays empty.
    public var headings: [Field: String]
    /// Graded domains, in the order the pipeline lists them.
    public var domains: [Domain]

    /// Columns for `headings`, which must name every `Field.required` field.
    public init(headings: [Field: String], domains: [Domain] = []) {
        precondition(Field.required.allSatisfy { headings[$0] != nil }, "audit_id and audit_date need a column")
        self.headings = headings
        self.domains = domains
    }

    /// The layout of the calibration council's audit tool (and of `cscpipe synth`'s export).
    public static let example = AuditColumns(
        headings: [.auditID: "Audit Ref", .childID: "Child ID", .auditDate: "Date Completed", .auditor: "Auditor",
                   .team: "Team", .worker: "Social Worker", .overallGrade: "Overall Judgement"],
        domains: [Domain(name: "voice_of_the_child", heading: "Voice of the Child"),
                  Domain(name: "assessment", heading: "Assessment"),
                  Domain(name: "planning", heading: "Planning"),
                  Domain(name: "management_oversight", heading: "Management Oversight")])

    /// Every heading the export must have: fields in `Field` order, then domains.
    public var allHeadings: [String] {
        Field.allCases.compactMap { headings[$0] } + domains.map(\.heading)
    }
}
