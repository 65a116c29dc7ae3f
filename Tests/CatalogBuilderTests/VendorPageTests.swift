import CatalogBuilder
import Testing

@Suite("Reading a captured vendor page")
struct VendorPageTests {
  static let onePerLine = """
    Compute
    Elastic Cloud Server
    Error Codes

    Updated on 2025-03-03 GMT+08:00

    If an error code starting with APIGW is returned, see Error Codes.

    Status Code

    Error Code

    Error Message

    Description

    Solution

    401

    Organizations.1001

    This operation can be called only from the management account of an organization.

    Failed to verify permissions.

    Check whether the API is called by the management account.

    403

    Organizations.2007

    Bad Request: {0}.

    Failed to create the service-linked agency.

    Check whether the required permission is granted based on the error cause.

    เราใช้คุกกี้เพื่อปรับปรุงไซต์

    Feedback
    """

  @Test("one cell per line: rows, the page date, and the page's footer left out")
  func onePerLineTable() throws {
    let page = try VendorPage(text: Self.onePerLine)
    #expect(page.updated == "2025-03-03")
    #expect(page.rows.map(\.code) == ["Organizations.1001", "Organizations.2007"])
    #expect(page.rows[1].status == 403)
    #expect(page.rows[1].message == "Bad Request: {0}.")
    #expect(page.rows[1].solution == "Check whether the required permission is granted based on the error cause.")
    #expect(page.ignoredTrailingLines == ["เราใช้คุกกี้เพื่อปรับปรุงไซต์", "Feedback"])
  }

  @Test("cells ending in `|`, one per line, with the separator row and no date")
  func pipeCellsPerLine() throws {
    let page = try VendorPage(
      text: """
        Error Codes
        Status Code |
        Error Code |
        Error Message |
        Description |
        Measure |
        ---|---|---|---|---|
        400 |
        1100 |
        Mandatory parameters are not specified. |
        Mandatory parameters are not specified. |
        Check the request parameters. |
        429 |
        IAM.0012 |
        The throttling threshold has been reached. Threshold: %d times per %d seconds |
        The throttling threshold has been reached. |
        Check the request or contact technical support. |
        Feedback
        Was this page helpful?
        """)
    #expect(page.updated == nil)
    #expect(page.rows.map(\.code) == ["1100", "IAM.0012"])
    #expect(page.rows[1].message == "The throttling threshold has been reached. Threshold: %d times per %d seconds")
    #expect(page.rows[1].solution == "Check the request or contact technical support.")
    #expect(page.ignoredTrailingLines == ["Feedback", "Was this page helpful?"])
  }

  @Test("a whole row per line between `|`s, with an empty cell kept")
  func pipeRowsPerLine() throws {
    let page = try VendorPage(
      text: """
        | Status Code | Error Code | Error Message | Description | Solution |
        |---|---|---|---|---|
        | 400 | IAM.0007 | Request parameter %(key)s is invalid. | The request parameter is invalid. | |
        | 404 | IAM.0004 | Could not find %(target)s: %(target_id)s. | The resource cannot be found. | Check it. |
        """)
    #expect(page.rows.count == 2)
    #expect(page.rows[0].solution == "")
    #expect(page.rows[1].message == "Could not find %(target)s: %(target_id)s.")
  }

  @Test("no solution column, a repeated code, a second paragraph, and the table at the end of the text")
  func cbcIrregularRows() throws {
    let page = try VendorPage(
      text: """
        Updated on 2024-02-23 GMT+08:00

        {
           "error_code": "xxxx",
          "error_msg": "xxxx"
        }

        Status Code

        Error Code

        Error Message

        Description

        200

        CBC.0000

        Success.

        Succeeded.

        403

        CBC.0150

        Access denied. The customer does not belong to the website you are now at.

        Access failed. You are not a client of this website.

        400

        CBC.99003117

        The selected discount is less than the minimum discount rate.

        Note: For example, if the minimum discount rate is 90% and the selected discount is less than 90%, the discount cannot be used.

        The selected discount is less than the minimum discount rate.

        Note: For example, if the minimum discount rate is 90%, the discount cannot be used.

        403

        CBC.0150

        Invalid operation.

        Invalid operation.
        """)
    #expect(page.rows.map(\.code) == ["CBC.0000", "CBC.0150", "CBC.99003117", "CBC.0150"])
    #expect(page.rows.allSatisfy { $0.solution == nil })
    #expect(page.rows[2].message.split(separator: "\n").count == 2)
    #expect(page.rows[2].message.hasSuffix("the discount cannot be used."))
    #expect(page.rows[2].description.hasPrefix("The selected discount is less than the minimum discount rate.\nNote:"))
    #expect(page.ignoredTrailingLines.isEmpty)
  }

  /// Tables with a row that has a text cell too many (a stray paragraph) or one too few.
  static let misshapenRows: [(page: String, row: String)] = [
    (
      """
      Status Code
      Error Code
      Error Message
      Description
      400
      CBC.0100
      parameter error.
      Invalid parameter.
      A stray paragraph.
      400
      CBC.0101
      Invalid parameter.
      Invalid parameter.
      """,
      "CBC.0100"
    ),
    (
      """
      Status Code
      Error Code
      Error Message
      Description
      Solution
      400
      PM.02152001
      Invalid parameter.
      Invalid parameter.
      400
      PM.02152002
      Undefined error.
      Undefined error.
      Contact technical support.
      """,
      "PM.02152001"
    ),
  ]

  @Test("a row with a cell too many or too few is an error naming the row, not a guess", arguments: misshapenRows)
  func misshapenRowIsAnError(page: String, row: String) throws {
    let error = try #require(throws: PageError.self, performing: { try VendorPage(text: page) })
    #expect(error.description.contains(row))
  }

  @Test(
    "pages without a table or with unknown columns are errors",
    arguments: ["", "Error Codes\nNothing here.", "Status Code\nError Code\nColour\n400\nIAM.0001\nred"])
  func noTable(text: String) {
    #expect(throws: PageError.self) { try VendorPage(text: text) }
  }

  @Test("CRLF line breaks read the same")
  func crlf() throws {
    let page = try VendorPage(text: Self.onePerLine.replacingOccurrences(of: "\n", with: "\r\n"))
    #expect(try page.rows == VendorPage(text: Self.onePerLine).rows)
  }
}
