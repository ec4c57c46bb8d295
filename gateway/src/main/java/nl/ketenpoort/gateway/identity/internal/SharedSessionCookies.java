package nl.ketenpoort.gateway.identity.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The session cookie of the sessions every node shares (Spring Session JDBC): the same
 * name and flags the container's own cookie had ({@code HttpOnly}, {@code SameSite=Lax},
 * {@code Secure} over TLS and for every host that is not a loopback name, as
 * {@link SessionCookies} decides), and the plain session id as its value.
 */
class SharedSessionCookies implements CookieSerializer {

	private final DefaultCookieSerializer loopback;

	private final DefaultCookieSerializer secure;

	SharedSessionCookies(String name) {
		this.loopback = serializer(name);
		this.secure = serializer(name);
		this.secure.setUseSecureCookie(true);
	}

	private static DefaultCookieSerializer serializer(String name) {
		DefaultCookieSerializer serializer = new DefaultCookieSerializer();
		serializer.setCookieName(name);
		serializer.setUseHttpOnlyCookie(true);
		serializer.setSameSite("Lax");
		serializer.setUseBase64Encoding(false);
		return serializer;
	}

	@Override
	public void writeCookieValue(CookieValue value) {
		HttpServletRequest request = value.getRequest();
		boolean plainAllowed = SessionCookies.isLoopback(request.getServerName());
		(plainAllowed ? this.loopback : this.secure).writeCookieValue(value);
	}

	@Override
	public List<String> readCookieValues(HttpServletRequest request) {
		return this.loopback.readCookieValues(request);
	}

}
