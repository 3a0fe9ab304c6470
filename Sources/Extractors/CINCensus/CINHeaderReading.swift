import CSCCore

/// The header of a census: its collection year and LA.
extension CINCensusParser {
    /// A value of `Header`: `Year`, `ReferenceDate` and the first `Source/LEA` are kept.
    mutating func readHeaderValue(_ element: CINElement, text: String, line: Int) {
        switch element {
        case .year:
            if yearText == nil {
                yearText = text
                yearLine = line
            }
        case .referenceDate:
            guard referenceDate == nil, !text.isEmpty else { return }
            if let d = Day(iso: text) {
                referenceDate = d
                referenceDateText = text
            } else {
                raise(Issue(.badDate, dataset: "file", file: file, line: line, column: element.rawValue, value: text))
            }
        case .lea:
            if laCode == nil { laCode = text }
        default:
            break
        }
    }

    /// Settles the collection year once the header has been read (at
    /// `</Header>`, or at `<Children>` when there is no header).
    mutating func resolveYear(line: Int) {
        guard !yearResolved else { return }
        yearResolved = true
        var headerYear: CollectionYear?
        if let t = yearText, !t.isEmpty {
            if t.utf8.count == 4, t.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let end = Int(t) {
                headerYear = CollectionYear(startYear: end - 1)
            } else {
                raise(Issue(.badValue, dataset: "file", file: file, line: yearLine, column: CINElement.year.rawValue,
                            value: t, message: "Year must be the four-digit year the collection ends, e.g. 2025"))
            }
        }
        let referenceYear = referenceDate.map { CollectionYear(referenceDate: $0) }
        if let h = headerYear, let r = referenceYear, h != r {
            var message = "Year \(yearText ?? "") means collection year \(h), but ReferenceDate \(referenceDateText)"
                + " is in \(r); the ReferenceDate decides"
            if let o = yearOverride { message += " (the pipeline's year, \(o), is used for this input)" }
            raise(Issue(.headerYearMismatch, dataset: "file", file: file, line: yearLine,
                        column: CINElement.year.rawValue, value: yearText ?? "", message: message))
        }
        year = yearOverride ?? referenceYear ?? headerYear
        if let year {
            if year != codeYear {
                codeYear = year
                codeTables = lists.tables(for: year)
                cache = CINValueCache()
            }
        } else {
            raise(Issue(.collectionYearUnknown, dataset: "file", file: file, line: headerLine ?? line,
                        message: "\(Rule.collectionYearUnknown.message); codes were checked against the latest code lists"))
        }
    }
}
