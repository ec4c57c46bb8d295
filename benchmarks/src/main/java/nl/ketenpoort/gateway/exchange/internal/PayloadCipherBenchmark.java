package nl.ketenpoort.gateway.exchange.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import nl.ketenpoort.benchmarks.report.BenchmarkReport;
import nl.ketenpoort.keys.Digests;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectEncrypter;

/**
 * What storing and reading one payload costs the gateway in CPU: seal and open in format
 * 1 (binary AES-256-GCM, {@link PayloadCipher}) against the compact JWE of the release
 * before (Nimbus, direct A256GCM, frozen here as that release's {@code encrypt} and the
 * {@code decryptJwe} it still has), for a 3.4 KB payload, the size of a minimised client
 * profile. JWE is the baseline: the two alternate round by round in one JVM, the order
 * flipped every pair, and the report gives each one's median payloads/s (one encrypt plus
 * one decrypt) and the median of the per-pair ratios, with the load average.
 * <p>
 * Run:
 * {@code java -cp benchmarks/target/ketenpoort-benchmarks.jar nl.ketenpoort.gateway.exchange.internal.PayloadCipherBenchmark [pairs]}.
 */
public final class PayloadCipherBenchmark {

	private static final int PAYLOAD_BYTES = 3_400;

	private static final int PER_ROUND = 2_000;

	private static final int WARM_UP_PAIRS = 10;

	private final byte[] key = new byte[32];

	private final PayloadCipher cipher;

	private final String jweKeyId;

	private final byte[] payload;

	private final UUID[] exchanges = new UUID[PER_ROUND];

	private PayloadCipherBenchmark() {
		SplittableRandom random = new SplittableRandom(24);
		for (int i = 0; i < this.key.length; i++) {
			this.key[i] = (byte) random.nextInt(256);
		}
		this.cipher = new PayloadCipher(new ExchangeSettings(Base64.getEncoder().encodeToString(this.key), List.of(),
				Duration.ofHours(24), Duration.ofMinutes(1)));
		this.jweKeyId = "pk-" + HexFormat.of().formatHex(Digests.sha256(this.key), 0, 6);
		this.payload = document(random);
		for (int i = 0; i < PER_ROUND; i++) {
			this.exchanges[i] = new UUID(random.nextLong(), random.nextLong());
		}
	}

	public static void main(String[] args) {
		int pairs = (args.length > 0) ? Integer.parseInt(args[0]) : 30;
		PayloadCipherBenchmark benchmark = new PayloadCipherBenchmark();
		String loadBefore = BenchmarkReport.load();
		for (int i = 0; i < WARM_UP_PAIRS; i++) {
			benchmark.jweRound();
			benchmark.sealedRound();
		}
		double[] jwe = new double[pairs];
		double[] sealed = new double[pairs];
		double[] ratio = new double[pairs];
		for (int i = 0; i < pairs; i++) {
			if (i % 2 == 0) {
				jwe[i] = benchmark.jweRound();
				sealed[i] = benchmark.sealedRound();
			}
			else {
				sealed[i] = benchmark.sealedRound();
				jwe[i] = benchmark.jweRound();
			}
			ratio[i] = sealed[i] / jwe[i];
		}
		BenchmarkReport report = new BenchmarkReport();
		report.header("Payload encryption, format 1 against JWE, " + benchmark.payload.length + "-byte payload, "
				+ PER_ROUND + " encrypt+decrypt a round, " + pairs + " pairs");
		report.figure("JWE (baseline), median", median(jwe), "payloads/s");
		report.figure("format 1, median", median(sealed), "payloads/s");
		report.figure("format 1 / JWE, median of the pairs", median(ratio), "");
		report.line("stored size: JWE " + benchmark.jwe().length() + " characters, format 1 "
				+ benchmark.cipher.seal(benchmark.exchanges[0], benchmark.payload).length + " bytes");
		report.line("load average before " + loadBefore + ", after " + BenchmarkReport.load());
	}

	private double jweRound() {
		long start = System.nanoTime();
		for (int i = 0; i < PER_ROUND; i++) {
			check(this.cipher.decryptJwe(jwe()));
		}
		return PER_ROUND / ((System.nanoTime() - start) / 1e9);
	}

	private double sealedRound() {
		long start = System.nanoTime();
		for (UUID exchange : this.exchanges) {
			check(this.cipher.open(exchange, this.cipher.seal(exchange, this.payload)));
		}
		return PER_ROUND / ((System.nanoTime() - start) / 1e9);
	}

	/** The earlier release's {@code PayloadCipher.encrypt}, as it was. */
	private String jwe() {
		try {
			JWEObject jwe = new JWEObject(
					new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM).keyID(this.jweKeyId).build(),
					new Payload(this.payload));
			jwe.encrypt(new DirectEncrypter(this.key));
			return jwe.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void check(byte[] plaintext) {
		if (plaintext.length != this.payload.length) {
			throw new IllegalStateException("A payload did not round-trip");
		}
	}

	/** A JSON document of about 3.4 KB: a client profile's shape with made-up text. */
	private static byte[] document(SplittableRandom random) {
		StringBuilder json = new StringBuilder("{\"subject\":{\"vNumber\":\"1234567890\"},\"education\":[");
		while (json.length() < PAYLOAD_BYTES - 40) {
			json.append("{\"level\":\"")
				.append(words(random, 3))
				.append("\",\"note\":\"")
				.append(words(random, 12))
				.append("\"},");
		}
		json.setLength(json.length() - 1);
		json.append("]}");
		return json.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String words(SplittableRandom random, int count) {
		StringBuilder words = new StringBuilder();
		for (int i = 0; i < count; i++) {
			int length = 3 + random.nextInt(7);
			for (int c = 0; c < length; c++) {
				words.append((char) ('a' + random.nextInt(26)));
			}
			words.append(' ');
		}
		return words.toString().trim();
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

}
