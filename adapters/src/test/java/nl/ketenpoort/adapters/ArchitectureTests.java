package nl.ketenpoort.adapters;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

class ArchitectureTests {

	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("nl.ketenpoort.adapters");

	@Test
	void dependsOnTheSchemasOnly() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("nl.ketenpoort.gateway..", "nl.ketenpoort.consent..")
			.check(classes);
	}

	@Test
	void usesJackson3Only() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("com.fasterxml.jackson.databind..")
			.check(classes);
	}

	@Test
	void partnerPackagesDoNotKnowEachOther() {
		slices().matching("nl.ketenpoort.adapters.(*)..").should().beFreeOfCycles().check(classes);
		for (String partner : new String[] { "tvs", "raak", "vvs", "taalschool" }) {
			noClasses().that()
				.resideInAPackage("nl.ketenpoort.adapters." + partner + "..")
				.should()
				.dependOnClassesThat()
				.resideInAnyPackage(otherPartners(partner))
				.check(classes);
		}
	}

	@Test
	void writesNothingToStandardStreams() {
		NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(classes);
	}

	@Test
	void throwsNoVanillaExceptions() {
		// Named exceptions call their super constructors; everything else throws those.
		noClasses().that()
			.areNotAssignableTo(Throwable.class)
			.should()
			.callConstructor(RuntimeException.class, String.class)
			.orShould()
			.callConstructor(IllegalArgumentException.class, String.class)
			.orShould()
			.callConstructor(Exception.class, String.class)
			.check(classes);
	}

	private static String[] otherPartners(String partner) {
		return java.util.stream.Stream.of("tvs", "raak", "vvs", "taalschool")
			.filter((other) -> !other.equals(partner))
			.map((other) -> "nl.ketenpoort.adapters." + other + "..")
			.toArray(String[]::new);
	}

}
