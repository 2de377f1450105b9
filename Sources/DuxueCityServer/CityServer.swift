import DuxueCity
import DuxueConcurrency
import DuxueDomain
import DuxueInput
import DuxueServer
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// What `duxue serve --city` was asked for.
public struct CityConfiguration: Sendable {
    /// The city folder: one folder per district, the city's own files, and `duxue-city.sqlite`.
    public var folder: String
    /// The address to bind (loopback by default).
    public var host: String
    /// The port (0: any free port).
    public var port: Int
    /// Session lifetimes, login throttling, bcrypt cost.
    public var settings: CitySettings

    /// A configuration.
    public init(folder: String, host: String = "127.0.0.1", port: Int = 8080, settings: CitySettings = CitySettings()) {
        self.folder = folder
        self.host = host
        self.port = port
        self.settings = settings
    }

    /// Whether `host` names the loopback interface only.
    public static func isLoopback(_ host: String) -> Bool {
        let name = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return name == "localhost" || name == "::1" || name.hasPrefix("127.")
    }

    /// The district folders of the city folder: every folder in it not starting with a dot, by name. A
    /// symbolic link is followed only when it resolves inside the city folder (a link to /etc or another
    /// city's folder is not a district).
    public func districtFolders() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let root = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        return names.filter { !$0.hasPrefix(".") }.sorted().compactMap { name in
            var isFolder: ObjCBool = false
            let path = folder + "/" + name
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return nil }
            let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            return resolved.hasPrefix(root + "/") ? path : nil
        }
    }

    /// District folders that are one district twice: names canonically equal (the same text in two
    /// Unicode forms, which Swift and the URLs treat as one), or a link to another district's folder.
    /// Each group of two or more, by name.
    public func sameDistricts() -> [[String]] {
        let folders = districtFolders()
        let byName = Dictionary(grouping: folders, by: { ($0 as NSString).lastPathComponent.precomposedStringWithCanonicalMapping })
        let byTarget = Dictionary(grouping: folders, by: { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path })
        let groups = Set((Array(byName.values) + Array(byTarget.values)).filter { $0.count > 1 }.map { $0.map { ($0 as NSString).lastPathComponent }.sorted() })
        return groups.sorted { $0[0] < $1[0] }
    }

    /// Districts shown under the same name (canonically equal): the name a policy gives its district
    /// (`district_name`), else the folder's name. Each group of two or more folders, by name.
    public func sharedNames() -> [SharedDistrictName] {
        var byName: [String: (name: String, folders: [String])] = [:]
        for path in districtFolders() {
            let folder = (path as NSString).lastPathComponent
            let name = PolicyReader.districtName(of: path) ?? folder
            byName[name.precomposedStringWithCanonicalMapping, default: (name, [])].folders.append(folder)
        }
        return byName.values.filter { $0.folders.count > 1 }
            .map { SharedDistrictName(name: $0.name, districts: $0.folders.sorted()) }
            .sorted { $0.districts[0] < $1.districts[0] }
    }

    /// The city's own list of schools by district (`city-schools.csv` or `.xlsx` in the folder), if any.
    public var schoolList: String? {
        ["city-schools.xlsx", "city-schools.csv"].map { folder + "/" + $0 }.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// The city database.
    public var databasePath: String { folder + "/" + CityStore.fileName }
}

/// Two or more districts shown under one name: a warning at start. The server still runs; each district
/// stays apart by its folder's name (shown beside the name, and the key of its URLs, accounts and filings).
public struct SharedDistrictName: Equatable, Sendable {
    /// The name, as the first policy writes it.
    public let name: String
    /// The district folders, by name.
    public let districts: [String]

    /// The warning, with the fix.
    public func message(zh: Bool) -> String {
        zh ? "警告：区县 \(districts.joined(separator: "、")) 都名为“\(name)”（policy.toml 的 district_name，或文件夹名）：页面和备案材料上只能靠文件夹名区分；请在各自的 policy.toml 中改用不同的 district_name"
            : "warning: the districts \(districts.joined(separator: ", ")) are all named “\(name)” (their policy.toml's district_name, or their folder's name): pages and filings tell them apart only by folder name; give each its own district_name in its policy.toml"
    }
}

/// Why `duxue serve --city` does not start.
public enum CityRefusal: Error, Equatable, Sendable {
    /// The folder does not exist or holds no district folder.
    case noDistricts(String)
    /// The database cannot be opened.
    case store(CityError)
    /// No administrator account yet.
    case noAdministrator
    /// Two district folders whose names are the same text (canonically equal).
    case sameDistrict([String])

    /// The reason in a language (Chinese first).
    public func message(zh: Bool) -> String {
        switch self {
        case .noDistricts(let folder):
            zh ? "\(folder) 中没有区县文件夹（每个区县一个文件夹）" : "\(folder) holds no district folder (one folder per district)"
        case .store(let error): error.message(in: zh ? .zh : .en)
        case .sameDistrict(let names):
            zh ? "区县文件夹 \(names.joined(separator: "、")) 名字相同（仅 Unicode 写法不同）：请只保留一个"
                : "the district folders \(names.joined(separator: ", ")) have the same name (written in two Unicode forms): keep one"
        case .noAdministrator:
            zh ? "还没有管理员账号：请先创建第一个管理员（密码从标准输入读取）" : "there is no administrator yet: create the first one first (the password is read from standard input)"
        }
    }
}

/// The city's state: its store, one embedded workbench per district sharing one solver pool, and the
/// dashboard's cached review.
final class City: Sendable {
    let configuration: CityConfiguration
    let store: CityStore
    /// The districts, by id (the folder's name), in order.
    let order: [String]
    let workbenches: [String: EmbeddedWorkbench]
    /// The names the districts' policies give them (`district_name`, e.g. 丰城县), by id, read at start;
    /// a district whose policy names none is not here.
    let names: [String: String]
    let pool: SharedSolvePool
    /// Whether the session cookie is `Secure` (any address but loopback: behind an HTTPS proxy).
    let secureCookies: Bool
    let dashboardCache = Locked<(key: String, review: DashboardReview)?>(nil)

    init(configuration: CityConfiguration, store: CityStore, solveLimit: Int) {
        self.configuration = configuration
        self.store = store
        pool = SharedSolvePool(limit: solveLimit)
        var order: [String] = [], workbenches: [String: EmbeddedWorkbench] = [:]
        for path in configuration.districtFolders() {
            let workbench = EmbeddedWorkbench(path: path, pool: pool)
            // Canonically equal names are refused at start (``CityServer/openStore(_:)``); never two entries.
            guard workbenches[workbench.districtID] == nil else { continue }
            order.append(workbench.districtID)
            workbenches[workbench.districtID] = workbench
        }
        self.order = order
        self.workbenches = workbenches
        names = workbenches.compactMapValues { PolicyReader.districtName(of: $0.districtPath) }
        secureCookies = !CityConfiguration.isLoopback(configuration.host)
    }

    /// A district as people know it: the name its policy gives it, else its id (the folder's name).
    func name(_ id: String) -> String { names[id] ?? id }

    /// The workbench of the URL's `{district}` (404 when the city has no such district).
    func workbench(_ context: CityContext, _ language: Language) throws -> (String, EmbeddedWorkbench) {
        guard let raw = context.parameters.get("district"), let workbench = workbenches[raw.removingPercentEncoding ?? raw] else {
            throw Failure.notFound(language)
        }
        let id = raw.removingPercentEncoding ?? raw
        return (id, workbench)
    }

    func shutdown() { for workbench in workbenches.values { workbench.shutdown() } }
}

/// `duxue serve --city FOLDER`: the city workbench — logins, each district's workbench behind
/// authorization, filings submitted and decided, the dashboard, the audit log.
public enum CityServer {
    /// Opens the city's store and checks the folder.
    public static func openStore(_ configuration: CityConfiguration) throws(CityRefusal) -> CityStore {
        if configuration.districtFolders().isEmpty { throw .noDistricts(configuration.folder) }
        if let same = configuration.sameDistricts().first { throw .sameDistrict(same) }
        do {
            return try CityStore.open(path: configuration.databasePath, settings: configuration.settings)
        } catch {
            throw .store(error)
        }
    }

    /// The router with every route and the guards; `routes` lists them with their access.
    static func router(_ city: City) -> (Router<CityContext>, [CityRoute]) {
        let router = Router(context: CityContext.self)
        // The workbench's answers to errors, with the city's own, and `same-origin`: under `no-referrer` a
        // browser sends `Origin: null` with a form post (the login).
        router.add(middleware: AnswerMiddleware<CityContext>(referrerPolicy: "same-origin", translate: { Failure.city($0, $1, $2) }))
        let hosts: Set<String> = CityConfiguration.isLoopback(city.configuration.host)
            ? ["localhost", "127.0.0.1", "::1", SessionMiddleware.hostName(city.configuration.host)] : []
        router.add(middleware: SessionMiddleware(store: city.store, hosts: hosts))
        let routes = CityRouter(router)
        CityRoutes.add(to: routes, city: city)
        DistrictRoutes.add(to: routes, city: city)
        FilingRoutes.add(to: routes, city: city)
        AdminRoutes.add(to: routes, city: city)
        return (router, routes.routes)
    }

    /// The routes with who may call each (for tests and the documentation).
    public static func routes(_ configuration: CityConfiguration, store: CityStore) -> [CityRoute] {
        router(City(configuration: configuration, store: store, solveLimit: 1)).1
    }

    /// Every route the router answers, as Hummingbird itself lists them (`METHOD /path`, `{parameter}`
    /// segments): a route added past ``CityRouter`` (and so past its access check) shows here too.
    public static func installedRoutes(_ configuration: CityConfiguration, store: CityStore) -> [(method: HTTPRequest.Method, path: String)] {
        router(City(configuration: configuration, store: store, solveLimit: 1)).0.routes.map { route in
            let path = route.path.description.split(separator: "/").map { part -> String in
                part.hasPrefix(":") ? "{\(part.dropFirst())}" : String(part)
            }.joined(separator: "/")
            return (route.method, "/" + path)
        }
    }

    /// The application over an open store (tests drive it with HummingbirdTesting).
    public static func application(_ configuration: CityConfiguration, store: CityStore,
                                   solveLimit: Int = ProcessInfo.processInfo.activeProcessorCount,
                                   announce: @escaping @Sendable (String) -> Void = { _ in }) -> some ApplicationProtocol {
        var logger = Logger(label: "duxue-city")
        logger.logLevel = .warning
        let city = City(configuration: configuration, store: store, solveLimit: solveLimit)
        let shown = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        return Application(
            router: router(city).0,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "duxue-city"),
            services: [CityShutdown(city: city)],
            onServerRunning: { channel in
                announce("http://\(shown):\(channel.localAddress?.port ?? configuration.port)/")
            },
            logger: logger)
    }

    /// Serves until SIGINT or SIGTERM.
    public static func run(_ configuration: CityConfiguration, announce: @escaping @Sendable (String) -> Void) async throws {
        let store = try openStore(configuration)
        guard try store.accounts().contains(where: { $0.role == .admin && !$0.disabled }) else { throw CityRefusal.noAdministrator }
        try await application(configuration, store: store, announce: announce).runService()
    }
}

/// Cancels the districts' solves and removes their uploads when the server stops.
struct CityShutdown: Service {
    let city: City

    func run() async throws {
        try? await gracefulShutdown()
        city.shutdown()
    }
}
