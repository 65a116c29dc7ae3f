import CatalogBuilder
import Foundation
import Testing

@Suite("Generated sources stay in step with Resources/")
struct GeneratedSourcesTests {
  let directory = CatalogDirectory(root: PackagePaths.root)

  @Test("the committed generated sources are what the generator writes from the JSON now")
  func generatedSourcesAreCurrent() throws {
    let sources = try directory.generatedSources()
    let stale = try directory.staleSources(sources)
    #expect(stale.isEmpty, "regenerate with `swift run generate-catalog`: \(stale)")
  }

  @Test("changing one JSON value changes the generated sources, so the check above would fail")
  func jsonEditIsNoticed() throws {
    var files = try directory.loadAll()
    let iam = try #require(files.firstIndex { $0.service.identifier == "iam" })
    files[iam].entries[0].row.message! += " (edited)"
    let sources = try Generator.sources(for: files)
    #expect(try directory.staleSources(sources) == ["IAMErrorCode.swift"])
  }

  @Test("generation is deterministic")
  func deterministic() throws {
    let files = try directory.loadAll()
    #expect(try Generator.sources(for: files) == Generator.sources(for: files))
  }

  @Test("every generated file says it is generated; the README's generated tables say so")
  func headers() throws {
    for source in try directory.generatedSources() where source.path != "README.md" {
      #expect(source.text.contains("DO NOT EDIT"))
    }
    let readme = try #require(try directory.generatedSources().first { $0.path == "README.md" })
    #expect(readme.text.contains(ReadmeTables.servicesMarker))
    #expect(readme.text.contains(ReadmeTables.categoriesMarker))
  }

  @Test("a README whose table is out of date is rewritten; one without a marker is an error")
  func readmeTables() throws {
    let files = try directory.loadAll()
    let readme = try String(contentsOf: PackagePaths.root.appendingPathComponent("README.md"), encoding: .utf8)
    let stale = readme.replacingOccurrences(
      of: "| `iam` | Identity and Access Management | `IAM.` | ", with: "| `iam` | x | y | ")
    try #require(stale != readme)
    #expect(try ReadmeTables.update(stale, files: files) == ReadmeTables.update(readme, files: files))
    #expect(throws: (any Error).self) {
      try ReadmeTables.update(readme.replacingOccurrences(of: ReadmeTables.categoriesMarker, with: ""), files: files)
    }
  }
}
