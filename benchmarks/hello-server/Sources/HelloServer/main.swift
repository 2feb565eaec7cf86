import Hummingbird

// Answers every GET with a fixed JSON body of about the size of a documented example.
let body = "{\"id\":\"6f1c2a3b-0d4e-4f5a-8b9c-1d2e3f4a5b6c\",\"displayName\":\"Atrium air sensor 3\",\"status\":\"active\"}"
let router = Router()
router.get("**") { _, _ -> Response in
    var headers = HTTPFields()
    headers[.contentType] = "application/json"
    return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
}
let port = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 4012
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
try await app.runService()
