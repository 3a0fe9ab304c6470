import CSCCore
import Extractors
import Foundation
import Loaders

/// The data that changes without a release: DfE code lists per collection
/// year and the England & Wales bank holidays, read from the pipeline's
/// `reference` folder at the start of every run.
public struct ReferenceData: Sendable {
    public let codes: CodeBook
    public let calendar: WorkingDayCalendar
    /// The Ofsted Annex A template's codes, for `returns/annex-a.xlsx`.
    public let annexACodes: AnnexATemplateCodes

    /// Code lists every reader of this release relies on; a missing one is a
    /// broken installation, reported before any input is read.
    public static let requiredLists = CINCensusReader.requiredCodeLists + SSDA903Reader.requiredCodeLists

    public static let bankHolidaysFile = "bank-holidays-england-and-wales.csv"
    public static let annexACodesFile = "annex-a-codes.csv"

    public init(codes: CodeBook, calendar: WorkingDayCalendar, annexACodes: AnnexATemplateCodes) {
        self.codes = codes
        self.calendar = calendar
        self.annexACodes = annexACodes
    }

    public static func load(folder: String) throws(ReferenceDataError) -> ReferenceData {
        let codesFolder = folder + "/codes"
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: codesFolder).filter { $0.hasSuffix(".csv") }.sorted()
        } catch {
            throw ReferenceDataError(file: codesFolder, line: 0, message: "cannot read the code lists folder (set `reference:` in the pipeline)")
        }
        var lists: [CodeList] = []
        for name in names {
            let rows = try table(codesFolder + "/" + name)
            lists.append(try CodeList(name: String(name.dropLast(4)), rows: rows))
        }
        let book = CodeBook(lists: lists)
        for required in requiredLists where book.lists[required] == nil {
            throw ReferenceDataError(file: codesFolder + "/" + required + ".csv", line: 0, message: "code list missing")
        }

        let holidaysPath = folder + "/" + bankHolidaysFile
        let rows = try table(holidaysPath)
        guard let dateColumn = rows.first?.firstIndex(of: "date") else {
            throw ReferenceDataError(file: holidaysPath, line: 1, message: "no `date` column")
        }
        var days: [Day] = []
        for (i, row) in rows.enumerated().dropFirst() where dateColumn < row.count && !row[dateColumn].isEmpty {
            guard let d = Day(iso: row[dateColumn]) else {
                throw ReferenceDataError(file: holidaysPath, line: i + 1, message: "`\(row[dateColumn])` is not a date YYYY-MM-DD")
            }
            days.append(d)
        }
        return ReferenceData(codes: book, calendar: WorkingDayCalendar(holidays: days),
                             annexACodes: try annexACodes(folder + "/" + annexACodesFile, codes: book))
    }

    /// `field,canonical,code`: the template's code for each canonical value.
    private static func annexACodes(_ path: String, codes: CodeBook) throws(ReferenceDataError) -> AnnexATemplateCodes {
        let rows = try table(path)
        guard let header = rows.first, let f = header.firstIndex(of: "field"), let c = header.firstIndex(of: "canonical"),
              let k = header.firstIndex(of: "code") else {
            throw ReferenceDataError(file: path, line: 1, message: "the header must name `field`, `canonical` and `code`")
        }
        var entries: [(field: AnnexATemplateCodes.Field, canonical: String, code: String)] = []
        for (i, row) in rows.enumerated().dropFirst() where row.count > max(f, c, k) && !row[f].isEmpty {
            guard let field = AnnexATemplateCodes.Field(rawValue: row[f]) else {
                let known = AnnexATemplateCodes.Field.allCases.map(\.rawValue).joined(separator: ", ")
                throw ReferenceDataError(file: path, line: i + 1, message: "unknown field `\(row[f])` (known: \(known))")
            }
            entries.append((field, row[c], row[k]))
        }
        return AnnexATemplateCodes(rows: entries, codeBook: codes)
    }

    /// All rows of a small reference CSV, header first.
    private static func table(_ path: String) throws(ReferenceDataError) -> [[String]] {
        do {
            let t = try CSVReader.readAll(path: path)
            return [t.header] + t.rows
        } catch {
            throw ReferenceDataError(file: path, line: 0, message: "\(error)")
        }
    }
}
