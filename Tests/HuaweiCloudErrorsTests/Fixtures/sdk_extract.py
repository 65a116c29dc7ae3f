#!/usr/bin/env python3
"""Writes sdk-extractions.jsonl: for each response body below, what Huawei Cloud's official
Python SDK (huaweicloudsdkcore, DefaultExceptionHandler, as read in 2026) extracts from it.

The extraction rules, restated (not copied): the request id is the X-Request-Id header; for a
JSON object, `encoded_authorization_message` is taken from every object visited; the first pair
present among (error_code, error_msg), (errorCode, errorMsg), (code, message) gives the code and
message, else every nested object value is visited the same way, later ones overriding earlier
ones; a body that is not a JSON object gives its text as the message; a missing code becomes the
status and a missing message the body text. `found_pair` records whether a pair was found, which
is when this library's code and message must equal the SDK's.

Run: python3 sdk_extract.py > sdk-extractions.jsonl
"""
import json

BODIES = [
    (401, {"X-Request-Id": "5f2a7c"}, '{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information: verify aksk signature fail","request_id":"5f2a7c"}'),
    (404, {"X-Request-Id": "a1"}, '{"error_msg":"The API does not exist or has not been published in the environment","error_code":"APIGW.0101","request_id":"a1"}'),
    (401, {"x-request-id": "k1"}, '{"error":{"code":401,"message":"The request you have made requires authentication.","title":"Unauthorized"}}'),
    (403, {"X-Request-Id": "c1"}, '{"error_code":"CBC.0150","error_msg":"Access denied. The customer does not belong to the website you are now at."}'),
    (200, {}, '{"error_code":"CBC.3106","error_msg":"The order status has changed and no payment can be made."}'),
    (400, {}, '{"error":{"message":"Invalid request.","code":"Ecs.0005","details":[{"code":"Ecs.0319","message":"quota"}]}}'),
    (400, {}, '{"NeutronError":{"message":"Invalid input for operation.","type":"InvalidInput","detail":""}}'),
    (400, {}, '{"errorCode":"SVCSTG.00000001","errorMsg":"Invalid request parameter."}'),
    (400, {}, '{"code":"PM.02152001","message":"Invalid parameter."}'),
    (403, {}, '{"error_code":"IAM.0002","error_msg":"You are not authorized to perform the requested action.","encoded_authorization_message":"Egpjbi1ub*****GoxMzgrcA=="}'),
    (403, {}, '{"error":{"code":"IAM.0002","message":"Some errors occurred.","encoded_authorization_message":"Egpjbi1ub*****GoxMzgrcA=="}}'),
    (400, {}, '{"a":{"b":{"error_code":"IAM.0011","error_msg":"Request body is invalid."}}}'),
    (400, {}, '{"first":{"code":"X.1","message":"one"},"second":{"code":"X.2","message":"two"}}'),
    (400, {}, '{"code":"X.1","message":"top","error_code":"IAM.0011","error_msg":"Request body is invalid."}'),
    (400, {}, '{"error_code":"IAM.0011","error_msg":"first","error_msg":"Request body is invalid."}'),
    (500, {}, 'Internal Server Error'),
    (502, {}, '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>'),
    (400, {}, '"Bad request"'),
    (400, {}, '[{"error_code":"IAM.0011","error_msg":"x"}]'),
    (404, {}, '{"errCode":"DBS.280001","externalMessage":"Instance not found."}'),
    (429, {}, '{"error_code":"IAM.0012","error_msg":"The throttling threshold has been reached. Threshold: 10 times per 60 seconds"}'),
    (403, {}, '{"error_code":"IAM.0080","error_msg":"The user AKIA3X9Q with access key prod-key is disabled."}'),
    (404, {}, '{"error_code":"Organizations.1100","error_msg":"Organization not found.","request_id":"o1"}'),
    (400, {}, '{"error_code":"PM.02175201","error_msg":"Field plan_date has invalid value 2025-13-01."}'),
    (409, {}, '{"error":{"code":"Organizations.1003","message":"Concurrent modification."}}'),
    (400, {}, '{"error_code":"Iam.0004","error_msg":"Could not find user: 42."}'),
]


def extract(status, headers, text):
    result = {"request_id": next((v for k, v in headers.items() if k.lower() == "x-request-id"), None),
              "code": None, "message": None, "encoded": None, "found_pair": False}

    def visit(obj):
        if "encoded_authorization_message" in obj:
            result["encoded"] = obj["encoded_authorization_message"]
        for code_key, message_key in (("error_code", "error_msg"), ("errorCode", "errorMsg"), ("code", "message")):
            if code_key in obj and message_key in obj:
                result["code"], result["message"], result["found_pair"] = obj[code_key], obj[message_key], True
                return
        for value in obj.values():
            if isinstance(value, dict):
                visit(value)

    try:
        parsed = json.loads(text)
        if isinstance(parsed, dict):
            visit(parsed)
        else:
            result["message"] = text
    except ValueError:
        result["message"] = text
    if not result["code"]:
        result["code"] = str(status)
    if not result["message"]:
        result["message"] = text
    if result["code"] is not None and not isinstance(result["code"], str):
        result["code"] = json.dumps(result["code"])
    return result


for status, headers, body in BODIES:
    print(json.dumps({"status": status, "headers": headers, "body": body, "sdk": extract(status, headers, body)},
                     ensure_ascii=False))
