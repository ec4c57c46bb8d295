package nl.ketenpoort.gateway.partner;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import nl.ketenpoort.adapters.NativeMapping;
import nl.ketenpoort.adapters.autoconfigure.AdapterPartners;
import nl.ketenpoort.adapters.autoconfigure.NativeFormats;
import nl.ketenpoort.consent.purpose.Purpose;
import nl.ketenpoort.consent.purpose.PurposeCatalogue;
import nl.ketenpoort.schemas.DocumentType;
import nl.ketenpoort.schemas.registry.DocumentSchemas;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import nl.ketenpoort.gateway.partner.internal.PartnerSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked examples of {@code docs/extending.md} for a partner of an existing kind and
 * a purpose: configuration entries on top of the shipped {@code partners.yaml} and
 * {@code purposes.yaml} (test resources under {@code extending/}), and no code.
 */
class ExtendingTests {

	private static final DocumentType LEARNER_PROFILE = DocumentType.of("nt2-learner-profile");

	@Test
	void aPartnerOfAnExistingKindIsOneEntryInPartnersYaml() throws IOException {
		// given the shipped registry with the taalschool-c entry added
		StandardEnvironment environment = environment();
		// when
		Partners partners = Partners
			.from(Binder.get(environment).bindOrCreate("ketenpoort.partners", PartnerSettings.class));
		AdapterPartners adapters = Binder.get(environment).bindOrCreate("ketenpoort.partners", AdapterPartners.class);
		// then it takes part with its scopes, its name and an adapter in its format
		Partner added = partners.findActive("taalschool-c").orElseThrow();
		assertThat(added.displayName()).isEqualTo("Taalschool C");
		assertThat(added.scopes()).containsExactly("exchange:receive:nt2-learner-profile");
		assertThat(partners.all()).extracting(Partner::id)
			.containsExactly("opstartklas", "raak", "taalschool-a", "taalschool-b", "taalschool-c", "tvs", "vvs");
		AdapterPartners.System system = adapters.systems().get("taalschool-c");
		assertThat(system.transport()).isEqualTo("rest-json");
		NativeMapping mapping = NativeFormats.mapping(system.adapter(), "taalschool-c");
		assertThat(mapping.partner()).isEqualTo("taalschool-c");
		assertThat(mapping.receives()).contains(LEARNER_PROFILE);
		// and the shipped partners keep their adapters
		assertThat(adapters.systems().get("taalschool-b").transport()).isEqualTo("file-drop");
		assertThat(adapters.systems().get("raak").adapter()).isEqualTo("raak");
	}

	@Test
	void aPurposeIsOneEntryInPurposesYamlAndItsPartnersPermissions() throws IOException {
		// given the shipped catalogue with the tov-placement entry added, and
		// the permissions for it in partners.yaml
		PurposeCatalogue catalogue = PurposeCatalogue.load(catalogueWithNewPurpose(), "purposes.yaml + tov-placement",
				DocumentSchemas.load()::unknownEntries);
		Partners partners = Partners
			.from(Binder.get(environment()).bindOrCreate("ketenpoort.partners", PartnerSettings.class));
		// when
		Purpose placement = catalogue.get("tov-placement");
		// then TVS may send the learner profile to taalschool-c for it
		assertThat(placement.covers("tvs", "taalschool-c", LEARNER_PROFILE)).isTrue();
		assertThat(partners.mayPublish("tvs", LEARNER_PROFILE, "tov-placement")).isTrue();
		assertThat(partners.mayReceive("taalschool-c", LEARNER_PROFILE, "tov-placement")).isTrue();
		assertThat(placement.text("ar").machineDraft()).isTrue();
		// and nobody else: not another provider, sender or document type
		assertThat(placement.covers("tvs", "taalschool-a", LEARNER_PROFILE)).isFalse();
		assertThat(partners.mayReceive("taalschool-a", LEARNER_PROFILE, "tov-placement")).isFalse();
		assertThat(placement.covers("raak", "taalschool-c", LEARNER_PROFILE)).isFalse();
		assertThat(placement.covers("tvs", "taalschool-c", DocumentType.of("client-profile"))).isFalse();
		// and the shipped purposes are all still there
		assertThat(catalogue.purposes()).hasSize(PurposeCatalogue.load().purposes().size() + 1);
	}

	private static StandardEnvironment environment() throws IOException {
		YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
		StandardEnvironment environment = new StandardEnvironment();
		// the added entries win over the shipped ones, as an edit in place would
		yaml.load("extending", new ClassPathResource("extending/partners.yaml"))
			.forEach(environment.getPropertySources()::addLast);
		yaml.load("partners", new ClassPathResource("partners.yaml"))
			.forEach(environment.getPropertySources()::addLast);
		return environment;
	}

	private static InputStream catalogueWithNewPurpose() throws IOException {
		String shipped = new ClassPathResource(PurposeCatalogue.DEFAULT_LOCATION)
			.getContentAsString(StandardCharsets.UTF_8);
		String added = new ClassPathResource("extending/purpose-tov-placement.yaml")
			.getContentAsString(StandardCharsets.UTF_8);
		return new ByteArrayInputStream((shipped.stripTrailing() + "\n" + added).getBytes(StandardCharsets.UTF_8));
	}

}
