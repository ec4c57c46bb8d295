package nl.ketenpoort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Provider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.crypto.Cipher;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import nl.ketenpoort.gateway.identity.People;
import org.junit.jupiter.api.Test;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module rules of Ketenpoort: dependencies point one way (schemas &lt;- consent
 * registry, schemas &lt;- adapters, gateway -&gt; all; keys &lt;- consent registry,
 * adapters and gateway, keys -&gt; nothing), feature packages have no cycles, not even
 * through inlined constants, and the code keeps the house rules that reviews would
 * otherwise have to catch.
 */
class ArchitectureTests {

	/**
	 * The classes that may still construct a bare {@code IllegalStateException} or
	 * {@code IllegalArgumentException}, each for a failure no request or file can cause
	 * (or, where one can, the change that removes it). Nested classes count as their
	 * top-level class.
	 */
	private static final Map<String, String> BARE_EXCEPTIONS_ALLOWED = Map.ofEntries(
			entry("nl.ketenpoort.gateway.OperatorCommandLine", "a command class that cannot be built is a bug"),
			entry("nl.ketenpoort.gateway.audit.internal.AuditChainVerifier",
					"an interrupted verification or a reader's checked failure"),
			entry("nl.ketenpoort.gateway.audit.internal.AuditPruner",
					"retention names an unknown purpose: start-up stops"),
			entry("nl.ketenpoort.gateway.audit.internal.AuditRetentionMinimum",
					"retention below the legal minimum: start-up stops"),
			entry("nl.ketenpoort.gateway.audit.internal.AuditSigningKeys",
					"moves into the keys module (another change)"),
			entry("nl.ketenpoort.gateway.audit.VerifyJobs",
					"a job neither started nor found, which its lock rules out"),
			entry("nl.ketenpoort.gateway.exchange.internal.AcceptSteps", "accept steps out of order are a bug"),
			entry("nl.ketenpoort.gateway.exchange.Exchanges", "persist before the accept steps is a bug"),
			entry("nl.ketenpoort.gateway.exchange.internal.PayloadCipher",
					"a stored payload's key or cipher is unusable: ours"),
			entry("nl.ketenpoort.gateway.exchange.internal.TvsFileIntake",
					"a TVS type without a route; goes with the Exchange aggregate's typed intake"),
			entry("nl.ketenpoort.gateway.identity.internal.LoginKeys", "HMAC-SHA256 missing from the Java runtime"),
			entry("nl.ketenpoort.gateway.system.internal.FirstRunSecrets",
					"the secrets file cannot be written: start-up stops"),
			entry("nl.ketenpoort.consent.ConsentMethod", "a method code in the database that no release wrote"),
			entry("nl.ketenpoort.consent.ConsentStatus", "a status code in the database that no release wrote"),
			entry("nl.ketenpoort.consent.statement.ConsentStatements", "signing fails only with an unusable key: ours"),
			entry("nl.ketenpoort.keys.Digests", "SHA-256 missing from the Java runtime"),
			entry("nl.ketenpoort.keys.KeySealing",
					"a key-encryption key of the wrong size stops start-up; AES-GCM missing"),
			entry("nl.ketenpoort.keys.KeyPurpose", "a purpose code is a constant in our code"),
			entry("nl.ketenpoort.keys.KeyRing", "a key that cannot be made or used: ours, not the caller's"),
			entry("nl.ketenpoort.keys.SealingKey", "a sealing key of the wrong size stops start-up; AES-GCM missing"),
			entry("nl.ketenpoort.consent.subject.Pseudonyms",
					"a pseudonym key under 32 bytes stops start-up; HMAC missing"),
			entry("nl.ketenpoort.consent.subject.SubjectRef",
					"a pseudonym guard; a statement's bad sub becomes a rejection in ConsentStatements"),
			entry("nl.ketenpoort.schemas.SchemaResources", "a schema missing from the jar"),
			entry("nl.ketenpoort.schemas.DocumentTypes", "a malformed schema directory in the jar stops start-up"),
			entry("nl.ketenpoort.adapters.mapping.VocabularyInvalid",
					"is the bug of a vocabulary naming something twice"),
			entry("nl.ketenpoort.adapters.tvs.TvsExportFormat", "tvs-export.xsd missing from the jar or invalid"),
			entry("nl.ketenpoort.adapters.tvs.TvsFileIntakeRoutes", "the intake directory is not set: start-up stops"));

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
	void keysDependOnNoOtherModule() {
		assertThat(MAIN.containPackage("nl.ketenpoort.keys")).isTrue();
		noClasses().that()
			.resideInAPackage("nl.ketenpoort.keys..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("nl.ketenpoort.schemas..", "nl.ketenpoort.consent..", "nl.ketenpoort.adapters..",
					"nl.ketenpoort.gateway..")
			.check(MAIN);
	}

	@Test
	void onlyTheKeysModuleMakesDigests() {
		// One SHA-256 helper (Digests); HMAC (javax.crypto.Mac) and the constant-time
		// MessageDigest.isEqual stay where they are used.
		noClasses().that()
			.resideOutsideOfPackage("nl.ketenpoort.keys..")
			.should()
			.callMethod(MessageDigest.class, "getInstance", String.class)
			.orShould()
			.callMethod(MessageDigest.class, "getInstance", String.class, String.class)
			.orShould()
			.callMethod(MessageDigest.class, "getInstance", String.class, Provider.class)
			.check(MAIN);
	}

	@Test
	void onlyTheKeysModuleEncryptsWithTheJdkCipher() {
		// Signing keys are sealed in one place (keys.KeySealing), stored payloads with
		// keys.SealingKey: nonces and tags are handled in this module only.
		noClasses().that()
			.resideOutsideOfPackage("nl.ketenpoort.keys..")
			.should()
			.dependOnClassesThat()
			.belongToAnyOf(Cipher.class)
			.check(MAIN);
	}

	@Test
	void featurePackagesAreFreeOfCyclesEvenThroughInlinedConstants() {
		// The compiler copies a constant (a static final String, say) into every class
		// that reads it, so the bytecode above no longer names the constant's class; the
		// source still does. Comments and string literals are left out: a link in Javadoc
		// or a class name in a string is no dependency.
		Map<String, Set<String>> uses = new TreeMap<>();
		for (String module : List.of("schemas", "keys", "consent-registry", "adapters", "gateway")) {
			Path sources = Path.of("..", module, "src", "main", "java");
			assertThat(sources).as("sources of %s", module).isDirectory();
			try (Stream<Path> files = Files.walk(sources)) {
				files.filter((file) -> file.toString().endsWith(".java")).forEach((file) -> {
					String code = withoutCommentsAndStrings(read(file));
					Matcher declared = PACKAGE.matcher(code);
					if (!declared.find()) {
						return;
					}
					String from = unit(declared.group(1));
					Matcher used = QUALIFIED_PACKAGE.matcher(code.substring(declared.end()));
					while (used.find()) {
						String to = unit(used.group(1));
						if (!to.equals(from)) {
							uses.computeIfAbsent(from, (name) -> new TreeSet<>()).add(to);
						}
					}
				});
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		assertThat(uses).containsKeys("nl.ketenpoort.gateway.problem", "nl.ketenpoort.gateway.system");
		assertThat(cycles(uses)).isEmpty();
	}

	/**
	 * What may not take part in a cycle: a gateway module as a whole (its API and its
	 * internal package use each other), or a package of a library.
	 */
	private static String unit(String packageName) {
		Matcher module = GATEWAY_MODULE.matcher(packageName);
		return module.matches() ? module.group(1) : packageName;
	}

	private static final Pattern GATEWAY_MODULE = Pattern.compile("(nl\\.ketenpoort\\.gateway\\.[a-z]+)(\\..*)?");

	private static final Pattern PACKAGE = Pattern.compile("\\bpackage\\s+(nl\\.ketenpoort[\\w.]*)\\s*;");

	/** A package of Ketenpoort, as the lower-case part of a qualified type name. */
	private static final Pattern QUALIFIED_PACKAGE = Pattern
		.compile("\\b(nl\\.ketenpoort(?:\\.[a-z_][a-z0-9_]*)*)\\.[A-Z]");

	private static final Pattern COMMENT_OR_STRING = Pattern
		.compile("(?s)/\\*.*?\\*/|//[^\\n]*|\"\"\".*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\])'");

	private static String withoutCommentsAndStrings(String code) {
		return COMMENT_OR_STRING.matcher(code).replaceAll(" ");
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every package that can reach itself again, with the way round. */
	private static List<String> cycles(Map<String, Set<String>> uses) {
		List<String> cycles = new ArrayList<>();
		for (String start : uses.keySet()) {
			Map<String, String> cameFrom = new HashMap<>();
			List<String> queue = new ArrayList<>(uses.get(start));
			queue.forEach((next) -> cameFrom.put(next, start));
			for (int i = 0; i < queue.size(); i++) {
				String at = queue.get(i);
				if (at.equals(start)) {
					List<String> path = new ArrayList<>(List.of(start));
					for (String back = cameFrom.get(start); !back.equals(start); back = cameFrom.get(back)) {
						path.add(0, back);
					}
					path.add(0, start);
					cycles.add(String.join(" -> ", path));
					break;
				}
				for (String next : uses.getOrDefault(at, Set.of())) {
					if (!cameFrom.containsKey(next)) {
						cameFrom.put(next, at);
						queue.add(next);
					}
				}
			}
		}
		return cycles;
	}

	@Test
	void libraryPackagesAreFreeOfCycles() {
		slices().matching("nl.ketenpoort.(**)")
			.should()
			.beFreeOfCycles()
			.check(MAIN.that(resideOutsideOfPackage("nl.ketenpoort.gateway..")));
	}

	@Test
	void gatewayModulesAreFreeOfCycles() {
		// A module's API and its internal package may use each other; modules may not
		// (ModularityTests checks the same through Spring Modulith, and this rule also
		// sees the classes outside any module).
		slices().matching("nl.ketenpoort.gateway.(*)..").should().beFreeOfCycles().check(MAIN);
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
			.doNotHaveFullyQualifiedName("nl.ketenpoort.gateway.identity.internal.LocalAccounts")
			.should()
			.callMethod(People.class, "create", String.class, String.class, Set.class, String.class, String.class)
			.check(MAIN);
	}

	@Test
	void noFieldInjection() {
		NO_CLASSES_SHOULD_USE_FIELD_INJECTION.check(MAIN);
	}

	@Test
	void featureCodeThrowsCodedExceptionsNotBareIllegalStateOrArgument() {
		// Input must end in a coded exception (a ProblemException or a library's
		// CodedFailure) that the problem handler answers with its code, never a 500.
		assertThat(BARE_EXCEPTIONS_ALLOWED.keySet())
			.allSatisfy((name) -> assertThat(MAIN.contain(name)).as(name).isTrue());
		// and the list only shrinks: a class that no longer throws them leaves it
		assertThat(BARE_EXCEPTIONS_ALLOWED.keySet()).allSatisfy((name) -> assertThat(MAIN.stream()
			.filter((javaClass) -> javaClass.getName().split("\\$")[0].equals(name))
			.flatMap((javaClass) -> javaClass.getConstructorCallsFromSelf().stream())
			.anyMatch((call) -> call.getTargetOwner().isEquivalentTo(IllegalStateException.class)
					|| call.getTargetOwner().isEquivalentTo(IllegalArgumentException.class)))
			.as("%s still throws a bare exception", name)
			.isTrue());
		bareExceptionsOutsideTheAllowList().check(MAIN);
	}

	@Test
	void theBareExceptionRuleSeesABareException() {
		// The test probe throws a bare IllegalStateException on purpose; the rule must
		// find it, or it would pass vacuously.
		JavaClasses probe = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
			.importPackages("nl.ketenpoort.gateway.problem");
		assertThat(bareExceptionsOutsideTheAllowList().evaluate(probe).hasViolation()).isTrue();
	}

	private static ArchRule bareExceptionsOutsideTheAllowList() {
		return noClasses().that()
			.resideInAnyPackage("nl.ketenpoort.gateway..", "nl.ketenpoort.consent..", "nl.ketenpoort.adapters..",
					"nl.ketenpoort.schemas..", "nl.ketenpoort.keys..")
			.and(not(onTheAllowList()))
			.should()
			.callConstructorWhere(
					target(owner(type(IllegalStateException.class).or(type(IllegalArgumentException.class)))));
	}

	private static DescribedPredicate<JavaClass> onTheAllowList() {
		return DescribedPredicate.describe("allowed to throw bare exceptions",
				(javaClass) -> BARE_EXCEPTIONS_ALLOWED.containsKey(javaClass.getName().split("\\$")[0]));
	}

}
