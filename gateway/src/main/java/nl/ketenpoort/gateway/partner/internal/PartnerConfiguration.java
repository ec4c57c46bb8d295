package nl.ketenpoort.gateway.partner.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import nl.ketenpoort.gateway.partner.Partner;
import nl.ketenpoort.gateway.partner.PartnerKeys;
import nl.ketenpoort.gateway.partner.Partners;

/**
 * Builds the partner registry from {@code ketenpoort.partners} and mirrors it into the
 * {@code partner} table, so that other tables can refer to partners.
 */
@Configuration(proxyBeanMethods = false)
class PartnerConfiguration {

	private static final Logger log = LoggerFactory.getLogger(PartnerConfiguration.class);

	@Bean
	@DependsOnDatabaseInitialization
	Partners partners(PartnerSettings settings, JdbcClient jdbc) {
		Partners partners = Partners.from(settings);
		for (Partner partner : partners.all()) {
			jdbc.sql("""
					INSERT INTO partner (id, organisation, display_name, active) VALUES (:id, :org, :name, :active)
					ON CONFLICT (id) DO UPDATE SET organisation = :org, display_name = :name, active = :active,
					synced_at = now()""")
				.param("id", partner.id())
				.param("org", partner.organisation())
				.param("name", partner.displayName())
				.param("active", partner.active())
				.update();
		}
		// A partner removed from the configuration is kept (history refers to it) but
		// can no longer take part.
		jdbc.sql("UPDATE partner SET active = false, synced_at = now() WHERE NOT (id = ANY (:ids))")
			.param("ids", partners.all().stream().map(Partner::id).toArray(String[]::new))
			.update();
		log.info("Partner registry has {} partner systems", partners.all().size());
		return partners;
	}

	@Bean
	@DependsOnDatabaseInitialization
	PartnerKeys partnerKeys(JdbcClient jdbc, Partners partners) {
		return new PartnerKeys(jdbc, partners);
	}

	@Bean
	RegisterPartnerKeyCommand registerPartnerKeyCommand(PartnerKeys keys) {
		return new RegisterPartnerKeyCommand(keys);
	}

}
