import CSCCore

/// The rules the Annex A reader raises besides the common input rules
/// (`bad-date`, `unknown-code`, `bad-value`, `missing-child-id`).
extension Rule {
    public static let notAnnexA = Rule(
        id: "not-annex-a", severity: .fatal,
        message: "the workbook has no sheet named like an Annex A list (List 1 … List 11), so it is not read",
        hint: "check the input's `kind` in the pipeline; name the sheets `List 1` … `List 11` as Ofsted's template does")
    public static let annexAHeadingsNotFound = Rule(
        id: "annex-a-headings-not-found", severity: .error,
        message: "no row in the first 10 of this sheet holds the list's column headings; the sheet is not read",
        hint: "put the Ofsted headings (Child Unique ID, Gender, …) in row 1 or 2 of the sheet")
    public static let annexAIDColumnMissing = Rule(
        id: "annex-a-id-column-missing", severity: .error,
        message: "the sheet has headings but no child (or adopter) id column; its rows cannot be attributed and are not read",
        hint: "add the `Child Unique ID` column (List 11: `Individual adopter identifier`)")
    public static let annexAUnknownHeading = Rule(
        id: "annex-a-unknown-heading", severity: .warning,
        message: "a column heading the Annex A reader does not know; the column is not read",
        hint: "use the heading from Ofsted's template; if the column matters, tell the cscpipe maintainers")
    public static let annexADuplicateList = Rule(
        id: "annex-a-duplicate-list", severity: .warning,
        message: "two sheets are named like the same Annex A list; only the first is read",
        hint: "rename or remove the extra sheet")

    /// Every rule the Annex A reader can raise itself, for `cscpipe rules`.
    public static let annexARules: [Rule] = [
        .notAnnexA, .annexAHeadingsNotFound, .annexAIDColumnMissing, .annexAUnknownHeading, .annexADuplicateList,
    ]
}
