/// How a run ended, and the exit code cron and scripts see (DESIGN.md).
public enum RunOutcome: Sendable, Equatable {
    /// Complete, error-severity issues under the pipeline's threshold: exit 0.
    case complete
    /// Complete and published, but issues reached the threshold: exit 1.
    case overThreshold(String)
    /// A usage or configuration error; nothing ran: exit 2.
    case configurationError(String)
    /// An input could not be read at all; nothing published: exit 3.
    case unreadableInput(String)
    /// Another run holds the lock: exit 4.
    case locked(String)

    public var exitCode: Int32 {
        switch self {
        case .complete: 0
        case .overThreshold: 1
        case .configurationError: 2
        case .unreadableInput: 3
        case .locked: 4
        }
    }

    public var summary: String {
        switch self {
        case .complete: "complete"
        case let .overThreshold(why): "complete, over threshold: \(why)"
        case let .configurationError(why): "configuration error: \(why)"
        case let .unreadableInput(why): "not published: \(why)"
        case let .locked(why): "not run: \(why)"
        }
    }
}
