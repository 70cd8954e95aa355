import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The DevTools protocol over Chromium's `--remote-debugging-pipe`: NUL-terminated JSON messages written to the
/// browser's fd 3 and read from its fd 4. A dedicated thread reads (a blocking `read` must never hold one of
/// Swift concurrency's two threads, which an in-process server needs); replies go to the continuation waiting for
/// their id, events to the stream of every matching waiter and to the handler of their session.
final class CDPConnection: Sendable {
    typealias EventHandler = @Sendable (_ method: String, _ params: JSValue) -> Void

    private struct EventWaiter {
        let method: String
        let session: String?
        let continuation: AsyncStream<JSValue>.Continuation
    }

    private struct State {
        var nextID = 1
        var replies: [Int: (method: String, continuation: CheckedContinuation<JSValue, any Error>)] = [:]
        var waiters: [Int: EventWaiter] = [:]
        var handlers: [String: EventHandler] = [:]
        /// Set once the pipe is closed: every later request fails with it.
        var closed: BrowserError?
    }

    private let toBrowser: Int32
    private let state = Mutex(State())

    /// Starts reading `fromBrowser` on a thread of its own; both descriptors belong to the connection from now on.
    init(toBrowser: Int32, fromBrowser: Int32) {
        self.toBrowser = toBrowser
        Thread.detachNewThread { [self] in readLoop(fromBrowser) }
    }

    /// Sends `method` (to the page of `session`, or to the browser) and waits for its result.
    @discardableResult
    func send(_ method: String, _ params: JSValue = [:], session: String? = nil, timeout: Duration = .seconds(30)) async throws -> JSValue {
        try await withCheckedThrowingContinuation { continuation in
            let id: Int? = state.withLock { state in
                if let closed = state.closed {
                    continuation.resume(throwing: closed)
                    return nil
                }
                let id = state.nextID
                state.nextID += 1
                state.replies[id] = (method, continuation)
                return id
            }
            guard let id else { return }
            var message: [String: JSValue] = ["id": .number(Double(id)), "method": .string(method), "params": params]
            if let session { message["sessionId"] = .string(session) }
            do {
                try write(JSONEncoder().encode(JSValue.object(message)))
            } catch {
                fail(id, with: BrowserError("could not send \(method) to Chromium: \(error)"))
                return
            }
            let nanoseconds = timeout.components.seconds * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000
            DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(Int(nanoseconds))) { [self] in
                fail(id, with: .timeout("the reply to \(method)", timeout))
            }
        }
    }

    /// Starts listening for the next event `method` (of `session`, when given) before the action that causes it;
    /// `EventWait.value(timeout:)` then awaits it.
    func expectEvent(_ method: String, session: String?) -> EventWait {
        let (stream, continuation) = AsyncStream.makeStream(of: JSValue.self, bufferingPolicy: .bufferingOldest(1))
        let id: Int = state.withLock { state in
            let id = state.nextID
            state.nextID += 1
            if state.closed != nil { continuation.finish() } else { state.waiters[id] = EventWaiter(method: method, session: session, continuation: continuation) }
            return id
        }
        continuation.onTermination = { [weak self] _ in _ = self?.state.withLock { $0.waiters.removeValue(forKey: id) } }
        return EventWait(what: "the event \(method)", stream: stream)
    }

    /// Calls `handler` with every event of `session` (console messages, exceptions) until the connection closes.
    func handleEvents(of session: String, _ handler: @escaping EventHandler) {
        state.withLock { $0.handlers[session] = handler }
    }

    /// Closes the pipe to the browser; the reading thread ends when the browser's side closes.
    func close() {
        shutDown(BrowserError("the browser was closed"))
        Glibc.close(toBrowser)
    }

    private func fail(_ id: Int, with error: BrowserError) {
        state.withLock { $0.replies.removeValue(forKey: id) }?.continuation.resume(throwing: error)
    }

    private func write(_ data: Data) throws {
        var bytes = [UInt8](data)
        bytes.append(0)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(toBrowser, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw BrowserError("write to Chromium's pipe failed: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    private func readLoop(_ descriptor: Int32) {
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            pending.append(contentsOf: buffer[..<count])
            var start = pending.startIndex
            while let end = pending[start...].firstIndex(of: 0) {
                dispatch(Data(pending[start..<end]))
                start = end + 1
            }
            pending.removeSubrange(..<start)
        }
        Glibc.close(descriptor)
        shutDown(BrowserError("Chromium closed its DevTools pipe (the process exited)"))
    }

    private func dispatch(_ data: Data) {
        guard let message = try? JSONDecoder().decode(JSValue.self, from: data) else { return }
        if let id = message["id"]?.int {
            guard let waiting = state.withLock({ $0.replies.removeValue(forKey: id) }) else { return }
            if let error = message["error"] {
                let text = error["message"]?.string ?? "\(error)"
                waiting.continuation.resume(throwing: BrowserError("\(waiting.method) failed: \(text)"))
            } else {
                waiting.continuation.resume(returning: message["result"] ?? [:])
            }
            return
        }
        guard let method = message["method"]?.string else { return }
        let params = message["params"] ?? [:]
        let session = message["sessionId"]?.string
        let (matching, handler) = state.withLock { state in
            let matching = state.waiters.filter { $0.value.method == method && ($0.value.session == nil || $0.value.session == session) }
            for id in matching.keys { state.waiters.removeValue(forKey: id) }
            return (matching.values.map(\.continuation), session.flatMap { state.handlers[$0] })
        }
        for continuation in matching {
            continuation.yield(params)
            continuation.finish()
        }
        handler?(method, params)
    }

    private func shutDown(_ error: BrowserError) {
        let (replies, waiters) = state.withLock { state -> ([CheckedContinuation<JSValue, any Error>], [AsyncStream<JSValue>.Continuation]) in
            if state.closed == nil { state.closed = error }
            defer { state.replies = [:]; state.waiters = [:]; state.handlers = [:] }
            return (state.replies.values.map(\.continuation), state.waiters.values.map(\.continuation))
        }
        for reply in replies { reply.resume(throwing: error) }
        for waiter in waiters { waiter.finish() }
    }
}

/// An event a page is expected to fire, registered before the action that fires it.
struct EventWait: Sendable {
    let what: String
    let stream: AsyncStream<JSValue>

    /// The event's parameters, or an error naming the event when it does not come within `timeout`.
    func value(timeout: Duration) async throws -> JSValue {
        let what = what, stream = stream
        return try await withThrowingTaskGroup(of: JSValue.self) { group in
            group.addTask {
                for await params in stream { return params }
                throw BrowserError("the browser closed while waiting for \(what)")
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw BrowserError.timeout(what, timeout)
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
    }
}
