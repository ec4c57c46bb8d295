package nl.ketenpoort.adapters.transport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import nl.ketenpoort.adapters.AdapterKind;
import nl.ketenpoort.adapters.AdapterSettings;
import nl.ketenpoort.adapters.CanonicalExamples;
import nl.ketenpoort.adapters.Delivery;
import nl.ketenpoort.adapters.DeliveryOutcome;
import nl.ketenpoort.adapters.DeliveryOutcome.Delivered;
import nl.ketenpoort.adapters.DeliveryOutcome.FailureKind;
import nl.ketenpoort.adapters.DeliveryOutcome.PermanentFailure;
import nl.ketenpoort.adapters.DeliveryOutcome.RetryableFailure;
import nl.ketenpoort.adapters.NativeMapping;
import nl.ketenpoort.adapters.raak.RaakMapping;
import nl.ketenpoort.adapters.taalschool.OpstartklasMapping;
import nl.ketenpoort.adapters.taalschool.TaalschoolMapping;
import nl.ketenpoort.adapters.vvs.VvsMapping;
import nl.ketenpoort.schemas.DocumentType;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

class RestJsonAdapterIntegrationTests {

	static final String CONSENT = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJwc2V1ZG9ueW0ifQ.c2lnbmF0dXJl";

	static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	static WireMockServer partner;

	static CamelContext camel;

	static ProducerTemplate template;

	@BeforeAll
	static void start() {
		partner = new WireMockServer(options().dynamicPort());
		partner.start();
		camel = new DefaultCamelContext();
		camel.start();
		template = camel.createProducerTemplate();
	}

	@AfterAll
	static void stop() {
		template.stop();
		camel.stop();
		partner.stop();
	}

	@BeforeEach
	void reset() {
		partner.resetAll();
	}

	static Stream<Arguments> partners() {
		return Stream.of(
				Arguments.of("raak", new RaakMapping(), DocumentType.of("client-profile"),
						"$.klantprofiel.vreemdelingennummer", "berichtId"),
				Arguments.of("vvs", new VvsMapping(), DocumentType.of("trajectory-plan"),
						"$[?(@.dossierType == 'trajectplan')]", "dossierId"),
				Arguments.of("taalschool-a", new TaalschoolMapping(), DocumentType.of("opstartklas-report"),
						"$.eindrapportage.cursist.vNummer", "ontvangstId"),
				Arguments.of("opstartklas", new OpstartklasMapping(), DocumentType.of("nt2-learner-profile"),
						"$.leerprofiel.cursist.vNummer", "ontvangstId"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("partners")
	void postsTheNativeDocumentWithItsHeaders(String partnerId, NativeMapping mapping, DocumentType type,
			String nativeMarker, String receiptProperty) {
		// given
		partner.stubFor(post(urlEqualTo("/" + partnerId + "/berichten")).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withHeader("traceresponse", "00-4bf92f3577b34da6a3ce929d0e0e4736-1111111111111111-01")
			.withBody("{\"" + receiptProperty + "\":\"R-77\"}")));
		JsonNode canonical = CanonicalExamples.first(type).document();
		RestJsonAdapter adapter = adapter(partnerId, mapping, Duration.ofSeconds(5));
		// when
		DeliveryOutcome outcome = adapter.deliver(delivery(type, canonical, "/" + partnerId + "/berichten"));
		// then
		assertThat(outcome)
			.isEqualTo(new Delivered(201, "R-77", "00-4bf92f3577b34da6a3ce929d0e0e4736-1111111111111111-01"));
		String expectedBody = CanonicalExamples.MAPPER.writeValueAsString(mapping.toNative(type, canonical));
		partner.verify(1,
				postRequestedFor(urlEqualTo("/" + partnerId + "/berichten"))
					.withHeader("Content-Type", equalTo("application/json"))
					.withHeader("Idempotency-Key", equalTo("ex-1"))
					.withHeader("Ketenpoort-Consent", equalTo(CONSENT))
					.withHeader("traceparent", equalTo(TRACEPARENT))
					.withRequestBody(equalToJson(expectedBody))
					.withRequestBody(matchingJsonPath(nativeMarker)));
		LoggedRequest request = partner.findAll(postRequestedFor(urlEqualTo("/" + partnerId + "/berichten"))).get(0);
		assertThat(request.getHeaders().keys()).noneMatch((name) -> name.toLowerCase().startsWith("camel"));
	}

	@Test
	void serverErrorIsRetryable() {
		partner.stubFor(post(urlEqualTo("/raak/berichten"))
			.willReturn(aResponse().withStatus(503).withHeader("Retry-After", "7")));
		DeliveryOutcome outcome = raak(Duration.ofSeconds(5)).deliver(clientProfileTo("/raak/berichten"));
		assertThat(outcome).isEqualTo(new RetryableFailure(FailureKind.SERVER_ERROR, 503, Duration.ofSeconds(7)));
		assertThat(outcome.delivered()).isFalse();
	}

	@Test
	void throttlingIsRetryable() {
		partner.stubFor(post(urlEqualTo("/raak/berichten")).willReturn(aResponse().withStatus(429)));
		assertThat(raak(Duration.ofSeconds(5)).deliver(clientProfileTo("/raak/berichten")))
			.isEqualTo(new RetryableFailure(FailureKind.THROTTLED, 429, null));
	}

	@Test
	void clientErrorIsPermanentWithThePartnersStatus() {
		partner.stubFor(post(urlEqualTo("/raak/berichten"))
			.willReturn(aResponse().withStatus(422).withBody("{\"fout\":\"onbekend veld\"}")));
		assertThat(raak(Duration.ofSeconds(5)).deliver(clientProfileTo("/raak/berichten")))
			.isEqualTo(new PermanentFailure(FailureKind.CLIENT_ERROR, 422));
	}

	@Test
	void timeoutIsRetryable() {
		partner
			.stubFor(post(urlEqualTo("/raak/berichten")).willReturn(aResponse().withStatus(201).withFixedDelay(1_500)));
		assertThat(raak(Duration.ofMillis(300)).deliver(clientProfileTo("/raak/berichten")))
			.isEqualTo(new RetryableFailure(FailureKind.TIMEOUT, null, null));
	}

	@Test
	void connectionRefusedIsRetryable() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		Delivery delivery = delivery(DocumentType.of("client-profile"),
				CanonicalExamples.first(DocumentType.of("client-profile")).document(),
				URI.create("http://127.0.0.1:" + closedPort + "/raak/berichten"));
		assertThat(raak(Duration.ofSeconds(5)).deliver(delivery))
			.isEqualTo(new RetryableFailure(FailureKind.CONNECTION_REFUSED, null, null));
	}

	@Test
	void aTypeThePartnerDoesNotReceiveIsPermanentAndNeverSent() {
		Delivery delivery = delivery(DocumentType.of("trajectory-plan"),
				CanonicalExamples.first(DocumentType.of("trajectory-plan")).document(), "/raak/berichten");
		assertThat(raak(Duration.ofSeconds(5)).deliver(delivery))
			.isEqualTo(new PermanentFailure(FailureKind.NOT_MAPPABLE, null));
		assertThat(partner.getAllServeEvents()).isEmpty();
	}

	@Test
	void aFileTargetIsPermanentAndNeverSent() {
		Delivery delivery = delivery(DocumentType.of("client-profile"),
				CanonicalExamples.first(DocumentType.of("client-profile")).document(), URI.create("file:///tmp/raak"));
		assertThat(raak(Duration.ofSeconds(5)).deliver(delivery))
			.isEqualTo(new PermanentFailure(FailureKind.INVALID_TARGET, null));
	}

	@Test
	void isARestJsonAdapter() {
		assertThat(raak(Duration.ofSeconds(1)).kind()).isEqualTo(AdapterKind.REST_JSON);
		assertThat(raak(Duration.ofSeconds(1)).receives()).containsExactly(DocumentType.of("client-profile"));
	}

	private static RestJsonAdapter raak(Duration responseTimeout) {
		return adapter("raak", new RaakMapping(), responseTimeout);
	}

	private static RestJsonAdapter adapter(String partnerId, NativeMapping mapping, Duration responseTimeout) {
		return new RestJsonAdapter(partnerId, mapping, template,
				new AdapterSettings.Http(Duration.ofSeconds(2), responseTimeout));
	}

	private static Delivery clientProfileTo(String path) {
		return delivery(DocumentType.of("client-profile"),
				CanonicalExamples.first(DocumentType.of("client-profile")).document(), path);
	}

	private static Delivery delivery(DocumentType type, JsonNode document, String path) {
		return delivery(type, document, URI.create(partner.baseUrl() + path));
	}

	private static Delivery delivery(DocumentType type, JsonNode document, URI target) {
		return new Delivery("ex-1", "ex-1", type, document, CONSENT, TRACEPARENT, target);
	}

}
