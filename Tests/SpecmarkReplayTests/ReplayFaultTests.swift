import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTLS
import Logging
import NIOSSL
import SpecmarkContract
import SwiftASN1
import Testing
import X509

@testable import SpecmarkReplay

/// The service misbehaves in ways a network does: every example still ends with exactly one outcome, the run
/// completes in bounded time, and the message says what happened to which host.
@Suite struct ReplayFaultTests {
    static let quiet = Logger(label: "replay-fault") { _ in SwiftLogNoOpLogHandler() }

    static func replay(_ names: [String], base: String, timeout: Duration = .seconds(2)) async -> ReplayResult {
        let docs = ReplayFixtures.docSet([
            ("v1.0/api/widget-get.md", ReplayFixtures.widgetPage(names)),
            ("v1.0/resources/widget.md", ReplayFixtures.widgetResource),
        ])
        let options = ReplayOptions(
            baseURLs: ["v1.0": base], timeout: timeout, maximumRetryWait: .milliseconds(20))
        guard let plan = try? ReplayPlan(docs: docs, options: options) else { return ReplayResult(cases: []) }
        return await ReplayEngine(docs: docs, options: options, logger: quiet).run(plan)
    }

    @Test func aRedirectLoopIsComparedAsTheRedirectItIs() async throws {
        let router = Router()
        router.get("/v1.0/widgets/get_loop") { _, _ in
            Response(status: .found, headers: [.location: "/v1.0/widgets/get_loop"])
        }
        let result = try await withTestServer(router) { port in
            // Not a timing test: room for sanitizer builds under load.
            await Self.replay(["get_loop"], base: "http://127.0.0.1:\(port)/v1.0", timeout: .seconds(15))
        }
        #expect(result.summary == "1 example: 0 passed, 1 failed, 0 skipped, 0 errors")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.ruleID == "replay-status-mismatch")
        #expect(diagnostic.message.contains("answered 302"))
        #expect(diagnostic.message.contains("Location: /v1.0/widgets/get_loop"))
    }

    @Test func anUntrustedCertificateIsAClearErrorNamingTheHost() async throws {
        let router = Router()
        router.get("/v1.0/widgets/get_tls") { _, _ in ReplayFixtures.json(ReplayFixtures.widgetBody) }
        let tls = try Self.selfSignedTLS()
        let result = try await withTestServer(router, server: try .tls(.http1(), tlsConfiguration: tls)) { port in
            await Self.replay(["get_tls"], base: "https://127.0.0.1:\(port)/v1.0")
        }
        #expect(result.summary == "1 example: 0 passed, 0 failed, 0 skipped, 1 error")
        let reason = result.cases.first?.reason ?? ""
        #expect(reason.hasPrefix("the TLS certificate of 127.0.0.1 is not trusted"), "\(reason)")
        #expect(result.diagnostics.map(\.ruleID) == ["replay-request-failed"])
    }

    /// A name whose first label is longer than DNS allows (63 bytes) fails inside the resolver without a packet
    /// sent, so the test needs no network and takes no time (a query for an ordinary `.invalid` name went to
    /// the configured server and, when it was slow, stalled every other test for a minute).
    static let unresolvableHost = "specmark-" + String(repeating: "x", count: 60) + ".invalid"

    @Test func anUnresolvableHostIsAClearError() async throws {
        let result = await Self.replay(["get_dns"], base: "http://\(Self.unresolvableHost)/v1.0")
        #expect(result.summary == "1 example: 0 passed, 0 failed, 0 skipped, 1 error")
        let reason = result.cases.first?.reason ?? ""
        #expect(reason.contains(Self.unresolvableHost), "\(reason)")
        #expect(reason.contains("could not be resolved") || reason.contains("timed out"), "\(reason)")
    }

    @Test func aRefusedConnectionIsRetriedThenAnError() async throws {
        // A port nothing listens on: bind one, note it, close it.
        let router = Router()
        let port = try await withTestServer(router) { port in port }
        let started = ContinuousClock.now
        let result = await Self.replay(["get_refused"], base: "http://127.0.0.1:\(port)/v1.0")
        #expect(ContinuousClock.now - started < .seconds(10))
        #expect(result.cases.first?.outcome == .error)
        // A GET is sent again after a refused connection, and the count says so (it was 0 when none connected).
        #expect(result.cases.first?.reason == "127.0.0.1 refused the connection (3 attempts)")
        #expect(result.cases.first?.attempts == 3)
    }

    /// A certificate for 127.0.0.1 signed by nobody a client trusts.
    static func selfSignedTLS() throws -> TLSConfiguration {
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName { CommonName("127.0.0.1") }
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(key.publicKey),
            notValidBefore: Date().addingTimeInterval(-60), notValidAfter: Date().addingTimeInterval(3600),
            issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                SubjectAlternativeNames([.ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1]))])
            },
            issuerPrivateKey: .init(key))
        let certificatePEM = try certificate.serializeAsPEM().pemString
        return TLSConfiguration.makeServerConfiguration(
            certificateChain: [.certificate(try NIOSSLCertificate(bytes: Array(certificatePEM.utf8), format: .pem))],
            privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(key.pemRepresentation.utf8), format: .pem)))
    }
}
