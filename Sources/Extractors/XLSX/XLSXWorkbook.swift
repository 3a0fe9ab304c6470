import Foundation
import ZIPFoundation

/// An .xlsx workbook opened for reading: its sheets, in tab order, read one
/// row at a time.
///
/// ```swift
/// let book = try XLSXWorkbook(path: "Annex_A.xlsx")
/// for sheet in book.sheets {
///     try book.readRows(of: sheet) { row in print(row.number, row.cells.count); return true }
/// }
/// ```
///
/// Opening reads the workbook's small parts (sheet list, relationships,
/// styles) and its shared strings, which Excel keeps once per workbook; the
/// sheets themselves are streamed out of the zip, so memory stays flat on a
/// sheet of any length. Dates are told from numbers by the cell's style, as
/// Excel does; see `XLSXValue`.
public final class XLSXWorkbook {
    /// One sheet (tab) of the workbook.
    public struct Sheet: Sendable, Hashable {
        /// The name on the tab, exactly as written.
        public let name: String
        /// Its part inside the zip, e.g. `xl/worksheets/sheet3.xml`.
        public let part: String
        /// `visible`, `hidden` or `veryHidden`.
        public let state: String
    }

    public let path: String
    public let sheets: [Sheet]
    /// The workbook counts dates from 1904 (old Mac Excel) rather than 1900.
    public let uses1904: Bool
    private let archive: Archive
    private let sharedStrings: [String]
    private let dateStyles: [Bool]

    /// Opens `path`; throws `.cannotOpen`, `.notAWorkbook` (not a zip, or no
    /// `xl/workbook.xml`), or the first error in a part it reads on opening.
    public init(path: String) throws(XLSXError) {
        self.path = path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
            throw XLSXError(.cannotOpen, message: "no such file")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw XLSXError(.cannotOpen, message: "permission denied")
        }
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw XLSXError(.notAWorkbook, message: "not a zip archive, so not an .xlsx workbook")
        }
        self.archive = archive
        let workbookPath = Self.officeDocumentPath(in: archive) ?? "xl/workbook.xml"
        guard let workbookEntry = Self.entry(workbookPath, in: archive) else {
            throw XLSXError(.notAWorkbook, message: "a zip archive without xl/workbook.xml, so not an .xlsx workbook")
        }
        let folder = Self.folder(of: workbookPath)

        let workbookParser = try XLSXPartParser(part: workbookPath)
        var workbook = XLSXWorkbookPart(workbookParser)
        try workbookParser.parse(workbookEntry, of: archive, into: &workbook)
        uses1904 = workbook.uses1904

        let relsPath = folder + "_rels/" + (workbookPath.split(separator: "/").last.map(String.init) ?? "workbook.xml") + ".rels"
        var relationships: XLSXRelationshipsPart?
        if let relsEntry = Self.entry(relsPath, in: archive) {
            let parser = try XLSXPartParser(part: relsPath)
            var rels = XLSXRelationshipsPart(parser)
            try parser.parse(relsEntry, of: archive, into: &rels)
            relationships = rels
        }

        var sheets: [Sheet] = []
        for (i, s) in workbook.sheets.enumerated() {
            // Without relationships, Excel's own naming is the best guess.
            let target = relationships?.targets[s.relationshipID] ?? "worksheets/sheet\(i + 1).xml"
            sheets.append(Sheet(name: s.name, part: Self.resolve(target, from: folder), state: s.state))
        }
        self.sheets = sheets

        let stringsPath = Self.resolve(relationships?.byType["sharedStrings"] ?? "sharedStrings.xml", from: folder)
        if let entry = Self.entry(stringsPath, in: archive) {
            let parser = try XLSXPartParser(part: stringsPath)
            var strings = XLSXSharedStringsPart(parser)
            try parser.parse(entry, of: archive, into: &strings)
            sharedStrings = strings.strings
        } else {
            sharedStrings = []
        }

        let stylesPath = Self.resolve(relationships?.byType["styles"] ?? "styles.xml", from: folder)
        if let entry = Self.entry(stylesPath, in: archive) {
            let parser = try XLSXPartParser(part: stylesPath)
            var styles = XLSXStylesPart(parser)
            try parser.parse(entry, of: archive, into: &styles)
            dateStyles = styles.dateStyles
        } else {
            dateStyles = []
        }
    }

    /// The first sheet with this exact name.
    public func sheet(named name: String) -> Sheet? { sheets.first { $0.name == name } }

    /// Streams the sheet's rows that have at least one filled cell, in sheet
    /// order, to `body`; `body` returns false to stop early. Throws when the
    /// sheet's part is missing, damaged or not well-formed XML (after the rows
    /// before the fault have been delivered).
    public func readRows(of sheet: Sheet, _ body: (XLSXRow) -> Bool) throws(XLSXError) {
        guard let entry = Self.entry(sheet.part, in: archive) else {
            throw XLSXError(.notAWorkbook, part: sheet.part, message: "sheet \"\(sheet.name)\" has no part in the zip")
        }
        let parser = try XLSXPartParser(part: sheet.part)
        let result: Result<Void, XLSXError> = withoutActuallyEscaping(body) { deliver in
            var handler = XLSXSheetPart(parser, sharedStrings: sharedStrings, dateStyles: dateStyles,
                                        uses1904: uses1904, deliver: deliver)
            do throws(XLSXError) {
                try parser.parse(entry, of: archive, into: &handler)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    // MARK: Finding parts

    /// The main part named by the package's `_rels/.rels` (almost always `xl/workbook.xml`).
    private static func officeDocumentPath(in archive: Archive) -> String? {
        guard let entry = entry("_rels/.rels", in: archive),
              let parser = try? XLSXPartParser(part: "_rels/.rels") else { return nil }
        var rels = XLSXRelationshipsPart(parser)
        guard (try? parser.parse(entry, of: archive, into: &rels)) != nil,
              let target = rels.byType["officeDocument"] else { return nil }
        return resolve(target, from: "")
    }

    /// An entry by path; zips written by some tools differ in case or use backslashes.
    private static func entry(_ path: String, in archive: Archive) -> Entry? {
        if let e = archive[path] { return e }
        let wanted = path.lowercased()
        return archive.first { $0.path.replacingOccurrences(of: "\\", with: "/").lowercased() == wanted }
    }

    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// A relationship target made a zip path: absolute (`/xl/…`) or relative to the source part's folder, `..` resolved.
    static func resolve(_ target: String, from folder: String) -> String {
        let joined = target.hasPrefix("/") ? String(target.dropFirst()) : folder + target
        var parts: [Substring] = []
        for p in joined.split(separator: "/") {
            if p == ".." { if !parts.isEmpty { parts.removeLast() } } else if p != "." { parts.append(p) }
        }
        return parts.joined(separator: "/")
    }
}
