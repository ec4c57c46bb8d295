package nl.ketenpoort.gateway.portal.internal;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import nl.ketenpoort.gateway.portal.PageLanguages;

/**
 * Gives every page of the portal and the console what its frame needs: the language with
 * its writing direction, the language switcher and whether the texts are a draft
 * translation.
 */
@ControllerAdvice(basePackages = { "nl.ketenpoort.gateway.portal", "nl.ketenpoort.gateway.console" })
class PageModel {

	private final MessageSource messages;

	PageModel(MessageSource messages) {
		this.messages = messages;
	}

	@ModelAttribute("page")
	Page page(HttpServletRequest request) {
		// Switching language from a page that was the answer to a form post lands on the
		// section's start page: a post is never repeated by a link.
		return page("POST".equals(request.getMethod()) ? section(request.getRequestURI()) : request.getRequestURI());
	}

	/** The frame of a refusal page, whose language links lead to the section's start. */
	Page refusal(HttpServletRequest request) {
		return page(section(request.getRequestURI()));
	}

	/** The frame of a page whose language links lead to this path. */
	Page at(String path) {
		return page(path);
	}

	private Page page(String path) {
		PageLanguages.Language language = PageLanguages.current();
		boolean draft = Boolean.parseBoolean(this.messages.getMessage("draft", null, "false", language.locale()));
		return new Page(language, PageLanguages.ALL, draft, path);
	}

	private static String section(String uri) {
		return uri.startsWith("/portal") ? "/portal" : "/console";
	}

	/**
	 * The frame of a page.
	 *
	 * @param language the language shown
	 * @param languages the languages to switch to
	 * @param draft whether the page texts are a machine-made draft translation
	 * @param path the path of this page, for the language links
	 */
	record Page(PageLanguages.Language language, List<PageLanguages.Language> languages, boolean draft, String path) {

		public String code() {
			return this.language.code();
		}

		public String direction() {
			return this.language.direction();
		}

		public String link(PageLanguages.Language other) {
			return this.path + "?lang=" + other.code().toLowerCase(Locale.ROOT);
		}

	}

}
