package nl.ketenpoort.gateway.sandbox;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;

import nl.ketenpoort.gateway.partner.Partners;
import nl.ketenpoort.gateway.system.KetenpoortSettings;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Switches the sandbox partners on with {@code ketenpoort.sandbox.enabled=true} (the demo
 * profile does). They call the gateway as outsiders do, over HTTP on the local port.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("ketenpoort.sandbox.enabled")
@EnableConfigurationProperties(SandboxSettings.class)
class SandboxConfiguration {

	/**
	 * The partner endpoints are public while the sandbox runs: they are what the gateway
	 * delivers to, and they prove each delivery by its consent statement, not by a login.
	 * This chain is tried before the page chain, which keeps the rest of
	 * {@code /sandbox/**} to the demo profile.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain sandboxPartnerChain(HttpSecurity http) {
		http.securityMatcher("/sandbox/partners", "/sandbox/partners/**")
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().permitAll())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// No session and no cookie is ever used here, so there is nothing for CSRF to
			// ride on.
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable());
		return http.build();
	}

	@Bean
	PartnerModes sandboxPartnerModes(JdbcClient jdbc, Clock clock, SandboxSettings settings) {
		return new PartnerModes(jdbc, clock, settings.slowDelay());
	}

	@Bean
	ReceivedDocuments sandboxReceivedDocuments(JdbcClient jdbc, Clock clock) {
		return new ReceivedDocuments(jdbc, clock);
	}

	@Bean
	NativeDocuments sandboxNativeDocuments(JsonMapper json) {
		return new NativeDocuments(json);
	}

	@Bean
	ConsentStatementVerifier sandboxConsentStatementVerifier(Environment environment) {
		Supplier<URI> gateway = localGateway(environment);
		return new ConsentStatementVerifier(() -> gateway.get().resolve("/.well-known/consent-jwks.json"));
	}

	@Bean
	SandboxPartnerClient sandboxPartnerClient(Partners partners, KetenpoortSettings ketenpoort, Environment environment,
			JsonMapper json) {
		return new SandboxPartnerClient(partners, keyDirectory(ketenpoort), localGateway(environment), json);
	}

	@Bean
	HandoverNoticeResponder sandboxHandoverNoticeResponder(SandboxPartnerClient client, JsonMapper json, Clock clock,
			SandboxSettings settings) {
		return new HandoverNoticeResponder(client, json, clock, settings.handoverNotice().delay());
	}

	@Bean
	FileDropInbox sandboxFileDropInbox(SandboxSettings settings, KetenpoortSettings ketenpoort,
			NativeDocuments documents) {
		SandboxSettings.FileDrop fileDrop = settings.fileDrop();
		Path directory = (fileDrop.directory() != null) ? fileDrop.directory()
				: ketenpoort.dataDir().resolve("sandbox").resolve(fileDrop.partner());
		FileDropInbox inbox = new FileDropInbox(fileDrop.partner(), directory, documents);
		inbox.prepare();
		return inbox;
	}

	/** Where the demo partner keys are: {@code $KETENPOORT_DATA_DIR/keys/partners}. */
	static Path keyDirectory(KetenpoortSettings ketenpoort) {
		return ketenpoort.dataDir().resolve("keys").resolve("partners");
	}

	/**
	 * The gateway as a partner on this machine reaches it; the port is read when first
	 * needed, because it is known only once the server runs.
	 */
	static Supplier<URI> localGateway(Environment environment) {
		return () -> URI.create("http://127.0.0.1:"
				+ environment.getProperty("local.server.port", environment.getProperty("server.port", "8080")));
	}

}
