package nl.ketenpoort;

import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import nl.ketenpoort.gateway.identity.People;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module rules of Ketenpoort: dependencies point one way (schemas &lt;- consent
 * registry, schemas &lt;- adapters, gateway -&gt; all), feature packages have no cycles,
 * and the code keeps the house rules that reviews would otherwise have to catch.
 */
class ArchitectureTests {

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("nl.ketenpoort");

	@Test
	void everyModuleWithCodeIsImported() {
		// Guards the rules below against passing vacuously because the import found
		// nothing.
		assertThat(MAIN.containPackage("nl.ketenpoort.schemas")).isTrue();
		assertThat(MAIN.containPackage("nl.ketenpoort.gateway")).isTrue();
	}

	@Test
	void schemasDependOnNoOtherModule() {
		noClasses().that()
			.resideInAPackage("nl.ketenpoort.schemas..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("nl.ketenpoort.consent..", "nl.ketenpoort.adapters..", "nl.ketenpoort.gateway..")
			.check(MAIN);
	}

	@Test
	void consentRegistryDependsOnlyOnSchemas() {
		noClasses().that()
			.resideInAPackage("nl.ketenpoort.consent..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("nl.ketenpoort.adapters..", "nl.ketenpoort.gateway..")
			.allowEmptyShould(true)
			.check(MAIN);
	}

	@Test
	void adaptersDependOnlyOnSchemas() {
		noClasses().that()
			.resideInAPackage("nl.ketenpoort.adapters..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("nl.ketenpoort.consent..", "nl.ketenpoort.gateway..")
			.allowEmptyShould(true)
			.check(MAIN);
	}

	@Test
	void featurePackagesAreFreeOfCycles() {
		slices().matching("nl.ketenpoort.(**)").should().beFreeOfCycles().check(MAIN);
	}

	@Test
	void noGenericExceptionsAreThrown() {
		NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.check(MAIN);
	}

	@Test
	void nothingWritesToStandardStreams() {
		NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(MAIN);
	}

	@Test
	void peopleAreCreatedOnlyByTheDemoAndByTheOperatorsCommand() {
		// No self-registration: outside the demo profile, local accounts come from
		// "person add" alone.
		noClasses().that()
			.doNotHaveFullyQualifiedName("nl.ketenpoort.gateway.identity.DemoPeople")
			.and()
			.doNotHaveFullyQualifiedName("nl.ketenpoort.gateway.identity.LocalAccounts")
			.should()
			.callMethod(People.class, "create", String.class, String.class, Set.class, String.class, String.class)
			.check(MAIN);
	}

	@Test
	void noFieldInjection() {
		NO_CLASSES_SHOULD_USE_FIELD_INJECTION.check(MAIN);
	}

}
