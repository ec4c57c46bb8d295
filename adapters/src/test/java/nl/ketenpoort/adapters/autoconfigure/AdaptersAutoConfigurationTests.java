package nl.ketenpoort.adapters.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import nl.ketenpoort.adapters.AdapterKind;
import nl.ketenpoort.adapters.AdapterSettings;
import nl.ketenpoort.adapters.CanonicalExamples;
import nl.ketenpoort.adapters.PartnerAdapter;
import nl.ketenpoort.adapters.PartnerAdapters;
import nl.ketenpoort.adapters.UnknownPartnerAdapter;
import nl.ketenpoort.adapters.tvs.TvsFileIntakeRoutes;
import nl.ketenpoort.schemas.DocumentType;
import nl.ketenpoort.schemas.registry.DocumentSchemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AdaptersAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AdaptersAutoConfiguration.class))
		.withBean(CamelContext.class, DefaultCamelContext::new)
		.withBean(DocumentSchemas.class, CanonicalExamples::schemas);

	@TempDir
	Path inbox;

	@Test
	void offersAnAdapterPerPartner() {
		this.runner.run((context) -> {
			PartnerAdapters adapters = context.getBean(PartnerAdapters.class);
			assertThat(adapters.all()).extracting(PartnerAdapter::partner)
				.containsExactly("opstartklas", "raak", "taalschool-a", "taalschool-b", "tvs", "vvs");
			assertThat(adapters.adapter("rest-json", "raak").kind()).isEqualTo(AdapterKind.REST_JSON);
			assertThat(adapters.adapter(AdapterKind.FILE_DROP, "taalschool-b").kind()).isEqualTo(AdapterKind.FILE_DROP);
			assertThatExceptionOfType(UnknownPartnerAdapter.class)
				.isThrownBy(() -> adapters.adapter(AdapterKind.FILE_DROP, "raak"));
			assertThat(context).hasSingleBean(IdempotentRepository.class).doesNotHaveBean(TvsFileIntakeRoutes.class);
		});
	}

	@Test
	void aPartnerOfAnExistingKindIsOneRegistryEntry() {
		// given the registry entries, as in partners.yaml, with one new language provider
		this.runner
			.withPropertyValues("ketenpoort.partners.systems.raak.adapter=raak",
					"ketenpoort.partners.systems.taalschool-b.adapter=taalschool",
					"ketenpoort.partners.systems.taalschool-b.transport=file-drop",
					"ketenpoort.partners.systems.taalschool-c.adapter=taalschool",
					"ketenpoort.partners.systems.taalschool-c.endpoint=https://taalschool-c.example/ketenpoort",
					"ketenpoort.partners.systems.portal-only.organisation=nobody")
			.run((context) -> {
				// when
				PartnerAdapters adapters = context.getBean(PartnerAdapters.class);
				// then: an adapter per entry with a format, in its transport
				assertThat(adapters.all()).extracting(PartnerAdapter::partner)
					.containsExactly("raak", "taalschool-b", "taalschool-c");
				PartnerAdapter added = adapters.adapter(AdapterKind.REST_JSON, "taalschool-c");
				assertThat(added.receives()).containsExactlyInAnyOrder(DocumentType.of("nt2-learner-profile"),
						DocumentType.of("opstartklas-report"));
				assertThat(adapters.adapter(AdapterKind.FILE_DROP, "taalschool-b").kind())
					.isEqualTo(AdapterKind.FILE_DROP);
			});
	}

	@Test
	void refusesAFormatNoAdapterSpeaks() {
		this.runner.withPropertyValues("ketenpoort.partners.systems.x.adapter=telex")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(UnknownPartnerAdapter.class)
				.hasMessageContaining("telex"));
	}

	@Test
	void bindsTheSettings() {
		this.runner
			.withPropertyValues("ketenpoort.adapters.http.connect-timeout=2s",
					"ketenpoort.adapters.http.response-timeout=10s",
					"ketenpoort.adapters.targets.raak=https://raak.example/ketenpoort/berichten",
					"ketenpoort.adapters.targets.taalschool-b=file:///var/ketenpoort/taalschool-b")
			.run((context) -> {
				AdapterSettings settings = context.getBean(AdapterSettings.class);
				assertThat(settings.http())
					.isEqualTo(new AdapterSettings.Http(Duration.ofSeconds(2), Duration.ofSeconds(10)));
				assertThat(settings.targets()).containsKeys("raak", "taalschool-b");
				assertThat(settings.tvsIntake().directory()).isNull();
				assertThat(settings.tvsIntake().pollInterval()).isEqualTo(Duration.ofSeconds(5));
			});
	}

	@Test
	void startsTheTvsIntakeOnlyWithADirectory() {
		this.runner.withPropertyValues("ketenpoort.adapters.tvs-intake.directory=" + this.inbox)
			.run((context) -> assertThat(context).hasSingleBean(TvsFileIntakeRoutes.class));
	}

	@Test
	void letsTheApplicationPersistTheIntakeKeys() {
		IdempotentRepository own = org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository
			.memoryIdempotentRepository(1);
		this.runner.withBean(AdaptersAutoConfiguration.TVS_INTAKE_REPOSITORY, IdempotentRepository.class, () -> own)
			.run((context) -> assertThat(context.getBean(IdempotentRepository.class)).isSameAs(own));
	}

	@Test
	void backsOffWithoutCamel() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AdaptersAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(PartnerAdapters.class));
	}

}
