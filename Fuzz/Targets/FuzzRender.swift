// libFuzzer target: templates and rendering. Input: 2 bytes choosing a documented text, then
// values separated by NUL; the rest of the input is also parsed as a template of its own. Checks:
// a documented text rendered with plain values matches back to its entry, strictly, with those
// values, and with some of them empty still fits its entry; any text parses to a template that
// renders back to itself.
import HuaweiCloudErrors

let texts: [(entry: CatalogEntry, template: MessageTemplate)] = HuaweiCloudCatalog.entries.flatMap { entry in
  entry.rows.compactMap { row in row.template.map { (entry, $0) } }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRender(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = UnsafeBufferPointer(start: data, count: size)
  guard bytes.count >= 2 else { return 0 }
  let (entry, template) = texts[(Int(bytes[0]) << 8 | Int(bytes[1])) % texts.count]
  let rest = Array(bytes.dropFirst(2))

  // Values of letters and digits only, so that none can hold a template's literal text.
  let given = rest.split(separator: 0, omittingEmptySubsequences: false).map { part in
    String(
      decoding: part.filter { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) },
      as: UTF8.self)
  }
  let values = given.map { $0.isEmpty ? "x" : $0 }
  let arguments = TemplateArguments(template.keys.enumerated().map { ($0.element, values[$0.offset % values.count]) })
  let rendered = template.render(arguments)
  let matches = HuaweiCloudCatalog.matches(for: rendered)
  guard let own = matches.first(where: { $0.entry == entry }) else {
    preconditionFailure("\(entry.code) rendered as \(rendered.debugDescription) does not match back")
  }
  precondition(!own.isLenient, "a rendered text matched only leniently")
  if own.row.message == template.text { precondition(own.arguments == arguments, "different values came back") }

  // The same values with empty ones kept: the entry still fits, and a strict fit's values render
  // back to the text (they may split it otherwise than the values given, never differently).
  let withEmpty = TemplateArguments(template.keys.enumerated().map { ($0.element, given[$0.offset % given.count]) })
  let renderedWithEmpty = template.render(withEmpty)
  guard let fit = entry.match(renderedWithEmpty) else {
    preconditionFailure("\(entry.code) rendered as \(renderedWithEmpty.debugDescription) does not fit its entry")
  }
  if !fit.isLenient, let own = fit.row.template {
    precondition(own.render(fit.arguments) == renderedWithEmpty, "a strict fit's values do not render back")
  }

  // Any text is a template that renders to itself, `%%` aside.
  let source = String(decoding: rest, as: UTF8.self)
  let parsed = MessageTemplate(source)
  precondition(parsed.render() == unescapingPercents(source), "a template does not render back to its text")
  return 0
}

/// `%%` read left to right as one `%`, as the template grammar does.
func unescapingPercents(_ text: String) -> String {
  var output = ""
  var iterator = text.unicodeScalars.makeIterator()
  while let scalar = iterator.next() {
    output.unicodeScalars.append(scalar)
    if scalar == "%" {
      guard let next = iterator.next() else { break }
      if next != "%" { output.unicodeScalars.append(next) }
    }
  }
  return output
}
