import ArgumentParser
import DuxueCity
import DuxueCityServer
import DuxueConcurrency
import DuxueServer
import Foundation

/// `duxue serve DISTRICT…`: the browser workbench. Parses the options and starts the server.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "在浏览器中打开督学工作台 · Serve the workbench page for one or more districts."
    )

    @Argument(help: "区县文件夹或工作簿 · District folders or workbooks; each is offered under its folder name.")
    var districts: [String] = []

    @Option(help: "市级工作台：每个区县一个文件夹的市级文件夹 · The city workbench over a folder with one folder per district (accounts, filings, audit log in duxue-city.sqlite).")
    var city: String?

    @Option(name: .customLong("create-admin"), help: "创建管理员账号（密码从标准输入读取）后退出 · With --city: create an administrator NAME (password read from standard input) and exit.")
    var createAdmin: String?

    @Option(name: .customLong("import-accounts"), help: "从 CSV（name,role,district,password）导入账号后退出 · With --city: import accounts from a CSV file (name,role,district,password) in one transaction and exit.")
    var importAccounts: String?

    @Option(name: .customLong("bcrypt-cost"), help: "bcrypt 强度（4–31，默认 12） · With --city: bcrypt cost for new passwords (4–31, default 12).")
    var bcryptCost = 12

    @Option(help: "监听地址（默认仅本机） · Address to listen on (default: loopback only; any other needs an access token).")
    var host = "127.0.0.1"

    @Option(help: "端口（0 为任一空闲端口） · Port (0: any free port).")
    var port = 8080

    @Option(name: .customLong("token-file"), help: "访问令牌文件 · A file holding the access token (at least 16 characters); without it, one is made and printed when --host is not loopback.")
    var tokenFile: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard (4...31).contains(bcryptCost) else { throw ValidationError("--bcrypt-cost must be between 4 and 31") }
        if city != nil && !districts.isEmpty { throw ValidationError("give either district folders or --city FOLDER") }
        if city == nil && (createAdmin != nil || importAccounts != nil) { throw ValidationError("--create-admin and --import-accounts need --city") }
    }

    func run() throws {
        let zh = output.language == .zh
        if let city { return try runCity(city, zh: zh) }
        var token: String?
        if let tokenFile {
            guard let text = try? String(contentsOfFile: tokenFile, encoding: .utf8) else {
                Console.error(zh ? "无法读取访问令牌文件 \(tokenFile)" : "cannot read the token file \(tokenFile)")
                throw ExitCode(2)
            }
            token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        } else if !ServeConfiguration.isLoopback(host) {
            token = ServeConfiguration.newToken()
        }
        let configuration = ServeConfiguration(districts: districts, host: host, port: port, accessToken: token)
        if let refusal = configuration.refusal() {
            Console.error(refusal.message(zh: zh))
            throw ExitCode(2)
        }
        // The root command is synchronous: the server runs as a task while this thread waits for it.
        let failure = Locked<(any Error)?>(nil)
        let finished = DispatchGroup()
        finished.enter()
        Task {
            defer { finished.leave() }
            do {
                try await WorkbenchServer.run(configuration) { address in
                    let line = zh ? "督学工作台已启动：\(address)（按 Ctrl-C 停止）" : "Workbench running at \(address) (Ctrl-C stops it)"
                    FileHandle.standardOutput.write(Data((line + "\n").utf8))
                }
            } catch {
                failure.withLock { $0 = error }
            }
        }
        finished.wait()
        if let error = failure.withLock({ $0 }) {
            Console.error(zh ? "工作台无法运行：\(error)" : "the workbench cannot run: \(error)")
            throw ExitCode(2)
        }
        print(zh ? "督学工作台已停止" : "Workbench stopped")
    }

    /// `--city`: account administration, or the city server.
    private func runCity(_ folder: String, zh: Bool) throws {
        var settings = CitySettings()
        settings.bcryptCost = UInt8(bcryptCost)
        let configuration = CityConfiguration(folder: folder, host: host, port: port, settings: settings)
        do {
            if let name = createAdmin {
                let password = readLine(strippingNewline: true) ?? ""
                let account = try CityAdministration.createAdministrator(configuration, name: name, password: password)
                print(zh ? "已创建管理员 \(account.name)" : "administrator \(account.name) created")
                return
            }
            if let file = importAccounts {
                let count = try CityAdministration.importAccounts(configuration, file: file)
                print(zh ? "已导入 \(count) 个账号" : "\(count) accounts imported")
                return
            }
        } catch let error as CityRefusal {
            Console.error(error.message(zh: zh))
            throw ExitCode(2)
        } catch let error as CityError {
            Console.error(error.message(in: zh ? .zh : .en))
            throw ExitCode(2)
        } catch let error as CityAdministration.ImportRefused {
            Console.error(error.message(in: zh ? .zh : .en))
            throw ExitCode(2)
        } catch {
            Console.error("\(error)")
            throw ExitCode(2)
        }
        for shared in configuration.sharedNames() { Console.error(shared.message(zh: zh)) }
        let failure = Locked<(any Error)?>(nil)
        let finished = DispatchGroup()
        finished.enter()
        Task {
            defer { finished.leave() }
            do {
                try await CityServer.run(configuration) { address in
                    let line = zh ? "督学市级工作台已启动：\(address)（按 Ctrl-C 停止）" : "City workbench running at \(address) (Ctrl-C stops it)"
                    FileHandle.standardOutput.write(Data((line + "\n").utf8))
                }
            } catch {
                failure.withLock { $0 = error }
            }
        }
        finished.wait()
        if let error = failure.withLock({ $0 }) {
            let text = (error as? CityRefusal)?.message(zh: zh) ?? "\(error)"
            Console.error(zh ? "市级工作台无法运行：\(text)" : "the city workbench cannot run: \(text)")
            throw ExitCode(2)
        }
        print(zh ? "督学市级工作台已停止" : "City workbench stopped")
    }
}
