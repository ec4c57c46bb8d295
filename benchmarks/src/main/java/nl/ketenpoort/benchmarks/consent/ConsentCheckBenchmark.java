package nl.ketenpoort.benchmarks.consent;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import nl.ketenpoort.consent.subject.VNumber;
import nl.ketenpoort.consent.Consent;
import nl.ketenpoort.consent.ConsentChecks;
import nl.ketenpoort.consent.ConsentDecision;
import nl.ketenpoort.consent.ConsentMethod;
import nl.ketenpoort.consent.ConsentRegistry;
import nl.ketenpoort.consent.ConsentRegistryConfiguration;
import nl.ketenpoort.consent.GrantRequest;
import nl.ketenpoort.consent.purpose.PurposeCatalogue;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.schemas.DocumentType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Latency of {@link ConsentChecks#check} with a million consents in PostgreSQL, with the
 * verified-statement cache hit and missed, against a bare {@code SELECT 1} round trip on
 * the same connection pool as baseline.
 * <p>
 * Data: {@value #SIGNED_SUBJECTS} subjects get two real consents each through
 * {@link ConsentRegistry#grant} (real pseudonyms, real ES256 statements, history rows);
 * the remaining consents are bulk-loaded with COPY for filler subjects, three each, and
 * reuse one real statement so that rows have their true size. Reusing the signature is
 * honest here because checks only ever target the really granted subjects: the filler
 * rows shape the table, its indexes and the buffer cache, which is what a lookup pays
 * for; they are never verified. Every measured check reads the subject's consents from
 * the database, and on a miss also verifies the ES256 signature (the "miss" registry has
 * its cache disabled).
 * <p>
 * Run:
 * {@code java -jar benchmarks/target/ketenpoort-benchmarks.jar ConsentCheckBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class ConsentCheckBenchmark {

	private static final Logger logger = LoggerFactory.getLogger(ConsentCheckBenchmark.class);

	static final int TOTAL_CONSENTS = 1_000_000;

	static final int SIGNED_SUBJECTS = 5_000;

	private static final int FILLER_PER_SUBJECT = 3;

	private static final String PURPOSE = "handover-coa-municipality";

	private BenchmarkDatabase database;

	private AnnotationConfigApplicationContext cached;

	private AnnotationConfigApplicationContext uncached;

	private ConsentChecks cachedChecks;

	private ConsentChecks uncachedChecks;

	private JdbcClient jdbc;

	private SubjectRef[] subjects;

	@Setup(Level.Trial)
	public void setUp() throws Exception {
		// Without a logging configuration logback logs every JDBC statement at DEBUG,
		// which would
		// be measured too.
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.INFO);
		this.database = BenchmarkDatabase.start(Path.of(System.getProperty("ketenpoort.benchmark.data",
				Path.of(System.getProperty("java.io.tmpdir"), "ketenpoort-consent-benchmark").toString())));
		this.cached = registry(this.database.dataSource(), 100_000);
		this.uncached = registry(this.database.dataSource(), 0);
		this.cachedChecks = this.cached.getBean(ConsentChecks.class);
		this.uncachedChecks = this.uncached.getBean(ConsentChecks.class);
		this.jdbc = JdbcClient.create(this.database.dataSource());
		if (this.database.count("select count(*) from consent") < TOTAL_CONSENTS) {
			generate();
		}
		List<SubjectRef> granted = this.jdbc.sql("select distinct subject from consent where method = 'portal'")
			.query((rs, row) -> new SubjectRef(rs.getString(1)))
			.list();
		this.subjects = granted.toArray(new SubjectRef[0]);
		for (SubjectRef subject : this.subjects) {
			// Fill the verified-statement cache so that the "hit" benchmark measures
			// hits.
			if (!this.cachedChecks.check(subject, PURPOSE, "tvs", "raak", DocumentType.of("client-profile"))
				.allowed()) {
				throw new IllegalStateException("A generated consent does not verify");
			}
		}
	}

	@TearDown(Level.Trial)
	public void tearDown() throws Exception {
		this.cached.close();
		this.uncached.close();
		this.database.close();
	}

	@Benchmark
	public Integer baselineSelectOne() {
		return this.jdbc.sql("select 1").query(Integer.class).single();
	}

	@Benchmark
	public ConsentDecision checkCacheHit() {
		return this.cachedChecks.check(randomSubject(), PURPOSE, "tvs", "raak", DocumentType.of("client-profile"));
	}

	@Benchmark
	public ConsentDecision checkCacheMiss() {
		return this.uncachedChecks.check(randomSubject(), PURPOSE, "tvs", "raak", DocumentType.of("client-profile"));
	}

	private SubjectRef randomSubject() {
		return this.subjects[ThreadLocalRandom.current().nextInt(this.subjects.length)];
	}

	private void generate() throws Exception {
		ConsentRegistry registry = this.cached.getBean(ConsentRegistry.class);
		Subjects subjectStore = this.cached.getBean(Subjects.class);
		PurposeCatalogue catalogue = this.cached.getBean(PurposeCatalogue.class);
		String handoverText = catalogue.text(PURPOSE, "ar").sha256();
		String guidanceText = catalogue.text("social-guidance-vwn", "ar").sha256();
		List<Consent> consents = new ArrayList<>();
		for (int i = 0; i < SIGNED_SUBJECTS; i++) {
			SubjectRef subject = subjectStore.enrol(VNumber.parse(String.format("%010d", 1_000_000_000L + i)));
			consents.add(registry
				.grant(new GrantRequest(subject, PURPOSE, "tvs", List.of("raak"),
						List.of(DocumentType.of("client-profile")), null, ConsentMethod.portal(), "ar", handoverText))
				.consent());
			registry.grant(new GrantRequest(subject, "social-guidance-vwn", "tvs", List.of("vvs"),
					List.of(DocumentType.of("client-profile")), null, ConsentMethod.portal(), "ar", guidanceText));
			if ((i + 1) % 1000 == 0) {
				logger.info("Granted consents for {} subjects", i + 1);
			}
		}
		Consent template = consents.get(0);
		int fillerSubjects = (TOTAL_CONSENTS - 2 * SIGNED_SUBJECTS) / FILLER_PER_SUBJECT;
		Instant grantedAt = template.grantedAt();
		this.database.copyFiller(fillerSubjects, FILLER_PER_SUBJECT, template.statement(), template.signingKid(),
				grantedAt, template.validUntil());
	}

	private static AnnotationConfigApplicationContext registry(DataSource dataSource, int cacheSize) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		// Fixed benchmark-only secrets: the data directory is reused between forks.
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("benchmark",
					Map.of("ketenpoort.consent.pseudonym-key",
							Base64.getEncoder().encodeToString("benchmark-pseudonym-key-32-bytes".getBytes()),
							"ketenpoort.consent.key-encryption-key",
							Base64.getEncoder().encodeToString("benchmark-key-encryption-key-32b".getBytes()),
							"ketenpoort.consent.statement-cache-size", cacheSize)));
		context.registerBean(DataSource.class, () -> dataSource);
		context.register(ConsentRegistryConfiguration.class);
		context.refresh();
		return context;
	}

}
