import Synchronization

/// Runs `operation` but gives up after `timeout`: the caller gets a "timeout" error at the deadline even when the
/// operation ignores cancellation (a connection stuck in a blocking call, a wrapper that never returns). A task group
/// cannot promise that, as it waits for every child before it returns; here the operation runs in its own task,
/// which is cancelled and left behind at the deadline.
func withDeadline<T: Sendable>(_ timeout: Duration, what: @autoclosure () -> String,
                               _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    let race = Race<T>()
    let description = what()
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            race.start(continuation)
            let work = Task {
                do { race.finish(.success(try await operation())) } catch { race.finish(.failure(error)) }
            }
            let timer = Task {
                try? await Task.sleep(for: timeout)
                race.finish(.failure(FederationError("timeout", "\(description): no answer within \(timeout)")))
            }
            race.onFinish { work.cancel(); timer.cancel() }
        }
    } onCancel: {
        race.finish(.failure(CancellationError()))
    }
}

/// The first of the operation, the timer and a cancellation to finish resumes the continuation; the others are ignored.
private final class Race<T: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<T, any Error>?
        var result: Result<T, any Error>?
        var cleanup: (@Sendable () -> Void)?
    }

    private let state = Mutex(State())

    func start(_ continuation: CheckedContinuation<T, any Error>) {
        let early: Result<T, any Error>? = state.withLock { state in
            if let result = state.result { return result }
            state.continuation = continuation
            return nil
        }
        if let early { continuation.resume(with: early) }
    }

    func finish(_ result: Result<T, any Error>) {
        let (continuation, cleanup): (CheckedContinuation<T, any Error>?, (@Sendable () -> Void)?) = state.withLock { state in
            guard state.result == nil else { return (nil, nil) }
            state.result = result
            defer { state.continuation = nil }
            return (state.continuation, state.cleanup)
        }
        continuation?.resume(with: result)
        cleanup?()
    }

    func onFinish(_ cleanup: @escaping @Sendable () -> Void) {
        let finished = state.withLock { state in
            state.cleanup = cleanup
            return state.result != nil
        }
        if finished { cleanup() }
    }
}
