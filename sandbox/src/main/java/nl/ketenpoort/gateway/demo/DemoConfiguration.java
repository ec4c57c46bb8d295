package nl.ketenpoort.gateway.demo;

import java.time.Clock;

import nl.ketenpoort.consent.ConsentRegistry;
import nl.ketenpoort.consent.purpose.PurposeCatalogue;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.gateway.identity.People;
import nl.ketenpoort.gateway.mandate.MandateRegister;
import nl.ketenpoort.gateway.sandbox.SandboxPartnerClient;
import nl.ketenpoort.gateway.system.KetenpoortSettings;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo data, its listing and the start-up banner, with
 * {@code ketenpoort.demo.enabled=true} (the demo profile sets it, together with the
 * sandbox partners the seeding submits through).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("ketenpoort.demo.enabled")
@EnableConfigurationProperties(DemoSettings.class)
class DemoConfiguration {

	@Bean
	DemoSubjects demoSubjects(JdbcClient jdbc, Clock clock) {
		return new DemoSubjects(jdbc, clock);
	}

	@Bean
	DemoData demoData(DemoSubjects demoSubjects, Subjects subjects, ConsentRegistry consents, PurposeCatalogue purposes,
			People people, SandboxPartnerClient partners, JsonMapper json) {
		return new DemoData(demoSubjects, subjects, consents, purposes, people, partners, json);
	}

	/**
	 * Said's written mandate for Farid, when the demo's DigiD broker is configured
	 * (through it Said signs in).
	 */
	@Bean
	@ConditionalOnProperty(prefix = "ketenpoort.identity.broker", name = "issuer-uri")
	DemoMandate demoMandate(MandateRegister register, People people, DemoSubjects demoSubjects) {
		return new DemoMandate(register, people, demoSubjects);
	}

	@Bean
	DemoDataRunner demoDataRunner(DemoData data, ObjectProvider<DemoMandate> mandate) {
		return new DemoDataRunner(data, mandate.getIfAvailable());
	}

	@Bean
	DemoBanner demoBanner(Environment environment, KetenpoortSettings settings) {
		return new DemoBanner(environment, settings);
	}

}
