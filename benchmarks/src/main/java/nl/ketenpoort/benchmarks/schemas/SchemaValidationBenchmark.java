package nl.ketenpoort.benchmarks.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import nl.ketenpoort.schemas.DocumentType;
import nl.ketenpoort.schemas.registry.DocumentSchemas;
import nl.ketenpoort.schemas.validation.Violation;

/**
 * Throughput of validating a typical client profile (the shipped example of about 4.4 KB
 * with every section filled), with parsing the same text as the baseline measured in the
 * same run, so the result reads as a ratio that does not depend on the machine.
 * <p>
 * Run:
 * {@code java -jar benchmarks/target/ketenpoort-benchmarks.jar SchemaValidation -f 1 -wi 2 -i 3 -t 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SchemaValidationBenchmark {

	private static final String EXAMPLE = "examples/client-profile/valid/amira-al-khatib-syria.json";

	private DocumentSchemas schemas;

	private JsonMapper mapper;

	private String json;

	private JsonNode parsed;

	private final Set<String> allowed = Set.of("identity", "language", "education", "work", "practical.digid");

	@Setup
	public void setUp() {
		this.schemas = DocumentSchemas.load();
		this.mapper = JsonMapper.builder().build();
		this.json = read(EXAMPLE);
		this.parsed = this.mapper.readTree(this.json);
		if (!this.schemas.validate(DocumentType.of("client-profile"), this.json).isEmpty()) {
			throw new IllegalStateException("The benchmark document must be valid");
		}
	}

	/** The baseline: only parse the text into a tree. */
	@Benchmark
	public JsonNode parseOnly() {
		return this.mapper.readTree(this.json);
	}

	/** What the gateway does on accept: parse the text and validate it. */
	@Benchmark
	public List<Violation> parseAndValidate() {
		return this.schemas.validate(DocumentType.of("client-profile"), this.json);
	}

	/** Validation alone, on an already parsed tree. */
	@Benchmark
	public List<Violation> validateParsed() {
		return this.schemas.validate(DocumentType.of("client-profile"), this.parsed);
	}

	/** Minimisation of the parsed tree to a typical purpose's field list. */
	@Benchmark
	public JsonNode minimise() {
		return this.schemas.minimise(DocumentType.of("client-profile"), this.parsed, this.allowed);
	}

	private static String read(String resource) {
		try (InputStream in = SchemaValidationBenchmark.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is not on the classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
