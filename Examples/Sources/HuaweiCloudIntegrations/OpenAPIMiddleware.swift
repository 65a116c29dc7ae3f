import Foundation
import HTTPTypes
import HuaweiCloudErrors
import OpenAPIRuntime

/// A client middleware that turns a Huawei Cloud error response into a thrown `HuaweiCloudError`.
///
/// The OpenAPI runtime hands it to the caller wrapped in `ClientError` (as `underlyingError`);
/// `catch HuaweiCloudError.iam(.tokenExpired)` still matches, because the library's patterns look
/// inside wrappers.
public struct HuaweiCloudErrorMiddleware: ClientMiddleware {
  /// Bodies longer than this are read only this far.
  public var maximumBodySize: Int

  public init(maximumBodySize: Int = 1 << 20) {
    self.maximumBodySize = maximumBodySize
  }

  public func intercept(
    _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
    next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
  ) async throws -> (HTTPResponse, HTTPBody?) {
    let (response, responseBody) = try await next(request, body, baseURL)
    // Success bodies stream through untouched. (Partner Center answers a few errors with 200; a
    // client of it would read 2xx bodies here too.)
    guard response.status.code >= 400 else { return (response, responseBody) }
    var bytes: [UInt8] = []
    if let responseBody {
      for try await chunk in responseBody {
        bytes += chunk.prefix(maximumBodySize + 1 - bytes.count)
        if bytes.count > maximumBodySize { break }
      }
    }
    if let error = response.huaweiCloudError(body: bytes, host: baseURL.host) { throw error }
    return (response, HTTPBody(bytes))
  }
}
