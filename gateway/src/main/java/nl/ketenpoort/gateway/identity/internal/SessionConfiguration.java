package nl.ketenpoort.gateway.identity.internal;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the filter chains of {@link SecurityConfiguration} use beyond tokens and
 * passwords: the lifetime of login sessions, the session cookie's flags, and the auditing
 * of refused requests.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SessionConfiguration {

	@Bean
	SessionLifetime sessionLifetime(SessionSettings settings, Clock clock) {
		return new SessionLifetime(settings, clock);
	}

	@Bean
	SessionCookies sessionCookies() {
		return new SessionCookies();
	}

	/** Replaces Spring Boot's cookie serializer of the shared (JDBC) sessions. */
	@Bean
	SharedSessionCookies sharedSessionCookies(@Value("${server.servlet.session.cookie.name:JSESSIONID}") String name) {
		return new SharedSessionCookies(name);
	}

	@Bean
	Refusals refusals(RefusalSettings settings, LoginKeys keys, ApplicationEventPublisher events, MeterRegistry meters,
			Clock clock) {
		return new Refusals(new RefusalWindows(settings, clock), keys, events, meters, clock);
	}

}
