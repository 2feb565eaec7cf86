import FuzzSupport
import SpecmarkContract
import SpecmarkMock

/// The mock's router: a request line's method, path and query, against a catalog whose templates have
/// placeholders inside segments, function calls, drive path addressing, key syntax and a dotted last segment.
let catalog: MockCatalog = {
    func page(_ declared: String, _ name: String, _ request: String) -> String {
        """
        ## HTTP request
        ```http
        \(declared)
        ```
        ## Examples
        <!-- { "blockType": "request", "name": "\(name)" } -->
        ```http
        \(request)
        ```
        <!-- { "blockType": "response" } -->
        ```http
        HTTP/1.1 200 OK
        Content-Type: application/json

        { "id": "1" }
        ```
        """
    }
    let pages = [
        page(
            "GET /users/{id | userPrincipalName}/extensions/{extensionId}", "get_extension",
            "GET https://graph.microsoft.com/v1.0/me/extensions/Com.Contoso.Referral"),
        page("GET /users/{id}/extensions", "list_extensions", "GET https://graph.microsoft.com/v1.0/me/extensions"),
        page(
            "GET /me/drive/items/{id}/workbook/worksheets/{id|name}/range(address='<address>')/resizedRange(deltaRows={n}, deltaColumns={n})",
            "resize",
            "GET https://graph.microsoft.com/v1.0/me/drive/items/1/workbook/worksheets('Sheet1')/range(address='A1')/resizedRange(deltaRows=1, deltaColumns=2)"
        ),
        page(
            "PUT /me/drive/items/{parent-id}:/{filename}:/content", "upload",
            "PUT https://graph.microsoft.com/v1.0/me/drive/root:/FolderA/FileB.txt:/content"),
        page(
            "GET /sites/{site-id}/lists/{list-id}/items/{item-id}/versions/{version-id}", "version",
            "GET https://graph.microsoft.com/v1.0/sites/{site-id}/lists/{list-id}/items/{item-id}/versions/{version-id}?$select=id"
        ),
    ]
    let extractor = PageExtractor()
    return MockCatalog(
        docs: DocSet(
            pages: pages.enumerated().map { index, text in
                extractor.extract(bytes: Array(text.utf8), file: "v1.0/api/page\(index).md")
            }))
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
