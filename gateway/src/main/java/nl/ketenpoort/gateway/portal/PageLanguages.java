package nl.ketenpoort.gateway.portal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The languages the pages are offered in, each with its own name and writing direction;
 * Dutch is the default and the fallback.
 */
public final class PageLanguages {

	/** Every language offered, in the order of the language switcher. */
	public static final List<Language> ALL = List.of(new Language("nl", "Nederlands", "ltr"),
			new Language("en", "English", "ltr"), new Language("ar", "العربية", "rtl"),
			new Language("ti", "ትግርኛ", "ltr"), new Language("fa", "فارسی", "rtl"), new Language("tr", "Türkçe", "ltr"),
			new Language("bo", "བོད་ཡིག", "ltr"));

	/** The default language of the pages. */
	public static final Language DEFAULT = ALL.get(0);

	private PageLanguages() {
	}

	/** The offered language with this code, if any. */
	public static Optional<Language> find(String code) {
		return ALL.stream().filter((language) -> language.code().equals(code)).findFirst();
	}

	/** The language of this locale, or Dutch when it is not offered. */
	public static Language of(Locale locale) {
		return find(locale.getLanguage()).orElse(DEFAULT);
	}

	/** The language of the current request. */
	public static Language current() {
		return of(LocaleContextHolder.getLocale());
	}

	/**
	 * A language of the pages.
	 *
	 * @param code ISO 639-1 code
	 * @param name the language's name in that language itself
	 * @param direction {@code ltr} or {@code rtl}
	 */
	public record Language(String code, String name, String direction) {

		public Locale locale() {
			return Locale.forLanguageTag(this.code);
		}

	}

}
