package nl.ketenpoort.consent;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import nl.ketenpoort.consent.purpose.PurposeCatalogue;
import nl.ketenpoort.consent.statement.ConsentKeys;
import nl.ketenpoort.consent.statement.ConsentStatements;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.schemas.DocumentType;

import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A registry wired by {@link ConsentRegistryConfiguration} in a small Spring context, as
 * the gateway wires it; several instances on one database behave like several nodes.
 */
public final class TestRegistry implements AutoCloseable {

	public static final String PSEUDONYM_KEY = Base64.getEncoder().encodeToString(new byte[32]);

	public static final String KEY_ENCRYPTION_KEY = Base64.getEncoder()
		.encodeToString("0123456789abcdef0123456789abcdef".getBytes());

	public static final Instant START = Instant.parse("2026-11-02T09:00:00Z");

	private final AnnotationConfigApplicationContext context;

	private final List<Object> events = new CopyOnWriteArrayList<>();

	public final MutableClock clock;

	private TestRegistry(DataSource dataSource, MutableClock clock, int cacheSize) {
		this.clock = clock;
		this.context = new AnnotationConfigApplicationContext();
		this.context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("test",
					Map.of("ketenpoort.consent.pseudonym-key", PSEUDONYM_KEY, "ketenpoort.consent.key-encryption-key",
							KEY_ENCRYPTION_KEY, "ketenpoort.consent.statement-cache-size", cacheSize)));
		this.context.registerBean(DataSource.class, () -> dataSource);
		this.context.registerBean(MutableClock.class, () -> clock);
		this.context.registerBean("eventRecorder", ApplicationListener.class,
				() -> (ApplicationListener<PayloadApplicationEvent<?>>) (event) -> this.events.add(event.getPayload()));
		this.context.register(ConsentRegistryConfiguration.class);
		this.context.refresh();
	}

	public static TestRegistry start() {
		return new TestRegistry(TestDatabase.dataSource(), new MutableClock(START), 1000);
	}

	/** A registry on another database, with the clock at {@link #START}. */
	public static TestRegistry on(DataSource dataSource) {
		return new TestRegistry(dataSource, new MutableClock(START), 1000);
	}

	/**
	 * Another node: its own DataSource and its own caches, the same database and clock.
	 */
	public TestRegistry anotherNode() {
		return new TestRegistry(TestDatabase.independentDataSource(), this.clock, 1000);
	}

	public ConsentRegistry registry() {
		return this.context.getBean(ConsentRegistry.class);
	}

	public ConsentChecks checks() {
		return this.context.getBean(ConsentChecks.class);
	}

	public Subjects subjects() {
		return this.context.getBean(Subjects.class);
	}

	public ConsentKeys keys() {
		return this.context.getBean(ConsentKeys.class);
	}

	public ConsentStatements statements() {
		return this.context.getBean(ConsentStatements.class);
	}

	public PurposeCatalogue catalogue() {
		return this.context.getBean(PurposeCatalogue.class);
	}

	public List<Object> events() {
		return this.events;
	}

	/** A portal grant in Dutch with the catalogue's own text hash. */
	public Consent grant(SubjectRef subject, String purpose, String from, List<String> to, DocumentType... documents) {
		return registry().grant(request(subject, purpose, from, to, documents)).consent();
	}

	public GrantRequest request(SubjectRef subject, String purpose, String from, List<String> to,
			DocumentType... documents) {
		return new GrantRequest(subject, purpose, from, to, List.of(documents), null, ConsentMethod.portal(), "nl",
				catalogue().text(purpose, "nl").sha256());
	}

	@Override
	public void close() {
		this.context.close();
	}

}
