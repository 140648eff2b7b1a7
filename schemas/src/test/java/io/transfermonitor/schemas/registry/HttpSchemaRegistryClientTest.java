package io.transfermonitor.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.transfermonitor.schemas.registry.FakeRegistryServer.Dialect;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpSchemaRegistryClientTest {

  private static final String SUBJECT = "tm.events.tanker-deliveries-value";

  private static final Schema V1 =
      schema(
          "{\"type\":\"record\",\"name\":\"Delivery\",\"namespace\":\"t\",\"fields\":["
              + "{\"name\":\"id\",\"type\":\"string\"}]}");
  private static final Schema V2_WITH_DEFAULT =
      schema(
          "{\"type\":\"record\",\"name\":\"Delivery\",\"namespace\":\"t\",\"fields\":["
              + "{\"name\":\"id\",\"type\":\"string\"},"
              + "{\"name\":\"barrels\",\"type\":\"double\",\"default\":0.0}]}");
  private static final Schema ID_BECOMES_INT =
      schema(
          "{\"type\":\"record\",\"name\":\"Delivery\",\"namespace\":\"t\",\"fields\":["
              + "{\"name\":\"id\",\"type\":\"int\"}]}");

  private FakeRegistryServer server;

  @BeforeEach
  void startConfluentDialect() throws IOException {
    server = FakeRegistryServer.start(Dialect.CONFLUENT);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private HttpSchemaRegistryClient client() {
    return new HttpSchemaRegistryClient(fastRetries(RegistryEndpoint.of(server.url())));
  }

  private static RegistryEndpoint fastRetries(RegistryEndpoint endpoint) {
    return endpoint.withRetries(3, Duration.ofMillis(5), Duration.ofMillis(20));
  }

  @Test
  void shouldReturnTheSameIdWhenTheSameSchemaIsRegisteredAgain() {
    int first = client().register(SUBJECT, V1);

    // a fresh client has no cache: the registry itself must answer the same id
    int again = client().register(SUBJECT, V1);
    int underAnotherSubject = client().register("tm.alerts-value", V1);

    assertThat(again).isEqualTo(first);
    assertThat(underAnotherSubject).isEqualTo(first);
  }

  @Test
  void shouldLookUpGetByIdAndGetLatestVersion() {
    HttpSchemaRegistryClient writer = client();
    int v1 = writer.register(SUBJECT, V1);
    int v2 = writer.register(SUBJECT, V2_WITH_DEFAULT);

    HttpSchemaRegistryClient reader = client();
    RegisteredSchema latest = reader.latest(SUBJECT);

    assertThat(v2).isNotEqualTo(v1);
    assertThat(reader.idOf(SUBJECT, V1)).isEqualTo(v1);
    assertThat(reader.schemaById(v1)).isEqualTo(V1);
    assertThat(reader.schemaById(v2)).isEqualTo(V2_WITH_DEFAULT);
    assertThat(latest).isEqualTo(new RegisteredSchema(SUBJECT, 2, v2, V2_WITH_DEFAULT));
    assertThat(reader.subjects()).containsExactly(SUBJECT);
  }

  @Test
  void shouldAskTheRegistryOnlyOncePerIdAndPerSubjectAndSchema() {
    int id = client().register(SUBJECT, V1);
    HttpSchemaRegistryClient client = client();

    client.schemaById(id);
    client.schemaById(id);
    client.idOf(SUBJECT, V1);
    client.idOf(SUBJECT, V1);
    client.register(SUBJECT, V1);

    assertThat(server.countExactly("GET", "/schemas/ids/" + id)).isEqualTo(1);
    assertThat(server.countExactly("POST", "/subjects/" + SUBJECT)).isEqualTo(1);
    // the second client's register is answered from what its look-up learnt
    assertThat(server.countExactly("POST", "/subjects/" + SUBJECT + "/versions")).isEqualTo(1);
  }

  @Test
  void shouldSendTheRegistryMediaTypeAndEncodeSubjectNames() {
    String awkward = "shipments of 50% / ü+more-value";

    int id = client().register(awkward, V1);

    FakeRegistryServer.Seen request = server.seen().get(0);
    assertThat(request.rawPath())
        .isEqualTo("/subjects/shipments%20of%2050%25%20%2F%20%C3%BC%2Bmore-value/versions");
    assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
    assertThat(client().latest(awkward).id()).isEqualTo(id);
    assertThat(client().subjects()).containsExactly(awkward);
  }

  @Test
  void shouldNameSubjectUrlAndStatusWhenTheSubjectDoesNotExist() {
    SchemaRegistryException e =
        catchThrowableOfType(SchemaRegistryException.class, () -> client().latest("no-such-value"));

    assertThat(e.isNotFound()).isTrue();
    assertThat(e.httpStatus()).isEqualTo(404);
    assertThat(e.errorCode()).isEqualTo(40401);
    assertThat(e.getMessage())
        .contains("'no-such-value'")
        .contains(server.url() + "/subjects/no-such-value/versions/latest")
        .contains("HTTP 404")
        .contains("error_code 40401")
        .contains("Subject 'no-such-value' not found.");
    assertThat(server.countSeen("GET", "/subjects/no-such-value")).isEqualTo(1); // not retried
  }

  @Test
  void shouldNameIdUrlAndStatusWhenTheSchemaIdIsUnknown() {
    SchemaRegistryException e =
        catchThrowableOfType(SchemaRegistryException.class, () -> client().schemaById(4242));

    assertThat(e.isNotFound()).isTrue();
    assertThat(e.errorCode()).isEqualTo(40403);
    assertThat(e.getMessage())
        .contains("schema id 4242")
        .contains(server.url() + "/schemas/ids/4242")
        .contains("HTTP 404");
  }

  @Test
  void shouldReportASchemaNotRegisteredUnderAnExistingSubjectAsNotFound() {
    client().register(SUBJECT, V1);

    SchemaRegistryException e =
        catchThrowableOfType(
            SchemaRegistryException.class, () -> client().idOf(SUBJECT, V2_WITH_DEFAULT));

    assertThat(e.isNotFound()).isTrue();
    assertThat(e.errorCode()).isEqualTo(40403);
    assertThat(e.getMessage()).contains("'" + SUBJECT + "'").contains("HTTP 404");
  }

  @Test
  void shouldRefuseAnIncompatibleSchemaWithA409NamingTheSubject() {
    HttpSchemaRegistryClient client = client();
    client.register(SUBJECT, V1);

    SchemaRegistryException e =
        catchThrowableOfType(
            SchemaRegistryException.class, () -> client.register(SUBJECT, ID_BECOMES_INT));

    assertThat(client.isCompatible(SUBJECT, ID_BECOMES_INT)).isFalse();
    assertThat(client.isCompatible(SUBJECT, V2_WITH_DEFAULT)).isTrue();
    assertThat(e.isIncompatible()).isTrue();
    assertThat(e.errorCode()).isEqualTo(409);
    assertThat(e.getMessage())
        .contains("'" + SUBJECT + "'")
        .contains(server.url() + "/subjects/" + SUBJECT + "/versions")
        .contains("HTTP 409")
        .contains("incompatible");
    assertThat(client.latest(SUBJECT).schema()).isEqualTo(V1);
  }

  @Test
  void shouldTreatAnUnknownSubjectAsCompatibleWithAnything() {
    assertThat(client().isCompatible("fresh-value", ID_BECOMES_INT)).isTrue();
  }

  @Test
  void shouldRefuseAnInvalidSchemaWithA422() {
    Schema badDefault =
        new Schema.Parser()
            .setValidateDefaults(false)
            .parse(
                "{\"type\":\"record\",\"name\":\"Bad\",\"fields\":["
                    + "{\"name\":\"n\",\"type\":\"int\",\"default\":\"ten\"}]}");

    SchemaRegistryException e =
        catchThrowableOfType(
            SchemaRegistryException.class, () -> client().register(SUBJECT, badDefault));

    assertThat(e.isInvalid()).isTrue();
    assertThat(e.errorCode()).isEqualTo(42201);
    assertThat(e.getMessage()).contains("'" + SUBJECT + "'").contains("HTTP 422");
    assertThat(server.countSeen("POST", "/subjects/")).isEqualTo(1); // 4xx is not retried
  }

  @Test
  void shouldReadAndSetGlobalAndSubjectCompatibility() {
    HttpSchemaRegistryClient client = client();
    assertThat(client.compatibility(null)).isEqualTo("BACKWARD");

    client.setCompatibility(SUBJECT, "FULL");
    client.setCompatibility(null, "FORWARD");

    assertThat(client.compatibility(SUBJECT)).isEqualTo("FULL");
    assertThat(client.compatibility("other-value")).isEqualTo("FORWARD");
    assertThat(client.compatibility(null)).isEqualTo("FORWARD");
  }

  @Test
  void shouldApplyASubjectLevelOfNoneToRegistration() {
    HttpSchemaRegistryClient client = client();
    client.register(SUBJECT, V1);
    client.setCompatibility(SUBJECT, "NONE");

    int id = client.register(SUBJECT, ID_BECOMES_INT);

    assertThat(client.latest(SUBJECT))
        .isEqualTo(new RegisteredSchema(SUBJECT, 2, id, ID_BECOMES_INT));
  }

  @Test
  void shouldRefuseAnUnknownCompatibilityLevelWithA422() {
    assertThatThrownBy(() -> client().setCompatibility(null, "SOMETIMES"))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class,
            e -> {
              assertThat(e.isInvalid()).isTrue();
              assertThat(e.errorCode()).isEqualTo(42203);
            })
        .hasMessageContaining(server.url() + "/config")
        .hasMessageContaining("HTTP 422")
        .hasMessageContaining("SOMETIMES");
  }

  @Test
  void shouldRetryUnavailableAndThrottledAnswersThenSucceed() {
    server.failNext(1, 503);
    server.failNext(1, 429);

    int id = client().register(SUBJECT, V1);

    assertThat(client().schemaById(id)).isEqualTo(V1);
    assertThat(server.countSeen("POST", "/subjects/" + SUBJECT + "/versions")).isEqualTo(3);
  }

  @Test
  void shouldGiveUpAfterTheLastAttemptNamingTheStatus() {
    server.failNext(10, 503);

    SchemaRegistryException e =
        catchThrowableOfType(SchemaRegistryException.class, () -> client().register(SUBJECT, V1));

    assertThat(e.httpStatus()).isEqualTo(503);
    assertThat(e.getMessage())
        .contains("'" + SUBJECT + "'")
        .contains(server.url())
        .contains("HTTP 503")
        .contains("after 3 attempts");
    assertThat(server.seen()).hasSize(3);
  }

  @Test
  void shouldRideOutARegistryRestartOfAboutTheRetryWindow() {
    int id = client().register(SUBJECT, V1);
    // pauses of 10, 20, then 40 ms: nine of them add up to the 300 ms window, ten attempts
    RegistryEndpoint patient =
        RegistryEndpoint.of(server.url())
            .withRetries(1, Duration.ofMillis(10), Duration.ofMillis(40))
            .withRetriesFor(Duration.ofMillis(300));
    server.failNext(8, 503);

    Schema schema = new HttpSchemaRegistryClient(patient).schemaById(id);

    assertThat(patient.maxAttempts()).isEqualTo(10);
    assertThat(schema).isEqualTo(V1);
    assertThat(server.countSeen("GET", "/schemas/ids/" + id)).isEqualTo(9);
  }

  @Test
  void shouldQuoteAnAnswerThatIsNotJsonSuchAsAProxysErrorPage() {
    server.failNext(3, 502, "<html><body><h1>502 Bad Gateway</h1></body></html>");

    SchemaRegistryException e =
        catchThrowableOfType(SchemaRegistryException.class, () -> client().schemaById(5));

    assertThat(e.httpStatus()).isEqualTo(502);
    assertThat(e.errorCode()).isZero();
    assertThat(e.getMessage())
        .contains("schema id 5")
        .contains("HTTP 502 (error_code 0) after 3 attempts")
        .contains("<h1>502 Bad Gateway</h1>");
  }

  @Test
  void shouldRetryAndThenReportARegistryThatIsNotListening() throws IOException {
    String nobodyHome;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      nobodyHome = "http://127.0.0.1:" + socket.getLocalPort();
    }
    HttpSchemaRegistryClient client =
        new HttpSchemaRegistryClient(fastRetries(RegistryEndpoint.of(nobodyHome)));

    SchemaRegistryException e =
        catchThrowableOfType(SchemaRegistryException.class, () -> client.latest(SUBJECT));

    assertThat(e.httpStatus()).isZero();
    assertThat(e.getMessage())
        .contains("'" + SUBJECT + "'")
        .contains(nobodyHome + "/subjects/")
        .contains("no answer")
        .contains("after 3 attempt(s)");
  }

  @Test
  void shouldSendBasicAuthFromTheSettingOrTheUrlAndNeverShowThePassword() {
    server.requireBasicAuth("alice:s3cret");
    String withCredentials = server.url().replace("http://", "http://alice:s3cret@");

    int id =
        new HttpSchemaRegistryClient(RegistryEndpoint.of(server.url(), "alice:s3cret"))
            .register(SUBJECT, V1);
    Schema viaUrl = new HttpSchemaRegistryClient(withCredentials).schemaById(id);
    SchemaRegistryException refused =
        catchThrowableOfType(SchemaRegistryException.class, () -> client().latest(SUBJECT));

    assertThat(viaUrl).isEqualTo(V1);
    assertThat(refused.httpStatus()).isEqualTo(401);
    assertThat(server.seen()).filteredOn(s -> s.authorization() == null).hasSize(1);
    assertThat(RegistryEndpoint.of(withCredentials).toString())
        .contains("alice")
        .doesNotContain("s3cret");
    assertThat(RegistryEndpoint.of(withCredentials).baseUrl()).isEqualTo(server.url());
  }

  @Test
  void shouldSendABearerTokenAndSayWhatToSetWhenCredentialsAreMissing() {
    server.requireBearerToken("t0ken-xyz");
    RegistryEndpoint withToken =
        RegistryEndpoint.from(
            server.url(), Map.of(RegistryEndpoint.BEARER_AUTH_TOKEN, "t0ken-xyz"));

    int id = new HttpSchemaRegistryClient(withToken).register(SUBJECT, V1);
    SchemaRegistryException refused =
        catchThrowableOfType(SchemaRegistryException.class, () -> client().schemaById(id + 1));

    assertThat(id).isPositive();
    assertThat(refused.httpStatus()).isEqualTo(401);
    assertThat(refused.getMessage()).contains("set basic.auth.user.info or bearer.auth.token");
    assertThat(withToken.toString()).contains("bearer token").doesNotContain("t0ken-xyz");
  }

  @Test
  void shouldRefuseBasicAuthAndABearerTokenTogether() {
    Map<String, String> both =
        Map.of(
            RegistryEndpoint.BASIC_AUTH_USER_INFO, "alice:s3cret",
            RegistryEndpoint.BEARER_AUTH_TOKEN, "t0ken-xyz");

    assertThatThrownBy(() -> RegistryEndpoint.from(server.url(), both))
        .hasMessageContaining("not both")
        .hasMessageNotContaining("s3cret")
        .hasMessageNotContaining("t0ken-xyz");
  }

  @Test
  void shouldShareOneClientPerUrl() {
    SchemaRegistryClient first = SchemaRegistryClients.forUrl(server.url());

    assertThat(first).isInstanceOf(HttpSchemaRegistryClient.class);
    assertThat(SchemaRegistryClients.forUrl(server.url() + "/")).isSameAs(first);
    assertThat(SchemaRegistryClients.forUrl("mock://http-client-test"))
        .isSameAs(InMemorySchemaRegistry.scope("http-client-test"));
    InMemorySchemaRegistry.dropScope("http-client-test");
  }

  @Test
  void shouldRejectAUrlThatIsNotHttp() {
    assertThatThrownBy(() -> SchemaRegistryClients.forUrl("ftp://registry:8081"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ftp://registry:8081");
  }

  private static Schema schema(String json) {
    return new Schema.Parser().parse(json);
  }
}
