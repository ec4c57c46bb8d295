package nl.ketenpoort.gateway.identity.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The session cookie goes without {@code Secure} only to loopback names. */
class SessionCookiesTests {

	@Test
	void loopbackNamesAreTheOnlyOnesWithoutSecureCookies() {
		assertThat(SessionCookies.isLoopback("localhost")).isTrue();
		assertThat(SessionCookies.isLoopback("LOCALHOST.")).isTrue();
		assertThat(SessionCookies.isLoopback("ketenpoort.localhost")).isTrue();
		assertThat(SessionCookies.isLoopback("127.0.0.1")).isTrue();
		assertThat(SessionCookies.isLoopback("127.1.2.254")).isTrue();
		assertThat(SessionCookies.isLoopback("[::1]")).isTrue();
		assertThat(SessionCookies.isLoopback("ketenpoort.example.nl")).isFalse();
		assertThat(SessionCookies.isLoopback("localhost.example.nl")).isFalse();
		assertThat(SessionCookies.isLoopback("127.0.0.1.nip.io")).isFalse();
		assertThat(SessionCookies.isLoopback("10.0.0.1")).isFalse();
		assertThat(SessionCookies.isLoopback("128.0.0.1")).isFalse();
	}

}
