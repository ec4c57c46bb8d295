package nl.ketenpoort.gateway.identity.internal;

import java.nio.charset.Charset;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.Context;
import org.apache.catalina.util.SessionConfig;
import org.apache.tomcat.util.http.CookieProcessor;
import org.apache.tomcat.util.http.MimeHeaders;
import org.apache.tomcat.util.http.ServerCookies;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Marks the session cookie {@code Secure} whenever the request came over TLS (Tomcat's
 * own rule, which also follows {@code server.forward-headers-strategy}) or was addressed
 * to a host that is not a loopback name. Outside one machine Ketenpoort must be reached
 * over TLS; should a TLS-terminating proxy fail to say so, the cookie still never travels
 * in clear. Only {@code localhost}, {@code *.localhost}, {@code 127.0.0.0/8} and
 * {@code ::1} get a cookie without the flag, so that the demo and the tests work over
 * plain HTTP. {@code HttpOnly} and {@code SameSite=Lax} are set by
 * {@code server.servlet.session.cookie.*}; for the shared sessions
 * {@link SharedSessionCookies} applies the same rule.
 */
class SessionCookies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}");

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		// Context customizers run after Spring Boot set its cookie processor (SameSite):
		// this one wraps it and keeps what it does.
		factory.addContextCustomizers((context) -> context
			.setCookieProcessor(new SecureOutsideLoopback(context.getCookieProcessor(), context)));
	}

	/** Whether a host name, as a request names it, is a loopback name. */
	static boolean isLoopback(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		if (name.endsWith(".")) {
			name = name.substring(0, name.length() - 1);
		}
		return name.equals("localhost") || name.endsWith(".localhost") || IPV4_LOOPBACK.matcher(name).matches()
				|| name.equals("::1") || name.equals("[::1]");
	}

	private static final class SecureOutsideLoopback implements CookieProcessor {

		private final CookieProcessor delegate;

		private final Context context;

		SecureOutsideLoopback(CookieProcessor delegate, Context context) {
			this.delegate = delegate;
			this.context = context;
		}

		@Override
		public void parseCookieHeader(MimeHeaders headers, ServerCookies serverCookies) {
			this.delegate.parseCookieHeader(headers, serverCookies);
		}

		@Override
		public String generateHeader(Cookie cookie, HttpServletRequest request) {
			if (!cookie.getSecure() && SessionConfig.getSessionCookieName(this.context).equals(cookie.getName())
					&& !isLoopback(request.getServerName())) {
				cookie.setSecure(true);
			}
			return this.delegate.generateHeader(cookie, request);
		}

		@Override
		public Charset getCharset() {
			return this.delegate.getCharset();
		}

	}

}
