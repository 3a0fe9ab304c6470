import CSCCore

/// The rules the CSV reader raises, with the words the exception report uses.
extension Rule {
    public static let csvUnterminatedQuote = Rule(
        id: "unterminated-quote", severity: .fatal,
        message: "a quoted cell is never closed, so the rest of the file cannot be read",
        hint: "open the file in a text editor and look for a stray double quote where the cell starts; "
            + "re-export so that quotes inside cells are doubled")
    public static let csvRecordTooLong = Rule(
        id: "record-too-long", severity: .fatal,
        message: "one row of the file is too long to be a real record",
        hint: "usually a double quote that is never closed; check the line in a text editor")
    public static let csvStrayQuote = Rule(
        id: "stray-quote", severity: .warning,
        message: "a double quote in the middle of an unquoted cell; it was kept as part of the value",
        hint: "check the value; a cell that contains quotes should be quoted, with its quotes doubled")
    public static let csvTextAfterQuote = Rule(
        id: "text-after-quote", severity: .warning,
        message: "text follows the closing quote of a quoted cell; it was joined to the value",
        hint: "check the value; a quote inside a quoted cell must be doubled")
    public static let csvInvalidUTF8 = Rule(
        id: "invalid-utf8", severity: .warning,
        message: "the file mixes UTF-8 with other bytes; those bytes were read as Windows-1252 characters",
        hint: "save the file again as CSV UTF-8 so every character is read the same way")
    public static let csvRaggedRow = Rule(
        id: "ragged-row", severity: .warning,
        message: "the row has a different number of cells from the header",
        hint: "missing cells are read as empty and extra cells are ignored; "
            + "check for a comma inside a value that should have been quoted")
    public static let csvDuplicateColumn = Rule(
        id: "duplicate-column", severity: .warning,
        message: "the same column name appears more than once in the header; the first one is read",
        hint: "rename or remove the repeated column")
    public static let csvEmptyColumnName = Rule(
        id: "empty-column-name", severity: .warning,
        message: "a column in the header has no name; it is not read",
        hint: "name the column or delete it")

    /// Every rule the CSV reader can raise, for `cscpipe rules`.
    public static let csvRules: [Rule] = [
        .csvUnterminatedQuote, .csvRecordTooLong, .csvStrayQuote, .csvTextAfterQuote, .csvInvalidUTF8,
        .csvRaggedRow, .csvDuplicateColumn, .csvEmptyColumnName,
    ]
}
