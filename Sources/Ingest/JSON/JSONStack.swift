/// A stack the parser pushes the members or elements of open containers onto, so that each finished
/// container is moved out into an array allocated once at its exact size instead of grown by appending.
final class JSONStack<Element> {
    private var storage: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 64) {
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    @inline(__always) func push(_ element: consuming Element) {
        if count == capacity { grow() }
        (storage + count).initialize(to: element)
        count += 1
    }

    /// Moves the elements from `start` to the top into a new array and pops them.
    @inline(__always) func pop(from start: Int) -> [Element] {
        var elements: [Element] = []
        elements.reserveCapacity(count - start)
        for position in start..<count {
            elements.append((storage + position).move())
        }
        count = start
        return elements
    }

    private func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = larger
        capacity *= 2
    }
}
