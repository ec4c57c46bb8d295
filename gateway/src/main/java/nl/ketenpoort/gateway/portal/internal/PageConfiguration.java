package nl.ketenpoort.gateway.portal.internal;

import java.time.Duration;
import java.util.Collections;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import nl.ketenpoort.gateway.portal.PageLanguages;

/**
 * Set-up of the server-rendered pages: the message bundles, the chosen language (from
 * {@code ?lang=}, remembered in a cookie, otherwise the browser's preference if offered,
 * otherwise Dutch) and the style sheet.
 */
@Configuration(proxyBeanMethods = false)
class PageConfiguration implements WebMvcConfigurer {

	static final String LANGUAGE_COOKIE = "ketenpoort-lang";

	@Bean
	MessageSource messageSource() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		// Dutch lives in the base bundle: without this, a Dutch reader on a machine
		// whose
		// own locale is English would get the English bundle.
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver(LANGUAGE_COOKIE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieHttpOnly(true);
		resolver.setCookieSameSite("Lax");
		resolver.setDefaultLocaleFunction(PageConfiguration::preferredLanguage);
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new LanguageChoice())
			.addPathPatterns("/portal", "/portal/**", "/console", "/console/**", "/login", "/login/**");
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/assets/**")
			.addResourceLocations("classpath:/static/assets/")
			.setCacheControl(CacheControl.maxAge(Duration.ofHours(1)));
	}

	private static Locale preferredLanguage(HttpServletRequest request) {
		if (request.getHeader("Accept-Language") == null) {
			// Without a preference the server's own locale would decide; Dutch does.
			return PageLanguages.DEFAULT.locale();
		}
		return Collections.list(request.getLocales())
			.stream()
			.map((locale) -> PageLanguages.find(locale.getLanguage()))
			.flatMap(java.util.Optional::stream)
			.findFirst()
			.orElse(PageLanguages.DEFAULT)
			.locale();
	}

	/**
	 * Takes {@code ?lang=} when it names an offered language and remembers it; anything
	 * else is ignored, so the cookie only ever holds an offered language.
	 */
	private static final class LanguageChoice implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			String requested = request.getParameter("lang");
			if (requested != null) {
				PageLanguages.find(requested).ifPresent((language) -> {
					LocaleResolver resolver = org.springframework.web.servlet.support.RequestContextUtils
						.getLocaleResolver(request);
					if (resolver != null) {
						resolver.setLocale(request, response, language.locale());
					}
				});
			}
			return true;
		}

	}

}
