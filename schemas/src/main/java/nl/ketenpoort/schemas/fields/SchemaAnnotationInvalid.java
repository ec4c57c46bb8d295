package nl.ketenpoort.schemas.fields;

import java.util.List;

/**
 * Thrown when a schema's field annotations break the rules: a property without
 * {@code x-category}, a category outside {@link nl.ketenpoort.schemas.Category}, or an
 * {@code x-special-category} flag that disagrees with the category.
 */
public class SchemaAnnotationInvalid extends RuntimeException {

	private final List<String> problems;

	public SchemaAnnotationInvalid(String schema, List<String> problems) {
		super("Schema " + schema + " has invalid field annotations: " + String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return this.problems;
	}

}
