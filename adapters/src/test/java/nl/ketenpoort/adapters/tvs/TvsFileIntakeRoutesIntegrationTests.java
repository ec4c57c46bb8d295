package nl.ketenpoort.adapters.tvs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import nl.ketenpoort.adapters.AdapterSettings;
import nl.ketenpoort.adapters.CanonicalExamples;
import nl.ketenpoort.adapters.CanonicalExamples.Example;
import nl.ketenpoort.adapters.InboundDocument;
import nl.ketenpoort.schemas.DocumentType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TvsFileIntakeRoutesIntegrationTests {

	private static final TvsExportFormat format = new TvsExportFormat(CanonicalExamples.schemas());

	@TempDir
	Path inbox;

	CamelContext camel;

	MockEndpoint gateway;

	@BeforeEach
	void start() throws Exception {
		this.camel = new DefaultCamelContext();
		AdapterSettings.TvsIntake settings = new AdapterSettings.TvsIntake(this.inbox, Duration.ofMillis(100),
				DataSize.ofKilobytes(256), null);
		this.camel.addRoutes(
				new TvsFileIntakeRoutes(format, MemoryIdempotentRepository.memoryIdempotentRepository(), settings));
		this.camel.addRoutes(new RouteBuilder() {
			@Override
			public void configure() {
				from(TvsFileIntakeRoutes.INTAKE_ENDPOINT).routeId("test-gateway-intake").to("mock:gateway");
			}
		});
		this.camel.start();
		this.gateway = this.camel.getEndpoint("mock:gateway", MockEndpoint.class);
	}

	@AfterEach
	void stop() {
		this.camel.stop();
	}

	@Test
	void handsADroppedExportOnOnceAndMovesItToDone() throws IOException {
		// given
		Example example = CanonicalExamples.first(DocumentType.of("client-profile"));
		NotifyBuilder taken = whenDone(1);
		// when
		drop("export-1.xml", format.write(example.type(), example.document()));
		// then
		assertThat(taken.matches(10, TimeUnit.SECONDS)).isTrue();
		assertThat(this.gateway.getReceivedExchanges()).hasSize(1);
		InboundDocument inbound = this.gateway.getReceivedExchanges()
			.get(0)
			.getMessage()
			.getBody(InboundDocument.class);
		assertThat(inbound.partner()).isEqualTo("tvs");
		assertThat(inbound.type()).isEqualTo(DocumentType.of("client-profile"));
		assertThat(inbound.document()).isEqualTo(example.document());
		assertThat(inbound.contentSha256()).hasSize(64);
		await().untilAsserted(() -> assertThat(files(this.inbox)).isEmpty());
		await().untilAsserted(() -> assertThat(files(this.inbox.resolve("done"))).singleElement()
			.asString()
			.endsWith("-export-1.xml"));
	}

	@Test
	void handsTheSameContentOnOnlyOnce() throws IOException {
		// given
		Example example = CanonicalExamples.first(DocumentType.of("nt2-learner-profile"));
		byte[] xml = format.write(example.type(), example.document());
		NotifyBuilder first = whenDone(1);
		drop("leerprofiel.xml", xml);
		assertThat(first.matches(10, TimeUnit.SECONDS)).isTrue();
		NotifyBuilder second = whenDone(1);
		// when: the same export again, under another name
		drop("leerprofiel-opnieuw.xml", xml);
		// then
		assertThat(second.matches(10, TimeUnit.SECONDS)).isTrue();
		assertThat(this.gateway.getReceivedExchanges()).hasSize(1);
		await().untilAsserted(() -> assertThat(files(this.inbox.resolve("done"))).hasSize(2));
		await().untilAsserted(() -> assertThat(files(this.inbox.resolve("error"))).isEmpty());
	}

	@Test
	void movesABrokenFileToError() throws IOException {
		// given
		NotifyBuilder failed = new NotifyBuilder(this.camel).fromRoute(TvsFileIntakeRoutes.ROUTE_ID)
			.whenFailed(1)
			.create();
		// when
		drop("kapot.xml", "<klantprofiel><vNummer>12".getBytes(StandardCharsets.UTF_8));
		// then
		assertThat(failed.matches(10, TimeUnit.SECONDS)).isTrue();
		assertThat(this.gateway.getReceivedExchanges()).isEmpty();
		await().untilAsserted(
				() -> assertThat(files(this.inbox.resolve("error"))).singleElement().asString().endsWith("-kapot.xml"));
		await().untilAsserted(() -> assertThat(files(this.inbox.resolve("done"))).isEmpty());
	}

	@Test
	void movesAnExternalEntityAttemptToError() throws IOException {
		NotifyBuilder failed = new NotifyBuilder(this.camel).fromRoute(TvsFileIntakeRoutes.ROUTE_ID)
			.whenFailed(1)
			.create();
		drop("xxe.xml", ("<?xml version=\"1.0\"?><!DOCTYPE k [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
				+ "<klantprofiel><vNummer>&x;</vNummer></klantprofiel>")
			.getBytes(StandardCharsets.UTF_8));
		assertThat(failed.matches(10, TimeUnit.SECONDS)).isTrue();
		assertThat(this.gateway.getReceivedExchanges()).isEmpty();
		await().untilAsserted(() -> assertThat(files(this.inbox.resolve("error"))).hasSize(1));
	}

	@Test
	void aFileTheGatewayRefusesGoesToErrorAndMayComeAgain() throws Exception {
		// given: the gateway's intake fails once
		this.gateway.whenExchangeReceived(1, (exchange) -> {
			throw new IOException("database unavailable");
		});
		Example example = CanonicalExamples.first(DocumentType.of("client-profile"));
		byte[] xml = format.write(example.type(), example.document());
		NotifyBuilder failed = new NotifyBuilder(this.camel).fromRoute(TvsFileIntakeRoutes.ROUTE_ID)
			.whenFailed(1)
			.create();
		drop("export.xml", xml);
		assertThat(failed.matches(10, TimeUnit.SECONDS)).isTrue();
		await().untilAsserted(() -> assertThat(files(this.inbox.resolve("error"))).hasSize(1));
		NotifyBuilder retried = whenDone(1);
		// when: an operator drops it again
		drop("export.xml", xml);
		// then: the failed attempt was not remembered as taken in
		assertThat(retried.matches(10, TimeUnit.SECONDS)).isTrue();
		assertThat(this.gateway.getReceivedExchanges()).hasSize(2);
		await().untilAsserted(() -> assertThat(files(this.inbox.resolve("done"))).hasSize(1));
	}

	// NotifyBuilder tells when Camel is done with a file; moving it to done/ or error/ is
	// the consumer's last step and may finish a moment later, hence await() for files.
	private NotifyBuilder whenDone(int count) {
		return new NotifyBuilder(this.camel).fromRoute(TvsFileIntakeRoutes.ROUTE_ID).whenCompleted(count).create();
	}

	// Written under a name the route ignores, then renamed: the route sees whole files
	// only.
	private void drop(String name, byte[] content) throws IOException {
		Path temporary = this.inbox.resolve("." + name + ".part");
		Files.write(temporary, content);
		Files.move(temporary, this.inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
	}

	private static List<String> files(Path directory) throws IOException {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter(Files::isRegularFile).map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

}
