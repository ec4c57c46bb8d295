package nl.ketenpoort.gateway.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import nl.ketenpoort.consent.purpose.PurposeCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every language bundle has exactly the keys of the Dutch base bundle, no empty text, and
 * says whether it is a draft translation: only Dutch and English are reviewed.
 */
class MessageBundlesTests {

	@ParameterizedTest
	@ValueSource(strings = { "en", "ar", "ti", "fa", "tr", "bo" })
	void bundleHasEveryKeyOfTheBaseBundle(String language) {
		// given
		Properties base = load("messages.properties");

		// when
		Properties bundle = load("messages_" + language + ".properties");

		// then
		Set<String> missing = new TreeSet<>(base.stringPropertyNames());
		missing.removeAll(bundle.stringPropertyNames());
		Set<String> extra = new TreeSet<>(bundle.stringPropertyNames());
		extra.removeAll(base.stringPropertyNames());
		assertThat(missing).as("keys missing in messages_%s", language).isEmpty();
		assertThat(extra).as("keys only in messages_%s", language).isEmpty();
		assertThat(bundle.stringPropertyNames()).allSatisfy(
				(key) -> assertThat(bundle.getProperty(key)).as("text of %s in %s", key, language).isNotBlank());
	}

	@ParameterizedTest
	@ValueSource(strings = { "ar", "ti", "fa", "tr", "bo" })
	void unreviewedTranslationsAreMarkedAsDrafts(String language) {
		assertThat(load("messages_" + language + ".properties").getProperty("draft")).isEqualTo("true");
	}

	@ParameterizedTest
	@ValueSource(strings = { "messages.properties", "messages_en.properties" })
	void sourceLanguagesAreNotDrafts(String file) {
		assertThat(load(file).getProperty("draft")).isEqualTo("false");
	}

	@ParameterizedTest
	@ValueSource(strings = { "nl", "en", "ar", "ti", "fa", "tr", "bo" })
	void everyLanguageOfThePagesHasABundle(String language) {
		assertThat(PageLanguages.find(language)).isPresent();
		String file = "nl".equals(language) ? "messages.properties" : "messages_" + language + ".properties";
		assertThat(MessageBundlesTests.class.getClassLoader().getResource(file)).as(file).isNotNull();
	}

	@Test
	void thePagesOfferExactlyTheLanguagesOfThePurposeTexts() {
		assertThat(PageLanguages.ALL).extracting(PageLanguages.Language::code)
			.containsExactlyElementsOf(PurposeCatalogue.REQUIRED_LANGUAGES);
	}

	private static Properties load(String name) {
		try (InputStream in = MessageBundlesTests.class.getClassLoader().getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			Properties properties = new Properties();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			return properties;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
