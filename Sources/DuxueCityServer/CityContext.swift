import DuxueCity
import Hummingbird
import Logging
import NIOCore

/// A request's context in the city server: the connection it came on (for the client's address) and
/// the session its cookie names, once resolved.
public struct CityContext: RequestContext {
    /// Hummingbird's part.
    public var coreContext: CoreRequestContextStorage
    /// The connection's source (a channel and a logger), kept to answer in the embedded workbenches' context.
    struct Connection: @unchecked Sendable {
        let value: ApplicationRequestContextSource
    }
    let connection: Connection
    /// The live session of the request's cookie, if any.
    var session: Session?

    /// A context for a request on `source`'s connection.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        self.connection = Connection(value: source)
    }

    /// The client's address ("local" when there is no socket, as in tests).
    var address: String { connection.value.channel.remoteAddress?.ipAddress ?? "local" }

    /// The context an embedded district workbench answers in.
    var basic: BasicRequestContext { BasicRequestContext(source: connection.value) }

    /// Who makes the request, for the audit log.
    var actor: Actor { Actor(account: session?.account, address: address) }
}
