package nl.ketenpoort.gateway.identity.internal;

import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * Sends a browser that is not logged in to the login page in the language it chose on the
 * page it asked for: {@code /portal?lang=ar} leads to {@code /login?lang=ar}, an
 * authorization request with {@code ui_locales=ti} (OpenID Connect Core section 3.1.2.1)
 * to {@code /login?lang=ti}. Without this the choice is lost, because access control
 * answers before the pages remember it. Only the shape of a language code is carried; the
 * login page itself ignores a language it does not offer.
 */
class LoginRedirect extends LoginUrlAuthenticationEntryPoint {

	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

	LoginRedirect(String loginPage) {
		super(loginPage);
	}

	@Override
	protected String determineUrlToUseForThisRequest(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) {
		String page = super.determineUrlToUseForThisRequest(request, response, exception);
		String language = language(request);
		return (language != null) ? page + "?lang=" + language : page;
	}

	/** The language asked for, if it has the shape of a language code. */
	static @Nullable String language(HttpServletRequest request) {
		String lang = request.getParameter("lang");
		if (lang != null) {
			return shaped(lang);
		}
		String locales = request.getParameter("ui_locales");
		if (locales != null && !locales.isBlank()) {
			// The most preferred first; its primary subtag, as in ar-MA.
			String first = locales.trim().split("\\s+")[0];
			return shaped(first.split("-")[0]);
		}
		return null;
	}

	private static @Nullable String shaped(String value) {
		String code = value.toLowerCase(Locale.ROOT);
		return LANGUAGE.matcher(code).matches() ? code : null;
	}

}
