/// The rules every reader applies while it extracts: what makes a file, a
/// record or a value unusable. DfE validation rules live beside the
/// transformers; these are the ones about reading at all.
extension Rule {
    public static let malformedXML = Rule(
        id: "malformed-xml", severity: .fatal,
        message: "the file is not well-formed XML and cannot be read",
        hint: "re-export the file from the source system; a truncated or hand-edited file often causes this")
    public static let emptyFile = Rule(
        id: "empty-file", severity: .fatal,
        message: "the file is empty",
        hint: "check the export finished before the run started")
    public static let unreadableFile = Rule(
        id: "unreadable-file", severity: .fatal,
        message: "the file cannot be opened",
        hint: "check the path in the pipeline and the file's permissions")
    public static let notCINCensus = Rule(
        id: "not-cin-census", severity: .fatal,
        message: "the file is not a CIN census (no Message/Children/Child structure)",
        hint: "check the input's `kind` in the pipeline; `cscpipe inspect FILE` says what the file is")
    public static let noInputFiles = Rule(
        id: "no-input-files", severity: .fatal,
        message: "no file matches this input's path",
        hint: "check the path or glob in the pipeline (relative paths are resolved against the pipeline file's folder)")
    public static let missingChildID = Rule(
        id: "missing-child-id", severity: .error,
        message: "no child id: the record cannot be attributed and is not loaded",
        hint: "add the child's LA id in the source system")
    /// CIN census rule 8500 (LA child id missing), raised on the child itself;
    /// each of its records is then a `missing-child-id`.
    public static let cinChildIDMissing = Rule(
        id: "8500", severity: .error,
        message: "no child id: the record cannot be attributed and is not loaded",
        hint: "LAchildID is required for every child in the CIN census", tables: ["children"])
    public static let badDate = Rule(
        id: "bad-date", severity: .error,
        message: "not a valid date",
        hint: "dates must be real calendar days in the format the return uses (CIN: YYYY-MM-DD; SSDA903: DD/MM/YYYY)")
    public static let unknownCode = Rule(
        id: "unknown-code", severity: .error,
        message: "unknown code",
        hint: "use a code from the list for the return's collection year (pipelines/reference/codes)")
    public static let badValue = Rule(
        id: "bad-value", severity: .error,
        message: "value cannot be read",
        hint: "see the message for the values allowed")
    public static let unexpectedElement = Rule(
        id: "unexpected-element", severity: .warning,
        message: "element not in the CIN census schema; ignored",
        hint: "nothing is loaded from it; if it should be, tell the cscpipe maintainers")
    public static let unexpectedText = Rule(
        id: "unexpected-text", severity: .warning,
        message: "stray text between elements; ignored",
        hint: "the source system wrote text outside any element; check the export")
    public static let elementNotInYear = Rule(
        id: "element-not-in-year", severity: .warning,
        message: "this element belongs to another collection year's schema",
        hint: "the values were read with the element's own code list; check the file's ReferenceDate")
    public static let collectionYearUnknown = Rule(
        id: "collection-year-unknown", severity: .error,
        message: "the file's collection year cannot be told (no ReferenceDate or Year in the header)",
        hint: "give `year:` for this input in the pipeline")
    public static let headerYearMismatch = Rule(
        id: "header-year-mismatch", severity: .warning,
        message: "the header's Year does not match its ReferenceDate; the ReferenceDate decides the collection year",
        hint: "Year is the year the collection ends (ReferenceDate 2025-03-31 goes with Year 2025)")
    public static let duplicateChild = Rule(
        id: "duplicate-child", severity: .error,
        message: "the same child id appears twice in one file; the later record wins the merge",
        hint: "each child should appear once per return (CIN rule 8510)")
    public static let conflictingValues = Rule(
        id: "conflicting-values", severity: .warning,
        message: "inputs disagree on the child's identity; the later input's value is kept",
        hint: "check which system is right and correct the other")

    /// Every rule the readers and the merge can raise, for `cscpipe rules`.
    public static let inputRules: [Rule] = [
        .malformedXML, .emptyFile, .unreadableFile, .notCINCensus, .noInputFiles, .missingChildID,
        .cinChildIDMissing, .badDate, .unknownCode, .badValue, .unexpectedElement, .unexpectedText,
        .elementNotInYear, .collectionYearUnknown, .headerYearMismatch, .duplicateChild, .conflictingValues,
    ]
}
