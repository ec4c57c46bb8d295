package nl.ketenpoort.schemas.fields;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import nl.ketenpoort.schemas.Category;
import nl.ketenpoort.schemas.DocumentType;

import static org.assertj.core.api.Assertions.assertThat;

class MinimiserPropertyTests {

	private static final FieldCatalogue catalogue = FieldCatalogue.load();

	private static final Minimiser minimiser = new Minimiser(catalogue);

	private static final DocumentGenerator generator = new DocumentGenerator(catalogue);

	record Case(DocumentType type, ObjectNode document, Set<String> allowed) {

	}

	@Provide
	Arbitrary<Case> cases() {
		return Arbitraries.of(DocumentType.all())
			.flatMap((type) -> Arbitraries.randomValue((random) -> newCase(type, random)));
	}

	private static Case newCase(DocumentType type, Random random) {
		ObjectNode document = generator.generate(type, random, () -> "v" + random.nextInt(1000));
		Set<String> allowed = new HashSet<>();
		for (Category category : Category.values()) {
			if (random.nextInt(6) == 0) {
				allowed.add(category.code());
			}
		}
		for (Field field : catalogue.fields(type)) {
			if (random.nextInt(8) == 0) {
				allowed.add(field.path());
			}
		}
		return new Case(type, document, allowed);
	}

	@Property(tries = 500)
	void keepsExactlyTheAllowedFieldsAndWhatLeadsToThem(@ForAll("cases") Case example) {
		// given a generated document and a random mix of categories and field paths
		List<String> present = FieldNames.of(example.document());
		Set<String> expected = new TreeSet<>();
		for (String path : present) {
			boolean leadsToAllowed = present.stream()
				.anyMatch((other) -> other.startsWith(path + ".") && allowed(example, other));
			if (allowed(example, path) || leadsToAllowed) {
				expected.add(path);
			}
		}
		// when
		ObjectNode minimised = minimiser.minimise(example.type(), example.document(), example.allowed());
		// then
		assertThat(FieldNames.of(minimised)).containsExactlyElementsOf(expected);
	}

	@Property(tries = 300)
	void dropsSpecialCategoryDataUnlessItsCategoryIsNamed(@ForAll("cases") Case example) {
		// given
		Set<String> withoutArt9 = new HashSet<>(example.allowed());
		withoutArt9.remove(Category.HEALTH.code());
		withoutArt9.remove(Category.WELLBEING.code());
		// when
		ObjectNode minimised = minimiser.minimise(example.type(), example.document(), withoutArt9);
		// then
		assertThat(FieldNames.of(minimised))
			.noneMatch((path) -> catalogue.field(example.type(), path).map(Field::specialCategory).orElse(false));
	}

	@Property(tries = 200)
	void allowingEveryCategoryKeepsEveryDefinedField(@ForAll("cases") Case example) {
		// given
		Set<String> everything = new HashSet<>();
		for (Category category : Category.values()) {
			everything.add(category.code());
		}
		ObjectNode expected = example.document().deepCopy();
		expected.remove("notInTheSchema");
		// when
		ObjectNode minimised = minimiser.minimise(example.type(), example.document(), everything);
		// then
		assertThat(minimised).isEqualTo(expected);
	}

	@Property(tries = 100)
	void neverChangesTheInput(@ForAll("cases") Case example) {
		// given
		JsonNode before = example.document().deepCopy();
		// when
		minimiser.minimise(example.type(), example.document(), example.allowed());
		// then
		assertThat(example.document()).isEqualTo(before);
	}

	/**
	 * The rule written out independently of the implementation: Art. 9 fields need their
	 * category; other fields need their category, their path, or an allowed enclosing
	 * field.
	 */
	private static boolean allowed(Case example, String path) {
		Map<String, Field> fields = new HashMap<>();
		catalogue.fields(example.type()).forEach((field) -> fields.put(field.path(), field));
		Field field = fields.get(path);
		if (field == null) {
			return false;
		}
		if (field.specialCategory()) {
			return example.allowed().contains(field.category().code());
		}
		for (String candidate = path; candidate != null; candidate = parent(candidate)) {
			Field enclosing = fields.get(candidate);
			if (example.allowed().contains(candidate) || example.allowed().contains(enclosing.category().code())) {
				return true;
			}
		}
		return false;
	}

	private static String parent(String path) {
		int dot = path.lastIndexOf('.');
		return (dot < 0) ? null : path.substring(0, dot);
	}

}
