package nl.ketenpoort.gateway.audit.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Asks a witness to co-sign a checkpoint (https://c2sp.org/tlog-witness,
 * {@code add-checkpoint}) and tells its answer apart: co-signed, a conflict with the size
 * it knows, a split view, or a refusal. It checks the form of the answer only; whether a
 * cosignature verifies is {@link Cosignature#check}'s to say, with the witness's key.
 */
public final class WitnessClient {

	private static final Pattern SIZE = Pattern.compile("(0|[1-9][0-9]{0,18})\n");

	private final HttpClient http;

	private final Duration timeout;

	/**
	 * A client on {@code http}, each request bounded by {@code timeout}.
	 * @param http the HTTP client (keep-alive, as the specification asks)
	 * @param timeout how long one request may take
	 */
	public WitnessClient(HttpClient http, Duration timeout) {
		this.http = http;
		this.timeout = timeout;
	}

	/** What a witness answered. */
	public sealed interface Result {

	}

	/**
	 * 200: the witness's cosignature line(s) on the checkpoint, not yet verified.
	 *
	 * @param signatures the signature lines it answered
	 */
	public record Cosigned(List<SignedNote.Line> signatures) implements Result {

		public Cosigned {
			signatures = List.copyOf(signatures);
		}

	}

	/**
	 * 409 with the size the witness last co-signed, which is not the old size sent: ask
	 * again with a proof from that size.
	 *
	 * @param knownSize the size the witness knows
	 */
	public record Conflict(long knownSize) implements Result {
	}

	/**
	 * 422 (or 409 without a size) for a checkpoint at the size the witness co-signed: it
	 * holds another root for that size, the log showed two views.
	 */
	public record SplitView() implements Result {
	}

	/**
	 * Any other answer: 400, 403, 404, 422, 5xx, or a 200 or 409 whose body is not what
	 * the specification says.
	 *
	 * @param status the HTTP status
	 * @param body the body, for the log's operator
	 */
	public record Refused(int status, String body) implements Result {
	}

	/**
	 * Sends {@code signedNote} with a consistency proof from {@code oldSize} to the
	 * witness.
	 * @param witness the witness's submission prefix; {@code /add-checkpoint} is added
	 * @param oldSize the size the witness last co-signed as far as the log knows (0 for
	 * none)
	 * @param proof the consistency proof from {@code oldSize}, at most 63 hashes
	 * @param signedNote the checkpoint as a signed note, with the log's signature
	 * @return what the witness answered
	 * @throws WitnessUnreachable when no answer came
	 * @throws SignedNote.Malformed when {@code signedNote} is no signed checkpoint
	 */
	public Result addCheckpoint(URI witness, long oldSize, List<byte[]> proof, String signedNote) {
		long size = SignedNote.Checkpoint.parse(SignedNote.parse(signedNote).text()).size();
		HttpRequest request = HttpRequest.newBuilder(endpoint(witness))
			.timeout(this.timeout)
			.header("Content-Type", "text/plain; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString(body(oldSize, proof, signedNote), StandardCharsets.UTF_8))
			.build();
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new WitnessUnreachable(witness, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WitnessUnreachable(witness, ex);
		}
		return result(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(),
				oldSize, size);
	}

	/**
	 * The request body: {@code old <size>}, the proof's lines, a blank line, the note.
	 */
	static String body(long oldSize, List<byte[]> proof, String signedNote) {
		if (oldSize < 0 || proof.size() > Witness.MAX_PROOF_LINES || !signedNote.endsWith("\n")) {
			throw new SignedNote.Malformed(
					"a request has a size of 0 or more, at most 63 proof hashes and a note that ends in a newline");
		}
		StringBuilder body = new StringBuilder("old ").append(oldSize).append('\n');
		for (byte[] hash : proof) {
			body.append(Base64.getEncoder().encodeToString(hash)).append('\n');
		}
		return body.append('\n').append(signedNote).toString();
	}

	static Result result(int status, String contentType, String body, long oldSize, long size) {
		if (status == 200) {
			try {
				return new Cosigned(lines(body));
			}
			catch (SignedNote.Malformed ex) {
				return new Refused(status, body);
			}
		}
		boolean sized = contentType.trim().toLowerCase(Locale.ROOT).startsWith(Witness.SIZE_CONTENT_TYPE);
		if (status == 409 && sized && SIZE.matcher(body).matches()) {
			return new Conflict(Long.parseLong(body.trim()));
		}
		// tlog-witness answers another root at the same size with 422 (earlier texts and
		// some witnesses with 409 without a size): the old size that is the checkpoint's
		// leaves only the root to differ
		if ((status == 422 || status == 409) && oldSize == size && size > 0) {
			return new SplitView();
		}
		return new Refused(status, body);
	}

	private static List<SignedNote.Line> lines(String body) {
		if (body.isEmpty() || !body.endsWith("\n")) {
			throw new SignedNote.Malformed("a cosignature answer is signature lines, each ending in a newline");
		}
		List<SignedNote.Line> lines = new ArrayList<>();
		for (String line : body.substring(0, body.length() - 1).split("\n", -1)) {
			lines.add(SignedNote.line(line));
		}
		return lines;
	}

	private static URI endpoint(URI witness) {
		String prefix = witness.toString();
		return URI
			.create((prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix) + "/add-checkpoint");
	}

	/**
	 * The witness did not answer: not reachable, too slow, or the wait was interrupted.
	 */
	public static final class WitnessUnreachable extends RuntimeException {

		WitnessUnreachable(URI witness, Exception cause) {
			super("the witness " + witness + " did not answer: " + cause.getMessage(), cause);
		}

	}

}
