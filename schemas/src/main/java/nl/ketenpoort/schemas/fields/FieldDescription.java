package nl.ketenpoort.schemas.fields;

/**
 * A field with what the reference documentation shows about it.
 *
 * @param field path, category and Art. 9 flag
 * @param type a short type label, e.g. {@code date} or {@code one of native, fluent}
 * @param required whether the enclosing object requires the field
 * @param description the schema's description, empty when it has none
 */
public record FieldDescription(Field field, String type, boolean required, String description) {

}
