package nl.ketenpoort.schemas.validation;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import nl.ketenpoort.schemas.Examples;
import nl.ketenpoort.schemas.SchemaResources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ExamplesValidationTests {

	private static final DocumentValidator validator = DocumentValidator.create();

	static Stream<Examples.Valid> validExamples() {
		return Examples.valid();
	}

	static Stream<Examples.Invalid> invalidExamples() {
		return Examples.invalid();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("validExamples")
	void validExamplePasses(Examples.Valid example) {
		// given a valid example
		// when
		List<Violation> violations = validator.validate(example.schema(), example.json());
		// then
		assertThat(violations).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidExamples")
	void invalidExampleFailsAtTheExpectedPointer(Examples.Invalid example) {
		// given an invalid example and its expected failure
		// when
		List<Violation> violations = validator.validate(example.schema(), example.json());
		// then
		assertThat(violations).extracting(Violation::pointer, Violation::keyword)
			.contains(tuple(example.pointer(), example.keyword()));
	}

	@Test
	void everySchemaHasValidAndInvalidExamples() {
		// given
		var valid = Examples.valid().map(Examples.Valid::schema).distinct().toList();
		var invalid = Examples.invalid().map(Examples.Invalid::schema).distinct().toList();
		// when
		var all = SchemaResources.all();
		// then
		assertThat(valid).containsExactlyInAnyOrderElementsOf(all);
		assertThat(invalid).containsExactlyInAnyOrderElementsOf(all);
	}

}
