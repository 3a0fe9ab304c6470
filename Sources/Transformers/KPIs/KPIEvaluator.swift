import CSCCore
import GRDB

/// Runs a KPI pack's SQL on a warehouse for each reporting period and turns
/// the population rows into figures and cohorts.
///
/// The database must have the helpers of `KPIFunctions` registered.
public struct KPIEvaluator: Sendable {
    public let periods: [ReportingPeriod]
    public let asOf: Day

    public init(periods: [ReportingPeriod], asOf: Day) {
        self.periods = periods
        self.asOf = asOf
    }

    /// Evaluates every KPI for every period, in the order given.
    public func evaluate(_ definitions: [KPIDefinition], in db: Database) throws(KPIQueryError) -> KPIResults {
        var results = KPIResults()
        for definition in definitions {
            let query = try prepare(definition, in: db)
            for period in periods {
                let population = try query.population(in: period, asOf: asOf)
                results.figures.append(Self.figure(of: definition, for: period, population: population))
                results.cohorts += population
                    .sorted { ($0.childID, $0.itemID) < ($1.childID, $1.itemID) }
                    .map { CohortMember(kpi: definition.id, period: period, childID: $0.childID,
                                        itemID: $0.itemID, inNumerator: $0.inNumerator) }
            }
        }
        return results
    }

    /// Prepares and runs a KPI's SQL once for the first period, so a broken
    /// query is found before a run (`cscpipe validate` uses an empty warehouse).
    public func check(_ definition: KPIDefinition, in db: Database) throws(KPIQueryError) {
        let query = try prepare(definition, in: db)
        if let first = periods.first { _ = try query.population(in: first, asOf: asOf) }
    }

    /// A member of a KPI's population.
    struct Member {
        var childID: String
        var itemID: String
        var inNumerator: Bool
        var value: Double
    }

    static func figure(of definition: KPIDefinition, for period: ReportingPeriod, population: [Member]) -> KPIFigure {
        var figure = KPIFigure(kpi: definition.id, title: definition.title, period: period, numerator: "",
                               denominator: "", value: "", target: definition.rating?.green.text ?? "", rag: nil)
        switch definition.kind {
        case .count:
            figure.numerator = String(population.count)
            figure.value = figure.numerator
            figure.target = ""
        case .rate:
            let numerator = population.lazy.filter(\.inNumerator).count
            figure.numerator = String(numerator)
            figure.denominator = String(population.count)
            if !population.isEmpty {
                figure.value = fourDecimalPlaces(numerator: numerator, denominator: population.count)
                figure.rag = definition.rating.flatMap {
                    RAGRating.rate(numerator: numerator, denominator: population.count, by: $0)
                }
            }
        case .mean:
            let sum = population.reduce(0) { $0 + $1.value }
            figure.numerator = population.isEmpty ? "0" : fourDecimalPlaces(sum)
            figure.denominator = String(population.count)
            if !population.isEmpty {
                let mean = sum / Double(population.count)
                figure.value = fourDecimalPlaces(mean)
                figure.rag = definition.rating.map { RAGRating.rate(mean: mean, by: $0) }
            }
        }
        return figure
    }

    private func prepare(_ definition: KPIDefinition, in db: Database) throws(KPIQueryError) -> PreparedKPI {
        func failure(_ message: String) -> KPIQueryError {
            KPIQueryError(kpi: definition.id, file: definition.file, line: definition.sqlLine ?? definition.line, message: message)
        }
        let statement: Statement
        do {
            statement = try db.makeStatement(sql: definition.sql)
        } catch {
            throw failure("the SQL does not run: \(Self.reason(error))")
        }
        let names = statement.columnNames.map { $0.lowercased() }
        var indices: [String: Int] = [:]
        for column in definition.requiredColumns {
            guard let i = names.firstIndex(of: column) else {
                throw failure("the SQL must return the column `\(column)` (a \(definition.kind.rawValue) needs \(definition.requiredColumns.joined(separator: ", ")); it returns \(names.joined(separator: ", ")))")
            }
            indices[column] = i
        }
        return PreparedKPI(statement: statement,
                           child: indices["child_id"]!, item: indices["item_id"]!,
                           numerator: indices["in_numerator"], value: indices["value"], failure: failure)
    }

    static func reason(_ error: Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? error.description }
        return String(describing: error)
    }
}

/// A KPI's statement, ready to run for any period.
private struct PreparedKPI {
    let statement: Statement
    let child: Int
    let item: Int
    let numerator: Int?
    let value: Int?
    let failure: (String) -> KPIQueryError

    func population(in period: ReportingPeriod, asOf: Day) throws(KPIQueryError) -> [KPIEvaluator.Member] {
        let arguments: StatementArguments = [
            "period_start": period.start.iso, "period_end": period.end.iso, "as_of": asOf.iso,
        ]
        var members: [KPIEvaluator.Member] = []
        do {
            try statement.setArguments(arguments)
            let rows = try Row.fetchCursor(statement)
            while let row = try rows.next() {
                let inNumerator = numerator.map { Self.isTrue(row[$0] as DatabaseValue) } ?? true
                var value = 0.0
                if let v = self.value {
                    let dbValue: DatabaseValue = row[v]
                    if dbValue.isNull { continue }  // no value, not in the mean's population
                    guard let number = Double.fromDatabaseValue(dbValue) else {
                        throw failure("`value` must be a number, not `\(Self.text(dbValue))`")
                    }
                    value = number
                }
                members.append(.init(childID: Self.text(row[child]), itemID: Self.text(row[item]),
                                     inNumerator: inNumerator, value: value))
            }
        } catch let error as KPIQueryError {
            throw error
        } catch {
            let reason = KPIEvaluator.reason(error)
            if reason.hasPrefix("missing statement argument") || reason.hasPrefix("wrong number of statement arguments") {
                throw failure("\(reason): the SQL may use only :period_start, :period_end and :as_of")
            }
            throw failure("the SQL failed for \(period): \(reason)")
        }
        return members
    }

    static func isTrue(_ value: DatabaseValue) -> Bool {
        switch value.storage {
        case .null: false
        case let .int64(n): n != 0
        case let .double(d): d != 0
        case let .string(s): s == "1" || s.lowercased() == "true"
        case .blob: false
        }
    }

    static func text(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: ""
        case let .int64(n): String(n)
        case let .double(d): String(d)
        case let .string(s): s
        case .blob: ""
        }
    }
}
