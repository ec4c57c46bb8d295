package nl.ketenpoort.schemas.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.node.ObjectNode;

import nl.ketenpoort.schemas.CanonicalSchema;
import nl.ketenpoort.schemas.SchemaResources;
import nl.ketenpoort.schemas.fields.DocumentGenerator;
import nl.ketenpoort.schemas.fields.FieldCatalogue;

import static org.assertj.core.api.Assertions.assertThat;

class ViolationMessagePropertyTests {

	private static final DocumentValidator validator = DocumentValidator.create();

	private static final DocumentGenerator generator = new DocumentGenerator(FieldCatalogue.load());

	record Case(CanonicalSchema schema, ObjectNode document, List<String> values) {

	}

	@Provide
	Arbitrary<Case> documents() {
		return Arbitraries.of(SchemaResources.all())
			.flatMap((schema) -> Arbitraries.randomValue((random) -> newCase(schema, random)));
	}

	private static Case newCase(CanonicalSchema schema, Random random) {
		List<String> values = new ArrayList<>();
		ObjectNode document = generator.generate(schema, random, () -> {
			String value = marker(random);
			values.add(value);
			return value;
		});
		return new Case(schema, document, values);
	}

	private static String marker(Random random) {
		String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@.+-";
		StringBuilder value = new StringBuilder("q");
		int length = 6 + random.nextInt(10);
		for (int i = 0; i < length; i++) {
			value.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return value.toString();
	}

	@Property(tries = 300)
	void noViolationMessageContainsADocumentValue(@ForAll("documents") Case example) {
		// given a document full of values that break formats, patterns, enums and types
		// when
		List<Violation> violations = validator.validate(example.schema(), example.document());
		// then
		for (Violation violation : violations) {
			for (String value : example.values()) {
				assertThat(violation.message()).doesNotContain(value);
			}
		}
	}

}
