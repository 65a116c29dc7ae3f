/// Texts by a literal they start with (in lenient form), so that a message is tried only against
/// the texts whose opening words it starts with: walking the message's first bytes down the trie
/// collects them. Filled with reversed literals, it finds the texts a message ends like.
///
/// Built with ``Builder``, then frozen into flat arrays, so that a walk reads contiguous memory
/// and retains nothing.
struct PrefixTrie: Sendable {
  /// The texts and their literals, collected before the trie is built in one pass.
  struct Builder {
    fileprivate var items: [(key: [UInt8], text: Int)] = []

    /// Adds text `index`, whose lenient form starts with `prefix`.
    mutating func insert(_ prefix: some Sequence<UInt8>, text index: Int) {
      items.append((Array(prefix), index))
    }
  }

  /// A node: its texts' range in `texts`, its children's in `edges`.
  private struct Node {
    var textStart: Int32
    var textEnd: Int32
    var edgeStart: Int32
    var edgeEnd: Int32
  }

  /// An edge to a child, labelled with all the bytes up to the next place where a key ends or keys
  /// part (path compression): a walk compares them in one run.
  private struct Edge {
    var firstByte: UInt8
    var labelStart: Int32
    var labelCount: Int32
    var node: Int32
  }

  private let nodes: [Node]
  private let edges: [Edge]
  /// The root's edge for each first byte, or -1: the root has an edge per letter, which a scan
  /// would read one by one.
  private let rootEdges: [Int32]
  private let labels: [UInt8]
  private let texts: [Int32]

  /// Built from the keys in order: the items below a node are a contiguous run of them, its texts
  /// (keys that end there) first, then one run per child; an edge's label runs as far as the
  /// run's first and last keys agree, and no key ends sooner.
  init(_ builder: Builder) {
    let items = builder.items.sorted { a, b in
      let order = Bytes.compare(a.key, b.key)
      return order < 0 || (order == 0 && a.text < b.text)
    }
    var nodes: [Node] = []
    var edges: [Edge] = []
    var labels: [UInt8] = []
    var texts: [Int32] = []
    // Breadth first, so that a node's edges are contiguous: each entry is a run of items and the
    // depth of the node they are below.
    var queue: [(run: Range<Int>, depth: Int)] = [(0..<items.count, 0)]
    var position = 0
    while position < queue.count {
      let (run, depth) = queue[position]
      position += 1
      var start = run.lowerBound
      let textStart = Int32(texts.count)
      while start < run.upperBound, items[start].key.count == depth {
        texts.append(Int32(items[start].text))
        start += 1
      }
      let edgeStart = Int32(edges.count)
      while start < run.upperBound {
        let byte = items[start].key[depth]
        var end = start + 1
        while end < run.upperBound, items[end].key[depth] == byte { end += 1 }
        // The label: as far as the first and last keys of the run agree, and the first (the
        // shortest where they agree) lasts.
        let first = items[start].key
        let last = items[end - 1].key
        var labelEnd = depth + 1
        while labelEnd < first.count, labelEnd < last.count, first[labelEnd] == last[labelEnd] { labelEnd += 1 }
        edges.append(
          Edge(
            firstByte: byte, labelStart: Int32(labels.count), labelCount: Int32(labelEnd - depth),
            node: Int32(queue.count)))
        labels += first[depth..<labelEnd]
        queue.append((start..<end, labelEnd))
        start = end
      }
      nodes.append(
        Node(textStart: textStart, textEnd: Int32(texts.count), edgeStart: edgeStart, edgeEnd: Int32(edges.count)))
    }
    var rootEdges = [Int32](repeating: -1, count: 256)
    if let root = nodes.first {
      for index in Int(root.edgeStart)..<Int(root.edgeEnd) { rootEdges[Int(edges[index].firstByte)] = Int32(index) }
    }
    self.rootEdges = rootEdges
    self.nodes = nodes
    self.edges = edges
    self.labels = labels
    self.texts = texts
  }

  /// Calls `body` with every text whose prefix `bytes` starts with, shortest prefix first.
  func forEachText(startingAtPrefixOf bytes: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
    walk(count: bytes.count, byte: { bytes[$0] }, body)
  }

  /// Calls `body` with every text inserted with a reversed literal that `bytes` ends with.
  func forEachText(endingAtSuffixOf bytes: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
    walk(count: bytes.count, byte: { bytes[bytes.count - 1 - $0] }, body)
  }

  private func walk(count: Int, byte: (Int) -> UInt8, _ body: (Int) -> Void) {
    nodes.withUnsafeBufferPointer { nodes in
      edges.withUnsafeBufferPointer { edges in
        labels.withUnsafeBufferPointer { labels in
          texts.withUnsafeBufferPointer { texts in
            var node = 0
            var depth = 0
            while true {
              for index in Int(nodes[node].textStart)..<Int(nodes[node].textEnd) { body(Int(texts[index])) }
              guard depth < count else { return }
              let next = byte(depth)
              var found = -1
              if node == 0 {
                found = Int(rootEdges[Int(next)])
              } else {
                for index in Int(nodes[node].edgeStart)..<Int(nodes[node].edgeEnd) where edges[index].firstByte == next
                {
                  found = index
                  break
                }
              }
              guard found >= 0 else { return }
              let edge = edges[found]
              let labelCount = Int(edge.labelCount)
              // Texts sit only at the ends of edges: a message that ends inside one reaches none.
              guard depth + labelCount <= count else { return }
              let labelStart = Int(edge.labelStart)
              for offset in 1..<labelCount where labels[labelStart + offset] != byte(depth + offset) { return }
              node = Int(edge.node)
              depth += labelCount
            }
          }
        }
      }
    }
  }
}
