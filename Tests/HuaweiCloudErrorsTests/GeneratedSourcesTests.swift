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

  @Test("every generated file says it is generated")
  func headers() throws {
    for source in try directory.generatedSources() {
      #expect(source.text.contains("DO NOT EDIT"))
    }
  }
}
