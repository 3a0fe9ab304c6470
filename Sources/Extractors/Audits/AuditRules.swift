import CSCCore

/// The rules the case-audit reader raises besides the common input rules
/// (`bad-date`, `unknown-code`).
extension Rule {
    public static let auditColumnMissing = Rule(
        id: "audit-column-missing", severity: .fatal,
        message: "a column the pipeline names for this audit export is not in its header, so the file is not read",
        hint: "fix the heading under the input's `columns:` or `domains:` in the pipeline (matched ignoring case and "
            + "surrounding spaces), or re-export with the column", tables: ["audits", "audit_grades"])
    public static let missingAuditID = Rule(
        id: "missing-audit-id", severity: .error,
        message: "no audit id: the audit cannot be told apart from others and is not loaded",
        hint: "fill in the audit's reference in the audit tool and re-export", tables: ["audits", "audit_grades"])

    /// The hint of an `unknown-code` issue on a grade (the rule's own hint is about code lists).
    public static let unrecognisedGradeHint =
        "grades are outstanding, good, requires improvement (RI, RIG), inadequate, or 1 to 4; "
        + "blank, N/A or not graded means no grade; correct the grade in the audit tool and re-export"

    /// Every rule the case-audit reader can raise itself, for `cscpipe rules`.
    public static let auditRules: [Rule] = [.auditColumnMissing, .missingAuditID]
}
