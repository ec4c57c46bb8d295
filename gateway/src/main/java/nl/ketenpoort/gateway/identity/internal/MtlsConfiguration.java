package nl.ketenpoort.gateway.identity.internal;

import java.time.Clock;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import nl.ketenpoort.gateway.identity.PartnerCertificates;

/**
 * The mutual-TLS port, when {@code ketenpoort.identity.mtls.port} is set: with the
 * operator's stores, or in the demo profile with the generated demo CA when no trust
 * store is configured. Under {@code prod} a demo CA stops start-up.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class MtlsConfiguration {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> mtlsConnector(MtlsSettings settings,
			ObjectProvider<DemoMtlsStores> demo, Environment environment) {
		if (!settings.enabled()) {
			return (factory) -> {
			};
		}
		boolean prod = environment.acceptsProfiles(Profiles.of("prod"));
		MtlsStores stores = stores(settings, demo.getIfAvailable(), prod);
		MtlsStores.refuseDemoCaUnderProd(stores.trustStore(), prod);
		return new MtlsConnector(settings.port(), stores);
	}

	@Bean
	@DependsOnDatabaseInitialization
	PartnerCertificates partnerCertificates(JdbcClient jdbc, Clock clock) {
		return new PartnerCertificates(jdbc, clock);
	}

	static MtlsStores stores(MtlsSettings settings, @Nullable DemoMtlsStores demo, boolean prod) {
		if (settings.trustStore() == null && demo != null && !prod) {
			return demo.stores();
		}
		return MtlsStores.configured(settings);
	}

}
