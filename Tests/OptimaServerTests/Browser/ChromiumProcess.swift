import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A headless Chromium started with posix_spawn in a process group of its own, its DevTools pipe mapped to fds
/// 3 (commands in) and 4 (replies out), its profile in a temporary directory; `kill` ends the whole group
/// (browser, renderers, zygote) and removes the directory.
struct ChromiumProcess: Sendable {
    let pid: pid_t
    let profile: URL
    /// Where the browser's standard error goes, quoted when it does not start.
    let log: URL
    let toBrowser: Int32
    let fromBrowser: Int32

    /// The binary: `OPTIMA_CHROMIUM`, else the first of `chromium`, `chromium-browser`, `google-chrome` on PATH.
    static func executable() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["OPTIMA_CHROMIUM"], !path.isEmpty {
            return FileManager.default.isExecutableFile(atPath: path) ? path : nil
        }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }

    static func spawn(_ executable: String) throws -> ChromiumProcess {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("optima-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        let log = profile.appendingPathComponent("chromium.log")
        let arguments = [
            executable, "--headless=new", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--no-first-run", "--no-default-browser-check", "--hide-scrollbars", "--user-data-dir=\(profile.path)",
            "--window-size=1280,900", "about:blank",
        ]
        // A command written to a browser that died must fail with EPIPE, not kill the test process.
        signal(SIGPIPE, SIG_IGN)
        var commands: [Int32] = [0, 0], replies: [Int32] = [0, 0]
        // Close-on-exec, so that no other child inherits them (Glibc's module does not export pipe2).
        guard pipe(&commands) == 0, pipe(&replies) == 0 else {
            throw BrowserError("could not create the DevTools pipes: \(String(cString: strerror(errno)))")
        }
        for descriptor in commands + replies { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, log.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, commands[0], 3)
        posix_spawn_file_actions_adddup2(&actions, replies[1], 4)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, &argv, environ)
        close(commands[0])
        close(replies[1])
        guard status == 0 else {
            close(commands[1])
            close(replies[0])
            try? FileManager.default.removeItem(at: profile)
            throw BrowserError("could not start \(executable): \(String(cString: strerror(status)))")
        }
        return ChromiumProcess(pid: pid, profile: profile, log: log, toBrowser: commands[1], fromBrowser: replies[0])
    }

    /// The last lines the browser wrote to standard error, for an error message.
    func logTail() -> String {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(5).joined(separator: "\n")
    }

    /// Kills the process group and removes the profile; the exit status is collected on a thread of its own.
    func kill() {
        _ = Glibc.kill(-pid, SIGKILL)
        let pid = pid
        Thread.detachNewThread {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        }
        try? FileManager.default.removeItem(at: profile)
    }
}
