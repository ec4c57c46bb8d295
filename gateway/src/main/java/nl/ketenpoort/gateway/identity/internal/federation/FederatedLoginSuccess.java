package nl.ketenpoort.gateway.identity.internal.federation;

import java.io.IOException;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import nl.ketenpoort.gateway.identity.ActingForCheck;
import nl.ketenpoort.gateway.identity.Actor;
import nl.ketenpoort.gateway.identity.internal.FederatedPerson;
import nl.ketenpoort.gateway.identity.LoginSucceeded;
import nl.ketenpoort.gateway.identity.People;
import nl.ketenpoort.gateway.identity.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * After a sign-in at an upstream provider: audits it as {@code login-succeeded} (for a
 * representative naming the mandate and the person they act for) and continues where the
 * person was going, else at their start page (the portal for a status holder, the console
 * for staff).
 */
class FederatedLoginSuccess implements AuthenticationSuccessHandler {

	private final People people;

	private final @Nullable ActingForCheck actingFor;

	private final ApplicationEventPublisher events;

	private final SavedRequestAwareAuthenticationSuccessHandler portal = target("/portal");

	private final SavedRequestAwareAuthenticationSuccessHandler console = target("/console");

	FederatedLoginSuccess(People people, @Nullable ActingForCheck actingFor, ApplicationEventPublisher events) {
		this.people = people;
		this.actingFor = actingFor;
		this.events = events;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		boolean statusHolder = false;
		if (authentication.getPrincipal() instanceof FederatedPerson login) {
			this.people.find(login.personId())
				.ifPresent((person) -> this.events
					.publishEvent(new LoginSucceeded(actingFor(person.toActor(Set.of()), request.getSession(false)))));
			statusHolder = login.getAuthorities()
				.stream()
				.anyMatch((authority) -> Role.STATUS_HOLDER.authority().equals(authority.getAuthority()));
		}
		(statusHolder ? this.portal : this.console).onAuthenticationSuccess(request, response, authentication);
	}

	/** The person acting for whom the sign-in's {@code represents} claim named, if so. */
	private Actor actingFor(Actor person, @Nullable HttpSession session) {
		Object mandate = (session != null) ? session.getAttribute(ActingForCheck.SESSION_ATTRIBUTE) : null;
		if (mandate == null || this.actingFor == null) {
			return person;
		}
		return this.actingFor.confirm(person, UUID.fromString(mandate.toString()))
			.map(person::actingFor)
			.orElse(person);
	}

	private static SavedRequestAwareAuthenticationSuccessHandler target(String path) {
		SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler();
		handler.setDefaultTargetUrl(path);
		return handler;
	}

}
