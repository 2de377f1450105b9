import ArgumentParser
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
    var districts: [String]

    @Option(help: "监听地址（默认仅本机） · Address to listen on (default: loopback only; any other needs an access token).")
    var host = "127.0.0.1"

    @Option(help: "端口（0 为任一空闲端口） · Port (0: any free port).")
    var port = 8080

    @Option(name: .customLong("token-file"), help: "访问令牌文件 · A file holding the access token (at least 16 characters); without it, one is made and printed when --host is not loopback.")
    var tokenFile: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() throws {
        let zh = output.language == .zh
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
}
