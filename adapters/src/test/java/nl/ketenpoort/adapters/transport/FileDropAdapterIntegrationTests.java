package nl.ketenpoort.adapters.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import nl.ketenpoort.adapters.CanonicalExamples;
import nl.ketenpoort.adapters.Delivery;
import nl.ketenpoort.adapters.DeliveryOutcome;
import nl.ketenpoort.adapters.DeliveryOutcome.Delivered;
import nl.ketenpoort.adapters.DeliveryOutcome.FailureKind;
import nl.ketenpoort.adapters.DeliveryOutcome.PermanentFailure;
import nl.ketenpoort.adapters.DeliveryOutcome.RetryableFailure;
import nl.ketenpoort.adapters.DeliveryInvalid;
import nl.ketenpoort.adapters.taalschool.TaalschoolMapping;
import nl.ketenpoort.schemas.DocumentType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FileDropAdapterIntegrationTests {

	private final TaalschoolMapping mapping = new TaalschoolMapping(TaalschoolMapping.TAALSCHOOL_B);

	private final FileDropAdapter adapter = new FileDropAdapter(TaalschoolMapping.TAALSCHOOL_B, this.mapping);

	@TempDir
	Path outgoing;

	@Test
	void writesExactlyOneCompleteFile() throws IOException {
		// given
		JsonNode canonical = CanonicalExamples.first(DocumentType.of("opstartklas-report")).document();
		// when
		DeliveryOutcome outcome = this.adapter
			.deliver(delivery("ex-42", DocumentType.of("opstartklas-report"), canonical));
		// then
		assertThat(outcome).isEqualTo(new Delivered(null, "ex-42.json", null));
		assertThat(files(this.outgoing)).containsExactly("ex-42.json");
		JsonNode written = CanonicalExamples.MAPPER.readTree(this.outgoing.resolve("ex-42.json").toFile());
		assertThat(written.get("exchangeId").asString()).isEqualTo("ex-42");
		assertThat(written.get("idempotencyKey").asString()).isEqualTo("ex-42");
		assertThat(written.get("consentStatement").asString()).isEqualTo(RestJsonAdapterIntegrationTests.CONSENT);
		assertThat(written.get("traceparent").asString()).isEqualTo(RestJsonAdapterIntegrationTests.TRACEPARENT);
		assertThat(written.get("document"))
			.isEqualTo(this.mapping.toNative(DocumentType.of("opstartklas-report"), canonical));
	}

	@Test
	void aRepeatedDeliveryLeavesOneFile() throws IOException {
		JsonNode canonical = CanonicalExamples.first(DocumentType.of("nt2-learner-profile")).document();
		this.adapter.deliver(delivery("ex-7", DocumentType.of("nt2-learner-profile"), canonical));
		byte[] first = Files.readAllBytes(this.outgoing.resolve("ex-7.json"));
		assertThat(
				this.adapter.deliver(delivery("ex-7", DocumentType.of("nt2-learner-profile"), canonical)).delivered())
			.isTrue();
		assertThat(files(this.outgoing)).containsExactly("ex-7.json");
		assertThat(Files.readAllBytes(this.outgoing.resolve("ex-7.json"))).isEqualTo(first);
	}

	@Test
	void aMissingDirectoryIsRetryable() {
		Delivery delivery = new Delivery("ex-1", "ex-1", DocumentType.of("nt2-learner-profile"),
				CanonicalExamples.first(DocumentType.of("nt2-learner-profile")).document(),
				RestJsonAdapterIntegrationTests.CONSENT, null, this.outgoing.resolve("niet-gekoppeld").toUri());
		assertThat(this.adapter.deliver(delivery)).isEqualTo(new RetryableFailure(FailureKind.IO_ERROR, null, null));
	}

	@Test
	void aTypeTheProviderDoesNotReceiveIsPermanent() throws IOException {
		assertThat(this.adapter.deliver(delivery("ex-1", DocumentType.of("trajectory-plan"),
				CanonicalExamples.first(DocumentType.of("trajectory-plan")).document())))
			.isEqualTo(new PermanentFailure(FailureKind.NOT_MAPPABLE, null));
		assertThat(files(this.outgoing)).isEmpty();
	}

	@Test
	void anExchangeIdCannotNameAPathOutsideTheDirectory() {
		assertThatExceptionOfType(DeliveryInvalid.class)
			.isThrownBy(() -> delivery("../../etc/cron.d/x", DocumentType.of("nt2-learner-profile"),
					CanonicalExamples.first(DocumentType.of("nt2-learner-profile")).document()))
			.withMessageNotContaining("cron");
	}

	private Delivery delivery(String exchangeId, DocumentType type, JsonNode document) {
		return new Delivery(exchangeId, exchangeId, type, document, RestJsonAdapterIntegrationTests.CONSENT,
				RestJsonAdapterIntegrationTests.TRACEPARENT, this.outgoing.toUri());
	}

	private static List<String> files(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

}
