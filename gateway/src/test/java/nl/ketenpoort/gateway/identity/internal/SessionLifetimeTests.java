package nl.ketenpoort.gateway.identity.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import nl.ketenpoort.gateway.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Login sessions end on the gateway's clock: after 15 idle minutes for staff, 30 for
 * status holders, and 8 hours after the login however busy; an ended session is
 * invalidated and the request goes on anonymous.
 */
class SessionLifetimeTests {

	private static final Instant LOGIN = Instant.parse("2026-11-02T08:00:00Z");

	private final MovableClock clock = new MovableClock(LOGIN);

	private final SessionLifetime lifetime = new SessionLifetime(
			new SessionSettings(Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(8)), this.clock);

	private final MockHttpSession session = new MockHttpSession();

	@AfterEach
	void clearContext() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void staffSessionsEndAfterFifteenIdleMinutes() throws Exception {
		// given
		logIn(Role.CASE_MANAGER);

		// when, then
		assertThat(requestAfter(Duration.ofMinutes(14))).as("14 minutes idle").isNull();
		assertThat(requestAfter(Duration.ofMinutes(14))).as("14 more minutes idle").isNull();
		assertThat(requestAfter(Duration.ofMinutes(15).plusSeconds(1))).as("15 minutes and a second idle")
			.isEqualTo("SESSION_EXPIRED");
		assertThat(this.session.isInvalid()).isTrue();
	}

	@Test
	void statusHolderSessionsEndAfterThirtyIdleMinutes() throws Exception {
		logIn(Role.STATUS_HOLDER);

		assertThat(this.session.getMaxInactiveInterval()).as("the container forgets it then too").isEqualTo(30 * 60);
		assertThat(requestAfter(Duration.ofMinutes(29))).isNull();
		assertThat(requestAfter(Duration.ofMinutes(30).plusSeconds(1))).isEqualTo("SESSION_EXPIRED");
	}

	@Test
	void aStatusHolderWhoIsAlsoStaffHasTheStaffTimeout() {
		Authentication both = new UsernamePasswordAuthenticationToken("id", null,
				AuthorityUtils.createAuthorityList(Role.STATUS_HOLDER.authority(), Role.PRIVACY_OFFICER.authority()));

		assertThat(this.lifetime.idleTimeout(both)).isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void everySessionEndsEightHoursAfterTheLoginHoweverBusy() throws Exception {
		// given a status holder busy every ten minutes
		logIn(Role.STATUS_HOLDER);
		for (int i = 0; i < 47; i++) {
			assertThat(requestAfter(Duration.ofMinutes(10))).as("after %d minutes", (i + 1) * 10).isNull();
		}

		// when eight hours have passed since the login
		String ended = requestAfter(Duration.ofMinutes(10).plusSeconds(1));

		// then
		assertThat(ended).isEqualTo("SESSION_EXPIRED");
	}

	@Test
	void anEndedSessionLeavesTheRequestAnonymous() throws Exception {
		// given
		logIn(Role.OPERATOR);
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken("id", null,
					AuthorityUtils.createAuthorityList(Role.OPERATOR.authority())));
		this.clock.advance(Duration.ofMinutes(16));
		AtomicReference<Authentication> seen = new AtomicReference<>();
		MockHttpServletRequest request = request();

		// when
		this.lifetime.filter()
			.doFilter(request, new MockHttpServletResponse(),
					new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
						@Override
						protected void service(jakarta.servlet.http.HttpServletRequest req,
								jakarta.servlet.http.HttpServletResponse res) {
							seen.set(SecurityContextHolder.getContext().getAuthentication());
						}
					}));

		// then
		assertThat(seen.get()).isNull();
		assertThat(this.session.isInvalid()).isTrue();
	}

	@Test
	void aSessionWithoutLoginIsLeftAlone() throws Exception {
		this.clock.advance(Duration.ofDays(1));

		assertThat(requestAfter(Duration.ofDays(1))).isNull();
		assertThat(this.session.isInvalid()).isFalse();
	}

	private void logIn(Role role) {
		Authentication login = new UsernamePasswordAuthenticationToken("id", null,
				AuthorityUtils.createAuthorityList(role.authority()));
		this.lifetime.onAuthentication(login, request(), new MockHttpServletResponse());
	}

	/** A request after this idle time; the reason its session ended, if it did. */
	private String requestAfter(Duration idle) throws ServletException, IOException {
		this.clock.advance(idle);
		MockHttpServletRequest request = request();
		this.lifetime.filter().doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
		return (String) request.getAttribute(SessionLifetime.ENDED);
	}

	private MockHttpServletRequest request() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/portal");
		if (!this.session.isInvalid()) {
			request.setSession(this.session);
		}
		return request;
	}

	private static final class MovableClock extends Clock {

		private Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
