#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CSCCore
import Foundation
import ZIPFoundation

/// Writes an .xlsx workbook (Office Open XML SpreadsheetML) one sheet at a
/// time, for returns such as Ofsted's Annex A.
///
/// ```swift
/// let book = try XLSXWorkbookWriter(path: "annex-a.xlsx", date: asOf)
/// try book.addSheet(XLSXSheet(name: "List 1", title: "List 1: Contacts", headings: ["Child ID", "Date"]),
///                   rows: [[.text("C1"), .date(day)]])
/// try book.addSheet(XLSXSheet(name: "List 2", headings: ["Child ID"])) { rows in
///     for id in ids { try rows.append([.text(id)]) }
/// }
/// try book.close()
/// ```
///
/// Each sheet is streamed to a temporary file beside the output and deflated
/// into the zip when its rows end, so memory stays flat however many rows a
/// sheet has. The zip itself is built under a temporary name and renamed over
/// `path` only by `close()`: a failed or abandoned run never leaves a
/// half-written workbook, and its temporary files are removed.
///
/// The same sheets and rows always give byte-identical files: zip entries
/// and document properties carry `date` (or 1980-01-01), never the clock.
///
/// The zip's entries are in the order they are finished (sheets first, then
/// the workbook, styles and `[Content_Types].xml`): the package format gives
/// entry order no meaning, and Excel and LibreOffice read it from the zip's
/// central directory.
public final class XLSXWorkbookWriter {
    /// The workbook's final path.
    public let path: String
    private let temporaryPath: String
    private let day: Day
    private var archive: Archive?
    private var sheets: [XLSXPackageParts.SheetEntry] = []
    private var usedNames: Set<String> = []
    /// Why the writer can take nothing more: closed, or an earlier failure.
    private var unusableReason: String?

    /// The earliest date a zip entry can carry (MS-DOS time).
    private static let zipEpoch = Day(year: 1980, month: 1, day: 1)!
    private static let zipLast = Day(year: 2099, month: 12, day: 31)!

    /// Starts a workbook that `close()` will put at `path` (replacing any file
    /// there); its folder must exist. `date` stamps the document properties
    /// and zip entries, e.g. the return's as-of day.
    public init(path: String, date: Day? = nil) throws {
        self.path = path
        self.day = date ?? Self.zipEpoch
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        temporaryPath = "\(folder).\(name).\(getpid())-\(UInt32.random(in: 0...UInt32.max)).partial"
        do {
            archive = try Archive(url: URL(fileURLWithPath: temporaryPath), accessMode: .create, pathEncoding: nil)
        } catch {
            throw LoaderError.cannotWrite(path: path, reason: "cannot create \(temporaryPath): \(error)")
        }
    }

    deinit {
        // Still open: abandoned without close(), so nothing must be left behind.
        if archive != nil { discardTemporaryFiles() }
    }

    /// Writes one sheet, after those already added, with every row of `rows`.
    public func addSheet(_ sheet: XLSXSheet, rows: some Sequence<[XLSXOutputCell]>) throws {
        try addSheet(sheet) { writer in
            for row in rows { try writer.append(row) }
        }
    }

    /// Writes one sheet, after those already added, with the rows `body`
    /// appends; rows go to disk as they come. Throws `XLSXWriterError` for a
    /// name Excel would refuse (nothing is written then, and the writer can
    /// still be used); any other failure, including one thrown by `body`,
    /// leaves the writer unusable and removes its temporary files.
    public func addSheet(_ sheet: XLSXSheet, writingRows body: (XLSXRowWriter) throws -> Void) throws {
        try checkUsable()
        try XLSXSheetName.validate(sheet.name)
        guard usedNames.insert(sheet.name.lowercased()).inserted else {
            throw XLSXWriterError.invalidSheetName(sheet.name, reason: "the workbook already has a sheet of that name (Excel ignores case)")
        }
        guard sheet.headings.count <= XLSXWorksheetPart.maximumColumns else {
            usedNames.remove(sheet.name.lowercased())
            throw XLSXWriterError.sheetTooLarge(sheet: sheet.name, reason: "\(sheet.headings.count) headings; at most \(XLSXWorksheetPart.maximumColumns) columns")
        }
        let number = sheets.count + 1
        let partPath = "\(temporaryPath).sheet\(number).xml"
        do {
            defer { unlink(partPath) }
            let file = try XLSXPartFile(path: partPath)
            let part = XLSXWorksheetPart(sheet: sheet, file: file)
            let rows = XLSXRowWriter(part: part, workbook: path, selected: number == 1)
            try body(rows)
            try rows.finish()
            part.writeEnd()
            let size = try file.finish()
            try addEntry(XLSXPackageParts.worksheetPath(number), size: size, provider: try fileProvider(partPath))
            sheets.append(.init(name: sheet.name, autoFilterRange: part.autoFilterRange))
        } catch {
            fail("sheet \"\(sheet.name)\" could not be written: \(error)")
            throw error
        }
    }

    /// Adds the workbook's remaining parts, finishes the zip and moves it to
    /// `path`. Throws `XLSXWriterError.noSheets` without a sheet.
    public func close() throws {
        try checkUsable()
        guard !sheets.isEmpty else {
            fail("closed without a sheet")
            throw XLSXWriterError.noSheets(path: path)
        }
        do {
            try addPart("[Content_Types].xml", XLSXPackageParts.contentTypes(sheetCount: sheets.count))
            try addPart("_rels/.rels", XLSXPackageParts.packageRelationships())
            try addPart("docProps/app.xml", XLSXPackageParts.extendedProperties(application: "cscpipe"))
            try addPart("docProps/core.xml", XLSXPackageParts.coreProperties(creator: "cscpipe", day: day))
            try addPart("xl/workbook.xml", XLSXPackageParts.workbook(sheets: sheets))
            try addPart("xl/_rels/workbook.xml.rels", XLSXPackageParts.workbookRelationships(sheetCount: sheets.count))
            try addPart("xl/styles.xml", XLSXPackageParts.styles())
            // Dropping the archive closes its file; ZIPFoundation has no other close.
            archive = nil
            guard rename(temporaryPath, path) == 0 else {
                throw LoaderError.cannotWrite(path: path, reason: LoaderError.systemReason(errno))
            }
            unusableReason = "the workbook is already closed"
        } catch {
            fail("the workbook could not be finished: \(error)")
            throw error
        }
    }

    // MARK: Zip

    private var entryDate: Date {
        let clamped = min(max(day, Self.zipEpoch), Self.zipLast)
        return Date(timeIntervalSince1970: Double(clamped.daysSinceEpoch) * 86_400)
    }

    private func addPart(_ name: String, _ bytes: [UInt8]) throws {
        let data = Data(bytes)
        try addEntry(name, size: Int64(data.count)) { position, size in
            let start = Int(position)
            return data.subdata(in: start..<min(start + size, data.count))
        }
    }

    private func addEntry(_ name: String, size: Int64, provider: @escaping Provider) throws {
        guard let archive else { throw XLSXWriterError.unusable(path: path, reason: "the zip is closed") }
        do {
            try archive.addEntry(with: name, type: .file, uncompressedSize: size, modificationDate: entryDate,
                                 permissions: 0o644, compressionMethod: .deflate, bufferSize: 256 << 10,
                                 provider: provider)
        } catch {
            throw LoaderError.cannotWrite(path: path, reason: "cannot add \(name) to the zip: \(error)")
        }
    }

    /// Reads a finished part file back in the chunks ZIPFoundation asks for.
    private func fileProvider(_ partPath: String) throws -> Provider {
        let fd = open(partPath, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw LoaderError.cannotWrite(path: partPath, reason: LoaderError.systemReason(errno)) }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        return { position, size in
            try handle.seek(toOffset: UInt64(position))
            return try handle.read(upToCount: size) ?? Data()
        }
    }

    // MARK: State

    private func checkUsable() throws(XLSXWriterError) {
        if let unusableReason { throw XLSXWriterError.unusable(path: path, reason: unusableReason) }
    }

    private func fail(_ reason: String) {
        unusableReason = reason
        discardTemporaryFiles()
    }

    private func discardTemporaryFiles() {
        archive = nil
        unlink(temporaryPath)
    }
}
