package nl.ketenpoort.adapters.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import nl.ketenpoort.adapters.AdapterKind;
import nl.ketenpoort.adapters.AdapterSettings;
import nl.ketenpoort.adapters.NativeMapping;
import nl.ketenpoort.adapters.PartnerAdapter;
import nl.ketenpoort.adapters.UnknownPartnerAdapter;
import nl.ketenpoort.adapters.PartnerAdapters;
import nl.ketenpoort.adapters.raak.RaakMapping;
import nl.ketenpoort.adapters.taalschool.OpstartklasMapping;
import nl.ketenpoort.adapters.taalschool.TaalschoolMapping;
import nl.ketenpoort.adapters.transport.FileDropAdapter;
import nl.ketenpoort.adapters.transport.RestJsonAdapter;
import nl.ketenpoort.adapters.tvs.TvsExportFormat;
import nl.ketenpoort.adapters.tvs.TvsNotificationMapping;
import nl.ketenpoort.adapters.tvs.TvsFileIntakeRoutes;
import nl.ketenpoort.adapters.vvs.VvsMapping;
import nl.ketenpoort.schemas.registry.DocumentSchemas;

/**
 * Offers the partner adapters, the TVS export format and (when a directory is set) the
 * TVS file intake route to an application that runs a {@link CamelContext}.
 * <p>
 * Which partner uses which adapter follows the partner registry
 * ({@code ketenpoort.partners.systems.<id>.adapter} and {@code .transport}, see
 * {@link AdapterPartners}); without a registry, the shipped partners: {@code rest-json}
 * for raak, vvs, taalschool-a and opstartklas, {@code file-drop} for taalschool-b.
 */
@AutoConfiguration(afterName = { "org.apache.camel.spring.boot.CamelAutoConfiguration",
		"nl.ketenpoort.schemas.registry.SchemasAutoConfiguration" })
@ConditionalOnClass(CamelContext.class)
@ConditionalOnBean(CamelContext.class)
@EnableConfigurationProperties({ AdapterSettings.class, AdapterPartners.class })
public class AdaptersAutoConfiguration {

	/**
	 * Name of the bean that remembers the TVS exports taken in; replace it to persist
	 * them.
	 */
	public static final String TVS_INTAKE_REPOSITORY = "tvsFileIntakeIdempotentRepository";

	@Bean
	@ConditionalOnMissingBean
	PartnerAdapters partnerAdapters(CamelContext camelContext, AdapterSettings settings, AdapterPartners partners) {
		// The adapters' own template: its lifecycle follows the Camel context, and
		// sending
		// never depends on whether the application defines one.
		ProducerTemplate template = camelContext.createProducerTemplate();
		// Retrying is the outbox's decision (backoff, limit, an audit event per attempt):
		// the
		// HTTP client must not repeat a request on its own, e.g. after a 503 or 429.
		for (String scheme : List.of("http", "https")) {
			camelContext.getComponent(scheme, HttpComponent.class).setAutomaticRetriesDisabled(true);
		}
		AdapterSettings.Http http = settings.http();
		if (partners.systems().isEmpty()) {
			return new PartnerAdapters(builtIn(template, http));
		}
		List<PartnerAdapter> adapters = new ArrayList<>();
		partners.systems().forEach((id, system) -> {
			if (system.adapter() != null && !system.adapter().isBlank()) {
				adapters.add(adapter(id, system, template, http));
			}
		});
		return new PartnerAdapters(adapters);
	}

	private static PartnerAdapter adapter(String id, AdapterPartners.System system, ProducerTemplate template,
			AdapterSettings.Http http) {
		NativeMapping mapping = NativeFormats.mapping(system.adapter(), id);
		return switch (AdapterKind.fromCode(system.transport())
			.orElseThrow(() -> new UnknownPartnerAdapter(system.transport(), id))) {
			case REST_JSON -> new RestJsonAdapter(id, mapping, template, http);
			case FILE_DROP -> new FileDropAdapter(id, mapping);
		};
	}

	/** The partners of the chain as shipped, for an application without a registry. */
	private static List<PartnerAdapter> builtIn(ProducerTemplate template, AdapterSettings.Http http) {
		return List.of(new RestJsonAdapter(RaakMapping.PARTNER, new RaakMapping(), template, http),
				new RestJsonAdapter(VvsMapping.PARTNER, new VvsMapping(), template, http),
				new RestJsonAdapter(TaalschoolMapping.TAALSCHOOL_A,
						new TaalschoolMapping(TaalschoolMapping.TAALSCHOOL_A), template, http),
				new RestJsonAdapter(OpstartklasMapping.PARTNER, new OpstartklasMapping(), template, http),
				new RestJsonAdapter(TvsNotificationMapping.PARTNER, new TvsNotificationMapping(), template, http),
				new FileDropAdapter(TaalschoolMapping.TAALSCHOOL_B,
						new TaalschoolMapping(TaalschoolMapping.TAALSCHOOL_B)));
	}

	@Bean
	@ConditionalOnMissingBean
	TvsExportFormat tvsExportFormat(DocumentSchemas schemas) {
		return new TvsExportFormat(schemas);
	}

	@Bean(TVS_INTAKE_REPOSITORY)
	@ConditionalOnMissingBean(name = TVS_INTAKE_REPOSITORY)
	IdempotentRepository tvsFileIntakeIdempotentRepository() {
		return MemoryIdempotentRepository.memoryIdempotentRepository(10_000);
	}

	@Bean
	@ConditionalOnProperty("ketenpoort.adapters.tvs-intake.directory")
	TvsFileIntakeRoutes tvsFileIntakeRoutes(TvsExportFormat format,
			@Qualifier(TVS_INTAKE_REPOSITORY) IdempotentRepository repository, AdapterSettings settings) {
		return new TvsFileIntakeRoutes(format, repository, settings.tvsIntake());
	}

}
