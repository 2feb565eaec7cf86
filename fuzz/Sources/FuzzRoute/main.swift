import FuzzSupport
import SpecmarkContract
import SpecmarkMock

/// The mock's router: a request line's method, path and query, against a catalog whose templates have
/// placeholders inside segments, function calls, drive path addressing, key syntax and a dotted last segment.
let catalog: MockCatalog = {
    let declared = [
        "GET /users/{id | userPrincipalName}/extensions/{extensionId}",
        "GET /users/{id}/extensions",
        "GET /me/drive/items/{id}/workbook/worksheets/{id|name}/range(address='<address>')/resizedRange(deltaRows={n}, deltaColumns={n})",
        "PUT /me/drive/items/{parent-id}:/{filename}:/content",
        "GET /sites/{site-id}/lists/{list-id}/items/{item-id}/versions/{version-id}",
    ]
    let requests = [
        "GET /v1.0/me/extensions/Com.Contoso.Referral",
        "GET /v1.0/me/extensions",
        "GET /v1.0/me/drive/items/1/workbook/worksheets('Sheet1')/range(address='A1')/resizedRange(deltaRows=1, deltaColumns=2)",
        "PUT /v1.0/me/drive/root:/FolderA/FileB.txt:/content",
        "GET /v1.0/sites/{site-id}/lists/{list-id}/items/{item-id}/versions/{version-id}?$select=id",
    ]
    // One page: the declared paths, then each request example paired with the same response.
    var page = "## HTTP request\n```http\n\(declared.joined(separator: "\n"))\n```\n## Examples\n"
    for (index, request) in requests.enumerated() {
        page += "<!-- { \"blockType\": \"request\", \"name\": \"example_\(index)\" } -->\n```http\n"
        page += request.replacingOccurrences(of: " /v1.0/", with: " https://graph.microsoft.com/v1.0/")
        page += "\n```\n<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP/1.1 200 OK\n\n{}\n```\n"
    }
    let extracted = PageExtractor().extract(bytes: Array(page.utf8), file: "v1.0/api/routes.md")
    let catalog = MockCatalog(docs: DocSet(pages: [extracted]))
    // A fixture that stopped pairing would leave the fuzzer routing against nothing.
    precondition(catalog.entries.count == requests.count, "the fuzz catalog has \(catalog.entries.count) examples")
    return catalog
}()

func fuzzRoute(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let line = String(decoding: fuzzBytes(data, size), as: UTF8.self)
    let parts = line.split(separator: " ", maxSplits: 1)
    let method = parts.count == 2 ? String(parts[0]) : "GET"
    let target = String(parts.last ?? "")
    let query = target.firstIndex(of: "?")
    let path = query.map { String(target[..<$0]) } ?? target
    _ = catalog.route(
        method: method, path: path, query: query.map { String(target[target.index(after: $0)...]) },
        preferredExample: nil, body: nil)
    return 0
}

runFuzzer { data, size in fuzzRoute(data, size) }
