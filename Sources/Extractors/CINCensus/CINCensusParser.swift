import CSCCore

/// The state of one CIN census file being read: which element we are in,
/// the header facts, and the child being built. libxml2 hands it each node
/// as an `XMLContentHandler`.
///
/// A struct with mutating methods rather than a class, so that the millions of
/// state updates of a large file need no runtime exclusivity checks.
struct CINCensusParser: XMLContentHandler {
    let file: String
    let sink: RecordSink
    let lists: CINCodeLists
    let yearOverride: CollectionYear?

    /// Every schema element, by the parser's interned name.
    private let elements: XMLNameTable<CINElementInfo>
    /// The elements open above the current node (not counting skipped ones).
    private var stack: [CINElementInfo] = []
    /// Depth of the unknown element whose subtree is being skipped, or -1.
    private var skipDepth = -1
    private var warnedElements: Set<XMLName> = []
    private var notCINReason: String?
    private var notCINLine = 0
    private var sawChildren = false

    // Header
    var headerLine: Int?
    var yearText: String?
    var yearLine = 0
    var referenceDate: Day?
    var referenceDateText = ""
    var laCode: String?
    var yearResolved = false
    /// The year the file is read as: the pipeline's, else the header's.
    var year: CollectionYear?
    /// The year whose code lists apply (the latest when `year` is unknown).
    var codeYear: CollectionYear
    /// The code lists narrowed to `codeYear`, by `CINCodeListName`.
    var codeTables: [YearCodeTable]
    var warnedSexElement = false
    var warnedGenderCurrentElement = false

    // Children
    /// The child being read, when `inChild`. Not an optional: mutating through
    /// `child!` made Swift copy the whole builder on some paths.
    var child = CINChildBuilder(line: 0, laCode: "")
    var inChild = false
    private var seenChildIDs: Set<String> = []
    private var childCount = 0
    private var recordCount = 0
    private var issueCount = 0

    /// Bytes of the value element being read (left-trimmed), and the line of its start tag.
    /// A buffer of our own, freed by `deallocate()`: values are copied here
    /// hundreds of thousands of times per file.
    private var value: UnsafeMutablePointer<UInt8>
    private var valueCount = 0
    private var valueCapacity = 256
    private var valueLine = 0
    var cache = CINValueCache()
    /// Non-blank text met directly inside a container, reported at the next tag.
    private var strayText = ""
    private var strayLine = 0

    init(interning name: (String) -> XMLName, file: String, sink: RecordSink, lists: CINCodeLists,
         latestYear: CollectionYear?, yearOverride: CollectionYear?) {
        self.file = file
        self.sink = sink
        self.lists = lists
        self.yearOverride = yearOverride
        // With no year limits in any list, every year reads the same; 1970 is arbitrary.
        codeYear = yearOverride ?? latestYear ?? CollectionYear(startYear: 1970)
        codeTables = lists.tables(for: codeYear)
        var elements = XMLNameTable<CINElementInfo>(capacity: CINElementInfo.all.count)
        for (element, info) in CINElementInfo.all { elements[name(element.rawValue)] = info }
        self.elements = elements
        stack.reserveCapacity(16)
        value = .allocate(capacity: valueCapacity)
    }

    /// Frees the value buffer; the parser is not used after.
    func deallocate() { value.deallocate() }

    var wantsMore: Bool { notCINReason == nil }

    /// The file's summary once libxml2 has read it all; throws when it turned
    /// out not to be a CIN census. `endLine` is the last line read.
    mutating func finish(endLine: Int) throws(UnreadableInput) -> CINFileSummary {
        if notCINReason == nil && !sawChildren {
            notCINReason = "there is no <Children> element"
            notCINLine = endLine
        }
        if let reason = notCINReason {
            throw UnreadableInput(issue: Issue(.notCINCensus, dataset: "file", file: file, line: notCINLine,
                                               message: "\(Rule.notCINCensus.message): \(reason)"))
        }
        resolveYear(line: endLine)
        return CINFileSummary(collectionYear: year, laCode: laCode ?? "", children: childCount,
                              records: recordCount, issues: issueCount)
    }

    /// Sends an issue now, or with the child's records when inside a child.
    mutating func raise(_ issue: Issue) {
        if inChild {
            child.issues.append(issue)
        } else {
            sink.report(issue)
            issueCount += 1
        }
    }

    // MARK: Elements

    mutating func startElement(_ name: XMLName, line: Int, depth: Int) {
        if skipDepth >= 0 || notCINReason != nil { return }
        if !strayText.isEmpty { reportStrayText() }
        guard let parent = stack.last else {
            // The root.
            if let info = elements[name], info.element == .message {
                stack.append(info)
            } else {
                notCINReason = "the root element is <\(name.string)>, not <Message>"
                notCINLine = line
            }
            return
        }
        guard let info = elements[name], parent.allows(info) else {
            skipUnexpectedElement(name, in: parent.element, line: line, depth: depth)
            return
        }
        stack.append(info)
        if info.isValue {
            valueCount = 0
            valueLine = line
            return
        }
        switch info.element {
        case .header:
            if headerLine == nil { headerLine = line }
        case .children:
            resolveYear(line: line)
            sawChildren = true
        case .child:
            childCount += 1
            child.reset(line: line, laCode: laCode ?? "")
            inChild = true
        case .childIdentifiers:
            if child.identifiersLine == nil { child.identifiersLine = line }
        case .cinDetails:
            child.startReferral(line: line)
        case .assessments:
            child.openRecord = child.open(.assessments, line: line)
            child.factors.removeAll(keepingCapacity: true)
        case .cinPlanDates:
            child.openRecord = child.open(.cin_plans, line: line)
        case .section47:
            child.openRecord = child.open(.section47, line: line)
        case .childProtectionPlans:
            child.openRecord = child.open(.cp_plans, line: line)
            child.planReviews.removeAll(keepingCapacity: true)
        default:
            break
        }
    }

    mutating func endElement(_ name: XMLName, line: Int, depth: Int) {
        if notCINReason != nil { return }
        if skipDepth >= 0 {
            if depth == skipDepth { skipDepth = -1 }
            return
        }
        if !strayText.isEmpty { reportStrayText() }
        let info = stack.removeLast()
        if info.isValue {
            var n = valueCount
            while n > 0 && XMLText.isBlank(value[n - 1]) { n -= 1 }
            readValue(of: info.element, in: stack[stack.count - 1].element,
                      bytes: UnsafeBufferPointer(start: value, count: n), line: valueLine)
            return
        }
        switch info.element {
        case .header:
            resolveYear(line: line)
        case .assessments:
            let i = child.openRecord!
            child.records[i].values[CanonicalColumns.Assessments.factors] = child.factors.joined(separator: ";")
            child.openRecord = nil
        case .cinPlanDates, .section47:
            child.openRecord = nil
        case .childProtectionPlans:
            let start = child.records[child.openRecord!].values[CanonicalColumns.CPPlans.startDate]
            for r in child.planReviews { child.records[r].values[CanonicalColumns.CPReviews.planStartDate] = start }
            child.openRecord = nil
        case .cinDetails:
            child.openReferral = nil
        case .child:
            let counts = child.finish(file: file, seenChildIDs: &seenChildIDs, into: sink)
            recordCount += counts.records
            issueCount += counts.issues
            inChild = false
        default:
            break
        }
    }

    mutating func characters(_ text: UnsafeBufferPointer<UInt8>, line: Int) {
        if skipDepth >= 0 || notCINReason != nil { return }
        guard let top = stack.last else { return }
        if top.isValue {
            // Values come trimmed: leading whitespace is dropped here, trailing at the end tag.
            var piece = text
            if valueCount == 0 {
                let (first, _) = XMLText.firstNonBlank(piece)
                if first < 0 { return }
                piece = UnsafeBufferPointer(rebasing: piece[first...])
            }
            if valueCount + piece.count > valueCapacity {
                while valueCount + piece.count > valueCapacity { valueCapacity *= 2 }
                let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: valueCapacity)
                bigger.update(from: value, count: valueCount)
                value.deallocate()
                value = bigger
            }
            for i in 0..<piece.count { value[valueCount + i] = piece[i] }
            valueCount += piece.count
            return
        }
        // Inside a container only whitespace belongs; anything else is stray text.
        if strayText.isEmpty {
            let (first, newlines) = XMLText.firstNonBlank(text)
            if first < 0 { return }
            strayLine = line + newlines
            strayText = String(decoding: UnsafeBufferPointer(rebasing: text[first...]), as: UTF8.self)
        } else {
            strayText += String(decoding: text, as: UTF8.self)
        }
    }

    private mutating func reportStrayText() {
        let container = stack[stack.count - 1].element
        raise(Issue(.unexpectedText, dataset: container.dataset, file: file, line: strayLine,
                    column: container.rawValue, childID: inChild ? child.issueChildID : "",
                    value: Self.rightTrimmed(strayText),
                    message: "stray text inside <\(container.rawValue)>, outside any element; ignored"))
        strayText = ""
    }

    /// Skips an element the schema does not have here, with everything inside
    /// it, warning once per element name per file.
    private mutating func skipUnexpectedElement(_ name: XMLName, in parent: CINElement, line: Int, depth: Int) {
        skipDepth = depth
        guard warnedElements.insert(name).inserted else { return }
        let text = name.string
        let known = CINElement(rawValue: text) != nil
        let message = known
            ? "<\(text)> is not expected inside <\(parent.rawValue)>; it was skipped with everything inside it"
            : "<\(text)> is not in the CIN census schema; it was skipped with everything inside it"
        raise(Issue(.unexpectedElement, dataset: parent.dataset, file: file, line: line, column: text,
                    childID: inChild ? child.issueChildID : "", value: "", message: message))
    }

    /// `s` without trailing XML whitespace.
    static func rightTrimmed(_ s: String) -> String {
        var s = s
        while let last = s.utf8.last, XMLText.isBlank(last) { s.removeLast() }
        return s
    }
}
