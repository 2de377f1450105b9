import DuxueDomain
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// `duxue serve`: the browser workbench over the workflow layer. Requests are parsed here and answered
/// with the workflows' data; solves run on a bounded pool of solver threads.
public enum WorkbenchServer {
    /// The router with every route and the guards (errors as JSON, access token, CSRF and host checks).
    static func router(_ configuration: ServeConfiguration, workbench: Workbench) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: AnswerMiddleware())
        if let token = configuration.accessToken, !token.isEmpty { router.add(middleware: AccessMiddleware(token: token)) }
        let hosts: Set<String> = configuration.accessToken == nil
            ? ["localhost", "127.0.0.1", "::1", CSRFMiddleware<BasicRequestContext>.hostName(configuration.host)] : []
        router.add(middleware: CSRFMiddleware(csrfToken: workbench.csrfToken, hosts: hosts))
        Page.add(to: router, workbench: workbench)
        APIRoutes.add(to: router, workbench: workbench)
        return router
    }

    /// The application (tests drive it with HummingbirdTesting; ``run(_:announce:)`` serves it).
    public static func application(_ configuration: ServeConfiguration,
                                   solveLimit: Int = ProcessInfo.processInfo.activeProcessorCount,
                                   announce: @escaping @Sendable (String) -> Void = { _ in })
        throws(ServeRefusal) -> some ApplicationProtocol
    {
        if let refusal = configuration.refusal() { throw refusal }
        return application(configuration, workbench: Workbench(paths: configuration.districts, solveLimit: solveLimit),
                           announce: announce)
    }

    /// The application over a given workbench (tests hold on to it).
    static func application(_ configuration: ServeConfiguration, workbench: Workbench,
                            announce: @escaping @Sendable (String) -> Void = { _ in }) -> some ApplicationProtocol {
        var logger = Logger(label: "duxue-serve")
        logger.logLevel = .warning
        let token = configuration.accessToken
        let shown = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        return Application(
            router: router(configuration, workbench: workbench),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "duxue"),
            services: [Shutdown(workbench: workbench)],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                announce("http://\(shown):\(port)/" + (token.map { "?access=\($0)" } ?? ""))
            },
            logger: logger)
    }

    /// Serves until SIGINT or SIGTERM, then cancels the solves still running and returns.
    public static func run(_ configuration: ServeConfiguration, announce: @escaping @Sendable (String) -> Void) async throws {
        try await application(configuration, announce: announce).runService()
    }
}

/// Cancels every plan job and removes the uploaded districts when the server shuts down (Ctrl-C, SIGTERM).
struct Shutdown: Service {
    let workbench: Workbench

    func run() async throws {
        try? await gracefulShutdown()
        workbench.shutdown()
    }
}
