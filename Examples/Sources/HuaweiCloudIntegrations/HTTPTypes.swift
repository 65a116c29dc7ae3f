import HTTPTypes
import HuaweiCloudErrors

extension HTTPResponse {
  /// The `HuaweiCloudError` this response and its body carry, or `nil` when it is not an error.
  ///
  /// `HTTPFields` is read with the library's closure-taking initializer: one line.
  public func huaweiCloudError(body: [UInt8], host: String? = nil) -> HuaweiCloudError? {
    HuaweiCloudError(
      status: status.code, headers: headerFields, name: \.name.rawName, value: \.value, body: body, host: host)
  }
}
